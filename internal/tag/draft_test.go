package tag

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/shared"
)

// draftSentences returns the test sentences, a few with repeated and
// re-cased words, and EWT dev's when available.
func draftSentences(t *testing.T) [][]string {
	f, err := os.Open(filepath.Join("testdata", "sentences.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var sents [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			sents = append(sents, strings.Fields(line))
		}
	}
	sents = append(sents, []string{"the", "the", "THE", "The"}, []string{"The"}, []string{"x"},
		[]string{"US", "TROOPS", "LEAVE", "IRAQ"}, []string{"us", "troops", "leave", "iraq", "today"})
	if p, err := shared.Path("data", "ud", "english-ewt", "en_ewt-ud-dev.conllu.gz"); err == nil {
		gold, err := conllu.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range gold {
			var fs []string
			for _, tok := range g.Tokens {
				fs = append(fs, tok.Form)
			}
			sents = append(sents, fs)
		}
	} else {
		t.Logf("EWT dev not available (%v): test sentences only", err)
	}
	return sents
}

func tagsOf(s *event.Sentence) []event.Token { return slices.Clone(s.Tokens) }

// TestDraftRefine: on a tagger whose cache TagDraft filled first (entries
// without the backward pass's sums), Refine of a draft-tagged sentence and
// Tag of a draft-tagged one give what Tag gives on a fresh tagger; the
// draft's tags are the forward first pass's of Tag, its lemmas and
// features the lexicon's under them. A tiny cache generation makes entries
// be dropped, reused and moved back.
func TestDraftRefine(t *testing.T) {
	shipped, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	sents := draftSentences(t)
	defer func(n int) { maxWords = n }(maxWords)
	for _, mw := range []int{16, 1 << 13} {
		maxWords = mw
		ref, tg := New(shipped.m), New(shipped.m)
		diff, changed := 0, 0
		for _, forms := range sents {
			want := sentence(forms...)
			ref.Tag(want)
			sc := &scratch{forms: forms}
			ref.tagForms(sc)
			d := sentence(forms...)
			tg.TagDraft(d)
			for i, tok := range d.Tokens {
				c := sc.first[i]
				if tok.XPOS != ref.m.xpos[c] || tok.UPOS != ref.m.upos[c] {
					t.Fatalf("maxWords %d, %q: draft tag %d %s/%s, forward pass %s/%s", mw, strings.Join(forms, " "), i, tok.XPOS, tok.UPOS, ref.m.xpos[c], ref.m.upos[c])
				}
				if l := ref.Lemma(tok.Form, "", tok.XPOS); tok.Lemma != l {
					t.Fatalf("maxWords %d, %q: draft lemma %q of %s/%s, want %q", mw, strings.Join(forms, " "), tok.Lemma, tok.Form, tok.XPOS, l)
				}
			}
			if !slices.Equal(d.Tokens, want.Tokens) {
				changed++
			}
			r := &event.Sentence{Tokens: tagsOf(d)}
			tg.Refine(r)
			tg.Tag(d)
			if !slices.Equal(r.Tokens, want.Tokens) || !slices.Equal(d.Tokens, want.Tokens) {
				diff++
				if diff <= 3 {
					t.Errorf("maxWords %d, %q:\nrefined %v\nretagged %v\nTag     %v", mw, strings.Join(forms, " "), r.Tokens, d.Tokens, want.Tokens)
				}
			}
		}
		if diff > 0 {
			t.Errorf("maxWords %d: %d of %d sentences differ from Tag", mw, diff, len(sents))
		}
		if changed == 0 {
			t.Errorf("maxWords %d: no draft differs from Tag in %d sentences", mw, len(sents))
		}
	}
}

// TestRefineFallback: Refine of a sentence not tagged by TagDraft (no
// tags, or a pair the model lacks) is Tag.
func TestRefineFallback(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	forms := []string{"Rebels", "attacked", "the", "convoy", "near", "Kabul", "."}
	want := sentence(forms...)
	tg.Tag(want)
	for _, mangle := range []func(*event.Sentence){
		func(*event.Sentence) {},
		func(s *event.Sentence) { tg.TagDraft(s); s.Tokens[1].UPOS = "NOUN" }, // VBD/NOUN is no class
	} {
		s := sentence(forms...)
		mangle(s)
		tg.Refine(s)
		if !slices.Equal(s.Tokens, want.Tokens) {
			t.Errorf("got %v, want %v", s.Tokens, want.Tokens)
		}
	}
	tg.Refine(&event.Sentence{})
	tg.TagDraft(&event.Sentence{})
}

