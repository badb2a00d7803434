package actor

import (
	"strings"

	"github.com/dyad-events/dyad/event"
)

// Noun phrase composition over resolved hits. A phrase is
//
//	[MOD ['s]] [ROLE…] [PERSON | Capitalized Name]
//	ROLE [of [the]] MOD
//	ORG with its body's capitalized words ("NATO Summit", "Meeting of NATO Ministers …")
//	anaphor | pronoun
//
// where MOD is a country, demonym, capital or organization. Parts must be
// adjacent words.

func isMod(it *item) bool {
	switch it.kind {
	case KindCountry, KindCapital, KindOrg:
		return it.ok
	}
	return false
}

// adjacent reports whether b follows a directly or after a possessive
// "'s"; it returns the number of words between them.
func adjacent(a, b *item, ws []word) bool {
	if b.i == a.j {
		return true
	}
	return b.i == a.j+1 && ws[a.j].key == "'s"
}

// npModifiers may stand between a country and its role word: "Gondor's
// main opposition group", "Japan's new defence minister".
var npModifiers = map[string]bool{"main": true, "top": true, "senior": true, "chief": true, "new": true, "first": true,
	"acting": true, "outgoing": true, "incoming": true, "then": true, "former": true, "deputy": true, "current": true,
	"interim": true, "caretaker": true, "own": true, "leading": true}

// modAdjacent is adjacent allowing up to three modifier words (from
// npModifiers, or tagged ADJ) between a country and a role.
func modAdjacent(a, b *item, ws []word) bool {
	j := a.j
	if j < len(ws) && ws[j].key == "'s" {
		j++
	}
	for n := 0; j < b.i && n < 3 && (npModifiers[ws[j].key] || ws[j].adj); n++ {
		j++
	}
	return j == b.i
}

// formerBetween reports whether "former" precedes word j within the
// phrase starting at word i (or directly before it).
func formerBetween(ws []word, i, j int) bool {
	for k := max(i-1, 0); k < j && k < len(ws); k++ {
		if ws[k].key == "former" || ws[k].key == "ex" {
			return true
		}
	}
	return false
}

// connectors may join the capitalized words of a body's name.
var connectors = map[string]bool{"of": true, "for": true, "on": true, "and": true, "the": true, "de": true}

