package parse

import (
	"fmt"
	"math"
	"sync"

	"github.com/dyad-events/dyad/event"
)

// Parser combination (Sagae and Lavie 2006; Surdeanu and Manning 2010):
// several parsers that err differently (left to right and right to left,
// beam and greedy) each parse the sentence; every arc gets the summed
// weight of the parsers that chose it, the maximum spanning tree over
// those weights (Chu-Liu-Edmonds, with exactly one word under the root)
// is the combined tree, and each chosen arc takes the relation with the
// most weight among the parsers that chose that arc.

type ensemble struct {
	members []*Parser
	weights []float64
	// temp > 0 lets beam members vote with every tree of their final
	// beam, tree i weighing softmax((score_i − score_best)/(temp·n)) of
	// the member's weight (n words); 0 votes with the best tree only.
	temp   float64
	labels []string // union of the members' relation names
	pool   sync.Pool
}

type ensScratch struct {
	outs  [][]event.Token
	bufs  [][]event.Token // backing arrays of outs, reused
	kouts [][]event.Token
	ks    []float64
	ws    []float64
	cb    combiner
}

// NewEnsemble returns a parser combining members with the given weights
// (all 1 when weights is nil). Members must be single models, not
// combinations.
func NewEnsemble(members []*Parser, weights []float64) (*Parser, error) {
	if len(members) == 0 {
		return nil, fmt.Errorf("parse: an ensemble needs members")
	}
	if weights == nil {
		weights = make([]float64, len(members))
		for i := range weights {
			weights[i] = 1
		}
	}
	if len(weights) != len(members) {
		return nil, fmt.Errorf("parse: %d weights for %d parsers", len(weights), len(members))
	}
	e := &ensemble{members: members, weights: weights}
	seen := map[string]bool{}
	for i, m := range members {
		if m.ens != nil {
			return nil, fmt.Errorf("parse: ensemble member %d is itself an ensemble", i+1)
		}
		if !(weights[i] > 0) || math.IsInf(weights[i], 0) {
			return nil, fmt.Errorf("parse: ensemble weight %v (member %d) must be positive", weights[i], i+1)
		}
		for _, l := range m.labels {
			if !seen[l] {
				seen[l] = true
				e.labels = append(e.labels, l)
			}
		}
	}
	return &Parser{ens: e}, nil
}

// Members returns the parsers of a combination (nil for a single model).
func (p *Parser) Members() []*Parser {
	if p.ens == nil {
		return nil
	}
	return append([]*Parser(nil), p.ens.members...)
}

func (e *ensemble) withBeam(k int) *Parser {
	ms := make([]*Parser, len(e.members))
	for i, m := range e.members {
		if m.beam > 1 {
			ms[i] = m.WithBeam(k)
		} else {
			ms[i] = m
		}
	}
	q, _ := NewEnsemble(ms, e.weights) // same members and weights: cannot fail
	q.ens.temp = e.temp
	return q
}

// WithVoteTemperature returns a combination like p whose beam members vote
// with their whole final beam (see ensemble.temp); t ≤ 0 votes with the
// best trees only. A single model is returned as it is.
func (p *Parser) WithVoteTemperature(t float64) *Parser {
	if p.ens == nil {
		return p
	}
	q, _ := NewEnsemble(p.ens.members, p.ens.weights)
	q.ens.temp = max(t, 0)
	return q
}

