package when

import (
	"strings"

	"github.com/dyad-events/dyad/event"
)

// scanner runs the grammar over one text. Candidate tokens (numbers,
// month and weekday names, unit words, deictic words, Han characters) are
// found by one map lookup per word; only around them does it look closer.
type scanner struct {
	toks    []tok
	d       *Doc
	text    string
	base    int
	s       *event.Sentence
	tree    bool // the sentence has a dependency tree
	tagged  bool // the sentence has POS tags
	lastEnd int  // index of the first token after the last expression
	out     []Expr
	// sentYear is the year of an "in 2014" earlier in the same sentence:
	// a bare month or day after it falls in that year ("In 2014 the war
	// began, and in June talks started"); 0 when none.
	sentYear int
}

// match is one expression found: tokens [i, j) and its resolution.
type match struct {
	i, j  int
	kind  string
	val   date
	p     prec
	mod   string
	anaph bool
	year  bool // the year is written out ("2014", "April 2022")
}

func (m *match) set(v date, p prec) { m.val, m.p = v, p }

func (sc *scanner) run(d *Doc, text string, base int, s *event.Sentence) []Expr {
	sc.toks = tokenize(text, sc.toks)
	sc.d, sc.text, sc.base, sc.s = d, text, base, s
	sc.tree, sc.tagged = false, false
	sc.lastEnd = 0
	sc.out = nil
	sc.sentYear = 0
	if s != nil {
		mapTokens(sc.toks, s, base)
		for k := range s.Tokens {
			t := &s.Tokens[k]
			if t.Deprel != "" && t.Deprel != "_" {
				sc.tree = true
			}
			if t.XPOS != "" && t.XPOS != "_" || t.UPOS != "" && t.UPOS != "_" {
				sc.tagged = true
			}
			if sc.tree && sc.tagged {
				break
			}
		}
	}
	toks := sc.toks
	seen := 0 // tokens up to here were checked for sentence breaks
	for i := 0; i < len(toks); {
		for ; seen < i; seen++ {
			if toks[seen].brk {
				sc.sentYear = 0
			}
		}
		t := &toks[i]
		var m match
		ok := false
		switch t.kind {
		case kNum:
			ok = sc.number(i, &m) || sc.zh(i, &m)
		case kWord:
			if c := classes[t.low]; c != cNone {
				ok = sc.word(i, c, &m)
			}
		case kHan:
			ok = sc.zh(i, &m)
		}
		if ok {
			if m.kind == "" {
				m.kind = KindDate
			}
			sc.extendLeft(&m)
			sc.emit(&m)
			sc.lastEnd = m.j
			i = m.j
			continue
		}
		i++
	}
	return sc.out
}

// at returns token k or nil when out of range or before the last
// expression's end.
func (sc *scanner) at(k int) *tok {
	if k < sc.lastEnd || k >= len(sc.toks) {
		return nil
	}
	return &sc.toks[k]
}

// low returns the lower-case word at k, "" for non-words and out of range.
func (sc *scanner) low(k int) string {
	t := sc.at(k)
	if t == nil || t.kind != kWord {
		return ""
	}
	return t.low
}

// punct reports whether token k is the punctuation rune r.
func (sc *scanner) punct(k int, r rune) bool {
	t := sc.at(k)
	return t != nil && t.kind == kPunct && t.r == r
}

// boundaryAfter reports whether no word of the same clause follows token
// k (end of text, a sentence break or punctuation).
func (sc *scanner) boundaryAfter(k int) bool {
	if k >= len(sc.toks)-1 || sc.toks[k].brk {
		return true
	}
	return sc.toks[k+1].kind == kPunct
}

// year4 returns the value of token k when it is a 4-digit year 1000–2999.
func (sc *scanner) year4(k int) (int, bool) {
	t := sc.at(k)
	if t == nil || t.kind != kNum || t.nd != 4 || t.num < 1000 || t.num > 2999 {
		return 0, false
	}
	if n := sc.at(k + 1); n != nil && adjacent(t, n) && (n.kind == kWord || n.kind == kNum) {
		return 0, false // 2023s, 2000km
	}
	return t.num, true
}

// dayNum returns the day number at k (1–31, optionally with st/nd/rd/th
// attached) and the index after it.
func (sc *scanner) dayNum(k int) (int, int, bool) {
	t := sc.at(k)
	if t == nil || t.kind != kNum || t.nd > 2 || t.num < 1 || t.num > 31 {
		return 0, 0, false
	}
	j := k + 1
	if n := sc.at(j); n != nil && adjacent(t, n) {
		switch {
		case n.kind == kWord && (n.low == "st" || n.low == "nd" || n.low == "rd" || n.low == "th"):
			j++
		case n.kind == kNum, n.kind == kWord:
			return 0, 0, false
		case n.kind == kPunct && (n.r == ':' || n.r == '.' || n.r == '/' || n.r == ','):
			if nn := sc.at(j + 1); nn != nil && nn.kind == kNum && adjacent(n, nn) {
				return 0, 0, false // 10:30, 10.5, 10/7, 10,000
			}
		}
	}
	return t.num, j, true
}

func (sc *scanner) word(i int, c uint8, m *match) bool {
	switch c {
	case cMonth:
		return sc.month(i, m)
	case cWeekday:
		return sc.weekday(i, m)
	case cUnit:
		return sc.unit(i, m)
	case cDeictic:
		return sc.deictic(i, m)
	case cVague:
		return sc.vague(i, m)
	case cThen:
		return sc.then(i, m)
	case cSeason:
		return sc.season(i, m)
	case cPart:
		return sc.part(i, m)
	case cTime:
		return sc.atTheTime(i, m)
	case cSet:
		if t := &sc.toks[i]; t.cap {
			if p := sc.at(i - 1); p != nil && p.kind == kWord && p.cap {
				return false // "China Daily": a name
			}
		}
		m.i, m.j, m.kind = i, i+1, KindSet
		return true
	case cAgo:
		if l := sc.low(i - 1); l == "long" || l == "while" {
			m.i, m.j, m.kind = i-1, i+1, KindRef
			if sc.low(i-2) == "a" && l == "while" {
				m.i = i - 2
			}
			return true
		}
	case cPastFut:
		return sc.pastFuture(i, m)
	case cQuarter:
		return sc.quarter(i, m)
	case cHoliday:
		return sc.holiday(i, m)
	}
	return false
}

