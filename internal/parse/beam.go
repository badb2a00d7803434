package parse

// Beam search keeps the k best transition sequences instead of one
// (Zhang and Clark 2008; Zhang and Nivre 2011). Models for it are trained
// globally with max-violation updates (Huang, Fayong and Guo 2012): the
// perceptron is corrected at the step where the best sequence in the beam
// outscores the gold one by the most.

// scorer scores the transition features of a state.
type scorer interface {
	scoreF(keys []uint64, out []float32)
}

func (m *linear) scoreF(keys []uint64, out []float32) {
	var s [numActs]int32
	m.score(keys, s[:len(out)])
	for i := range out {
		out[i] = float32(s[i]) * m.scale
	}
}

func (l *learner) scoreF(keys []uint64, out []float32) { l.score(keys, out) }

// labeler picks the relation of a new arc.
type labeler func(st *state, h, d int32) int16

// beamItem is one hypothesis: its configuration, score and history.
type beamItem struct {
	st    state
	score float64
	hist  []step
	gold  bool // every step so far is the gold one
}

type step struct {
	act int8
	lab int16
}

type cand struct {
	item  int
	act   int
	score float64
}

type beamer struct {
	cur, next []*beamItem
	size      int // items in cur after run
	cands     []cand
	keys      []uint64
	tmemo     memo[[numActs]float32] // transition scores by feature context
	sbuf      [numActs]float32       // for the scorer (a local array would escape)
}

// better orders candidates: higher score first, ties by item then action
// (so that width 1 reproduces the greedy decoder).
func better(a, b cand) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if a.item != b.item {
		return a.item < b.item
	}
	return a.act < b.act
}

// topK moves the k best candidates, in order, to the front of c and
// returns how many there are.
func topK(c []cand, k int) int {
	m := min(k, len(c))
	for i := 0; i < m; i++ {
		best := i
		for j := i + 1; j < len(c); j++ {
			if better(c[j], c[best]) {
				best = j
			}
		}
		c[i], c[best] = c[best], c[i]
	}
	return m
}

func (it *beamItem) copyFrom(src *beamItem) {
	s, d := &src.st, &it.st
	d.n = s.n
	d.b = s.b
	d.stack = append(d.stack[:0], s.stack...)
	d.heads = append(d.heads[:0], s.heads...)
	d.labels = append(d.labels[:0], s.labels...)
	d.l1 = append(d.l1[:0], s.l1...)
	d.l2 = append(d.l2[:0], s.l2...)
	d.r1 = append(d.r1[:0], s.r1...)
	d.r2 = append(d.r2[:0], s.r2...)
	d.vl = append(d.vl[:0], s.vl...)
	d.vr = append(d.vr[:0], s.vr...)
	d.lset = append(d.lset[:0], s.lset...)
	d.rset = append(d.rset[:0], s.rset...)
	it.score = src.score
	it.hist = append(it.hist[:0], src.hist...)
	it.gold = src.gold
}

// run decodes c with beam width k. With goldSeq it also tracks the gold
// sequence and returns the step of maximum violation (−1 if none) and the
// beam item that violates most there (its history is valid up to that step).
// Without goldSeq it returns the best final item.
func (bm *beamer) run(c *ctx, k int, sc scorer, label labeler, goldSeq []step) (best *beamItem, maxStep int, violator []step) {
	n := len(c.tok) - 1
	for len(bm.cur) < k {
		bm.cur = append(bm.cur, &beamItem{})
	}
	for len(bm.next) < k {
		bm.next = append(bm.next, &beamItem{})
	}
	bm.cur[0].st.reset(n)
	bm.cur[0].score = 0
	bm.cur[0].hist = bm.cur[0].hist[:0]
	bm.cur[0].gold = true
	size := 1
	var goldScore float64
	var goldSt beamItem
	if goldSeq != nil {
		goldSt.st.reset(n)
	}
	maxStep = -1
	maxViol := 0.0
	var scores [numActs]float32
	var key memoKey
	bm.tmemo.reset(4 * k * n)
	for t := 0; !bm.cur[0].st.terminal(); t++ {
		bm.cands = bm.cands[:0]
		for i := 0; i < size; i++ {
			it := bm.cur[i]
			transKey(&it.st, &key)
			var slot int
			var ok bool
			if scores, ok, slot = bm.tmemo.get(&key); !ok {
				bm.keys = transFeatures(&it.st, c, bm.keys[:0])
				sc.scoreF(bm.keys, bm.sbuf[:])
				scores = bm.sbuf
				bm.tmemo.put(slot, &key, scores)
			}
			legal := it.st.legal()
			for a := 0; a < numActs; a++ {
				if legal[a] {
					bm.cands = append(bm.cands, cand{i, a, it.score + float64(scores[a])})
				}
			}
		}
		m := topK(bm.cands, k)
		goldIn := false
		for j := 0; j < m; j++ {
			cd := bm.cands[j]
			par := bm.cur[cd.item]
			it := bm.next[j]
			it.copyFrom(par)
			var l int16 = -1
			if cd.act != actShift {
				l = label(&it.st, it.st.head(cd.act), it.st.s(0))
			}
			it.st.apply(cd.act, l)
			it.score = cd.score
			it.hist = append(it.hist, step{int8(cd.act), l})
			it.gold = par.gold && goldSeq != nil && int(goldSeq[t].act) == cd.act
			if it.gold {
				goldIn = true
			}
		}
		bm.cur, bm.next = bm.next, bm.cur
		size = m
		if goldSeq != nil {
			gs := goldSeq[t]
			bm.keys = transFeatures(&goldSt.st, c, bm.keys[:0])
			sc.scoreF(bm.keys, bm.sbuf[:])
			scores = bm.sbuf
			goldScore += float64(scores[gs.act])
			goldSt.st.apply(int(gs.act), gs.lab)
			if v := bm.cur[0].score - goldScore; !bm.cur[0].gold && v >= maxViol {
				maxViol = v
				maxStep = t
				violator = append(violator[:0], bm.cur[0].hist...)
			}
			if !goldIn && maxStep < 0 {
				// gold fell off without a violation (ties): update here
				maxStep = t
				violator = append(violator[:0], bm.cur[0].hist...)
			}
		}
	}
	bm.size = size
	return bm.cur[0], maxStep, violator
}

