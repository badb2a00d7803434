package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/shared"
	"github.com/dyad-events/dyad/internal/text"
)

func init() {
	registerSub("bench", "parse", "speed and memory of tokenize, tag, parse and the whole chain over PolNeAR news", runBenchParse)
}

func runBenchParse(args []string, stdout, stderr io.Writer) error {
	const name = "bench parse"
	fs := newFlagSet(name, stderr, "[--corpus polnear_articles.jsonl.gz] [--docs N] [--procs 1]")
	corpus := fs.String("corpus", "", "JSONL(.gz) of articles with a \"text\" field (default ../shared/data/news/polnear/polnear_articles.jsonl.gz)")
	maxDocs := fs.Int("docs", 0, "read at most this many articles (0 = all)")
	procs := fs.Int("procs", 1, "GOMAXPROCS while measuring (1 = one core)")
	beam := fs.Int("beam", 0, "parser beam width (0: the model's own; 1: greedy, fastest)")
	if err := parseFlags(fs, name, args); err != nil {
		return err
	}
	if *corpus == "" {
		p, err := shared.Path("data", "news", "polnear", "polnear_articles.jsonl.gz")
		if err != nil {
			return fmt.Errorf("find the PolNeAR corpus: %w (or pass --corpus)", err)
		}
		*corpus = p
	}
	docs, err := readArticles(*corpus, *maxDocs)
	if err != nil {
		return err
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(*procs))
	say := func(string, ...any) {}
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		say = func(format string, a ...any) { fmt.Fprintf(stderr, format, a...) }
	}
	t0 := time.Now()
	p, err := nlp.LoadBeam(*beam)
	if err != nil {
		return err
	}
	load := time.Since(t0)
	bytes := 0
	for _, d := range docs {
		bytes += len(d)
	}
	fmt.Fprintf(stdout, "corpus   %s: %d articles, %.1f MB; models loaded in %v; GOMAXPROCS=%d\n", *corpus, len(docs), float64(bytes)/1e6, load.Round(time.Millisecond), *procs)
	fmt.Fprintf(stdout, "%-9s %10s %12s %10s %12s %12s\n", "stage", "seconds", "tokens/s", "sents/s", "allocs/sent", "bytes/sent")

	var sents []event.Sentence
	tokens := 0
	chainSecs := 1.0
	row := func(stage string, run func(), counted *[]event.Sentence) {
		say("%s…\n", stage)
		runtime.GC()
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		start := time.Now()
		run()
		el := time.Since(start).Seconds()
		if stage == "chain" {
			chainSecs = el
		}
		runtime.ReadMemStats(&m1)
		ns := float64(max(len(*counted), 1))
		tk := tokens
		if tk == 0 { // the chain runs first: count its tokens from the documents' segmentation below
			tk = -1
		}
		fmt.Fprintf(stdout, "%-9s %10.2f %12s %10.0f %12.1f %12.0f\n", stage, el, rate(tk, el), float64(len(*counted))/el,
			float64(m1.Mallocs-m0.Mallocs)/ns, float64(m1.TotalAlloc-m0.TotalAlloc)/ns)
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
	chainRSS := peakRSS()
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
	fmt.Fprintf(stdout, "peak RSS after the chain (streaming) %s; after the stages (all %d sentences held) %s; Go heap from the OS %.0f MB\n", chainRSS, len(sents), peakRSS(), float64(ms.HeapSys)/1e6)
	return nil
}

// readArticles returns the "text" of every JSON line of path (gzip'd when
// named .gz).
func readArticles(path string, limit int) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		r = zr
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var out []string
	line := 0
	for sc.Scan() && (limit <= 0 || len(out) < limit) {
		line++
		var a struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("read %s: line %d: %w", path, line, err)
		}
		if a.Text != "" {
			out = append(out, a.Text)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, nil
}

// peakRSS returns the process's peak resident memory (VmHWM) where the
// system reports it.
func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

func rate(tokens int, secs float64) string {
	if tokens < 0 {
		return "(below)"
	}
	return fmt.Sprintf("%.0f", float64(tokens)/secs)
}
