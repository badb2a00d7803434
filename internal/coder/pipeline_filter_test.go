package coder

import (
	"reflect"
	"testing"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/benchutil"
	"github.com/dyad-events/dyad/internal/shared"
	"github.com/dyad-events/dyad/internal/source"
)

// skipIdleText is a made-up article: sentences with two actors and an
// event verb, an anaphor that needs the sentence before it, sentences
// without actors, and a tail after the last possible event.
const skipIdleText = `Russia accused Ukraine of shelling the plant on Monday.
The weather in the region was mild and dry.
Officials in Kyiv denied it. The two sides met in Istanbul two days later.
Farmers planted wheat and barley across the plains.
Turkey praised both countries for the talks.
The harvest is expected to be large.
Analysts expect prices to fall.`

// checkSkipIdle codes doc with and without SkipIdle, fails on any
// difference in the events, checks how the unparsed sentences are marked
// and returns the sentence and parsed counts.
func checkSkipIdle(t *testing.T, p *Pipeline, doc *event.Document) (sents, parsedN int) {
	t.Helper()
	p.SkipIdle = false
	_, all := p.CodeDocument(doc)
	p.SkipIdle = true
	ss, parsed := p.AnnotateDocument(doc)
	some := p.CodeAnnotated(doc, ss, parsed)
	p.SkipIdle = false
	if !reflect.DeepEqual(all, some) {
		t.Errorf("%s: events differ with SkipIdle:\n without %v\n    with %v", doc.File, all, some)
	}
	if len(parsed) != len(ss) {
		t.Fatalf("%s: %d parsed marks for %d sentences", doc.File, len(parsed), len(ss))
	}
	for i, s := range ss {
		if len(s.Tokens) == 0 {
			t.Errorf("%s: sentence %d without tokens", doc.File, i)
			continue
		}
		if parsed[i] {
			parsedN++
		}
		for _, tok := range s.Tokens {
			if tok.UPOS == "" || tok.Lemma == "" {
				t.Errorf("%s: sentence %d token %q untagged", doc.File, i, tok.Form)
			}
			if unparsed := tok.Deprel == Unparsed && tok.Head == 0; unparsed == parsed[i] {
				t.Errorf("%s: sentence %d (parsed %v) token %q has head %d, deprel %q", doc.File, i, parsed[i], tok.Form, tok.Head, tok.Deprel)
			}
		}
	}
	return len(ss), parsedN
}

func TestSkipIdleSameEvents(t *testing.T) {
	p, err := LoadPipeline(nil)
	if err != nil {
		t.Fatal(err)
	}
	doc := &event.Document{ID: "made-up", File: "made-up", Text: skipIdleText, BodyEnd: len(skipIdleText),
		Published: time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC)}
	n, parsed := checkSkipIdle(t, p, doc)
	if parsed == n || parsed == 0 {
		t.Errorf("made-up article: %d of %d sentences parsed; want some but not all", parsed, n)
	}
	_, evs := p.CodeDocument(doc)
	if len(evs) == 0 {
		t.Error("made-up article: no events; the comparison checks nothing")
	}
	// with a trace every sentence is parsed
	var tr traceSink
	p.SkipIdle, p.Trace = true, &tr
	if _, marks := p.AnnotateDocument(doc); marks != nil {
		t.Error("SkipIdle skipped sentences while tracing")
	}
}

type traceSink struct{}

func (*traceSink) Write(b []byte) (int, error) { return len(b), nil }

// TestSkipIdlePolNeAR: the first PolNeAR articles give the same events
// with and without SkipIdle (`dyad bench code --check-skip` checks all).
func TestSkipIdlePolNeAR(t *testing.T) {
	path := shared.TestPath(t, "data", "news", "polnear", "polnear_articles.jsonl.gz")
	arts, err := benchutil.ReadArticles(path, 12)
	if err != nil {
		t.Fatal(err)
	}
	p, err := LoadPipeline(nil)
	if err != nil {
		t.Fatal(err)
	}
	sents, parsed := 0, 0
	for _, a := range arts {
		d := &event.Document{ID: a.ID, File: a.ID, Text: a.Text, BodyEnd: len(a.Text)}
		if pub, ok := source.ParseDate(a.Date); ok {
			d.Published = pub
		}
		n, k := checkSkipIdle(t, p, d)
		sents += n
		parsed += k
	}
	t.Logf("%d articles, %d sentences, %d parsed with SkipIdle", len(arts), sents, parsed)
	if parsed == sents {
		t.Error("SkipIdle parsed every sentence: the comparison checks nothing")
	}
}

