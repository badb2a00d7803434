package tag

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/conllu"
)

// TrainOptions control training. The zero value means the defaults.
type TrainOptions struct {
	Epochs      int     // most epochs per pass; the best epoch on dev is kept (default 12)
	Seed        uint64  // seed of the sentence shuffling (default 1)
	Folds       int     // jackknife folds for the first pass's training tags (default 5)
	Prune       float64 // drop averaged weights whose magnitude is below this (default 0.05)
	MinAmbCount int     // words seen at least this often get an ambiguity class (default 3)
	Log         io.Writer
}

func (o *TrainOptions) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = 12
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Folds <= 1 {
		o.Folds = 5
	}
	if o.Prune < 0 {
		o.Prune = 0
	} else if o.Prune == 0 {
		o.Prune = 0.05
	}
	if o.MinAmbCount <= 0 {
		o.MinAmbCount = 3
	}
}

type tsent struct {
	forms []string
	gold  []int
	info  []tokInfo
	s1    []uint64 // nStatic1 per token
	first []int    // first-pass tags (jackknifed on train)
	s2    []uint64 // nStatic2 per token
}

// Train trains a tagger on train, choosing each pass's epoch count on dev
// (dev may be empty: then all epochs are used). Training is deterministic
// for given data and options.
func Train(train, dev []conllu.Sentence, opt TrainOptions) (*Model, error) {
	opt.defaults()
	logf := func(format string, a ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format+"\n", a...)
		}
	}
	start := time.Now()
	if len(train) == 0 {
		return nil, errors.New("train: no training sentences")
	}
	m := &Model{}
	// classes: joint (XPOS, UPOS), sorted
	classID := map[string]int{}
	var keys []string
	var forms, xposs, lemmas, featss []string
	for _, s := range train {
		for _, t := range s.Tokens {
			k := t.XPOS + "\t" + t.UPOS
			if _, ok := classID[k]; !ok {
				classID[k] = -1
				keys = append(keys, k)
			}
			forms = append(forms, t.Form)
			xposs = append(xposs, t.XPOS)
			lemmas = append(lemmas, t.Lemma)
			featss = append(featss, t.Feats)
		}
	}
	sort.Strings(keys)
	if len(keys) > 256 {
		return nil, fmt.Errorf("train: %d tag classes (at most 256)", len(keys))
	}
	for i, k := range keys {
		classID[k] = i
		x, u, _ := strings.Cut(k, "\t")
		m.xpos = append(m.xpos, x)
		m.upos = append(m.upos, u)
	}
	nClass := len(keys)
	classOf := func(t *tokenLike) int {
		if c, ok := classID[t.xpos+"\t"+t.upos]; ok {
			return c
		}
		return -1
	}
	// ambiguity classes
	buildAmb(m, train, opt.MinAmbCount)
	// lemmatizer and features
	m.lem = trainLemmatizer(forms, xposs, lemmas)
	var golds []int
	for _, s := range train {
		for _, t := range s.Tokens {
			golds = append(golds, classOf(&tokenLike{t.XPOS, t.UPOS}))
		}
	}
	m.fts = trainFeaturizer(forms, golds, featss, nClass)

	prep := func(src []conllu.Sentence) []*tsent {
		out := make([]*tsent, 0, len(src))
		var buf []byte
		for _, s := range src {
			ts := &tsent{}
			for _, t := range s.Tokens {
				ts.forms = append(ts.forms, t.Form)
				ts.gold = append(ts.gold, classOf(&tokenLike{t.XPOS, t.UPOS}))
			}
			ts.info = make([]tokInfo, len(ts.forms))
			buf = analyze(ts.info, ts.forms, buf, m.ambOf)
			for i := range ts.forms {
				ts.s1 = static1(ts.s1, ts.info, i)
			}
			out = append(out, ts)
		}
		return out
	}
	tr, dv := prep(train), prep(dev)
	logf("train: %d sentences, %d tokens, %d classes, %d ambiguity words", len(tr), len(forms), nClass, len(m.ambK))

	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	// pass 1 on all training data, epochs chosen on dev
	p1, best1, acc1 := trainPass(tr, dv, 1, nClass, opt.Epochs, rng, opt.Prune, logf)
	m.p1 = p1
	logf("pass 1: best epoch %d, dev accuracy %.2f%% (%s)", best1, 100*acc1, time.Since(start).Round(time.Second))
	// jackknifed first-pass tags for the training data
	for k := 0; k < opt.Folds; k++ {
		var in, out []*tsent
		for i, s := range tr {
			if i%opt.Folds == k {
				out = append(out, s)
			} else {
				in = append(in, s)
			}
		}
		pk := newPerceptron(nClass)
		for e := 0; e < best1; e++ {
			epoch(pk, in, 1, rng)
		}
		correct, total := 0, 0
		for _, s := range out {
			s.first = decodeTrain(pk, s, 1, true, s.first[:0])
			for i, g := range s.gold {
				if s.first[i] == g {
					correct++
				}
				total++
			}
		}
		logf("fold %d/%d: held-out accuracy %.2f%%", k+1, opt.Folds, 100*float64(correct)/float64(max(total, 1)))
	}
	for _, s := range dv {
		s.first = decodeWeights(m.p1, nil, s.info, s.s1, nil, nil, 1, s.first[:0])
	}
	for _, set := range [][]*tsent{tr, dv} {
		for _, s := range set {
			s.s2 = s.s2[:0]
			for i := range s.forms {
				s.s2 = static2(s.s2, s.info, s.first, i)
			}
		}
	}
	p2, best2, acc2 := trainPass(tr, dv, 2, nClass, opt.Epochs, rng, opt.Prune, logf)
	m.p2 = p2
	logf("pass 2: best epoch %d, dev accuracy %.2f%% (%s)", best2, 100*acc2, time.Since(start).Round(time.Second))
	m.info = fmt.Sprintf("trained on %d sentences (%d tokens); pass 1: %d epochs, pass 2: %d epochs, dev class accuracy %.2f%%; %d + %d weights; seed %d, prune %g",
		len(tr), len(forms), best1, best2, 100*acc2, len(m.p1.ent), len(m.p2.ent), opt.Seed, opt.Prune)
	return m, nil
}

