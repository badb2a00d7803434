package actor

import (
	"strings"
	"time"

	"github.com/dyad-events/dyad/event"
)

// Mention is one actor mention found in a sentence.
//
// For org heads ("NATO Secretary General Jens Stoltenberg") the code is
// the organization's (IGOWSTNAT) and Role is empty: CAMEO codes an IGO's
// leadership as the IGO itself. For plural anaphors ("the two sides",
// "they") Code is empty and Refs lists the actors referred to.
type Mention struct {
	Text        string // the phrase as written (Text[Span[0]:Span[1]] of the document)
	Span        [2]int // byte offsets into the document text
	First, Last int    // token indexes (0-based, inclusive) of the phrase
	Head        int    // token index of the phrase's head

	Code    string // CAMEO actor code: JPNGOV, IGOWSTNAT, USAMIL …; "" when unresolved
	Country string // ISO 3166 alpha-3 or ""
	Org     string // organization short name or ""
	Role    string // CAMEO sector (GOV, MIL, EDU …) or ""
	Name    string // canonical person or body name when known

	Kind      string        // country | capital | org | person | role | group | pronoun | anaphor
	Office    string        // office key when the phrase names an office (hog, hos, fm, dm, sg …)
	Prep      string        // preposition governing the phrase ("in", "with"), lowercase; "" if none
	Loc       bool          // object of a locative preposition ("in Tokyo"): a place, maybe not an actor
	Ambiguous bool          // a known name with several readings on the date, left unresolved
	Refs      []event.Actor // actors an anaphor or pronoun stands for

	roleOf bool // a role of a country named after it ("ambassadors of A"), passed on to countries coordinated with it
}

// Actor returns the mention as an event actor.
func (m Mention) Actor() event.Actor {
	return event.Actor{Text: m.Text, Code: m.Code, Country: m.Country, Org: m.Org, Role: m.Role, Name: m.Name}
}

// root is the country or organization a mention belongs to ("JPN",
// "NATO"), "" when it has none.
func (m Mention) root() string {
	if m.Org != "" {
		return m.Org
	}
	return m.Country
}

// Doc is the per-document state of the recognizer: names introduced in
// full (so that a later bare surname resolves to the same person), recent
// mentions for anaphora, and the document's most mentioned country.
// A Doc is not safe for concurrent use.
type Doc struct {
	kb        *KB
	published time.Time
	intro     map[string]Mention // surname key → the mention that introduced it
	others    map[string]bool    // surname keys of people the text names who are not the KB's (Gary Johnson, Mark Cuban)
	spelled   map[string]bool    // organizations' names (normalized) the text has written out
	recent    []recentMention
	countries map[string]int
	sent      int // index of the sentence being read
	words     []word
	toks      []event.Token // tokens of the sentence being read
	titleCase bool          // the sentence is a headline in title case
	admin     string        // country of the last "X administration" named
	hits      []hit
	items     []item          // Mentions' scratch
	subjects  map[[2]int]bool // spans of mentions that head a main-clause subject
	tagged    bool            // the current sentence carries POS tags
	// countries named in the current sentence
	sentCountries map[string]bool
	roots         map[string]int // root actor code → mentions so far
	rootOrder     []event.Actor  // root actors in order of first mention
}

type recentMention struct {
	m        Mention
	sent     int
	alliance bool
	coord    int // index in recent of the mention it is coordinated with ("X and Y"), -1 if none
}

// NewDoc starts reading a document published on the given date.
func (kb *KB) NewDoc(published time.Time) *Doc {
	return &Doc{kb: kb, published: published, intro: map[string]Mention{}, others: map[string]bool{}, spelled: map[string]bool{}, countries: map[string]int{}, subjects: map[[2]int]bool{}, roots: map[string]int{}, sentCountries: map[string]bool{}}
}

// item is one resolved dictionary hit.
type item struct {
	i, j      int // words [i, j)
	kind      string
	e         Entry
	ok        bool // resolved to one entry
	ambiguous bool
	surname   bool
	ids       []int32
	lastKey   string // key of the last word
}

var kindRank = map[string]int{KindOrg: 0, KindCapital: 1, KindCountry: 2, KindPerson: 3, KindGroup: 4, KindRole: 5, KindAnaphor: 6, KindPronoun: 7}

