package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/benchutil"
	"github.com/dyad-events/dyad/internal/coder"
	"github.com/dyad-events/dyad/internal/ingest"
	"github.com/dyad-events/dyad/internal/progress"
	"github.com/dyad-events/dyad/internal/source"
	"github.com/dyad-events/dyad/internal/store"
)

func init() {
	registerSub("bench", "code", "speed and memory of raw text → coded events → store over PolNeAR news", runBenchCode)
}

func runBenchCode(args []string, stdout, stderr io.Writer) error {
	const name = "bench code"
	fs := newFlagSet(name, stderr, "[--corpus polnear_articles.jsonl.gz] [--docs N] [--procs 1] [--db FILE] [--batch N] [--skip-idle=false] [--on-demand=false] [--beam N] [--check-skip]")
	corpus := addCorpusFlags(fs)
	db := fs.String("db", "", "store events in this DuckDB `file` (default: a temporary file, removed after)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the measured run to `file` (go tool pprof)")
	goMem := fs.Int("go-memory", 340, "soft limit of the Go heap in `MB` (debug.SetMemoryLimit; 0 = none; GOMEMLIMIT wins when set; as dyad ingest)")
	dbMem := fs.Int("db-memory", 64, "DuckDB memory_limit in `MB` (0 = DuckDB's default, 80% of RAM)")
	memprofile := fs.String("memprofile", "", "write a heap profile at the end of the measured run to `file` (go tool pprof)")
	batchDocs := fs.Int("batch", ingest.DefaultBatchDocs, "documents per store transaction, as dyad ingest --batch (1 = one per document)")
	batchMB := fs.Int("batch-mb", ingest.DefaultBatchBytes>>20, "`MB` of text and annotations per store transaction at most, as dyad ingest")
	skipIdle := fs.Bool("skip-idle", true, "parse only the sentences that can matter for an event (coder.Pipeline.SkipIdle)")
	checkSkip := fs.Bool("check-skip", false, "instead of measuring, code every article with and without --skip-idle and compare the events")
	beam := fs.Int("beam", 0, "parse with one parser at this beam width, as dyad code --beam (0: greedy first, the beam model where its trees give an event)")
	onDemand := fs.Bool("on-demand", true, "with --skip-idle, code the sentences without trees first and parse only those that may then yield an event (coder.Pipeline.OnDemand)")
	if err := parseFlags(fs, name, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{cmd: name, msg: "unexpected argument " + fs.Arg(0)}
	}
	if err := corpus.check(name); err != nil {
		return err
	}
	if *batchDocs < 1 || *batchMB < 1 {
		return usageError{cmd: name, msg: "--batch and --batch-mb must be 1 or more"}
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
	p.SkipIdle = *skipIdle
	p.OnDemand = *onDemand
	if *beam < 0 {
		return usageError{cmd: name, msg: "--beam must be 0 or more"}
	}
	if *beam > 0 {
		p.NLP = p.NLP.WithBeam(*beam)
	} else if *skipIdle && *onDemand {
		if err := p.UseFast(); err != nil {
			return err
		}
	}
	if *checkSkip {
		return checkSkipIdle(p, docs, stdout, stderr)
	}
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
	fmt.Fprintf(stdout, "corpus  %s: %d articles, %.1f MB; pipeline loaded in %v; GOMAXPROCS=%d; %s\n", *corpus.path, len(docs), float64(bytes)/1e6, load.Round(time.Millisecond), *procs, parserLine(p))

	// Pass 1: raw text → sentences → events, timed per stage.
	bar := progress.New(stderr, int64(len(docs)), "code", false)
	var annotate, code, storeT time.Duration
	var annotateCPU, codeCPU, storeCPU time.Duration // process CPU time: what a busy machine does not inflate
	sents, parsedN, evs, counted := 0, 0, 0, 0
	ctx := context.Background()
	stopProfile, err := benchutil.StartCPUProfile(*cpuprofile)
	if err != nil {
		return err
	}
	defer stopProfile()
	runtime.GC()
	var m0 runtime.MemStats
	runtime.ReadMemStats(&m0)
	start := time.Now()
	cpuStart, cpuOK := benchutil.CPUTime()
	var batch []store.Item
	pending := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		c := time.Now()
		c0, _ := benchutil.CPUTime()
		_, errs := st.AddDocuments(ctx, batch)
		storeT += time.Since(c)
		c1, _ := benchutil.CPUTime()
		storeCPU += c1 - c0
		for i, err := range errs {
			if err != nil {
				return fmt.Errorf("store %s: %w", batch[i].Doc.File, err)
			}
		}
		batch, pending = batch[:0], 0
		return nil
	}
	for _, d := range docs {
		a := time.Now()
		a0, _ := benchutil.CPUTime()
		ss, parsed := p.AnnotateDocument(d)
		b := time.Now()
		b0, _ := benchutil.CPUTime()
		es := p.CodeAnnotated(d, ss, parsed)
		annotate += b.Sub(a)
		code += time.Since(b)
		c0, _ := benchutil.CPUTime()
		annotateCPU += b0 - a0
		codeCPU += c0 - b0
		batch = append(batch, store.Item{Doc: d, Sentences: ss, Events: es})
		if pending += ingest.BatchSize(d, ss); len(batch) >= *batchDocs || pending >= *batchMB<<20 {
			if err := flush(); err != nil {
				return err
			}
		}
		sents += len(ss)
		parsedN += len(ss)
		for _, ok := range parsed {
			if !ok {
				parsedN--
			}
		}
		evs += len(es)
		for i := range es {
			if coder.Counted(&es[i]) {
				counted++
			}
		}
		bar.Add(1)
	}
	if err := flush(); err != nil {
		return err
	}
	total := time.Since(start)
	cpuEnd, _ := benchutil.CPUTime()
	bar.Finish()
	if *memprofile != "" {
		if err := writeHeapProfile(*memprofile); err != nil {
			return err
		}
	}
	var m1 runtime.MemStats
	runtime.ReadMemStats(&m1)
	ns := float64(max(sents, 1))
	// wall-clock seconds per stage, and CPU seconds of the process (all
	// threads: the collector's and DuckDB's too), which a loaded machine
	// does not inflate; sentences per CPU second is the one-core figure
	reparse := time.Duration(p.ParseTime.Load())
	reparseCPU := time.Duration(0)
	if code > 0 {
		reparseCPU = time.Duration(float64(codeCPU) * float64(reparse) / float64(code)) // its share of coding's CPU time
	}
	row := func(name string, wall, cpu time.Duration) {
		if cpuOK {
			fmt.Fprintf(stdout, "%-30s %9.2f %12.0f %9.2f %12.0f\n", name, wall.Seconds(), ns/wall.Seconds(), cpu.Seconds(), ns/cpu.Seconds())
		} else {
			fmt.Fprintf(stdout, "%-30s %9.2f %12.0f\n", name, wall.Seconds(), ns/wall.Seconds())
		}
	}
	fmt.Fprintf(stdout, "%-30s %9s %12s %9s %12s\n", "stage", "seconds", "sentences/s", "CPU s", "per CPU s")
	if p.OnDemand && p.SkipIdle {
		row("split, tag", annotate, annotateCPU)
		row("parse (on demand)", reparse, reparseCPU)
		row("actors, dates, coding", code-reparse, codeCPU-reparseCPU)
	} else {
		row("split, tag, parse", annotate, annotateCPU)
		row("actors, dates, coding", code, codeCPU)
	}
	row("store (DuckDB)", storeT, storeCPU)
	row("raw text → stored events", total, cpuEnd-cpuStart)
	if p.OnDemand && p.SkipIdle {
		parsedN = int(p.Parsed.Load())
	}
	if p.Fast != nil && p.OnDemand && p.SkipIdle {
		fmt.Fprintf(stdout, "sentences %d, %d parsed greedily on demand, %d of them again with the beam (their greedy trees gave an event)\n", sents, parsedN, p.Confirmed.Load())
	}
	fmt.Fprintf(stdout, "sentences %d, %d parsed (skip-idle %v, on demand %v), events %d (%d counted: not negated or hypothetical), %.1f events per 100 sentences\n", sents, parsedN, p.SkipIdle, p.OnDemand && p.SkipIdle, evs, counted, 100*float64(evs)/ns)
	if f := p.Failures.Load(); f > 0 {
		fmt.Fprintf(stdout, "sentences skipped after a recognizer failure: %d\n", f)
	}
	fmt.Fprintf(stdout, "allocations %.0f per sentence, %.0f bytes per sentence; Go heap peak %s (runtime.MemStats.Sys %s); process peak RSS %s\n",
		float64(m1.Mallocs-m0.Mallocs)/ns, float64(m1.TotalAlloc-m0.TotalAlloc)/ns, mb(m1.HeapSys), mb(m1.Sys), benchutil.PeakRSS())
	return nil
}