type tokenLike struct{ xpos, upos string }

func buildAmb(m *Model, train []conllu.Sentence, minCount int) {
	counts := map[string]map[string]int{}
	var buf []byte
	for _, s := range train {
		for _, t := range s.Tokens {
			buf = normalize(buf[:0], t.Form)
			w := string(buf)
			if counts[w] == nil {
				counts[w] = map[string]int{}
			}
			counts[w][t.XPOS]++
		}
	}
	words := make([]string, 0, len(counts))
	for w := range counts {
		words = append(words, w)
	}
	sort.Strings(words)
	classIdx := map[string]uint32{}
	for _, w := range words {
		total := 0
		for _, n := range counts[w] {
			total += n
		}
		if total < minCount {
			continue
		}
		var tags []string
		for x, n := range counts[w] {
			if float64(n) >= 0.02*float64(total) {
				tags = append(tags, x)
			}
		}
		sort.Strings(tags)
		cls := strings.Join(tags, " ")
		i, ok := classIdx[cls]
		if !ok {
			i = uint32(len(m.ambH))
			m.ambH = append(m.ambH, hashString(tAmbKey, cls))
			classIdx[cls] = i
		}
		m.ambK = append(m.ambK, wordKey([]byte(w)))
		m.ambV = append(m.ambV, i)
	}
	m.amb = newTable(len(m.ambK))
	for i, k := range m.ambK {
		m.amb.put(k, m.ambV[i])
	}
}