func (d *Doc) compose(items []item, k int, ws []word, s *event.Sentence, di int) (Mention, int, bool) {
	it := &items[k]
	next := k + 1
	switch it.kind {
	case KindPronoun, KindAnaphor:
		m, ok := d.resolveAnaphor(it, ws, s)
		if ok && it.e.Code == "COUNTRY" && k+1 < len(items) && adjacent(it, &items[k+1], ws) &&
			(items[k+1].kind == KindRole || items[k+1].kind == KindPerson) {
			// "the country's foreign minister": the anaphor is the modifier
			it.kind, it.ok = KindCountry, true
			it.e = Entry{Kind: KindCountry, Code: m.Country, Country: m.Country}
			break
		}
		return m, next, ok
	case KindRole:
		// a capitalized role word inside a longer proper name ("… Nuclear
		// Forces Treaty") is part of that name
		if ws[it.i].cap && !ws[it.i].upper && it.i > 0 && ws[it.i-1].cap && ws[it.i-1].tok != 0 && (k == 0 || items[k-1].j != it.i) {
			return Mention{}, next, false
		}
	}
	if (it.kind == KindCountry || it.kind == KindCapital) && it.j-it.i == 1 &&
		(d.givenBefore(it.i, ws) || d.placeOnly(it) && d.firstNameBefore(hit{i: it.i, j: it.j}, ws)) {
		// a given name before a country, demonym or capital makes it a
		// surname: "Mark Cuban", "Steve Israel", "George Washington"; any
		// name before a town or region that Phoenix files under a country
		// ("Patty Murray", not the Murray river)
		d.otherPerson(ws[it.i].key)
		return Mention{}, next, false
	}
	if it.kind == KindCountry && it.j-it.i == 1 && d.placeOnly(it) {
		// after "Patty Murray", "Murray said" is she
		if d.others[ws[it.i].key] {
			return Mention{}, next, false
		}
		if p, ok := d.intro[ws[it.i].key]; ok {
			m := d.base(it.i, it.j, ws, s)
			m.Kind, m.Code, m.Country, m.Org, m.Role, m.Name, m.Office = KindPerson, p.Code, p.Country, p.Org, p.Role, p.Name, p.Office
			return m, next, true
		}
	}
	if it.kind == KindCountry && it.j-it.i == 1 && d.others[ws[it.i].key] && d.demonym(it) && nounUse(s.Tokens, ws[it.i].tok) {
		// after "Mark Cuban", "Cuban said" is the man, not Cuba (a
		// demonym used as a noun; "Cuban exiles" stays Cuba's)
		return Mention{}, next, false
	}
	if it.kind == KindCountry && it.j < len(ws) && ws[it.j].cap && !ws[it.j].upper &&
		(it.e.Flags&FlagDemonym != 0 || ws[it.j].propn) && (k+1 >= len(items) || items[k+1].i != it.j) {
		// a demonym or (tagged) a country name inside another name: "the
		// Indian Ocean", "Japanese Studies", "China Daily", "Japan Airlines"
		return Mention{}, next, false
	}
	var mod, person *item
	var roles []*item
	cur := k
	if isMod(it) && k+1 < len(items) && (adjacent(it, &items[k+1], ws) || items[k+1].kind == KindRole && modAdjacent(it, &items[k+1], ws)) &&
		(items[k+1].kind == KindRole || items[k+1].kind == KindPerson) {
		mod = it
		cur = k + 1
	} else if isMod(it) {
		m := d.modMention(it, ws, s)
		if it.kind == KindOrg {
			j := d.extendBody(&m, it.i, it.j, ws, s)
			next = itemAfter(items, k+1, j)
		}
		return m, next, true
	}
	for cur < len(items) && items[cur].kind == KindRole && (len(roles) == 0 && (mod == nil || modAdjacent(mod, &items[cur], ws)) || len(roles) > 0 && items[cur].i == roles[len(roles)-1].j) {
		roles = append(roles, &items[cur])
		cur++
	}
	if cur < len(items) && items[cur].kind == KindPerson {
		prevEnd := -1
		if len(roles) > 0 {
			prevEnd = roles[len(roles)-1].j
		} else if mod != nil {
			prevEnd = mod.j
		}
		if prevEnd < 0 || items[cur].i == prevEnd || (len(roles) == 0 && items[cur].i == prevEnd+1 && ws[prevEnd].key == "'s") {
			person = &items[cur]
			cur++
		}
	}
	// "the Biden administration", "the Kishida government": a leader's name
	// before a word for the government
	if person != nil && person.ok && cur < len(items) && items[cur].kind == KindRole && items[cur].i == person.j &&
		govNouns[items[cur].lastKey] && person.e.Country != "" {
		g := &items[cur]
		m := d.base(first0(mod, roles, person), g.j, ws, s)
		m.Kind = KindCountry
		m.Code, m.Country, m.Role = person.e.Country+"GOV", person.e.Country, "GOV"
		m.Name = person.e.Name
		return m, cur + 1, true
	}
	if mod == nil && len(roles) == 0 && person == nil {
		// a group (non-state actor, national institution) or an
		// unresolved reading
		if it.kind == KindGroup && it.ok {
			m := d.base(it.i, it.j, ws, s)
			m.Kind = KindGroup
			m.Code, m.Country, m.Org, m.Role, m.Name = it.e.Code, it.e.Country, it.e.Org, it.e.Role, it.e.Name
			return m, next, true
		}
		if it.ambiguous {
			m := d.base(it.i, it.j, ws, s)
			m.Kind, m.Ambiguous = it.kind, true
			return m, next, true
		}
		return Mention{}, next, false
	}
	first := it.i
	last := first
	switch {
	case person != nil:
		last = person.j
	case len(roles) > 0:
		last = roles[len(roles)-1].j
	default:
		last = mod.j
	}
	// a title followed by an unknown capitalized name: "Foreign Minister Ana Lopez"
	nameFrom, nameTo := -1, -1
	if person == nil && len(roles) > 0 && last < len(ws) {
		j := last
		for j < len(ws) && j-last < 3 && isTitle(roles) && ws[j].cap && !ws[j].upper && (!d.startsItem(items, cur, j) || j > last && d.surnameItem(items, cur, j, ws)) && ws[j].key != "'s" && !titleWords[ws[j].key] && (!functionWords[ws[j].key] || honorifics[ws[j].key]) {
			j++
		}
		switch {
		case j > last && cur < len(items) && items[cur].i == j && items[cur].kind == KindPerson && items[cur].ok:
			// a first name the dictionaries lack before a known surname:
			// "president Mahmud Abbas"
			person = &items[cur]
			cur++
			last = person.j
		case j > last:
			nameFrom, nameTo = last, j
			last = j
			cur = itemAfter(items, cur, j)
			for nameFrom < nameTo-1 && honorifics[ws[nameFrom].key] {
				nameFrom++ // "Mr Livingstone" is named Livingstone
			}
		}
	}
	// ROLE of|from [the] MOD: "the Government of Japan", "Secretary General
	// of NATO", "soldiers from Chad" (not "in": a place is not an affiliation)
	roleOf := false
	if mod == nil && person == nil && nameFrom < 0 && len(roles) > 0 && cur < len(items) {
		j := last
		if j < len(ws) && (ws[j].key == "of" || ws[j].key == "from" || (ws[j].key == "in" && inRole(roles))) {
			j++
			if j < len(ws) && ws[j].key == "the" {
				j++
			}
			if c := &items[cur]; c.i == j && isMod(c) && c.e.Flags&FlagDemonym == 0 && (ws[last].key != "in" || c.kind == KindCountry) {
				mod = c
				last = c.j
				cur++
				roleOf = true
			}
		}
	}
	m := d.base(first, last, ws, s)
	role := roles
	var office, roleCode string
	for _, r := range role {
		if r.e.Code == "" {
			continue
		}
		if roleCode == "" {
			roleCode = r.e.Code
		}
		if r.e.Office != "" && office == "" {
			office = r.e.Office
			roleCode = r.e.Code
		}
	}
	m.Office = office
	switch {
	case person != nil && person.ok:
		e := person.e
		if person.surname || len(person.ids) > 0 {
			if alt, ok := d.kb.personOffice(person.ids, e.Name, office, di); ok {
				e = alt
			}
		}
		m.Kind = KindPerson
		m.Code, m.Country, m.Org, m.Role, m.Name = e.Code, e.Country, e.Org, e.Role, e.Name
		if m.Office == "" {
			m.Office = e.Office
		}
		current := roleCode != "" && !formerBetween(ws, first, person.i)
		switch {
		case mod != nil && m.Country == "" && m.Org == "":
			d.applyMod(&m, mod, roleCode)
		case current && (m.Role == "" || m.Role == "ELI") && mod != nil && mod.kind != KindOrg && mod.e.Country != "":
			// the text's title is news the dictionaries may lack: "U.S.
			// Treasury Secretary James Baker" while they know him only
			// from other years
			m.Code, m.Country, m.Org, m.Role = mod.e.Country+roleCode, mod.e.Country, "", sector(roleCode)
		case current && (m.Role == "" || m.Role == "ELI") && m.Country != "":
			// "MP Boris Johnson" in 2005, "Minister Kiichi Miyazawa" in 1987
			m.Code, m.Org, m.Role = m.Country+roleCode, "", sector(roleCode)
		case current && m.Role == "ELI":
			// a title with no country known: the title's sector alone
			m.Code, m.Country, m.Org, m.Role = roleCode, "", "", sector(roleCode)
		}
	case mod != nil:
		d.applyMod(&m, mod, roleCode)
		if nameFrom >= 0 || (person != nil && !person.ok) {
			m.Kind = KindPerson
			if nameFrom >= 0 {
				m.Name = oneLine(d.textOf(ws[nameFrom].start, ws[nameTo-1].end, s))
			} else {
				m.Name = oneLine(d.textOf(ws[person.i].start, ws[person.j-1].end, s))
			}
		} else if office != "" {
			if h, ok := d.kb.holder(m.root(), office, di); ok {
				m.Name = h.Name
			}
		}
	default:
		if roleCode == "" {
			return Mention{}, cur, false
		}
		m.Kind = KindRole
		m.Code, m.Role = roleCode, sector(roleCode)
		if c := roles[0].e.Country; c != "" {
			// a national institution: "the Self-Defense Forces"
			m.Kind, m.Code, m.Country = KindCountry, c+roleCode, c
		}
		if nameFrom >= 0 {
			m.Kind = KindPerson
			m.Name = oneLine(d.textOf(ws[nameFrom].start, ws[nameTo-1].end, s))
		}
		if (office != "" || govNouns[roles[len(roles)-1].lastKey]) && first > 0 && ws[first-1].key == "the" && nameFrom < 0 {
			// "the prime minister": the office holder of the document's
			// country; "the administration": the country of the last
			// "X administration" (a word for a government the US uses,
			// whatever country the story names most)
			c := d.dominant()
			if roles[len(roles)-1].lastKey == "administration" {
				c = d.admin
			}
			if c != "" {
				m.Code, m.Country, m.Role = c+roleCode, c, "GOV"
				if h, ok := d.kb.holder(c, office, di); ok && office != "" {
					m.Kind = KindPerson
					m.Name = h.Name
				}
			}
		}
	}
	if person == nil && len(roles) > 0 && m.Country != "" && formerBetween(ws, first, roles[0].i) {
		// "former Gondor prosecutors", "Japan's former defence minister"
		m.Code, m.Role, m.Name = m.Country+"ELI", "ELI", ""
		if first > 0 && (ws[first-1].key == "former" || ws[first-1].key == "ex") {
			n := d.base(first-1, last, ws, s)
			m.Text, m.Span, m.First, m.Prep, m.Loc = n.Text, n.Span, n.First, n.Prep, n.Loc
		}
	}
	if mod != nil && mod.kind == KindOrg && person == nil && nameFrom < 0 {
		if j := d.extendBody(&m, first, last, ws, s); j > last {
			// a body's name ("NATO Defence Ministers Meeting"): the
			// organization itself, whatever role words it contains
			m.Code, m.Role, m.Office = mod.e.Code, "", ""
			cur = itemAfter(items, cur, j)
		}
	}
	m.roleOf = roleOf && m.Role != "" && m.Kind == KindCountry
	return m, cur, true
}

