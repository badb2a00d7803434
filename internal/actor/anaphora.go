package actor

import (
	"github.com/dyad-events/dyad/event"
)

// holder returns the person holding office (hog, hos, fm …) of holderKey
// (an ISO country code or an organization's short name) on date di. For
// heads of government the REIGN "effective leader" serves when no curated
// row covers the date.
func (kb *KB) holder(holderKey, office string, di int) (Entry, bool) {
	if office == "chancellor" {
		// the title heads the government only in Germany and Austria
		if holderKey != "DEU" && holderKey != "AUT" {
			return Entry{}, false
		}
		office = "hog"
	}
	try := []string{office}
	if office == "hog" || office == "hos" {
		try = append(try, "leader")
	}
	for _, o := range try {
		ids := kb.offices[holderKey+"|"+o]
		var found *Entry
		for _, id := range ids {
			e := &kb.entries[id]
			if !e.validOn(di) {
				continue
			}
			if found != nil && normalizePhrase(found.Name) != normalizePhrase(e.Name) {
				if sourceRank[e.Source] < sourceRank[found.Source] {
					found = e
					continue
				}
				if sourceRank[e.Source] == sourceRank[found.Source] {
					found = nil
					break
				}
				continue
			}
			found = e
		}
		if found != nil {
			return *found, true
		}
	}
	return Entry{}, false
}

// personOffice picks, among the entries of the person named name, the one
// for the given office valid on di (for a national title, any national
// reading valid on di).
func (kb *KB) personOffice(ids []int32, name, office string, di int) (Entry, bool) {
	if office == "" {
		return Entry{}, false
	}
	key := normalizePhrase(name)
	same := func(e *Entry) bool { return e.Kind == KindPerson && normalizePhrase(e.Name) == key }
	for _, id := range ids {
		e := &kb.entries[id]
		if same(e) && e.Office == office && e.validOn(di) {
			return *e, true
		}
	}
	if nationalOffices[office] {
		// a national title: the person's national reading, if one is valid
		// ("Foreign Secretary Geoffrey Howe" while also holding an EU chair)
		for _, id := range ids {
			e := &kb.entries[id]
			if same(e) && e.Country != "" && e.Org == "" && e.validOn(di) && (e.From != 0 || e.To != 0) {
				return *e, true
			}
		}
	}
	return Entry{}, false
}

// nationalOffices are titles held in a national government.
var nationalOffices = map[string]bool{"hos": true, "hog": true, "fm": true, "dm": true, "vp": true, "chancellor": true}

// dominant is the country mentioned most often so far ("" if none).
func (d *Doc) dominant() string {
	best, n, tie := "", 0, false
	for c, k := range d.countries {
		switch {
		case k > n:
			best, n, tie = c, k, false
		case k == n:
			tie = true
		}
	}
	if tie {
		return "" // two countries equally present: no guess
	}
	return best
}

// remember records a mention for later anaphora and surnames.
func (d *Doc) remember(m Mention, items []item, ws []word) {
	if m.Kind == KindPronoun || m.Kind == KindAnaphor || m.Code == "" || m.Loc {
		return // places ("in Bali") are not antecedents
	}
	if m.Country != "" {
		d.countries[m.Country]++
	}
	if r := rootActor(m); r.Code != "" {
		if _, ok := d.roots[r.Code]; !ok {
			d.rootOrder = append(d.rootOrder, r)
		}
		d.roots[r.Code]++
	}
	if m.Kind == KindPerson && m.Name != "" {
		if f := splitHyphens(m.Name); len(f) > 0 {
			words := normalizePhrase(m.Name)
			if i := lastSpace(words); i >= 0 {
				d.intro[words[i+1:]] = m
				delete(d.others, words[i+1:])
			}
		}
	}
	rm := recentMention{m: m, sent: d.sent, coord: -1}
	if m.Kind == KindOrg {
		for _, it := range items {
			if it.kind == KindOrg && it.e.Flags&FlagAlliance != 0 && ws[it.i].tok >= m.First && ws[it.j-1].tok <= m.Last {
				rm.alliance = true
			}
		}
	}
	// coordination: "X and Y" in the same sentence
	if n := len(d.recent); n > 0 {
		p := d.recent[n-1]
		if p.sent == d.sent && m.First == p.m.Last+2 && m.First-1 >= 0 {
			for _, w := range ws {
				if w.tok == m.First-1 && w.key == "and" {
					rm.coord = n - 1
				}
			}
		}
	}
	if len(d.recent) == cap(d.recent) {
		// grow straight to the 65 it is trimmed at (below), not 1, 2, 4 …
		c := 16
		if len(d.recent) >= 16 {
			c = 65
		}
		d.recent = append(make([]recentMention, 0, c), d.recent...)
	}
	d.recent = append(d.recent, rm)
	if len(d.recent) > 64 {
		d.recent = append(d.recent[:0], d.recent[len(d.recent)-32:]...)
		for i := range d.recent {
			d.recent[i].coord = -1
		}
	}
}

