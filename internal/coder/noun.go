package coder

import "github.com/dyad-events/dyad/event"

// codeNoun codes a nominal event ("Japan's visit to Brussels", "talks
// between X and Y", "the signing of a pact by X and Y"): source from the
// possessor or a by-phrase, target from a with/to/between phrase.
func (k *sentCtx) codeNoun(n int) []event.Event {
	t := k.t
	pl := k.c.dict.nounIdx[t.lemma[n]]
	if pl == nil || k.tokMen[n] >= 0 {
		return nil
	}
	p, objToks := k.match(n, []*patList{pl}, false)
	if p == nil || p.Code == "---" {
		return nil
	}
	var src, tgt []int
	for _, c := range t.children[n] {
		switch {
		case t.rel(c) == "nmod:poss":
			src = k.actorsAt(c)
		case t.base(c) == "nmod" && t.caseOf(c) == "by":
			src = k.actorsAt(c)
		}
	}
	if len(src) == 0 {
		// a compound modifier naming an actor: "the NATO visit"
		for _, c := range t.children[n] {
			if t.rel(c) == "compound" && k.tokMen[c] >= 0 && c < n {
				src = []int{k.tokMen[c]}
			}
		}
	}
	if len(src) == 0 {
		pair := k.between(n)
		if len(pair) < 2 {
			return nil
		}
		return k.emit(n, p.Code, pair[:1], pair[1:2], k.evidence(n, objToks))
	}
	for _, c := range t.children[n] {
		if t.base(c) != "nmod" {
			continue
		}
		switch t.caseOf(c) {
		case "with", "to", "against", "toward", "towards", "between":
			if a := k.actorsIn(c); len(a) > 0 && len(tgt) == 0 {
				tgt = a
			}
		}
	}
	var keep []int
	for _, g := range tgt {
		ok := true
		for _, s := range src {
			if k.sameActor(s, g) {
				ok = false
			}
		}
		if ok {
			keep = append(keep, g)
		}
	}
	if len(keep) == 0 {
		return nil
	}
	return k.emit(n, p.Code, src, keep, k.evidence(n, objToks))
}
