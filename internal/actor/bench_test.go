package actor

import (
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/shared"
	"github.com/dyad-events/dyad/internal/text"
)

// benchSentences is news text to match against: the seed article and,
// when present, a slice of the PolNeAR or BBC corpora in ../shared (never
// copied here).
func benchSentences(b *testing.B) []event.Sentence {
	p := shared.TestPath(b, "seed", "a-dangerous-trend.txt")
	raw, err := os.ReadFile(p)
	if err != nil {
		b.Fatal(err)
	}
	var sents []event.Sentence
	for len(sents) < 2000 {
		sents = append(sents, text.Segment(string(raw))...)
	}
	return sents
}

// BenchmarkMatch measures the dictionary matcher alone (words + longest
// match in the trie); reports tokens/s.
func BenchmarkMatch(b *testing.B) {
	kb, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	sents := benchSentences(b)
	toks := 0
	for i := range sents {
		toks += len(sents[i].Tokens)
	}
	var ws []word
	var hs []hit
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for i := range sents {
			ws = kb.appendWords(ws[:0], sents[i].Tokens, nil)
			hs = kb.match(ws, hs[:0])
		}
	}
	b.ReportMetric(float64(toks)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkMentions measures the whole recognizer (matching, dated
// readings, composition, anaphora); reports tokens/s.
func BenchmarkMentions(b *testing.B) {
	kb, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	sents := benchSentences(b)
	toks := 0
	for i := range sents {
		toks += len(sents[i].Tokens)
	}
	pub := time.Date(2023, 7, 10, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		d := kb.NewDoc(pub)
		for i := range sents {
			d.Mentions(&sents[i], time.Time{})
		}
	}
	b.ReportMetric(float64(toks)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoad measures parsing the embedded KB and reports the heap it
// keeps.
func BenchmarkLoad(b *testing.B) {
	var kb *KB
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for n := 0; n < b.N; n++ {
		var err error
		if kb, err = New(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MB")
	b.ReportMetric(float64(kb.Len()), "entries")
	runtime.KeepAlive(kb)
}