// trainPass trains one pass for up to epochs epochs and returns the
// compacted weights of the epoch with the best dev accuracy.
func trainPass(tr, dv []*tsent, pass, nClass, epochs int, rng *rand.Rand, prune float64, logf func(string, ...any)) (*weights, int, float64) {
	p := newPerceptron(nClass)
	var best *weights
	bestEpoch, bestAcc := 0, -1.0
	var tags []int
	for e := 1; e <= epochs; e++ {
		t0 := time.Now()
		trainAcc := epoch(p, tr, pass, rng)
		if len(dv) == 0 {
			bestEpoch, bestAcc = e, trainAcc
			continue
		}
		correct, total := 0, 0
		for _, s := range dv {
			tags = decodeTrain(p, s, pass, true, tags[:0])
			for i, g := range s.gold {
				if tags[i] == g {
					correct++
				}
				total++
			}
		}
		acc := float64(correct) / float64(max(total, 1))
		logf("pass %d epoch %d: train %.2f%%, dev %.2f%% (%d features, %s)", pass, e, 100*trainAcc, 100*acc, len(p.rows), time.Since(t0).Round(time.Millisecond))
		if acc > bestAcc {
			bestAcc, bestEpoch = acc, e
			best = p.compact(prune)
		}
	}
	if best == nil {
		best = p.compact(prune)
	}
	return best, bestEpoch, bestAcc
}

// epoch runs one shuffled training epoch and returns the training accuracy.
func epoch(p *perceptron, sents []*tsent, pass int, rng *rand.Rand) float64 {
	order := rng.Perm(len(sents))
	scores := make([]float32, p.nClass)
	var fs []uint64
	correct, total := 0, 0
	var tags []int
	for _, si := range order {
		s := sents[si]
		tags = tags[:0]
		for i := range s.forms {
			fs = features(fs[:0], s.info, s.s1, s.s2, s.first, tags, pass, i)
			clear(scores)
			p.score(fs, scores)
			pred := argmaxF(scores)
			p.tick()
			g := s.gold[i]
			if g >= 0 {
				p.update(fs, g, pred)
				if pred == g {
					correct++
				}
			}
			total++
			tags = append(tags, pred)
		}
	}
	return float64(correct) / float64(max(total, 1))
}

// features assembles the feature vector of token i: static features, the
// pass-2 extras and the dynamic features on previous decisions tags.
func features(fs []uint64, info []tokInfo, s1, s2 []uint64, first, tags []int, pass, i int) []uint64 {
	fs = append(fs, s1[i*nStatic1:(i+1)*nStatic1]...)
	p1, p2 := -1, -1
	if i > 0 {
		p1 = tags[i-1]
	}
	if i > 1 {
		p2 = tags[i-2]
	}
	fp1 := -1
	if pass == 2 {
		fs = append(fs, s2[i*nStatic2:(i+1)*nStatic2]...)
		if i+1 < len(first) {
			fp1 = first[i+1]
		} else {
			fp1 = -3
		}
	}
	return dynamic(fs, info, i, p1, p2, fp1)
}

// decodeTrain tags a training sentence greedily with the perceptron's
// current (avg=false) or averaged weights.
func decodeTrain(p *perceptron, s *tsent, pass int, avg bool, tags []int) []int {
	scores := make([]float32, p.nClass)
	var fs []uint64
	for i := range s.forms {
		fs = features(fs[:0], s.info, s.s1, s.s2, s.first, tags, pass, i)
		clear(scores)
		if avg {
			p.scoreAvg(fs, scores)
		} else {
			p.score(fs, scores)
		}
		tags = append(tags, argmaxF(scores))
	}
	return tags
}

// decodeWeights tags greedily with compact weights; scores and fs are
// scratch buffers (may be nil).
func decodeWeights(w *weights, scores []int32, info []tokInfo, s1, s2 []uint64, first []int, pass int, tags []int) []int {
	if cap(scores) < w.nClass {
		scores = make([]int32, w.nClass)
	}
	scores = scores[:w.nClass]
	var fsArr [nStatic1 + nStatic2 + nDyn]uint64
	for i := range info {
		fs := features(fsArr[:0], info, s1, s2, first, tags, pass, i)
		clear(scores)
		w.score(fs, scores)
		tags = append(tags, argmaxI(scores))
	}
	return tags
}
