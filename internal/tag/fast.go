package tag

import (
	"slices"
	"strings"
)

// Word-type caching for the first passes.
//
// Of a first pass's 43 tag-independent features (static1), 21 read only
// the current token (its word, form, affixes, shape, ambiguity classes,
// word classes, flags and the sentence's capitalization profile) and 11
// read only one neighbour (its word, suffix, ambiguity class, word classes
// at offset -2…+2). News repeats words heavily, so the tagger sums these
// features' weights once per word type, keeps the sums as sparse class
// vectors in a bounded cache, and looks up per position only the 11
// features on pairs of tokens and the 7 on the pass's own previous tags.
// Scores are integers, so the sums are exactly those of scoring every
// feature at every position: the tags do not change. An entry holds the
// sums of a first pass only once a pass needs them (TagDraft runs the
// forward pass alone).

// wordEntry is the cached analysis of one form.
type wordEntry struct {
	key  string  // the form
	info tokInfo // facts of the form, as a non-initial token, sentCase 0
	// vals holds packed class scores (weight<<8 | class) that the spans
	// below index
	vals []int32
	// nb[p][k]: the sum of the features that read this word as the
	// neighbour at offset m1, m2, p1, p2 (k = 0…3) in first pass p
	// (0 forward, 1 backward)
	nb [2][4]span
	// self[p][v]: the sum of the features on the word itself (plain
	// scores of all classes), in variant v (sentence-initial or not ×
	// capitalization profile), computed on first use (have[p] bit v)
	self [2][nVariants]span
	have [2]uint8
	// nbHave bit p: nb[p] is computed (TagDraft computes the forward
	// pass's sums only)
	nbHave uint8
	post   []post // by tag class, for Tag
}

type span struct{ off, n uint16 }

// post is what Tag finds for a word under one tag class.
type post struct {
	class int
	lex   uint32 // the featurizer's lexicon entry
	lemma string
}

// postFor returns e's post for class c, computed on first use; buf is
// scratch.
func (e *wordEntry) postFor(m *Model, c int, buf *[]byte) post {
	for _, p := range e.post {
		if p.class == c {
			return p
		}
	}
	*buf = appendLower((*buf)[:0], e.key)
	p := post{class: c, lex: m.fts.lexiconBytes(*buf, c), lemma: m.lem.lemma(e.key, m.xpos[c])}
	e.post = append(e.post, p)
	return p
}

const nVariants = 8 // initial (0/1) × sentCase (1…4)

// variant numbers the (sentence-initial, capitalization profile) pair.
func variant(first bool, sentCase uint64) int {
	v := int(sentCase-1) & 3
	if first {
		v += 4
	}
	return v
}

// Neighbour offsets of wordEntry.nb.
const (
	nbM1 = iota
	nbM2
	nbP1
	nbP2
)

// selfFeats appends the features of static1 that read token c only.
func selfFeats(out []uint64, c *tokInfo) []uint64 {
	return append(out,
		tBias,
		c.w,
		c.form,
		c.suf[0], c.suf[1], c.suf[2], c.suf[3],
		c.pre[0], c.pre[1], c.pre[2], c.pre[3],
		c.shape,
		mix(tFlags, c.flags),
		mix(tFirstCap, c.flags&(flFirst|flInitCap|flAllCap)),
		mix(tAmb, c.amb),
		mix(tAmbCase, c.ambc),
		mix3(tAmbCaseFirst, c.ambc, c.flags&(flFirst|flInitCap)),
		mix3(tSentCase, c.sentCase, c.flags&(flFirst|flInitCap|flAllCap)),
		mix3(tSentCaseAmb, c.sentCase, c.ambc),
		mix(tLex, c.lex),
		mix3(tLexCap, c.lex, c.flags&(flFirst|flInitCap|flAllCap)),
	)
}

// nbFeats appends the features of static1 that read token x only, as the
// neighbour at offset k (nbM1…nbP2) of the scored token.
func nbFeats(out []uint64, x *tokInfo, k int) []uint64 {
	switch k {
	case nbM1:
		return append(out, mix(tWm1, x.w), mix(tSufm1, x.suf[2]), mix(tAmbm1, x.amb), mix(tLexm1, x.lex))
	case nbM2:
		return append(out, mix(tWm2, x.w))
	case nbP1:
		return append(out, mix(tWp1, x.w), mix(tSufp1, x.suf[2]), mix(tAmbp1, x.amb), mix(tLexp1, x.lex))
	}
	return append(out, mix(tWp2, x.w), mix(tAmbp2, x.amb))
}

