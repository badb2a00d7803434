package tag

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/lexicon"
	"github.com/dyad-events/dyad/internal/shared"
)

func sentence(forms ...string) *event.Sentence {
	s := &event.Sentence{}
	for i, f := range forms {
		s.Tokens = append(s.Tokens, event.Token{ID: i + 1, Form: f, Start: -1, End: -1})
	}
	return s
}

func TestLoad(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tg2, _ := Load()
	if tg != tg2 {
		t.Error("Load does not cache the tagger")
	}
}

func TestTagSimple(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	s := sentence("The", "ministers", "met", "in", "Geneva", "on", "Tuesday", ".")
	tg.Tag(s)
	want := []struct{ upos, xpos, lemma string }{
		{"DET", "DT", "the"}, {"NOUN", "NNS", "minister"}, {"VERB", "VBD", "meet"}, {"ADP", "IN", "in"},
		{"PROPN", "NNP", "Geneva"}, {"ADP", "IN", "on"}, {"PROPN", "NNP", "Tuesday"}, {"PUNCT", ".", "."},
	}
	for i, w := range want {
		got := s.Tokens[i]
		if got.UPOS != w.upos || got.XPOS != w.xpos || got.Lemma != w.lemma {
			t.Errorf("%s: got %s/%s/%s, want %s/%s/%s", got.Form, got.UPOS, got.XPOS, got.Lemma, w.upos, w.xpos, w.lemma)
		}
	}
	if f := s.Tokens[2].Feats; f == "" || f == "_" {
		t.Errorf("met: no features")
	}
}

// TestAccuracy scores the embedded model on EWT dev and test (gold
// tokens) against floors a little below what it reaches.
func TestAccuracy(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		tb, file                 string
		upos, xpos, feats, lemma float64
	}{
		{"english-ewt", "en_ewt-ud-dev.conllu.gz", 95.0, 94.3, 95.0, 96.9},
		{"english-ewt", "en_ewt-ud-test.conllu.gz", 95.0, 94.3, 95.3, 96.9},
		// GUM: other genres, evaluation only (never training data)
		{"english-gum", "en_gum-ud-dev.conllu.gz", 94.5, 93.5, 89.0, 96.5},
	} {
		path := shared.TestPath(t, "data", "ud", tc.tb, tc.file)
		gold, err := conllu.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sc := tg.Evaluate(gold)
		t.Logf("%s: %s", tc.file, sc)
		upos, xpos, feats, lemma := sc.Pct()
		if upos < tc.upos || xpos < tc.xpos || feats < tc.feats || lemma < tc.lemma {
			t.Errorf("%s: accuracy below floor (UPOS %.1f XPOS %.1f UFeats %.1f lemma %.1f): %s",
				tc.file, tc.upos, tc.xpos, tc.feats, tc.lemma, sc)
		}
	}
}

// TestConcurrent tags the same sentences from several goroutines and
// expects the sequential result (run with -race to check for races).
func TestConcurrent(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	inputs := [][]string{
		{"Talks", "between", "the", "two", "sides", "collapsed", "."},
		{"He", "'s", "been", "working", "here", "since", "2015", "."},
		{"Sanctions", "were", "lifted", "last", "year", "."},
	}
	want := make([]string, len(inputs))
	for i, in := range inputs {
		s := sentence(in...)
		tg.Tag(s)
		want[i] = fmt.Sprint(s.Tokens)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 20; r++ {
				for i, in := range inputs {
					s := sentence(in...)
					tg.Tag(s)
					if got := fmt.Sprint(s.Tokens); got != want[i] {
						errs <- got
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent result differs: %s", e)
	}
}

// TestAnalyzeReversed checks what tagForms relies on: analyzing a sentence
// right to left gives the same token facts, in reverse order.
func TestAnalyzeReversed(t *testing.T) {
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	amb := func(k uint64) uint64 { return k % 7 }
	for _, line := range []string{"The Acme Corp. sold 1,200 well-known widgets to Paris .", "hello", "ALL CAPS HEADLINE HERE NOW", "a b C"} {
		fw := strings.Fields(line)
		n := len(fw)
		rv := make([]string, n)
		for i := range fw {
			rv[n-1-i] = fw[i]
		}
		fi, ri := make([]tokInfo, n), make([]tokInfo, n)
		analyze(fi, fw, nil, amb, lex, false)
		analyze(ri, rv, nil, amb, lex, true)
		for i := range fi {
			if fi[i] != ri[n-1-i] {
				t.Errorf("%q token %d: forward %+v, reversed %+v", line, i, fi[i], ri[n-1-i])
			}
		}
	}
}

// TestFinalPassKeepsAgreement: where both first passes agree, the final
// tag is theirs; elsewhere the final pass decides.
func TestFinalPassKeepsAgreement(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if tg.m.pb == nil {
		t.Skip("model without a backward pass")
	}
	sc := &scratch{}
	agree, total := 0, 0
	for _, line := range []string{
		"The new rules take effect in March , officials said .",
		"Time flies like an arrow ; fruit flies like a banana .",
		"I saw her duck under the table before the police arrived .",
	} {
		sc.forms = strings.Fields(line)
		tags := tg.tagForms(sc)
		for i := range tags {
			total++
			if sc.first[i] == sc.back[i] {
				agree++
				if tags[i] != sc.first[i] {
					t.Errorf("%q token %d: first passes agree on %d, final %d", line, i, sc.first[i], tags[i])
				}
			}
		}
	}
	if agree == 0 || agree == total {
		t.Errorf("%d of %d tokens agreed: want some of each to exercise both paths", agree, total)
	}
}
