package parse

// Within one sentence the beam scores the same configurations again and
// again: items that differ only deep in the stack, or only in arcs no
// feature looks at, have the same transition features, and the same arc
// with the same dependents gets its relation predicted once per item that
// makes it. The memos below remember those results for the sentence.
// Their keys hold everything the feature extractors read (positions,
// child positions and labels, valencies, label sets), so a hit returns
// exactly what scoring would: the parse does not change.

// memoKey is a packed feature context; unused words are zero.
type memoKey [13]uint64

func (k *memoKey) hash() uint64 {
	h := uint64(0)
	for _, w := range k {
		h = (h ^ w) * k2
		h ^= h >> 32
	}
	return h
}

// memo is an open-addressing table from keys to values, emptied in O(1)
// by bumping a generation. It stops taking new keys when three quarters
// full (lookups stay exact; only the hit rate suffers).
type memo[V any] struct {
	keys []memoKey
	vals []V
	gens []uint32
	gen  uint32
	mask uint64
	used int
	// hits and misses count lookups, for tuning (not reported)
	hits, misses int
}

// reset empties the table and makes room for about n keys.
func (m *memo[V]) reset(n int) {
	size := 64
	for size < 2*n && size < 1<<16 {
		size <<= 1
	}
	if len(m.keys) < size {
		m.keys = make([]memoKey, size)
		m.vals = make([]V, size)
		m.gens = make([]uint32, size)
		m.gen = 0
	}
	m.mask = uint64(len(m.keys) - 1)
	m.gen++
	if m.gen == 0 { // wrapped: stale stamps could look current
		clear(m.gens)
		m.gen = 1
	}
	m.used = 0
}

// get returns the value stored under k and whether there is one, and
// else the slot where put can store it (-1: table full).
func (m *memo[V]) get(k *memoKey) (v V, ok bool, slot int) {
	i := k.hash() & m.mask
	for {
		if m.gens[i] != m.gen {
			m.misses++
			if 4*(m.used+1) > 3*len(m.keys) {
				return v, false, -1
			}
			return v, false, int(i)
		}
		if m.keys[i] == *k {
			m.hits++
			return m.vals[i], true, 0
		}
		i = (i + 1) & m.mask
	}
}

func (m *memo[V]) put(slot int, k *memoKey, v V) {
	if slot < 0 {
		return
	}
	m.keys[slot] = *k
	m.vals[slot] = v
	m.gens[slot] = m.gen
	m.used++
}

func pack(a, b int32) uint64 { return uint64(uint32(a)) | uint64(uint32(b))<<32 }

func pack16(a, b, c, d uint64) uint64 {
	return a&0xFFFF | (b&0xFFFF)<<16 | (c&0xFFFF)<<32 | (d&0xFFFF)<<48
}

// transKey packs everything transFeatures reads from st (the sentence
// context is fixed for the memo's lifetime).
func transKey(st *state, k *memoKey) {
	s0i, s1i, s2i := st.s(0), st.s(1), st.s(2)
	b0i := st.b
	s0l1i, s0l2i := child(st.l1, s0i), child(st.l2, s0i)
	s0r1i, s0r2i := child(st.r1, s0i), child(st.r2, s0i)
	b0l1i, b0l2i := child(st.l1, b0i), child(st.l2, b0i)
	s1r1i, s1l1i := child(st.r1, s1i), child(st.l1, s1i)
	k[0] = pack(s0i, s1i)
	k[1] = pack(s2i, b0i)
	k[2] = pack(s0l1i, s0l2i)
	k[3] = pack(s0r1i, s0r2i)
	k[4] = pack(b0l1i, b0l2i)
	k[5] = pack(s1r1i, s1l1i)
	k[6] = pack16(lab(st, s0l1i), lab(st, s0l2i), lab(st, s0r1i), lab(st, s0r2i))
	k[7] = pack16(lab(st, b0l1i), lab(st, b0l2i), lab(st, s1r1i), lab(st, s1l1i))
	var vals uint64 = 0xFFFFFFFF
	k[8], k[9], k[10], k[11] = 0, 0, 0, 0
	if s0i >= 0 {
		vals = val(st.vl[s0i]) | val(st.vr[s0i])<<8 | 0xFFFF0000
		k[8], k[9] = st.lset[s0i], st.rset[s0i]
	}
	vals |= val(st.vl[b0i]) << 32
	k[10] = st.lset[b0i]
	if s1i >= 0 {
		vals = vals&^0xFFFF0000 | val(st.vr[s1i])<<16
		k[11] = st.rset[s1i]
	}
	k[12] = vals
}

// labelKey packs everything labelFeatures reads from st for the arc h → d.
func labelKey(st *state, h, d int32, k *memoKey) {
	dl1i, dr1i := st.l1[d], st.r1[d]
	k[0] = pack(h, d)
	k[1] = pack(dl1i, dr1i)
	k[2] = pack16(lab(st, dl1i), lab(st, dr1i), lab(st, st.l1[h]), lab(st, st.r1[h]))
	k[3] = st.lset[d]
	k[4] = st.rset[d]
	k[5] = st.lset[h]
	k[6] = val(st.vl[d]) | val(st.vr[d])<<8
	k[7], k[8], k[9], k[10], k[11], k[12] = 0, 0, 0, 0, 0, 0
}
