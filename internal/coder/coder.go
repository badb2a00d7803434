// Package coder turns parsed sentences into CAMEO-coded events: who did what
// to whom, when, with what modality, and which words say so.
//
// The coder reads a dependency tree (UD relations, lemmas), the actor
// mentions and time expressions found in the sentence, and a Dictionary of
// verb and noun patterns keyed on lemmas and dependency frames. The built-in
// dictionary is compiled from the MIT-licensed PETRARCH verb dictionaries
// (converter: ReadPetrarch; generator: gen.go) plus dyad's own patterns
// (dyad.pat). For each verb (or event noun) the most specific matching
// pattern gives the code; the source comes from the subject (or the agent
// of a passive, the controller of an xcomp, the antecedent of a relative
// clause, the first conjunct's subject), the target from the object or a
// prepositional phrase. Coordinated subjects without a target yield one
// symmetric pair; reported speech codes the embedded event with its own
// subject. Each event gets a modality (modality.go) and a date: the time
// expression its clause governs, else the sentence's, else the publication
// date with precision "doc".
package coder

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/cameo"
)

// Mention is an actor mention as the coder sees it: token indexes are
// 0-based positions in Sentence.Tokens, First and Last inclusive.
type Mention struct {
	Actor       event.Actor
	First, Last int
	Head        int // -1 when unknown
	// Group > 1 marks one of the consecutive mentions that share a span
	// because the phrase stands for several actors ("the two sides").
	Group int
	// Place marks a capital or city named as a place ("an accord signed
	// in Moscow"), not as its government.
	Place bool
}

// TimeExpr is a resolved time expression of the sentence.
type TimeExpr struct {
	Text        string
	Span        [2]int
	First, Last int    // token indexes, inclusive
	Value       string // "YYYY", "YYYY-MM" or "YYYY-MM-DD"
	Precision   string // event.PrecisionDay …
}

// Input is one parsed sentence with its mentions and time expressions.
type Input struct {
	DocID     string
	Published time.Time // zero when unknown
	Sent      *event.Sentence
	Mentions  []Mention
	Times     []TimeExpr
	// Governing returns the time expression governed by the clause of the
	// verb at token index verb; nil uses the coder's own rule.
	Governing func(verb int) (TimeExpr, bool)
}

// Options configure a Coder.
type Options struct {
	Convention cameo.Convention // Goldstein table and QuadClass rule
	Version    string           // written to Event.Coder
	// ActCodes keeps a planned act's own code (PETRARCH's convention);
	// by default a planned cooperative act is coded as the intent to do
	// it (a planned visit 042 → 036, see intentCode).
	ActCodes bool
	// BothWays codes a coordinated subject without a target in both
	// directions (X→Y and Y→X, PETRARCH's convention) instead of once.
	BothWays bool
}

// Coder codes sentences with a dictionary. It is safe for concurrent use.
type Coder struct {
	dict *Dictionary
	opt  Options
}

// New returns a coder over dict.
func New(dict *Dictionary, opt Options) *Coder {
	if opt.Version == "" {
		opt.Version = "dyad-coder/" + Version + "+" + cameo.Version()
	}
	return &Coder{dict: dict, opt: opt}
}

// Version is the coder's version.
const Version = "0.1"

// Dictionary returns the coder's dictionary.
func (c *Coder) Dictionary() *Dictionary { return c.dict }

type role struct {
	mentions []int // indexes into Input.Mentions
}

// Code returns the events of one sentence, in token order.
func (c *Coder) Code(in Input) []event.Event {
	evs, _ := c.code(in, false)
	return evs
}

// Explain is Code that also returns, for every word a pattern matched, the
// word and the pattern (in the compiled format).
func (c *Coder) Explain(in Input) ([]event.Event, []string) {
	return c.code(in, true)
}

func (c *Coder) code(in Input, explain bool) ([]event.Event, []string) {
	s := in.Sent
	if s == nil || len(s.Tokens) == 0 || len(in.Mentions) < 2 {
		return nil, nil // an event needs two actors
	}
	sc := scratchPool.Get().(*scratch)
	sc.t.build(s)
	k := &sentCtx{c: c, in: in, t: &sc.t, explain: explain, placeTarget: true, sc: sc}
	defer k.release()
	k.indexMentions()
	var evs []event.Event
	used := map[int]bool{}
	byVerb := map[int][]event.Event{}
	for v := range s.Tokens {
		if !k.verbLike(v) {
			continue
		}
		if e := k.codeVerb(v, used); len(e) > 0 {
			byVerb[v] = e
		}
	}
	// "X plans to attend Y": the intention and the attendance are one
	// event; keep the embedded one (coded as an intent, modality planned).
	for v := range s.Tokens {
		if k.t.rel(v) != "xcomp" || len(byVerb[v]) == 0 {
			continue
		}
		h := k.t.head[v]
		if h >= 0 && threatVerbs[k.t.lemma[h]] {
			// "X threatened to impose sanctions on Y": the threat is the
			// event (asserted), coded by what is threatened
			ev := k.evidence(h, nil)
			for i := range byVerb[v] {
				e := &byVerb[v][i]
				e.CAMEO = threatCode(e.CAMEO)
				e.Root = cameo.Root(e.CAMEO)
				if cc, ok := cameo.Lookup(e.CAMEO); ok {
					e.Quad, e.Goldstein, e.PLOVER = cc.Quad(k.c.opt.Convention), cc.Goldstein(k.c.opt.Convention), cc.PLOVERLabel()
				}
				e.Evidence = ev
				if e.Modality == event.Planned || e.Modality == event.Hypothetical && k.conditional(v) {
					// a threat states its act as planned or conditioned
					// ("threatened to pull out of NATO if he is
					// elected"): the threat itself is as its verb says
					e.Modality = k.modality(h)
				}
			}
		}
		var keep []event.Event
		for _, he := range byVerb[h] {
			dup := false
			for _, ve := range byVerb[v] {
				if he.Source.Code == ve.Source.Code && he.Target.Code == ve.Target.Code {
					dup = true
				}
			}
			if !dup {
				keep = append(keep, he)
			}
		}
		byVerb[h] = keep
	}
	for v := range s.Tokens {
		evs = append(evs, byVerb[v]...)
	}
	for v := range s.Tokens {
		if u := k.t.upos(v); (u == "NOUN" || u == "PROPN") && !used[v] {
			evs = append(evs, k.codeNoun(v)...)
		}
	}
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].Evidence.Span[0] < evs[j].Evidence.Span[0] })
	return evs, k.why
}