// holiday handles the fixed-date holidays "Christmas (Day)", "Christmas
// Eve", "New Year's Day", "New Year's Eve": a day placed by tense like
// "Dec. 25".
func (sc *scanner) holiday(i int, m *match) bool {
	t := &sc.toks[i]
	mo, day := 0, 0
	m.i, m.j = i, i+1
	switch {
	case t.low == "christmas" && t.cap:
		mo, day = 12, 25
		switch sc.low(i + 1) {
		case "day":
			m.j = i + 2
		case "eve":
			m.j, day = i+2, 24
		default:
			if n := sc.at(i + 1); n != nil && n.kind == kWord && n.cap {
				return false // "Christmas Island"
			}
		}
	case t.low == "year" && t.cap && sc.low(i-1) == "new" && sc.at(i-1).cap && sc.possessive(i):
		m.i = i - 1
		switch sc.low(i + 3) {
		case "day":
			mo, day, m.j = 1, 1, i+4
		case "eve":
			mo, day, m.j = 12, 31, i+4
		default:
			return false
		}
	default:
		return false
	}
	if _, _, ok := sc.dayNum(m.j); ok {
		return false
	}
	year := 0
	if y, ok := sc.year4(m.j); ok {
		year, m.j = y, m.j+1
	} else if sc.low(m.j) == "of" {
		if y, ok := sc.year4(m.j + 1); ok {
			year, m.j = y, m.j+2
		}
	}
	if year == 0 {
		if !sc.d.hasPub {
			return true
		}
		switch {
		case sc.sentYear != 0:
			year = sc.sentYear
		case sc.low(m.i-1) == "last":
			year, m.i = sc.d.pub.y-1, m.i-1
		case sc.low(m.i-1) == "next":
			year, m.i = sc.d.pub.y+1, m.i-1
		case sc.low(m.i-1) == "this":
			year, m.i = sc.d.pub.y, m.i-1
		default:
			year = dayYear(mo, day, sc.d.pub, sc.tense(m.i, m.j))
		}
	}
	m.set(date{year, mo, day}, pDay)
	return true
}

// anaphor reads "that year", "the same year", "the following
// year" … at k (the determiner); returns the offset from the reference,
// the index after "year"/"month" and the unit.
func (sc *scanner) anaphor(k int) (off int, j int, u prec, ok bool) {
	w := sc.low(k)
	n := 1
	switch w {
	case "that":
	case "the":
		n = 2
		switch sc.low(k + 1) {
		case "same":
		case "following", "next", "subsequent":
			off = 1
		case "previous", "preceding", "prior":
			off = -1
		default:
			return 0, 0, 0, false
		}
	default:
		return 0, 0, 0, false
	}
	uw := sc.low(k + n)
	switch uw {
	case "year":
		u = pYear
	case "month":
		u = pMonth
	case "week":
		u = pWeek
	case "day":
		u = pDay
	case "decade":
		u = pDecade
	default:
		return 0, 0, 0, false
	}
	return off, k + n + 1, u, true
}

// refAt returns the document's reference date moved by off units u; ok is
// false when there is none, or when it is coarser than u ("that month"
// after a bare year).
func (sc *scanner) refAt(off int, u prec) (date, bool) {
	d := sc.d
	if !d.hasRef || d.refP > u {
		return date{}, false
	}
	return shift(d.ref, off, u), true
}

// shift moves v by n units of precision u.
func shift(v date, n int, u prec) date {
	switch u {
	case pDay:
		return v.addDays(n)
	case pWeek:
		return v.addDays(7 * n).monday()
	case pMonth:
		return v.addMonths(n)
	case pYear:
		return date{v.y + n, 1, 1}
	case pDecade:
		return date{v.y - v.y%10 + 10*n, 1, 1}
	}
	return v
}

