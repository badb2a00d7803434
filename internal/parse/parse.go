// Package parse is dyad's dependency parser: transition-based parsers
// (arc-hybrid, root at the end of the buffer) that turn tagged sentences
// into Universal Dependencies trees with labeled relations, subtypes
// included (nsubj:pass, nmod:poss, compound:prt …).
//
// Two averaged perceptrons over hashed Zhang & Nivre (2011) style features
// drive each model: one chooses the transition, the other the relation of
// each arc as it is made (when the dependent's own subtree is complete).
// Greedy models are trained with a dynamic oracle with exploration
// (Goldberg and Nivre 2013), beam models globally with max-violation
// updates, both on projectivized trees; a model may read the sentence left
// to right or right to left. The default parser (Load) combines several
// such models by weighted arc voting and a maximum spanning tree (see
// Combine). The shipped models, trained on UD English-EWT (CC BY-SA 4.0),
// are embedded in the binary.
package parse

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sync"

	"github.com/dyad-events/dyad/event"
)

// The embedded models. ModelFile is the most accurate single model (beam
// search, left to right); GreedyModelFile the one trained for greedy
// decoding (the fastest). The others are the further members of the
// default combination: beam models trained with another seed or on
// reversed sentences (right to left), and a greedy right-to-left model.
const (
	ModelFile          = "model/parser.bin.gz"
	Seed2ModelFile     = "model/parser-seed2.bin.gz"
	RTLModelFile       = "model/parser-rtl.bin.gz"
	GreedyModelFile    = "model/parser-greedy.bin.gz"
	GreedyRTLModelFile = "model/parser-greedy-rtl.bin.gz"
)

// Combination lists the embedded models Load combines and their vote
// weights, and VoteTemperature how the beam models vote (see
// Parser.WithVoteTemperature); both chosen on EWT dev with predicted tags.
var (
	Combination = []struct {
		File   string
		Weight float64
	}{
		{ModelFile, 1.2},
		{RTLModelFile, 1.3},
		{GreedyModelFile, 1.0},
		{GreedyRTLModelFile, 0.3},
		{Seed2ModelFile, 1.4},
	}
	VoteTemperature = 3.0
)

//go:embed model
var modelFS embed.FS

// Parser assigns heads and relations. It is safe for concurrent use.
type Parser struct {
	trans  *linear
	label  *linear
	labels []string // relation names by id
	root   int16    // id of "root"
	beam   int      // beam width; 1 is greedy
	fset   int      // feature set the model was trained with
	rtl    bool     // parses the reversed sentence (right to left)
	// ens, when set, makes this parser a combination of others (see
	// Combine); the fields above are then unused.
	ens  *ensemble
	pool sync.Pool
}

type scratch struct {
	rev    []event.Token // the reversed sentence, for right-to-left models
	st     state
	c      ctx
	keys   []uint64
	scores []int32
	bm     beamer
	lmemo  memo[int16] // relations by arc context, for the beam
	label  labeler     // p.beamLabel bound to this scratch
	tc     fcache      // transition weights of recent features
	trans  cached3     // p.trans through tc
	rows   [][2]uint32 // for scoreRows
}

type embedded struct {
	once sync.Once
	p    *Parser
	err  error
}

var (
	models = map[string]*embedded{ModelFile: {}, Seed2ModelFile: {}, RTLModelFile: {}, GreedyModelFile: {}, GreedyRTLModelFile: {}}
	dflt   embedded
)

// LoadModel returns one of the embedded models (ModelFile …) alone,
// decoded on first use.
func LoadModel(name string) (*Parser, error) {
	e := models[name]
	if e == nil {
		return nil, fmt.Errorf("parse: no embedded model %s", name)
	}
	e.once.Do(func() {
		b, err := fs.ReadFile(modelFS, name)
		if err != nil {
			e.err = fmt.Errorf("parse: no embedded model %s (train one with 'dyad train parser'): %w", name, err)
			return
		}
		e.p, e.err = Read(bytes.NewReader(b))
		if e.err != nil {
			e.err = fmt.Errorf("parse: embedded model %s: %w", name, e.err)
		}
	})
	return e.p, e.err
}

