// Package when finds time expressions in English and Chinese news text and
// resolves them to calendar values against the document's publication date.
//
// A time expression is a phrase that names a time: "July 10, 2023",
// "2023年7月10日", "in April 2022", "the 1980s", "last week", "two days ago",
// "in June that year", "on Tuesday". Each is returned as an Expr with its
// byte span in the document text, the token range it covers, and — for
// dates — a Value and a Precision:
//
//	precision  value
//	day        "YYYY-MM-DD"
//	week       "YYYY-MM-DD", the Monday of that (ISO) week
//	month      "YYYY-MM"
//	year       "YYYY"
//	decade     "YYYY", the first year of the decade ("1980" for the 1980s)
//
// Resolution rules, all relative to the calendar date of the publication
// time in its own location (time.Time.Date):
//
//   - Explicit years win. A day or month without a year takes the year from
//     the same phrase ("the Nov. 26 raids in 2008", "June that year"),
//     else from an "in 2014" earlier in the same sentence ("In 2014 the
//     war began, and in June talks started"), else from the tense of its
//     clause: in a past clause the latest such
//     date on or before publication, in a future clause the first on or
//     after it, otherwise (present tense too: "shows a transfer on Oct.
//     14") the nearest one, ties going to the past. "since June" is always
//     past; "upcoming" before it makes it future; "before", "until", "by",
//     "ahead of" undo a past clause ("days before Nov. 8 the letter set off
//     …").
//   - Weekdays: the publication day itself when it is that weekday (news
//     style names today by its weekday); else in a future clause ("will
//     meet on Friday", "is scheduled for Friday", or a present tense with
//     "on": "voters go to the polls on Sunday") the next one, in any other
//     clause the latest one before (news reports the past; a present tense
//     mostly describes now). A possessive names an event rather than the
//     clause's time: "Monday's debate" is the nearest Monday. "last
//     Tuesday" is the latest at least two days before (said on a Wednesday
//     it is not yesterday: that would be "on Tuesday"), "next Thursday" the
//     first at least two days after; Chinese
//     上周三/下周五/本周一 are days of that calendar week.
//   - Seasons ("last summer", "in the spring of 2020") and quarters ("the
//     third quarter of 2022") have year precision, with the season or "q3"
//     in Expr.Mod: seasons' months differ by hemisphere, quarters by fiscal
//     year. A winter belongs to the year of its January. Spring is
//     March–May, summer June–August, autumn/fall September–November, winter
//     December–February.
//   - Fixed-date holidays (Christmas Day/Eve, New Year's Day/Eve) are days
//     placed like "Dec. 25".
//   - Modifiers "early", "mid-", "late", "earlier", "later", "the end of",
//     "the first half of" (年初, 年底, 上半年, 第二季度) keep the precision of what they modify
//     ("mid-2022" → 2022, year) and are reported in Expr.Mod.
//   - Anaphora ("that year", "the same month", "the following year", "back
//     then", "since then", "at the time", "a year later", "the day
//     before", "the following January", "that summer", 同年, 当时) refer
//     to the last date resolved earlier in the same Doc; without one they
//     have no value. A bare "then" is not taken: it mostly means "next".
//   - "recently", "now", "currently", "soon", "long ago", "in recent years"
//     are Kind "ref": they are reported but carry no value. Durations ("for
//     three years") and sets ("every week", "twice a year") carry no value
//     either.
//
// Tense comes from the dependency tree when the sentence has one (the
// governing verb's XPOS/Feats and its auxiliaries, walking up xcomp chains:
// "plans to attend … in July" is future), else from the nearest verb or
// cue word in the sentence ("will", "plans to", "is expected to", a
// past-tense verb, "have" + participle; Chinese 了/曾/已 past, 将/计划
// future).
//
// Governing picks, for a verb of a parsed sentence, the expression its
// clause governs; the coder dates events with it.
package when

import (
	"fmt"
	"sync"
	"time"

	"github.com/dyad-events/dyad/event"
)

// Kinds of time expressions.
const (
	KindDate     = "date"     // a point or period on the calendar; carries a Value when resolvable
	KindDuration = "duration" // a length of time: "three years", "for decades"
	KindSet      = "set"      // a recurrence: "every week", "annually"
	KindRef      = "ref"      // a vague reference: "recently", "now", "in the future"
)

// Expr is one time expression.
type Expr struct {
	Text string // the expression as written (prepositions excluded)
	// Span is the half-open byte range [start, end) in the document text.
	Span [2]int
	// First and Last are the 0-based indexes of the first and last tokens
	// of the sentence that the expression covers (inclusive); -1 when the
	// expression was found in untagged text (FindText).
	First, Last int
	// Value is the resolved date ("2023", "2023-07", "2023-07-10"; the
	// Monday of a week; the first year of a decade); "" when the
	// expression has none or cannot be resolved (no publication date).
	Value string
	// Precision is event.PrecisionDay, PrecisionWeek, PrecisionMonth,
	// PrecisionYear or PrecisionDecade when Value is set, else "".
	Precision string
	Kind      string // KindDate, KindDuration, KindSet or KindRef
	// Mod is a modifier of the period: "early", "mid", "late", "earlier",
	// "later", "start", "end", "first-half", "second-half", "spring",
	// "summer", "autumn", "winter"; "" when none.
	Mod string
	// Prep is the preposition just before the expression, lower case
	// ("in", "on", "since", "after", "before", "following", "until", "by",
	// "from", "during" …), "" when none. "since", "after" and "before"
	// mean the event is not itself on that date.
	Prep string
	// Anaphoric is true when the value came from an earlier date of the
	// document ("that year", "back then").
	Anaphoric bool
}

