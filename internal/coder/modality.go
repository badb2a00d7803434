package coder

import "github.com/dyad-events/dyad/event"

var (
	planVerbs    = map[string]bool{"plan": true, "intend": true, "aim": true, "expect": true, "hope": true, "want": true, "seek": true, "prepare": true, "schedule": true, "set": true, "promise": true, "pledge": true, "vow": true, "decide": true, "wish": true, "propose": true, "agree": true, "offer": true, "mean": true, "go": true, "be": true, "due": true, "poised": true, "likely": true, "ready": true, "about": true, "slate": true, "scheduled": true}
	requestVerbs = map[string]bool{"invite": true, "ask": true, "urge": true, "call": true, "encourage": true, "press": true, "persuade": true, "request": true, "tell": true, "advise": true, "appeal": true, "demand": true, "pressure": true}
	negVerbs     = map[string]bool{"fail": true, "refuse": true, "decline": true, "reject": true, "cancel": true, "avoid": true, "refrain": true}
	hypoAux      = map[string]bool{"could": true, "may": true, "might": true, "would": true, "should": true, "can": true, "must": true, "ought": true}
	futureAux    = map[string]bool{"will": true, "shall": true, "'ll": true, "wo": true}
	negAdv       = map[string]bool{"not": true, "never": true, "n't": true, "no": true}
	condMarkers  = map[string]bool{"if": true, "unless": true, "whether": true}
	planNouns    = map[string]bool{"plan": true, "intention": true, "aim": true, "goal": true, "bid": true, "decision": true, "promise": true, "pledge": true, "commitment": true, "readiness": true, "willingness": true, "intent": true, "proposal": true, "offer": true, "agreement": true}
)

// modality classifies the event of verb v: negated (not, never, failed
// to, refused to), hypothetical (if, could, may, might, would, should),
// planned (will, plans to, is expected to, aims to, intends to), ongoing
// (present progressive: "are holding talks"), else asserted. Negation wins
// over hypothesis, hypothesis over plan, plan over ongoing.
func (k *sentCtx) modality(v int) string {
	t := k.t
	if u := t.upos(v); u == "NOUN" || u == "PROPN" {
		return k.nounModality(v)
	}
	var neg, hypo, plan, ongoing bool
	check := func(x int, own bool) {
		for _, c := range t.children[x] {
			r, l := t.base(c), t.lemma[c]
			switch {
			case r == "advmod" && negAdv[l]:
				// "not only … but also" is no negation
				if c+1 < len(t.lemma) && t.lemma[c+1] == "only" {
					continue
				}
				neg = true
			case r == "aux" && hypoAux[l]:
				hypo = true
			case r == "aux" && futureAux[l]:
				plan = true
			case r == "mark" && condMarkers[l]:
				hypo = true
			case l == "rather" || l == "instead":
				neg = true // "rather than colluding"
			case r == "nsubj" || r == "nsubj:pass":
				// "Neither X nor Y is inclined to attack", "No country
				// has recognized …"
				for _, d := range t.children[c] {
					if dl := t.lemma[d]; dl == "neither" || (dl == "no" && t.base(d) == "det") {
						neg = true
					}
				}
			case r == "compound" && l == "out" && t.lemma[x] == "rule" && !own:
				neg = true // "ruled out taking action": not done
			}
		}
		if own {
			tok := k.in.Sent.Tokens[x]
			if tok.XPOS == "VBG" {
				for _, c := range t.children[x] {
					if t.rel(c) == "aux" && t.lemma[c] == "be" {
						switch t.lower[c] {
						case "is", "are", "am", "'re", "'s":
							ongoing = true
						}
					}
				}
			}
		}
	}
	check(v, true)
	if k.conditional(v) {
		hypo = true
	}
	x := v
	for steps := 0; steps < 6; steps++ {
		h := t.head[x]
		if h < 0 {
			break
		}
		r := t.rel(x)
		if r == "xcomp" {
			l := t.lemma[h]
			switch {
			case negVerbs[l]:
				neg = true
			case objectControl[l] && t.child(h, "obj", "iobj") >= 0:
				hypo = true // "X wants Y to join": wished for, like a request
			case l == "go" && t.lower[h] != "going":
				// "went on to criticize" happened; "is going to" is a plan
			case planVerbs[l] || t.upos(h) == "ADJ" && planVerbs[l]:
				plan = true
			case requestVerbs[l]:
				hypo = true // "invited X to join": asked for, not done
			}
			check(h, false)
			x = h
			continue
		}
		if r == "conj" {
			// Auxiliaries are shared by conjuncts: "will visit and meet".
			if t.child(x, "nsubj", "nsubj:pass") < 0 {
				check(h, false)
			}
			x = h
			continue
		}
		if r == "acl" && planNouns[t.lemma[h]] {
			plan = true // "plans to attend", "a decision to join"
			break
		}
		if r == "advcl" {
			purpose := false
			for _, c := range t.children[x] {
				if t.base(c) == "mark" && condMarkers[t.lemma[c]] {
					hypo = true
				}
				if t.base(c) == "mark" && t.lemma[c] == "to" {
					purpose = true
				}
			}
			if purpose {
				// "X will send troops to help Y": the purpose shares the
				// main clause's modality.
				check(h, false)
				x = h
				continue
			}
		}
		break
	}
	switch {
	case neg:
		return event.Negated
	case hypo:
		return event.Hypothetical
	case plan:
		return event.Planned
	case ongoing:
		return event.Ongoing
	}
	return event.Asserted
}