var sourceRank = map[string]int{"user": 0, "curated": 1, "mledoze": 2, "phoenix": 3, "reign": 4, "archigos": 5, "igos": 6}

// Mentions finds the actor mentions of sentence s. date is the date that
// decides office holders (the event's date when known, else the
// publication date; zero means the publication date). Sentences must be
// passed in document order.
func (d *Doc) Mentions(s *event.Sentence, date time.Time) []Mention {
	if date.IsZero() {
		date = d.published
	}
	di := dateInt(date)
	d.sent = s.Index
	d.tagged = len(s.Tokens) > 0 && s.Tokens[0].UPOS != ""
	// the sentence's buffers come from the pool and go back at the end
	sc := scratchPool.Get().(*scratch)
	d.words = d.kb.appendWords(sc.words[:0], s.Tokens, &sc.keys)
	d.toks = s.Tokens
	d.titleCase = isTitleCase(d.words)
	ws := d.words
	d.hits = d.kb.match(ws, sc.hits[:0])
	// countries named in this sentence make their people plausible too
	clear(d.sentCountries)
	for _, h := range d.hits {
		for _, id := range h.ids {
			if e := &d.kb.entries[id]; (e.Kind == KindCountry || e.Kind == KindCapital) && e.Country != "" {
				d.sentCountries[e.Country] = true
			} else if e.Kind == KindOrg && e.Flags&FlagAcronym == 0 && h.j-h.i > 1 && e.Name != "" {
				d.spelled[normalizePhrase(e.Name)] = true
			}
		}
	}
	items := sc.items[:0] // (nothing keeps an item past the sentence)
	for _, h := range d.hits {
		it := d.resolveHit(h, ws, di)
		if it.kind == "" {
			continue
		}
		items = append(items, it)
	}
	var out []Mention
	if len(items) > 0 {
		out = make([]Mention, 0, len(items)) // each mention takes an item or more
	}
	for k := 0; k < len(items); {
		m, next, ok := d.compose(items, k, ws, s, di)
		k = next
		if !ok {
			continue
		}
		if len(out) > 0 {
			d.shareModifier(&out[len(out)-1], &m, ws, s, di)
		}
		out = append(out, m)
		if m.Country != "" && m.Last < len(s.Tokens) && strings.EqualFold(s.Tokens[m.Last].Form, "administration") {
			d.admin = m.Country // "the Obama administration", "the U.S. administration"
		}
		distribute(out, s.Tokens)
		if isMainSubject(s.Tokens, m.Head) {
			d.subjects[m.Span] = true
		}
		d.remember(m, items, ws)
	}
	if hasTree(s.Tokens) {
		d.appositions(out, s)
	}
	clear(items) // drop the entries' strings and slices
	clear(d.hits)
	sc.words, sc.hits, sc.items = d.words[:0], d.hits[:0], items[:0]
	d.words, d.hits = nil, nil
	scratchPool.Put(sc)
	if len(out) == 0 {
		return nil
	}
	return out
}

