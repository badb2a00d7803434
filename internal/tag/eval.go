package tag

import (
	"fmt"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/conllu"
)

// Scores are tagging accuracies over gold-tokenized sentences, as the UD
// evaluation script counts them: every syntactic word counts once; lemma
// and feature comparisons are exact (case-sensitive; features compared as
// whole strings in canonical order).
type Scores struct {
	Tokens                        int
	UPOS, XPOS, Feats, Lemma, All int // correct counts; All = UPOS, XPOS and Feats all right
	// OOV counts are over words not seen in training (when known).
}

func pct(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return 100 * float64(n) / float64(d)
}

// String formats the accuracies in percent.
func (s Scores) String() string {
	return fmt.Sprintf("tokens %d  UPOS %.2f  XPOS %.2f  UFeats %.2f  AllTags %.2f  Lemma %.2f",
		s.Tokens, pct(s.UPOS, s.Tokens), pct(s.XPOS, s.Tokens), pct(s.Feats, s.Tokens), pct(s.All, s.Tokens), pct(s.Lemma, s.Tokens))
}

// Pct returns the accuracies in percent: UPOS, XPOS, UFeats, lemma.
func (s Scores) Pct() (upos, xpos, feats, lemma float64) {
	return pct(s.UPOS, s.Tokens), pct(s.XPOS, s.Tokens), pct(s.Feats, s.Tokens), pct(s.Lemma, s.Tokens)
}

// Evaluate tags copies of the gold sentences (forms only) and scores them.
func (t *Tagger) Evaluate(gold []conllu.Sentence) Scores { return evaluate(gold, t.Tag) }

// EvaluateDraft is Evaluate with TagDraft.
func (t *Tagger) EvaluateDraft(gold []conllu.Sentence) Scores { return evaluate(gold, t.TagDraft) }

func evaluate(gold []conllu.Sentence, tag func(*event.Sentence)) Scores {
	var sc Scores
	var s event.Sentence
	for _, g := range gold {
		s.Tokens = s.Tokens[:0]
		for _, tok := range g.Tokens {
			s.Tokens = append(s.Tokens, event.Token{ID: tok.ID, Form: tok.Form})
		}
		tag(&s)
		for i, p := range s.Tokens {
			gt := g.Tokens[i]
			sc.Tokens++
			u, x, f := p.UPOS == gt.UPOS, p.XPOS == gt.XPOS, p.Feats == gt.Feats
			if u {
				sc.UPOS++
			}
			if x {
				sc.XPOS++
			}
			if f {
				sc.Feats++
			}
			if u && x && f {
				sc.All++
			}
			if p.Lemma == gt.Lemma || gt.Lemma == "_" {
				sc.Lemma++
			}
		}
	}
	return sc
}
