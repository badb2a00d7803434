package when

import (
	"strings"

	"github.com/dyad-events/dyad/event"
)

// Governing returns the dated expression (Kind date with a Value) that the
// dependency tree attaches to verb (a 0-based token index of s) or to its
// clause: an expression whose head hangs on verb through obl, obl:tmod,
// nmod, advmod … without crossing into another clause, except down into
// verb's xcomp ("plans to attend … in July"). When verb's own clause has
// none and verb is a conjunct or an xcomp, the clause it shares its
// subject and tense with is tried ("visited X in January and held talks").
// Among several, the closest in the tree wins; an expression that only
// names a modifier of a noun ("the 2008 crisis", the "Nov. 26" of "the
// Nov. 26 raids in 2008") loses to one attached as a time. ok is false
// when the sentence has no tree or nothing governed; the sentence-level
// fallback is the caller's choice.
func Governing(s *event.Sentence, exprs []Expr, verb int) (Expr, bool) {
	if s == nil || verb < 0 || verb >= len(s.Tokens) {
		return Expr{}, false
	}
	tree := false
	for k := range s.Tokens {
		if r := s.Tokens[k].Deprel; r != "" && r != "_" {
			tree = true
			break
		}
	}
	if !tree {
		return Expr{}, false
	}
	v := verb
	for hops := 0; hops < 4 && v >= 0; hops++ {
		if e, ok := governed(s, exprs, v); ok {
			return e, true
		}
		r := s.Tokens[v].Deprel
		if r != "conj" && r != "xcomp" {
			break
		}
		v = headIndex(s, v)
	}
	return Expr{}, false
}

// governed returns the best expression attached to clause head v.
func governed(s *event.Sentence, exprs []Expr, v int) (Expr, bool) {
	best, bestScore := -1, 1<<30
	for i := range exprs {
		e := &exprs[i]
		if e.Kind != KindDate || e.Value == "" || e.First < 0 || e.Last >= len(s.Tokens) || e.Last < e.First {
			continue
		}
		if v >= e.First && v <= e.Last {
			continue
		}
		h := phraseHead(s, e.First, e.Last)
		score, ok := pathScore(s, h, v, e.First, e.Last)
		if !ok {
			continue
		}
		if score < bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return Expr{}, false
	}
	return exprs[best], true
}

// pathScore walks from the expression head h up to v: two points per arc,
// three more when h only modifies a noun as part of its name. It fails
// when the walk leaves v's clause.
func pathScore(s *event.Sentence, h, v, first, last int) (int, bool) {
	score := 0
	switch r := s.Tokens[h].Deprel; {
	case strings.HasPrefix(r, "compound"), r == "amod", r == "nmod:poss", r == "nummod", r == "flat", r == "det":
		score += 3
	}
	cur := h
	for steps := 0; steps < 16; steps++ {
		p := headIndex(s, cur)
		if p < 0 {
			return 0, false
		}
		score += 2
		if p == v {
			return score, true
		}
		if p >= first && p <= last {
			cur = p
			continue
		}
		// crossing a clause boundary: only up out of an xcomp of v's
		// chain, or out of a temporal adverbial clause that hangs on v
		// ("Following the attacks in 2001, X provided …", "When they
		// met in May, …"), which dates v at a cost
		if isVerbal(&s.Tokens[p]) {
			switch {
			case s.Tokens[p].Deprel == "xcomp":
			case s.Tokens[p].Deprel == "advcl" && headIndex(s, p) == v && temporalClause(s, p):
				score += 4
			default:
				return 0, false
			}
		} else if r := s.Tokens[cur].Deprel; strings.HasPrefix(r, "acl") || r == "ccomp" || r == "advcl" || strings.HasPrefix(r, "csubj") || r == "parataxis" {
			return 0, false
		}
		cur = p
	}
	return 0, false
}

// temporalConnectives introduce an adverbial clause whose time is the
// main clause's time too (or its starting point).
var temporalConnectives = map[string]bool{
	"after": true, "following": true, "when": true, "while": true,
	"once": true, "upon": true, "as": true,
}

// temporalClause reports whether the clause headed by p is introduced by a
// temporal connective: a "mark" child ("after they met") or the head itself
// being the participle "following" ("following the attacks").
func temporalClause(s *event.Sentence, p int) bool {
	if f := strings.ToLower(s.Tokens[p].Form); f == "following" {
		return true
	}
	for k := range s.Tokens {
		if headIndex(s, k) == p && s.Tokens[k].Deprel == "mark" && temporalConnectives[strings.ToLower(s.Tokens[k].Form)] {
			return true
		}
	}
	return false
}