// TestDraftRefineTiny: the same on tiny trained models with and without
// the backward first pass.
func TestDraftRefineTiny(t *testing.T) {
	sents, err := conllu.Read(strings.NewReader(tinyTreebank))
	if err != nil {
		t.Fatal(err)
	}
	for _, noBack := range []bool{false, true} {
		m, err := Train(sents, sents[:1], TrainOptions{Epochs: 3, Folds: 2, Prune: -1, NoBackward: noBack})
		if err != nil {
			t.Fatal(err)
		}
		tg, ref := New(m), New(m)
		for _, line := range []string{"The envoys met in Lima .", "She met them .", "Talks were held in Oslo", "met met met", "."} {
			want := sentence(strings.Fields(line)...)
			ref.Tag(want)
			s := sentence(strings.Fields(line)...)
			tg.TagDraft(s)
			tg.Refine(s)
			if !slices.Equal(s.Tokens, want.Tokens) {
				t.Errorf("NoBackward %v, %q: refined %v, Tag %v", noBack, line, s.Tokens, want.Tokens)
			}
		}
	}
}

// TestDraftAccuracy scores TagDraft on EWT dev against floors a little
// below what it reaches, and below Tag.
func TestDraftAccuracy(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	gold, err := conllu.ReadFile(shared.TestPath(t, "data", "ud", "english-ewt", "en_ewt-ud-dev.conllu.gz"))
	if err != nil {
		t.Fatal(err)
	}
	full, draft := tg.Evaluate(gold), tg.EvaluateDraft(gold)
	t.Logf("Tag:      %s", full)
	t.Logf("TagDraft: %s", draft)
	if draft.UPOS > full.UPOS || draft.XPOS > full.XPOS {
		t.Errorf("draft tags better than Tag's")
	}
	if u, x, f, l := draft.Pct(); u < 93 || x < 92 || f < 90 || l < 96 {
		t.Errorf("draft accuracy below floor: %s", draft)
	}
}

// TestDraftConcurrent drafts and refines from several goroutines and
// expects the sequential result (run with -race to check for races).
func TestDraftConcurrent(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	inputs := [][]string{
		{"Talks", "between", "the", "two", "sides", "collapsed", "."},
		{"He", "'s", "been", "working", "here", "since", "2015", "."},
		{"Sanctions", "were", "lifted", "last", "year", "."},
	}
	want := make([][2][]event.Token, len(inputs))
	for i, in := range inputs {
		s := sentence(in...)
		tg.TagDraft(s)
		want[i][0] = tagsOf(s)
		tg.Refine(s)
		want[i][1] = tagsOf(s)
	}
	errs := make(chan string, 64)
	done := make(chan bool)
	for g := 0; g < 8; g++ {
		go func(g int) {
			defer func() { done <- true }()
			for r := 0; r < 20; r++ {
				i := (g + r) % len(inputs)
				s := sentence(inputs[i]...)
				tg.TagDraft(s)
				d := tagsOf(s)
				tg.Refine(s)
				if !slices.Equal(d, want[i][0]) || !slices.Equal(s.Tokens, want[i][1]) {
					errs <- strings.Join(inputs[i], " ")
					return
				}
			}
		}(g)
	}
	for g := 0; g < 8; g++ {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Errorf("concurrent draft/refine differs: %s", e)
	}
}

// TestDraftEntriesForwardOnly: TagDraft computes no backward sums (entries
// only it used have the forward pass's), Refine adds them without
// recomputing the forward ones, and with a tiny cache generation (entries
// dropped between draft and refine come back without the forward sums)
// refining still gives Tag's output.
func TestDraftEntriesForwardOnly(t *testing.T) {
	shipped, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	defer func(n int) { maxWords = n }(maxWords)
	maxWords = 16
	tg, ref := New(shipped.m), New(shipped.m)
	sents := draftSentences(t)
	if len(sents) > 400 {
		sents = sents[:400]
	}
	refined := map[string]bool{}
	for k, forms := range sents {
		d := sentence(forms...)
		tg.TagDraft(d)
		sc := tg.getScratch()
		for i, e := range sc.ents {
			// a word of a refined sentence may have both
			if e.nbHave&1 == 0 || !refined[e.key] && e.nbHave != 1 {
				t.Fatalf("%q: draft entry %d (%q) nbHave %b", strings.Join(forms, " "), i, e.key, e.nbHave)
			}
		}
		tg.putScratch(sc)
		if k%3 != 0 {
			continue
		}
		tg.Refine(d)
		for _, f := range forms {
			refined[f] = true
		}
		sc = tg.getScratch()
		for i, e := range sc.ents {
			if e.nbHave&2 == 0 {
				t.Fatalf("%q: refined entry %d (%q) nbHave %b", strings.Join(forms, " "), i, e.key, e.nbHave)
			}
		}
		tg.putScratch(sc)
		want := sentence(forms...)
		ref.Tag(want)
		if !slices.Equal(d.Tokens, want.Tokens) {
			t.Fatalf("%q: refined %v, Tag %v", strings.Join(forms, " "), d.Tokens, want.Tokens)
		}
	}
}