// inRole reports whether a role phrase names people who belong to the
// country they are "in": "lawmakers in Gondor", "officials in Kenya",
// "protesters in Chile", "residents in Haiti" (not soldiers, refugees or
// reporters, who are often foreigners there).
func inRole(roles []*item) bool {
	r := roles[len(roles)-1]
	if r.e.Code == "" || !strings.HasSuffix(r.lastKey, "s") {
		return false
	}
	switch sector(r.e.Code) {
	case "GOV", "LEG", "JUD", "OPP", "CVL", "REB", "HRI":
		return true
	}
	return false
}

// distribute gives the role of "the ambassadors of A, B and C" to every
// country coordinated with A: B and C are bare countries following the
// composed mention with only commas and "and" between them.
func distribute(out []Mention, toks []event.Token) {
	n := len(out)
	if n < 2 {
		return
	}
	m, p := &out[n-1], &out[n-2]
	if m.Kind != KindCountry || m.Role != "" || m.Country == "" || m.Code != m.Country || !p.roleOf {
		return
	}
	if m.First <= p.Last+1 {
		return
	}
	for t := p.Last + 1; t < m.First; t++ {
		if f := strings.ToLower(toks[t].Form); f != "," && f != "and" {
			return
		}
	}
	m.Code, m.Role, m.roleOf = m.Country+strings.TrimPrefix(p.Code, p.Country), p.Role, true
}