// month handles "July", "July 10", "July 10, 2023", "10 July 2023",
// "Monday, July 10", "April 2022", "June that year", "last July".
func (sc *scanner) month(i int, m *match) bool {
	t := &sc.toks[i]
	if !t.cap {
		return false
	}
	mo := months[t.low]
	isAbbr := len(t.low) <= 4 && t.low != "june" && t.low != "july" && t.low != "may"
	j := i + 1
	if isAbbr && sc.punct(j, '.') && adjacent(t, &sc.toks[j]) {
		j++
	}
	start := i
	day, year := 0, 0
	yearSet := false
	anaph := false
	var yearOff int
	k := j
	if d, k2, ok := sc.dayNum(k); ok {
		day, k = d, k2
		// range "July 10-12": keep the first day
		if (sc.punct(k, '-') || sc.punct(k, '–')) && sc.at(k+1) != nil && sc.toks[k+1].kind == kNum && sc.toks[k+1].nd <= 2 {
			k += 2
		}
	}
	// the year: "2023", ", 2023", "of 2023", "that year", "of last year"
	k2 := k
	if sc.punct(k2, ',') || sc.low(k2) == "of" {
		k2++
	}
	if y, ok := sc.year4(k2); ok {
		year, yearSet, k, m.year = y, true, k2+1, true
	} else {
		k2 = k
		if sc.low(k2) == "of" {
			k2++
		}
		w := sc.low(k2)
		if off, k3, u, ok := sc.anaphor(k2); ok && u == pYear {
			anaph, yearOff, k = true, off, k3
		} else if (w == "this" || w == "last" || w == "next") && sc.low(k2+1) == "year" && sc.d.hasPub {
			year, yearSet, k = sc.d.pub.y+map[string]int{"this": 0, "last": -1, "next": 1}[w], true, k2+2
		}
	}
	// day before the month: "10 July", "10th July", "the 10th of July"
	if day == 0 {
		p := i - 1
		if sc.low(p) == "of" {
			p--
		}
		if pt := sc.at(p); pt != nil && pt.kind == kWord && (pt.low == "th" || pt.low == "st" || pt.low == "nd" || pt.low == "rd") {
			p--
		}
		if d, e, ok := sc.dayNum(p); ok && (e == i || e == i-1 && sc.low(i-1) == "of") {
			day, start = d, p
			if sc.low(p-1) == "the" {
				start = p - 1
			}
		}
	}
	// weekday before: "Monday, July 10", "Monday 10 July"
	if day != 0 {
		p := start - 1
		if sc.punct(p, ',') {
			p--
		}
		if w := sc.at(p); w != nil && w.kind == kWord && w.cap && classes[w.low] == cWeekday {
			start = p
		}
	}
	if day == 0 && !yearSet && !anaph {
		// A bare month name: guard the words that are also verbs or
		// abbreviations ("may", "march", "Jan").
		if t.low == "may" || t.low == "march" || isAbbr {
			if !monthCue[sc.low(i-1)] && !(sc.punct(i-1, '-') && monthCue[sc.low(i-2)]) {
				return false
			}
		}
		if n := sc.at(i + 1); n != nil && n.kind == kWord && n.cap && !isAbbr && classes[n.low] == cNone && sc.low(i-1) == "" {
			// "June Smith", "August Rush": a name
			return false
		}
	}
	m.i, m.j = start, k
	if day != 0 && !valid(2000, mo, day) { // Feb 30 is never a day
		return false
	}
	if anaph {
		m.anaph = true
		if v, ok := sc.refAt(yearOff, pYear); ok {
			year, yearSet = v.y, true
		}
	}
	if day != 0 && !yearSet {
		// "the Nov. 26 raids in 2008": a year in the same phrase
		if y, ok := sc.phraseYear(k); ok {
			year, yearSet = y, true
		}
	}
	if !yearSet && !anaph {
		if !sc.d.hasPub {
			return true // found, not resolvable
		}
		pub := sc.d.pub
		switch w := sc.low(start - 1); {
		case (w == "following" || w == "next" || w == "subsequent" || w == "previous" || w == "preceding") && sc.low(start-2) == "the" && day == 0,
			w == "that" && day == 0:
			// "the following January": after the month last mentioned
			m.i, m.anaph = start-2, true
			if w == "that" {
				m.i = start - 1
			}
			d := sc.d
			if !d.hasRef || d.refP > pYear {
				m.p = pNone
				return true
			}
			year = d.ref.y
			switch {
			case w == "that":
			case w == "previous" || w == "preceding":
				if d.refP == pYear || mo >= d.ref.m {
					year--
				}
			default:
				if d.refP == pYear || mo <= d.ref.m {
					year++
				}
			}
		case w == "last" || w == "past":
			// "last March" is last year's (this year's is "in March");
			// "this past March" and "last March 3" the latest before
			m.i = start - 1
			if (day != 0 || sc.low(start-1) == "past") && mdBefore(mo, max(day, 1), pub.m, pub.d) && (day != 0 || mo < pub.m) {
				year = pub.y
			} else {
				year = pub.y - 1
			}
			if sc.low(start-1) == "past" && sc.low(start-2) == "this" {
				m.i = start - 2
			}
		case w == "next" || w == "coming":
			m.i = start - 1
			if mdBefore(pub.m, pub.d, mo, max(day, 1)) && (day != 0 || mo > pub.m) {
				year = pub.y
			} else {
				year = pub.y + 1
			}
		case w == "this":
			m.i = start - 1
			year = pub.y
		case sc.sentYear != 0:
			year = sc.sentYear
		default:
			tn := sc.tense(start, k)
			if day != 0 {
				year = dayYear(mo, day, pub, tn)
			} else {
				year = monthYear(mo, pub, tn)
			}
		}
		yearSet = true
	}
	if !yearSet {
		return true
	}
	if day != 0 {
		if !valid(year, mo, day) {
			m.p = pNone // Feb 29 of a common year
			return true
		}
		m.set(date{year, mo, day}, pDay)
	} else {
		m.set(date{year, mo, 1}, pMonth)
	}
	return true
}

// monthCue are the words before a bare "May", "March" or "Jan" that make
// it a month.
var monthCue = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "by": true, "of": true, "during": true,
	"early": true, "late": true, "mid": true, "last": true, "next": true, "this": true, "through": true,
	"from": true, "to": true, "before": true, "after": true, "between": true, "and": true,
	"throughout": true, "end": true, "beginning": true, "coming": true, "past": true, "or": true,
}

// phraseYear finds "in 2001" / "of 2001" within the next few words of
// the same noun phrase (no verb cue, no punctuation in between).
func (sc *scanner) phraseYear(k int) (int, bool) {
	for n := 0; n < 4; n++ {
		t := sc.at(k + n)
		if t == nil || t.kind != kWord || t.brk {
			return 0, false
		}
		if t.low == "in" || t.low == "of" {
			return sc.year4(k + n + 1)
		}
		if t.cap || cueWords[t.low] != 0 || isVerbForm(t.low) {
			return 0, false
		}
	}
	return 0, false
}

// weekday handles "Tuesday", "on Tuesday", "last Tuesday", "next Friday
// morning".
func (sc *scanner) weekday(i int, m *match) bool {
	t := &sc.toks[i]
	if !t.cap {
		return false
	}
	// "Monday, July 10": the month takes it
	k := i + 1
	if sc.punct(k, ',') {
		k++
	}
	if w := sc.at(k); w != nil && w.kind == kWord && w.cap && classes[w.low] == cMonth {
		return false
	}
	if _, e, ok := sc.dayNum(k); ok {
		if w := sc.at(e); w != nil && w.kind == kWord && w.cap && classes[w.low] == cMonth {
			return false
		}
		if sc.low(e) == "of" {
			return false
		}
	}
	if sc.inName(i) {
		return false
	}
	wd := weekdays[t.low]
	m.i, m.j = i, i+1
	if p := sc.low(i + 1); p == "morning" || p == "afternoon" || p == "evening" || p == "night" {
		m.j = i + 2
	}
	rel := 0
	switch sc.low(i - 1) {
	case "last":
		rel, m.i = -1, i-1
	case "next", "coming":
		rel, m.i = 1, i-1
	case "past":
		rel, m.i = -1, i-1
		if sc.low(i-2) == "this" {
			m.i = i - 2
		}
	case "this":
		m.i = i - 1
	}
	if !sc.d.hasPub {
		return true
	}
	if rel == 0 && sc.possessive(i) {
		// "Monday's debate" names an event, not the clause's time: the
		// nearest Monday (ties go to the past)
		pub := sc.d.pub
		back := (pub.weekday() - wd + 7) % 7
		if fwd := (wd - pub.weekday() + 7) % 7; fwd < back {
			m.set(pub.addDays(fwd), pDay)
		} else {
			m.set(pub.addDays(-back), pDay)
		}
		return true
	}
	tn := tUnknown
	if rel == 0 {
		tn = sc.tense(m.i, m.j)
		if tn == tPresent && sc.low(m.i-1) == "on" {
			// "voters go to the polls on Sunday": a schedule
			tn = tFuture
		}
	}
	m.set(weekdayDate(wd, sc.d.pub, tn, rel), pDay)
	return true
}