type sentCtx struct {
	c      *Coder
	in     Input
	t      *tree
	tokMen []int         // token → mention index, -1
	group  map[int][]int // mention → all mentions sharing its span

	explain bool
	why     []string

	dateline int // index of the dash ending a dateline at the start, -1

	// placeTarget: a place inside the target phrase may be the target
	// (false while coding a statement or an appeal, see codeVerb)
	placeTarget bool

	kids    [][]int32 // token → numbers of its keys (keyIDs), nil until needed
	sentIDs []int32   // the numbers of all tokens' keys, ascending
	seen    []uint64  // match: patterns tried (scratch)
	allIDs  []int32   // the buffer of sentIDs
	sc      *scratch  // pooled buffers, nil when not pooled
}

// scratch keeps a sentence's buffers for the next one (scratchPool).
type scratch struct {
	t      tree
	tokMen []int
	kids   [][]int32
	ids    []int32
	seen   []uint64
	lemmas lemmaCache
}

// lemmaCacheSize is the number of slots of a lemmaCache (a power of two).
const lemmaCacheSize = 4096

// lemmaCache remembers Dictionary.lemmaIDs of recent lemmas: a
// direct-mapped cache valid for one dictionary and number of words.
type lemmaCache struct {
	d     *Dictionary
	n     int
	slots [lemmaCacheSize]lemmaSlot
}

type lemmaSlot struct {
	l   string
	ids []int32
}