// appositions attaches a title given in apposition to the unknown name it
// describes, using the tree: "Ana Tamborim, Chile's foreign minister, said"
// becomes one mention headed by the name, coded by the title. Only names
// (PROPN) that no other mention covers are taken.
func (d *Doc) appositions(out []Mention, s *event.Sentence) {
	toks := s.Tokens
	covered := func(i int) bool {
		for _, m := range out {
			if m.First <= i && i <= m.Last {
				return true
			}
		}
		return false
	}
	for k := range out {
		m := &out[k]
		if m.Kind == KindPronoun || m.Kind == KindAnaphor || m.Kind == KindPerson || m.Code == "" {
			continue
		}
		h := m.Head
		if h < 0 || h >= len(toks) || toks[h].Deprel != "appos" {
			continue
		}
		p := toks[h].Head - 1
		if p < 0 || p >= m.First || toks[p].UPOS != "PROPN" || covered(p) {
			continue
		}
		first, last := p, p
		for i := range toks {
			if toks[i].Head == p+1 && (toks[i].Deprel == "flat" || toks[i].Deprel == "compound" || strings.HasPrefix(toks[i].Deprel, "flat:")) && toks[i].UPOS == "PROPN" {
				first, last = min(first, i), max(last, i)
			}
		}
		if last >= m.First || toks[first].Start < 0 {
			continue
		}
		comma := false
		for i := last + 1; i < m.First; i++ {
			comma = comma || toks[i].Form == "," || toks[i].Form == "(" || toks[i].Form == "–" || toks[i].Form == "—"
		}
		if !comma {
			continue // an apposition is set off by punctuation; else it is a misparse
		}
		name := oneLine(d.textOf(toks[first].Start, toks[last].End, s))
		m.First, m.Head, m.Kind, m.Name = first, p, KindPerson, name
		m.Span[0] = toks[first].Start
		m.Text = d.textOf(m.Span[0], m.Span[1], s)
		m.Prep = prepOf(toks, m.First, m.Head)
		m.Loc = false
		if k := normalizePhrase(name); lastSpace(k) >= 0 {
			// the name introduces its surname for later ("Jorge
			// Castañeda, a former Mexican foreign minister … Mr. Castañeda")
			sur := k[lastSpace(k)+1:]
			d.intro[sur] = *m
			delete(d.others, sur)
		}
	}
}

// resolveHit picks the reading of a hit valid on date di.
func (d *Doc) resolveHit(h hit, ws []word, di int) item {
	kb := d.kb
	it := item{i: h.i, j: h.j, surname: h.surname, ids: h.ids, lastKey: ws[h.j-1].key}
	if g, ok := d.givenBeforeInitials(h, ws); ok {
		// "Viktor F. Yanukovych": the person of that given name, else someone
		// the dictionaries do not know ("Harry B. Harris")
		return d.resolveFullName(it, h, ws, g, di)
	}
	if h.surname {
		it.kind = KindPerson
		// a capitalized unknown word before a surname is another first name
		if d.firstNameBefore(h, ws) {
			d.otherPerson(ws[h.i].key)
			return item{}
		}
		// … and a capitalized name after it makes it a first name
		if h.j < len(ws) && ws[h.j].cap && !ws[h.j].upper && !d.isPlaceOrBody(ws[h.j].key) || d.givenAhead(h, ws) {
			return item{}
		}
		if d.others[ws[h.i].key] {
			return item{} // the story's own person of that name, not the KB's
		}
		if m, ok := d.intro[ws[h.i].key]; ok {
			it.ok = true
			it.e = Entry{Kind: KindPerson, Code: m.Code, Country: m.Country, Org: m.Org, Role: m.Role, Name: m.Name, Office: m.Office}
			return it
		}
		it.ids = d.plausible(h.ids, ws[h.i].key, di)
		e, ok, amb := kb.pick(it.ids, KindPerson, di)
		if !ok || amb {
			return item{} // a bare surname that is not clear: no mention
		}
		it.e, it.ok = e, true
		return it
	}
	// a user's dictionary overrides the built-in readings of its phrases
	// ("KUWAIT [KUW]" over the built-in country and capital)
	var user []int32
	for _, id := range h.ids {
		if kb.entries[id].Source == "user" {
			user = append(user, id)
		}
	}
	if len(user) > 0 && len(user) < len(h.ids) {
		h.ids = user
		it.ids = user
	}
	if d.obscureAcronym(h, ws) {
		return item{}
	}
	best := 99
	for _, id := range h.ids {
		if r := kindRank[kb.entries[id].Kind]; r < best {
			best = r
			it.kind = kb.entries[id].Kind
		}
	}
	if it.kind == KindPerson && h.j-h.i == 1 && d.firstNameBefore(h, ws) {
		d.otherPerson(ws[h.i].key)
		return item{} // "Akie Abe" is not Shinzo Abe
	}
	if it.kind == KindPerson && h.j-h.i == 1 && d.givenAhead(h, ws) {
		return item{} // a given name before another name: "George Washington", "Gary Johnson"
	}
	if it.kind == KindPerson && h.j-h.i == 1 && d.others[ws[h.i].key] {
		return item{} // "Gary Johnson … Johnson said": not Boris Johnson
	}
	if it.kind == KindPerson && h.j-h.i == 1 {
		// one-word person names: also consider people known by that surname
		if m, ok := d.intro[ws[h.i].key]; ok {
			it.ok = true
			it.e = Entry{Kind: KindPerson, Code: m.Code, Country: m.Country, Org: m.Org, Role: m.Role, Name: m.Name, Office: m.Office}
			return it
		}
		ids := append(d.plausible(h.ids, "", di), d.plausible(kb.surnames[ws[h.i].key], ws[h.i].key, di)...)
		it.ids = ids
		if len(it.ids) == 0 {
			return item{}
		}
	}
	if it.kind == KindPerson {
		// all readings of the same person, whatever alias matched
		// (of the readings kept: a reading plausible() dropped must not
		// come back through another alias of the same name)
		names := map[string]bool{}
		for _, id := range it.ids {
			if e := &kb.entries[id]; e.Kind == KindPerson {
				names[normalizePhrase(e.Name)] = true
			}
		}
		it.ids = append([]int32(nil), it.ids...) // never append into KB slices
		for n := range names {
			it.ids = append(it.ids, kb.persons[n]...)
		}
		it.ids = dedupe(it.ids)
	}
	e, ok, amb := kb.pick(it.ids, it.kind, di)
	it.e, it.ok, it.ambiguous = e, ok && !amb, amb
	if (it.kind == KindCountry || it.kind == KindGroup) && d.usState(h, ws) {
		it.kind, it.ok, it.ambiguous = KindCountry, true, false
		it.e = Entry{Kind: KindCountry, Code: "USA", Country: "USA", Flags: FlagProper, Source: "usstate"}
		return it
	}
	if it.kind == KindPerson && !it.ok && h.j-h.i == 1 {
		return item{} // one word, no clear reading
	}
	return it
}

