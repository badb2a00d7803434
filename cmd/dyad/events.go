package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/dyad-events/dyad/internal/coder"
	"github.com/dyad-events/dyad/internal/store"
)

func init() {
	register("events", "list stored events (filter by actor, code, date)", runEvents)
}

func runEvents(args []string, stdout, stderr io.Writer) error {
	const name = "events"
	fs := newFlagSet(name, stderr, "[--db FILE] [--actor X] [--cameo CODE] [--from DATE] [--to DATE] [--doc ID] [--all] [--limit N] [--format table|jsonl|tsv]")
	db := fs.String("db", "", dbFlagUsage)
	actorF := fs.String("actor", "", "an actor on either side: country (JPN), organization (NATO) or actor-code prefix (JPNGOV)")
	cameoF := fs.String("cameo", "", "CAMEO code prefix (\"04\", \"042\")")
	from := fs.String("from", "", "events dated on or after `YYYY[-MM[-DD]]`")
	to := fs.String("to", "", "events dated on or before `YYYY[-MM[-DD]]`")
	doc := fs.String("doc", "", "events of one document (full ID)")
	all := fs.Bool("all", false, "include negated and hypothetical events (left out by default)")
	limit := fs.Int("limit", 0, "at most `N` events (0: all)")
	format := fs.String("format", "table", "output format: table, jsonl or tsv")
	if err := parseFlags(fs, name, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{cmd: name, msg: "unexpected argument " + fs.Arg(0)}
	}
	switch *format {
	case "table", "jsonl", "tsv":
	default:
		return usageError{cmd: name, msg: "--format must be table, jsonl or tsv"}
	}
	if *limit < 0 {
		return usageError{cmd: name, msg: "--limit must be 0 or more"}
	}
	st, err := store.Open(store.Path(*db))
	if err != nil {
		return err
	}
	defer st.Close()
	evs, err := st.Events(context.Background(), store.EventFilter{
		Doc: *doc, Actor: strings.ToUpper(strings.TrimSpace(*actorF)), CAMEO: *cameoF, From: *from, To: *to,
	})
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	var tw *tabwriter.Writer
	switch *format {
	case "tsv":
		fmt.Fprintln(w, strings.Join(tsvHeader, "\t"))
	case "table":
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "DATE\tPREC\tSOURCE\tTARGET\tCAMEO\tMODALITY\tN\tEVIDENCE")
	}
	n := 0
	for i := range evs {
		e := &evs[i]
		if !*all && !coder.Counted(e) {
			continue
		}
		if *limit > 0 && n >= *limit {
			break
		}
		n++
		if tw != nil {
			m := e.Mentions
			if m == 0 {
				m = 1
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", orDash(e.Date), e.Precision, orDash(e.Source.Code), orDash(e.Target.Code), e.CAMEO, e.Modality, m, clip(e.Evidence.Text, 50))
			continue
		}
		if err := writeEvent(w, *format, e); err != nil {
			return err
		}
	}
	if tw != nil {
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return w.Flush()
}
