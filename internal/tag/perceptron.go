package tag

import (
	"errors"
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
	return &perceptron{nClass: nClass, idx: make(map[uint64]int32, 1<<12)}
}

// score adds the current weights of feats to scores.
func (p *perceptron) score(feats []uint64, scores []float32) {
	for _, f := range feats {
		r, ok := p.idx[f]
		if !ok || f == 0 {
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
		if f == 0 {
			continue // no feature (a withheld word's)
		}
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
func (p *perceptron) compact(prune float64) (*weights, error) {
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
			w.ent = append(w.ent, went{c: e.c, w: int16(q)})
			n++
		}
		if n == 0 {
			continue
		}
		w.keys = append(w.keys, k.key)
		w.start = append(w.start, uint32(len(w.ent)))
	}
	return w, w.index()
}

// weights are the compact, read-only weights of a trained pass.
type weights struct {
	nClass int
	scale  float32 // a weight is int16 × scale
	keys   []uint64
	start  []uint32 // row i is ent[start[i]:start[i+1]]
	ent    []went
	// slots is an open-addressing index from feature key to its row: a
	// 32-bit fingerprint of the key beside the row's offset and length,
	// 8 bytes a slot, so that a lookup costs one cache miss for the slot
	// and one for the row.
	slots []wslot
	mask  uint64
	shift uint
	// occ has a bit set for every slot in use (1/8 of a byte a slot, so
	// that it stays in cache): a feature whose home slot is empty is
	// absent without reading the slot. Most pairs of words are.
	occ []uint64
}

type wslot struct {
	fp   uint32 // high half of the key; 0 marks an empty slot
	offn uint32 // row offset << rowBits | row length
}

const (
	rowBits = 9 // rows hold at most 511 classes
	maxEnts = 1 << (32 - rowBits)
)

func fingerprint(k uint64) uint32 {
	fp := uint32(k >> 32)
	if fp == 0 {
		fp = 1
	}
	return fp
}

type went struct {
	c uint16
	w int16
}

// index builds the lookup slots; it fails when the weights are too large
// for the slot encoding.
func (w *weights) index() error {
	if len(w.ent) >= maxEnts || w.nClass >= 1<<rowBits {
		return errors.New("weights too large to index")
	}
	size, bits := 16, uint(4)
	for size < 2*len(w.keys) {
		size <<= 1
		bits++
	}
	w.slots = make([]wslot, size)
	w.occ = make([]uint64, (size+63)/64)
	w.mask = uint64(size - 1)
	w.shift = 64 - bits
	for r, k := range w.keys {
		fp := fingerprint(k)
		i := slot(k, w.shift)
		for w.slots[i].fp != 0 && w.slots[i].fp != fp {
			i = (i + 1) & w.mask
		}
		n := w.start[r+1] - w.start[r]
		if n >= 1<<rowBits {
			return errors.New("weight row too long to index")
		}
		w.slots[i] = wslot{fp: fp, offn: w.start[r]<<rowBits | n}
		w.occ[i>>6] |= 1 << (i & 63)
	}
	return nil
}

// score adds the weights of feats to scores (64 at a time). The slots of
// all features are fetched first, independently of each other, so that
// their cache misses overlap; then the rows are added.
func (w *weights) score(feats []uint64, scores []int32) {
	var found [64]uint32
	nf := 0
	if len(feats) > len(found) {
		w.score(feats[len(found):], scores)
		feats = feats[:len(found)]
	}
	var first [64]wslot
	for j, f := range feats {
		if i := slot(f, w.shift); w.occ[i>>6]&(1<<(i&63)) != 0 {
			first[j] = w.slots[i]
		} else {
			first[j].fp = 0 // absent: its home slot is empty
		}
	}
	for j, f := range feats {
		fp := fingerprint(f)
		sl := first[j]
		if sl.fp != fp {
			if sl.fp == 0 {
				continue
			}
			i := (slot(f, w.shift) + 1) & w.mask
			for {
				sl = w.slots[i]
				if sl.fp == fp || sl.fp == 0 {
					break
				}
				i = (i + 1) & w.mask
			}
			if sl.fp == 0 {
				continue
			}
		}
		found[nf] = sl.offn
		nf++
	}
	// first entries of all rows (independent loads whose misses overlap),
	// then the rest of each row, now mostly in cache
	for _, on := range found[:nf] {
		e := w.ent[on>>rowBits]
		scores[e.c] += int32(e.w)
	}
	for _, on := range found[:nf] {
		off, n := on>>rowBits, on&(1<<rowBits-1)
		for _, e := range w.ent[off+1 : off+n] {
			scores[e.c] += int32(e.w)
		}
	}
}

// argmax returns the index of the largest score, the first of equals
// (0 for no scores).
func argmax[T float32 | int32](s []T) int {
	if len(s) == 0 {
		return 0
	}
	b, best := 0, s[0]
	for i, v := range s {
		if v > best {
			b, best = i, v
		}
	}
	return b
}