func lastSpace(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == ' ' {
			return i
		}
	}
	return -1
}

// rootActor is the country or organization of a mention as an actor of its
// own ("JPN", "IGOWSTNAT").
func rootActor(m Mention) event.Actor {
	if m.Org == "" && m.Country == "" && m.Kind == KindGroup {
		return event.Actor{Code: m.Code, Name: m.Name}
	}
	if m.Org != "" {
		code := m.Code
		if len(code) > 9 {
			code = code[:9]
		}
		return event.Actor{Code: code, Org: m.Org}
	}
	return event.Actor{Code: m.Country, Country: m.Country}
}

// window returns recent mentions from sentence d.sent-back on.
func (d *Doc) window(back int) []recentMention {
	i := len(d.recent)
	for i > 0 && d.recent[i-1].sent >= d.sent-back {
		i--
	}
	return d.recent[i:]
}

// distinctRoots lists the roots of mentions, most recent first.
func distinctRoots(rs []recentMention, countriesOnly bool) []Mention {
	var out []Mention
	seen := map[string]bool{}
	for i := len(rs) - 1; i >= 0; i-- {
		m := rs[i].m
		r := m.root()
		if r == "" && m.Kind == KindGroup && !countriesOnly {
			r = m.Code // a group of no country ("the Islamic State")
		}
		if r == "" || seen[r] || (countriesOnly && m.Org != "") {
			continue
		}
		seen[r] = true
		out = append(out, m)
	}
	return out
}

// resolveAnaphor resolves a pronoun or an anaphoric phrase conservatively:
// only when the document gives exactly one (or for pairs, two) candidates.
func (d *Doc) resolveAnaphor(it *item, ws []word, s *event.Sentence) (Mention, bool) {
	m := d.anaphorBase(it.i, it.j, ws, s)
	m.Kind = it.kind
	set := func(a Mention) {
		r := rootActor(a)
		m.Code, m.Country, m.Org = r.Code, r.Country, r.Org
		m.Name = ""
	}
	switch it.e.Code {
	case "PAIR":
		if it.lastKey == "bilateral" {
			// an adjective with no antecedent of its own: the document's
			// main dyad
			a, b := d.mainDyad()
			if a.Code == "" || b.Code == "" {
				return m, false
			}
			m.Refs = []event.Actor{a, b}
			return m, true
		}
		roots := distinctRoots(d.window(2), false)
		if len(roots) < 2 {
			return m, false
		}
		m.Refs = []event.Actor{refActor(roots[1]), refActor(roots[0])}
		return m, true
	case "ALLIANCE":
		for i := len(d.recent) - 1; i >= 0; i-- {
			if d.recent[i].alliance {
				set(d.recent[i].m)
				return m, true
			}
		}
		return m, false
	case "COUNTRY":
		roots := distinctRoots(d.window(2), true)
		if len(roots) != 1 {
			return m, false
		}
		set(roots[0])
		return m, true
	case "SG":
		if it.lastKey == "it" && !d.pronounSubject(it, ws, s) {
			return m, false // "it" as an object or in "it is likely": not an actor here
		}
		if it.lastKey != "it" && d.unknownSubjectBefore(ws[it.i].tok, s) {
			return m, false // "The DNC said its investigation …": its own subject, unknown here
		}
		roots := distinctRoots(notPersons(d.window(1)), false)
		if len(roots) == 1 {
			set(roots[0])
			return m, true
		}
		if len(roots) > 1 {
			if subj, ok := d.subjectOfPrevious(roots); ok {
				set(subj)
				return m, true
			}
		}
		return m, false
	case "PL":
		w := d.window(1)
		for i := len(w) - 1; i >= 0; i-- {
			if w[i].coord >= 0 {
				a := d.recent[w[i].coord].m
				m.Refs = []event.Actor{rootActor(a), rootActor(w[i].m)}
				return m, true
			}
		}
		return m, false
	}
	return m, false
}

// notPersons leaves out the people among recent mentions: "it" and "its"
// stand for a country, an organization or a group, never for a person
// (whose country would otherwise take the pronoun: "Trump … It has seized").
func notPersons(rs []recentMention) []recentMention {
	out := make([]recentMention, 0, len(rs))
	for _, r := range rs {
		if r.m.Kind != KindPerson {
			out = append(out, r)
		}
	}
	return out
}