// parserLine says which parsers the pipeline uses.
func parserLine(p *coder.Pipeline) string {
	if p.Fast != nil && p.OnDemand && p.SkipIdle {
		return fmt.Sprintf("parser greedy (beam %d), then beam %d where its trees give an event", p.Fast.Parser.Beam(), p.NLP.Parser.Beam())
	}
	return fmt.Sprintf("parser beam %d", p.NLP.Parser.Beam())
}

// checkSkipIdle codes every document with and without SkipIdle and
// reports whether the events are the same.
func checkSkipIdle(p *coder.Pipeline, docs []*event.Document, stdout, stderr io.Writer) error {
	bar := progress.New(stderr, int64(len(docs)), "check", false)
	var sents, parsedN, evs, differ, same, lost, gained int
	for _, d := range docs {
		p.SkipIdle = false
		_, all := p.CodeDocument(d)
		p.SkipIdle = true
		ss, parsed := p.AnnotateDocument(d)
		some := p.CodeAnnotated(d, ss, parsed)
		s, l, g := compareEvents(all, some)
		same, lost, gained = same+s, lost+l, gained+g
		sents += len(ss)
		for i := range ss {
			if parsed == nil || parsed[i] {
				parsedN++
			}
		}
		evs += len(all)
		if !reflect.DeepEqual(all, some) {
			differ++
			if !p.OnDemand {
				fmt.Fprintf(stdout, "%s: %d events without --skip-idle, %d with, not the same\n", d.File, len(all), len(some))
			}
		}
		bar.Add(1)
	}
	bar.Finish()
	fmt.Fprintf(stdout, "check-skip: %d articles, %d sentences, %d parsed with --skip-idle (%.1f%%), %d events without; articles whose events differ: %d\n",
		len(docs), sents, parsedN, 100*float64(parsedN)/float64(max(sents, 1)), evs, differ)
	if p.OnDemand {
		// not exact: say how far it is from parsing every sentence
		fmt.Fprintf(stdout, "on demand (--on-demand): %d sentences parsed; of %d events with every sentence parsed %d found the same, %d missed; %d other events\n",
			p.Parsed.Load(), evs, same, lost, gained)
		return nil
	}
	if differ > 0 {
		return fmt.Errorf("bench code --check-skip: events differ in %d articles", differ)
	}
	return nil
}

// compareEvents counts the events of b equal to one of a (same), those of
// a with no equal in b (lost) and those of b with none in a (gained).
func compareEvents(a, b []event.Event) (same, lost, gained int) {
	used := make([]bool, len(b))
	for i := range a {
		found := false
		for j := range b {
			if !used[j] && reflect.DeepEqual(a[i], b[j]) {
				used[j], found = true, true
				break
			}
		}
		if found {
			same++
		} else {
			lost++
		}
	}
	return same, lost, len(b) - same
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
