package when

import (
	"strings"
	"unicode/utf8"
)

// Chinese time expressions: 2023年7月10日, 2023年7月, 7月10日, 10日,
// 二〇二三年七月十日, 1980年代, 去年, 上个月, 三天前, 年初/年底 …

// hanDigit maps Chinese numerals to their values; 十 is handled apart.
var hanDigit = map[rune]int{
	'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
}

// hanNumber reads a Chinese-numeral number starting at token k: digit
// strings (二〇二三 → 2023) and tens (十二 → 12, 二十三 → 23, 三十一 → 31).
// It returns the value, the digit count (for years) and the index after.
func (sc *scanner) hanNumber(k int) (v, nd, next int, ok bool) {
	start := k
	tens := false
	for k < len(sc.toks) {
		t := &sc.toks[k]
		if t.kind != kHan || k > start && !adjacent(&sc.toks[k-1], t) {
			break
		}
		if d, isD := hanDigit[t.r]; isD {
			v = v*10 + d
			nd++
			k++
			continue
		}
		if t.r == '十' && !tens && nd <= 1 {
			tens = true
			if nd == 0 {
				v = 1
			}
			// 十 alone or followed by a digit
			v *= 10
			k++
			if k < len(sc.toks) && sc.toks[k].kind == kHan && adjacent(&sc.toks[k-1], &sc.toks[k]) {
				if d, isD := hanDigit[sc.toks[k].r]; isD {
					v += d
					k++
				}
			}
			nd = 2
			break
		}
		break
	}
	if k == start {
		return 0, 0, 0, false
	}
	return v, nd, k, true
}

// zhNumber reads an Arabic (ASCII or full-width) or Chinese number at k.
func (sc *scanner) zhNumber(k int) (v, nd, next int, ok bool) {
	t := sc.at(k)
	if t == nil {
		return 0, 0, 0, false
	}
	if t.kind == kNum {
		if t.num < 0 {
			return 0, 0, 0, false
		}
		return t.num, t.nd, k + 1, true
	}
	return sc.hanNumber(k)
}

// hanAt reports whether token k is the Han character r, adjacent to the
// token before it.
func (sc *scanner) hanAt(k int, r rune) bool {
	if k <= 0 || k >= len(sc.toks) {
		return false
	}
	t := &sc.toks[k]
	return t.kind == kHan && t.r == r && adjacent(&sc.toks[k-1], t)
}

// zhRel are Chinese words relative to the publication date: unit,
// offset.
var zhRel = []struct {
	w   string
	u   prec
	off int
}{
	{"大前天", pDay, -3}, {"前天", pDay, -2}, {"昨天", pDay, -1}, {"昨日", pDay, -1}, {"今天", pDay, 0},
	{"今日", pDay, 0}, {"明天", pDay, 1}, {"明日", pDay, 1}, {"后天", pDay, 2},
	{"上周", pWeek, -1}, {"上星期", pWeek, -1}, {"本周", pWeek, 0}, {"这周", pWeek, 0}, {"下周", pWeek, 1},
	{"下星期", pWeek, 1}, {"上个月", pMonth, -1}, {"上月", pMonth, -1}, {"本月", pMonth, 0},
	{"这个月", pMonth, 0}, {"下个月", pMonth, 1}, {"下月", pMonth, 1},
	{"前年", pYear, -2}, {"去年", pYear, -1}, {"今年", pYear, 0}, {"明年", pYear, 1}, {"后年", pYear, 2},
}

// zhAnaphora refer to the date last mentioned: unit, offset.
var zhAnaphora = []struct {
	w   string
	u   prec
	off int
}{
	{"同年", pYear, 0}, {"当年", pYear, 0}, {"次年", pYear, 1}, {"翌年", pYear, 1}, {"第二年", pYear, 1},
	{"同月", pMonth, 0}, {"当月", pMonth, 0}, {"次月", pMonth, 1}, {"当天", pDay, 0}, {"当日", pDay, 0},
	{"次日", pDay, 1}, {"翌日", pDay, 1}, {"第二天", pDay, 1},
}

// zhVague are references without a value.
var zhVague = []string{"目前", "最近", "近日", "近期", "近年来", "近年", "此前", "将来", "未来", "现在", "如今", "过去"}

// zhUnits after a number and before 前 ("三天前").
var zhAgo = []struct {
	w string
	u prec
}{
	{"天", pDay}, {"日", pDay}, {"周", pWeek}, {"个星期", pWeek}, {"星期", pWeek}, {"个月", pMonth}, {"年", pYear},
}

