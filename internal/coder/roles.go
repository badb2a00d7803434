package coder

import (
	"sort"

	"github.com/dyad-events/dyad/internal/cameo"
)

// actorsAt returns the actors a nominal at token i stands for: the mention
// covering i (or headed inside its phrase), plus those of its conjuncts
// ("Japan and NATO"). Group nouns such as "the two sides" resolve to the
// coordinated actors of the sentence.
func (k *sentCtx) actorsAt(i int) []int { return k.actorsAtWith(i, true) }

// actorsAtWith is actorsAt; locative says whether "X in Y" may stand for
// Y (true for subjects: "lawmakers in Y"; false for targets: "an attack
// by Z in Y" is not about Y).
func (k *sentCtx) actorsAtWith(i int, locative bool) []int {
	t := k.t
	if i < 0 || i >= len(t.head) {
		return nil
	}
	if k.isGroupNoun(i) {
		return k.groupActors(i)
	}
	var out []int
	add := func(n int) {
		if mi := k.tokMen[n]; mi >= 0 {
			out = k.appendMention(out, k.titled(mi, n))
			return
		}
		// The mention may sit lower in the phrase ("the government of
		// Japan", "Japan's foreign minister"): take the first one that
		// is not inside a prepositional modifier of another noun.
		var first = -1
		t.walk(n, func(c int) bool {
			r := t.rel(c)
			if r == "nmod" {
				switch t.caseOf(c) {
				case "of", "":
					return false // "the government of X"
				case "in", "from":
					// "lawmakers in X" stand for X; "a sense of belonging in
					// X", "media reports in both countries" do not
					return !locative || (t.upos(n) == "NOUN" && !personNoun(t.lemma[n]))
				case "by":
					return locative // "an attack by X" names the attacker as target
				}
				return true
			}
			return r == "conj" || r == "acl:relcl" || r == "acl" || r == "appos"
		}, func(j int) {
			if first < 0 && k.tokMen[j] >= 0 {
				first = k.tokMen[j]
			}
		})
		if first >= 0 {
			out = k.appendMention(out, first)
			// "lawmakers in X and Y": the mention's conjuncts too
			if h := k.in.Mentions[first].Head; h >= 0 && h < len(t.head) {
				for _, c := range t.children[h] {
					if t.rel(c) == "conj" {
						if mj := k.tokMen[c]; mj >= 0 {
							out = k.appendMention(out, mj)
						}
					}
				}
			}
		}
	}
	add(i)
	var conjOf func(x int)
	conjOf = func(x int) {
		for _, c := range t.children[x] {
			if r := t.rel(c); (r == "conj" || r == "list") && !t.isVerbal(c) {
				add(c)
				conjOf(c) // "A, B, C and D" parsed as a chain
			}
		}
	}
	conjOf(i)
	// a conjunct may hang on any word of the first actor's phrase
	// ("Libyan leader Muammar Gaddafi and …" with "and …" on "Muammar")
	if mi := k.tokMen[i]; mi >= 0 {
		m := k.in.Mentions[mi]
		for x := m.First; x <= m.Last; x++ {
			if x != i {
				conjOf(x)
			}
		}
	}
	if len(out) == 0 {
		// An apposition names the actor: "old foes X and Y", "the
		// alliance, NATO, …".
		if a := t.child(i, "appos"); a >= 0 {
			add(a)
			conjOf(a)
		}
	}
	return out
}

// titled prefers, for a name mention at token n, the title mention right
// before it that modifies it and names the same country or organization
// with a more specific code ("Bree Prime Minister" BREGOV before
// "Romendacil" BRE).
func (k *sentCtx) titled(mi, n int) int {
	m := k.in.Mentions[mi]
	if m.First < 1 || m.Group > 1 {
		return mi
	}
	mj := k.tokMen[m.First-1]
	if mj < 0 || mj == mi || k.in.Mentions[mj].Group > 1 {
		return mi
	}
	p := k.in.Mentions[mj]
	if p.Last != m.First-1 || p.Head < 0 || p.Head >= len(k.t.head) {
		return mi
	}
	if h := k.t.head[p.Head]; h < m.First || h > m.Last {
		return mi
	}
	if actorRoot(p.Actor) == actorRoot(m.Actor) && len(p.Actor.Code) > len(m.Actor.Code) {
		return mj
	}
	return mi
}

