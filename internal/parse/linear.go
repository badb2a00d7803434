package parse

import (
	"math"
	"sort"
)

// learner is a multi-class averaged perceptron over hashed features,
// used while training. Weights of one feature are a row of K classes.
// Averaging uses the lazy trick: avg = w - u/c, where each update of size
// δ at time c adds δ to w and c·δ to u.
type learner struct {
	K     int
	index map[uint64]int32
	w     []float32
	u     []float64
	c     float64 // number of training instances seen (time)
}

func newLearner(k int) *learner {
	return &learner{K: k, index: make(map[uint64]int32, 1<<20), c: 1}
}

func (l *learner) score(keys []uint64, scores []float32) {
	clear(scores)
	for _, key := range keys {
		r, ok := l.index[key]
		if !ok {
			continue
		}
		row := l.w[int(r)*l.K : int(r+1)*l.K]
		for k := range scores {
			scores[k] += row[k]
		}
	}
}

func (l *learner) row(key uint64) int {
	r, ok := l.index[key]
	if !ok {
		r = int32(len(l.index))
		l.index[key] = r
		l.w = append(l.w, make([]float32, l.K)...)
		l.u = append(l.u, make([]float64, l.K)...)
	}
	return int(r) * l.K
}

// update moves weights towards class good and away from class bad.
func (l *learner) update(keys []uint64, good, bad int) {
	for _, key := range keys {
		r := l.row(key)
		l.w[r+good]++
		l.u[r+good] += l.c
		l.w[r+bad]--
		l.u[r+bad] -= l.c
	}
}

func (l *learner) tick() { l.c++ }

// freeze returns the averaged weights quantized to int16, dropping rows
// whose weights are all smaller than prune (in perceptron update units)
// or round to zero.
func (l *learner) freeze(prune float64) *linear {
	type kv struct {
		key uint64
		row int32
	}
	rows := make([]kv, 0, len(l.index))
	for k, r := range l.index {
		rows = append(rows, kv{k, r})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].row < rows[j].row })
	avg := make([]float32, len(l.w))
	var max float64
	for i := range l.w {
		a := float64(l.w[i]) - l.u[i]/l.c
		avg[i] = float32(a)
		if math.Abs(a) > max {
			max = math.Abs(a)
		}
	}
	scale := float32(1)
	if max > 0 {
		scale = float32(max / 32767)
	}
	m := &linear{K: l.K, scale: scale}
	for _, r := range rows {
		big := false
		for _, v := range avg[int(r.row)*l.K : int(r.row+1)*l.K] {
			if math.Abs(float64(v)) >= prune {
				big = true
				break
			}
		}
		if !big {
			continue
		}
		q := make([]int16, l.K)
		any := false
		for k := 0; k < l.K; k++ {
			v := math.Round(float64(avg[int(r.row)*l.K+k] / scale))
			q[k] = int16(v)
			if q[k] != 0 {
				any = true
			}
		}
		if !any {
			continue
		}
		m.keys = append(m.keys, uint32(r.key>>32)^uint32(r.key))
		m.w = append(m.w, q...)
	}
	m.build()
	return m
}

// linear is a frozen model: 32-bit feature fingerprints in an
// open-addressing table pointing at rows of int16 weights.
type linear struct {
	K     int
	scale float32  // weight = int16 · scale
	keys  []uint32 // fingerprint of each row (nil once Read has built the table: see dense)
	w     []int16  // rows · K (likewise)
	// table: open addressing, fingerprint 0 = empty
	mask uint32
	// for three classes (the transitions) the weights sit in the table
	// itself, in buckets of one cache line, so that a feature costs one
	// memory access (see bucket3)
	b3 []bucket3
	// for more classes (the relations) the table points at the row's
	// nonzero weights (a few per row, against tens of classes): a row
	// then takes a cache line, and all rows fit in far less memory
	slots []slot
	nz    []nzw
}

type slot struct {
	fp  uint32
	off uint32 // the row's first nonzero weight in nz
	n   uint32 // the row's number of nonzero weights
}

// nzw is a nonzero weight: class and value.
type nzw struct {
	k uint16
	w int16
}

// bucket3 is one cache line of the transition table: up to six rows,
// filled in order (fingerprint 0 ends them). A row goes to its home
// bucket, or when that is full to the next one with room (linear probing
// by buckets); over marks a home bucket some of whose rows went on, so
// that looking up an absent feature mostly reads one line. Half full,
// the table takes ~21 bytes a row: the greedy model's 11.6 MB, the beam
// model's 37 MB, against 25 and 50 MB for slots of 12 bytes in a
// power-of-two table at most half full (the previous layout). Fuller
// buckets cost more comparisons: at 0.7 (15 bytes a row) greedy decoding
// took ~8 % more CPU on EWT dev, at 0.5 ~3 % (paired runs).
type bucket3 struct {
	fp   [bucketRows]uint32
	w    [bucketRows][3]int16
	over bool
	_    [3]byte
}