// known reports whether a word key is in the dictionary vocabulary as a
// phrase of its own.
func (d *Doc) known(key string) bool {
	return len(d.kb.lookup(key)) > 0
}

// pick chooses among the entries of one kind the reading valid on date di:
// the best source first, dated readings before undated ones; for people
// with no office on the date, their latest earlier office makes them a
// former official (role ELI). ok is false when nothing fits; ambiguous when
// several different codes fit equally well.
func (kb *KB) pick(ids []int32, kind string, di int) (e Entry, ok, ambiguous bool) {
	var cands []*Entry
	for _, id := range ids {
		if en := &kb.entries[id]; en.Kind == kind {
			cands = append(cands, en)
		}
	}
	if len(cands) == 0 {
		return Entry{}, false, false
	}
	var valid []*Entry
	for _, c := range cands {
		if c.validOn(di) && (c.From != 0 || c.To != 0) {
			valid = append(valid, c)
		}
	}
	// a person's latest office that ended before di
	var last *Entry
	for _, c := range cands {
		if c.To != 0 && c.To < di && (last == nil || c.To > last.To || c.To == last.To && sourceRank[c.Source] < sourceRank[last.Source]) {
			last = c
		}
	}
	if len(valid) == 0 && kind == KindPerson && last != nil && last.Flags&FlagOpen != 0 && last.Country != "" {
		// still in office when the source was made, unknown since: the
		// country, without a sector (a source's undated default such as
		// "former official" would be a guess)
		f := *last
		f.Code, f.Role, f.Org, f.Office = f.Country, "", "", ""
		return f, true, false
	}
	if len(valid) == 0 {
		for _, c := range cands {
			if c.From == 0 && c.To == 0 {
				valid = append(valid, c)
			}
		}
	}
	if len(valid) == 0 && kind == KindPerson {
		// former office holder
		if last == nil {
			// only later offices: the person's country, no sector yet
			var next *Entry
			for _, c := range cands {
				if c.From > di && (next == nil || c.From < next.From) {
					next = c
				}
			}
			if next == nil || next.Country == "" {
				return Entry{}, false, false
			}
			f := *next
			f.Code, f.Role, f.Org, f.Office, f.From, f.To = f.Country, "", "", "", 0, 0
			return f, true, false
		}
		f := *last
		switch {
		case f.Country != "":
			f.Code, f.Role, f.Org = f.Country+"ELI", "ELI", ""
		default:
			f.Role = "ELI"
		}
		f.Office = ""
		return f, true, false
	}
	if len(valid) == 0 {
		return Entry{}, false, false
	}
	if kind == KindPerson && di == 0 {
		// no date: every office is "valid", so two people of the name
		// cannot be told apart ("Blair": Tony, or Canada's Bill Blair)
		for _, c := range valid[1:] {
			if normalizePhrase(c.Name) != normalizePhrase(valid[0].Name) {
				return *valid[0], true, true
			}
		}
	}
	bestRank := 99
	for _, c := range valid {
		if r, ok := sourceRank[c.Source]; ok && r < bestRank {
			bestRank = r
		}
	}
	var top *Entry
	for _, c := range valid {
		if sourceRank[c.Source] != bestRank {
			continue
		}
		if top == nil {
			top = c
			continue
		}
		if kind == KindPerson && normalizePhrase(c.Name) != normalizePhrase(top.Name) {
			return *top, true, true // two different people
		}
		if c.Code != top.Code {
			if kind == KindPerson && c.dated() && top.dated() && c.span() != top.span() {
				// one person's overlapping dated codes: the narrower range
				// is the more specific (a short posting within a career)
				if c.span() < top.span() {
					top = c
				}
				continue
			}
			if kind == KindPerson && c.Office != "" && top.Office == "" {
				top = c
				continue
			}
			if kind == KindPerson && (c.Office == "") != (top.Office == "") {
				continue
			}
			return *top, true, true
		}
		if top.Name == "" && c.Name != "" {
			top = c
		}
	}
	return *top, true, false
}

