package tag

import (
	"math"
	"sort"
)

// perceptron is a multi-class averaged perceptron under training. Weights
// are sparse: each feature keeps only the classes it was ever updated for,
// so a row is a handful of entries rather than one per class. Averages are
// kept lazily (Daumé's trick): tot accumulates w·(time since last change).
type perceptron struct {
	nClass int
	idx    map[uint64]int32
	rows   [][]pentry
	now    int64
}

type pentry struct {
	c   uint16
	w   float32
	ts  int64
	tot float64
}

func newPerceptron(nClass int) *perceptron {
	return &perceptron{nClass: nClass, idx: make(map[uint64]int32, 1<<20)}
}

// score adds the current weights of feats to scores.
func (p *perceptron) score(feats []uint64, scores []float32) {
	for _, f := range feats {
		r, ok := p.idx[f]
		if !ok {
			continue
		}
		for _, e := range p.rows[r] {
			scores[e.c] += e.w
		}
	}
}

// scoreAvg adds the averaged weights of feats to scores.
func (p *perceptron) scoreAvg(feats []uint64, scores []float32) {
	now := float64(p.now)
	if now == 0 {
		return
	}
	for _, f := range feats {
		r, ok := p.idx[f]
		if !ok {
			continue
		}
		for _, e := range p.rows[r] {
			scores[e.c] += float32((e.tot + float64(p.now-e.ts)*float64(e.w)) / now)
		}
	}
}

// tick counts one training instance.
func (p *perceptron) tick() { p.now++ }

// update moves feats towards gold and away from pred.
func (p *perceptron) update(feats []uint64, gold, pred int) {
	if gold == pred {
		return
	}
	for _, f := range feats {
		r, ok := p.idx[f]
		if !ok {
			r = int32(len(p.rows))
			p.idx[f] = r
			p.rows = append(p.rows, make([]pentry, 0, 2))
		}
		p.add(r, gold, 1)
		p.add(r, pred, -1)
	}
}

func (p *perceptron) add(r int32, c int, d float32) {
	row := p.rows[r]
	for i := range row {
		if int(row[i].c) == c {
			e := &row[i]
			e.tot += float64(p.now-e.ts) * float64(e.w)
			e.ts = p.now
			e.w += d
			return
		}
	}
	p.rows[r] = append(row, pentry{c: uint16(c), w: d, ts: p.now})
}

// compact returns the averaged weights with entries below prune (in
// weight units) dropped, quantized to int16.
func (p *perceptron) compact(prune float64) *weights {
	now := float64(p.now)
	if now == 0 {
		now = 1
	}
	type fe struct {
		key uint64
		row int32
	}
	keys := make([]fe, 0, len(p.idx))
	for k, r := range p.idx {
		keys = append(keys, fe{k, r})
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].key < keys[j].key })
	maxAbs := 0.0
	avg := func(e pentry) float64 { return (e.tot + float64(p.now-e.ts)*float64(e.w)) / now }
	for _, k := range keys {
		for _, e := range p.rows[k.row] {
			if a := math.Abs(avg(e)); a > maxAbs {
				maxAbs = a
			}
		}
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	w := &weights{nClass: p.nClass, scale: float32(maxAbs / 32767)}
	w.start = append(w.start, 0)
	for _, k := range keys {
		n := 0
		row := append([]pentry(nil), p.rows[k.row]...)
		sort.Slice(row, func(i, j int) bool { return row[i].c < row[j].c })
		for _, e := range row {
			a := avg(e)
			if math.Abs(a) < prune {
				continue
			}
			q := math.Round(a / maxAbs * 32767)
			if q == 0 {
				continue
			}
			w.ent = append(w.ent, went{c: uint8(e.c), w: int16(q)})
			n++
		}
		if n == 0 {
			continue
		}
		w.keys = append(w.keys, k.key)
		w.start = append(w.start, uint32(len(w.ent)))
	}
	w.index()
	return w
}

// weights are the compact, read-only weights of a trained pass.
type weights struct {
	nClass int
	scale  float32 // a weight is int16 × scale
	keys   []uint64
	start  []uint32 // row i is ent[start[i]:start[i+1]]
	ent    []went
	tab    *table
}

type went struct {
	c uint8
	w int16
}

func (w *weights) index() {
	w.tab = newTable(len(w.keys))
	for i, k := range w.keys {
		w.tab.put(k, uint32(i))
	}
}

// score adds the weights of feats to scores.
func (w *weights) score(feats []uint64, scores []int32) {
	for _, f := range feats {
		r, ok := w.tab.get(f)
		if !ok {
			continue
		}
		for _, e := range w.ent[w.start[r]:w.start[r+1]] {
			scores[e.c] += int32(e.w)
		}
	}
}

func argmaxF(s []float32) int {
	b := 0
	for i, v := range s {
		if v > s[b] {
			b = i
		}
	}
	return b
}

func argmaxI(s []int32) int {
	b := 0
	for i, v := range s {
		if v > s[b] {
			b = i
		}
	}
	return b
}