// Load returns the default English parser, decoded on first use: the most
// accurate configuration, the weighted vote of the embedded models in
// Combination (or the one model when it lists one).
func Load() (*Parser, error) {
	dflt.once.Do(func() {
		var ms []*Parser
		var ws []float64
		for _, c := range Combination {
			m, err := LoadModel(c.File)
			if err != nil {
				dflt.err = err
				return
			}
			ms = append(ms, m)
			ws = append(ws, c.Weight)
		}
		if len(ms) == 1 {
			dflt.p = ms[0]
			return
		}
		if dflt.p, dflt.err = NewEnsemble(ms, ws); dflt.err == nil {
			dflt.p = dflt.p.WithVoteTemperature(VoteTemperature)
		}
	})
	return dflt.p, dflt.err
}

// LoadGreedy returns the embedded model trained for greedy decoding:
// several times faster than Load's, less accurate. Without one it falls
// back to the beam model decoding greedily.
func LoadGreedy() (*Parser, error) {
	p, err := LoadModel(GreedyModelFile)
	if err == nil {
		return p, nil
	}
	d, err2 := LoadModel(ModelFile)
	if err2 != nil {
		return nil, err
	}
	return d.WithBeam(1), nil
}

// load sets the scratch's context to the sentence's tokens, reversed
// for a right-to-left model.
func (p *Parser) load(sc *scratch, toks []event.Token) {
	if p.rtl {
		sc.rev = append(sc.rev[:0], toks...)
		slices.Reverse(sc.rev)
		toks = sc.rev
	}
	sc.c.fset = p.fset
	sc.c.setTokens(toks)
}

func (p *Parser) get() *scratch {
	if sc, ok := p.pool.Get().(*scratch); ok {
		return sc
	}
	sc := &scratch{keys: make([]uint64, 0, 256), scores: make([]int32, len(p.labels))}
	sc.label = func(st *state, h, d int32) int16 { return p.beamLabel(sc, st, h, d) }
	return sc
}

// beamRun decodes the loaded sentence with the beam.
func (p *Parser) beamRun(sc *scratch) *beamItem {
	sc.lmemo.reset(4 * len(sc.c.tok))
	sc.trans = cached3{p.trans, &sc.tc} // p.trans now: training swaps it
	best, _, _ := sc.bm.run(&sc.c, p.beam, &sc.trans, sc.label, nil)
	return best
}

// Labels returns the relation names the parser can assign.
func (p *Parser) Labels() []string {
	if p.ens != nil {
		return append([]string(nil), p.ens.labels...)
	}
	return append([]string(nil), p.labels...)
}

// Parse fills Head (0 for the root, else the 1-based position of the head)
// and Deprel of every token of s from Form, Lemma, UPOS, XPOS and Feats.
// Tokens are taken in order; their IDs are set to 1..n.
func (p *Parser) Parse(s *event.Sentence) {
	n := len(s.Tokens)
	if n == 0 {
		return
	}
	if p.ens != nil {
		p.ens.parse(s)
		return
	}
	sc := p.get()
	defer p.pool.Put(sc)
	p.load(sc, s.Tokens)
	st := &sc.st
	if p.beam > 1 {
		st = &p.beamRun(sc).st
	} else {
		p.decode(sc)
	}
	p.output(st, s.Tokens)
}

// output writes the tree of st into toks (mapping positions back for a
// right-to-left model).
func (p *Parser) output(st *state, toks []event.Token) {
	n := len(toks)
	for i := range toks {
		t := &toks[i]
		t.ID = i + 1
		j := i
		if p.rtl {
			j = n - 1 - i
		}
		h := int(st.heads[j])
		switch {
		case h == n:
			t.Head = 0
		case p.rtl:
			t.Head = n - h
		default:
			t.Head = h + 1
		}
		t.Deprel = p.labels[st.labels[j]]
	}
}

