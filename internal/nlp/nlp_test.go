package nlp

import (
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/parse"
	"github.com/dyad-events/dyad/internal/shared"
)

// Floors for EWT dev with predicted tags, a little below the shipped
// models' scores.
const (
	devUASFloor = 84.0
	devLASFloor = 80.5
)

func load(tb testing.TB) *Pipeline {
	tb.Helper()
	p, err := Load()
	if err != nil {
		tb.Skipf("models not available: %v", err)
	}
	return p
}

func TestAnnotateOffsets(t *testing.T) {
	p := load(t)
	doc := "HEADER\n\nThe envoys met in Geneva on Tuesday. They agreed to talk again."
	base := strings.Index(doc, "The envoys")
	sents := p.Annotate(doc[base:], base)
	if len(sents) != 2 {
		t.Fatalf("%d sentences, want 2", len(sents))
	}
	for _, s := range sents {
		if doc[s.Start:s.End] != s.Text {
			t.Errorf("sentence span %d:%d is %q, text %q", s.Start, s.End, doc[s.Start:s.End], s.Text)
		}
		roots := 0
		for _, tk := range s.Tokens {
			if doc[tk.Start:tk.End] != tk.Form {
				t.Errorf("token %q at %d:%d reads %q", tk.Form, tk.Start, tk.End, doc[tk.Start:tk.End])
			}
			if tk.UPOS == "" || tk.Lemma == "" || tk.Deprel == "" {
				t.Errorf("token %q not annotated: %+v", tk.Form, tk)
			}
			if tk.Head == 0 {
				roots++
			}
		}
		if roots != 1 {
			t.Errorf("%q: %d roots", s.Text, roots)
		}
	}
	// the verb of the first sentence heads its subject
	var met, envoys *event.Token
	for i := range sents[0].Tokens {
		switch sents[0].Tokens[i].Form {
		case "met":
			met = &sents[0].Tokens[i]
		case "envoys":
			envoys = &sents[0].Tokens[i]
		}
	}
	if met == nil || envoys == nil || envoys.Head != met.ID || envoys.Deprel != "nsubj" || met.Lemma != "meet" {
		t.Errorf("first sentence: met=%+v envoys=%+v", met, envoys)
	}
}

func TestAnnotateSentenceKeepsTokens(t *testing.T) {
	p := load(t)
	s := event.Sentence{Tokens: []event.Token{
		{ID: 1, Form: "Talks", Start: -1, End: -1, UPOS: "X", Head: 7, Deprel: "junk"},
		{ID: 2, Form: "resumed", Start: -1, End: -1},
		{ID: 3, Form: ".", Start: -1, End: -1},
	}}
	p.AnnotateSentence(&s)
	if len(s.Tokens) != 3 || s.Tokens[0].Form != "Talks" || s.Tokens[0].Start != -1 {
		t.Fatalf("tokens changed: %+v", s.Tokens)
	}
	if s.Tokens[0].Head != 2 || s.Tokens[1].Head != 0 || s.Tokens[0].UPOS != "NOUN" {
		t.Errorf("annotation: %+v", s.Tokens)
	}
}

func BenchmarkAnnotate(b *testing.B) {
	p := load(b)
	txt := strings.Repeat("The delegation from the ministry arrived in the capital late on Monday, officials said. "+
		"Both sides will sign a trade agreement next week after months of talks. ", 20)
	sents := p.Annotate(txt, 0)
	toks := 0
	for _, s := range sents {
		toks += len(s.Tokens)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.Annotate(txt, 0)
	}
	b.ReportMetric(float64(toks*b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(len(sents)*b.N)/b.Elapsed().Seconds(), "sents/s")
}

// TestDevAccuracy runs the tagger and parser on EWT dev's words (gold
// tokenization, predicted tags) and checks UAS/LAS against a floor a bit
// below what the shipped models reach.
func TestDevAccuracy(t *testing.T) {
	p := load(t)
	path := shared.TestPath(t, "data", "ud", "english-ewt", "en_ewt-ud-dev.conllu.gz")
	gold, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m parse.Metrics
	var s event.Sentence
	for _, g := range gold {
		s.Tokens = s.Tokens[:0]
		for _, tk := range g.Tokens {
			s.Tokens = append(s.Tokens, event.Token{ID: tk.ID, Form: tk.Form, Start: -1, End: -1})
		}
		p.AnnotateSentence(&s)
		m.Add(s.Tokens, g.Tokens)
	}
	t.Logf("EWT dev, predicted tags: UPOS %.2f lemma %.2f UAS %.2f LAS %.2f", m.UPOSAcc(), m.LemmaAcc(), m.UAS(), m.LAS())
	if m.UAS() < devUASFloor || m.LAS() < devLASFloor {
		t.Errorf("UAS %.2f LAS %.2f below the floor %.1f/%.1f", m.UAS(), m.LAS(), devUASFloor, devLASFloor)
	}
}

// TestSplitTagParse: Split, then Tag and Parse on each sentence, is
// Annotate; Split alone leaves the tokens bare, Tag adds no tree.
func TestSplitTagParse(t *testing.T) {
	p := load(t)
	doc := "HEADER\n\nThe envoys met in Geneva on Tuesday. They agreed to talk again."
	base := strings.Index(doc, "The envoys")
	want := p.Annotate(doc[base:], base)
	got := Split(doc[base:], base)
	if len(got) != len(want) {
		t.Fatalf("Split: %d sentences, Annotate %d", len(got), len(want))
	}
	for i := range got {
		s := &got[i]
		for _, tk := range s.Tokens {
			if tk.UPOS != "" || tk.Lemma != "" || tk.Deprel != "" || doc[tk.Start:tk.End] != tk.Form {
				t.Errorf("Split token %+v: annotated or off its text", tk)
			}
		}
		p.Tag(s)
		for _, tk := range s.Tokens {
			if tk.UPOS == "" || tk.Lemma == "" || tk.Deprel != "" || tk.Head != 0 {
				t.Errorf("Tag token %+v: untagged or with a tree", tk)
			}
		}
		p.Parse(s)
		if !reflect.DeepEqual(*s, want[i]) {
			t.Errorf("sentence %d: Split+Tag+Parse\n %+v\nAnnotate\n %+v", i, *s, want[i])
		}
	}
}