// TestOnDemand: with OnDemand the sentences that may yield an event are
// parsed, the others are not, and the made-up article and the seed give
// the events of parsing every sentence.
func TestOnDemand(t *testing.T) {
	p, err := LoadPipeline(nil)
	if err != nil {
		t.Fatal(err)
	}
	q := &Pipeline{NLP: p.NLP, KB: p.KB, Coder: p.Coder, SkipIdle: true, OnDemand: true}
	docs := []*event.Document{{ID: "made-up", File: "made-up", Text: skipIdleText, BodyEnd: len(skipIdleText),
		Published: time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC)}}
	if seed, ok := seedDocument(t); ok {
		docs = append(docs, seed)
	}
	for _, doc := range docs {
		_, want := p.CodeDocument(doc)
		before := q.Parsed.Load()
		ss, marks := q.AnnotateDocument(doc)
		for i := range ss {
			if ss[i].Tokens[0].Deprel != Unparsed {
				t.Fatalf("%s: sentence %d parsed before coding", doc.File, i)
			}
		}
		got := q.CodeAnnotated(doc, ss, marks)
		parsed, considered := int(q.Parsed.Load()-before), 0
		trees := 0
		for i, ok := range marks {
			if ok {
				considered++
			}
			if ss[i].Tokens[0].Deprel != Unparsed {
				trees++
			}
		}
		if parsed == 0 || parsed >= considered || trees != parsed {
			t.Errorf("%s: %d of %d sentences considered parsed on demand, %d have trees; want some, not all", doc.File, parsed, considered, trees)
		}
		if !reflect.DeepEqual(want, got) {
			t.Errorf("%s: events differ when parsing on demand:\n every sentence %v\n    on demand %v", doc.File, want, got)
		}
		if len(want) == 0 {
			t.Errorf("%s: no events; the comparison checks nothing", doc.File)
		}
	}
}

// seedDocument reads the seed article from ../shared (ok false when absent).
func seedDocument(t *testing.T) (*event.Document, bool) {
	path, err := shared.Path("seed", "a-dangerous-trend.txt")
	if err != nil {
		t.Logf("seed article: %v", err)
		return nil, false
	}
	docs, errs := source.ReadFile(path, source.Options{})
	if len(docs) == 0 {
		t.Fatalf("seed article: %v", errs)
	}
	return docs[0], true
}