// startsItem reports whether word j starts one of items[from:].
func (d *Doc) startsItem(items []item, from, j int) bool {
	for k := from; k < len(items); k++ {
		if items[k].i == j {
			return true
		}
		if items[k].i > j {
			break
		}
	}
	return false
}

// applyMod fills the code of a country/organization + role phrase.
func (d *Doc) applyMod(m *Mention, mod *item, roleCode string) {
	e := mod.e
	switch mod.kind {
	case KindOrg:
		m.Kind = KindOrg
		m.Code, m.Org, m.Name = e.Code, e.Org, e.Name
		if roleCode != "" && sector(roleCode) != "GOV" {
			m.Code += roleCode
			m.Role = sector(roleCode)
		}
	default:
		m.Kind = KindCountry
		m.Country = e.Country
		if roleCode == "" {
			m.Code, m.Role = e.Code, e.Role
			if mod.kind == KindCapital {
				m.Kind = KindCapital
			}
			return
		}
		m.Code, m.Role = e.Country+roleCode, sector(roleCode)
	}
}

// modMention is a bare country, capital or organization.
func (d *Doc) modMention(it *item, ws []word, s *event.Sentence) Mention {
	m := d.base(it.i, it.j, ws, s)
	m.Kind = it.kind
	m.Code, m.Country, m.Org, m.Role, m.Name = it.e.Code, it.e.Country, it.e.Org, it.e.Role, it.e.Name
	if it.kind == KindCountry || it.kind == KindCapital {
		m.Name = ""
	}
	return m
}

