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
	"github.com/dyad-events/dyad/internal/lexicon"
)

// TrainOptions control training. The zero value means the defaults.
type TrainOptions struct {
	Epochs     int     // most epochs per pass; the best epoch on dev is kept (default 10)
	Seed       uint64  // seed of the sentence shuffling (default 1)
	Folds      int     // jackknife folds for the first pass's training tags (default 5)
	Prune      float64 // drop averaged weights whose magnitude is below this (default 0.75)
	NoBackward bool    // skip the right-to-left first pass
	// BothFinal adds a right-to-left final pass whose scores are summed
	// with the forward one's. On EWT dev it gained 0.04 UPOS for a third
	// more tagging time, so it is off by default.
	BothFinal bool
	// WordDropout α > 0 withholds a training word seen n times with
	// probability α/(α+n) in each epoch, so that the model learns to tag
	// unseen words from affixes, shape and context. On EWT dev α = 0.5
	// changed UPOS by +0.01 and lemma by -0.06, so the default is 0 (off).
	WordDropout float64
	MinAmbCount int // words seen at least this often are known words with an ambiguity class (default 3)
	Log         io.Writer
}

func (o *TrainOptions) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = 10
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
		o.Prune = 0.75
	}
	if o.MinAmbCount <= 0 {
		o.MinAmbCount = 3
	}
}

// maxJackknifeEpochs caps the epochs of the jackknife models: their tags
// only need realistic errors, and dev accuracy is flat after 6 epochs.
const maxJackknifeEpochs = 6