// possessive reports whether "'s" follows token i.
func (sc *scanner) possessive(i int) bool {
	a, b := sc.at(i+1), sc.at(i+2)
	return a != nil && b != nil && a.kind == kPunct && (a.r == '\'' || a.r == '’') &&
		adjacent(&sc.toks[i], a) && adjacent(a, b) && b.low == "s"
}

// periodPart are the nouns of "the end of the year" and the like.
var periodPart = map[string]bool{
	"end": true, "beginning": true, "start": true, "middle": true, "rest": true, "remainder": true,
	"close": true, "turn": true,
}

// quarter handles "the first quarter of 2023", "the third quarter of last
// year": year precision, Mod "q1" … "q4".
func (sc *scanner) quarter(i int, m *match) bool {
	q := 0
	start := i
	t := &sc.toks[i]
	if t.low == "quarter" {
		q = ordinals[sc.low(i-1)]
		if q < 1 || q > 4 {
			return false
		}
		start = i - 1
		if sc.low(i-2) == "the" {
			start = i - 2
		}
		k := i + 1
		if sc.low(k) != "of" {
			// "in the fourth quarter": the quarter's year by tense, as a month
			if sc.low(start) != "the" {
				return false
			}
			m.i, m.j, m.mod = start, i+1, "q"+string(rune('0'+q))
			if sc.d.hasPub {
				m.set(date{monthYear(3*q-2, sc.d.pub, sc.tense(start, i+1)), 1, 1}, pYear)
			}
			return true
		}
		k++
		if y, ok := sc.year4(k); ok {
			m.i, m.j, m.mod = start, k+1, "q"+string(rune('0'+q))
			m.set(date{y, 1, 1}, pYear)
			return true
		}
		if w := sc.low(k); (w == "this" || w == "last" || w == "next") && sc.low(k+1) == "year" {
			m.i, m.j, m.mod = start, k+2, "q"+string(rune('0'+q))
			if sc.d.hasPub {
				m.set(date{sc.d.pub.y + map[string]int{"this": 0, "last": -1, "next": 1}[w], 1, 1}, pYear)
			}
			return true
		}
	}
	return false
}

var ordinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}

// inName reports whether the capitalized word at i is part of a name:
// after another capitalized word that does not start the sentence ("USA
// Today", "Fox News Sunday"), or between "The" and a capitalized word ("The
// Sunday Times").
func (sc *scanner) inName(i int) bool {
	p := sc.at(i - 1)
	if p != nil && p.kind == kWord && p.cap && classes[p.low] == cNone && !monthCue[p.low] {
		pp := sc.at(i - 2)
		if pp != nil && !pp.brk && !(pp.kind == kPunct && (pp.r == '"' || pp.r == '“' || pp.r == '(')) {
			return true
		}
		if p.low != "the" && p.low != "on" && p.low != "last" && p.low != "next" && p.low != "this" &&
			p.low != "early" && p.low != "late" && p.low != "by" && p.low != "since" && p.low != "until" {
			return true
		}
	}
	if n := sc.at(i + 1); n != nil && n.kind == kWord && n.cap && classes[n.low] == cNone && sc.low(i-1) == "the" {
		return true
	}
	return false
}

// amount reads the quantity before a unit at k: a number, a number word,
// "a couple of", "several"; it returns the value (0 when vague), the first
// token and whether an amount was found.
func (sc *scanner) amount(k int) (n int, start int, ok bool) {
	t := sc.at(k)
	if t == nil {
		return 0, 0, false
	}
	if t.kind == kNum && t.num > 0 && t.nd <= 3 {
		if p := sc.at(k - 1); p != nil && p.kind == kPunct && (p.r == ',' || p.r == '.') && adjacent(p, t) {
			return 0, 0, false
		}
		return t.num, k, true
	}
	if t.kind != kWord {
		return 0, 0, false
	}
	if v, ok := numberWords[t.low]; ok {
		// "twenty-five"
		if sc.punct(k-1, '-') {
			if v2, ok := numberWords[sc.low(k-2)]; ok && v2 >= 20 {
				return v2 + v, k - 2, true
			}
		}
		return v, k, true
	}
	switch t.low {
	case "of": // a couple of, a number of
		if sc.low(k-1) == "couple" {
			s := k - 1
			if sc.low(k-2) == "a" {
				s = k - 2
			}
			return 2, s, true
		}
		return 0, 0, false
	case "several", "few", "many", "some":
		s := k
		if sc.low(k-1) == "a" {
			s = k - 1
		}
		return 0, s, true
	}
	return 0, 0, false
}

