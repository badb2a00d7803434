package parse

import "github.com/dyad-events/dyad/event"

// Features are 64-bit keys: a template number mixed with the atoms it
// combines (hashes of word forms, lemmas, tags, labels, distances). Atoms
// are computed once per token, so extracting a feature is a few multiplies
// and no allocation.

// atoms are the hashed pieces of one token.
type atoms struct {
	w, l, p, x, f uint64 // lowercased form, lemma, UPOS, XPOS, features
	wp            uint64 // form and UPOS together
	sh            uint64 // word shape and suffix, for rare words
	c             uint64 // coarse tag: UPOS classes that taggers confuse merged
}

// coarse merges the UPOS tags a tagger most often confuses with each
// other where the parser can live with the merge.
func coarse(upos string) string {
	switch upos {
	case "NOUN", "PROPN", "X", "SYM":
		return "N"
	case "ADP", "SCONJ":
		return "P"
	case "DET", "PRON":
		return "D"
	case "ADJ", "NUM":
		return "J"
	}
	return upos
}

const (
	k1 = 0x9E3779B97F4A7C15
	k2 = 0xD6E8FEB86659FD93
)

func mix(h, v uint64) uint64 {
	h ^= v + k1 + (h << 6) + (h >> 2)
	h *= k2
	h ^= h >> 29
	return h
}

// hashStr is FNV-1a; lower folds ASCII letters.
func hashStr(s string, lower bool) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if lower && c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// shape maps a word to a coarse class: capitalization, digits, punctuation
// and its last three bytes.
func shape(s string) uint64 {
	var upper, lower, digit, other bool
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			upper = true
		case c >= 'a' && c <= 'z':
			lower = true
		case c >= '0' && c <= '9':
			digit = true
		default:
			other = true
		}
	}
	cls := uint64(0)
	if upper {
		cls |= 1
	}
	if lower {
		cls |= 2
	}
	if digit {
		cls |= 4
	}
	if other {
		cls |= 8
	}
	if len(s) > 0 && s[0] >= 'A' && s[0] <= 'Z' {
		cls |= 16
	}
	suf := s
	if len(suf) > 3 {
		suf = suf[len(suf)-3:]
	}
	return mix(cls, hashStr(suf, true))
}

var (
	noneAtoms = atomsOf("<NONE>", "<NONE>", "<NONE>", "<NONE>", "<NONE>")
	rootAtoms = atomsOf("<ROOT>", "<ROOT>", "<ROOT>", "<ROOT>", "<ROOT>")
)

func atomsOf(form, lemma, upos, xpos, feats string) atoms {
	a := atoms{
		w: hashStr(form, true),
		l: hashStr(lemma, true),
		p: hashStr(upos, false),
		x: hashStr(xpos, false),
		f: hashStr(feats, false),
	}
	a.wp = mix(a.w, a.p)
	a.sh = shape(form)
	a.c = hashStr(coarse(upos), false) ^ 0x5bd1e995
	return a
}

func tokenAtoms(t *event.Token) atoms {
	return atomsOf(t.Form, t.Lemma, t.UPOS, t.XPOS, t.Feats)
}

// dist buckets a distance in words.
func dist(d int32) uint64 {
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 5:
		return uint64(d)
	case d <= 9:
		return 6
	}
	return 7
}

func val(v int32) uint64 {
	if v > 4 {
		return 4
	}
	return uint64(v)
}

// ctx gives atoms by position: words 0..n-1, the root at n, none at -1.
type ctx struct {
	tok  []atoms // n+1 entries, the root last
	fset int     // feature set
	// pc[i] counts punctuation tokens before position i (n+2 entries)
	pc []int32
}

// between buckets the number of punctuation tokens strictly between
// positions a < b.
func (c *ctx) between(a, b int32) uint64 {
	if a < 0 || b <= a+1 {
		return 0
	}
	v := c.pc[b] - c.pc[a+1]
	if v > 3 {
		v = 3
	}
	return uint64(v)
}

func (c *ctx) at(i int32) *atoms {
	if i < 0 || int(i) >= len(c.tok) {
		return &noneAtoms
	}
	return &c.tok[i]
}

