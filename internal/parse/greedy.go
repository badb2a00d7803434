package parse

// The greedy decoder's features. Of the ~110 transition features of a
// configuration, a fifth read the atoms of one word alone (b0 with the
// words after it, s0, s1 or s2): their weights are summed once per word
// and sentence (transGroups) and the rest extracted at each step
// (transFeaturesDyn). Sums of integer weights do not depend on their
// order, so the scores, and the trees, are those of transFeatures;
// TestTransGroups checks that the parts make up exactly its keys.

// gsum is the summed weights of one group of templates for one word.
type gsum struct {
	ok bool
	w  [numActs]int32
}

// transGroups lists the templates by the word they read: b0 (and the two
// words after it, and the one before), s0, s1, s2.
var transGroups = [4]func(c *ctx, i int32, n int, keys []uint64) []uint64{groupB0, groupS0, groupS1, groupS2}

func groupB0(c *ctx, b0i int32, n int, keys []uint64) []uint64 {
	b1i, b2i := b0i+1, b0i+2
	if int(b1i) > n {
		b1i = -1
	}
	if int(b2i) > n {
		b2i = -1
	}
	b0, b1, b2 := c.at(b0i), c.at(b1i), c.at(b2i)
	b0p := c.at(-1)
	if b0i > 0 {
		b0p = c.at(b0i - 1)
	}
	k := func(t uint64, a, b, cc uint64) { keys = append(keys, fkey(t, a, b, cc)) }
	k(9, b0.w, 0, 0)
	k(10, b0.p, 0, 0)
	k(11, b0.wp, 0, 0)
	k(12, b0.x, 0, 0)
	k(13, b0.l, 0, 0)
	k(14, b1.w, 0, 0)
	k(15, b1.p, 0, 0)
	k(16, b1.wp, 0, 0)
	k(17, b2.w, 0, 0)
	k(18, b2.p, 0, 0)
	k(21, b0.f, b0.p, 0)
	k(23, b0.sh, b0.p, 0)
	k(37, b0.p, b1.p, 0)
	k(50, b0.p, b1.p, b2.p)
	if c.fset >= 2 {
		k(131, b0.c, 0, 0)
		k(133, b1.c, 0, 0)
		k(142, b0.c, b1.c, b2.c)
		k(144, b0.w, b1.w, 0)
		k(146, b0p.w, b0.w, 0)
	}
	return keys
}

func groupS0(c *ctx, s0i int32, _ int, keys []uint64) []uint64 {
	s0 := c.at(s0i)
	k := func(t uint64, a, b, cc uint64) { keys = append(keys, fkey(t, a, b, cc)) }
	k(1, s0.w, 0, 0)
	k(2, s0.p, 0, 0)
	k(3, s0.wp, 0, 0)
	k(4, s0.x, 0, 0)
	k(5, s0.l, 0, 0)
	k(20, s0.f, s0.p, 0)
	k(22, s0.sh, s0.p, 0)
	if c.fset >= 2 {
		k(130, s0.c, 0, 0)
	}
	return keys
}

func groupS1(c *ctx, s1i int32, _ int, keys []uint64) []uint64 {
	s1 := c.at(s1i)
	k := func(t uint64, a, b, cc uint64) { keys = append(keys, fkey(t, a, b, cc)) }
	k(6, s1.w, 0, 0)
	k(7, s1.p, 0, 0)
	k(8, s1.wp, 0, 0)
	k(24, s1.x, 0, 0)
	if c.fset >= 2 {
		k(132, s1.c, 0, 0)
	}
	return keys
}

// groupS1S0 lists the templates that read s1 and s0 alone (their words
// and the distance and punctuation between them): the pair comes back
// whenever a reduction uncovers s1 again.
func groupS1S0(c *ctx, s1i, s0i int32, keys []uint64) []uint64 {
	s0, s1 := c.at(s0i), c.at(s1i)
	var d1 uint64 = 0xFF
	if s0i >= 0 && s1i >= 0 {
		d1 = dist(s0i - s1i)
	}
	k := func(t uint64, a, b, cc uint64) { keys = append(keys, fkey(t, a, b, cc)) }
	k(39, s1.p, s0.p, 0)
	k(40, s1.w, s0.w, 0)
	k(41, s1.p, s0.wp, 0)
	k(42, s1.wp, s0.p, 0)
	k(45, s1.l, s0.l, 0)
	k(47, s1.x, s0.x, 0)
	k(76, s1.p, s0.p, d1)
	k(77, s1.w, s0.p, d1)
	k(78, s1.p, s0.w, d1)
	if c.fset >= 3 {
		k(151, s1.p, s0.p, c.between(s1i, s0i))
	}
	if c.fset >= 2 {
		k(143, s1.c, s0.c, d1)
	}
	return keys
}