// isMainSubject reports whether token h is the nominal subject of the
// sentence's root (needs a dependency tree).
func isMainSubject(toks []event.Token, h int) bool {
	if h < 0 || h >= len(toks) {
		return false
	}
	t := &toks[h]
	if t.Deprel != "nsubj" && t.Deprel != "nsubj:pass" {
		return false
	}
	p := t.Head - 1
	return p >= 0 && p < len(toks) && toks[p].Head == 0
}

// firstNameBefore reports whether the word before a one-word name is an
// unknown capitalized word, i.e. probably another first name ("Akie Abe").
// At the start of a sentence that is only trusted from the tagger (PROPN);
// untagged, a capitalized first word counts as a name too (conservative).
func (d *Doc) firstNameBefore(h hit, ws []word) bool {
	if h.i == 0 {
		return false
	}
	p := &ws[h.i-1]
	if p.initial && p.tok != ws[h.i].tok {
		return true // "B. Harris": an initial
	}
	if !p.cap || p.upper || p.key == "" || p.key[0] < 'a' || p.key[0] > 'z' || d.known(p.key) || p.key == "'s" || functionWords[p.key] {
		return false // ("100 Palestinians": a number is no name)
	}
	for _, o := range d.hits {
		if o.j == h.i && !o.surname {
			return false // the end of a title or name matched on its own ("Secretary General")
		}
	}
	if p.tok != 0 || p.propn {
		return true
	}
	return !d.tagged
}

// givenAhead reports whether a one-word name is a given name followed by
// another capitalized word, the rest of the name ("George Washington").
func (d *Doc) givenAhead(h hit, ws []word) bool {
	if h.j-h.i != 1 || h.j >= len(ws) || !d.kb.given[ws[h.i].key] {
		return false
	}
	n := &ws[h.j]
	return n.cap && !n.upper && n.tok != ws[h.i].tok && n.key != "'s" && !titleWords[n.key] && !govNouns[n.key]
}

// givenBeforeInitials finds the given name before the middle initials
// of a one-word name ("Viktor F. Yanukovych" → 2 words back: "viktor").
// The given name must be a capitalized word the dictionaries do not know.
func (d *Doc) givenBeforeInitials(h hit, ws []word) (int, bool) {
	if h.j-h.i != 1 {
		return 0, false
	}
	k := h.i - 1
	for k >= 0 && ws[k].initial {
		k--
	}
	if k == h.i-1 || k < 0 {
		return 0, false
	}
	g := &ws[k]
	if !g.cap || g.upper || g.key == "'s" || functionWords[g.key] || d.known(g.key) {
		return 0, false
	}
	for _, o := range d.hits {
		if o.j > k && o.i <= k {
			return 0, false
		}
	}
	return k, true
}