const (
	bucketRows = 6
	// bucketLoad is the share of the buckets' slots the rows fill
	bucketLoad = 0.5
)

// home returns the bucket where fingerprint k's search starts.
func (m *linear) home(k uint32) uint32 {
	return uint32((uint64(k*0x9E3779B1) * uint64(len(m.b3))) >> 32)
}

// find3 returns the weights of fingerprint k (zero when absent).
func (m *linear) find3(k uint32) [3]int16 {
	b := m.home(k)
	bk := &m.b3[b]
	for j := range bk.fp {
		if f := bk.fp[j]; f == k {
			return bk.w[j]
		} else if f == 0 {
			return [3]int16{}
		}
	}
	if !bk.over {
		return [3]int16{}
	}
	for {
		if b++; int(b) == len(m.b3) {
			b = 0
		}
		bk = &m.b3[b]
		for j := range bk.fp {
			if f := bk.fp[j]; f == k {
				return bk.w[j]
			} else if f == 0 {
				return [3]int16{}
			}
		}
	}
}

func fp(key uint64) uint32 {
	f := uint32(key>>32) ^ uint32(key)
	if f == 0 {
		f = 1
	}
	return f
}

func (m *linear) build() {
	for i, k := range m.keys {
		if k == 0 {
			m.keys[i] = 1
		}
	}
	size := uint32(1)
	for size < uint32(len(m.keys))*2 {
		size <<= 1
	}
	if size < 16 {
		size = 16
	}
	m.mask = size - 1
	if m.K == 3 {
		// the weights go straight into the table (no row table on the side)
		nb := int(float64(len(m.keys))/(bucketRows*bucketLoad)) + 1
		m.b3 = make([]bucket3, nb)
		for r, k := range m.keys {
			b := m.home(k)
		place:
			for {
				bk := &m.b3[b]
				for j := range bk.fp {
					switch bk.fp[j] {
					case k: // fingerprint collision: keep the first row
						break place
					case 0:
						bk.fp[j] = k
						bk.w[j] = [3]int16{m.w[3*r], m.w[3*r+1], m.w[3*r+2]}
						break place
					}
				}
				m.b3[m.home(k)].over = true
				if b++; int(b) == nb {
					b = 0
				}
			}
		}
		return
	}
	m.slots = make([]slot, size)
	nnz := 0
	for _, v := range m.w {
		if v != 0 {
			nnz++
		}
	}
	m.nz = make([]nzw, 0, nnz)
	for r, k := range m.keys {
		i := probe(k, m.mask, func(i uint32) uint32 { return m.slots[i].fp })
		if m.slots[i].fp == k { // fingerprint collision: keep the first row
			continue
		}
		off := len(m.nz)
		for c, v := range m.w[r*m.K : (r+1)*m.K] {
			if v != 0 {
				m.nz = append(m.nz, nzw{uint16(c), v})
			}
		}
		m.slots[i] = slot{k, uint32(off), uint32(len(m.nz) - off)}
	}
}

// probe returns where fingerprint k goes in a table of mask+1 slots
// (open addressing, linear probing): the slot holding k, or the first
// empty one on its path. fpAt reads a slot's fingerprint (0 = empty).
func probe(k, mask uint32, fpAt func(i uint32) uint32) uint32 {
	i := (k * 0x9E3779B1) & mask
	for f := fpAt(i); f != 0 && f != k; f = fpAt(i) {
		i = (i + 1) & mask
	}
	return i
}

// dense returns the rows (fingerprints and K weights each): keys and w,
// or when Read dropped them after building the table (decoding reads only
// the table), rebuilt from it, in table order and without the rows a
// fingerprint collision hid, which the table never used.
func (m *linear) dense() ([]uint32, []int16) {
	if m.keys != nil {
		return m.keys, m.w
	}
	var keys []uint32
	var w []int16
	for i := range m.b3 {
		bk := &m.b3[i]
		for j, f := range bk.fp {
			if f != 0 {
				keys = append(keys, f)
				w = append(w, bk.w[j][:]...)
			}
		}
	}
	for _, s := range m.slots {
		if s.fp != 0 {
			keys = append(keys, s.fp)
			row := make([]int16, m.K)
			for _, x := range m.nz[s.off : s.off+s.n] {
				row[x.k] = x.w
			}
			w = append(w, row...)
		}
	}
	return keys, w
}