// unit handles phrases built on day/week/month/year/decade: "last week",
// "two days ago", "that year", "the following year", "a year later",
// "this year", "for three years", "every week".
func (sc *scanner) unit(i int, m *match) bool {
	t := &sc.toks[i]
	if t.low == "year" && sc.holiday(i, m) {
		return true // New Year's Day
	}
	if t.cap {
		return false // "This Week", "Last Year's Model": a title
	}
	if n := sc.at(i + 1); n != nil && n.kind == kPunct && n.r == '-' && adjacent(t, n) {
		return false // "year-ago", "month-long": part of a compound adjective
	}
	u := units[t.low]
	weekend := t.low == "weekend"
	plural := t.low[len(t.low)-1] == 's' && !weekend
	if _, ok := sc.year4(i + 1); ok && !plural {
		return false // "the year 2008": the number takes it
	}
	next := sc.low(i + 1)
	n, astart, hasAmount := sc.amount(i - 1)
	pub := sc.d.pub
	// "N units ago", "N units later"
	if hasAmount && (next == "ago" || next == "earlier" || next == "later" || next == "before" || next == "after") {
		if (next == "before" || next == "after") && !sc.boundaryAfter(i+1) {
			// "two days before the vote": relative to an event
			m.i, m.j, m.kind = astart, i+1, KindDuration
			return true
		}
		m.i, m.j = astart, i+2
		if n == 0 {
			m.kind = KindRef
			return true
		}
		if weekend {
			m.kind = KindRef
			return true
		}
		if next == "ago" {
			if sc.d.hasPub {
				if u == pDecade { // "a decade ago": ten years back
					m.set(shift(pub, -10*n, pYear), pYear)
				} else {
					m.set(shift(pub, -n, u), u)
				}
			}
			return true
		}
		off := n
		if next == "earlier" || next == "before" {
			off = -n
		}
		m.anaph = true
		if v, ok := sc.refAt(off, u); ok {
			m.set(v, u)
		}
		return true
	}
	if hasAmount && n == 1 && (sc.low(astart) == "a" || sc.low(astart) == "an") && !plural {
		// "twice a year", "three times a week": a set
		switch p := sc.low(astart - 1); {
		case p == "once" || p == "twice" || p == "thrice":
			m.i, m.j, m.kind = astart-1, i+1, KindSet
			return true
		case p == "times":
			m.i, m.j, m.kind = astart-1, i+1, KindSet
			if _, s, ok := sc.amount(astart - 2); ok {
				m.i = s
			}
			return true
		}
	}
	if hasAmount {
		// "three years", "the past three months", "the next two weeks"
		m.i, m.j, m.kind = astart, i+1, KindDuration
		switch sc.low(astart - 1) {
		case "past", "last", "next", "coming", "previous", "following", "first", "final":
			m.i = astart - 1
			if sc.low(astart-2) == "the" {
				m.i = astart - 2
			}
		}
		return true
	}
	prev := sc.low(i - 1)
	if !plural && !weekend && prev == "the" && (next == "before" || next == "after") && sc.boundaryAfter(i+1) {
		// "the day before", "the year after": next to the date last
		// mentioned
		off := 1
		if next == "before" {
			off = -1
		}
		m.i, m.j, m.anaph = i-1, i+2, true
		if v, ok := sc.refAt(off, u); ok {
			m.set(v, u)
		}
		return true
	}
	if plural && (next == "ago" || next == "later" || next == "earlier") {
		// "weeks ago", "just days later": no number, no value
		m.i, m.j, m.kind = i, i+2, KindRef
		return true
	}
	if !plural && prev == "the" && sc.low(i-2) == "of" && periodPart[sc.low(i-3)] && !weekend {
		// "by the end of the year", "the rest of the month": the current one
		m.i, m.j = i-1, i+1
		if sc.d.hasPub {
			m.set(shift(pub, 0, u), u)
		}
		return true
	}
	switch prev {
	case "every", "each", "per":
		m.i, m.j, m.kind = i-1, i+1, KindSet
		return true
	case "recent":
		m.i, m.j, m.kind = i-1, i+1, KindRef
		if plural {
			return true
		}
		m.kind = KindDuration
		return true
	case "past", "previous", "coming", "next", "last", "following", "current", "this", "that", "same", "prior", "preceding", "subsequent":
	default:
		if plural && (prev == "for" || prev == "in" || prev == "over" || prev == "within") {
			m.i, m.j, m.kind = i, i+1, KindDuration
			return true
		}
		return false
	}
	if plural {
		// "the past three years" has its amount before; "the coming
		// years", "the past years": vague
		m.i, m.j, m.kind = i-1, i+1, KindRef
		if sc.low(i-2) == "the" {
			m.i = i - 2
		}
		return true
	}
	the := sc.low(i-2) == "the"
	m.i, m.j = i-1, i+1
	if the {
		m.i = i - 2
	}
	if weekend {
		// "last weekend", "this weekend", "next weekend": the Saturday
		if !sc.d.hasPub || the && prev != "last" && prev != "next" && prev != "coming" {
			return true
		}
		sat := pub.monday().addDays(5)
		switch prev {
		case "last", "past", "previous":
			sat = sat.addDays(-7)
		case "next", "coming":
			sat = sat.addDays(7)
		}
		m.set(sat, pDay)
		return true
	}
	if u == pDay && !the && prev != "that" && prev != "same" {
		return false // "this day", "next day" are rarely dates
	}
	switch {
	case prev == "past" && the || prev == "prior" && !the:
		m.kind = KindDuration // "over the past year"
		return true
	case (prev == "this" || prev == "current") && !the || prev == "current":
		if sc.d.hasPub {
			m.set(shift(pub, 0, u), u)
		}
		return true
	case (prev == "last" || prev == "past" || prev == "previous") && !the:
		if sc.d.hasPub {
			m.set(shift(pub, -1, u), u)
		}
		return true
	case (prev == "next" || prev == "coming") && !the:
		if sc.d.hasPub {
			m.set(shift(pub, 1, u), u)
		}
		return true
	case prev == "that" || prev == "same" && the:
		m.anaph = true
		if v, ok := sc.refAt(0, u); ok {
			m.set(v, u)
		}
		return true
	case the && (prev == "following" || prev == "next" || prev == "subsequent"):
		m.anaph = true
		if v, ok := sc.refAt(1, u); ok {
			m.set(v, u)
		} else if prev == "next" && sc.d.hasPub && !sc.d.hasRef {
			m.anaph = false
			m.set(shift(pub, 1, u), u)
		}
		return true
	case the && (prev == "previous" || prev == "preceding" || prev == "prior" || prev == "last"):
		m.anaph = true
		if prev == "last" {
			m.kind = KindDuration // "the last year" is usually a span
			m.anaph = false
			return true
		}
		if v, ok := sc.refAt(-1, u); ok {
			m.set(v, u)
		}
		return true
	case the && prev == "coming":
		m.kind = KindRef
		return true
	}
	return false
}

