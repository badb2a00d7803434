package parse

import (
	"math"
	"math/rand"
	"testing"

	"github.com/dyad-events/dyad/event"
)

// bestTreeBrute enumerates every head assignment of N-1 words and returns
// the best score of a tree with exactly one root child (−Inf if none).
func bestTreeBrute(s []float64, N int) float64 {
	h := make([]int, N)
	best := math.Inf(-1)
	var rec func(d int)
	rec = func(d int) {
		if d == N {
			if rootChildren(h) != 1 || findCycleSafe(h) {
				return
			}
			if sc := treeScore(s, N, h); sc > best {
				best = sc
			}
			return
		}
		for x := 0; x < N; x++ {
			if x != d {
				h[d] = x
				rec(d + 1)
			}
		}
	}
	h[0] = -1
	rec(1)
	return best
}

func findCycleSafe(h []int) bool { return findCycle(h) != nil }

func TestOneRootMST(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	var m mstScratch
	for it := 0; it < 400; it++ {
		N := 2 + rng.Intn(5)
		s := make([]float64, N*N)
		for i := range s {
			s[i] = float64(rng.Intn(4)) // ties on purpose
		}
		for d := 1; d < N; d++ { // some root arcs missing, as Combine makes them
			if rng.Intn(3) == 0 {
				s[d] = math.Inf(-1)
			}
		}
		s[1+rng.Intn(N-1)] = 1 // at least one root arc
		h := m.oneRoot(s, N, nil)
		if findCycle(h) != nil || rootChildren(h) != 1 || h[0] != -1 {
			t.Fatalf("N=%d: not a one-root tree: %v", N, h)
		}
		if got, want := treeScore(s, N, h), bestTreeBrute(s, N); got != want {
			t.Fatalf("N=%d scores %v: tree %v scores %v, best is %v", N, s, h, got, want)
		}
	}
}

func tree(heads []int, rels ...string) []event.Token {
	out := make([]event.Token, len(heads))
	for i, h := range heads {
		out[i] = event.Token{ID: i + 1, Head: h, Deprel: rels[i]}
	}
	return out
}

func TestCombine(t *testing.T) {
	// three parsers of "a b c": two say b is the root with a and c under it
	// (disagreeing on c's relation), one says a is the root
	outs := [][]event.Token{
		tree([]int{2, 0, 2}, "nsubj", "root", "obj"),
		tree([]int{2, 0, 2}, "nsubj", "root", "iobj"),
		tree([]int{0, 1, 2}, "root", "dep", "obj"),
	}
	dst := tree([]int{0, 0, 0}, "", "", "")
	if err := Combine(outs, nil, dst); err != nil {
		t.Fatal(err)
	}
	want := []struct {
		head int
		rel  string
	}{{2, "nsubj"}, {0, "root"}, {2, "obj"}} // obj: 2 votes on the chosen arc
	for i, w := range want {
		if dst[i].Head != w.head || dst[i].Deprel != w.rel {
			t.Errorf("word %d: %d %s, want %d %s", i+1, dst[i].Head, dst[i].Deprel, w.head, w.rel)
		}
	}
	// weights can overrule the majority
	if err := Combine(outs, []float64{1, 1, 3}, dst); err != nil {
		t.Fatal(err)
	}
	if dst[0].Head != 0 || dst[1].Head != 1 || dst[1].Deprel != "dep" {
		t.Errorf("weighted: got %+v", dst)
	}
	// two parsers each with a different root: the vote keeps one root
	outs = [][]event.Token{
		tree([]int{0, 1}, "root", "obj"),
		tree([]int{2, 0}, "nsubj", "root"),
	}
	dst = tree([]int{0, 0}, "", "")
	if err := Combine(outs, nil, dst); err != nil {
		t.Fatal(err)
	}
	checkTree(t, dst)
	if err := Combine(outs, []float64{1}, dst); err == nil {
		t.Error("Combine took 1 weight for 2 trees")
	}
	if err := Combine(outs, nil, dst[:1]); err == nil {
		t.Error("Combine took trees of another length")
	}
}