func lab(st *state, i int32) uint64 {
	if i < 0 {
		return 0xFFFF
	}
	return uint64(st.labels[i]) + 1
}

func child(v []int32, i int32) int32 {
	if i < 0 {
		return -1
	}
	return v[i]
}

// fkey makes a feature key from a template number and up to three atoms.
func fkey(t uint64, a, b, c uint64) uint64 {
	return mix(mix(mix(t*k1, a), b), c)
}

// transFeatures appends the keys of the transition classifier's features.
func transFeatures(st *state, c *ctx, keys []uint64) []uint64 {
	s0i, s1i, s2i := st.s(0), st.s(1), st.s(2)
	b0i := st.b
	b1i, b2i := b0i+1, b0i+2
	if int(b1i) > st.n {
		b1i = -1
	}
	if int(b2i) > st.n {
		b2i = -1
	}
	s0, s1, s2 := c.at(s0i), c.at(s1i), c.at(s2i)
	b0, b1, b2 := c.at(b0i), c.at(b1i), c.at(b2i)
	s0l1i, s0l2i := child(st.l1, s0i), child(st.l2, s0i)
	s0r1i, s0r2i := child(st.r1, s0i), child(st.r2, s0i)
	b0l1i, b0l2i := child(st.l1, b0i), child(st.l2, b0i)
	s1r1i, s1l1i := child(st.r1, s1i), child(st.l1, s1i)
	s0l1, s0l2, s0r1, s0r2 := c.at(s0l1i), c.at(s0l2i), c.at(s0r1i), c.at(s0r2i)
	b0l1, b0l2 := c.at(b0l1i), c.at(b0l2i)
	s1r1, s1l1 := c.at(s1r1i), c.at(s1l1i)
	var d, d1 uint64 = 0xFF, 0xFF
	if s0i >= 0 {
		d = dist(b0i - s0i)
		if s1i >= 0 {
			d1 = dist(s0i - s1i)
		}
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
	k(1, s0.w, 0, 0)
	k(2, s0.p, 0, 0)
	k(3, s0.wp, 0, 0)
	k(4, s0.x, 0, 0)
	k(5, s0.l, 0, 0)
	k(6, s1.w, 0, 0)
	k(7, s1.p, 0, 0)
	k(8, s1.wp, 0, 0)
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
	k(19, s2.p, 0, 0)
	k(20, s0.f, s0.p, 0)
	k(21, b0.f, b0.p, 0)
	k(22, s0.sh, s0.p, 0)
	k(23, b0.sh, b0.p, 0)
	k(24, s1.x, 0, 0)
	// pairs
	k(30, s0.wp, b0.wp, 0)
	k(31, s0.wp, b0.w, 0)
	k(32, s0.w, b0.wp, 0)
	k(33, s0.wp, b0.p, 0)
	k(34, s0.p, b0.wp, 0)
	k(35, s0.w, b0.w, 0)
	k(36, s0.p, b0.p, 0)
	k(37, b0.p, b1.p, 0)
	k(38, s0.x, b0.x, 0)
	k(39, s1.p, s0.p, 0)
	k(40, s1.w, s0.w, 0)
	k(41, s1.p, s0.wp, 0)
	k(42, s1.wp, s0.p, 0)
	k(43, s0.l, b0.p, 0)
	k(44, s0.p, b0.l, 0)
	k(45, s1.l, s0.l, 0)
	k(46, s0.l, b0.l, 0)
	k(47, s1.x, s0.x, 0)
	k(48, s1.p, b0.p, 0)
	// triples
	k(50, b0.p, b1.p, b2.p)
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
	k(76, s1.p, s0.p, d1)
	k(77, s1.w, s0.p, d1)
	k(78, s1.p, s0.w, d1)
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
		k(151, s1.p, s0.p, np1)
		k(152, b0.w, s0.p, lab(st, s0r1i))
		k(153, s0.w, b0.w, np)
		k(154, b0.w, s1.p, s0.p)
		k(155, s0.c, b0.c, mix(np, d))
		k(156, s0.w, lab(st, s0l1i), b0.w)
		k(157, s1.p, s0.p, mix(np1, b0.w))
	}
	if c.fset >= 2 {
		k(130, s0.c, 0, 0)
		k(131, b0.c, 0, 0)
		k(132, s1.c, 0, 0)
		k(133, b1.c, 0, 0)
		k(134, s0.c, b0.c, 0)
		k(135, s0.c, b0.c, b1.c)
		k(136, s1.c, s0.c, b0.c)
		k(137, s0.w, b0.c, 0)
		k(138, s0.c, b0.w, 0)
		k(139, s0.c, b0.c, d)
		k(140, s0.c, s0r1.c, b0.c)
		k(141, s0.c, b0.c, b0l1.c)
		k(142, b0.c, b1.c, b2.c)
		k(143, s1.c, s0.c, d1)
		k(144, b0.w, b1.w, 0)
		k(145, s0.l, b0.l, b1.c)
		k(146, b0p.w, b0.w, 0)
		k(147, s0.w, s0n.w, 0)
		k(148, s0.sh, b0.sh, 0)
	}
	return keys
}