// pairFeats appends the features of static1 that read two tokens: those
// not in selfFeats or nbFeats.
func pairFeats(out []uint64, info []tokInfo, i int) []uint64 {
	c, m1, m2, p1, p2 := &info[i], at(info, i-1), at(info, i-2), at(info, i+1), at(info, i+2)
	return append(out,
		mixW(tWm1W, m1.w, c.w),
		mixWFirst(tWWp1, c.w, p1.w),
		mix3(tAmbWp1, c.amb, p1.w),
		mix3(tShapeP1, c.shape, p1.shape),
		mix3(tWm1Wm2, m2.w, m1.w),
		mix3(tWp1Wp2, p1.w, p2.w),
		mix3(tWm1Wp1, m1.w, p1.w),
		mix3(tShapeM1, m1.shape, c.shape),
		mix3(tAmbm1Amb, m1.amb, c.amb),
		mix3(tAmbAmbp1, c.amb, p1.amb),
		mix3(tLexm1Lex, m1.lex, c.lex),
	)
}

// nPair is the number of pairFeats.
const nPair = 11

// The features of dynamic in a first pass (fp1 = -1) split by what they
// read: the previous two tags only, a = p1+2 and b = p2+2 (dynTagFeats),
// or also a token (dynRestFeats).
func dynTagFeats(out []uint64, a, b uint64) []uint64 {
	return append(out, mix(tP1, a), mix3(tP2P1, b, a), mix3(tP1Fp1, a, uint64(-1+2)))
}

func dynRestFeats(out []uint64, info []tokInfo, i int, a uint64) []uint64 {
	c := &info[i]
	return append(out, mixW(tP1W, a, c.w), mix3(tP1Amb, a, c.amb), mix3(tP1Wp1, a, at(info, i+1).w), mix3(tP1Shape, a, c.shape))
}

// tagSums holds a first pass's sums of dynTagFeats by (b, a), computed on
// first use.
type tagSums struct {
	k    int // a and b are below k
	at   []tagSpan
	vals []int32
}

type tagSpan struct {
	off, n uint32 // n = 0: not computed (or no weights)
}

// add adds the sums for (a, b) to scores.
func (ts *tagSums) add(p *packer, w *weights, scores []int32, a, b uint64) {
	if ts.k == 0 {
		ts.k = w.nClass + 2
		ts.at = make([]tagSpan, ts.k*ts.k)
	}
	s := &ts.at[int(b)*ts.k+int(a)]
	if s.n == 0 {
		p.fs = dynTagFeats(p.fs[:0], a, b)
		d := p.dense[:w.nClass]
		clear(d)
		w.score(p.fs, d)
		s.off = uint32(len(ts.vals))
		for c, v := range d {
			if v != 0 {
				ts.vals = append(ts.vals, v<<8|int32(c))
			}
		}
		s.n = uint32(len(ts.vals)) - s.off
		if s.n == 0 {
			return
		}
	}
	for _, v := range ts.vals[s.off : s.off+s.n] {
		scores[uint8(v)] += v >> 8
	}
}

// packer sums feature weights into sparse packed vectors.
type packer struct {
	dense [256]int32
	fs    []uint64
}

// add appends the sum of the weights of p.fs in w to vals, as packed
// nonzero class scores, and returns its span.
func (p *packer) add(w *weights, vals []int32) ([]int32, span) {
	d := p.dense[:w.nClass]
	clear(d)
	w.score(p.fs, d)
	off := len(vals)
	vals = packNonzero(vals, d)
	return vals, span{uint16(off), uint16(len(vals) - off)}
}

// packNonzero appends the nonzero scores of d to vals as v<<8 | class.
// It writes every class and keeps the nonzero ones by advancing the end
// without a branch (a word's sums are nonzero on about half of the
// classes, which a branch would mispredict).
func packNonzero(vals []int32, d []int32) []int32 {
	off := len(vals)
	vals = slices.Grow(vals, len(d))
	buf := vals[off : off+len(d)]
	k := 0
	for c, v := range d {
		buf[k] = v<<8 | int32(c) // k ≤ c
		k += int(uint32(v|-v) >> 31)
	}
	return vals[:off+k]
}