type tsent struct {
	forms []string
	gold  []int
	info  []tokInfo
	s1    []uint64 // nStatic1 per token
	first []int    // first-pass tags (jackknifed on train)
	back  []int    // backward first-pass tags (jackknifed on train)
	// word dropout (training data only): dropP[i] is the probability that
	// token i's word is withheld in an epoch; s1d, s2d are its static
	// features then, dinfo its facts.
	dropP    []float32
	s1d, s2d []uint64
	s2       []uint64 // nStatic2 per token
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
	lex, err := lexicon.Load()
	if err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	m.lex = lex
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
	m.lem.lex = lex
	var golds []int
	for _, s := range train {
		for _, t := range s.Tokens {
			golds = append(golds, classOf(&tokenLike{t.XPOS, t.UPOS}))
		}
	}
	kinds := make([]uint8, nClass)
	for c := range kinds {
		kinds[c] = classKind(m.xpos[c], m.upos[c])
	}
	m.fts = trainFeaturizer(forms, golds, featss, nClass, kinds)

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
			buf = analyze(ts.info, ts.forms, buf, m.ambOf, m.lex, false)
			for i := range ts.forms {
				ts.s1 = static1(ts.s1, ts.info, i)
			}
			out = append(out, ts)
		}
		return out
	}
	// the same sentences right to left, for the backward first pass
	reverse := func(src []*tsent) []*tsent {
		out := make([]*tsent, len(src))
		var buf []byte
		for k, s := range src {
			n := len(s.forms)
			r := &tsent{forms: make([]string, n), gold: make([]int, n), info: make([]tokInfo, n)}
			for i := range s.forms {
				r.forms[n-1-i], r.gold[n-1-i] = s.forms[i], s.gold[i]
			}
			buf = analyze(r.info, r.forms, buf, m.ambOf, m.lex, true)
			for i := range r.forms {
				r.s1 = static1(r.s1, r.info, i)
			}
			if s.dropP != nil {
				r.dropP = make([]float32, n)
				for i := range s.dropP {
					r.dropP[n-1-i] = s.dropP[i]
				}
				r.dropStatic1()
			}
			out[k] = r
		}
		return out
	}
	tr, dv := prep(train), prep(dev)
	if opt.WordDropout > 0 {
		counts := map[string]int{}
		var buf []byte
		for _, f := range forms {
			buf = normalize(buf[:0], f)
			counts[string(buf)]++
		}
		for _, s := range tr {
			s.dropP = make([]float32, len(s.forms))
			for i, f := range s.forms {
				buf = normalize(buf[:0], f)
				s.dropP[i] = float32(opt.WordDropout / (opt.WordDropout + float64(counts[string(buf)])))
			}
			s.dropStatic1()
		}
	}
	logf("train: %d sentences, %d tokens, %d classes, %d ambiguity words", len(tr), len(forms), nClass, len(m.ambK))

	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	var rtrain, rdev []*tsent // reversed sentences when there is a backward pass
	// first passes on all training data, epochs chosen on dev, and their
	// jackknifed tags for the training data
	p1, best1, acc1, err := trainPass(tr, dv, 1, nClass, opt.Epochs, rng, opt.Prune, logf)
	if err != nil {
		return nil, err
	}
	m.p1 = p1
	logf("pass 1: best epoch %d, dev accuracy %.2f%% (%s)", best1, 100*acc1, time.Since(start).Round(time.Second))
	jackknife(tr, nClass, min(best1, maxJackknifeEpochs), opt.Folds, rng, logf)
	for _, s := range dv {
		s.first = decodeWeights(m.p1, nil, s.info, s.s1, nil, nil, 1, s.first[:0])
	}
	if !opt.NoBackward {
		rtr, rdv := reverse(tr), reverse(dv)
		pb, bestB, accB, err := trainPass(rtr, rdv, 1, nClass, opt.Epochs, rng, opt.Prune, logf)
		if err != nil {
			return nil, err
		}
		m.pb = pb
		logf("backward pass: best epoch %d, dev accuracy %.2f%% (%s)", bestB, 100*accB, time.Since(start).Round(time.Second))
		jackknife(rtr, nClass, min(bestB, maxJackknifeEpochs), opt.Folds, rng, logf)
		for _, s := range rdv {
			s.first = decodeWeights(m.pb, nil, s.info, s.s1, nil, nil, 1, s.first[:0])
		}
		for _, pair := range [][2][]*tsent{{tr, rtr}, {dv, rdv}} {
			for k, s := range pair[0] {
				r := pair[1][k]
				n := len(r.first)
				s.back = make([]int, n)
				r.back = make([]int, n)
				for i := range r.first {
					s.back[n-1-i] = r.first[i]
				}
				for i := range s.first {
					r.back[n-1-i] = s.first[i]
				}
			}
		}
		rtrain, rdev = rtr, rdv
	}
	for _, set := range [][]*tsent{tr, dv} {
		for _, s := range set {
			s.s2 = s.s2[:0]
			for i := range s.forms {
				s.s2 = static2(s.s2, s.info, s.first, s.back, i)
			}
			if s.dropP != nil {
				s.dropStatic2()
			}
		}
	}
	p2, best2, acc2, err := trainPass(tr, dv, 2, nClass, opt.Epochs, rng, opt.Prune, logf)
	if err != nil {
		return nil, err
	}
	m.p2 = p2
	logf("pass 2: best epoch %d, dev accuracy %.2f%% (%s)", best2, 100*acc2, time.Since(start).Round(time.Second))
	if rtrain != nil && opt.BothFinal {
		// the final pass again right to left; its scores are added to the
		// forward final pass's
		for _, set := range [][]*tsent{rtrain, rdev} {
			for _, s := range set {
				s.s2 = s.s2[:0]
				for i := range s.forms {
					s.s2 = static2(s.s2, s.info, s.first, s.back, i)
				}
			}
		}
		p2b, best2b, acc2b, err := trainPass(rtrain, rdev, 2, nClass, opt.Epochs, rng, opt.Prune, logf)
		if err != nil {
			return nil, err
		}
		m.p2b = p2b
		correct, total := 0, 0
		var fk, bk []int32
		var ft, bt, ct []int
		for k, s := range dv {
			n := len(s.forms)
			fk = append(fk[:0], make([]int32, n*nClass)...)
			bk = append(bk[:0], make([]int32, n*nClass)...)
			ft = decodeKeep(m.p2, nil, fk, s.info, s.s1, s.s2, s.first, 2, ft[:0])
			r := rdev[k]
			bt = decodeKeep(m.p2b, nil, bk, r.info, r.s1, r.s2, r.first, 2, bt[:0])
			ct = combineFinal(fk, bk, n, nClass, ct)
			for i, g := range s.gold {
				if ct[i] == g {
					correct++
				}
				total++
			}
		}
		logf("backward final pass: best epoch %d, dev accuracy %.2f%%; both final passes %.2f%% (%s)",
			best2b, 100*acc2b, 100*float64(correct)/float64(max(total, 1)), time.Since(start).Round(time.Second))
	}
	if err := trainFeatsContext(m.fts, tr, dv, train, dev, opt.Epochs, rng, opt.Prune, logf); err != nil {
		return nil, err
	}
	nw := len(m.p1.ent) + len(m.p2.ent)
	if m.fts.w != nil {
		nw += len(m.fts.w.ent)
	}
	if m.pb != nil {
		nw += len(m.pb.ent)
	}
	if m.p2b != nil {
		nw += len(m.p2b.ent)
	}
	m.info = fmt.Sprintf("trained on %d sentences (%d tokens); pass 1: %d epochs, pass 2: %d epochs, dev class accuracy %.2f%%; backward pass: %v; %d weights; seed %d, prune %g",
		len(tr), len(forms), best1, best2, 100*acc2, m.pb != nil, nw, opt.Seed, opt.Prune)
	return m, nil
}