// ids returns d.lemmaIDs(l).
func (c *lemmaCache) ids(d *Dictionary, l string) []int32 {
	if l == "" {
		return d.lemmaIDs(l)
	}
	if c.d != d || c.n != len(d.wordList) {
		clear(c.slots[:])
		c.d, c.n = d, len(d.wordList)
	}
	sl := &c.slots[d.bloom.Hash(l)&(lemmaCacheSize-1)]
	if sl.l != l {
		*sl = lemmaSlot{l: strings.Clone(l), ids: d.lemmaIDs(l)}
	}
	return sl.ids
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// release returns the buffers to the pool; nothing code returns refers to
// them (events and explanations hold strings only).
func (k *sentCtx) release() {
	sc := k.sc
	if sc == nil {
		return
	}
	sc.tokMen, sc.kids, sc.seen = k.tokMen[:0], k.kids[:0], k.seen[:0]
	sc.ids = k.allIDs[:0]
	sc.t.s = nil
	k.sc = nil
	scratchPool.Put(sc)
}

func (k *sentCtx) indexMentions() {
	n := len(k.in.Sent.Tokens)
	if k.sc != nil {
		k.tokMen = resize(k.sc.tokMen, n)
	} else {
		k.tokMen = make([]int, n)
	}
	for i := range k.tokMen {
		k.tokMen[i] = -1
	}
	k.dateline = datelineEnd(k.t)
	for mi, m := range k.in.Mentions {
		if m.First < 0 || m.Last >= n || m.First > m.Last || m.First <= k.dateline {
			continue // a dateline's place ("MADRID, June 29 -") is no actor
		}
		if k.modifierOnly(m) {
			continue // "Mexican-made goods": no actor
		}
		if m.Group > 1 {
			if k.group == nil {
				k.group = map[int][]int{}
			}
			first := mi
			for first > 0 && k.in.Mentions[first-1].Group == m.Group && k.in.Mentions[first-1].First == m.First && k.in.Mentions[first-1].Last == m.Last {
				first--
			}
			for j := first; j < len(k.in.Mentions) && j < first+m.Group; j++ {
				k.group[mi] = append(k.group[mi], j)
			}
			if mi != first {
				continue
			}
		}
		for j := m.First; j <= m.Last; j++ {
			if k.tokMen[j] < 0 || k.spanLen(k.tokMen[j]) > m.Last-m.First {
				k.tokMen[j] = mi
			}
		}
	}
}

// modifierOnly reports whether mention m is only the first part of a
// hyphenated modifier: a name or demonym joined to a common word
// ("Mexican-made goods", "Spanish-speaking voters", "Spanish-language
// television") or to another demonym ("Mexican-American reporter": an
// American). It describes a thing or a person's origin, not an actor;
// "X-led" (the leader) and names joined to names ("the Japan-US
// alliance") stay actors.
func (k *sentCtx) modifierOnly(m Mention) bool {
	t := k.t
	d := m.Last + 1
	if d+1 >= len(t.lower) || t.lower[d] != "-" {
		return false
	}
	toks := k.in.Sent.Tokens
	if toks[d].Start != toks[m.Last].End || toks[d+1].Start != toks[d].End {
		return false // a dash between words, not a hyphen
	}
	w := toks[d+1].Form
	switch {
	case t.upos(d+1) == "PROPN" || t.lower[d+1] == "led":
		return false
	case w == t.lower[d+1]:
		return true // "-made", "-speaking", "-language", "-based"
	case t.upos(d+1) == "ADJ":
		return true // "Mexican-American"
	}
	return false
}

// attributive reports whether mention m is only a demonym adjective
// modifying a thing ("an Egyptian textbook", "the Romanian visas
// scandal", "the Syrian and Iraqi refugee crisis"): it says where the
// thing is from or what it concerns; such a thing is no source. A noun the dictionaries know as a role is part of the
// mention ("Chinese officials"); a word for a person the dictionaries do
// not list keeps the adjective as its actor ("his South Korean
// counterpart", "British imperialists").
func (k *sentCtx) attributive(m Mention) bool {
	t := k.t
	for j := m.First; j <= m.Last; j++ {
		if t.upos(j) != "ADJ" {
			return false
		}
	}
	h := m.Head
	if h < 0 || h >= len(t.head) || t.rel(h) != "amod" {
		return false
	}
	n := t.head[h]
	if n < 0 || n <= m.Last || t.upos(n) != "NOUN" || personNoun(t.lemma[n]) {
		return false
	}
	// another mention covering the noun ("Syrian refugee") is the actor
	for _, o := range k.in.Mentions {
		if o.First <= n && n <= o.Last {
			return false
		}
	}
	return true
}

// personNoun guesses from its form whether a common noun names people
// (a role, an occupation, a group): agent suffixes and a few words.
func personNoun(l string) bool {
	switch l {
	case "counterpart", "people", "public", "voter", "population", "community", "force", "troop", "army", "navy",
		"police", "authority", "regime", "government", "administration", "side", "team", "delegation", "envoy",
		"ally", "enemy", "rival", "partner", "neighbor", "neighbour", "firm", "company", "media", "press", "court",
		"chief", "head", "staff", "crew", "militia", "group", "party", "camp", "bloc", "family", "guard", "spy",
		"national", "republic", "state", "nation", "country", "kingdom", "union", "official", "expert", "analyst",
		"citizen", "rebel", "diplomat", "candidate", "delegate", "victim", "hostage", "youth", "leadership", "person",
		"agency", "ministry", "department", "office", "parliament", "council", "committee", "body", "institution",
		"organization", "organisation", "unit", "squad", "cabinet", "senate", "congress", "assembly", "mob", "crowd",
		"embassy", "consulate", "mission", "military", "campaign", "coalition", "alliance", "opposition", "movement",
		"bank", "service", "intelligence", "judiciary", "legislature", "network", "television", "newspaper",
		"presidency", "monarchy", "establishment", "elite", "majority", "minority", "electorate", "workforce",
		"exchange", "giant", "carrier", "airline", "conglomerate", "chain", "brand", "watchdog", "utility", "industry",
		"sector", "market", "business", "enterprise", "corporation", "corp", "venture", "fund", "startup", "club":
		return true
	}
	for _, suf := range []string{"er", "or", "ist", "ian", "ant", "ent", "ee", "man", "men", "person", "crat", "ary", "ive", "ier", "ite"} {
		if strings.HasSuffix(l, suf) {
			return true
		}
	}
	return false
}

func (k *sentCtx) spanLen(mi int) int { m := k.in.Mentions[mi]; return m.Last - m.First }

// domainSkip prunes what is not part of verb v's own clause frame.
func (k *sentCtx) domainSkip(v int) func(c int) bool {
	t := k.t
	return func(c int) bool {
		if t.head[c] != v {
			return false
		}
		switch t.rel(c) {
		case "nsubj", "csubj", "nsubj:outer", "parataxis", "advcl", "ccomp", "csubj:pass", "acl:relcl", "reparandum", "vocative", "dislocated":
			return true
		case "conj":
			return t.isVerbal(c)
		}
		return false
	}
}

// match finds the best pattern of the lists for token v.
func (k *sentCtx) match(v int, lists []*patList, passive bool) (*Pattern, []int) {
	t := k.t
	var dom []int
	skip := k.domainSkip(v)
	t.walk(v, func(c int) bool {
		if skip(c) {
			return true
		}
		// nested clauses are not part of the frame (an xcomp is)
		switch t.rel(c) {
		case "acl:relcl", "advcl", "ccomp", "parataxis":
			return true
		}
		return false
	}, func(j int) {
		if j != v {
			dom = append(dom, j)
		}
	})
	var best *Pattern
	var bestTok []int
	bestSpec := -1
	try := func(p *Pattern) {
		toks, ok := k.frameMatches(v, p, dom, passive)
		if !ok {
			return
		}
		sp := p.Specificity()
		if best == nil || sp > bestSpec || (sp == bestSpec && p.order > best.order) {
			best, bestSpec, bestTok = p, sp, toks
		}
	}
	// the winner is the most specific match, the last added of equals:
	// the order of trying does not matter
	if k.kids == nil {
		k.indexKeys()
	}
	if k.seen == nil && k.sc != nil {
		k.seen = k.sc.seen[:0]
	}
	for _, pl := range lists {
		for _, i := range pl.always {
			try(pl.pats[i])
		}
		if len(pl.byWord) == 0 {
			continue
		}
		seen := k.seen[:0]
		for range (len(pl.pats) + 63) / 64 {
			seen = append(seen, 0)
		}
		wi := pl.index()
		words, lo := wi.words, 0
		for _, id := range k.sentIDs { // (ascending: a merge by binary search)
			off, found := slices.BinarySearch(words[lo:], id)
			lo += off
			if lo == len(words) {
				break
			}
			if !found {
				continue
			}
			for _, i := range wi.lists[lo] {
				if seen[i>>6]&(1<<(i&63)) != 0 {
					continue
				}
				seen[i>>6] |= 1 << (i & 63)
				try(pl.pats[i])
			}
		}
		k.seen = seen
	}
	if k.explain && best != nil {
		k.why = append(k.why, fmt.Sprintf("%d %s: %s", v+1, k.in.Sent.Tokens[v].Form, best.String()))
	}
	return best, bestTok
}

func (k *sentCtx) frameMatches(v int, p *Pattern, dom []int, passive bool) ([]int, bool) {
	t := k.t
	if p.Source != "" && len(p.rPre) > 0 && k.in.Sent.Tokens[v].XPOS == "VBG" {
		// "- &TOBEVERB * BY $" reads a passive ("X was held by Y"); "X
		// are holding talks on Y" is a progressive, no passive
		return nil, false
	}
	// every word the frame needs must be somewhere in the sentence
	for _, alts := range p.rObj {
		if !k.mayMeet(alts) {
			return nil, false
		}
	}
	for _, alts := range p.rPre {
		if !k.mayMeet(alts) {
			return nil, false
		}
	}
	for _, pp := range p.rPP {
		if pp.Words != nil && !k.mayMeet(pp.Words) {
			return nil, false
		}
	}
	var matched []int
	for _, alts := range p.rPre {
		ok := false
		for j := 0; j < v && !ok; j++ {
			if k.altMatch(j, alts, nil) {
				ok = true
			}
		}
		if !ok {
			return nil, false
		}
	}
	if p.Prt != "" {
		ok := false
		for _, j := range dom {
			if j > v && t.lemma[j] == p.Prt && (t.head[j] == v || (t.head[j] >= 0 && t.head[t.head[j]] == v)) {
				ok = true
				break
			}
		}
		if !ok && v+1 < len(t.lemma) && t.lemma[v+1] == p.Prt {
			ok = true
		}
		if !ok {
			return nil, false
		}
	}
	// a light verb's object word must be in its object ("took the
	// town"), not in another phrase ("takes a place with Paris")
	light := lightVerbs[t.lemma[v]] && !passive && !p.Noun
	for _, alts := range p.rObj {
		found := -1
		for _, j := range dom {
			if light && !k.inObject(v, j) {
				continue
			}
			if (j > v || passive || p.Noun) && k.altMatch(j, alts, dom) {
				found = j
				break
			}
		}
		if found < 0 {
			return nil, false
		}
		matched = append(matched, found)
	}
	for _, pp := range p.rPP {
		if k.findPP(v, pp, dom) < 0 {
			return nil, false
		}
	}
	return matched, true
}

// inObject reports whether token j lies in an object of verb v (or in
// a bare noun phrase the parser attached as an oblique), not inside a
// prepositional phrase.
func (k *sentCtx) inObject(v, j int) bool {
	t := k.t
	for x := j; x >= 0; x = t.head[x] {
		if b := t.base(x); b == "nmod" && t.caseOf(x) != "" {
			return false
		}
		if t.head[x] == v {
			switch t.rel(x) {
			case "obj", "iobj", "xcomp", "compound:prt":
				return true
			case "obl", "obl:npmod", "obl:unmarked":
				return t.caseOf(x) == ""
			}
			return x == j && t.base(x) == "compound"
		}
	}
	return false
}

// altMatch reports whether token j matches one of the alternatives; a
// phrase alternative needs its words on the following tokens.
func (k *sentCtx) altMatch(j int, a *altSet, dom []int) bool {
	t := k.t
	for _, id := range k.keyIDs(j) {
		i := a.find(id)
		if i < 0 {
			continue
		}
		for _, rest := range a.rests[i] {
			if len(rest) == 0 {
				return true
			}
			ok := true
			for n, w := range rest {
				if j+1+n >= len(t.lemma) || !t.matchWord(j+1+n, w) {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// keyIDs returns the dictionary's numbers of token j's keys (see tree)
// that start an alternative of some pattern.
func (k *sentCtx) keyIDs(j int) []int32 {
	if k.kids == nil {
		k.indexKeys()
	}
	return k.kids[j]
}

// indexKeys numbers the keys of every token (keyIDs) and collects the
// numbers of the sentence (sentIDs, ascending, once each).
func (k *sentCtx) indexKeys() {
	t, d := k.t, k.c.dict
	n := len(t.lemma)
	var all []int32
	if k.sc != nil {
		k.kids, all = resize(k.sc.kids, n), k.sc.ids[:0]
	} else {
		k.kids = make([][]int32, n)
	}
	for i := 0; i < n; i++ {
		var ids []int32
		if k.sc != nil {
			ids = k.sc.lemmas.ids(d, t.lemma[i])
		} else {
			ids = d.lemmaIDs(t.lemma[i])
		}
		if lw := t.lower[i]; lw != t.lemma[i] && d.mayBeLemma(lw) {
			// (every word is a key of byLemma: its filter serves here too)
			if id, ok := d.words[lw]; ok {
				ids = append(ids[:len(ids):len(ids)], id)
			}
		}
		k.kids[i] = ids
		all = append(all, ids...)
	}
	k.allIDs = all
	slices.Sort(all)
	k.sentIDs = slices.Compact(slices.Clip(all))
}

// mayMeet reports whether some token of the sentence starts an
// alternative of a: a cheap test that a fails on every token when false.
func (k *sentCtx) mayMeet(a *altSet) bool {
	if k.kids == nil {
		k.indexKeys()
	}
	return a.meets(k.sentIDs)
}

// findPP returns the nominal headed by preposition pp.Prep in v's domain
// whose phrase contains one of pp.Words, -1 when none.
func (k *sentCtx) findPP(v int, pp ppSet, dom []int) int {
	t := k.t
	for _, j := range dom {
		if t.lemma[j] != pp.Prep {
			continue
		}
		r := t.base(j)
		if r != "case" && r != "mark" && r != "compound" && r != "advmod" {
			continue
		}
		n := t.head[j]
		if n < 0 {
			continue
		}
		// the phrase must hang on the verb, or on its object or phrase
		if n != v && t.head[n] != v && (t.head[n] < 0 || t.head[t.head[n]] != v) {
			continue
		}
		if pp.Words == nil && k.isTime(n) && !k.namesActor(n) {
			continue // "in 2022" is no place and no partner
		}
		if n == v { // a particle-like preposition: the phrase follows it
			if pp.Words == nil {
				return j
			}
			for _, x := range dom {
				if x > j && k.altMatch(x, pp.Words, dom) {
					return j
				}
			}
			continue
		}
		if pp.Words == nil {
			return n
		}
		found := false
		t.walk(n, nil, func(x int) {
			if !found && k.altMatch(x, pp.Words, nil) {
				found = true
			}
		})
		if found {
			return n
		}
	}
	return -1
}

// guessLemma undoes a regular inflection of a verb the lemmatizer left
// unknown to the dictionary ("upgraded" lemmatized as "upgrad").
func (k *sentCtx) guessLemma(v int) string {
	w := k.t.lower[v]
	for _, suf := range []string{"d", "ed", "s", "es", "ing"} {
		if b, ok := strings.CutSuffix(w, suf); ok && len(b) > 2 {
			if len(k.c.dict.Verb(b)) > 0 {
				return b
			}
			if suf == "ing" && len(k.c.dict.Verb(b+"e")) > 0 {
				return b + "e"
			}
		}
	}
	if b, ok := strings.CutSuffix(w, "ied"); ok {
		return b + "y"
	}
	return w
}

// datelineEnd returns the index of the dash that ends a news dateline at
// the start of the sentence ("BRUSSELS, May 3 (Wire) - …"), -1 when none:
// an all-capital first word, then within 15 tokens a dash, with a number
// or a bracket before it, or within 4 tokens of capitalized names
// ("ROME - …", "SAN JOSE, Calif. - …").
func datelineEnd(t *tree) int {
	if len(t.lower) == 0 {
		return -1
	}
	f := t.s.Tokens[0].Form
	if len(f) < 3 || strings.ToUpper(f) != f || strings.ToLower(f) == f {
		return -1
	}
	seen := false
	caps := true // only capitalized place words so far ("ROME -", "SAN JOSE, Calif. -")
	for j := 1; j < len(t.lower) && j <= 15; j++ {
		switch t.lower[j] {
		case "-", "—", "–", "--":
			if seen || (caps && j <= 4) {
				return j
			}
			return -1
		case "(":
			seen = true
		}
		if t.upos(j) == "NUM" {
			seen = true
		}
		if f := t.s.Tokens[j].Form; f != "," && f != "." && (f == strings.ToLower(f) || t.upos(j) != "PROPN") {
			caps = false
		}
	}
	return -1
}

// verbLike reports whether token v heads a clause as a verb: tagged VERB,
// or tagged otherwise but built like a verb (an auxiliary or a subject
// hangs on it: "X will not ever clash" with "clash" tagged NOUN).
func (k *sentCtx) verbLike(v int) bool {
	t := k.t
	switch t.upos(v) {
	case "VERB":
		return true
	case "NOUN", "ADJ", "PROPN":
	default:
		return false
	}
	if k.tokMen[v] >= 0 || len(k.c.dict.Verb(t.lemma[v])) == 0 {
		return false
	}
	aux, subj := false, false
	for _, c := range t.children[v] {
		switch t.rel(c) {
		case "aux":
			aux = true
		case "nsubj":
			subj = true
		case "cop":
			return false // a predicate noun: "X has been a leading advocate of Y"
		}
	}
	return aux && subj
}

// isTime reports whether token i lies in a time expression or is a
// temporal modifier.
func (k *sentCtx) isTime(i int) bool {
	if r := k.t.rel(i); r == "obl:tmod" || r == "nmod:tmod" {
		return true
	}
	for _, e := range k.in.Times {
		if i >= e.First && i <= e.Last {
			return true
		}
	}
	return false
}

// namesActor reports whether the phrase of time word n names an actor
// outside the time expression: the parser merged a partner and a time
// into one phrase ("called on Gondor late Sunday").
func (k *sentCtx) namesActor(n int) bool {
	found := false
	k.t.walk(n, nil, func(j int) {
		if mi := k.tokMen[j]; mi >= 0 && !found {
			m := k.in.Mentions[mi]
			if !k.inTimeExpr(m.First) && !k.inTimeExpr(m.Last) {
				found = true
			}
		}
	})
	return found
}

func (k *sentCtx) inTimeExpr(i int) bool {
	for _, e := range k.in.Times {
		if i >= e.First && i <= e.Last {
			return true
		}
	}
	return false
}

// isPassive reports whether verb v is in the passive voice.
// A passive subject without a passive or "be" auxiliary is taken for a
// parse error ("X has broken ties" parsed with X as nsubj:pass).
func (k *sentCtx) isPassive(v int) bool {
	t := k.t
	subj, aux := false, false
	for _, c := range t.children[v] {
		switch t.rel(c) {
		case "aux:pass":
			return true
		case "nsubj:pass", "csubj:pass":
			subj = true
		case "aux":
			if l := t.lemma[c]; l == "be" || l == "get" {
				aux = true
			}
		}
	}
	return subj && (aux || k.in.Sent.Tokens[v].XPOS == "VBN" && t.rel(v) == "acl")
}

// clauseSubject is the subject of clause c: its nsubj, else a name
// before the verb the parser attached loosely ("insisted that Y 'stop …'"
// with Y as discourse or dep), -1 when none.
func (k *sentCtx) clauseSubject(c int) int {
	t := k.t
	if s := t.child(c, "nsubj", "nsubj:pass"); s >= 0 {
		return s
	}
	for _, x := range t.children[c] {
		switch t.rel(x) {
		case "discourse", "dep", "vocative":
			if x < c && k.tokMen[x] >= 0 {
				return x
			}
		}
	}
	return -1
}

func (k *sentCtx) codeVerb(v int, used map[int]bool) []event.Event {
	t := k.t
	d := k.c.dict
	var buf [2]*patList
	lists := buf[:0]
	if pl := d.verbIdx[t.lemma[v]]; pl != nil {
		lists = append(lists, pl)
	}
	if f := t.lower[v]; f != t.lemma[v] {
		// a dictionary may list an inflected form as a verb of its own
		// (PETRARCH's "--- MET [031:032] ---" beside "--- MEET ---"):
		// its patterns compete too, and win ties (added later)
		if pl := d.verbIdx[f]; pl != nil {
			lists = append(lists, pl)
		}
	}
	if len(lists) == 0 {
		if pl := d.verbIdx[k.guessLemma(v)]; pl != nil {
			lists = append(lists, pl)
		}
	}
	if len(lists) == 0 {
		return nil
	}
	if k.isTrend(v) {
		return nil
	}
	if raising[t.lemma[v]] && t.child(v, "xcomp") >= 0 {
		return nil // "X appeared to break with Y": the act is the infinitive's
	}
	passive := k.isPassive(v)
	// A participle modifying a noun is passive: "the plan unveiled by X".
	// (with an object it is rather a finite verb the tagger took for a
	// participle: "The president of X praised Y", parsed with "praised"
	// modifying "president")
	participle := t.rel(v) == "acl" && k.in.Sent.Tokens[v].XPOS == "VBN" && t.child(v, "obj", "iobj", "xcomp") < 0
	p, objToks := k.match(v, lists, passive || participle)
	if p == nil || p.Code == "---" || p.Code == "" {
		return nil
	}
	// a statement (010, 011) or an appeal (02) is made to someone, not
	// to a place: "told reporters in Brussels", "told an audience at a
	// festival in Houston", "called for elections in X"; a concern or
	// hope voiced is about its object ("voiced concern that conditions
	// in China …" is on China). Other acts keep PETRARCH's reading of a
	// place in the object ("criticized the closure of guest houses in
	// Bree", "is buying a stake in an Indian company").
	k.placeTarget = p.Code != "010" && p.Code != "011" && cameo.Root(p.Code) != "02"
	defer func() { k.placeTarget = true }()
	if lightVerbs[t.lemma[v]] && p.bare() {
		// a light verb says what is done by its frame ("take part in",
		// "make a visit", "give aid"), not by itself ("took to the talk
		// shows", "went on to criticize", "got millions")
		return nil
	}
	var src, tgt []int
	var symmetric bool
	if participle {
		a := k.agent(v)
		if a < 0 {
			return nil
		}
		src = k.actorsAt(a)
		tgt = k.actorsAt(t.head[v])
		if len(src) == 0 {
			return nil
		}
	} else if passive {
		if a := k.agent(v); a >= 0 {
			src = k.actorsAt(a)
		}
		if len(src) == 0 && p.Source != "" {
			// "X was shot dead in Y" with the pattern placing the
			// source in the phrase
			var subj []int
			if s := t.child(v, "nsubj:pass"); s >= 0 {
				subj = k.actorsAt(s)
			}
			// only the verb's own phrases: an actor met in a clause under
			// it ("was invited to attend Y's meeting") is no source
			var own []int
			for _, c := range t.children[v] {
				if r := t.rel(c); r == "obj" || r == "iobj" {
					own = append(own, c)
				}
			}
			for _, c := range k.ppNodes(v, k.domainSkip(v)) {
				if p.Source == "obj" || p.Source == "pp:"+t.caseOf(c) {
					own = append(own, c)
				}
			}
			if g := k.firstTarget(own, subj); len(g) > 0 && len(subj) > 0 {
				return k.emit(v, p.Code, g, subj, k.evidence(v, objToks))
			}
		}
		if subj := t.child(v, "nsubj:pass"); subj >= 0 {
			tgt = k.actorsIn(subj)
			if len(src) == 0 {
				if pair := k.between(subj); len(pair) >= 2 {
					src, tgt, symmetric = pair[:1], pair[1:2], true
				}
			}
		}
		if len(src) == 0 {
			return nil
		}
		if len(tgt) == 0 || symmetric {
			if len(tgt) == 0 {
				tgt = k.targets(v, p, src, true)
			}
		}
	} else {
		src = k.subjectActors(v, 0)
		// "an Egyptian textbook explains …", "the visas scandal which
		// led to …": a thing's origin does not act (as a target, an
		// actor's thing stands for it: "rejected an Indian proposal")
		n := 0
		for _, mi := range src {
			if !k.attributive(k.in.Mentions[mi]) {
				src[n] = mi
				n++
			}
		}
		src = src[:n]
		if len(src) == 0 {
			return nil
		}
		if p.Source != "" {
			// the source follows the verb: the subject is the target
			q := *p
			q.Target = p.Source
			if g := k.targets(v, &q, src, false); len(g) > 0 {
				return k.emit(v, p.Code, g, src, k.evidence(v, objToks))
			}
			return nil
		}
		tgt = k.targets(v, p, src, false)
		if cameo.Root(p.Code) == "01" {
			// "X said Y must withdraw": a statement of what another must
			// do is a demand on it (CAMEO 10)
			if c := t.child(v, "ccomp"); c >= 0 {
				must := false
				for _, a := range t.children[c] {
					if t.rel(a) == "aux" && (t.lemma[a] == "must" || t.lemma[a] == "should") {
						must = true
					}
				}
				if s := k.clauseSubject(c); must && s >= 0 {
					var g []int
					for _, mi := range k.actorsAtWith(s, false) {
						if !k.sameActor(mi, src[0]) {
							g = append(g, mi)
						}
					}
					if len(g) > 0 {
						return k.emit(v, "100", src, g, k.evidence(v, nil))
					}
				}
			}
		}
		if len(tgt) == 0 && clauseTargetRoots[cameo.Root(p.Code)] {
			// "X demanded that Y withdraw": Y is the target of the
			// demand (not of a mere statement: "X said Y …").
			if c := t.child(v, "ccomp"); c >= 0 && !k.claimed(p, c) {
				if s := k.clauseSubject(c); s >= 0 {
					for _, mi := range k.actorsAtWith(s, false) {
						if !k.sameActor(mi, src[0]) {
							tgt = append(tgt, mi)
						}
					}
				}
			}
		}
	}
	for _, j := range objToks {
		used[j] = true
	}
	ev := k.evidence(v, objToks)
	if len(tgt) == 0 && p.bare() && p.synonymOf(t.lemma[v], t.lower[v]) {
		// a synonym coded only by its block's verb, with no frame word,
		// names no act without its object actor ("Europe, Japan and China
		// are easing credit" is no act of theirs on each other)
		return nil
	}
	if len(tgt) == 0 && !k.c.opt.BothWays {
		if !symmetricOK(p.Code) {
			return nil
		}
		// the subjects of another clause ("X and Y met Z to announce a
		// plan") did not act on each other in this one
		switch t.rel(v) {
		case "xcomp", "advcl", "acl", "acl:relcl":
			if t.child(v, "nsubj") < 0 {
				return nil
			}
		}
		// "X and Y cooperate militarily" needs the act named: "X and Y
		// joined" is no act of X on Y
		if cameo.Root(p.Code) == "06" && t.child(v, "obj") < 0 {
			return nil
		}
	}
	if len(tgt) == 0 && !passive {
		// "X and Y met with reporters" is no meeting of X and Y.
		for _, c := range k.ppNodes(v, k.domainSkip(v)) {
			if t.caseOf(c) == "with" {
				return nil
			}
		}
	}
	out := k.emit(v, p.Code, src, tgt, ev)
	if p.Pair != "" && len(tgt) > 0 && len(out) > 0 {
		// a paired code: the target's reciprocal act ("X visited Y": Y
		// hosted X)
		out = append(out, k.emit(v, p.Pair, tgt, src, ev)...)
	}
	return out
}

// claimed reports whether complement clause c of an appeal or demand
// coded by a bare pattern p states a claim rather than what is asked for: a finite verb in the
// past or present ("suggested that Philippine immigrants posed a
// threat"), where an appeal takes a base form or a modal ("demanded
// that Y withdraw", "urged that Y should …").
func (k *sentCtx) claimed(p *Pattern, c int) bool {
	if !p.bare() {
		return false // the pattern's own frame says what is meant
	}
	switch cameo.Root(p.Code) {
	case "02", "10":
	default:
		return false
	}
	t := k.t
	x := c
	if t.upos(x) != "VERB" && t.upos(x) != "AUX" {
		// a copular clause: its copula carries the tense
		if cp := t.child(x, "cop"); cp >= 0 {
			x = cp
		}
	}
	for _, a := range t.children[c] {
		if t.rel(a) == "aux" || t.rel(a) == "aux:pass" {
			if hypoAux[t.lemma[a]] || futureAux[t.lemma[a]] {
				return false
			}
			x = a
		}
	}
	switch k.in.Sent.Tokens[x].XPOS {
	case "VBD", "VBZ", "VBP":
		return true
	}
	return false
}

var trendAdverbs = map[string]bool{"increasingly": true, "constantly": true, "continuously": true, "continually": true, "gradually": true, "steadily": true, "progressively": true}

// isTrend reports whether verb v states a trend or a habit rather than an
// event: a present perfect over a span ("since then, X has forged ties"),
// a gradual adverb ("has been constantly expanding"), or a means clause of
// a present-tense statement ("by enhancing ties, X has three goals").
func (k *sentCtx) isTrend(v int) bool {
	t := k.t
	x := v
	for steps := 0; steps < 4 && x >= 0; steps++ {
		perfect := false
		for _, c := range t.children[x] {
			if t.rel(c) == "aux" && t.lemma[c] == "have" {
				perfect = true
			}
		}
		for _, c := range t.children[x] {
			l := t.lemma[c]
			if t.base(c) == "advmod" && trendAdverbs[l] {
				return true
			}
			if perfect && (l == "since" && t.base(c) == "advmod" || t.caseOf(c) == "since" || k.leftmost(c) == "since") {
				return true
			}
		}
		if t.rel(x) == "advcl" && k.in.Sent.Tokens[x].XPOS == "VBG" && t.caseOf(x) == "by" {
			if h := t.head[x]; h >= 0 {
				if xp := k.in.Sent.Tokens[h].XPOS; xp == "VBZ" || xp == "VBP" {
					return true
				}
			}
		}
		if r := t.rel(x); r != "conj" && !((r == "advcl" || r == "xcomp") && t.head[x] >= 0 && aspectual[t.lemma[t.head[x]]]) {
			break
		}
		x = t.head[x]
	}
	return false
}

// aspectual verbs share their complement's time frame ("has started
// sending").
var aspectual = map[string]bool{"start": true, "begin": true, "continue": true, "keep": true, "stop": true, "resume": true, "cease": true}

// leftmost returns the lemma of the first token of i's subtree.
func (k *sentCtx) leftmost(i int) string {
	first := i
	k.t.walk(i, nil, func(j int) {
		if j < first {
			first = j
		}
	})
	return k.t.lemma[first]
}

// clauseTargetRoots are the acts whose complement clause names their
// target by its subject: appeals, concessions, demands, disapproval, rejection,
// threats ("X demanded that Y withdraw"); not "X died, Y said".
var clauseTargetRoots = map[string]bool{"02": true, "08": true, "10": true, "11": true, "12": true, "13": true}

// lightVerbs are the verbs that need a frame to name an act.
var lightVerbs = map[string]bool{"go": true, "come": true, "take": true, "make": true, "get": true, "have": true, "give": true, "put": true, "set": true, "do": true, "keep": true, "bring": true, "turn": true, "run": true, "let": true, "see": true, "find": true, "hold": true, "head": true, "face": true}

// raising lists verbs that say how an act seems, not an act of their
// subject's, when an infinitive follows ("seems to", "appeared to").
var raising = map[string]bool{"seem": true, "appear": true}

var threatVerbs = map[string]bool{"threaten": true, "warn": true}

// threatCode turns the code of a threatened act into CAMEO's code for the
// threat: sanctions (16x) → 1312, repression (17x) → 137, force (15x,
// 18x–20x) → 138, halting talks (04x withdrawn) → 134, else 130.
func threatCode(code string) string {
	switch cameo.Root(code) {
	case "16":
		if code == "161" {
			return "1313"
		}
		return "1312"
	case "17":
		return "137"
	case "15", "18", "19", "20":
		if code == "190" || code == "193" || code == "195" {
			return "1384"
		}
		return "138"
	}
	return "130"
}

// intentCode turns the code of a planned cooperative act into CAMEO's
// code for the stated intention: a planned visit (042) is an expressed
// intent to meet (036), planned military cooperation (062) an intent to
// cooperate militarily (0312), planned aid (07x) an intent to provide it.
func intentCode(code string) string {
	switch cameo.Root(code) {
	case "04":
		return "036"
	case "05":
		if code == "057" {
			return "030"
		}
		return "032"
	case "06":
		switch code {
		case "061", "062", "063", "064":
			return "031" + code[2:]
		}
		return "031"
	case "07":
		switch code {
		case "071", "072", "073", "074":
			return "033" + code[2:]
		}
		return "033"
	case "08":
		return "035"
	}
	return code
}

// symmetricOK reports whether a coordinated subject without a target may
// be read as a pair acting on each other: consultations, agreements,
// cooperation ("Japan and NATO signed a programme").
func symmetricOK(code string) bool {
	switch cameo.Root(code) {
	case "03", "04", "05", "06":
		return true
	}
	return false
}

// emit builds the events for sources × target (a coordinated subject
// without a target becomes one symmetric pair).
func (k *sentCtx) emit(v int, code string, src, tgt []int, ev event.Evidence) []event.Event {
	var out []event.Event
	if len(tgt) == 0 {
		// "A, B and C signed": each pair once, in text order
		ord := append([]int(nil), src...)
		sort.SliceStable(ord, func(a, b int) bool { return k.in.Mentions[ord[a]].First < k.in.Mentions[ord[b]].First })
		if len(ord) > 4 {
			ord = ord[:4]
		}
		var out []event.Event
		for a := 0; a < len(ord); a++ {
			for b := a + 1; b < len(ord); b++ {
				x, y := ord[a], ord[b]
				if k.sameActor(x, y) || k.in.Mentions[x].Actor.Code == "" || k.in.Mentions[y].Actor.Code == "" {
					continue
				}
				out = append(out, k.build(v, code, x, y, ev))
				if k.c.opt.BothWays {
					out = append(out, k.build(v, code, y, x, ev))
				}
			}
		}
		return out
	}
	seen := map[[2]string]bool{}
	for _, s := range src {
		for _, g := range tgt {
			if k.sameActor(s, g) || k.in.Mentions[s].Actor.Code == "" || k.in.Mentions[g].Actor.Code == "" {
				continue
			}
			key := [2]string{k.in.Mentions[s].Actor.Code, k.in.Mentions[g].Actor.Code}
			if seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, k.build(v, code, s, g, ev))
		}
	}
	return out
}

func (k *sentCtx) sameActor(a, b int) bool {
	x, y := k.in.Mentions[a].Actor, k.in.Mentions[b].Actor
	if x.Code != "" && x.Code == y.Code {
		return true
	}
	if x.Org != "" && x.Org == y.Org {
		return true
	}
	return x.Org == "" && y.Org == "" && x.Country != "" && x.Country == y.Country
}

func (k *sentCtx) build(v int, code string, s, g int, ev event.Evidence) event.Event {
	in := k.in
	mod := k.modality(v)
	if mod == event.Planned && !k.c.opt.ActCodes {
		code = intentCode(code)
	}
	e := event.Event{
		Doc:      in.DocID,
		Sentence: in.Sent.Index,
		Text:     in.Sent.Text,
		Span:     [2]int{in.Sent.Start, in.Sent.End},
		Source:   in.Mentions[s].Actor,
		Target:   in.Mentions[g].Actor,
		CAMEO:    code,
		Root:     cameo.Root(code),
		Evidence: ev,
		Coder:    k.c.opt.Version,
		Modality: mod,
	}
	if cc, ok := cameo.Lookup(code); ok {
		e.Quad = cc.Quad(k.c.opt.Convention)
		e.Goldstein = cc.Goldstein(k.c.opt.Convention)
		e.PLOVER = cc.PLOVERLabel()
	} else if q := cameo.QuadClass(code, k.c.opt.Convention); q >= 0 {
		e.Quad = q
	}
	if !in.Published.IsZero() {
		e.Published = in.Published.Format("2006-01-02")
	}
	e.Date, e.Precision = k.date(v)
	return e
}

// evidence is the verb, extended to the pattern's object noun when it
// follows closely (light verbs: "held talks", "paid a visit").
func (k *sentCtx) evidence(v int, objToks []int) event.Evidence {
	toks := k.in.Sent.Tokens
	first, last := v, v
	for _, j := range objToks {
		if u := k.t.upos(j); j > v && j-v <= 4 && j > last && (u == "NOUN" || u == "PROPN") {
			last = j
		}
	}
	start, end := toks[first].Start, toks[last].End
	var text string
	if s := k.in.Sent; start >= s.Start && end <= s.End && end-s.Start <= len(s.Text) && start >= 0 {
		text = s.Text[start-s.Start : end-s.Start]
	} else {
		parts := make([]string, 0, last-first+1)
		for j := first; j <= last; j++ {
			parts = append(parts, toks[j].Form)
		}
		text = strings.Join(parts, " ")
	}
	return event.Evidence{Text: text, Span: [2]int{start, end}}
}
