package parse

// The transition system is arc-hybrid (Kuhlmann, Gómez-Rodríguez and Satta
// 2011) with the artificial root at the END of the buffer (Ballesteros and
// Nivre 2013), so that the root word is chosen last:
//
//	SHIFT   move b0 onto the stack (never the root)
//	LEFT    pop s0 and attach it to b0 (to the root only when s0 is alone on the stack)
//	RIGHT   pop s0 and attach it to s1
//
// Every sequence of legal actions ends in a tree: one word attached to the
// root, no cycles. The dynamic oracle (Goldberg and Nivre 2013) gives the
// number of gold arcs each action makes unreachable.

const (
	actShift = iota
	actLeft
	actRight
	numActs
)

// state is a parser configuration over n words (indices 0..n-1) and the
// root (index n). Child bookkeeping covers the root too.
type state struct {
	n      int
	stack  []int32
	b      int32   // buffer front; n is the root
	heads  []int32 // -1 while unattached; n for the root
	labels []int16 // label ids; -1 while unattached
	// nearest-to-outside children: l1 leftmost, l2 second leftmost,
	// r1 rightmost, r2 second rightmost; -1 none.
	l1, l2, r1, r2 []int32
	vl, vr         []int32  // number of left / right children
	lset, rset     []uint64 // bit set of the labels of left / right children
}

func (st *state) reset(n int) {
	st.n = n
	st.stack = st.stack[:0]
	st.b = 0
	st.heads = fill(st.heads, n+1, -1)
	st.labels = fill(st.labels, n+1, -1)
	st.l1 = fill(st.l1, n+1, -1)
	st.l2 = fill(st.l2, n+1, -1)
	st.r1 = fill(st.r1, n+1, -1)
	st.r2 = fill(st.r2, n+1, -1)
	st.vl = fill(st.vl, n+1, 0)
	st.vr = fill(st.vr, n+1, 0)
	st.lset = fill(st.lset, n+1, 0)
	st.rset = fill(st.rset, n+1, 0)
}

// fill returns s resized to n (reusing its array when large enough)
// with every element set to v.
func fill[T int16 | int32 | uint64](s []T, n int, v T) []T {
	if cap(s) < n {
		s = make([]T, n)
	}
	s = s[:n]
	if v == 0 {
		clear(s)
		return s
	}
	for i := range s {
		s[i] = v
	}
	return s
}

func (st *state) terminal() bool { return int(st.b) == st.n && len(st.stack) == 0 }

// s returns the i-th stack item from the top, or -1.
func (st *state) s(i int) int32 {
	if i < len(st.stack) {
		return st.stack[len(st.stack)-1-i]
	}
	return -1
}

// legal reports which actions are allowed.
func (st *state) legal() (ok [numActs]bool) {
	ns := len(st.stack)
	ok[actShift] = int(st.b) < st.n
	ok[actLeft] = ns >= 1 && (int(st.b) < st.n || ns == 1)
	ok[actRight] = ns >= 2
	return ok
}

// apply performs act; for arcs, label is the relation id given to the new
// dependent.
func (st *state) apply(act int, label int16) {
	switch act {
	case actShift:
		st.stack = append(st.stack, st.b)
		st.b++
	case actLeft:
		d := st.stack[len(st.stack)-1]
		st.stack = st.stack[:len(st.stack)-1]
		st.addArc(st.b, d, label)
	case actRight:
		d := st.stack[len(st.stack)-1]
		h := st.stack[len(st.stack)-2]
		st.stack = st.stack[:len(st.stack)-1]
		st.addArc(h, d, label)
	}
}

// head returns the head an arc action would give s0 (-1 for SHIFT).
func (st *state) head(act int) int32 {
	switch act {
	case actLeft:
		return st.b
	case actRight:
		return st.s(1)
	}
	return -1
}

func labelBit(l int16) uint64 {
	if l < 0 {
		return 0
	}
	if l > 63 {
		l = 63
	}
	return 1 << uint(l)
}

func (st *state) addArc(h, d int32, label int16) {
	st.heads[d] = h
	st.labels[d] = label
	if d < h { // left child: arc-hybrid adds them from the head outwards
		st.l2[h] = st.l1[h]
		st.l1[h] = d
		st.vl[h]++
		st.lset[h] |= labelBit(label)
	} else {
		st.r2[h] = st.r1[h]
		st.r1[h] = d
		st.vr[h]++
		st.rset[h] |= labelBit(label)
	}
}

// costs returns, for each action, how many gold arcs it makes unreachable;
// gold[i] is the gold head of word i (n for the root). It assumes the gold
// tree is projective, where the costs are exact.
func (st *state) costs(gold []int32) (c [numActs]int) {
	ns := len(st.stack)
	b := st.b
	n := int32(st.n)
	if int(b) < st.n {
		// SHIFT: b loses heads and dependents on the stack, except s0 as head.
		s0 := st.s(0)
		for _, d := range st.stack {
			if gold[d] == b {
				c[actShift]++
			}
			if gold[b] == d && d != s0 {
				c[actShift]++
			}
		}
	}
	if ns >= 1 {
		s0 := st.s(0)
		s1 := st.s(1)
		deps := 0 // dependents of s0 still in the buffer
		for d := b; d < n; d++ {
			if gold[d] == s0 {
				deps++
			}
		}
		g := gold[s0]
		// LEFT: s0 loses s1 and buffer items after b0 as heads.
		c[actLeft] = deps
		if g != b && ((s1 >= 0 && g == s1) || g > b) {
			c[actLeft]++
		}
		if ns >= 2 {
			// RIGHT: s0 loses every buffer item as head.
			c[actRight] = deps
			if g >= b {
				c[actRight]++
			}
		}
	}
	return c
}