// dropStatic1 computes s1d: every token's first-pass static features with
// its own word withheld.
func (s *tsent) dropStatic1() {
	s.s1d = s.s1d[:0]
	for i := range s.forms {
		save := s.info[i]
		dropWord(&s.info[i])
		s.s1d = static1(s.s1d, s.info, i)
		s.info[i] = save
	}
}

// dropStatic2 computes s2d, the final pass's extras with the word withheld.
func (s *tsent) dropStatic2() {
	s.s2d = s.s2d[:0]
	for i := range s.forms {
		save := s.info[i]
		dropWord(&s.info[i])
		s.s2d = static2(s.s2d, s.info, s.first, s.back, i)
		s.info[i] = save
	}
}

// jackknife sets s.first of every training sentence to the tags of a
// first-pass model trained for epochs epochs on the other folds. Folds are
// contiguous blocks of sentences, so that a held-out fold's documents are
// unseen (as they are at test time) and the tags have realistic errors.
func jackknife(tr []*tsent, nClass, epochs, folds int, rng *rand.Rand, logf func(string, ...any)) {
	for k := 0; k < folds; k++ {
		var in, out []*tsent
		for i, s := range tr {
			if i*folds/len(tr) == k {
				out = append(out, s)
			} else {
				in = append(in, s)
			}
		}
		pk := newPerceptron(nClass)
		for e := 0; e < epochs; e++ {
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
		logf("fold %d/%d: held-out accuracy %.2f%%", k+1, folds, 100*float64(correct)/float64(max(total, 1)))
	}
}

type tokenLike struct{ xpos, upos string }

func buildAmb(m *Model, train []conllu.Sentence, minCount int) {
	// keys: "l" + normalized word, "c" + case-preserving form
	counts := map[string]map[string]int{}
	var buf []byte
	add := func(w, x string) {
		if counts[w] == nil {
			counts[w] = map[string]int{}
		}
		counts[w][x]++
	}
	for _, s := range train {
		for _, t := range s.Tokens {
			buf = normalize(buf[:0], t.Form)
			add("l"+string(buf), t.XPOS)
			add("c"+t.Form, t.XPOS)
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
		if w[0] == 'l' {
			m.ambK = append(m.ambK, wordKey([]byte(w[1:])))
		} else {
			m.ambK = append(m.ambK, caseFormKey(w[1:]))
		}
		m.ambV = append(m.ambV, i)
	}
	m.amb = newTable(len(m.ambK))
	for i, k := range m.ambK {
		m.amb.put(k, m.ambV[i])
	}
}

// trainPass trains one pass for up to epochs epochs and returns the
// compacted weights of the epoch with the best dev accuracy.
func trainPass(tr, dv []*tsent, pass, nClass, epochs int, rng *rand.Rand, prune float64, logf func(string, ...any)) (*weights, int, float64, error) {
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
			var err error
			if best, err = p.compact(prune); err != nil {
				return nil, 0, 0, fmt.Errorf("pass %d: %w", pass, err)
			}
		}
	}
	if best == nil {
		var err error
		if best, err = p.compact(prune); err != nil {
			return nil, 0, 0, fmt.Errorf("pass %d: %w", pass, err)
		}
	}
	return best, bestEpoch, bestAcc, nil
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
			if s.dropP != nil && rng.Float32() < s.dropP[i] {
				save := s.info[i]
				dropWord(&s.info[i])
				fs = features(fs[:0], s.info, s.s1d, s.s2d, s.first, tags, pass, i)
				s.info[i] = save
			} else {
				fs = features(fs[:0], s.info, s.s1, s.s2, s.first, tags, pass, i)
			}
			clear(scores)
			p.score(fs, scores)
			pred := argmax(scores)
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

// prevTags returns the tags decided at the two positions before i (-1
// before the sentence).
func prevTags(tags []int, i int) (p1, p2 int) {
	p1, p2 = -1, -1
	if i > 0 {
		p1 = tags[i-1]
	}
	if i > 1 {
		p2 = tags[i-2]
	}
	return p1, p2
}

// features assembles the feature vector of token i: static features, the
// pass-2 extras and the dynamic features on previous decisions tags.
func features(fs []uint64, info []tokInfo, s1, s2 []uint64, first, tags []int, pass, i int) []uint64 {
	fs = append(fs, s1[i*nStatic1:(i+1)*nStatic1]...)
	p1, p2 := prevTags(tags, i)
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
		tags = append(tags, argmax(scores))
	}
	return tags
}