// row returns the nonzero weights of key's row (none if absent).
func (m *linear) row(key uint64) []nzw {
	k := fp(key)
	i := (k * 0x9E3779B1) & m.mask
	for {
		s := &m.slots[i]
		if s.fp == k {
			return m.nz[s.off : s.off+s.n : s.off+s.n]
		}
		if s.fp == 0 {
			return nil
		}
		i = (i + 1) & m.mask
	}
}

// scoreRows is score for a model with rows on the side (the relations),
// in passes that let the processor fetch the slots and then the rows of
// all keys at once: touch the home slots, find the rows and touch them,
// then add them up. rows is scratch space.
func (m *linear) scoreRows(keys []uint64, scores []int32, rows *[][2]uint32) {
	var touch uint32
	for _, key := range keys {
		touch += m.slots[(fp(key)*0x9E3779B1)&m.mask].fp
	}
	rs := (*rows)[:0]
	for _, key := range keys {
		k := fp(key)
		i := (k * 0x9E3779B1) & m.mask
		for {
			s := &m.slots[i]
			if s.fp == k {
				if s.n > 0 {
					touch += uint32(m.nz[s.off].w) + uint32(m.nz[s.off+s.n-1].w)
					rs = append(rs, [2]uint32{s.off, s.off + s.n})
				}
				break
			}
			if s.fp == 0 {
				break
			}
			i = (i + 1) & m.mask
		}
	}
	*rows = rs
	clear(scores)
	scores = scores[:m.K]
	for _, r := range rs {
		for _, e := range m.nz[r[0]:r[1]] {
			scores[e.k] += int32(e.w)
		}
	}
	if touch == 1 { // keeps the touches; never matters
		scores[0] += 0
	}
}

// score adds the weights of keys into scores (cleared first).
func (m *linear) score(keys []uint64, scores []int32) {
	clear(scores)
	if m.b3 != nil {
		var s0, s1, s2 int32
		for _, key := range keys {
			w := m.find3(fp(key))
			s0 += int32(w[0])
			s1 += int32(w[1])
			s2 += int32(w[2])
		}
		scores[0], scores[1], scores[2] = s0, s1, s2
		return
	}
	scores = scores[:m.K]
	for _, key := range keys {
		for _, e := range m.row(key) {
			scores[e.k] += int32(e.w)
		}
	}
}

// fcache remembers the transition weights of recently seen feature
// fingerprints (found or not) in a small direct-mapped table that stays
// in the processor's cache: the beam items of a step, and consecutive
// steps, share most of their features. It maps fingerprints exactly as
// the model's table does, so scores do not change. One per scratch.
type fcache struct {
	m    *linear // the model the entries come from
	e    []fentry
	todo [][2]uint32 // fingerprints missing from the cache, with their entries
	sink uint32      // takes the sum of the touched slots, so the loads stay
	miss int         // fingerprints looked up in the model, for tuning
}

type fentry struct {
	fp uint32
	w  [3]int16
}

const fcacheBits = 13

// score3 is score for the transition model through the cache. Keys
// missing from the cache go through the model's table in two passes: the
// first only touches their slots, with no branch on what it reads, so that
// the processor fetches them all at once instead of one after the other.
func (m *linear) score3(keys []uint64, scores []int32, c *fcache) {
	if c.m != m { // first use, or the model changed (training swaps models)
		if c.e == nil {
			c.e = make([]fentry, 1<<fcacheBits)
		}
		clear(c.e)
		c.m = m
	}
	var s0, s1, s2 int32
	c.todo = c.todo[:0]
	for _, key := range keys {
		k := fp(key)
		ci := (k * 0x85EBCA6B) >> (32 - fcacheBits)
		e := &c.e[ci]
		if e.fp != k {
			c.todo = append(c.todo, [2]uint32{k, ci})
			continue
		}
		s0 += int32(e.w[0])
		s1 += int32(e.w[1])
		s2 += int32(e.w[2])
	}
	if len(c.todo) > 0 {
		c.miss += len(c.todo)
		var touch uint32
		for _, t := range c.todo {
			touch += m.b3[m.home(t[0])].fp[0]
		}
		c.sink = touch
		for _, t := range c.todo {
			k := t[0]
			w := m.find3(k)
			c.e[t[1]] = fentry{k, w}
			s0 += int32(w[0])
			s1 += int32(w[1])
			s2 += int32(w[2])
		}
	}
	scores[0], scores[1], scores[2] = s0, s1, s2
}

// cached3 scores transitions through a cache.
type cached3 struct {
	m *linear
	c *fcache
}

func (s cached3) scoreF(keys []uint64, out []float32) {
	var v [numActs]int32
	s.m.score3(keys, v[:], s.c)
	for i := range out {
		out[i] = float32(v[i]) * s.m.scale
	}
}