// resolveFullName reads "Given X. Surname" as the KB's person whose full
// name starts with that given name, spanning the whole name; with no such
// person it is someone else, and the surname is recorded as theirs.
func (d *Doc) resolveFullName(it item, h hit, ws []word, g, di int) item {
	kb := d.kb
	key := ws[h.i].key
	var ids []int32
	for _, id := range append(append([]int32(nil), h.ids...), kb.surnames[key]...) {
		e := &kb.entries[id]
		if e.Kind != KindPerson {
			continue
		}
		n := normalizePhrase(e.Name)
		if strings.HasPrefix(n, ws[g].key+" ") && strings.HasSuffix(n, " "+key) {
			ids = append(ids, kb.persons[n]...)
		}
	}
	ids = dedupe(ids)
	e, ok, amb := kb.pick(ids, KindPerson, di)
	if !ok || amb {
		d.otherPerson(key)
		return item{}
	}
	it.i, it.kind, it.ids, it.e, it.ok, it.surname = g, KindPerson, ids, e, true, false
	return it
}

// otherPerson records that the text names a person of surname key who is
// not the knowledge base's person of that name ("Gary Johnson", "Harry B.
// Harris"): until a full name the KB knows introduces the surname again, a
// bare "Johnson" or "Admiral Harris" is that person, unknown here.
func (d *Doc) otherPerson(key string) {
	if d.titleCase {
		return // "Up Against Trump": a headline's capitals are no first names
	}
	d.others[key] = true
	delete(d.intro, key)
}

// isTitleCase reports whether a sentence is a headline in title case:
// two or more words after the first that are capitalized though they are
// function words or verbs ("What Mexico Could Do When Up Against Trump").
func isTitleCase(ws []word) bool {
	n := 0
	for i := range ws {
		if ws[i].tok == 0 || !ws[i].cap || ws[i].upper {
			continue
		}
		if ws[i].notName || functionWords[ws[i].key] {
			n++
		}
	}
	return n >= 2
}