// extendBody widens an organization mention over the capitalized words of
// its body's name: "NATO Summit", "NATO Cooperative Cyber Defence Centre of
// Excellence", "Meeting of NATO Ministers of Foreign Affairs".
func (d *Doc) extendBody(m *Mention, first, last int, ws []word, s *event.Sentence) int {
	j := last
	for j < len(ws) {
		if ws[j].cap && !ws[j].upper && ws[j].key != "'s" && !d.isPlace(ws[j].key) && !calendarWords[ws[j].key] {
			j++
			continue
		}
		if connectors[ws[j].key] && j+1 < len(ws) && ws[j+1].cap && !ws[j+1].upper && ws[j].key != "the" && !d.isPlace(ws[j+1].key) && !calendarWords[ws[j+1].key] {
			j += 2
			continue
		}
		break
	}
	i := first
	if i >= 2 && ws[i-1].key == "of" && ws[i-2].cap && ws[i-2].tok != 0 {
		i -= 2
		for i > 0 && ws[i-1].cap && ws[i-1].tok != 0 {
			i--
		}
	} else if i >= 3 && ws[i-1].key == "the" && ws[i-2].key == "of" && ws[i-3].cap {
		i -= 3
		for i > 0 && ws[i-1].cap && ws[i-1].tok != 0 {
			i--
		}
	}
	if j == last && i == first {
		return j
	}
	n := d.base(i, j, ws, s)
	m.Text, m.Span, m.First, m.Last, m.Head = n.Text, n.Span, n.First, n.Last, n.Head
	m.Prep, m.Loc = n.Prep, n.Loc
	m.Name = oneLine(n.Text)
	return j
}

// isPlace reports whether a word names a country, capital or person on its
// own: a body's name stops there ("the NATO Summit Vilnius" is two things).
func (d *Doc) isPlace(key string) bool {
	return d.namesAny(key, KindCountry, KindCapital, KindPerson)
}

// namesAny reports whether a word is by itself a phrase of one of kinds.
func (d *Doc) namesAny(key string, kinds ...string) bool {
	for _, id := range d.kb.lookup(key) {
		for _, k := range kinds {
			if d.kb.entries[id].Kind == k {
				return true
			}
		}
	}
	return false
}

// itemAfter is the index of the first item from k on that starts at or
// after word j.
func itemAfter(items []item, k, j int) int {
	for k < len(items) && items[k].i < j {
		k++
	}
	return k
}

// base fills span, tokens, head and preposition of the phrase over words
// [i, j).
func (d *Doc) base(i, j int, ws []word, s *event.Sentence) Mention {
	if j-i > 1 && ws[i].key == "the" {
		i++ // articles stay outside names ("the US" → "US")
	}
	m := Mention{First: ws[i].tok, Last: ws[j-1].tok}
	m.Span = [2]int{ws[i].start, ws[j-1].end}
	m.Text = d.textOf(m.Span[0], m.Span[1], s)
	m.Head = headOf(s.Tokens, m.First, m.Last)
	m.Prep = prepOf(s.Tokens, m.First, m.Head)
	m.Loc = locPreps[m.Prep]
	return m
}

func (d *Doc) textOf(a, b int, s *event.Sentence) string {
	if a >= s.Start && b <= s.End && a <= b && b-s.Start <= len(s.Text) {
		return s.Text[a-s.Start : b-s.Start]
	}
	return ""
}

// hasTree reports whether the tokens carry a dependency tree.
func hasTree(toks []event.Token) bool {
	for i := range toks {
		if toks[i].Head > 0 {
			return true
		}
	}
	return false
}

// headOf is the token of [first, last] whose head lies outside the span
// (the last such one), or last when there is no tree.
func headOf(toks []event.Token, first, last int) int {
	if !hasTree(toks) {
		return last
	}
	h := last
	for i := first; i <= last; i++ {
		p := toks[i].Head - 1
		if p < first || p > last {
			h = i
		}
	}
	return h
}

var preps = map[string]bool{}
var locPreps = map[string]bool{}

func init() {
	for _, p := range strings.Fields("in at on near inside within across throughout around outside into from to with by for of against between among toward towards over under via about beyond behind") {
		preps[p] = true
	}
	for _, p := range strings.Fields("in at near inside within across throughout around outside beyond") {
		locPreps[p] = true
	}
}

// determiners and adjectives allowed between a preposition and its phrase.
var npLead = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true}