// deictic handles today, yesterday, tomorrow, tonight (with "the day
// before yesterday", "yesterday morning").
func (sc *scanner) deictic(i int, m *match) bool {
	t := &sc.toks[i]
	if t.cap && sc.inName(i) {
		return false
	}
	m.i, m.j = i, i+1
	off := 0
	switch t.low {
	case "yesterday":
		off = -1
		if sc.low(i-1) == "before" && sc.low(i-2) == "day" && sc.low(i-3) == "the" {
			off, m.i = -2, i-3
		}
	case "tomorrow":
		off = 1
		if sc.low(i-1) == "after" && sc.low(i-2) == "day" && sc.low(i-3) == "the" {
			off, m.i = 2, i-3
		}
	}
	if p := sc.low(i + 1); p == "morning" || p == "afternoon" || p == "evening" || p == "night" {
		m.j = i + 2
	}
	if sc.d.hasPub {
		m.set(sc.d.pub.addDays(off), pDay)
	}
	return true
}

// vague handles recently, now, currently, soon …: KindRef, no value.
func (sc *scanner) vague(i int, m *match) bool {
	t := &sc.toks[i]
	if t.low == "now" {
		// "now that" is a conjunction, "now-defunct" an adjective
		if n := sc.at(i + 1); n != nil && (n.kind == kPunct && n.r == '-' && adjacent(t, n) || n.low == "that") {
			return false
		}
	}
	m.i, m.j, m.kind = i, i+1, KindRef
	return true
}

// then handles "back then", "since then", "until then", "by then": the
// date last mentioned.
func (sc *scanner) then(i int, m *match) bool {
	switch sc.low(i - 1) {
	case "back", "even", "only", "just":
		m.i = i - 1
	case "since", "until", "till", "by", "before", "from", "after":
		m.i = i
	default:
		return false
	}
	m.j = i + 1
	m.anaph = true
	if sc.d.hasRef {
		m.set(sc.d.ref, sc.d.refP)
	}
	return true
}

// atTheTime handles "at the time", "at that time": the date last
// mentioned.
func (sc *scanner) atTheTime(i int, m *match) bool {
	if sc.low(i-2) != "at" || (sc.low(i-1) != "the" && sc.low(i-1) != "that") {
		return false
	}
	if n := sc.low(i + 1); n == "of" || n == "when" {
		return false
	}
	m.i, m.j, m.anaph = i-1, i+1, true
	if sc.d.hasRef {
		m.set(sc.d.ref, sc.d.refP)
	}
	return true
}

// seasonCue are the words before a season name that make it a time.
var seasonCue = map[string]bool{
	"last": true, "this": true, "next": true, "the": true, "early": true, "late": true, "in": true,
	"of": true, "during": true, "since": true, "until": true, "by": true, "coming": true, "past": true,
	"mid": true, "and": true,
}

// season handles "last summer", "in the spring of 2020", "winter 2021".
func (sc *scanner) season(i int, m *match) bool {
	t := &sc.toks[i]
	name := t.low
	k := i + 1
	if sc.low(k) == "of" {
		k++
	}
	y, hasYear := sc.year4(k)
	if !hasYear && sc.low(i+1) == "of" {
		return false // "the fall of the city"
	}
	prev := sc.low(i - 1)
	if !hasYear {
		// "the following spring", "that summer": after the date last
		// mentioned
		off, ok := 0, true
		switch {
		case prev == "that" || prev == "same" && sc.low(i-2) == "the":
		case (prev == "following" || prev == "next" || prev == "subsequent") && sc.low(i-2) == "the":
			off = 1
		case (prev == "previous" || prev == "preceding") && sc.low(i-2) == "the":
			off = -1
		default:
			ok = false
		}
		if ok {
			m.i, m.j, m.mod, m.anaph = i-1, i+1, name, true
			if prev != "that" {
				m.i = i - 2
			}
			if name == "fall" {
				m.mod = "autumn"
			}
			if d := sc.d; d.hasRef && d.refP <= pYear {
				y := d.ref.y
				if off != 0 && d.refP <= pMonth {
					// a season after (before) a dated month: the first one
					// starting after (ending before) it
					if start := seasonStart[name]; off > 0 && d.ref.m < start && start != 12 {
						off = 0
					} else if off < 0 && d.ref.m > start+2 {
						off = 0
					}
				}
				m.set(date{y + off, 1, 1}, pYear)
			}
			return true
		}
	}
	if !hasYear && !seasonCue[prev] {
		return false
	}
	if !hasYear && prev == "the" && !seasonCue[sc.low(i-2)] {
		return false // "the summer camp": keep to "in the summer"
	}
	if n := sc.at(i + 1); t.cap && n != nil && n.kind == kWord && n.cap {
		return false // "the Spring Festival", "the Winter Olympics"
	}
	if !hasYear && t.cap && prev != "last" && prev != "this" && prev != "next" {
		if sc.low(i-1) == "" || sc.at(i-1).cap {
			return false // "Arab Spring"
		}
	}
	m.i, m.j, m.mod = i, i+1, name
	if name == "fall" {
		m.mod = "autumn"
	}
	if hasYear {
		m.j = k + 1
		m.set(date{y, 1, 1}, pYear)
		return true
	}
	rel := 0
	switch prev {
	case "last", "past":
		rel, m.i = -1, i-1
	case "next", "coming":
		rel, m.i = 1, i-1
	case "this":
		m.i = i - 1
	}
	if !sc.d.hasPub {
		return true
	}
	tn := tUnknown
	if rel == 0 && prev != "this" {
		tn = sc.tense(m.i, m.j)
	}
	m.set(date{seasonYear(name, sc.d.pub, tn, rel), 1, 1}, pYear)
	return true
}