// functionWords are capitalized at the start of a sentence but never first
// names.
var functionWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the a an this that these those and but or so yet then when while after before since
as at by for from in into of on to with without under over during if although though because also even only
later earlier meanwhile however still now today yesterday here there both either neither president prime minister
foreign defence defense former late mr mrs ms dr sir lord`) {
		functionWords[w] = true
	}
}

// shareModifier gives a bare role coordinated with a country's role the
// same country: "Danish media and government", "the country's foreign
// minister and prime minister".
func (d *Doc) shareModifier(prev, m *Mention, ws []word, s *event.Sentence, di int) {
	if m.Kind != KindRole || m.Country != "" || m.Org != "" || prev.Country == "" || prev.Role == "" || prev.Kind == KindCapital {
		return
	}
	// prev … and m, with only "and" between them
	and := -1
	for i, w := range ws {
		if w.tok == prev.Last+1 && w.key == "and" && m.First == prev.Last+2 {
			and = i
		}
	}
	if and < 0 {
		return
	}
	m.Code, m.Country = prev.Country+m.Code, prev.Country
	if m.Office != "" {
		if h, ok := d.kb.holder(prev.Country, m.Office, di); ok {
			m.Kind, m.Name = KindPerson, h.Name
		}
	}
}

// dated reports whether the entry holds only between dates.
func (e *Entry) dated() bool { return e.From != 0 || e.To != 0 }

// span is the length of the entry's date range (YYYYMMDD arithmetic: only
// for comparing), open ends counting as far away.
func (e *Entry) span() int {
	from, to := e.From, e.To
	if from == 0 {
		from = 10000101
	}
	if to == 0 {
		to = 99991231
	}
	return to - from
}

// plausible keeps, of the people a one-word name may stand for, those
// the story makes likely: people of a country it has mentioned, and curated
// office holders (well known enough to be named alone) when the word is
// their own alias or a distinctive surname (five letters or more: "Rutte",
// "Kishida", not "Dan" or "Lee"). A bare "Howard" in a British story is not
// Australia's prime minister. surname is the word when ids come from the
// surname index, "" when they are the word's own phrase entries. On a
// story's date di (0: unknown) a curated holder is well known from a few
// years before taking office ("Trump" in 2016), not long before: "Blair"
// in a 2004 story is not Canada's Bill Blair (defence minister from 2023).
func (d *Doc) plausible(ids []int32, surname string, di int) []int32 {
	var out []int32
	for _, id := range ids {
		e := &d.kb.entries[id]
		known := e.Country != "" && (d.countries[e.Country] > 0 || d.sentCountries[e.Country])
		famous := (e.Source == "curated" || e.Source == "user") && (surname == "" || len(surname) >= 5) &&
			(di == 0 || e.From == 0 || e.From <= di+famousAhead)
		if e.Kind != KindPerson || known || famous {
			out = append(out, id)
		}
	}
	return out
}

// famousAhead is how long before taking office (in dateInt units:
// three years) a curated office holder may be named by surname alone.
const famousAhead = 30000

// isPlaceOrBody reports whether a word names a country, capital,
// organization or role on its own (so a name before it ends there).
func (d *Doc) isPlaceOrBody(key string) bool {
	return d.namesAny(key, KindCountry, KindCapital, KindOrg, KindRole, KindGroup)
}

// usStateHomonyms are US states named like a country.
var usStateHomonyms = map[string]bool{"georgia": true}

// usStateNouns follow a state's name in US politics ("Georgia voters",
// "the Georgia Republican").
var usStateNouns = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`voters voter republican republicans democrat democrats democratic gop primary primaries
caucus caucuses delegation delegates delegate senator senators sen governor gov legislature legislator legislators lawmaker
lawmakers congressman congresswoman rep representative state statehouse residents resident county counties
secretary attorney electors polls poll`) {
		usStateNouns[w] = true
	}
}

// usState reports whether a country's name that is also a US state's
// ("Georgia") names the state here: after a US place and a comma
// ("Atlanta, Georgia"), after "state of", before a word of US state
// politics ("Georgia voters", "Georgia Republican"), or in a story about
// the United States (its most named country) that has named no other
// sign of the country, in a sentence that names no other foreign country.
func (d *Doc) usState(h hit, ws []word) bool {
	if h.j-h.i != 1 || !usStateHomonyms[ws[h.i].key] || !ws[h.i].cap {
		return false
	}
	i := h.i
	if i >= 2 && ws[i-1].tok < len(d.toks) && d.toks[ws[i-1].tok].Form == "," {
		for _, o := range d.hits {
			if o.j == i-1 && o.i < o.j {
				for _, id := range o.ids {
					if e := &d.kb.entries[id]; e.Country == "USA" && (e.Kind == KindCountry || e.Kind == KindCapital) {
						return true
					}
				}
			}
		}
	}
	if i >= 2 && ws[i-1].key == "of" && ws[i-2].key == "state" {
		return true
	}
	if h.j < len(ws) && usStateNouns[ws[h.j].key] {
		return true
	}
	for c := range d.sentCountries {
		if c != "GEO" && c != "USA" {
			return false // "Russia and Georgia": foreign affairs in this sentence
		}
	}
	return d.countries["GEO"] == 0 && d.countries["USA"] >= 2 && d.dominant() == "USA"
}

// obscureAcronym reports whether a hit is a short acronym (three letters
// or fewer) that only the long list of international organizations knows
// ("NEA": the Nuclear Energy Agency, but in a US story the teachers'
// union) and whose name the text has not written out. Such acronyms are
// common and mostly mean a national body; the curated table and Phoenix
// name the well-known ones.
func (d *Doc) obscureAcronym(h hit, ws []word) bool {
	if h.j-h.i != 1 || len(ws[h.i].key) > 3 || len(h.ids) == 0 {
		return false
	}
	for _, id := range h.ids {
		e := &d.kb.entries[id]
		if e.Kind != KindOrg || e.Source != "igos" || e.Flags&FlagAcronym == 0 {
			return false
		}
		if d.spelled[normalizePhrase(e.Name)] {
			return false
		}
	}
	return true
}