// prepOf finds the preposition that governs the phrase: the "case" child of
// its head in a tree, else the word before the phrase (skipping articles).
func prepOf(toks []event.Token, first, head int) string {
	if hasTree(toks) {
		for i := range toks {
			if toks[i].Head == head+1 && strings.HasPrefix(toks[i].Deprel, "case") && i < first {
				if f := strings.ToLower(toks[i].Form); preps[f] {
					return f
				}
			}
		}
		return ""
	}
	i := first - 1
	for i >= 0 && npLead[strings.ToLower(toks[i].Form)] {
		i--
	}
	if i >= 0 {
		if f := strings.ToLower(toks[i].Form); preps[f] {
			return f
		}
	}
	return ""
}

// titleWords end role phrases that can stand before a person's name.
var titleWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`minister president premier chancellor secretary general ambassador envoy
spokesman spokeswoman spokesperson official leader chairman chairwoman chair chief director king queen emperor
prince governor mayor senator lawmaker judge professor admiral colonel commander marshal lieutenant captain
representative deputy adviser advisor fellow researcher scholar analyst`) {
		titleWords[w] = true
	}
}

// isTitle reports whether the role phrase can precede a name.
func isTitle(roles []*item) bool {
	r := roles[len(roles)-1]
	if r.e.Office != "" {
		return true
	}
	return titleWords[r.lastKey]
}

// govNouns name a government after its leader ("the Biden administration").
var govNouns = map[string]bool{"administration": true, "government": true, "cabinet": true}

// first0 is the first word of a phrase's parts.
func first0(mod *item, roles []*item, person *item) int {
	switch {
	case mod != nil:
		return mod.i
	case len(roles) > 0:
		return roles[0].i
	}
	return person.i
}

// sector is the CAMEO sector of a role code ("GOVMIL" → "GOV").
func sector(code string) string {
	if len(code) < 3 {
		return code
	}
	return code[:3]
}

// honorifics precede names but are not part of them.
var honorifics = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "sir": true, "lord": true, "lady": true, "dame": true, "madam": true}

// calendarWords end a body's name: "NATO on Thursday" is not a body.
var calendarWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december`) {
		calendarWords[w] = true
	}
}

// oneLine collapses the white space of a name taken from the text ("Satoshi
// \nSumita" → "Satoshi Sumita").
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// givenBefore reports whether the word before word i is a given name the
// knowledge base knows from people's full names ("Mark", "Ted"), written
// as a name and as a word of its own.
func (d *Doc) givenBefore(i int, ws []word) bool {
	if i == 0 {
		return false
	}
	p := &ws[i-1]
	return p.tok != ws[i].tok && p.cap && !p.upper && d.kb.given[p.key] && !d.kb.hasNonPerson(p.key)
}

// demonym reports whether an item can be read as a demonym ("Cuban").
func (d *Doc) demonym(it *item) bool {
	if it.e.Flags&FlagDemonym != 0 {
		return true
	}
	for _, id := range it.ids {
		if d.kb.entries[id].Flags&FlagDemonym != 0 {
			return true
		}
	}
	return false
}

// nounUse reports whether a token stands as a noun phrase of its own
// (subject, object, possessor …), not as the modifier of a noun after it
// ("Cuban exiles"). Without a tree: false.
func nounUse(toks []event.Token, tok int) bool {
	if !hasTree(toks) || tok < 0 || tok >= len(toks) {
		return false
	}
	t := &toks[tok]
	if t.Deprel == "" || t.Deprel == "_" {
		return false
	}
	mod := t.Deprel == "amod" || t.Deprel == "compound" || strings.HasPrefix(t.Deprel, "compound:")
	return !(mod && t.Head-1 > tok)
}

// surnameItem reports whether the item starting at word j (from items[from:])
// is a one-word place that the name before it makes a surname ("Senator
// Patty Murray").
func (d *Doc) surnameItem(items []item, from, j int, ws []word) bool {
	for k := from; k < len(items) && items[k].i <= j; k++ {
		it := &items[k]
		if it.i == j && it.j-it.i == 1 && (it.kind == KindCountry || it.kind == KindCapital) &&
			(d.givenBefore(it.i, ws) || d.placeOnly(it) && d.firstNameBefore(hit{i: it.i, j: it.j}, ws)) {
			return true
		}
	}
	return false
}

// placeOnly reports whether an item is a place only Phoenix lists under a
// country (a town or region: "Murray", "Leeds", "Houston"), not a
// country's own name, demonym or capital from the country tables.
func (d *Doc) placeOnly(it *item) bool {
	for _, id := range it.ids {
		if src := d.kb.entries[id].Source; src != "phoenix" {
			return false
		}
	}
	return len(it.ids) > 0
}
