package source

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

var months = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
	"sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
	"dec": 12, "december": 12,
}

const monthRe = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`

var (
	reISODate = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})`)
	reSlash   = regexp.MustCompile(`^(\d{4})/(\d{1,2})/(\d{1,2})`)
	reMDY     = regexp.MustCompile(`(?i)\b(` + monthRe + `)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	reDMY     = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthRe + `),?\s+(\d{4})\b`)
	reZhDate  = regexp.MustCompile(`(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日`)
	// 26-FEB-1987 (Reuters-21578)
	reDMonY = regexp.MustCompile(`(?i)^(\d{1,2})-(` + monthRe + `)-(\d{4})`)
)

// ParseDate reads a publication date in the common forms (RFC 3339 and
// ISO 8601 dates, "July 10, 2023", "10 July 2023", "Jul. 10, 2023",
// "2023/07/10", "2023年7月10日", RFC 1123 and friends) and returns the
// calendar day at UTC midnight. Times of day are dropped: a day is what
// the store keeps.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return day(t.Year(), t.Month(), t.Day())
	}
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST"} {
		if t, err := time.Parse(layout, s); err == nil {
			return day(t.Year(), t.Month(), t.Day())
		}
	}
	if m := reISODate.FindStringSubmatch(s); m != nil {
		return dayStr(m[1], m[2], m[3])
	}
	if m := reSlash.FindStringSubmatch(s); m != nil {
		return dayStr(m[1], m[2], m[3])
	}
	if m := reZhDate.FindStringSubmatch(s); m != nil {
		return dayStr(m[1], m[2], m[3])
	}
	if m := reDMonY.FindStringSubmatch(s); m != nil {
		return dayMonth(m[3], m[2], m[1])
	}
	if m := reMDY.FindStringSubmatch(s); m != nil {
		return dayMonth(m[3], m[1], m[2])
	}
	if m := reDMY.FindStringSubmatch(s); m != nil {
		return dayMonth(m[3], m[2], m[1])
	}
	return time.Time{}, false
}

func dayStr(y, m, d string) (time.Time, bool) {
	yy, _ := strconv.Atoi(y)
	mm, _ := strconv.Atoi(m)
	dd, _ := strconv.Atoi(d)
	return day(yy, time.Month(mm), dd)
}

func dayMonth(y, mon, d string) (time.Time, bool) {
	m, ok := months[strings.ToLower(strings.TrimSuffix(mon, "."))]
	if !ok {
		return time.Time{}, false
	}
	yy, _ := strconv.Atoi(y)
	dd, _ := strconv.Atoi(d)
	return day(yy, m, dd)
}

// day validates a calendar date (years 1800–2200) and returns it at UTC
// midnight.
func day(y int, m time.Month, d int) (time.Time, bool) {
	if y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}
