package parse

import (
	"strings"

	"github.com/dyad-events/dyad/event"
)

// Metrics counts agreement between system and gold annotations over
// syntactic words (punctuation included, as in the CoNLL 2018 shared task).
type Metrics struct {
	Words                                   int
	UPOS, XPOS, Feats, Lemma, Heads, Labels int
	// LabelsUniversal counts labeled attachments comparing only the
	// universal part of the relation ("obl" for "obl:tmod"), as the
	// CoNLL 2018 evaluation script does.
	LabelsUniversal int
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func (m Metrics) UAS() float64      { return pct(m.Heads, m.Words) }
func (m Metrics) LAS() float64      { return pct(m.Labels, m.Words) }
func (m Metrics) ULAS() float64     { return pct(m.LabelsUniversal, m.Words) }
func (m Metrics) UPOSAcc() float64  { return pct(m.UPOS, m.Words) }
func (m Metrics) XPOSAcc() float64  { return pct(m.XPOS, m.Words) }
func (m Metrics) FeatsAcc() float64 { return pct(m.Feats, m.Words) }
func (m Metrics) LemmaAcc() float64 { return pct(m.Lemma, m.Words) }

// Add compares one sentence; sys and gold must have the same words.
func (m *Metrics) Add(sys, gold []event.Token) {
	for i := range gold {
		if i >= len(sys) {
			m.Words++
			continue
		}
		s, g := &sys[i], &gold[i]
		m.Words++
		if s.UPOS == g.UPOS {
			m.UPOS++
		}
		if s.XPOS == g.XPOS {
			m.XPOS++
		}
		if s.Feats == g.Feats {
			m.Feats++
		}
		if s.Lemma == g.Lemma {
			m.Lemma++
		}
		if s.Head == g.Head {
			m.Heads++
			if s.Deprel == g.Deprel {
				m.Labels++
			}
			if universal(s.Deprel) == universal(g.Deprel) {
				m.LabelsUniversal++
			}
		}
	}
}

func universal(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}

// Evaluate parses copies of the gold sentences (keeping their tags) and
// scores heads and relations.
func Evaluate(p *Parser, gold [][]event.Token) Metrics {
	var m Metrics
	var s event.Sentence
	for _, g := range gold {
		s.Tokens = append(s.Tokens[:0], g...)
		p.Parse(&s)
		m.Add(s.Tokens, g)
	}
	return m
}
