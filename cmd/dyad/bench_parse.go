package main

import (
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/benchutil"
	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/text"
)

func init() {
	registerSub("bench", "parse", "speed and memory of tokenize, tag, parse and the whole chain over PolNeAR news", runBenchParse)
}

func runBenchParse(args []string, stdout, stderr io.Writer) error {
	const name = "bench parse"
	fs := newFlagSet(name, stderr, "[--corpus polnear_articles.jsonl.gz] [--docs N] [--procs 1] [--beam K]")
	corpus := addCorpusFlags(fs)
	beam := fs.Int("beam", 0, "parser beam width (0: the model's own; 1: greedy, fastest)")
	if err := parseFlags(fs, name, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{cmd: name, msg: "unexpected argument " + fs.Arg(0)}
	}
	if err := corpus.check(name); err != nil {
		return err
	}
	if *beam < 0 {
		return usageError{cmd: name, msg: "--beam must be 0 or more"}
	}
	docs, err := corpus.texts()
	if err != nil {
		return err
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(*corpus.procs))
	say := benchutil.Say(stderr)
	t0 := time.Now()
	p, err := nlp.LoadBeam(*beam)
	if err != nil {
		return err
	}
	load := time.Since(t0)
	bytes := benchutil.Bytes(docs)
	fmt.Fprintf(stdout, "corpus   %s: %d articles, %.1f MB; models loaded in %v; GOMAXPROCS=%d\n", *corpus.path, len(docs), float64(bytes)/1e6, load.Round(time.Millisecond), *corpus.procs)
	fmt.Fprintf(stdout, "%-9s %10s %12s %10s %12s %12s\n", "stage", "seconds", "tokens/s", "sents/s", "allocs/sent", "bytes/sent")

	var sents []event.Sentence
	tokens := 0
	chainSecs := 1.0
	row := func(stage string, run func(), counted *[]event.Sentence) {
		say("%s…\n", stage)
		m := benchutil.Start()
		run()
		r := m.Stop()
		el := r.Wall.Seconds()
		if stage == "chain" {
			chainSecs = el
		}
		ns := float64(max(len(*counted), 1))
		tk := tokens
		if tk == 0 { // the chain runs first: count its tokens from the documents' segmentation below
			tk = -1
		}
		fmt.Fprintf(stdout, "%-9s %10.2f %12s %10.0f %12.1f %12.0f\n", stage, el, benchutil.Rate(tk, el), float64(len(*counted))/el,
			float64(r.Mallocs)/ns, float64(r.Bytes)/ns)
	}
	// the whole chain first, streaming (nothing kept), so that the peak
	// memory after it is the chain's own
	var chainSents []event.Sentence
	row("chain", func() {
		n := 0
		for _, d := range docs {
			n += len(p.Annotate(d, 0))
		}
		chainSents = make([]event.Sentence, n)
	}, &chainSents)
	chainRSS := benchutil.PeakRSS()
	tokens = 0
	row("tokenize", func() {
		for _, d := range docs {
			sents = append(sents, text.Segment(d)...)
		}
		for _, s := range sents {
			tokens += len(s.Tokens)
		}
	}, &sents)
	row("tag", func() {
		for i := range sents {
			p.Tagger.Tag(&sents[i])
		}
	}, &sents)
	row("parse", func() {
		for i := range sents {
			p.Parser.Parse(&sents[i])
		}
	}, &sents)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(stdout, "%d sentences, %d tokens (chain tokens/s = tokens / chain seconds = %.0f)\n", len(sents), tokens, float64(tokens)/chainSecs)
	fmt.Fprintf(stdout, "peak RSS after the chain (streaming) %s; after the stages (all %d sentences held) %s; Go heap from the OS %.0f MB\n", chainRSS, len(sents), benchutil.PeakRSS(), float64(ms.HeapSys)/1e6)
	return nil
}
