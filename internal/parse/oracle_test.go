package parse

import (
	"testing"

	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/shared"
)

// followOracle runs the zero-cost actions from the start and returns the
// heads it builds (n for the root).
func followOracle(t *testing.T, gold []int32) []int32 {
	t.Helper()
	var st state
	n := len(gold)
	st.reset(n)
	for steps := 0; !st.terminal(); steps++ {
		if steps > 2*n+1 {
			t.Fatalf("no end after %d steps", steps)
		}
		legal := st.legal()
		c := st.costs(gold)
		act := -1
		for a := 0; a < numActs; a++ {
			if legal[a] && c[a] == 0 {
				act = a
				break
			}
		}
		if act < 0 {
			t.Fatalf("no zero-cost action: legal %v costs %v stack %v b %d", legal, c, st.stack, st.b)
		}
		st.apply(act, 0)
	}
	return st.heads[:n]
}

func TestOracleTable(t *testing.T) {
	// heads are 0-based; len(heads) is the root
	cases := []struct {
		name  string
		heads []int32
	}{
		{"one word", []int32{1}},
		{"subject verb object", []int32{1, 3, 1}},
		{"chain to the right", []int32{4, 0, 1, 2}},
		{"chain to the left", []int32{1, 2, 3, 4}},
		{"root in the middle with both sides", []int32{2, 2, 5, 4, 2}},
		{"nested", []int32{3, 2, 0, 6, 3, 3}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := followOracle(t, c.heads)
			for i := range c.heads {
				if got[i] != c.heads[i] {
					t.Fatalf("heads %v, want %v", got, c.heads)
				}
			}
		})
	}
}

func TestProjectivize(t *testing.T) {
	// 0→2 crosses 1→3 (root is 4): word 1's arc to 3 spans 2, whose head 0
	// is outside; lifting makes the tree projective.
	g := []int32{4, 3, 0, 0}
	if !projectivize(g) {
		t.Fatal("expected a change")
	}
	for d := range g {
		h := g[d]
		lo, hi := min(h, int32(d)), max(h, int32(d))
		for k := lo + 1; k < hi; k++ {
			if !dominates(g, h, k) {
				t.Fatalf("still non-projective: %v", g)
			}
		}
	}
	p := []int32{1, 3, 1}
	if projectivize(p) {
		t.Fatal("projective tree changed")
	}
}

// TestOracleEWT checks that the oracle rebuilds every projectivized
// training tree exactly.
func TestOracleEWT(t *testing.T) {
	path := shared.TestPath(t, "data", "ud", "english-ewt", "en_ewt-ud-dev.conllu.gz")
	sents, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lid := map[string]int16{}
	for _, s := range sents {
		for _, tk := range s.Tokens {
			if _, ok := lid[tk.Deprel]; !ok {
				lid[tk.Deprel] = int16(len(lid))
			}
		}
	}
	for _, s := range sents {
		ts, _, ok := prepare(s.Tokens, lid)
		if !ok {
			continue
		}
		got := followOracle(t, ts.gold)
		for i := range ts.gold {
			if got[i] != ts.gold[i] {
				t.Fatalf("%v: heads %v, want %v", s.Comments, got, ts.gold)
			}
		}
	}
}
