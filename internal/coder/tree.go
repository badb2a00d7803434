package coder

import (
	"strings"

	"github.com/dyad-events/dyad/event"
)

// tree gives index-based access to a parsed sentence: token i is
// s.Tokens[i]; heads and children are slice indexes (-1 for the root).
type tree struct {
	s        *event.Sentence
	head     []int
	children [][]int
	lower    []string // lower-case forms
	lemma    []string // lower-case lemmas (form when the lemma is missing)
	rels     []string // relations, with false passives undone (see activeFix)
	// The pattern words a token matches as the first word of an
	// alternative, its keys, are its form, its lemma and, for a lemma of
	// three letters or more, lemma+"s", lemma+"es" and (lemma ending in
	// y) lemma-y+"ies": see Dictionary.intern and sentCtx.keyIDs.
}

func newTree(s *event.Sentence) *tree {
	t := &tree{}
	t.build(s)
	return t
}

// build makes t the tree of s, reusing t's slices.
func (t *tree) build(s *event.Sentence) {
	n := len(s.Tokens)
	t.s = s
	t.head = resize(t.head, n)
	t.lower = resize(t.lower, n)
	t.lemma = resize(t.lemma, n)
	t.rels = resize(t.rels, n)
	if cap(t.children) < n {
		t.children = append(t.children[:cap(t.children)], make([][]int, n-cap(t.children))...)
	}
	t.children = t.children[:n]
	for i := range t.children {
		t.children[i] = t.children[i][:0]
	}
	for i := range s.Tokens {
		tok := &s.Tokens[i]
		t.rels[i] = tok.Deprel
		h := tok.Head - 1
		if h < -1 || h >= n || h == i {
			h = -1
		}
		t.head[i] = h
		if h >= 0 {
			t.children[h] = append(t.children[h], i)
		}
		t.lower[i] = strings.ToLower(tok.Form)
		l := tok.Lemma
		if l == "" || l == "_" {
			l = tok.Form
		}
		t.lemma[i] = strings.ToLower(l)
	}
	// Guard against cycles from a broken parse: cut any head chain that
	// does not reach the root within n steps.
	for i := 0; i < n; i++ {
		j, steps := i, 0
		for j >= 0 && steps <= n {
			j = t.head[j]
			steps++
		}
		if steps > n {
			h := t.head[i]
			t.head[i] = -1
			if h >= 0 {
				t.children[h] = remove(t.children[h], i)
			}
		}
	}
	t.activeFix()
	t.passiveFix()
	t.xcompFix()
}

// resize returns xs with length n, reallocated when too small (its old
// elements are overwritten by the caller).
func resize[T any](xs []T, n int) []T {
	if cap(xs) < n {
		return make([]T, n)
	}
	return xs[:n]
}

// xcompFix restores the infinitive complement of a verb of intent the
// parser read as an adverbial clause because a phrase came between
// ("vowed on Thursday to wage war on Y"): a to-infinitive without a
// subject of its own under such a verb without an xcomp is its xcomp.
func (t *tree) xcompFix() {
	for v, h := range t.head {
		if h < 0 || t.rels[v] != "advcl" || !subjectControl[t.lemma[h]] || !strings.HasPrefix(t.s.Tokens[h].XPOS, "VB") {
			continue
		}
		to, subj := false, false
		for _, c := range t.children[v] {
			switch t.rels[c] {
			case "mark":
				to = to || t.lower[c] == "to"
			case "nsubj", "nsubj:pass":
				subj = true
			}
		}
		if !to || subj || t.s.Tokens[v].XPOS != "VB" {
			continue
		}
		has := false
		for _, c := range t.children[h] {
			if t.rels[c] == "xcomp" {
				has = true
			}
		}
		if !has {
			t.rels[v] = "xcomp"
		}
	}
}

// passiveFix restores a passive the parser read as a copula: "X was
// opposed by Y" parsed with "was" as cop and X as nsubj. A past
// participle with a "be" copula and a by-agent is a passive verb.
func (t *tree) passiveFix() {
	for v := range t.rels {
		if t.s.Tokens[v].XPOS != "VBN" {
			continue
		}
		cop, agent, subj := -1, false, -1
		for _, c := range t.children[v] {
			switch t.rels[c] {
			case "cop":
				if t.lemma[c] == "be" {
					cop = c
				}
			case "obl:agent":
				agent = true
			case "nsubj":
				subj = c
			}
		}
		if cop < 0 || !agent {
			continue
		}
		t.rels[cop] = "aux:pass"
		if subj >= 0 {
			t.rels[subj] = "nsubj:pass"
		}
	}
}

