package main

import (
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/dyad-events/dyad/internal/benchutil"
	"github.com/dyad-events/dyad/internal/text"
)

func init() {
	registerSub("bench", "text", "speed of the tokenizer and sentence splitter over PolNeAR news", runBenchText)
}

func runBenchText(args []string, stdout, stderr io.Writer) error {
	const name = "bench text"
	fs := newFlagSet(name, stderr, "[--corpus articles.jsonl.gz] [--docs N] [--rounds 3] [--procs 1]")
	corpus := addCorpusFlags(fs)
	rounds := fs.Int("rounds", 3, "passes over the corpus; the fastest is reported")
	if err := parseFlags(fs, name, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{cmd: name, msg: "unexpected argument " + fs.Arg(0)}
	}
	if err := corpus.check(name); err != nil {
		return err
	}
	if *rounds < 1 {
		return usageError{cmd: name, msg: "--rounds must be at least 1"}
	}
	docs, err := corpus.texts()
	if err != nil {
		return err
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(*corpus.procs))
	say := benchutil.Say(stderr)
	bytes := benchutil.Bytes(docs)
	fmt.Fprintf(stdout, "corpus %s: %d articles, %.1f MB; GOMAXPROCS=%d\n", *corpus.path, len(docs), float64(bytes)/1e6, *corpus.procs)
	best := time.Duration(1<<63 - 1)
	var toks, sents int
	var mallocs, alloc uint64
	for r := 0; r < *rounds; r++ {
		say("round %d/%d…\r", r+1, *rounds)
		toks, sents = 0, 0
		m := benchutil.Start()
		for _, d := range docs {
			for _, s := range text.Segment(d) {
				toks += len(s.Tokens)
				sents++
			}
		}
		res := m.Stop()
		if res.Wall < best {
			best, mallocs, alloc = res.Wall, res.Mallocs, res.Bytes
		}
	}
	say("\n")
	sec := best.Seconds()
	fmt.Fprintf(stdout, "%d sentences, %d tokens in %.3f s (best of %d)\n", sents, toks, sec, *rounds)
	fmt.Fprintf(stdout, "%.0f tokens/s, %.0f sentences/s, %.1f MB/s; %.2f allocs/sentence, %.0f bytes allocated/token\n",
		float64(toks)/sec, float64(sents)/sec, float64(bytes)/1e6/sec,
		float64(mallocs)/float64(max(sents, 1)), float64(alloc)/float64(max(toks, 1)))
	return nil
}