// actorsIn returns every actor whose mention lies in the subtree of i, in
// text order.
func (k *sentCtx) actorsIn(i int) []int {
	t := k.t
	if i < 0 || i >= len(t.head) {
		return nil
	}
	if k.isGroupNoun(i) {
		return k.groupActors(i)
	}
	var out []int
	t.walk(i, func(c int) bool {
		switch t.rel(c) {
		case "acl:relcl", "advcl", "ccomp", "parataxis":
			return true
		case "acl":
			// a clause of its own, but not a participle: "memos sent by X"
			return t.isVerbal(c) && k.in.Sent.Tokens[c].XPOS != "VBN"
		case "xcomp":
			return t.isVerbal(c) // a clause of its own
		}
		return false
	}, func(j int) {
		if mi := k.tokMen[j]; mi >= 0 {
			if k.in.Mentions[mi].Place && j != i {
				return // "an agreement in Moscow": a place inside the phrase
			}
			out = k.appendMention(out, mi)
		} else if k.isGroupNoun(j) {
			for _, mi := range k.groupActors(j) {
				out = k.appendMention(out, mi)
			}
		}
	})
	sort.SliceStable(out, func(a, b int) bool { return k.in.Mentions[out[a]].First < k.in.Mentions[out[b]].First })
	return out
}

// appendMention adds mention mi, or all actors of its group.
func (k *sentCtx) appendMention(xs []int, mi int) []int {
	if g, ok := k.group[mi]; ok {
		for _, x := range g {
			xs = appendUniq(xs, x)
		}
		return xs
	}
	return appendUniq(xs, mi)
}