func (e *ensemble) parse(s *event.Sentence) {
	sc, ok := e.pool.Get().(*ensScratch)
	if !ok {
		sc = &ensScratch{}
	}
	defer e.pool.Put(sc)
	sc.outs, sc.ws = sc.outs[:0], sc.ws[:0]
	next := func(src []event.Token) []event.Token {
		k := len(sc.outs)
		if k < len(sc.bufs) {
			sc.bufs[k] = append(sc.bufs[k][:0], src...)
		} else {
			sc.bufs = append(sc.bufs, append([]event.Token(nil), src...))
		}
		sc.outs = append(sc.outs, sc.bufs[k])
		return sc.bufs[k]
	}
	n := float64(len(s.Tokens))
	for i, m := range e.members {
		if e.temp > 0 && m.beam > 1 {
			sc.kouts, sc.ks = m.kbest(s.Tokens, sc.kouts, sc.ks)
			z, top := 0.0, sc.ks[0]
			for j := range sc.ks {
				sc.ks[j] = math.Exp((sc.ks[j] - top) / (e.temp * n))
				z += sc.ks[j]
			}
			for j := range sc.ks {
				next(sc.kouts[j])
				sc.ws = append(sc.ws, e.weights[i]*sc.ks[j]/z)
			}
			continue
		}
		m.Parse(&event.Sentence{Tokens: next(s.Tokens)})
		sc.ws = append(sc.ws, e.weights[i])
	}
	sc.cb.combine(sc.outs, sc.ws, s.Tokens)
}

// Combine writes into dst (ID, Head, Deprel) the weighted vote of the trees
// in outs, each a parse of the same words as dst (1-based heads, 0 for the
// root): the maximum spanning tree of the arcs' summed weights with one
// word under the root, and on each arc the relation with the most weight
// among the trees that have that arc. weights nil counts every tree once.
func Combine(outs [][]event.Token, weights []float64, dst []event.Token) error {
	for i, o := range outs {
		if len(o) != len(dst) {
			return fmt.Errorf("combine: tree %d has %d words, want %d", i+1, len(o), len(dst))
		}
	}
	if weights != nil && len(weights) != len(outs) {
		return fmt.Errorf("combine: %d weights for %d trees", len(weights), len(outs))
	}
	if weights == nil {
		weights = make([]float64, len(outs))
		for i := range weights {
			weights[i] = 1
		}
	}
	var cb combiner
	cb.combine(outs, weights, dst)
	return nil
}

// combiner keeps the scratch space of combine.
type combiner struct {
	score []float64 // (n+1)², score[h*(n+1)+d], node 0 the root
	heads []int
	mst   mstScratch
}

func (cb *combiner) combine(outs [][]event.Token, weights []float64, dst []event.Token) {
	n := len(dst)
	if n == 0 {
		return
	}
	N := n + 1
	cb.score = fill64(cb.score, N*N)
	for k, o := range outs {
		for d := range o {
			h := o[d].Head
			if h < 0 || h > n || h == d+1 {
				continue
			}
			cb.score[h*N+d+1] += weights[k]
		}
	}
	// an arc no parser chose still scores 0, so a tree always exists;
	// the root takes only the words some parser put there
	roots := 0
	for d := 1; d < N; d++ {
		if cb.score[d] == 0 {
			cb.score[d] = math.Inf(-1)
		} else {
			roots++
		}
	}
	if roots == 0 { // no usable tree among the inputs: any word may be the root
		for d := 1; d < N; d++ {
			cb.score[d] = 0
		}
	}
	cb.heads = cb.mst.oneRoot(cb.score, N, cb.heads)
	for d := 1; d < N; d++ {
		t := &dst[d-1]
		t.ID = d
		t.Head = cb.heads[d]
		t.Deprel = vote(outs, weights, d-1, t.Head)
	}
}

// vote returns the relation with the most weight among the trees that
// attach word i (0-based) to head h, or, when none does, among all trees'
// relations of word i (root excluded unless h is the root).
func vote(outs [][]event.Token, weights []float64, i, h int) string {
	if h == 0 {
		return "root"
	}
	best, bestW := "", 0.0
	for pass := 0; pass < 2 && best == ""; pass++ {
		for _, o := range outs {
			if pass == 0 && o[i].Head != h {
				continue
			}
			l := o[i].Deprel
			if l == "root" || l == "" || l == best {
				continue
			}
			w := 0.0
			for k2, o2 := range outs {
				if o2[i].Deprel == l && (pass == 1 || o2[i].Head == h) {
					w += weights[k2]
				}
			}
			if w > bestW {
				best, bestW = l, w
			}
		}
	}
	if best == "" {
		best = "dep"
	}
	return best
}

func fill64(s []float64, n int) []float64 {
	if cap(s) < n {
		s = make([]float64, n)
	}
	s = s[:n]
	clear(s)
	return s
}
