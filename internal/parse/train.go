package parse

import (
	"fmt"
	"io"
	"math/rand"
	"sort"
	"time"

	"github.com/dyad-events/dyad/event"
)

// TrainOptions control Train.
type TrainOptions struct {
	Epochs int   // passes over the training data (default 15)
	Seed   int64 // shuffling and exploration; same seed, same model
	// Explore is the probability of following the model's own (possibly
	// wrong) transition instead of the oracle's, from the second epoch on
	// (default 0.9).
	Explore float64
	// Beam > 1 trains a beam-search model of that width with global
	// max-violation updates; 0 or 1 trains the greedy parser with the
	// dynamic oracle.
	Beam int
	// Prune drops features whose averaged weights are all below this
	// (in perceptron update units) from the transition model, and below
	// half of it from the label model: a smaller, faster model (default
	// 1.5; negative keeps everything).
	Prune float64
	// FeatureSet picks the feature templates (1 … the newest, see
	// featureSet); 0 means the newest. Smaller sets parse faster.
	FeatureSet int
	// Checkpoint, when set, is called with each new best model, so that a
	// long run that is stopped still leaves its best model behind.
	Checkpoint func(*Parser) error
	// RightToLeft trains a model that parses sentences backwards (last
	// word first): it errs differently from a left-to-right model, which
	// makes the two worth combining (Combine).
	RightToLeft bool
	// Log receives one line per epoch (dev scores); nil for none.
	Log io.Writer
}

// trainSent is a sentence prepared for training.
type trainSent struct {
	toks   []event.Token
	gold   []int32 // projectivized heads, n for the root
	labels []int16
}

// Train learns a parser from sentences with gold Head/Deprel and tags as
// the parser will see them (predicted tags for realistic accuracy). It
// keeps the epoch that scores best (LAS) on dev; with no dev sentences it
// keeps the last.
func Train(train, dev [][]event.Token, opt TrainOptions) (*Parser, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 15
	}
	if opt.Prune == 0 {
		opt.Prune = 1.5
	} else if opt.Prune < 0 {
		opt.Prune = 0
	}
	if opt.Explore == 0 {
		opt.Explore = 0.9
	}
	// label inventory
	count := map[string]int{}
	for _, s := range train {
		for _, t := range s {
			count[t.Deprel]++
		}
	}
	if count["root"] == 0 {
		return nil, fmt.Errorf("train: no sentence has a root")
	}
	var labels []string
	for l := range count {
		if l != "" && l != "_" {
			labels = append(labels, l)
		}
	}
	sort.Slice(labels, func(i, j int) bool {
		if count[labels[i]] != count[labels[j]] {
			return count[labels[i]] > count[labels[j]]
		}
		return labels[i] < labels[j]
	})
	lid := map[string]int16{}
	for i, l := range labels {
		lid[l] = int16(i)
	}
	if opt.FeatureSet == 0 {
		opt.FeatureSet = featureSet
	}
	if opt.FeatureSet < 1 || opt.FeatureSet > featureSet {
		return nil, fmt.Errorf("train: feature set %d (have 1 to %d)", opt.FeatureSet, featureSet)
	}
	p := &Parser{labels: labels, root: lid["root"], fset: opt.FeatureSet, rtl: opt.RightToLeft}
	if opt.RightToLeft {
		// train on reversed sentences; dev is reversed by Parse itself
		rev := make([][]event.Token, len(train))
		for i, s := range train {
			rev[i] = reversed(s)
		}
		train = rev
	}
	var data []trainSent
	skipped := 0
	nonproj := 0
	for _, s := range train {
		ts, lifted, ok := prepare(s, lid)
		if !ok {
			skipped++
			continue
		}
		if lifted {
			nonproj++
		}
		data = append(data, ts)
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("train: no usable sentence")
	}
	if opt.Log != nil {
		fmt.Fprintf(opt.Log, "train: %d sentences (%d projectivized, %d skipped), %d labels\n", len(data), nonproj, skipped, len(labels))
	}
	rng := rand.New(rand.NewSource(opt.Seed))
	tl := newLearner(numActs)
	ll := newLearner(len(labels))
	var best *Parser
	bestLAS := -1.0
	sc := &scratch{c: ctx{fset: p.fset}}
	bm := &beamer{}
	p.beam = max(opt.Beam, 1)
	fscores := make([]float32, len(labels))
	for ep := 1; ep <= opt.Epochs; ep++ {
		t0 := time.Now()
		rng.Shuffle(len(data), func(i, j int) { data[i], data[j] = data[j], data[i] })
		explore := ep > 1
		var right, total int
		for i := range data {
			if opt.Beam > 1 {
				if !trainBeamOne(&data[i], tl, ll, p, sc, bm, fscores, opt.Beam) {
					right++
				}
				total++
				continue
			}
			r, n := trainOne(&data[i], tl, ll, p, sc, fscores, rng, explore, opt.Explore)
			right += r
			total += n
		}
		p.trans, p.label = tl.freeze(opt.Prune), ll.freeze(opt.Prune/2)
		msg := fmt.Sprintf("epoch %d: train agreement %.2f%%, %d+%d features, %.1fs",
			ep, 100*float64(right)/float64(max(total, 1)), len(p.trans.keys), len(p.label.keys), time.Since(t0).Seconds())
		if len(dev) > 0 {
			m := Evaluate(p, dev)
			msg += fmt.Sprintf(", dev UAS %.2f LAS %.2f", m.UAS(), m.LAS())
			if m.LAS() > bestLAS {
				bestLAS = m.LAS()
				best = p.clone()
				msg += " *"
				if opt.Checkpoint != nil {
					if err := opt.Checkpoint(best); err != nil {
						return nil, err
					}
				}
			}
		} else {
			best = p.clone()
		}
		if opt.Log != nil {
			fmt.Fprintln(opt.Log, msg)
		}
	}
	return best, nil
}