func appendUniq(xs []int, x int) []int {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

var groupNouns = map[string]bool{"side": true, "party": true, "country": true, "nation": true, "government": true, "leader": true, "state": true}

// isGroupNoun: "the two sides", "both countries".
func (k *sentCtx) isGroupNoun(i int) bool {
	t := k.t
	if i < 0 || i >= len(t.head) {
		return false
	}
	if !groupNouns[t.lemma[i]] || k.tokMen[i] >= 0 {
		return false
	}
	for _, c := range t.children[i] {
		if l := t.lemma[c]; (l == "two" || l == "both") && (t.base(c) == "nummod" || t.base(c) == "det" || t.base(c) == "amod") {
			return true
		}
	}
	return false
}

// groupActors resolves "the two sides": the coordinated subject of a
// governing clause, else the last two distinct actors named before.
func (k *sentCtx) groupActors(i int) []int {
	t := k.t
	if i < 0 || i >= len(t.head) {
		return nil
	}
	for h := t.head[i]; h >= 0; h = t.head[h] {
		if !t.isVerbal(h) {
			continue
		}
		if s := t.child(h, "nsubj"); s >= 0 && s != i && !t.dominates(s, i) {
			if a := k.actorsAt(s); len(a) >= 2 {
				return a
			}
		}
	}
	// the last coordinated pair named before ("Finland and Sweden … the
	// two Nordic countries")
	for j := i - 1; j >= 0; j-- {
		if k.tokMen[j] < 0 || t.upos(j) == "PRON" {
			continue
		}
		if a := k.actorsAt(j); len(a) >= 2 {
			return a
		}
	}
	var seen []int
	for j := i - 1; j >= 0 && len(seen) < 2; j-- {
		if t.upos(j) == "PRON" {
			continue
		}
		if mi := k.tokMen[j]; mi >= 0 {
			dup := false
			for _, s := range seen {
				if k.sameActor(s, mi) {
					dup = true
				}
			}
			if !dup {
				seen = append(seen, mi)
			}
		}
	}
	if len(seen) == 2 {
		return []int{seen[1], seen[0]}
	}
	return nil
}

// agent returns the agent of a passive verb ("by X"), -1 when none.
func (k *sentCtx) agent(v int) int {
	t := k.t
	if a := t.child(v, "obl:agent"); a >= 0 {
		return a
	}
	for _, c := range t.children[v] {
		if t.base(c) == "obl" && t.caseOf(c) == "by" {
			return c
		}
	}
	return -1
}

// between returns the actors of a "between X and Y" phrase inside the
// subtree of i.
func (k *sentCtx) between(i int) []int {
	t := k.t
	if i < 0 || i >= len(t.head) {
		return nil
	}
	var out []int
	t.walk(i, nil, func(j int) {
		if len(out) == 0 && t.lemma[j] == "between" && t.head[j] >= 0 {
			out = k.actorsAt(t.head[j])
			if len(out) < 2 {
				out = k.actorsIn(t.head[j])
			}
		}
	})
	return out
}

// subjectControl lists verbs whose xcomp takes the subject, not the
// object, as its own subject ("X promised Y to withdraw": X withdraws).
var subjectControl = map[string]bool{"promise": true, "vow": true, "pledge": true, "threaten": true, "offer": true, "agree": true, "refuse": true, "decide": true, "plan": true, "want": true, "seek": true, "try": true, "attempt": true, "fail": true, "hope": true, "expect": true, "intend": true, "aim": true}

// objectControl lists verbs of subjectControl whose object, when they
// have one, does the wanted act ("X wants Y to join": Y joins).
var objectControl = map[string]bool{"want": true, "expect": true, "intend": true}

var relPron = map[string]bool{"which": true, "who": true, "that": true, "whom": true}

// subjectActors returns the source actors of verb v: its subject, else the
// subject it inherits (xcomp controller, first conjunct, antecedent of a
// relative clause, main clause of a subjectless adverbial clause).
func (k *sentCtx) subjectActors(v int, depth int) []int {
	t := k.t
	if depth > 6 {
		return nil
	}
	s := -1
	for _, c := range t.children[v] {
		if r := t.rel(c); (r == "nsubj" || r == "csubj") && !k.isTime(c) && c > k.dateline {
			s = c // a time parsed as a subject ("said Monday it had …") is none
			break
		}
	}
	if s < 0 && !k.isPassive(v) {
		s = t.child(v, "nsubj:pass") // a passive subject without a passive auxiliary: a parse error
	}
	if s >= 0 {
		if relPron[t.lemma[s]] && (t.rel(v) == "acl:relcl") {
			return k.antecedentActors(t.head[v], depth)
		}
		if l := t.lemma[s]; (l == "which" || l == "who") && (t.rel(v) == "conj" || t.rel(v) == "parataxis") {
			// a relative clause the parser took for a coordinated one:
			// "X published a plan, which pledges …" — the noun before the
			// pronoun is its antecedent
			n := s - 1
			for n >= 0 && t.upos(n) == "PUNCT" {
				n--
			}
			if n >= 0 && (t.upos(n) == "NOUN" || t.upos(n) == "PROPN") {
				return k.antecedentActors(n, depth)
			}
			return nil
		}
		out := k.linearCoord(k.actorsAt(s))
		// a coordination the parser split into two subjects
		for _, c := range t.children[v] {
			if c != s && t.rel(c) == t.rel(s) && !k.isTime(c) {
				for _, mi := range k.actorsAt(c) {
					out = k.appendMention(out, mi)
				}
			}
		}
		return out
	}
	h := t.head[v]
	if h < 0 {
		return k.leftSubject(v)
	}
	if a := k.subjectByRelation(v, h, depth); len(a) > 0 {
		return a
	}
	// A broken parse left the verb without a subject: take the actor
	// right before it in the same clause ("In January, X visited Y").
	switch t.rel(v) {
	case "root", "conj", "ccomp", "parataxis":
		return k.leftSubject(v)
	}
	return nil
}

// clauseStop lists punctuation no subject is looked for across: a colon,
// a dash, a bracket or a quotation mark starts another voice ("Trump: Make
// China …", "a hat reading “Make …”").
var clauseStop = map[string]bool{";": true, ":": true, "—": true, "–": true, "--": true, "(": true, ")": true,
	"\"": true, "“": true, "”": true, "«": true, "»": true, "``": true, "''": true}

// linearCoord adds the actors listed right before the first one ("A, B
// and C signed"), whatever tree the parser built over the list.
func (k *sentCtx) linearCoord(ms []int) []int {
	if len(ms) == 0 {
		return ms
	}
	t := k.t
	first := k.in.Mentions[ms[0]].First
	for _, mi := range ms {
		if f := k.in.Mentions[mi].First; f < first {
			first = f
		}
	}
	// modifiers a mention may carry in a list: "the awful Fornost"
	skipMods := func(j int) int {
		for j >= 0 && k.tokMen[j] < 0 {
			if u := t.upos(j); u != "ADJ" && u != "DET" {
				break
			}
			j--
		}
		return j
	}
	j := skipMods(first - 1)
	if j < 0 || (t.lemma[j] != "and" && t.lemma[j] != ",") {
		return ms
	}
	out := append([]int(nil), ms...)
	for j >= 0 {
		if t.lemma[j] != "and" && t.lemma[j] != "," {
			break
		}
		j--
		for j >= 0 && (t.lemma[j] == "," || t.lemma[j] == "and") {
			j--
		}
		if j < 0 {
			break
		}
		mi := k.tokMen[j]
		if mi < 0 {
			break
		}
		out = k.appendMention(out, mi)
		j = skipMods(k.in.Mentions[mi].First - 1)
	}
	return out
}

// leftSubject returns the actor mentioned closest before verb v with no
// other verb, clause marker or semicolon between them.
func (k *sentCtx) leftSubject(v int) []int {
	t := k.t
	for j := v - 1; j >= 0; j-- {
		if mi := k.tokMen[j]; mi >= 0 {
			m := k.in.Mentions[mi]
			if m.First < 0 || m.First > j {
				return nil
			}
			if m.Head < 0 || m.Head >= len(t.head) {
				return nil
			}
			if r := t.rel(m.Head); r == "obj" || r == "iobj" {
				return nil // another verb's object ("will tour Mexico and make stops in Texas")
			}
			if cs := t.caseOf(m.Head); cs != "" && !(cs == "for" && t.child(v, "mark") >= 0) {
				// a place ("married in X and arrived …") or another
				// prepositional phrase ("a safe zone for civilians in X
				// and has expressed …") is no subject; "for X to …"
				// names the infinitive's subject
				return nil
			}
			out := k.appendMention(nil, mi)
			// "X and Y visited"
			if f := m.First; f >= 2 && t.lemma[f-1] == "and" {
				if mj := k.tokMen[f-2]; mj >= 0 {
					out = k.appendMention([]int{}, mj)
					out = k.appendMention(out, mi)
				}
			}
			return out
		}
		u := t.upos(j)
		if u == "VERB" || u == "SCONJ" || relPron[t.lemma[j]] || clauseStop[t.lower[j]] {
			return nil
		}
	}
	return nil
}

func (k *sentCtx) subjectByRelation(v, h, depth int) []int {
	t := k.t
	rel := t.rel(v)
	if rel == "parataxis" && k.in.Sent.Tokens[v].XPOS == "VB" && k.in.Sent.Tokens[h].XPOS == "VB" {
		// a series of infinitives the parser split at a comma ("to
		// strengthen X, increase Y and lead Z"): one more conjunct
		rel = "conj"
	}
	switch rel {
	case "xcomp", "conj":
		if t.isVerbal(h) || t.upos(h) == "ADJ" || t.upos(h) == "AUX" {
			if k.isPassive(h) && t.rel(v) == "xcomp" {
				// "X was invited to attend": the invited attends.
				if s := t.child(h, "nsubj:pass"); s >= 0 {
					return k.actorsAt(s)
				}
			}
			if rel == "xcomp" && (!subjectControl[t.lemma[h]] || objectControl[t.lemma[h]]) {
				// object control: "X asked Y to provide" — Y provides
				if o := t.child(h, "obj", "iobj"); o >= 0 {
					if a := k.actorsAt(o); len(a) > 0 {
						return a
					}
				}
			}
			return k.subjectActors(h, depth+1)
		}
		// "the only country to take part": the noun is the subject.
		return k.actorsAt(h)
	case "acl:relcl", "acl":
		return k.antecedentActors(h, depth)
	case "advcl":
		if t.caseOf(v) == "if" {
			return nil
		}
		return k.subjectActors(h, depth+1)
	}
	return nil
}

// antecedentActors: the actor a relative clause's noun stands for; a
// document or plan that is the object of an actor's verb speaks for that
// actor ("Tokyo published a strategy, which pledges …").
func (k *sentCtx) antecedentActors(n int, depth int) []int {
	t := k.t
	if n < 0 || n >= len(t.head) {
		return nil
	}
	if a := k.actorsAt(n); len(a) > 0 {
		return a
	}
	if h := t.head[n]; h >= 0 && t.isVerbal(h) && (t.rel(n) == "obj" || t.rel(n) == "nsubj:pass") {
		if t.rel(n) == "nsubj:pass" {
			if a := k.agent(h); a >= 0 {
				return k.actorsAt(a)
			}
			return nil
		}
		return k.subjectActors(h, depth+1)
	}
	return nil
}

var locativeCase = map[string]bool{"in": true, "at": true, "near": true, "inside": true, "outside": true, "across": true, "throughout": true, "within": true, "around": true, "during": true, "since": true, "after": true, "before": true, "until": true}

// partnerCase marks prepositions that name the other side of an act.
var partnerCase = map[string]bool{"with": true, "against": true, "between": true}

var prepRank = map[string]int{"with": 0, "to": 1, "against": 1, "toward": 1, "towards": 1, "on": 2, "for": 2, "from": 2, "into": 2, "about": 3, "over": 3, "of": 3, "at": 4, "in": 5, "by": 5}

// targets returns the target actors of verb v with pattern p, excluding
// the sources.
func (k *sentCtx) targets(v int, p *Pattern, src []int, passive bool) []int {
	t := k.t
	skip := k.domainSkip(v)
	if len(p.Skip) > 0 {
		// the actors of a skipped phrase are no targets: treated as
		// sources are
		src = append(append([]int(nil), src...), k.skippedActors(v, p.Skip)...)
	}
	if p.synonymOf(t.lemma[v], t.lower[v]) {
		return k.objectTarget(v, src)
	}
	var cands []int
	if len(p.Target) > 3 && p.Target[:3] == "pp:" {
		prep := p.Target[3:]
		for _, c := range k.ppNodes(v, skip) {
			if t.caseOf(c) == prep {
				cands = append(cands, c)
			}
		}
		// the parser may hang the phrase on the verb's object or on
		// another of its phrases ("celebrated Eid at X with Y", with Y
		// under X); the frame accepted it there, so does the target
		for _, c := range t.children[v] {
			if skip(c) {
				continue
			}
			if b := t.base(c); b != "obj" && b != "obl" && b != "iobj" {
				continue
			}
			for _, n := range t.children[c] {
				if t.base(n) == "nmod" && t.caseOf(n) == prep && !k.isTime(n) {
					cands = append(cands, n)
				}
			}
		}
	}
	for _, c := range t.children[v] {
		switch t.rel(c) {
		case "obj", "iobj":
			cands = append(cands, c)
		case "obl", "obl:unmarked", "obl:npmod":
			if t.caseOf(c) == "" && !k.isTime(c) && c > v {
				cands = append(cands, c) // an object the parser took for an oblique
			}
		case "xcomp":
			if !t.isVerbal(c) { // "became X's partner"
				cands = append(cands, c)
			}
		}
	}
	// "pledged to strengthen the alliance with X": the object of the
	// pledged act, unless the verb has an object of its own ("allowed Y
	// to operate").
	if len(cands) == 0 {
		if x := t.child(v, "xcomp"); x >= 0 && t.isVerbal(x) {
			acts := []int{x}
			for _, c := range t.children[x] {
				if t.rel(c) == "conj" && t.isVerbal(c) {
					acts = append(acts, c) // "to strengthen and modernize the alliance"
				}
			}
			for _, a := range acts {
				for _, c := range t.children[a] {
					if r := t.rel(c); r == "obj" || r == "iobj" {
						cands = append(cands, c)
					}
				}
			}
			// then its phrases: "vowed to wage war on Y"
			for _, a := range acts {
				for _, c := range k.ppNodes(a, func(int) bool { return false }) {
					if !locativeCase[t.caseOf(c)] && !k.isTime(c) {
						cands = append(cands, c)
					}
				}
			}
		}
	}
	// "signed an accord to supply Y with wheat": the object of the
	// purpose clause, after everything else
	var purpose []int
	for _, c := range t.children[v] {
		if t.rel(c) == "advcl" && t.isVerbal(c) && t.caseOf(c) == "to" {
			for _, o := range t.children[c] {
				if r := t.rel(o); r == "obj" || r == "iobj" {
					purpose = append(purpose, o)
				}
			}
		}
	}
	if p.Target != "" {
		// the pattern names the target's slot: an actor there, or a
		// reflexive one ("allowed its own forces to …"), ends the search
		if p.Target == "obj" {
			var objs []int
			for _, c := range cands {
				if t.rel(c) == "obj" || t.rel(c) == "iobj" {
					objs = append(objs, c)
				}
			}
			cands = objs
		}
		if g := k.firstTarget(cands, src); len(g) > 0 {
			return g
		}
		for _, c := range cands {
			if len(k.actorsIn(c)) > 0 {
				return nil
			}
		}
		cands = cands[:0]
		for _, c := range t.children[v] {
			if r := t.rel(c); r == "obj" || r == "iobj" {
				cands = append(cands, c)
			}
		}
	}
	pps := k.ppNodes(v, skip)
	sort.SliceStable(pps, func(a, b int) bool {
		ra, ok := prepRank[t.caseOf(pps[a])]
		if !ok {
			ra = 4
		}
		rb, ok := prepRank[t.caseOf(pps[b])]
		if !ok {
			rb = 4
		}
		return ra < rb
	})
	visit := p.Code == "032" || p.Code == "042"
	// an act of force aimed "at" someone hits it: "fired shells at Y"
	force := false
	switch cameo.Root(p.Code) {
	case "18", "19", "20":
		force = true
	}
	for _, c := range pps {
		// Places are not targets: "an office in Tokyo"; but the place a
		// visit is made in is its host: "arrived in Y".
		if visit && (t.caseOf(c) == "in" || t.caseOf(c) == "at") && !k.isTime(c) {
			cands = append(cands, c)
			continue
		}
		if force && t.caseOf(c) == "at" && !k.isTime(c) && k.tokMen[c] >= 0 {
			// only an actor aimed at ("at Seoul"), not a place ("died
			// at a London hospice", "at six American ports")
			cands = append(cands, c)
			continue
		}
		if t.caseOf(c) == "by" && !passive {
			continue // a means or a measure of an active verb ("by Trump standards")
		}
		switch t.caseOf(c) {
		case "in", "at", "near", "inside", "outside", "across", "throughout", "within", "around", "during", "since", "after", "before", "until", "via", "through", "like", "as", "than", "despite":
			// a place is no target, but a partner named under it is:
			// "in the dispute with X", "talks in Tokyo with X"
			for _, n := range t.children[c] {
				if t.base(n) == "nmod" && partnerCase[t.caseOf(n)] && !k.isTime(n) {
					cands = append(cands, n)
				}
			}
			continue
		}
		cands = append(cands, c)
	}
	cands = append(cands, purpose...)
	if len(cands) > 0 && t.rel(cands[0]) == "obj" && t.upos(cands[0]) == "PROPN" && len(k.actorsIn(cands[0])) == 0 {
		// the object names someone the dictionaries do not know
		// ("criticized the Democratic National Convention for its
		// failure to mention X"): the target is unknown, not an actor
		// of another phrase
		return nil
	}
	return k.firstTarget(cands, src)
}

// objectTarget is the target of a verb coded only as a synonym of its
// dictionary block's verb, with no frame word (ease, take, link, lead as
// synonyms of facilitate, seize, connect, manage): such a verb is often
// used in another sense ("easing credit", "takes a place with Paris",
// "linked the breach to Y"), so only an actor its object names ("seized
// Crimea", "outlawed the largest group in Y") is its target, none found
// in another phrase.
func (k *sentCtx) objectTarget(v int, src []int) []int {
	t := k.t
	var objs []int
	for _, c := range t.children[v] {
		if r := t.rel(c); r == "obj" || r == "iobj" {
			objs = append(objs, c)
		}
	}
	return k.firstTarget(objs, src)
}

// skippedActors returns the actors of the phrases headed by one of preps
// that hang on verb v or on its object or phrases (as a pattern's
// prepositional phrase may).
func (k *sentCtx) skippedActors(v int, preps []string) []int {
	t := k.t
	var out []int
	var visit func(n, depth int)
	visit = func(n, depth int) {
		for _, c := range t.children[n] {
			b := t.base(c)
			if b != "obl" && b != "nmod" && b != "obj" && b != "iobj" {
				continue
			}
			if cs := t.caseOf(c); cs != "" && b != "obj" && b != "iobj" {
				for _, p := range preps {
					if cs == p {
						out = append(out, k.actorsAtWith(c, false)...)
					}
				}
			}
			if depth < 1 {
				visit(c, depth+1)
			}
		}
	}
	visit(v, 0)
	return out
}

// firstTarget returns the actors of the first candidate phrase that names
// one other than the sources.
func (k *sentCtx) firstTarget(cands, src []int) []int {
	t := k.t
	// a possessive pronoun in the object is the subject's own ("dropped
	// its objections"): never the target
	possessive := func(mi int) bool {
		m := k.in.Mentions[mi]
		return m.First == m.Last && t.upos(m.First) == "PRON" && t.rel(m.First) == "nmod:poss"
	}
	for _, c := range cands {
		var out []int
		// the phrase's own actors (with its conjuncts: "met X and Y"),
		// else the first actor inside it ("the summit of X")
		own := k.dropTopics(k.actorsAtWith(c, false))
		domestic := false
		for _, mi := range own {
			keep := !possessive(mi)
			for _, s := range src {
				if mi == s {
					keep = false
				} else if k.sameActor(mi, s) {
					keep = false
					m := k.in.Mentions[mi]
					// the phrase itself, an argument of the coded verb (not
					// of an act it asks for: "calling on X to hack Y")
					heads := c >= m.First && c <= m.Last && (t.head[c] < 0 || t.rel(t.head[c]) != "xcomp")
					domestic = domestic || (heads && !possessive(mi) && !locativeCase[t.caseOf(c)])
				}
			}
			if keep {
				out = append(out, mi)
			}
		}
		if len(out) > 0 {
			return out
		}
		if domestic {
			// the phrase is a compatriot of the source ("Trump attacked
			// Clinton for her support of action in Iraq"): the act is
			// domestic, not one on an actor of another phrase
			return nil
		}
		for _, mi := range k.dropTopics(k.actorsIn(c)) {
			if !k.placeTarget && k.underPlace(mi, c) {
				continue
			}
			keep := !possessive(mi)
			for _, s := range src {
				if mi == s || k.sameActor(mi, s) {
					keep = false
				}
			}
			if keep {
				out = append(out, mi)
			}
		}
		if len(out) > 0 {
			// the first actor named inside, with its conjuncts
			first := out[:1]
			if h := k.in.Mentions[out[0]].Head; h >= 0 && h < len(k.t.head) {
				for _, mi := range k.actorsAtWith(h, false) {
					if mi == out[0] {
						continue
					}
					keep := true
					for _, s := range src {
						if mi == s || k.sameActor(mi, s) {
							keep = false
						}
					}
					if keep {
						first = append(first, mi)
					}
				}
			}
			return first
		}
	}
	return nil
}

// underPlace reports whether mention mi lies inside a locative phrase
// ("in X", "at X") of the phrase headed by c: the place where the
// object is ("told an audience at a festival in Houston", "reporters in
// Brussels") is not acted on by a statement or appeal (see placeTarget).
func (k *sentCtx) underPlace(mi, c int) bool {
	t := k.t
	h := k.in.Mentions[mi].Head
	if h < 0 || h >= len(t.head) {
		return false
	}
	for x := h; x >= 0 && x != c; x = t.head[x] {
		if b := t.base(x); (b == "nmod" || b == "obl") && locativeCase[t.caseOf(x)] {
			return true
		}
	}
	return false
}

// topicNouns name an agreement or a war whose name modifier says what
// or where it is about, not who is acted on: "honor the Paris
// agreement", "sign up to the Kyoto protocol", "protest the Iran
// deal", "a speedy Iraq withdrawal".
// ("NATO membership" names a party: not one of them.)
var topicNouns = map[string]bool{
	"agreement": true, "accord": true, "treaty": true, "pact": true, "deal": true, "protocol": true, "convention": true,
	"war": true, "invasion": true, "withdrawal": true,
}

// dropTopics leaves out of mentions those that only modify a topic noun
// (a name or adjective as its compound or amod): such a past or
// standing agreement or war is merely mentioned, its country is no
// target.
func (k *sentCtx) dropTopics(mentions []int) []int {
	t := k.t
	out := mentions[:0:0]
	for _, mi := range mentions {
		h := k.in.Mentions[mi].Head
		if h >= 0 && h < len(t.head) && t.head[h] >= 0 {
			if r := t.rel(h); (r == "compound" || r == "amod") && topicNouns[t.lemma[t.head[h]]] {
				continue
			}
			if t.base(h) == "nmod" && t.caseOf(h) == "in" && topicNouns[t.lemma[t.head[h]]] {
				continue // "supporting the war in Iraq": where it is
			}
		}
		out = append(out, mi)
	}
	return out
}

// ppNodes returns the prepositional dependents of v (obl, nmod, advmod
// with a case child), temporal ones excluded.
func (k *sentCtx) ppNodes(v int, skip func(int) bool) []int {
	t := k.t
	var out []int
	for _, c := range t.children[v] {
		if skip(c) {
			continue
		}
		r := t.rel(c)
		if r == "obl:tmod" || r == "obl:npmod" || r == "obl:agent" {
			continue
		}
		if b := t.base(c); (b == "obl" || b == "nmod" || b == "advcl") && t.caseOf(c) != "" {
			out = append(out, c)
		}
	}
	return out
}