// zhWeekday reads 星期一 … 星期日/天, 周一 … 周日, 礼拜一 …, with 上/下/本
// for a day of last/next/this calendar week; it returns the weekday
// (Monday = 0), the week offset, whether a week was named and the number
// of characters.
func zhWeekday(s string) (wd, rel int, week bool, n int, ok bool) {
	switch {
	case strings.HasPrefix(s, "上"):
		rel, n, s, week = -1, 1, s[len("上"):], true
	case strings.HasPrefix(s, "下"):
		rel, n, s, week = 1, 1, s[len("下"):], true
	case strings.HasPrefix(s, "本"), strings.HasPrefix(s, "这"):
		n, s, week = 1, s[len("本"):], true
	}
	for _, p := range [...]string{"星期", "礼拜", "周"} {
		if strings.HasPrefix(s, p) {
			r, _ := utf8.DecodeRuneInString(s[len(p):])
			d := map[rune]int{'一': 0, '二': 1, '三': 2, '四': 3, '五': 4, '六': 5, '日': 6, '天': 6}
			if v, isD := d[r]; isD {
				// 周日 yes; 周天 is not a weekday word
				if p == "周" && r == '天' {
					return 0, 0, false, 0, false
				}
				return v, rel, week, n + utf8.RuneCountInString(p) + 1, true
			}
		}
	}
	return 0, 0, false, 0, false
}

// zh handles a Chinese expression starting at token i.
func (sc *scanner) zh(i int, m *match) bool {
	t := &sc.toks[i]
	if t.kind == kHan {
		rest := sc.text[t.s:]
		if wd, rel, week, n, ok := zhWeekday(rest); ok {
			m.i, m.j = i, i+n
			if sc.d.hasPub {
				if week {
					// 上周三, 下周五, 本周一: a day of that calendar week
					m.set(sc.d.pub.monday().addDays(7*rel+wd), pDay)
				} else {
					m.set(weekdayDate(wd, sc.d.pub, sc.tense(m.i, m.j), 0), pDay)
				}
			}
			return true
		}
		for _, r := range zhRel {
			if strings.HasPrefix(rest, r.w) {
				m.i, m.j = i, i+utf8.RuneCountInString(r.w)
				if sc.d.hasPub {
					m.set(shift(sc.d.pub, r.off, r.u), r.u)
					if r.u == pYear {
						sc.zhMonthDay(m, m.val.y)
					}
				}
				sc.zhSuffix(m)
				return true
			}
		}
		for _, r := range zhAnaphora {
			if strings.HasPrefix(rest, r.w) {
				m.i, m.j, m.anaph = i, i+utf8.RuneCountInString(r.w), true
				if v, ok := sc.refAt(r.off, r.u); ok {
					m.set(v, r.u)
				}
				return true
			}
		}
		if strings.HasPrefix(rest, "当时") {
			m.i, m.j, m.anaph = i, i+2, true
			if sc.d.hasRef {
				m.set(sc.d.ref, sc.d.refP)
			}
			return true
		}
		for _, w := range zhVague {
			if strings.HasPrefix(rest, w) {
				m.i, m.j, m.kind = i, i+utf8.RuneCountInString(w), KindRef
				return true
			}
		}
		if _, ok := hanDigit[t.r]; !ok && t.r != '十' {
			return false
		}
	}
	v, nd, k, ok := sc.zhNumber(i)
	if !ok || k >= len(sc.toks) || sc.toks[k].kind != kHan || !adjacent(&sc.toks[k-1], &sc.toks[k]) {
		return false
	}
	// N天前, N个月前, N年前
	rest := sc.text[sc.toks[k].s:]
	for _, a := range zhAgo {
		if strings.HasPrefix(rest, a.w+"前") && (a.u != pYear || nd < 4) {
			m.i, m.j = i, k+utf8.RuneCountInString(a.w)+1
			if sc.d.hasPub && v > 0 {
				m.set(shift(sc.d.pub, -v, a.u), a.u)
			} else {
				m.kind = KindRef
			}
			return true
		}
	}
	switch sc.toks[k].r {
	case '年':
		if sc.hanAt(k+1, '代') {
			// 1980年代, 80年代
			y := v
			if nd == 2 {
				y = 1900 + v
				if sc.d.hasPub && 2000+v <= sc.d.pub.y {
					y = 2000 + v
				}
				if k0 := i - 3; k0 >= 0 && strings.HasPrefix(sc.text[sc.toks[k0].s:], "上世纪") {
					y = 1900 + v
				}
			} else if nd != 4 {
				return false
			}
			if y%10 != 0 {
				return false
			}
			m.i, m.j = i, k+2
			m.set(date{y, 1, 1}, pDecade)
			return true
		}
		if nd != 4 || v < 1000 || v > 2999 {
			return false
		}
		m.i, m.j = i, k+1
		m.set(date{v, 1, 1}, pYear)
		sc.zhMonthDay(m, v)
		sc.zhSuffix(m)
		return true
	case '月':
		if v < 1 || v > 12 || nd > 2 {
			return false
		}
		if k+1 < len(sc.toks) && sc.toks[k+1].kind == kHan && sc.toks[k+1].r == '份' {
			k++
		}
		m.i, m.j = i, k+1
		day := 0
		if d, _, k3, ok := sc.zhNumber(k + 1); ok && k+1 < len(sc.toks) && adjacent(&sc.toks[k], &sc.toks[k+1]) && (sc.hanAt(k3, '日') || sc.hanAt(k3, '号')) {
			if valid(2000, v, d) {
				day, m.j = d, k3+1
			}
		}
		if !sc.d.hasPub {
			return true
		}
		pub := sc.d.pub
		tn := sc.tense(m.i, m.j)
		if day != 0 {
			y := dayYear(v, day, pub, tn)
			if valid(y, v, day) {
				m.set(date{y, v, day}, pDay)
			}
		} else {
			m.set(date{monthYear(v, pub, tn), v, 1}, pMonth)
		}
		sc.zhSuffix(m)
		return true
	case '日', '号':
		if v < 1 || v > 31 || nd > 2 || t.kind == kHan {
			return false // 一日 is "one day" more often than a date
		}
		m.i, m.j = i, k+1
		if sc.d.hasPub && valid(sc.d.pub.y, sc.d.pub.m, v) {
			m.set(date{sc.d.pub.y, sc.d.pub.m, v}, pDay)
		}
		return true
	}
	return false
}

