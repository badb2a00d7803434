package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"time"

	"github.com/dyad-events/dyad/internal/ingest"
	"github.com/dyad-events/dyad/internal/source"
	"github.com/dyad-events/dyad/internal/store"
)

func init() {
	register("ingest", "read articles (files, folders, feeds, JSONL, -) into the store", runIngest)
}

// dbFlagUsage documents --db for every command that opens the store.
const dbFlagUsage = "database file (default $DYAD_DB, else ./dyad.db)"

func runIngest(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("ingest", stderr, "[--db FILE] [--max-bytes N] [--analyze=false] PATH…  (PATH: file, folder, or - for stdin)")
	db := fs.String("db", "", dbFlagUsage)
	maxBytes := fs.Int64("max-bytes", source.DefaultMaxBytes, "largest input file accepted, in bytes (after gunzip)")
	batch := fs.Int("batch", 1000, "documents per transaction")
	workers := fs.Int("workers", 1, "documents analyzed at once (the analyzer must be safe for concurrent use)")
	analyze := fs.Bool("analyze", true, "code events on ingest (false: store documents and metadata only)")
	goMem := fs.Int("go-memory", 340, "soft limit of the Go heap in `MB` while coding (debug.SetMemoryLimit; 0 = none; GOMEMLIMIT wins when set)")
	dbMem := fs.Int("db-memory", 256, "DuckDB memory_limit in `MB` (0 = DuckDB's default, 80% of RAM)")
	if err := parseFlags(fs, "ingest", args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{cmd: "ingest", msg: "no PATH given"}
	}
	if *maxBytes <= 0 || *batch <= 0 {
		return usageError{cmd: "ingest", msg: "--max-bytes and --batch must be positive"}
	}
	if *goMem < 0 || *dbMem < 0 {
		return usageError{cmd: "ingest", msg: "--go-memory and --db-memory must be 0 or more"}
	}
	var analyzer ingest.Analyzer
	if *analyze {
		if *goMem > 0 && os.Getenv("GOMEMLIMIT") == "" {
			// before the models load: their load garbage counts too; without
			// a limit the collector lets the heap grow to twice the models
			debug.SetMemoryLimit(int64(*goMem) << 20)
		}
		a, err := newAnalyzer()
		if err != nil {
			return err
		}
		analyzer = a
	}
	st, err := store.Open(store.Path(*db))
	if err != nil {
		return err
	}
	if err := limitDB(st, *dbMem, 0); err != nil {
		st.Close()
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	sum, runErr := ingest.Run(ctx, st, fs.Args(), ingest.Options{
		MaxBytes: *maxBytes, Analyzer: analyzer, Progress: stderr, BatchDocs: *batch, Workers: *workers,
	})
	if err := st.Close(); err != nil && runErr == nil {
		runErr = err
	}
	printSummary(stdout, stderr, sum)
	if errors.Is(runErr, context.Canceled) {
		return errors.New("interrupted: the documents counted above are stored; run the same command again to finish")
	}
	if runErr != nil {
		return runErr
	}
	if sum.Failed() > 0 {
		return errSilent
	}
	return nil
}

// printSummary writes the one-line tally to stdout and one line per
// failure to stderr.
func printSummary(stdout, stderr io.Writer, sum ingest.Summary) {
	fmt.Fprintf(stdout, "ingested %d, duplicates %d, unchanged %d, failed %d", sum.Ingested, sum.Duplicates, sum.Unchanged, sum.Failed())
	if sum.Events > 0 || sum.Sentences > 0 {
		fmt.Fprintf(stdout, " (%d sentences, %d events)", sum.Sentences, sum.Events)
	}
	if sum.Elapsed >= time.Second {
		fmt.Fprintf(stdout, " in %.1f s", sum.Elapsed.Seconds())
	}
	fmt.Fprintln(stdout)
	for _, e := range sum.Errors {
		fmt.Fprintf(stderr, "failed: %v\n", e)
	}
}
