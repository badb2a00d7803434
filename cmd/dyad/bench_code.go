package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/benchutil"
	"github.com/dyad-events/dyad/internal/coder"
	"github.com/dyad-events/dyad/internal/progress"
	"github.com/dyad-events/dyad/internal/source"
	"github.com/dyad-events/dyad/internal/store"
)

func init() {
	registerSub("bench", "code", "speed and memory of raw text → coded events → store over PolNeAR news", runBenchCode)
}

func runBenchCode(args []string, stdout, stderr io.Writer) error {
	const name = "bench code"
	fs := newFlagSet(name, stderr, "[--corpus polnear_articles.jsonl.gz] [--docs N] [--procs 1] [--db FILE]")
	corpus := addCorpusFlags(fs)
	db := fs.String("db", "", "store events in this DuckDB `file` (default: a temporary file, removed after)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the measured run to `file` (go tool pprof)")
	goMem := fs.Int("go-memory", 256, "soft limit of the Go heap in `MB` (debug.SetMemoryLimit; 0 = none; GOMEMLIMIT wins when set)")
	dbMem := fs.Int("db-memory", 64, "DuckDB memory_limit in `MB` (0 = DuckDB's default, 80% of RAM)")
	memprofile := fs.String("memprofile", "", "write a heap profile at the end of the measured run to `file` (go tool pprof)")
	if err := parseFlags(fs, name, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{cmd: name, msg: "unexpected argument " + fs.Arg(0)}
	}
	if err := corpus.check(name); err != nil {
		return err
	}
	arts, err := corpus.articles()
	if err != nil {
		return err
	}
	docs := datedDocuments(arts)
	procs := corpus.procs
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(*procs))

	if *goMem > 0 && os.Getenv("GOMEMLIMIT") == "" {
		// before loading: the models' load garbage counts too
		debug.SetMemoryLimit(int64(*goMem) << 20)
	}
	t0 := time.Now()
	p, err := coder.LoadPipeline(nil)
	if err != nil {
		return err
	}
	load := time.Since(t0)
	path := *db
	if path == "" {
		dir, err := os.MkdirTemp("", "dyad-bench-code")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "bench.db")
	}
	st, err := store.Open(path)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := limitDB(st, *dbMem, *procs); err != nil {
		return err
	}
	bytes := 0
	for _, d := range docs {
		bytes += len(d.Text)
	}
	fmt.Fprintf(stdout, "corpus  %s: %d articles, %.1f MB; pipeline loaded in %v; GOMAXPROCS=%d\n", *corpus.path, len(docs), float64(bytes)/1e6, load.Round(time.Millisecond), *procs)

	// Pass 1: raw text → sentences → events, timed per stage.
	bar := progress.New(stderr, int64(len(docs)), "code", false)
	var annotate, code, storeT time.Duration
	sents, evs, counted := 0, 0, 0
	ctx := context.Background()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return err
		}
		defer func() { pprof.StopCPUProfile(); f.Close() }()
	}
	runtime.GC()
	var m0 runtime.MemStats
	runtime.ReadMemStats(&m0)
	start := time.Now()
	for _, d := range docs {
		a := time.Now()
		body, base := coder.Body(d)
		ss := p.NLP.Annotate(body, base)
		b := time.Now()
		es := p.CodeSentences(d, ss)
		c := time.Now()
		if _, err := st.AddDocument(ctx, d, ss, es); err != nil {
			return fmt.Errorf("store %s: %w", d.File, err)
		}
		annotate += b.Sub(a)
		code += c.Sub(b)
		storeT += time.Since(c)
		sents += len(ss)
		evs += len(es)
		for i := range es {
			if coder.Counted(&es[i]) {
				counted++
			}
		}
		bar.Add(1)
	}
	total := time.Since(start)
	bar.Finish()
	if *memprofile != "" {
		if err := writeHeapProfile(*memprofile); err != nil {
			return err
		}
	}
	var m1 runtime.MemStats
	runtime.ReadMemStats(&m1)
	ns := float64(max(sents, 1))
	fmt.Fprintf(stdout, "%-26s %9s %12s\n", "stage", "seconds", "sentences/s")
	fmt.Fprintf(stdout, "%-26s %9.2f %12.0f\n", "split, tag, parse", annotate.Seconds(), ns/annotate.Seconds())
	fmt.Fprintf(stdout, "%-26s %9.2f %12.0f\n", "actors, dates, coding", code.Seconds(), ns/code.Seconds())
	fmt.Fprintf(stdout, "%-26s %9.2f %12.0f\n", "store (DuckDB)", storeT.Seconds(), ns/storeT.Seconds())
	fmt.Fprintf(stdout, "%-26s %9.2f %12.0f\n", "raw text → stored events", total.Seconds(), ns/total.Seconds())
	fmt.Fprintf(stdout, "sentences %d, events %d (%d counted: not negated or hypothetical), %.1f events per 100 sentences\n", sents, evs, counted, 100*float64(evs)/ns)
	if f := p.Failures.Load(); f > 0 {
		fmt.Fprintf(stdout, "sentences skipped after a recognizer failure: %d\n", f)
	}
	fmt.Fprintf(stdout, "allocations %.0f per sentence, %.0f bytes per sentence; Go heap peak %s (runtime.MemStats.Sys %s); process peak RSS %s\n",
		float64(m1.Mallocs-m0.Mallocs)/ns, float64(m1.TotalAlloc-m0.TotalAlloc)/ns, mb(m1.HeapSys), mb(m1.Sys), benchutil.PeakRSS())
	return nil
}

// limitDB bounds DuckDB's own buffer pool and worker threads, which by
// default take 80% of RAM and a thread per core. (The Go heap has its soft
// limit, set before the models load: they are most of it, and without a
// limit the collector lets the heap grow to twice the live size.)
func limitDB(st *store.Store, dbMB, threads int) error {
	if dbMB > 0 {
		if _, err := st.DB().Exec(fmt.Sprintf("SET memory_limit = '%dMB'", dbMB)); err != nil {
			return fmt.Errorf("set DuckDB memory limit: %w", err)
		}
	}
	if threads > 0 {
		if _, err := st.DB().Exec(fmt.Sprintf("SET threads = %d", threads)); err != nil {
			return fmt.Errorf("set DuckDB threads: %w", err)
		}
	}
	return nil
}

// writeHeapProfile writes the live heap (after a collection) to path.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("heap profile %s: %w", path, err)
	}
	return f.Close()
}

func mb(n uint64) string { return fmt.Sprintf("%.0f MB", float64(n)/(1<<20)) }

// datedDocuments turns benchmark articles into documents, keeping the
// publication date.
func datedDocuments(arts []benchutil.Article) []*event.Document {
	out := make([]*event.Document, 0, len(arts))
	for _, a := range arts {
		if a.Text == "" {
			continue
		}
		d := &event.Document{ID: source.ID(a.Text), File: a.ID, Title: a.Title, Text: a.Text, BodyEnd: len(a.Text), Language: "en"}
		if t, ok := source.ParseDate(a.Date); ok {
			d.Published = t
		}
		out = append(out, d)
	}
	return out
}