// decodeWeights tags greedily with compact weights; scores is scratch
// (may be nil).
func decodeWeights(w *weights, scores []int32, info []tokInfo, s1, s2 []uint64, first []int, pass int, tags []int) []int {
	return decodeKeep(w, scores, nil, info, s1, s2, first, pass, tags)
}

// decodeKeep is decodeWeights that also stores token i's scores in
// keep[i*nClass:] when keep is not nil.
func decodeKeep(w *weights, scores, keep []int32, info []tokInfo, s1, s2 []uint64, first []int, pass int, tags []int) []int {
	if cap(scores) < w.nClass {
		scores = make([]int32, w.nClass)
	}
	scores = scores[:w.nClass]
	var fsArr [nStatic1 + nStatic2 + nDyn]uint64
	for i := range info {
		fs := features(fsArr[:0], info, s1, s2, first, tags, pass, i)
		clear(scores)
		w.score(fs, scores)
		tags = append(tags, argmax(scores))
		if keep != nil {
			copy(keep[i*w.nClass:], scores)
		}
	}
	return tags
}

// combineFinal sums the final passes' scores, forward fwd (token-major)
// and backward bwd (of the reversed sentence), and returns the best class
// of every token.
func combineFinal(fwd, bwd []int32, n, nClass int, tags []int) []int {
	tags = tags[:0]
	for i := 0; i < n; i++ {
		f := fwd[i*nClass : (i+1)*nClass]
		b := bwd[(n-1-i)*nClass : (n-i)*nClass]
		best, bestS := 0, f[0]+b[0]
		for c := 1; c < nClass; c++ {
			if v := f[c] + b[c]; v > bestS {
				best, bestS = c, v
			}
		}
		tags = append(tags, best)
	}
	return tags
}