// part handles "this morning", "last night", "tonight"-like phrases.
func (sc *scanner) part(i int, m *match) bool {
	prev := sc.low(i - 1)
	t := &sc.toks[i]
	switch {
	case prev == "this":
		m.i, m.j = i-1, i+1
		if sc.d.hasPub {
			m.set(sc.d.pub, pDay)
		}
		return true
	case prev == "last" && t.low == "night":
		m.i, m.j = i-1, i+1
		if sc.d.hasPub {
			m.set(sc.d.pub.addDays(-1), pDay)
		}
		return true
	}
	return false
}

// pastFuture handles "in the past", "in the future", "in the near future".
func (sc *scanner) pastFuture(i int, m *match) bool {
	k := i - 1
	if w := sc.low(k); w == "near" || w == "distant" || w == "recent" || w == "foreseeable" {
		k--
	}
	if sc.low(k) != "the" || !(sc.low(k-1) == "in" || sc.low(k-1) == "into") {
		return false
	}
	if n := sc.at(i + 1); n != nil && (n.kind == kNum || n.kind == kWord && (classes[n.low] == cUnit || numberWords[n.low] > 0 || n.low == "few" || n.low == "several")) {
		return false
	}
	m.i, m.j, m.kind = k, i+1, KindRef
	return true
}

// number handles years ("2008", "mid-2022"), ISO and numeric dates
// ("2023-07-10", "7/10/2023") and decades ("the 1980s", "the '90s").
func (sc *scanner) number(i int, m *match) bool {
	t := &sc.toks[i]
	if n := sc.at(i + 1); n != nil && n.kind == kHan {
		return false // 2023年: Chinese
	}
	if t.nd == 4 && t.num >= 1000 && t.num <= 2999 {
		// ISO 2023-07-10, 2023/07/10, 2023.07.10
		for _, sep := range [...]rune{'-', '/', '.'} {
			if mo, d, ok := sc.numTriple(i, sep); ok {
				if !valid(t.num, mo, d) {
					return false
				}
				m.i, m.j = i, i+5
				m.set(date{t.num, mo, d}, pDay)
				return true
			}
		}
		// decade: 1980s, 1980's
		if n := sc.at(i + 1); n != nil && adjacent(t, n) {
			k := i + 1
			if n.kind == kPunct && (n.r == '\'' || n.r == '’') {
				k++
			}
			if s := sc.at(k); s != nil && s.kind == kWord && s.low == "s" && adjacent(&sc.toks[k-1], s) {
				if t.num%10 != 0 {
					return false
				}
				m.i, m.j = i, k+1
				m.set(date{t.num, 1, 1}, pDecade)
				return true
			}
		}
		y, ok := sc.year4(i)
		if !ok || !sc.yearContext(i) {
			return false
		}
		m.i, m.j, m.year = i, i+1, true
		m.set(date{y, 1, 1}, pYear)
		return true
	}
	// '90s
	if t.nd == 2 {
		if p := sc.at(i - 1); p != nil && p.kind == kPunct && (p.r == '\'' || p.r == '’') && adjacent(p, t) {
			if s := sc.at(i + 1); s != nil && s.kind == kWord && s.low == "s" && adjacent(t, s) && t.num%10 == 0 {
				c := 1900
				if sc.d.hasPub && 2000+t.num <= sc.d.pub.y {
					c = 2000
				}
				m.i, m.j = i-1, i+2
				m.set(date{c + t.num, 1, 1}, pDecade)
				return true
			}
		}
	}
	// 7/10/2023 (month first unless the first number exceeds 12)
	if t.nd <= 2 {
		if b, y, ok := sc.slashDate(i); ok {
			a := t.num
			mo, d := a, b
			if a > 12 {
				mo, d = b, a
			}
			if !valid(y, mo, d) {
				return false
			}
			m.i, m.j = i, i+5
			m.set(date{y, mo, d}, pDay)
			return true
		}
	}
	return false
}

// numTriple reads "-MM-DD" (sep '-', '/' or '.') after the year at i.
func (sc *scanner) numTriple(i int, sep rune) (int, int, bool) {
	tk := sc.toks
	if i+4 >= len(tk) {
		return 0, 0, false
	}
	a, b, c, d := &tk[i+1], &tk[i+2], &tk[i+3], &tk[i+4]
	if a.kind != kPunct || a.r != sep || c.kind != kPunct || c.r != sep ||
		b.kind != kNum || d.kind != kNum || b.nd > 2 || d.nd > 2 ||
		!adjacent(&tk[i], a) || !adjacent(a, b) || !adjacent(b, c) || !adjacent(c, d) {
		return 0, 0, false
	}
	if i+5 < len(tk) && adjacent(d, &tk[i+5]) && (tk[i+5].kind == kNum || tk[i+5].kind == kWord) {
		return 0, 0, false
	}
	return b.num, d.num, true
}

// slashDate reads "/DD/YYYY" after the number at i.
func (sc *scanner) slashDate(i int) (int, int, bool) {
	tk := sc.toks
	if i+4 >= len(tk) {
		return 0, 0, false
	}
	a, b, c, d := &tk[i+1], &tk[i+2], &tk[i+3], &tk[i+4]
	if a.kind != kPunct || a.r != '/' || c.kind != kPunct || c.r != '/' ||
		b.kind != kNum || b.nd > 2 || d.kind != kNum || d.nd != 4 ||
		!adjacent(&tk[i], a) || !adjacent(a, b) || !adjacent(b, c) || !adjacent(c, d) {
		return 0, 0, false
	}
	return b.num, d.num, true
}

// yearCue are the words before a number that make it a year even outside
// 1900–2100.
var yearCue = map[string]bool{
	"in": true, "since": true, "of": true, "year": true, "by": true, "until": true, "from": true,
	"before": true, "after": true, "during": true, "circa": true, "around": true, "till": true,
}

