package main

import (
	"context"
	"fmt"
	"io"

	"github.com/dyad-events/dyad/internal/demo"
	"github.com/dyad-events/dyad/internal/ingest"
	"github.com/dyad-events/dyad/internal/store"
)

func init() {
	register("demo", "ingest the built-in example articles and show what was stored", runDemo)
}

func runDemo(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("demo", stderr, "[--db FILE]")
	db := fs.String("db", "", dbFlagUsage)
	if err := parseFlags(fs, "demo", args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{cmd: "demo", msg: "demo takes no arguments"}
	}
	arts, err := demo.Articles()
	if err != nil {
		return fmt.Errorf("demo articles: %w", err)
	}
	inputs := make([]ingest.Input, len(arts))
	for i, a := range arts {
		inputs[i] = ingest.Input{Name: "demo/" + a.Name, Data: a.Data}
	}
	analyzer, err := newAnalyzer()
	if err != nil {
		return err
	}
	path := store.Path(*db)
	st, err := store.Open(path)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	sum, err := ingest.RunInputs(ctx, st, inputs, ingest.Options{Analyzer: analyzer})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "dyad demo: %d example articles into %s\n", len(arts), path)
	printSummary(stdout, stderr, sum)
	docs, err := st.Documents(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout)
	if err := docsTable(stdout, docs); err != nil {
		return err
	}
	evs, err := st.Events(ctx, store.EventFilter{})
	if err != nil {
		return err
	}
	if len(evs) > 0 {
		fmt.Fprintf(stdout, "\n%d events:\n", len(evs))
		for _, e := range evs {
			copies := ""
			if e.Mentions > 1 {
				copies = fmt.Sprintf("  (stated in %d copies)", e.Mentions)
			}
			fmt.Fprintf(stdout, "  %-10s %.8s  %s -> %s  %s %s  %q%s\n", orDash(e.Date), e.Doc, orDash(e.Source.Code), orDash(e.Target.Code), e.CAMEO, e.Modality, clip(e.Evidence.Text, 60), copies)
		}
	}
	fmt.Fprintln(stdout, "\nNext: dyad docs --format json · dyad doc ID · dyad ingest PATH…")
	if sum.Failed() > 0 {
		return errSilent
	}
	return nil
}