// kbest parses toks like Parse and returns the trees of the final beam,
// best first, written into outs (grown as needed), with their scores;
// a greedy model returns one tree with score 0.
func (p *Parser) kbest(toks []event.Token, outs [][]event.Token, scores []float64) ([][]event.Token, []float64) {
	outs, scores = outs[:0], scores[:0]
	grow := func() []event.Token {
		if len(outs) < cap(outs) {
			outs = outs[:len(outs)+1]
		} else {
			outs = append(outs, nil)
		}
		o := append(outs[len(outs)-1][:0], toks...)
		outs[len(outs)-1] = o
		return o
	}
	if p.beam <= 1 {
		o := grow()
		p.Parse(&event.Sentence{Tokens: o})
		return outs, append(scores, 0)
	}
	sc := p.get()
	defer p.pool.Put(sc)
	p.load(sc, toks)
	p.beamRun(sc)
	for i := 0; i < sc.bm.size; i++ {
		p.output(&sc.bm.cur[i].st, grow())
		scores = append(scores, sc.bm.cur[i].score)
	}
	return outs, scores
}

// Beam returns the beam width the parser decodes with (1 is greedy).
func (p *Parser) Beam() int {
	if p.ens != nil {
		return p.ens.members[0].beam
	}
	return p.beam
}

// RightToLeft reports whether the parser reads sentences backwards.
func (p *Parser) RightToLeft() bool { return p.rtl }

// WithBeam returns a parser sharing p's model that decodes with beam
// width k (k ≤ 1: greedy). A model trained greedily gains little from a
// beam; one trained with a beam loses some accuracy when run greedily.
// For a combination, the members trained with a beam decode at width k.
func (p *Parser) WithBeam(k int) *Parser {
	if p.ens != nil {
		return p.ens.withBeam(k)
	}
	q := p.clone()
	q.beam = max(k, 1)
	return q
}

// clone returns a parser sharing p's model (with a pool of its own).
func (p *Parser) clone() *Parser {
	return &Parser{trans: p.trans, label: p.label, labels: p.labels, root: p.root, beam: p.beam, fset: p.fset, rtl: p.rtl, ens: p.ens}
}

func (c *ctx) setTokens(toks []event.Token) {
	n := len(toks)
	if cap(c.tok) < n+1 {
		c.tok = make([]atoms, n+1, n+1+n/2)
	}
	c.tok = c.tok[:n+1]
	for i := range toks {
		c.tok[i] = tokenAtoms(&toks[i])
	}
	c.tok[n] = rootAtoms
	if c.fset >= 3 {
		c.pc = fill(c.pc, n+2, 0)
		for i := range toks {
			c.pc[i+1] = c.pc[i]
			if toks[i].UPOS == "PUNCT" {
				c.pc[i+1]++
			}
		}
		c.pc[n+1] = c.pc[n]
	}
}

// decode runs the greedy parser over sc.c, leaving the tree in sc.st.
func (p *Parser) decode(sc *scratch) {
	n := len(sc.c.tok) - 1
	st := &sc.st
	st.reset(n)
	if cap(sc.scores) < len(p.labels) {
		sc.scores = make([]int32, len(p.labels))
	}
	for !st.terminal() {
		sc.keys = transFeatures(st, &sc.c, sc.keys[:0])
		scores := sc.scores[:numActs]
		p.trans.score3(sc.keys, scores, &sc.tc)
		legal := st.legal()
		best := -1
		for a := 0; a < numActs; a++ {
			if legal[a] && (best < 0 || scores[a] > scores[best]) {
				best = a
			}
		}
		var l int16 = -1
		if best != actShift {
			l = p.predictLabel(sc, st, st.head(best), st.s(0))
		}
		st.apply(best, l)
	}
}

// beamLabel is predictLabel through the sentence's memo.
func (p *Parser) beamLabel(sc *scratch, st *state, h, d int32) int16 {
	if int(h) == st.n {
		return p.root
	}
	var key memoKey
	labelKey(st, h, d, &key)
	l, ok, slot := sc.lmemo.get(&key)
	if !ok {
		l = p.predictLabel(sc, st, h, d)
		sc.lmemo.put(slot, &key, l)
	}
	return l
}

func (p *Parser) predictLabel(sc *scratch, st *state, h, d int32) int16 {
	if int(h) == st.n {
		return p.root
	}
	sc.keys = labelFeatures(st, &sc.c, h, d, sc.keys[:0])
	scores := sc.scores[:len(p.labels)]
	p.label.scoreRows(sc.keys, scores, &sc.rows)
	best := -1
	for k := range scores {
		if int16(k) != p.root && (best < 0 || scores[k] > scores[best]) {
			best = k
		}
	}
	return int16(best)
}

var errFormat = errors.New("not a dyad parser model")