// yearContext decides whether the 4-digit number at i is a year.
func (sc *scanner) yearContext(i int) bool {
	t := &sc.toks[i]
	if p := sc.at(i - 1); p != nil && adjacent(p, t) {
		switch {
		case p.kind == kPunct && (p.r == '$' || p.r == '€' || p.r == '£' || p.r == '¥' || p.r == '#' || p.r == '№' || p.r == '.' || p.r == ','):
			return false
		case p.kind == kWord:
			if p.low != "fy" {
				return false // A380, F2000
			}
		case p.kind == kPunct && (p.r == '-' || p.r == '–' || p.r == '/'):
			pp := sc.at(i - 2)
			if pp == nil || !adjacent(pp, p) {
				break
			}
			if pp.kind == kWord && pp.low != "mid" && pp.low != "pre" && pp.low != "post" {
				return false // Air-2000
			}
			if pp.kind == kNum && pp.nd != 4 {
				return false
			}
		}
	}
	if n := sc.at(i + 1); n != nil {
		if n.kind == kPunct && (n.r == '%' || n.r == '$') {
			return false
		}
		if n.kind == kPunct && (n.r == ',' || n.r == '.') && adjacent(t, n) {
			if nn := sc.at(i + 2); nn != nil && nn.kind == kNum && adjacent(n, nn) {
				return false // 2023,500 / 2023.5
			}
		}
		if n.kind == kWord && (countNouns[n.low] || clockWords[n.low]) {
			return false // "2000 troops", "at 2030 GMT"
		}
	}
	if numberedNouns[sc.low(i-1)] {
		return false // "Resolution 2231", "flight 1549"
	}
	if sc.tagged {
		// a number the parser made a count of a noun that is not a time
		if st := t.st; st >= 0 && sc.s.Tokens[st].Deprel == "nummod" {
			h := sc.s.Tokens[st].Head - 1
			if h >= 0 && h < len(sc.s.Tokens) && countNouns[strings.ToLower(sc.s.Tokens[h].Form)] {
				return false
			}
		}
	}
	if t.num >= 1900 && t.num <= 2100 {
		return true
	}
	return yearCue[sc.low(i-1)]
}

// clockWords after a 4-digit number make it a time of day.
var clockWords = map[string]bool{
	"gmt": true, "utc": true, "hours": true, "hrs": true, "local": true, "est": true, "edt": true,
	"bst": true, "cet": true, "cest": true, "jst": true, "zulu": true, "z": true,
}

// numberedNouns before a number make it a number, not a year.
var numberedNouns = map[string]bool{
	"resolution": true, "resolutions": true, "flight": true, "room": true, "route": true,
	"highway": true, "no": true, "number": true, "article": true, "section": true, "chapter": true,
	"page": true, "pages": true, "item": true, "model": true, "code": true, "gate": true, "bus": true,
	"platform": true, "unit": true, "lot": true, "box": true, "suite": true, "apartment": true,
	"tel": true, "fax": true, "ext": true, "paragraph": true, "rule": true, "verse": true,
	"line": true, "channel": true, "exit": true, "pier": true, "precinct": true, "district": true,
}

// extendLeft takes modifiers before a date into the expression ("early",
// "mid-", "late", "the end of", "the" of a decade) and records the
// preposition before it.
func (sc *scanner) extendLeft(m *match) {
	if m.kind == KindDate {
		for {
			k := m.i - 1
			w := sc.low(k)
			switch {
			case (w == "early" || w == "late" || w == "earlier" || w == "later") && m.mod == "":
				m.mod, m.i = w, k
				continue
			case sc.punct(k, '-') && adjacent(&sc.toks[k], &sc.toks[m.i]):
				pw := sc.low(k - 1)
				if (pw == "mid" || pw == "pre" || pw == "post") && m.mod == "" {
					m.mod, m.i = pw, k-1
					continue
				}
			case w == "mid" && m.mod == "":
				m.mod, m.i = "mid", k
				continue
			case w == "of" && m.mod == "":
				mod, from := "", 0
				switch sc.low(k - 1) {
				case "end", "close":
					mod, from = "end", k-2
				case "beginning", "start":
					mod, from = "start", k-2
				case "middle", "turn":
					mod, from = "mid", k-2
				case "half":
					if o := sc.low(k - 2); o == "first" || o == "second" {
						mod, from = o+"-half", k-3
					}
				}
				if mod != "" && sc.low(from) == "the" {
					m.mod, m.i = mod, from
					continue
				}
			case w == "year" && sc.low(k-1) == "the" && m.p == pYear && m.i == m.j-1:
				m.i = k - 1
				continue
			case w == "the" && m.p == pDecade:
				m.i = k
			}
			break
		}
	}
}

// emit turns a match into an Expr and updates the document's reference.
func (sc *scanner) emit(m *match) {
	a, z := &sc.toks[m.i], &sc.toks[m.j-1]
	e := Expr{
		Text:      sc.text[a.s:z.e],
		Span:      [2]int{sc.base + a.s, sc.base + z.e},
		First:     -1,
		Last:      -1,
		Kind:      m.kind,
		Mod:       m.mod,
		Anaphoric: m.anaph,
	}
	if m.i > 0 {
		if p := &sc.toks[m.i-1]; p.kind == kWord && preps[p.low] {
			e.Prep = p.low
		}
	}
	if m.year && m.p != pNone && (e.Prep == "in" || e.Prep == "during") {
		sc.sentYear = m.val.y
	}
	if m.kind == KindDate && m.p != pNone {
		e.Value = format(m.val, m.p)
		e.Precision = m.p.String()
		if m.p == pWeek {
			e.Value = format(m.val.monday(), pDay)
		}
		sc.d.ref, sc.d.refP, sc.d.hasRef = m.val, m.p, true
		if m.p == pWeek {
			sc.d.ref = m.val.monday()
		}
	}
	if sc.s != nil {
		e.First, e.Last = sc.tokenRange(m.i, m.j)
	}
	sc.out = append(sc.out, e)
}

// tokenRange maps internal tokens [i, j) to sentence token indexes.
func (sc *scanner) tokenRange(i, j int) (int, int) {
	first, last := -1, -1
	for k := i; k < j; k++ {
		if st := sc.toks[k].st; st >= 0 {
			if first < 0 {
				first = st
			}
			last = st
		}
	}
	return first, last
}
