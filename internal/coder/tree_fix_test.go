package coder

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/event"
)

// sentence builds a parsed sentence from "form/lemma/XPOS/head/deprel"
// fields.
func sentence(t *testing.T, spec string) *event.Sentence {
	t.Helper()
	s := &event.Sentence{}
	for i, f := range strings.Fields(spec) {
		p := strings.Split(f, "/")
		if len(p) != 5 {
			t.Fatalf("bad token %q", f)
		}
		h := 0
		for _, c := range p[3] {
			h = h*10 + int(c-'0')
		}
		s.Tokens = append(s.Tokens, event.Token{ID: i + 1, Form: p[0], Lemma: p[1], XPOS: p[2], Head: h, Deprel: p[4]})
	}
	return s
}

// Parse errors the tree undoes before coding: a past tense read as a
// passive, a passive read as a copula, an infinitive complement read as
// an adverbial clause. The sentence keeps its relations.
func TestTreeFixes(t *testing.T) {
	tests := []struct {
		name, spec string
		want       []string // relations after the fixes
	}{
		{"past tense read as passive",
			"Ruritania/Ruritania/NNP/2/nsubj:pass fired/fire/VBN/0/root flares/flare/NNS/2/obl:agent",
			[]string{"nsubj", "root", "obj"}},
		{"true passive kept",
			"Ruritania/Ruritania/NNP/3/nsubj:pass was/be/VBD/3/aux:pass hit/hit/VBN/0/root by/by/IN/5/case Freedonia/Freedonia/NNP/3/obl:agent",
			[]string{"nsubj:pass", "aux:pass", "root", "case", "obl:agent"}},
		{"passive read as copula",
			"Ruritania/Ruritania/NNP/3/nsubj was/be/VBD/3/cop blamed/blame/VBN/0/root by/by/IN/5/case Freedonia/Freedonia/NNP/3/obl:agent",
			[]string{"nsubj:pass", "aux:pass", "root", "case", "obl:agent"}},
		{"copula without agent kept",
			"Ruritania/Ruritania/NNP/3/nsubj was/be/VBD/3/cop pleased/pleased/VBN/0/root",
			[]string{"nsubj", "cop", "root"}},
		{"infinitive after a time phrase read as adverbial",
			"Ruritania/Ruritania/NNP/2/nsubj vowed/vow/VBD/0/root on/on/IN/4/case Monday/Monday/NNP/2/obl to/to/TO/6/mark fight/fight/VB/2/advcl",
			[]string{"nsubj", "root", "case", "obl", "mark", "xcomp"}},
		{"purpose clause kept",
			"Ruritania/Ruritania/NNP/2/nsubj arrived/arrive/VBD/0/root to/to/TO/4/mark talk/talk/VB/2/advcl",
			[]string{"nsubj", "root", "mark", "advcl"}},
	}
	for _, tc := range tests {
		s := sentence(t, tc.spec)
		tr := newTree(s)
		var got []string
		for i := range s.Tokens {
			got = append(got, tr.rel(i))
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%s: relations %v, want %v", tc.name, got, tc.want)
		}
		for i, tok := range s.Tokens {
			if orig := strings.Split(strings.Fields(tc.spec)[i], "/")[4]; tok.Deprel != orig {
				t.Errorf("%s: token %d deprel changed in the sentence: %q", tc.name, i, tok.Deprel)
			}
		}
	}
}