// Time returns the first day of the expression's period (the day itself,
// the Monday of a week, the first of a month, January 1 of a year or of a
// decade's first year), in UTC; ok is false when the expression has no
// value.
func (e Expr) Time() (t time.Time, ok bool) {
	var y, m, d int
	if y, m, d, ok := quickDate(e.Value, e.Precision); ok {
		return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
	}
	switch e.Precision {
	case event.PrecisionDay, event.PrecisionWeek:
		if _, err := fmt.Sscanf(e.Value, "%d-%d-%d", &y, &m, &d); err != nil {
			return time.Time{}, false
		}
	case event.PrecisionMonth:
		if _, err := fmt.Sscanf(e.Value, "%d-%d", &y, &m); err != nil {
			return time.Time{}, false
		}
		d = 1
	case event.PrecisionYear, event.PrecisionDecade:
		if _, err := fmt.Sscanf(e.Value, "%d", &y); err != nil {
			return time.Time{}, false
		}
		m, d = 1, 1
	default:
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
}

// quickDate reads a value of the usual form for its precision ("2023-07-10",
// "2023-07", "2023": digits and single dashes) as Time's Sscanf would;
// ok is false for anything else, which Time then reads with Sscanf.
func quickDate(v, prec string) (y, m, d int, ok bool) {
	parts := 0
	switch prec {
	case event.PrecisionDay, event.PrecisionWeek:
		parts = 3
	case event.PrecisionMonth:
		parts = 2
		d = 1
	case event.PrecisionYear, event.PrecisionDecade:
		parts = 1
		m, d = 1, 1
	default:
		return 0, 0, 0, false
	}
	var n [3]int
	k, digits := 0, 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= '0' && c <= '9':
			if digits == 9 {
				return 0, 0, 0, false
			}
			n[k] = n[k]*10 + int(c-'0')
			digits++
		case c == '-' && digits > 0 && k+1 < parts:
			k++
			digits = 0
		default:
			return 0, 0, 0, false
		}
	}
	if digits == 0 || k+1 != parts {
		return 0, 0, 0, false
	}
	switch parts {
	case 3:
		return n[0], n[1], n[2], true
	case 2:
		return n[0], n[1], d, true
	}
	return n[0], m, d, true
}

// Doc holds the per-document state of resolution: the publication date and
// the date last mentioned, which anaphora ("that year", "then") refer to.
// Call Find once per sentence, in document order. A Doc is not safe for
// concurrent use.
type Doc struct {
	pub    date // publication day; zero when unknown
	hasPub bool
	ref    date // last resolved date
	refP   prec
	hasRef bool
	sc     scanner
}

// NewDoc returns the resolution state for one document published at
// published (its calendar date in its own location counts); a zero
// published leaves relative expressions ("last week", "in January")
// without a value.
func NewDoc(published time.Time) *Doc {
	d := &Doc{}
	d.reset(published)
	return d
}

func (d *Doc) reset(published time.Time) {
	if !published.IsZero() {
		y, m, dd := published.Date()
		d.pub = date{y, int(m), dd}
		d.hasPub = true
	}
}

// Find returns the time expressions of one sentence, in text order. It
// uses the sentence's tokens, tags and dependency tree when present (for
// First/Last and for the tense that places bare months and weekdays) and
// works on untagged tokens too. Spans index the document text.
func (d *Doc) Find(s *event.Sentence) []Expr {
	if s == nil {
		return nil
	}
	text := s.Text
	if text == "" || (len(s.Tokens) > 0 && s.Tokens[len(s.Tokens)-1].End-s.Start > len(text)) {
		text = rebuildText(s)
	}
	// the token buffer is needed only while scanning: pooled, not kept
	// per Doc
	buf := tokPool.Get().(*[]tok)
	d.sc.toks = (*buf)[:0]
	out := d.sc.run(d, text, s.Start, s)
	*buf = d.sc.toks[:0]
	d.sc.toks = nil
	tokPool.Put(buf)
	return out
}

// FindText returns the time expressions of a whole untagged text published
// at published; First and Last are -1. Sentences are told apart by their
// end punctuation and line breaks.
func FindText(text string, published time.Time) []Expr {
	d := docPool.Get().(*Doc)
	toks := d.sc.toks
	*d = Doc{}
	d.reset(published)
	d.sc.toks = toks[:0]
	out := d.FindText(text, 0)
	d.sc = scanner{toks: d.sc.toks[:0]}
	docPool.Put(d)
	return out
}

// docPool keeps the token buffers of FindText's throwaway Docs.
var docPool = sync.Pool{New: func() any { return new(Doc) }}

// FindText is Find for untagged text whose first byte is at offset base of
// the document; it keeps the Doc's anaphora state.
func (d *Doc) FindText(text string, base int) []Expr {
	return d.sc.run(d, text, base, nil)
}

// rebuildText lays the token forms out at their offsets, for sentences
// that came without their text.
func rebuildText(s *event.Sentence) string {
	if len(s.Tokens) == 0 {
		return s.Text
	}
	end := s.Tokens[len(s.Tokens)-1].End - s.Start
	if end <= 0 || end > 1<<20 {
		// Offsets unknown: join the forms with spaces.
		b := make([]byte, 0, 64)
		for i, t := range s.Tokens {
			if i > 0 {
				b = append(b, ' ')
			}
			b = append(b, t.Form...)
		}
		return string(b)
	}
	b := make([]byte, end)
	for i := range b {
		b[i] = ' '
	}
	for _, t := range s.Tokens {
		a, z := t.Start-s.Start, t.End-s.Start
		if a < 0 || z > end || z < a {
			continue
		}
		f := t.Form
		if len(f) > z-a {
			f = f[:z-a]
		}
		copy(b[a:], f)
	}
	return string(b)
}