func TestReversedModel(t *testing.T) {
	p := loadSingleOrSkip(t)
	r := p.clone()
	r.rtl = true // an LTR model run backwards still gives trees, mapped back
	for _, spec := range []string{
		"The/DET/DT minister/NOUN/NN met/VERB/VBD NATO/PROPN/NNP 's/PART/POS chief/NOUN/NN ./PUNCT/.",
		"Rain/NOUN/NN",
	} {
		s := event.Sentence{Tokens: tokens(spec)}
		r.Parse(&s)
		checkTree(t, s.Tokens)
	}
	rev := reversed(tree([]int{2, 0, 2}, "nsubj", "root", "obj"))
	if rev[0].Head != 2 || rev[1].Head != 0 || rev[2].Head != 2 || rev[0].Deprel != "obj" || rev[2].ID != 3 {
		t.Errorf("reversed: %+v", rev)
	}
}

func TestEnsembleParser(t *testing.T) {
	a := loadSingleOrSkip(t)
	b := a.clone()
	b.rtl = true
	g := a.WithBeam(1)
	e, err := NewEnsemble([]*Parser{a, b, g}, []float64{1.2, 1, 0.8})
	if err != nil {
		t.Fatal(err)
	}
	if e.Beam() != a.Beam() || len(e.Labels()) != len(a.Labels()) || len(e.Members()) != 3 {
		t.Errorf("ensemble: beam %d labels %d members %d", e.Beam(), len(e.Labels()), len(e.Members()))
	}
	for _, q := range []*Parser{e, e.WithBeam(2)} {
		for _, spec := range []string{
			"The/DET/DT council/NOUN/NN will/AUX/MD vote/VERB/VB on/ADP/IN Monday/PROPN/NNP ./PUNCT/.",
			"Talks/NOUN/NNS ,/PUNCT/, then/ADV/RB war/NOUN/NN ./PUNCT/. ./PUNCT/.",
			"Rain/NOUN/NN",
		} {
			s := event.Sentence{Tokens: tokens(spec)}
			q.Parse(&s)
			checkTree(t, s.Tokens)
		}
	}
	if _, err := NewEnsemble([]*Parser{a, e}, nil); err == nil {
		t.Error("an ensemble accepted an ensemble as member")
	}
	if _, err := NewEnsemble([]*Parser{a, b}, []float64{1, 0}); err == nil {
		t.Error("an ensemble accepted a zero weight")
	}
	if _, err := NewEnsemble(nil, nil); err == nil {
		t.Error("an ensemble without members")
	}
}

func TestKBest(t *testing.T) {
	p := loadSingleOrSkip(t)
	r := p.clone()
	r.rtl = true
	toks := tokens("The/DET/DT council/NOUN/NN will/AUX/MD vote/VERB/VB on/ADP/IN Monday/PROPN/NNP ./PUNCT/.")
	for _, m := range []*Parser{p, r, p.WithBeam(1)} {
		outs, scores := m.kbest(toks, nil, nil)
		if len(outs) == 0 || len(outs) > max(m.beam, 1) || len(scores) != len(outs) {
			t.Fatalf("%d trees, %d scores (beam %d)", len(outs), len(scores), m.beam)
		}
		s := event.Sentence{Tokens: append([]event.Token(nil), toks...)}
		m.Parse(&s)
		for i := range outs {
			checkTree(t, outs[i])
			if i > 0 && scores[i] > scores[i-1] {
				t.Errorf("tree %d scores %v above tree %d (%v)", i, scores[i], i-1, scores[i-1])
			}
		}
		for k := range s.Tokens {
			if outs[0][k] != s.Tokens[k] {
				t.Fatalf("best of the beam differs from Parse at word %d", k+1)
			}
		}
	}
	e, err := NewEnsemble([]*Parser{p, r}, []float64{1.2, 1})
	if err != nil {
		t.Fatal(err)
	}
	s := event.Sentence{Tokens: append([]event.Token(nil), toks...)}
	e.WithVoteTemperature(2).Parse(&s)
	checkTree(t, s.Tokens)
}