// TestFastConfirm: with Fast the sentences that may yield an event are
// parsed greedily, and every sentence that yields an event carries the
// beam model's tree (the events come from accurate trees), while others
// keep the greedy one.
func TestFastConfirm(t *testing.T) {
	p, err := LoadPipeline(nil)
	if err != nil {
		t.Fatal(err)
	}
	q := &Pipeline{NLP: p.NLP, KB: p.KB, Coder: p.Coder, Discards: p.Discards}
	if err := q.UseFast(); err != nil {
		t.Fatal(err)
	}
	docs := []*event.Document{{ID: "made-up", File: "made-up", Text: skipIdleText, BodyEnd: len(skipIdleText),
		Published: time.Date(2024, 3, 6, 0, 0, 0, 0, time.UTC)}}
	if seed, ok := seedDocument(t); ok {
		docs = append(docs, seed)
	}
	heads := func(s *event.Sentence) []int {
		var h []int
		for _, tok := range s.Tokens {
			h = append(h, tok.Head)
		}
		return h
	}
	for _, short := range []int{0, DefaultShortBeam} {
		q.ShortBeam = short
		for _, doc := range docs {
			p0, c0 := q.Parsed.Load(), q.Confirmed.Load()
			ss, marks := q.AnnotateDocument(doc)
			evs := q.CodeAnnotated(doc, ss, marks)
			parsed, confirmed := q.Parsed.Load()-p0, q.Confirmed.Load()-c0
			if len(evs) == 0 || (short == 0 && confirmed == 0) || confirmed > parsed {
				t.Errorf("%s, short %d: %d events, %d sentences parsed first, %d again with the beam; want events, and some sentences parsed again", doc.File, short, len(evs), parsed, confirmed)
			}
			withEvent := map[int]bool{}
			for _, e := range evs {
				withEvent[e.Sentence] = true
			}
			differs := 0
			for i := range ss {
				s := &ss[i]
				if s.Tokens[0].Deprel == Unparsed {
					if withEvent[i] {
						t.Errorf("%s: sentence %d yields an event without a tree", doc.File, i)
					}
					continue
				}
				beam := event.Sentence{Text: s.Text, Tokens: append([]event.Token(nil), s.Tokens...)}
				p.NLP.Parse(&beam)
				same := reflect.DeepEqual(heads(s), heads(&beam))
				if (withEvent[i] || len(s.Tokens) <= short) && !same {
					t.Errorf("%s, short %d: sentence %d (%d tokens, event %v) has a tree that is not the beam's", doc.File, short, i, len(s.Tokens), withEvent[i])
				}
				if !same {
					differs++
				}
			}
			t.Logf("%s, short %d: %d events, %d sentences parsed first, %d again; %d greedy trees kept differ from the beam's", doc.File, short, len(evs), parsed, confirmed, differs)
		}
	}
}

// TestProperNames: a capitalized actor name tagged as a common noun or a
// verb is tagged a proper noun before parsing; other mentions (a role, a
// demonym adjective, a pronoun) and other tokens keep their tags.
func TestProperNames(t *testing.T) {
	s := &event.Sentence{Tokens: []event.Token{
		{Form: "Trump", UPOS: "VERB", XPOS: "VB", Lemma: "trump"},
		{Form: "praised", UPOS: "VERB", XPOS: "VBD", Lemma: "praise"},
		{Form: "Russian", UPOS: "ADJ", XPOS: "JJ", Lemma: "Russian"},
		{Form: "officials", UPOS: "NOUN", XPOS: "NNS", Lemma: "official"},
		{Form: "and", UPOS: "CCONJ", XPOS: "CC", Lemma: "and"},
		{Form: "Turks", UPOS: "NOUN", XPOS: "NNS", Lemma: "turk"},
		{Form: "and", UPOS: "CCONJ", XPOS: "CC", Lemma: "and"},
		{Form: "them", UPOS: "PRON", XPOS: "PRP", Lemma: "they"},
	}}
	ms := []actor.Mention{
		{First: 0, Last: 0, Head: 0, Kind: actor.KindPerson},
		{First: 2, Last: 3, Head: 3, Kind: actor.KindRole},
		{First: 2, Last: 2, Head: 2, Kind: actor.KindCountry},
		{First: 5, Last: 5, Head: 5, Kind: actor.KindCountry},
		{First: 7, Last: 7, Head: 7, Kind: actor.KindPronoun},
		{First: 9, Last: 9, Head: 9, Kind: actor.KindCountry}, // out of range: ignored
	}
	heads := misTaggedNames(s, ms, nil)
	if !reflect.DeepEqual(heads, []int{0, 5}) {
		t.Fatalf("misTaggedNames = %v, want [0 5]", heads)
	}
	properNames(s, heads)
	want := []string{"PROPN NNP Trump Number=Sing", "VERB VBD praise ", "ADJ JJ Russian ", "NOUN NNS official ", "CCONJ CC and ", "PROPN NNPS Turks Number=Plur"}
	for i, w := range want {
		tk := s.Tokens[i]
		if got := tk.UPOS + " " + tk.XPOS + " " + tk.Lemma + " " + tk.Feats; got != w {
			t.Errorf("token %d %q: %q, want %q", i, tk.Form, got, w)
		}
	}
}
