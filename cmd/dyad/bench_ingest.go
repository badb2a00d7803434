package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/dyad-events/dyad/internal/benchutil"
	"github.com/dyad-events/dyad/internal/ingest"
	"github.com/dyad-events/dyad/internal/shared"
	"github.com/dyad-events/dyad/internal/store"
)

func init() {
	registerSub("bench", "ingest", "measure ingest throughput (docs/s, MB/s of text, peak memory) into a fresh store", runBenchIngest)
}

func runBenchIngest(args []string, stdout, stderr io.Writer) error {
	const name = "bench ingest"
	fs := newFlagSet(name, stderr, "[--db FILE] [--batch N] [--analyze] [PATH…]  (default: ../shared/data/news polnear and bbc)")
	db := fs.String("db", "", "database file to fill (default: a temporary file, removed afterwards; must not exist)")
	batch := fs.Int("batch", 1000, "documents per transaction")
	workers := fs.Int("workers", 1, "documents analyzed at once (the analyzer must be safe for concurrent use)")
	analyze := fs.Bool("analyze", false, "run the analyzer (language pipeline and coder) too")
	goMem := fs.Int("go-memory", 340, "soft limit of the Go heap in `MB` while coding, as dyad ingest (0 = none; GOMEMLIMIT wins when set)")
	dbMem := fs.Int("db-memory", 256, "DuckDB memory_limit in `MB`, as dyad ingest (0 = DuckDB's default, 80% of RAM)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the ingest to `file` (go tool pprof)")
	if err := parseFlags(fs, name, args); err != nil {
		return err
	}
	if *batch <= 0 || *workers <= 0 {
		return usageError{cmd: name, msg: "--batch and --workers must be positive"}
	}
	if *goMem < 0 || *dbMem < 0 {
		return usageError{cmd: name, msg: "--go-memory and --db-memory must be 0 or more"}
	}
	paths := fs.Args()
	if len(paths) == 0 {
		for _, sub := range []string{"polnear", "bbc"} {
			p, err := shared.Path("data", "news", sub)
			if err != nil {
				return fmt.Errorf("no PATH given and the default corpus is missing: %w", err)
			}
			paths = append(paths, p)
		}
	}
	path := *db
	if path == "" {
		dir, err := os.MkdirTemp("", "dyad-bench")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "bench.db")
	} else if _, err := os.Stat(path); err == nil {
		return usageError{cmd: name, msg: path + " exists: bench ingest measures a fresh store"}
	}
	var analyzer ingest.Analyzer
	if *analyze {
		if *goMem > 0 && os.Getenv("GOMEMLIMIT") == "" {
			debug.SetMemoryLimit(int64(*goMem) << 20) // as dyad ingest, before the models load
		}
		a, err := newAnalyzer()
		if err != nil {
			return err
		}
		analyzer = a
	}
	stopProfile, err := benchutil.StartCPUProfile(*cpuprofile)
	if err != nil {
		return err
	}
	defer stopProfile()
	begin := time.Now() // the whole run: opening, ingest, closing (checkpoint)
	st, err := store.Open(path)
	if err != nil {
		return err
	}
	if err := limitDB(st, *dbMem, 0); err != nil {
		st.Close()
		return err
	}
	sum, err := ingest.Run(context.Background(), st, paths, ingest.Options{Analyzer: analyzer, Progress: stderr, BatchDocs: *batch, Workers: *workers})
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	total := time.Since(begin).Seconds()
	secs := sum.Elapsed.Seconds()
	cpuTime, _ := benchutil.CPUTime()
	rss, _ := benchutil.MaxRSS()
	var dbSize int64
	if info, err := os.Stat(path); err == nil {
		dbSize = info.Size()
	}
	fmt.Fprintf(stdout, "files %d, documents %d (ingested %d, duplicates %d, unchanged %d, failed %d)\n",
		sum.Files, sum.Documents, sum.Ingested, sum.Duplicates, sum.Unchanged, sum.Failed())
	fmt.Fprintf(stdout, "input %.1f MB on disk, text %.1f MB, store %.1f MB\n", benchutil.MiB(sum.Bytes), benchutil.MiB(sum.TextBytes), benchutil.MiB(dbSize))
	fmt.Fprintf(stdout, "time %.2f s: %.0f docs/s, %.2f MB/s of text (GOMAXPROCS=%d, batch %d, analyzer %v)\n",
		secs, float64(sum.Documents)/secs, benchutil.MiB(sum.TextBytes)/secs, runtime.GOMAXPROCS(0), *batch, analyzer != nil)
	fmt.Fprintf(stdout, "total %.2f s with opening and closing (checkpointing) the store: %.2f MB/s of text\n", total, benchutil.MiB(sum.TextBytes)/total)
	cpu := cpuTime.Seconds()
	fmt.Fprintf(stdout, "cpu %.2f s (user+sys, all threads, whole process): %.2f MB/s of text per CPU-second\n", cpu, benchutil.MiB(sum.TextBytes)/cpu)
	fmt.Fprintf(stdout, "peak RSS %.0f MB\n", benchutil.MiB(rss))
	for _, e := range sum.Errors {
		fmt.Fprintf(stderr, "failed: %v\n", e)
	}
	return nil
}