// labelFeatures appends the keys of the label classifier's features for
// the arc h → d; d's own dependents are all attached by then.
func labelFeatures(st *state, c *ctx, h, d int32, keys []uint64) []uint64 {
	hd, dd := c.at(h), c.at(d)
	var dir uint64 = 1
	if d > h {
		dir = 2
	}
	ds := dist(h - d)
	dl1i, dr1i := st.l1[d], st.r1[d]
	hl1i, hr1i := st.l1[h], st.r1[h]
	dl1, dr1 := c.at(dl1i), c.at(dr1i)
	dprev, dnext := c.at(d-1), c.at(d+1)
	k := func(t uint64, a, b, cc uint64) { keys = append(keys, fkey(t+1000, a, b, cc)) }
	k(1, dd.w, dir, 0)
	k(2, dd.l, dir, 0)
	k(3, dd.p, dir, 0)
	k(4, dd.x, dir, 0)
	k(5, dd.f, dd.p, dir)
	k(6, hd.w, dir, 0)
	k(7, hd.l, dir, 0)
	k(8, hd.p, dir, 0)
	k(9, hd.x, dir, 0)
	k(10, hd.f, hd.p, dir)
	k(11, dd.p, hd.p, dir)
	k(12, dd.w, hd.p, dir)
	k(13, dd.p, hd.w, dir)
	k(14, dd.l, hd.l, dir)
	k(15, dd.x, hd.x, dir)
	k(16, dd.f, hd.p, dir)
	k(17, dd.p, hd.f, dir)
	k(18, mix(dd.p, hd.p), ds, dir)
	k(19, dd.p, st.lset[d], st.rset[d])
	k(20, dd.p, dl1.w, lab(st, dl1i))
	k(21, hd.p, dl1.w, dir)
	k(22, dd.p, lab(st, dl1i), hd.p)
	k(23, dd.p, lab(st, dr1i), hd.p)
	k(24, dd.p, dr1.p, hd.p)
	k(25, hd.p, st.lset[h], dir)
	k(26, dd.p, st.lset[h], dir)
	k(27, dd.p, lab(st, hl1i), lab(st, hr1i))
	k(28, dd.p, dprev.p, dnext.p)
	k(29, dd.sh, dd.p, dir)
	k(30, dd.x, hd.x, ds)
	k(31, dd.l, hd.p, st.lset[d])
	k(32, hd.l, dd.p, st.lset[h])
	k(33, dd.w, dl1.p, hd.p)
	k(34, dd.p, val(st.vl[d]), val(st.vr[d]))
	k(35, dd.x, hd.x, mix(st.lset[d], dir))
	if c.fset >= 2 {
		k(40, dd.c, hd.c, dir)
		k(41, dd.w, hd.c, dir)
		k(42, dd.c, hd.w, dir)
		k(43, dd.l, hd.c, dir)
		k(44, dd.c, st.lset[d], st.rset[d])
		k(45, mix(dd.c, hd.c), ds, dir)
		k(46, dd.c, dl1.w, hd.c)
		k(47, dd.sh, hd.c, dir)
	}
	return keys
}
