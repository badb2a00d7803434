package tag

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/benchutil"
	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/shared"
	"github.com/dyad-events/dyad/internal/text"
)

// BenchmarkTag tags EWT dev (gold tokens) and reports tokens/s on one
// goroutine, by the wall clock and per CPU second (on a loaded machine the
// latter is the code's speed):
//
//	GOMAXPROCS=1 go test -run X -bench 'Tag$' -benchtime 5x ./internal/tag
func BenchmarkTag(b *testing.B) { benchEWT(b, (*Tagger).Tag) }

// BenchmarkTagDraft is BenchmarkTag with TagDraft:
//
//	GOMAXPROCS=1 go test -run X -bench 'Draft$' -benchtime 5x ./internal/tag
func BenchmarkTagDraft(b *testing.B) { benchEWT(b, (*Tagger).TagDraft) }

func benchEWT(b *testing.B, tag func(*Tagger, *event.Sentence)) {
	path := shared.TestPath(b, "data", "ud", "english-ewt", "en_ewt-ud-dev.conllu.gz")
	gold, err := conllu.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	tg, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	sents := make([]event.Sentence, len(gold))
	ntok := 0
	for i, g := range gold {
		for _, t := range g.Tokens {
			sents[i].Tokens = append(sents[i].Tokens, event.Token{ID: t.ID, Form: t.Form})
		}
		ntok += len(g.Tokens)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0, _ := benchutil.CPUTime()
	for n := 0; n < b.N; n++ {
		for i := range sents {
			tag(tg, &sents[i])
		}
	}
	cpu1, _ := benchutil.CPUTime()
	cpu := cpu1 - cpu0
	b.ReportMetric(float64(ntok*b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(len(sents)*b.N)/b.Elapsed().Seconds(), "sents/s")
	if cpu > 0 {
		// with GOMAXPROCS=1, throughput per CPU second of the process
		b.ReportMetric(float64(ntok*b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}

// BenchmarkLoad measures reading the embedded model (what Load does once).
func BenchmarkLoad(b *testing.B) {
	for n := 0; n < b.N; n++ {
		if _, err := readEmbedded(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTagNews tags the PolNeAR news articles (raw text, segmented
// outside the timer) with a fresh tagger every iteration, so that each one
// pays for filling the word caches as one pass over a corpus does:
//
//	GOMAXPROCS=1 go test -run X -bench TagNews -benchtime 1x ./internal/tag
func BenchmarkTagNews(b *testing.B) { benchNews(b, each((*Tagger).Tag)) }

// BenchmarkTagDraftNews is BenchmarkTagNews with TagDraft:
//
//	GOMAXPROCS=1 go test -run X -bench DraftNews -benchtime 1x ./internal/tag
func BenchmarkTagDraftNews(b *testing.B) { benchNews(b, each((*Tagger).TagDraft)) }

// BenchmarkDraftRefineNews draft-tags every sentence, as it comes, and
// refines one in seven (the coder parses ~15 %); tokens/cpu-s counts every
// token once:
//
//	GOMAXPROCS=1 go test -run X -bench DraftRefineNews -benchtime 1x ./internal/tag
//
// refined-tokens/cpu-s is Refine's own speed: the CPU time of its calls
// alone (read around each), over the tokens it refined.
func BenchmarkDraftRefineNews(b *testing.B) {
	var refCPU time.Duration
	ntok := 0
	benchNews(b, func(tg *Tagger, sents []event.Sentence) {
		for i := range sents {
			tg.TagDraft(&sents[i])
			if i%7 == 0 {
				c0, _ := benchutil.CPUTime()
				tg.Refine(&sents[i])
				c1, _ := benchutil.CPUTime()
				refCPU += c1 - c0
				ntok += len(sents[i].Tokens)
			}
		}
	})
	if refCPU > 0 {
		b.ReportMetric(float64(ntok)/refCPU.Seconds(), "refined-tokens/cpu-s")
	}
}

// BenchmarkRefineNews draft-tags every sentence, then refines every one;
// tokens/cpu-s counts every token once (twice tagged).
func BenchmarkRefineNews(b *testing.B) {
	benchNews(b, func(tg *Tagger, sents []event.Sentence) {
		for i := range sents {
			tg.TagDraft(&sents[i])
			tg.Refine(&sents[i])
		}
	})
}

func each(tag func(*Tagger, *event.Sentence)) func(*Tagger, []event.Sentence) {
	return func(tg *Tagger, sents []event.Sentence) {
		for i := range sents {
			tag(tg, &sents[i])
		}
	}
}

func benchNews(b *testing.B, tag func(*Tagger, []event.Sentence)) {
	path := shared.TestPath(b, "data", "news", "polnear", "polnear_articles.jsonl.gz")
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	var sents []event.Sentence
	ntok := 0
	dec := json.NewDecoder(zr)
	for {
		var doc struct {
			Text string `json:"text"`
		}
		if err := dec.Decode(&doc); err == io.EOF {
			break
		} else if err != nil {
			b.Fatal(err)
		}
		for _, s := range text.Segment(doc.Text) {
			sents = append(sents, s)
			ntok += len(s.Tokens)
		}
	}
	shipped, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0, _ := benchutil.CPUTime()
	var tg *Tagger
	for n := 0; n < b.N; n++ {
		tg = New(shipped.m)
		tag(tg, sents)
	}
	cpu1, _ := benchutil.CPUTime()
	b.ReportMetric(float64(ntok*b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu := cpu1 - cpu0; cpu > 0 {
		b.ReportMetric(float64(ntok*b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
	// the heap held by the tagger's caches at the end
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	held := ms.HeapAlloc
	runtime.KeepAlive(tg)
	runtime.GC()
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(held-ms.HeapAlloc)/1e6, "cache-MB")
}