// activeFix undoes a passive the parser gave a past-tense verb with no
// auxiliary: "X fired two shells at Y" parsed with X as nsubj:pass and
// "shells" as obl:agent. Without a "be" or "get" auxiliary (or a passive
// one) the verb is active: its passive subject is its subject and an
// agent without "by" its object. Participles modifying a noun ("the plan
// unveiled by X") are left alone.
func (t *tree) activeFix() {
	for v := range t.rels {
		if x := t.s.Tokens[v].XPOS; x != "VBD" && x != "VBN" {
			continue
		}
		switch t.rels[v] {
		case "acl", "amod":
			continue
		}
		subj, aux := -1, false
		for _, c := range t.children[v] {
			switch t.rels[c] {
			case "aux:pass":
				aux = true
			case "aux":
				if l := t.lemma[c]; l == "be" || l == "get" {
					aux = true
				}
			case "nsubj:pass":
				subj = c
			}
		}
		if subj < 0 || aux {
			continue
		}
		t.rels[subj] = "nsubj"
		for _, c := range t.children[v] {
			if t.rels[c] != "obl:agent" {
				continue
			}
			by := false
			for _, g := range t.children[c] {
				if t.rels[g] == "case" && t.lower[g] == "by" {
					by = true
				}
			}
			if !by {
				t.rels[c] = "obj"
			}
		}
	}
}

func remove(xs []int, x int) []int {
	out := xs[:0]
	for _, v := range xs {
		if v != x {
			out = append(out, v)
		}
	}
	return out
}

func (t *tree) rel(i int) string { return t.rels[i] }

// base is the relation without subtype ("obl" for "obl:tmod").
func (t *tree) base(i int) string {
	r := t.rels[i]
	if j := strings.IndexByte(r, ':'); j >= 0 {
		return r[:j]
	}
	return r
}

func (t *tree) upos(i int) string { return t.s.Tokens[i].UPOS }

// child returns the first child of i whose relation is one of rels.
func (t *tree) child(i int, rels ...string) int {
	for _, c := range t.children[i] {
		r := t.rel(c)
		for _, want := range rels {
			if r == want {
				return c
			}
		}
	}
	return -1
}

// subtree reports whether j is in the subtree rooted at i.
func (t *tree) dominates(i, j int) bool {
	for steps := 0; j >= 0 && steps <= len(t.head); steps++ {
		if j == i {
			return true
		}
		j = t.head[j]
	}
	return false
}

// walk visits the subtree of i (i first); skip prunes a child's subtree.
func (t *tree) walk(i int, skip func(c int) bool, visit func(j int)) {
	visit(i)
	for _, c := range t.children[i] {
		if skip != nil && skip(c) {
			continue
		}
		t.walk(c, skip, visit)
	}
}

// caseOf returns the preposition (case or mark child) of a nominal or
// clause, lower-cased lemma, "" when none.
func (t *tree) caseOf(i int) string {
	for _, c := range t.children[i] {
		if r := t.base(c); r == "case" || r == "mark" {
			w := t.lemma[c]
			if w == "'s" || w == "'" {
				continue
			}
			return w
		}
	}
	return ""
}

// matchWord reports whether token i matches a pattern word w: its form,
// its lemma, or the word's naive singular.
func (t *tree) matchWord(i int, w string) bool {
	if t.lower[i] == w || t.lemma[i] == w {
		return true
	}
	if len(w) > 3 {
		if strings.HasSuffix(w, "ies") && t.lemma[i] == w[:len(w)-3]+"y" {
			return true
		}
		if strings.HasSuffix(w, "es") && t.lemma[i] == w[:len(w)-2] {
			return true
		}
		if strings.HasSuffix(w, "s") && t.lemma[i] == w[:len(w)-1] {
			return true
		}
	}
	return false
}

// isVerbal reports whether token i heads a clause.
func (t *tree) isVerbal(i int) bool {
	u := t.upos(i)
	return u == "VERB" || (u == "AUX" && t.head[i] < 0)
}
