package when

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/event"
)

// Token kinds of the internal scanner.
const (
	kWord  uint8 = iota + 1 // letters (any script except Han)
	kNum                    // ASCII or full-width digits
	kHan                    // one Han character (or 〇)
	kPunct                  // one other non-space rune
)

// tok is one token of the internal scan. The scanner keeps its own
// tokenization (digits apart from letters, one token per Han character) so
// that it reads tagged and untagged text alike; tokens of a parsed
// sentence are mapped onto it by offset.
type tok struct {
	s, e  int    // byte offsets in the scanned text
	form  string // text[s:e]
	low   string // lower case form (words only)
	kind  uint8
	num   int  // value of a number (≤ 9 digits), else -1
	nd    int  // digit count of a number
	cap   bool // word starts with an upper-case letter
	brk   bool // a sentence or clause boundary follows this token
	r     rune // the rune of a kHan or kPunct token
	st    int  // index of the sentence token covering it, -1 when none
	class uint8
}

// adjacent reports whether token b starts right where a ends.
func adjacent(a, b *tok) bool { return a.e == b.s }

// tokenize splits text into toks, reusing buf.
func tokenize(text string, buf []tok) []tok {
	toks := buf[:0]
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\r':
				i++
				continue
			case c == '\n':
				if n := len(toks); n > 0 {
					toks[n-1].brk = true
				}
				i++
				continue
			case c >= '0' && c <= '9':
				j := i
				v := 0
				for j < len(text) && text[j] >= '0' && text[j] <= '9' {
					if j-i < 9 {
						v = v*10 + int(text[j]-'0')
					}
					j++
				}
				if j-i > 9 {
					v = -1
				}
				toks = append(toks, tok{s: i, e: j, form: text[i:j], kind: kNum, num: v, nd: j - i, st: -1})
				i = j
				continue
			case isASCIILetter(c):
				j := i
				upper := false
				for j < len(text) {
					d := text[j]
					if isASCIILetter(d) {
						if d >= 'A' && d <= 'Z' {
							upper = true
						}
						j++
						continue
					}
					if d >= utf8.RuneSelf {
						r, n := utf8.DecodeRuneInString(text[j:])
						if unicode.IsLetter(r) && !isHan(r) {
							upper = upper || unicode.IsUpper(r)
							j += n
							continue
						}
					}
					break
				}
				form := text[i:j]
				low := form
				if upper {
					low = strings.ToLower(form)
				}
				toks = append(toks, tok{s: i, e: j, form: form, low: low, kind: kWord, num: -1,
					cap: c >= 'A' && c <= 'Z', st: -1})
				i = j
				continue
			default:
				toks = append(toks, tok{s: i, e: i + 1, form: text[i : i+1], kind: kPunct, r: rune(c), num: -1, st: -1})
				i++
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r >= '０' && r <= '９':
			j := i
			v := 0
			nd := 0
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if r2 < '０' || r2 > '９' {
					break
				}
				if nd < 9 {
					v = v*10 + int(r2-'０')
				}
				nd++
				j += n2
			}
			if nd > 9 {
				v = -1
			}
			toks = append(toks, tok{s: i, e: j, form: text[i:j], kind: kNum, num: v, nd: nd, st: -1})
			i = j
			continue
		case isHan(r) || r == '〇':
			toks = append(toks, tok{s: i, e: i + n, form: text[i : i+n], kind: kHan, r: r, num: -1, st: -1})
		case unicode.IsLetter(r):
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !(unicode.IsLetter(r2) && !isHan(r2)) && !(r2 < utf8.RuneSelf && isASCIILetter(byte(r2))) {
					break
				}
				j += n2
			}
			form := text[i:j]
			toks = append(toks, tok{s: i, e: j, form: form, low: strings.ToLower(form), kind: kWord,
				cap: unicode.IsUpper(r), num: -1, st: -1})
			i = j
			continue
		case unicode.IsSpace(r):
			if r == '\u2028' || r == '\u2029' {
				if k := len(toks); k > 0 {
					toks[k-1].brk = true
				}
			}
		default:
			toks = append(toks, tok{s: i, e: i + n, form: text[i : i+n], kind: kPunct, r: r, num: -1, st: -1})
		}
		i += n
	}
	markBreaks(toks)
	return toks
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0xF900 && r <= 0xFAFF
}

// markBreaks sets brk on sentence-final punctuation (. ! ? ; 。！？；),
// except the period of an abbreviation ("Sept.", "Mr.", "U.S.").
func markBreaks(toks []tok) {
	for i := range toks {
		t := &toks[i]
		if t.kind != kPunct {
			continue
		}
		switch t.r {
		case '!', '?', ';', '。', '！', '？', '；':
			t.brk = true
		case '.':
			if i > 0 && toks[i-1].kind == kWord && adjacent(&toks[i-1], t) {
				p := &toks[i-1]
				if len(p.form) == 1 || abbrev[p.low] {
					continue
				}
			}
			if i+1 < len(toks) && toks[i+1].kind == kNum && adjacent(t, &toks[i+1]) {
				continue // 3.5, 2023.07.10
			}
			t.brk = true
		}
	}
}

var abbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "lt": true, "col": true,
	"sen": true, "rep": true, "gov": true, "prof": true, "jr": true, "sr": true, "no": true, "vs": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "inc": true, "co": true, "corp": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thurs": true, "fri": true, "sat": true, "sun": true,
}

// mapTokens records in each internal token the index of the sentence
// token that covers its first byte (base is the document offset of text).
func mapTokens(toks []tok, s *event.Sentence, base int) {
	if s == nil {
		return
	}
	j := 0
	for i := range toks {
		a := toks[i].s + base
		for j < len(s.Tokens) && s.Tokens[j].End <= a && s.Tokens[j].End >= 0 {
			j++
		}
		if j < len(s.Tokens) && s.Tokens[j].Start <= a && a < s.Tokens[j].End {
			toks[i].st = j
		}
	}
}

// Word classes used to find candidate tokens cheaply.
const (
	cNone    uint8 = iota
	cMonth         // january, jan, sept …
	cWeekday       // monday …
	cUnit          // day(s), week(s), month(s), year(s), decade(s)
	cDeictic       // today, yesterday, tomorrow, tonight
	cVague         // recently, now, currently, soon, nowadays, lately
	cThen          // then
	cSeason        // spring, summer, autumn, fall, winter
	cPart          // morning, afternoon, evening, night
	cTime          // time (at the time)
	cSet           // annually, weekly, daily, monthly, yearly
	cAgo           // ago (after a vague amount: "long ago", "years ago")
	cPastFut       // past, future (in the past, in the future)
	cQuarter       // quarter
	cHoliday       // christmas
)

var classes = map[string]uint8{}

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]int{
	"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}

// units maps unit words to their precision.
var units = map[string]prec{
	"day": pDay, "days": pDay, "week": pWeek, "weeks": pWeek, "month": pMonth, "months": pMonth,
	"year": pYear, "years": pYear, "decade": pDecade, "decades": pDecade,
	"weekend": pDay,
}

func init() {
	for w := range months {
		classes[w] = cMonth
	}
	for w := range weekdays {
		classes[w] = cWeekday
	}
	for w := range units {
		classes[w] = cUnit
	}
	for _, w := range []string{"today", "yesterday", "tomorrow", "tonight"} {
		classes[w] = cDeictic
	}
	for _, w := range []string{"recently", "lately", "now", "nowadays", "currently", "presently", "soon"} {
		classes[w] = cVague
	}
	classes["then"] = cThen
	for w := range seasonStart {
		classes[w] = cSeason
	}
	for _, w := range []string{"morning", "afternoon", "evening", "night"} {
		classes[w] = cPart
	}
	classes["time"] = cTime
	for _, w := range []string{"annually", "weekly", "daily", "monthly", "yearly", "biannually", "quarterly"} {
		classes[w] = cSet
	}
	classes["ago"] = cAgo
	classes["quarter"] = cQuarter
	classes["christmas"] = cHoliday
	classes["past"] = cPastFut
	classes["future"] = cPastFut
}

// numberWords are spelled-out amounts used with units ("two days ago").
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"hundred": 100,
}

// vagueAmounts have no number: "several years ago", "a few days later".
var vagueAmounts = map[string]bool{
	"several": true, "few": true, "many": true, "some": true, "couple": true, "number": true,
	"recent": true, "coming": true, "past": true, "last": true, "next": true, "previous": true,
}

// preps are the prepositions reported in Expr.Prep.
var preps = map[string]bool{
	"in": true, "on": true, "at": true, "since": true, "after": true, "before": true,
	"following": true, "until": true, "till": true, "by": true, "from": true, "to": true,
	"during": true, "through": true, "throughout": true, "between": true, "of": true,
	"around": true, "about": true, "circa": true, "within": true, "for": true, "over": true,
	"as": true, "into": true, "than": true, "prior": true, "starting": true,
}

// countNouns follow a number that counts rather than dates ("2000 people").
var countNouns = map[string]bool{
	"people": true, "persons": true, "police": true, "personnel": true, "staff": true, "children": true,
	"men": true, "women": true, "troops": true, "soldiers": true, "workers": true, "refugees": true,
	"civilians": true, "migrants": true, "students": true, "residents": true, "deaths": true,
	"cases": true, "casualties": true, "votes": true, "voters": true, "units": true, "yuan": true,
	"yen": true, "euros": true, "dollars": true, "km": true, "kg": true, "feet": true, "mph": true,
	"percent": true, "per": true, "million": true, "billion": true, "thousand": true, "hundred": true,
	"times": true, "metres": true, "meters": true, "miles": true, "tons": true, "tonnes": true,
	"barrels": true, "rounds": true, "homes": true, "houses": true, "jobs": true, "words": true,
	"pages": true, "points": true, "acres": true, "hectares": true, "vehicles": true, "tanks": true,
	"missiles": true, "ships": true, "planes": true, "seats": true, "delegates": true, "participants": true,
	"protesters": true, "prisoners": true, "hostages": true, "members": true, "employees": true,
}