// addDense is add storing all nClass scores, plain: the self sums have
// nearly every class (bias, shape and affix rows are long), and a
// position's scores start as a copy of them.
func (p *packer) addDense(w *weights, vals []int32) ([]int32, span) {
	d := p.dense[:w.nClass]
	clear(d)
	w.score(p.fs, d)
	off := len(vals)
	return append(vals, d...), span{uint16(off), uint16(len(d))}
}

// A packed score keeps 24 bits of weight: a row holds a class once (Read
// checks), so a sum of n features is at most n·2^15 in magnitude, and
// selfFeats, the longest list summed, has 21.
const maxPacked = 1 << 23

// neighbours fills e.nb[pi] for first pass pi, whose weights are w.
func (p *packer) neighbours(e *wordEntry, pi int, w *weights) {
	for k := nbM1; k <= nbP2; k++ {
		p.fs = nbFeats(p.fs[:0], &e.info, k)
		e.vals, e.nb[pi][k] = p.add(w, e.vals)
	}
	e.nbHave |= 1 << pi
}

// selfVariant fills e.self[pi][v] for first pass pi, whose weights are w,
// from c, the token's facts in variant v.
func (p *packer) selfVariant(e *wordEntry, pi int, w *weights, c *tokInfo, v int) {
	p.fs = selfFeats(p.fs[:0], c)
	e.vals, e.self[pi][v] = p.addDense(w, e.vals)
	e.have[pi] |= 1 << v
}

// addSpan adds packed class scores to scores.
func addSpan(scores []int32, vals []int32, s span) {
	for _, v := range vals[s.off : s.off+s.n] {
		scores[uint8(v)] += v >> 8
	}
}

// wordCache maps forms to their entries. It holds two generations of at
// most maxWords forms each: when the current one is full it becomes the
// old one, whose entries move back on use, so frequent words stay. The
// entries of a dropped generation are reused, with their memory, for new
// forms, so that a long run allocates nothing once the cache is full.
type wordCache struct {
	cur, old map[string]*wordEntry
	free     []*wordEntry
}

// maxWords bounds a cache generation (~3 KB a form); a variable for the
// tests.
var maxWords = 1 << 13

// rotate starts a new generation when the current one is full. It must
// not run while entries of the old one are in use (within a sentence).
func (c *wordCache) rotate() {
	if c.cur == nil {
		c.cur = make(map[string]*wordEntry, maxWords)
		return
	}
	if len(c.cur) < maxWords {
		return
	}
	dropped := c.old
	for _, e := range dropped {
		c.free = append(c.free, e)
	}
	clear(dropped)
	if dropped == nil {
		dropped = make(map[string]*wordEntry, maxWords)
	}
	c.old, c.cur = c.cur, dropped
}

func (c *wordCache) get(f string) *wordEntry {
	if e, ok := c.cur[f]; ok {
		return e
	}
	if e, ok := c.old[f]; ok {
		delete(c.old, f)
		c.cur[e.key] = e
		return e
	}
	return nil
}

// add returns a blank entry for form f, in the cache.
func (c *wordCache) add(f string) *wordEntry {
	var e *wordEntry
	if n := len(c.free); n > 0 {
		e = c.free[n-1]
		c.free = c.free[:n-1]
		vals := e.vals[:0]
		*e = wordEntry{vals: vals}
	} else {
		// room for the sums of a typical word (~650), so that they are
		// not copied while they grow. (Buffers sized to the sums, the
		// backward pass's apart, shrink the cache of a PolNeAR draft +
		// refine 1 in 7 from 57.7 to 35-45 MB, draft alone 56.7 -> 30,
		// but refined words then take new buffers: Refine's CPU a token
		// +15-25 %, the whole pass +5-10 %, in paired runs of
		// BenchmarkDraftRefineNews; bench code's GC cycles stayed 17-18.
		// With the backward buffers preallocated in one slab (41.6 MB)
		// the whole pass was even, Refine still ~10 % slower; one buffer
		// of 704 values: 52.9 MB, Refine ~10 % slower.)
		e = &wordEntry{vals: make([]int32, 0, 1024)}
	}
	// a token's form may be a slice of a whole document: copy it
	e.key = strings.Clone(f)
	c.cur[e.key] = e
	return e
}

// edge are the neighbour sums of the padding before and after a sentence.
type edges struct {
	bos, eos wordEntry
}

