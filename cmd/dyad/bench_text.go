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
	corpus := fs.String("corpus", "", benchutil.CorpusUsage)
	maxDocs := fs.Int("docs", 0, "read at most this many articles (0 = all)")
	rounds := fs.Int("rounds", 3, "passes over the corpus; the fastest is reported")
	procs := fs.Int("procs", 1, "GOMAXPROCS while measuring (1 = one core)")
	if err := parseFlags(fs, name, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{cmd: name, msg: "unexpected argument " + fs.Arg(0)}
	}
	if *rounds < 1 || *procs < 1 {
		return usageError{cmd: name, msg: "--rounds and --procs must be at least 1"}
	}
	if *corpus == "" {
		p, err := benchutil.DefaultCorpus()
		if err != nil {
			return fmt.Errorf("%w (or pass --corpus)", err)
		}
		*corpus = p
	}
	docs, err := benchutil.ReadTexts(*corpus, *maxDocs)
	if err != nil {
		return err
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(*procs))
	say := benchutil.Say(stderr)
	bytes := benchutil.Bytes(docs)
	fmt.Fprintf(stdout, "corpus %s: %d articles, %.1f MB; GOMAXPROCS=%d\n", *corpus, len(docs), float64(bytes)/1e6, *procs)
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