// staticOracle returns a gold transition sequence for a projective tree:
// the first zero-cost action in the order LEFT, RIGHT, SHIFT (arcs as
// early as possible), with gold labels.
func staticOracle(st *state, ts *trainSent) []step {
	n := len(ts.toks)
	st.reset(n)
	seq := make([]step, 0, 2*n)
	for !st.terminal() {
		legal := st.legal()
		c := st.costs(ts.gold)
		act := -1
		for _, a := range [...]int{actLeft, actRight, actShift} {
			if legal[a] && c[a] == 0 {
				act = a
				break
			}
		}
		if act < 0 { // cannot happen on projective trees; fall back to any legal action
			for a := 0; a < numActs; a++ {
				if legal[a] {
					act = a
					break
				}
			}
		}
		var l int16 = -1
		if act != actShift {
			l = ts.labels[st.s(0)]
		}
		seq = append(seq, step{int8(act), l})
		st.apply(act, l)
	}
	return seq
}

// add adds delta to the weights of class for keys.
func (l *learner) add(keys []uint64, class int, delta float32) {
	for _, key := range keys {
		r := l.row(key)
		l.w[r+class] += delta
		l.u[r+class] += l.c * float64(delta)
	}
}

// trainBeamOne decodes one sentence with the beam and applies the
// max-violation update; the label classifier learns from the gold
// sequence. It reports whether the sentence needed an update.
func trainBeamOne(ts *trainSent, tl, ll *learner, p *Parser, sc *scratch, bm *beamer, fscores []float32, k int) bool {
	sc.c.setTokens(ts.toks)
	n := len(ts.toks)
	gold := staticOracle(&sc.st, ts)
	predict := func(st *state, h, d int32) int16 {
		if int(h) == n {
			return p.root
		}
		sc.keys = labelFeatures(st, &sc.c, h, d, sc.keys[:0])
		ll.score(sc.keys, fscores)
		best := -1
		for c := range fscores {
			if int16(c) != p.root && (best < 0 || fscores[c] > fscores[best]) {
				best = c
			}
		}
		return int16(best)
	}
	_, tmax, viol := bm.run(&sc.c, k, tl, predict, gold)
	// labels: learn on the gold sequence
	st := &sc.st
	st.reset(n)
	for _, g := range gold {
		if g.act != actShift {
			h, d := st.head(int(g.act)), st.s(0)
			if int(h) != n {
				if pl := predict(st, h, d); pl != g.lab {
					sc.keys = labelFeatures(st, &sc.c, h, d, sc.keys[:0])
					ll.update(sc.keys, int(g.lab), int(pl))
				}
				ll.tick()
			}
		}
		st.apply(int(g.act), g.lab)
	}
	updated := false
	if tmax >= 0 {
		updated = true
		for _, seq := range [2]struct {
			s     []step
			delta float32
		}{{gold, 1}, {viol, -1}} {
			st.reset(n)
			for t := 0; t <= tmax && t < len(seq.s); t++ {
				sc.keys = transFeatures(st, &sc.c, sc.keys[:0])
				tl.add(sc.keys, int(seq.s[t].act), seq.delta)
				st.apply(int(seq.s[t].act), seq.s[t].lab)
			}
		}
	}
	tl.tick()
	return updated
}