// trainFeatsContext trains the featurizer's context model on gold tag
// classes, keeping the best epoch on dev.
func trainFeatsContext(z *featurizer, tr, dv []*tsent, train, dev []conllu.Sentence, epochs int, rng *rand.Rand, prune float64, logf func(string, ...any)) error {
	if len(z.strs) >= 1<<rowBits {
		logf("features: %d feature sets, too many for a context model; lexicon only", len(z.strs))
		return nil
	}
	id := map[string]uint32{}
	for i, s := range z.strs {
		id[s] = uint32(i)
	}
	type fsent struct {
		s    *tsent
		lex  []uint32
		gold []int
	}
	prep := func(ts []*tsent, src []conllu.Sentence) []fsent {
		out := make([]fsent, len(ts))
		var buf []byte
		for k, s := range ts {
			f := fsent{s: s}
			for i, t := range src[k].Tokens {
				buf = appendLower(buf[:0], t.Form)
				c := s.gold[i]
				if c < 0 {
					c = 0
				}
				f.lex = append(f.lex, z.lexicon(string(buf), c))
				g, ok := id[t.Feats]
				if !ok {
					g = 1 << 30
				}
				f.gold = append(f.gold, int(g))
			}
			out = append(out, f)
			out[k] = f
		}
		return out[:len(ts)]
	}
	ftr, fdv := prep(tr, train), prep(dv, dev)
	nz := len(z.strs)
	p := newPerceptron(nz)
	fscores := make([]float32, nz)
	var fs []uint64
	var best *weights
	bestAcc := -1.0
	cls := func(s *tsent) []int {
		c := make([]int, len(s.gold))
		for i, g := range s.gold {
			c[i] = max(g, 0)
		}
		return c
	}
	choose := func(c int, scores []float32) int {
		cands := z.cands[z.cstart[c]:z.cstart[c+1]]
		b := cands[0]
		for _, k := range cands[1:] {
			if scores[k] > scores[b] {
				b = k
			}
		}
		return int(b)
	}
	for e := 1; e <= max(epochs/2, 3); e++ {
		for _, k := range rng.Perm(len(ftr)) {
			f := ftr[k]
			cl := cls(f.s)
			for i := range cl {
				if z.cstart[cl[i]+1]-z.cstart[cl[i]] <= 1 || f.gold[i] >= nz {
					continue
				}
				fs = z.ctxFeats(fs[:0], f.s.info, cl, f.lex, i)
				clear(fscores)
				p.score(fs, fscores)
				pred := choose(cl[i], fscores)
				p.tick()
				p.update(fs, f.gold[i], pred)
			}
		}
		if len(fdv) == 0 {
			continue
		}
		correct, total := 0, 0
		for _, f := range fdv {
			cl := cls(f.s)
			for i := range cl {
				pred := int(f.lex[i])
				if z.cstart[cl[i]+1]-z.cstart[cl[i]] > 1 {
					fs = z.ctxFeats(fs[:0], f.s.info, cl, f.lex, i)
					clear(fscores)
					p.scoreAvg(fs, fscores)
					pred = choose(cl[i], fscores)
				}
				if pred == f.gold[i] {
					correct++
				}
				total++
			}
		}
		acc := float64(correct) / float64(max(total, 1))
		logf("features epoch %d: dev %.2f%% (gold tags)", e, 100*acc)
		if acc > bestAcc {
			bestAcc = acc
			var err error
			if best, err = p.compact(prune); err != nil {
				return fmt.Errorf("features: %w", err)
			}
		}
	}
	if best == nil {
		var err error
		if best, err = p.compact(prune); err != nil {
			return fmt.Errorf("features: %w", err)
		}
	}
	z.w = best
	return nil
}
