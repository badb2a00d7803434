package coder

import "github.com/dyad-events/dyad/event"

// date returns the event date of verb v: the time expression its clause
// governs (Input.Governing, else the coder's rule), else the sentence's
// first time expression, else the publication date with precision doc.
func (k *sentCtx) date(v int) (string, string) {
	in := k.in
	if in.Governing != nil {
		if e, ok := in.Governing(v); ok && e.Value != "" {
			return e.Value, e.Precision
		}
	} else if e, ok := k.governing(v); ok {
		return e.Value, e.Precision
	}
	for _, e := range in.Times {
		if e.Value != "" {
			return e.Value, e.Precision
		}
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
			if k.clauseOf(hd) == x {
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
