package parse

import "math"

// Maximum spanning arborescence (Chu and Liu 1965; Edmonds 1967) over a
// dense graph: node 0 is the root, s[h*N+d] the score of the arc h → d,
// −Inf for no arc. Every node but the root must have a finite incoming
// arc from some node other than the root, or the root itself.

type mstScratch struct {
	best []int
	tmp  []float64
}

// oneRoot returns the best tree (heads[0] = −1) in which exactly one node
// hangs from the root: the unconstrained best when it has one root child,
// else the best over the trees that keep one of the root's possible
// children. heads is reused when large enough.
func (m *mstScratch) oneRoot(s []float64, N int, heads []int) []int {
	h := cle(s, N)
	if rootChildren(h) <= 1 {
		return append(heads[:0], h...)
	}
	m.tmp = append(m.tmp[:0], s...)
	bestScore := math.Inf(-1)
	m.best = m.best[:0]
	for r := 1; r < N; r++ {
		if math.IsInf(s[r], -1) {
			continue
		}
		for d := 1; d < N; d++ {
			if d != r {
				m.tmp[d] = math.Inf(-1)
			} else {
				m.tmp[d] = s[d]
			}
		}
		t := cle(m.tmp, N)
		if sc := treeScore(s, N, t); len(m.best) == 0 || sc > bestScore {
			bestScore = sc
			m.best = append(m.best[:0], t...)
		}
	}
	if len(m.best) == 0 { // no possible root child: cannot happen with cle's input contract
		return append(heads[:0], h...)
	}
	return append(heads[:0], m.best...)
}

func rootChildren(h []int) int {
	k := 0
	for d := 1; d < len(h); d++ {
		if h[d] == 0 {
			k++
		}
	}
	return k
}

func treeScore(s []float64, N int, h []int) float64 {
	t := 0.0
	for d := 1; d < N; d++ {
		t += s[h[d]*N+d]
	}
	return t
}

// cle returns the heads of the maximum spanning arborescence rooted at 0;
// ties go to the lower-numbered head.
func cle(s []float64, N int) []int {
	heads := make([]int, N)
	heads[0] = -1
	for d := 1; d < N; d++ {
		b := -1
		for h := 0; h < N; h++ {
			if h != d && (b < 0 || s[h*N+d] > s[b*N+d]) {
				b = h
			}
		}
		heads[d] = b
	}
	cyc := findCycle(heads)
	if cyc == nil {
		return heads
	}
	inC := make([]bool, N)
	for _, v := range cyc {
		inC[v] = true
	}
	// contract the cycle into one node c, the last of the new graph
	id := make([]int, N)
	var orig []int
	for v := 0; v < N; v++ {
		if !inC[v] {
			id[v] = len(orig)
			orig = append(orig, v)
		}
	}
	M := len(orig) + 1
	c := M - 1
	for _, v := range cyc {
		id[v] = c
	}
	t := make([]float64, M*M)
	for i := range t {
		t[i] = math.Inf(-1)
	}
	enter := make([]int, M) // for u → c: the cycle node u enters
	leave := make([]int, M) // for c → w: the cycle node w leaves from
	for _, u := range orig {
		for _, d := range orig {
			if d != u && d != 0 {
				t[id[u]*M+id[d]] = s[u*N+d]
			}
		}
		b, bv := math.Inf(-1), -1
		for _, v := range cyc {
			if x := s[u*N+v] - s[heads[v]*N+v]; bv < 0 || x > b {
				b, bv = x, v
			}
		}
		t[id[u]*M+c] = b
		enter[id[u]] = bv
	}
	for _, w := range orig {
		if w == 0 {
			continue
		}
		b, bv := math.Inf(-1), -1
		for _, v := range cyc {
			if x := s[v*N+w]; bv < 0 || x > b {
				b, bv = x, v
			}
		}
		t[c*M+id[w]] = b
		leave[id[w]] = bv
	}
	sub := cle(t, M)
	res := make([]int, N)
	res[0] = -1
	for _, w := range orig[1:] {
		if h := sub[id[w]]; h == c {
			res[w] = leave[id[w]]
		} else {
			res[w] = orig[h]
		}
	}
	for _, v := range cyc {
		res[v] = heads[v]
	}
	u := sub[c]
	res[enter[u]] = orig[u]
	return res
}

// findCycle returns the nodes of a cycle of heads (heads[0] = −1), or nil.
func findCycle(heads []int) []int {
	N := len(heads)
	mark := make([]int, N) // 0 unseen, k+1 seen on walk k
	for start := 1; start < N; start++ {
		if mark[start] != 0 {
			continue
		}
		v := start
		for v > 0 && mark[v] == 0 {
			mark[v] = start
			v = heads[v]
		}
		if v > 0 && mark[v] == start {
			cyc := []int{v}
			for u := heads[v]; u != v; u = heads[u] {
				cyc = append(cyc, u)
			}
			return cyc
		}
	}
	return nil
}