// psum is gsum for a pair of words: the sums of groupS1S0 for s0 under
// the word s1.
type psum struct {
	gsum
	s1 int32
}

// fillPairs returns ps resized to n, emptied.
func fillPairs(ps []psum, n int) []psum {
	if cap(ps) < n {
		ps = make([]psum, n, n+n/2)
	}
	ps = ps[:n]
	clear(ps)
	return ps
}

func groupS2(c *ctx, s2i int32, _ int, keys []uint64) []uint64 {
	return append(keys, fkey(19, c.at(s2i).p, 0, 0))
}

// transFeaturesDyn appends the keys of transFeatures but those of the
// templates that read one word's own atoms alone (see transGroups) or s1
// and s0 alone (groupS1S0): the greedy decoder adds those up once per
// word, or pair, and sentence.
func transFeaturesDyn(st *state, c *ctx, keys []uint64) []uint64 {
	s0i, s1i, s2i := st.s(0), st.s(1), st.s(2)
	b0i := st.b
	b1i := b0i + 1
	if int(b1i) > st.n {
		b1i = -1
	}
	s0, s1, s2 := c.at(s0i), c.at(s1i), c.at(s2i)
	b0, b1 := c.at(b0i), c.at(b1i)
	s0l1i, s0l2i := child(st.l1, s0i), child(st.l2, s0i)
	s0r1i, s0r2i := child(st.r1, s0i), child(st.r2, s0i)
	b0l1i, b0l2i := child(st.l1, b0i), child(st.l2, b0i)
	s1r1i, s1l1i := child(st.r1, s1i), child(st.l1, s1i)
	s0l1, s0l2, s0r1, s0r2 := c.at(s0l1i), c.at(s0l2i), c.at(s0r1i), c.at(s0r2i)
	b0l1, b0l2 := c.at(b0l1i), c.at(b0l2i)
	s1r1, s1l1 := c.at(s1r1i), c.at(s1l1i)
	var d uint64 = 0xFF
	if s0i >= 0 {
		d = dist(b0i - s0i)
	}
	var s0vl, s0vr, b0vl, s1vr, s0ls, s0rs, b0ls, s1rs uint64 = 0xF, 0xF, 0, 0xF, 0, 0, 0, 0
	if s0i >= 0 {
		s0vl, s0vr, s0ls, s0rs = val(st.vl[s0i]), val(st.vr[s0i]), st.lset[s0i], st.rset[s0i]
	}
	b0vl, b0ls = val(st.vl[b0i]), st.lset[b0i]
	if s1i >= 0 {
		s1vr, s1rs = val(st.vr[s1i]), st.rset[s1i]
	}
	// neighbours in the sentence
	s0n := c.at(-1)
	if s0i >= 0 && s0i+1 < b0i {
		s0n = c.at(s0i + 1)
	}
	b0p := c.at(-1)
	if b0i > 0 {
		b0p = c.at(b0i - 1)
	}
	k := func(t uint64, a, b, cc uint64) { keys = append(keys, fkey(t, a, b, cc)) }
	// single words
	// pairs
	k(30, s0.wp, b0.wp, 0)
	k(31, s0.wp, b0.w, 0)
	k(32, s0.w, b0.wp, 0)
	k(33, s0.wp, b0.p, 0)
	k(34, s0.p, b0.wp, 0)
	k(35, s0.w, b0.w, 0)
	k(36, s0.p, b0.p, 0)
	k(38, s0.x, b0.x, 0)
	k(43, s0.l, b0.p, 0)
	k(44, s0.p, b0.l, 0)
	k(46, s0.l, b0.l, 0)
	k(48, s1.p, b0.p, 0)
	// triples
	k(51, s0.p, b0.p, b1.p)
	k(52, s1.p, s0.p, b0.p)
	k(53, s0.p, s0l1.p, b0.p)
	k(54, s0.p, s0r1.p, b0.p)
	k(55, s0.p, b0.p, b0l1.p)
	k(56, s1.p, s1r1.p, s0.p)
	k(57, s2.p, s1.p, s0.p)
	k(58, s0.p, s0l1.p, s0l2.p)
	k(59, s0.p, s0r1.p, s0r2.p)
	k(60, b0.p, b0l1.p, b0l2.p)
	k(61, s1.p, s1l1.p, s0.p)
	k(62, s0.x, b0.x, b1.x)
	k(63, s1.x, s0.x, b0.x)
	k(64, s0.p, s0n.p, b0.p)
	k(65, s0.p, b0p.p, b0.p)
	k(66, s0.w, b0.p, b1.p)
	k(67, s0.p, b0.w, b1.p)
	// distance
	k(70, s0.w, d, 0)
	k(71, s0.p, d, 0)
	k(72, b0.w, d, 0)
	k(73, b0.p, d, 0)
	k(74, s0.w, b0.w, d)
	k(75, s0.p, b0.p, d)
	// valency
	k(80, s0.w, s0vr, 0)
	k(81, s0.p, s0vr, 0)
	k(82, s0.w, s0vl, 0)
	k(83, s0.p, s0vl, 0)
	k(84, b0.w, b0vl, 0)
	k(85, b0.p, b0vl, 0)
	k(86, s1.p, s1vr, 0)
	k(87, s1.w, s1vr, 0)
	// children
	k(90, s0l1.w, 0, 0)
	k(91, s0l1.p, 0, 0)
	k(92, lab(st, s0l1i), 0, 0)
	k(93, s0r1.w, 0, 0)
	k(94, s0r1.p, 0, 0)
	k(95, lab(st, s0r1i), 0, 0)
	k(96, b0l1.w, 0, 0)
	k(97, b0l1.p, 0, 0)
	k(98, lab(st, b0l1i), 0, 0)
	k(99, s1r1.p, lab(st, s1r1i), 0)
	k(100, s0l2.w, 0, 0)
	k(101, s0l2.p, 0, 0)
	k(102, lab(st, s0l2i), 0, 0)
	k(103, s0r2.w, 0, 0)
	k(104, s0r2.p, 0, 0)
	k(105, lab(st, s0r2i), 0, 0)
	k(106, b0l2.w, 0, 0)
	k(107, b0l2.p, 0, 0)
	k(108, lab(st, b0l2i), 0, 0)
	k(109, s0.p, lab(st, s0l1i), lab(st, s0l2i))
	k(110, s0.p, lab(st, s0r1i), lab(st, s0r2i))
	k(111, b0.p, lab(st, b0l1i), lab(st, b0l2i))
	k(112, s1.p, lab(st, s1l1i), s1l1.p)
	// label sets
	k(120, s0.w, s0ls, 0)
	k(121, s0.p, s0ls, 0)
	k(122, s0.w, s0rs, 0)
	k(123, s0.p, s0rs, 0)
	k(124, b0.w, b0ls, 0)
	k(125, b0.p, b0ls, 0)
	k(126, s1.p, s1rs, 0)
	k(127, s0.p, s0rs, b0.p)
	k(128, s1.p, s1rs, s0.p)
	if c.fset >= 3 {
		np, np1 := c.between(s0i, b0i), c.between(s1i, s0i)
		k(150, s0.p, b0.p, np)
		k(152, b0.w, s0.p, lab(st, s0r1i))
		k(153, s0.w, b0.w, np)
		k(154, b0.w, s1.p, s0.p)
		k(155, s0.c, b0.c, mix(np, d))
		k(156, s0.w, lab(st, s0l1i), b0.w)
		k(157, s1.p, s0.p, mix(np1, b0.w))
	}
	if c.fset >= 2 {
		k(134, s0.c, b0.c, 0)
		k(135, s0.c, b0.c, b1.c)
		k(136, s1.c, s0.c, b0.c)
		k(137, s0.w, b0.c, 0)
		k(138, s0.c, b0.w, 0)
		k(139, s0.c, b0.c, d)
		k(140, s0.c, s0r1.c, b0.c)
		k(141, s0.c, b0.c, b0l1.c)
		k(145, s0.l, b0.l, b1.c)
		k(147, s0.w, s0n.w, 0)
		k(148, s0.sh, b0.sh, 0)
	}
	return keys
}