// subjectOfPrevious picks, among candidate roots, the one that was the
// subject (nsubj) of the main clause of its sentence, when the parser marked
// it on the mention's head. It is recorded at remember time in subj.
func (d *Doc) subjectOfPrevious(roots []Mention) (Mention, bool) {
	var found []Mention
	for _, r := range roots {
		if r.Head >= 0 && d.subjects[r.Span] {
			found = append(found, r)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return Mention{}, false
}

// mainDyad is the pair of roots mentioned most often so far, in order of
// first mention.
func (d *Doc) mainDyad() (event.Actor, event.Actor) {
	var a, b int = -1, -1
	for i, r := range d.rootOrder {
		n := d.roots[r.Code]
		switch {
		case a < 0 || n > d.roots[d.rootOrder[a].Code]:
			b, a = a, i
		case b < 0 || n > d.roots[d.rootOrder[b].Code]:
			b = i
		}
	}
	if a < 0 || b < 0 {
		return event.Actor{}, event.Actor{}
	}
	if b < a {
		a, b = b, a
	}
	return d.rootOrder[a], d.rootOrder[b]
}

// anaphorBase is base for anaphors, which keep their article ("the two
// sides").
func (d *Doc) anaphorBase(i, j int, ws []word, s *event.Sentence) Mention {
	m := Mention{First: ws[i].tok, Last: ws[j-1].tok}
	m.Span = [2]int{ws[i].start, ws[j-1].end}
	m.Text = d.textOf(m.Span[0], m.Span[1], s)
	m.Head = headOf(s.Tokens, m.First, m.Last)
	m.Prep = prepOf(s.Tokens, m.First, m.Head)
	return m
}

// refActor is the actor a plural anaphor takes from an antecedent: its
// country or organization with the antecedent's sector ("Japan's foreign
// minister and NATO's secretary general … the two sides" → JPNGOV,
// IGOWSTNAT), without the person's name.
func refActor(m Mention) event.Actor {
	a := rootActor(m)
	if m.Country != "" && m.Role != "" && m.Role != "ELI" {
		a.Code, a.Role = m.Country+m.Role, m.Role
	}
	return a
}

// pronounSubject reports whether a pronoun is the subject of its clause: by
// the tree when there is one, else when a lowercase word (a verb) follows
// and the pronoun is not the dummy subject of "it is/was" + adjective.
func (d *Doc) pronounSubject(it *item, ws []word, s *event.Sentence) bool {
	tok := ws[it.i].tok
	if hasTree(s.Tokens) {
		r := s.Tokens[tok].Deprel
		if r != "nsubj" && r != "nsubj:pass" {
			return false
		}
		// a thing named as a subject earlier in the sentence ("once an
		// office is set up, it will …") is the likelier antecedent
		if d.unknownSubjectBefore(tok, s) {
			return false
		}
		// "it is important that …", "it is the right thing to do":
		// expletive
		if h := s.Tokens[tok].Head - 1; h >= 0 && h < len(s.Tokens) && (s.Tokens[h].UPOS == "ADJ" || hasChild(s.Tokens, h, "cop")) {
			for i := range s.Tokens {
				switch s.Tokens[i].Deprel {
				case "csubj", "ccomp", "acl", "xcomp":
					if s.Tokens[i].Head == h+1 && i > h {
						return false
					}
				}
			}
		}
		return true
	}
	if it.j >= len(ws) {
		return false
	}
	n := ws[it.j]
	if n.cap || n.key == "" || n.key == "-" || n.key == "'s" {
		return false
	}
	switch n.key {
	case "is", "was", "'s", "seems", "seemed", "remains", "remained", "would", "will", "has", "had", "may", "might", "could", "should", "must":
		return it.j+1 < len(ws) && !expletiveNext[ws[it.j+1].key]
	}
	return true
}

// expletiveNext follow "it is/was" in expletive clauses ("it is likely
// that", "it was reported").
var expletiveNext = map[string]bool{"likely": true, "unlikely": true, "clear": true, "unclear": true, "important": true,
	"possible": true, "impossible": true, "necessary": true, "reported": true, "said": true, "expected": true,
	"believed": true, "time": true, "not": true, "be": true, "been": true, "true": true, "hard": true, "difficult": true,
	"easy": true, "too": true, "also": true, "still": true}

// coveredHere reports whether token i of the current sentence is inside a
// mention already found in it.
func (d *Doc) coveredHere(i int) bool {
	for k := len(d.recent) - 1; k >= 0 && d.recent[k].sent == d.sent; k-- {
		if m := d.recent[k].m; m.First <= i && i <= m.Last {
			return true
		}
	}
	return false
}

// unknownSubjectBefore reports whether a subject before token tok in the
// sentence is a singular noun or name no mention covers ("The DNC said its
// investigation …", "once an office is set up, it will …"): the likelier
// antecedent of a pronoun there, unknown to the dictionaries. Needs a tree.
func (d *Doc) unknownSubjectBefore(tok int, s *event.Sentence) bool {
	if !hasTree(s.Tokens) {
		return false
	}
	for i := 0; i < tok && i < len(s.Tokens); i++ {
		if t := &s.Tokens[i]; (t.Deprel == "nsubj" || t.Deprel == "nsubj:pass") && (t.UPOS == "NOUN" || t.UPOS == "PROPN") &&
			t.XPOS != "NNS" && t.XPOS != "NNPS" && !calendarWords[wordKey(t.Form)] && !d.coveredHere(i) {
			return true
		}
	}
	return false
}

// hasChild reports whether token h has a dependent with relation rel.
func hasChild(toks []event.Token, h int, rel string) bool {
	for i := range toks {
		if toks[i].Head == h+1 && toks[i].Deprel == rel {
			return true
		}
	}
	return false
}