// prepare converts a sentence to training form, projectivizing its tree.
// ok is false for sentences whose heads do not form a tree.
func prepare(s []event.Token, lid map[string]int16) (ts trainSent, lifted, ok bool) {
	n := len(s)
	if n == 0 {
		return ts, false, false
	}
	ts.toks = s
	ts.gold = make([]int32, n)
	ts.labels = make([]int16, n)
	roots := 0
	for i, t := range s {
		if t.Head < 0 || t.Head > n || t.Head == i+1 {
			return ts, false, false
		}
		if t.Head == 0 {
			ts.gold[i] = int32(n)
			roots++
		} else {
			ts.gold[i] = int32(t.Head - 1)
		}
		l, ok := lid[t.Deprel]
		if !ok {
			return ts, false, false
		}
		ts.labels[i] = l
	}
	if roots != 1 || !acyclic(ts.gold) {
		return ts, false, false
	}
	lifted = projectivize(ts.gold)
	return ts, lifted, true
}

func acyclic(g []int32) bool {
	n := int32(len(g))
	for i := range g {
		h, steps := int32(i), 0
		for h != n {
			h = g[h]
			steps++
			if steps > len(g) {
				return false
			}
		}
	}
	return true
}

// dominates reports whether h is an ancestor of k (or k itself).
func dominates(g []int32, h, k int32) bool {
	n := int32(len(g))
	for k != n {
		if k == h {
			return true
		}
		k = g[k]
	}
	return h == n
}

// projectivize lifts non-projective arcs (the shortest first) to the
// head's head until the tree is projective; it reports whether it changed
// anything. Labels stay as they were.
func projectivize(g []int32) bool {
	n := int32(len(g))
	changed := false
	for {
		bestD, bestLen := int32(-1), int32(1<<30)
		for d := int32(0); d < n; d++ {
			h := g[d]
			lo, hi := h, d
			if lo > hi {
				lo, hi = hi, lo
			}
			if hi-lo >= bestLen {
				continue
			}
			for k := lo + 1; k < hi; k++ {
				if !dominates(g, h, k) {
					bestD, bestLen = d, hi-lo
					break
				}
			}
		}
		if bestD < 0 {
			return changed
		}
		g[bestD] = g[g[bestD]]
		changed = true
	}
}

// trainOne runs the parser over one sentence with the dynamic oracle,
// updating both learners; it returns how many transitions the model got
// right and how many it made.
func trainOne(ts *trainSent, tl, ll *learner, p *Parser, sc *scratch, fscores []float32, rng *rand.Rand, explore bool, pExplore float64) (right, total int) {
	sc.c.setTokens(ts.toks)
	n := len(ts.toks)
	st := &sc.st
	st.reset(n)
	var tscores [numActs]float32
	for !st.terminal() {
		sc.keys = transFeatures(st, &sc.c, sc.keys[:0])
		tl.score(sc.keys, tscores[:])
		legal := st.legal()
		cost := st.costs(ts.gold)
		pred, bestGold := -1, -1
		minCost := 1 << 30
		for a := 0; a < numActs; a++ {
			if legal[a] && cost[a] < minCost {
				minCost = cost[a]
			}
		}
		for a := 0; a < numActs; a++ {
			if !legal[a] {
				continue
			}
			if pred < 0 || tscores[a] > tscores[pred] {
				pred = a
			}
			if cost[a] == minCost && (bestGold < 0 || tscores[a] > tscores[bestGold]) {
				bestGold = a
			}
		}
		total++
		if cost[pred] > minCost {
			tl.update(sc.keys, bestGold, pred)
		} else {
			right++
		}
		tl.tick()
		act := bestGold
		if explore && rng.Float64() < pExplore {
			act = pred
		}
		var lab int16 = -1
		if act != actShift {
			h, d := st.head(act), st.s(0)
			if int(h) == n {
				lab = p.root
			} else {
				sc.keys = labelFeatures(st, &sc.c, h, d, sc.keys[:0])
				ll.score(sc.keys, fscores)
				best := -1
				for k := range fscores {
					if int16(k) != p.root && (best < 0 || fscores[k] > fscores[best]) {
						best = k
					}
				}
				lab = int16(best)
				if ts.gold[d] == h {
					g := ts.labels[d]
					if g != p.root && int(g) != best {
						ll.update(sc.keys, int(g), best)
					}
					ll.tick()
					if !explore {
						lab = g
					}
				}
			}
		}
		st.apply(act, lab)
	}
	return right, total
}

// reversed returns a copy of s in reverse order with heads renumbered
// (IDs too); heads out of range are kept as they are, for prepare to reject.
func reversed(s []event.Token) []event.Token {
	n := len(s)
	out := make([]event.Token, n)
	for i, t := range s {
		if t.Head > 0 && t.Head <= n {
			t.Head = n + 1 - t.Head
		}
		t.ID = n - i
		out[n-1-i] = t
	}
	return out
}