// zhMonthDay extends a year match m with a following "7月" or "7月10日".
func (sc *scanner) zhMonthDay(m *match, y int) {
	k := m.j
	if k >= len(sc.toks) || !adjacent(&sc.toks[k-1], &sc.toks[k]) {
		return
	}
	mo, _, k2, ok := sc.zhNumber(k)
	if !ok || mo < 1 || mo > 12 || !sc.hanAt(k2, '月') {
		return
	}
	m.j = k2 + 1
	m.set(date{y, mo, 1}, pMonth)
	if k2+1 >= len(sc.toks) || !adjacent(&sc.toks[k2], &sc.toks[k2+1]) {
		return
	}
	if d, _, k3, ok := sc.zhNumber(k2 + 1); ok && (sc.hanAt(k3, '日') || sc.hanAt(k3, '号')) && valid(y, mo, d) {
		m.j = k3 + 1
		m.set(date{y, mo, d}, pDay)
	}
}

// zhSuffix takes 初/底/末/中 ("年初", "月底") and 上旬/中旬/下旬 into m.
func (sc *scanner) zhSuffix(m *match) {
	k := m.j
	if k >= len(sc.toks) || sc.toks[k].kind != kHan || !adjacent(&sc.toks[k-1], &sc.toks[k]) {
		return
	}
	rest := sc.text[sc.toks[k].s:]
	for _, x := range [...]struct{ w, mod string }{
		{"上半年", "first-half"}, {"下半年", "second-half"}, {"第一季度", "q1"}, {"第二季度", "q2"},
		{"第三季度", "q3"}, {"第四季度", "q4"}, {"一季度", "q1"}, {"二季度", "q2"}, {"三季度", "q3"}, {"四季度", "q4"},
	} {
		if strings.HasPrefix(rest, x.w) && m.p == pYear {
			m.mod, m.j = x.mod, k+utf8.RuneCountInString(x.w)
			return
		}
	}
	switch sc.toks[k].r {
	case '初':
		m.mod, m.j = "start", k+1
	case '底', '末':
		m.mod, m.j = "end", k+1
	case '中':
		// 年中 is mid-year only at a word end: 2023年中国 is "2023, China"
		if (sc.toks[k-1].r == '年' || sc.toks[k-1].r == '月') && (k+1 >= len(sc.toks) || sc.toks[k+1].kind != kHan) {
			m.mod, m.j = "mid", k+1
		}
	case '上', '下':
		if sc.hanAt(k+1, '旬') {
			m.mod, m.j = map[rune]string{'上': "early", '下': "late"}[sc.toks[k].r], k+2
		}
	}
}