func newEdges(ws [2]*weights) *edges {
	var p packer
	e := &edges{bos: wordEntry{info: bosInfo}, eos: wordEntry{info: eosInfo}}
	for pi, w := range ws {
		if w != nil {
			p.neighbours(&e.bos, pi, w)
			p.neighbours(&e.eos, pi, w)
		}
	}
	return e
}

// entries looks up (or builds) the entry of every form in sc.forms and
// fills sc.info as analyze would. The entries get the sums of the first
// passes whose weights ws are not nil (TagDraft: the forward one only).
func (t *Tagger) entries(sc *scratch, ws [2]*weights) {
	m := t.m
	n := len(sc.forms)
	var need uint8
	for pi, w := range ws {
		if w != nil {
			need |= 1 << pi
		}
	}
	sc.cache.rotate()
	sc.ents = sc.ents[:0]
	for _, f := range sc.forms {
		e := sc.cache.get(f)
		if e == nil {
			e = sc.cache.add(f)
			sc.buf = analyzeToken(&e.info, f, sc.buf, m.ambOf, m.lex, false)
		}
		if e.nbHave&need != need {
			for pi, w := range ws {
				if w != nil && e.nbHave&(1<<pi) == 0 {
					sc.pk.neighbours(e, pi, w)
				}
			}
		}
		sc.ents = append(sc.ents, e)
	}
	if cap(sc.info) < n {
		sc.info = make([]tokInfo, n)
	}
	sc.info = sc.info[:n]
	for i, e := range sc.ents {
		sc.info[i] = e.info
	}
	sc.info[0].flags |= flFirst
	prof := sentCaseOf(sc.info, sc.forms, 0)
	sc.vars = sc.vars[:0]
	for i, e := range sc.ents {
		sc.info[i].sentCase = prof
		v := variant(i == 0, prof)
		for pi, w := range ws {
			if w != nil && e.have[pi]&(1<<v) == 0 {
				sc.pk.selfVariant(e, pi, w, &sc.info[i], v)
			}
		}
		sc.vars = append(sc.vars, uint8(v))
	}
	// Touch the sums the passes will read, one load a cache line: the
	// loads are independent here, so their cache and TLB misses overlap,
	// where in the passes each waits for the previous position's tag.
	var sink int32
	for i, e := range sc.ents {
		for pi, w := range ws {
			if w == nil {
				continue
			}
			nb := &e.nb[pi]
			for k := int(nb[nbM1].off); k < int(nb[nbP2].off)+int(nb[nbP2].n); k += 16 {
				sink += e.vals[k]
			}
			self := e.self[pi][sc.vars[i]]
			for k := int(self.off); k < int(self.off)+int(self.n); k += 16 {
				sink += e.vals[k]
			}
		}
	}
	sc.sink = sink
}

// decodeCached is a first pass (pi 0 forward with m.p1, 1 backward with
// m.pb) over the sentence of sc.ents: info, ents and vars are in the
// pass's order (reversed for the backward pass).
func (t *Tagger) decodeCached(sc *scratch, w *weights, pi int, scores []int32, info []tokInfo, ents []*wordEntry, vars []uint8, tags []int) []int {
	scores = scores[:w.nClass]
	n := len(info)
	bos, eos := &t.edges.bos, &t.edges.eos
	var fsArr [nPair + nDyn]uint64
	for i := range info {
		e := ents[i]
		self := e.self[pi][vars[i]]
		copy(scores, e.vals[self.off:self.off+self.n])
		x := bos
		if i >= 1 {
			x = ents[i-1]
		}
		addSpan(scores, x.vals, x.nb[pi][nbM1])
		x = bos
		if i >= 2 {
			x = ents[i-2]
		}
		addSpan(scores, x.vals, x.nb[pi][nbM2])
		x = eos
		if i+1 < n {
			x = ents[i+1]
		}
		addSpan(scores, x.vals, x.nb[pi][nbP1])
		x = eos
		if i+2 < n {
			x = ents[i+2]
		}
		addSpan(scores, x.vals, x.nb[pi][nbP2])
		p1, p2 := prevTags(tags, i)
		a, b := uint64(p1+2), uint64(p2+2)
		sc.tsums[pi].add(&sc.pk, w, scores, a, b)
		fs := pairFeats(fsArr[:0], info, i)
		fs = dynRestFeats(fs, info, i, a)
		w.score(fs, scores)
		tags = append(tags, argmax(scores))
	}
	return tags
}