// conditional reports whether verb v's clause, or a clause it is the
// complement of, is conditioned or asked about: a condition hangs on it
// ("if its claims are true, X is violating …"; not "even if"), or it or
// a clause above it is introduced by if/whether ("asked if she believed
// X wanted …").
func (k *sentCtx) conditional(v int) bool {
	t := k.t
	for _, c := range t.children[v] {
		if t.rel(c) != "advcl" {
			continue
		}
		for _, m := range t.children[c] {
			if l := t.lemma[m]; t.base(m) == "mark" && (l == "if" || l == "unless") && !(m > 0 && t.lemma[m-1] == "even") {
				return true
			}
		}
	}
	x := v
	for steps := 0; steps < 5 && x >= 0; steps++ {
		for _, m := range t.children[x] {
			if l := t.lemma[m]; t.base(m) == "mark" && (l == "if" || l == "whether") && m < x {
				return true
			}
		}
		switch t.rel(x) {
		case "ccomp", "xcomp", "conj":
			x = t.head[x]
			continue
		}
		break
	}
	return false
}

var (
	plannedAdj  = map[string]bool{"planned": true, "proposed": true, "upcoming": true, "scheduled": true, "expected": true, "forthcoming": true, "future": true, "next": true}
	possibleAdj = map[string]bool{"possible": true, "potential": true, "hypothetical": true, "eventual": true}
	cancelVerbs = map[string]bool{"cancel": true, "postpone": true, "scrap": true, "delay": true, "suspend": true, "abandon": true, "shelve": true}
)

// nounModality classifies a nominal event: "the planned visit" (planned),
// "a possible meeting" (hypothetical), "cancelled the talks" (negated),
// else as the clause that states it.
func (k *sentCtx) nounModality(n int) string {
	t := k.t
	for _, c := range t.children[n] {
		if t.base(c) == "amod" || t.base(c) == "compound" {
			switch l := t.lemma[c]; {
			case plannedAdj[l]:
				return event.Planned
			case possibleAdj[l]:
				return event.Hypothetical
			}
		}
	}
	h := t.head[n]
	if h < 0 || !t.isVerbal(h) {
		return event.Asserted
	}
	if r := t.rel(n); (r == "obj" || r == "nsubj:pass") && cancelVerbs[t.lemma[h]] {
		return event.Negated
	}
	return k.modality(h)
}
