package when

import (
	"strconv"
	"time"

	"github.com/dyad-events/dyad/event"
)

// date is a calendar date; fields below the precision in use are ignored.
type date struct{ y, m, d int }

// prec orders precisions from fine to coarse.
type prec uint8

const (
	pNone prec = iota
	pDay
	pWeek
	pMonth
	pYear
	pDecade
)

func (p prec) String() string {
	switch p {
	case pDay:
		return event.PrecisionDay
	case pWeek:
		return event.PrecisionWeek
	case pMonth:
		return event.PrecisionMonth
	case pYear:
		return event.PrecisionYear
	case pDecade:
		return event.PrecisionDecade
	}
	return ""
}

func (d date) t() time.Time { return time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC) }

func fromTime(t time.Time) date {
	y, m, d := t.Date()
	return date{y, int(m), d}
}

// addDays moves d by n days.
func (d date) addDays(n int) date { return fromTime(d.t().AddDate(0, 0, n)) }

// addMonths moves the month of d by n (the day is dropped to 1).
func (d date) addMonths(n int) date {
	k := d.y*12 + (d.m - 1) + n
	return date{k / 12, k%12 + 1, 1}
}

// weekday of d, Monday = 0 … Sunday = 6.
func (d date) weekday() int { return (int(d.t().Weekday()) + 6) % 7 }

// monday returns the Monday of d's ISO week.
func (d date) monday() date { return d.addDays(-d.weekday()) }

// valid reports whether y-m-d is a real calendar day.
func valid(y, m, d int) bool {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= daysIn(y, m)
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// before reports whether a < b as month-day pairs.
func mdBefore(m1, d1, m2, d2 int) bool { return m1 < m2 || (m1 == m2 && d1 < d2) }

// format renders d at precision p.
func format(d date, p prec) string {
	var b []byte
	switch p {
	case pDay, pWeek:
		b = appendInt(b, d.y, 4)
		b = append(b, '-')
		b = appendInt(b, d.m, 2)
		b = append(b, '-')
		b = appendInt(b, d.d, 2)
	case pMonth:
		b = appendInt(b, d.y, 4)
		b = append(b, '-')
		b = appendInt(b, d.m, 2)
	case pYear:
		b = appendInt(b, d.y, 4)
	case pDecade:
		b = appendInt(b, d.y-d.y%10, 4)
	default:
		return ""
	}
	return string(b)
}

func appendInt(b []byte, v, width int) []byte {
	s := strconv.Itoa(v)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// Tense of a clause.
type tense uint8

const (
	tUnknown tense = iota
	tPast
	tPresent
	tFuture
)

func (t tense) String() string {
	return [...]string{"unknown", "past", "present", "future"}[t]
}

// monthYear places month m relative to publication day pub by tense: past
// → latest on or before pub, future → first on or after, else the nearest
// (ties go to the past: "in January" in a July article is that January).
func monthYear(m int, pub date, tn tense) int {
	switch tn {
	case tPast:
		if m > pub.m {
			return pub.y - 1
		}
	case tFuture:
		if m < pub.m {
			return pub.y + 1
		}
	default:
		switch {
		case m-pub.m > 6:
			return pub.y - 1
		case pub.m-m > 6:
			return pub.y + 1
		}
	}
	return pub.y
}

// dayYear places month-day m-d relative to pub by tense, as monthYear.
func dayYear(m, d int, pub date, tn tense) int {
	switch tn {
	case tPast:
		if mdBefore(pub.m, pub.d, m, d) {
			return pub.y - 1
		}
	case tFuture:
		if mdBefore(m, d, pub.m, pub.d) {
			return pub.y + 1
		}
	default:
		// the nearest of last year's, this year's and next year's
		best, bestDist := pub.y, 1<<30
		for _, y := range [...]int{pub.y - 1, pub.y, pub.y + 1} {
			dd := min(d, daysIn(y, m))
			dist := int(date{y, m, dd}.t().Sub(pub.t()).Hours() / 24)
			if dist < 0 {
				dist = -dist - 1 // ties go to the past
			}
			if dist < bestDist {
				best, bestDist = y, dist
			}
		}
		return best
	}
	return pub.y
}

// weekdayDate places weekday wd (Monday = 0) relative to pub: rel < 0 the
// latest at least two days before ("last Friday"; yesterday would be
// called so), rel > 0 the first at least two days after ("next Friday");
// else the publication day itself when it is that
// weekday (news style names today by its weekday), the first after it in a
// future clause, the latest before it otherwise.
func weekdayDate(wd int, pub date, tn tense, rel int) date {
	cur := pub.weekday()
	back := (cur - wd + 7) % 7 // days back to the latest on or before
	fwd := (wd - cur + 7) % 7  // days ahead to the first on or after
	switch {
	case rel < 0:
		// "last Tuesday" said on a Wednesday is not yesterday (that would
		// be "on Tuesday" or "yesterday")
		if back <= 1 {
			back += 7
		}
		return pub.addDays(-back)
	case rel > 0:
		if fwd <= 1 {
			fwd += 7
		}
		return pub.addDays(fwd)
	case tn == tFuture:
		return pub.addDays(fwd)
	}
	return pub.addDays(-back)
}

// Seasons: first month of each; winter starts in December and belongs to
// the year of its January.
var seasonStart = map[string]int{"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

// seasonYear returns the year a season belongs to, rel -1 last, 0 this or
// bare (by tense), +1 next.
func seasonYear(name string, pub date, tn tense, rel int) int {
	start := seasonStart[name]
	// index the seasons by the year they belong to: season of year Y
	// starts at (Y, start) except winter, which starts at (Y-1, 12).
	startOf := func(y int) int { // months since year 0
		if start == 12 {
			return (y-1)*12 + 11
		}
		return y*12 + start - 1
	}
	now := pub.y*12 + pub.m - 1
	// the season of this cycle: the one whose start is within the 12
	// months ending now (started already) …
	y := pub.y
	if start == 12 && pub.m == 12 {
		y = pub.y + 1
	}
	for startOf(y) > now {
		y--
	}
	for startOf(y+1) <= now {
		y++
	}
	// y: latest season that has started. It is under way when now is
	// within its three months.
	running := now-startOf(y) < 3
	switch {
	case rel < 0:
		if running {
			return y - 1
		}
		return y
	case rel > 0:
		return y + 1
	}
	switch tn {
	case tPast:
		return y
	case tFuture:
		if running {
			return y
		}
		return y + 1
	}
	if running {
		return y
	}
	// "this summer" said in March: the coming one of this year
	if start != 12 && start > pub.m {
		return pub.y
	}
	if start == 12 {
		return pub.y + 1
	}
	return pub.y
}
