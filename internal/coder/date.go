package coder

import "github.com/dyad-events/dyad/event"

// date returns the event date of verb v: the time expression its clause
// governs (Input.Governing, else the coder's rule), else the sentence's
// first time expression, else the publication date with precision doc.
func (k *sentCtx) date(v int) (string, string) {
	in := k.in
	if in.Governing != nil {
		if e, ok := in.Governing(v); ok && e.Value != "" {
			if k.inBoundPhrase(&e) {
				return yearOf(&e)
			}
			return e.Value, e.Precision
		}
	} else if e, ok := k.governing(v); ok {
		return e.Value, e.Precision
	}
	// The sentence's own date: prefer an expression that does not date
	// another happening ("after the 2001 attacks"); such a one only
	// bounds the event, so it gives its year at most.
	var bound *TimeExpr
	for i := range in.Times {
		e := &in.Times[i]
		if e.Value == "" {
			continue
		}
		if k.inBoundPhrase(e) {
			if bound == nil {
				bound = e
			}
			continue
		}
		return e.Value, e.Precision
	}
	if bound != nil {
		return yearOf(bound)
	}
	if !in.Published.IsZero() {
		return in.Published.Format("2006-01-02"), event.PrecisionDoc
	}
	return "", event.PrecisionDoc
}

// clauseOf returns the verb whose clause token i belongs to: the first
// verbal ancestor.
func (k *sentCtx) clauseOf(i int) int {
	t := k.t
	for h := t.head[i]; h >= 0; h = t.head[h] {
		if t.isVerbal(h) {
			return h
		}
	}
	return -1
}

// governing finds the time expression attached to v's clause, or to the
// clause v shares its subject and tense with (first conjunct, xcomp
// controller).
func (k *sentCtx) governing(v int) (TimeExpr, bool) {
	t := k.t
	x := v
	for steps := 0; steps < 4 && x >= 0; steps++ {
		for _, e := range k.in.Times {
			if e.Value == "" || e.First < 0 || e.Last >= len(t.head) {
				continue
			}
			// the expression's head: the token whose head is outside it
			hd := e.First
			for j := e.First; j <= e.Last; j++ {
				if h := t.head[j]; h < e.First || h > e.Last {
					hd = j
					break
				}
			}
			if k.clauseOf(hd) == x && !k.inBoundPhrase(&e) {
				return e, true
			}
		}
		r := t.rel(x)
		if r != "conj" && r != "xcomp" {
			break
		}
		x = t.head[x]
	}
	return TimeExpr{}, false
}

var boundWords = map[string]bool{"after": true, "following": true, "follow": true, "since": true, "before": true, "until": true, "till": true, "prior": true, "ahead": true}

// inBoundPhrase reports whether a time expression sits in a phrase that
// dates something else relative to the event ("following the attacks in
// 2001", "since 2015").
func (k *sentCtx) inBoundPhrase(e *TimeExpr) bool {
	t := k.t
	if e.First < 0 || e.Last >= len(t.head) {
		return false
	}
	if e.First > 0 && boundWords[t.lemma[e.First-1]] {
		return true
	}
	for x, steps := e.First, 0; x >= 0 && steps < 6; x, steps = t.head[x], steps+1 {
		for _, c := range t.children[x] {
			if b := t.base(c); (b == "case" || b == "mark") && boundWords[t.lemma[c]] {
				return true
			}
		}
		if t.isVerbal(x) {
			break
		}
	}
	return false
}

// yearOf reduces an expression that only bounds the event to its year.
func yearOf(e *TimeExpr) (string, string) {
	if len(e.Value) >= 4 && e.Precision != event.PrecisionDecade {
		return e.Value[:4], event.PrecisionYear
	}
	return e.Value, e.Precision
}
