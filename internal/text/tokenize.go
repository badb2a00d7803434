package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/event"
)

// Tokenize tokenizes one sentence without splitting it into sentences.
// Offsets are byte offsets into s plus base; IDs count from 1.
func Tokenize(s string, base int) []event.Token {
	t := tokenizer{s: s, out: make([]event.Token, 0, estimate(s))}
	t.run()
	for i := range t.out {
		t.out[i].ID = i + 1
		t.out[i].Start += base
		t.out[i].End += base
	}
	return t.out
}

// estimate guesses the number of tokens in s for sizing the token
// buffer: in English about five for every four spaces.
func estimate(s string) int {
	return strings.Count(s, " ")*5/4 + strings.Count(s, "\n") + len(s)/64 + 4
}

// tokenizer appends the tokens of s to out. Forms are substrings of s (no
// copies); the only allocation is the growth of out.
type tokenizer struct {
	s   string
	out []event.Token
}

func (t *tokenizer) emit(a, b int) {
	t.out = append(t.out, event.Token{
		Form: t.s[a:b], Start: a, End: b, SpaceAfter: spaceAt(t.s, b),
	})
}

// decode returns the rune at s[i] and its length; invalid bytes decode as
// utf8.RuneError of length 1.
func decode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// decodeLast returns the rune ending at s[i] (exclusive) and its length.
func decodeLast(s string, i int) (rune, int) {
	if c := s[i-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\v' || r == '\f'
	}
	return r != utf8.RuneError && (unicode.IsSpace(r) || r == 0x200B || r == 0xFEFF || r == 0x2028 || r == 0x2029)
}

// spaceAt reports whether whitespace (or the end of s) follows at i.
func spaceAt(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := decode(s, i)
	return isSpace(r)
}

func isCJK(r rune) bool {
	if r < 0x2E80 {
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r) || r == 0x30FC
}

// isWord reports whether r belongs to a (non-CJK) word: letters, digits
// and combining marks.
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	if r == utf8.RuneError || isCJK(r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return r != utf8.RuneError && unicode.IsLetter(r) && !isCJK(r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'A' && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func isLower(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z'
	}
	return unicode.IsLower(r)
}

func isApos(r rune) bool { return r == '\'' || r == '’' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

func (t *tokenizer) run() {
	s := t.s
	for i := 0; i < len(s); {
		r, n := decode(s, i)
		if isSpace(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r, n = decode(s, j)
			if isSpace(r) {
				break
			}
			j += n
		}
		t.chunk(i, j)
		i = j
	}
}

// chunk tokenizes s[a:b], a run without whitespace.
func (t *tokenizer) chunk(a, b int) {
	s := t.s
	hasAt := strings.IndexByte(s[a:b], '@') >= 0
	for p := a; p < b; {
		if u := urlEnd(s, p, b, hasAt); u > p {
			t.emit(p, u)
			p = u
			continue
		}
		r, n := decode(s, p)
		switch {
		case isWord(r):
			q := t.scanWord(p, b)
			e := t.trailingDot(p, q, b)
			if e > q {
				t.emit(p, e)
			} else {
				t.emitWord(p, q)
			}
			p = e
		case isCJK(r):
			q := p + n
			for q < b {
				r2, n2 := decode(s, q)
				if !isCJK(r2) {
					break
				}
				q += n2
			}
			t.emit(p, q)
			p = q
		default:
			if q := cliticEnd(s, p, b); q > p && (p == a || s[p-1] == '.') {
				t.emit(p, q) // a detached clitic: "Bush 's", "Inc.'s"
				p = q
				continue
			}
			if (r == '#' || r == '@') && p+1 < b && isWord(rune(s[p+1])) && (r == '@' || isLetter(rune(s[p+1]))) {
				q := t.scanWord(p+1, b) // #hashtag, @handle
				t.emit(p, q)
				p = q
				continue
			}
			if q := emoticonEnd(s, p, b); q > p {
				t.emit(p, q)
				p = q
				continue
			}
			q := punctEnd(s, p, r, n, b)
			t.emit(p, q)
			p = q
		}
	}
}

// scanWord returns the end of the word starting at p: letters and digits
// joined by word-internal punctuation (3.5, 1,000, 10:30, 9/11, AT&T,
// U.S, don't, non-NATO).
func (t *tokenizer) scanWord(p, b int) int {
	s := t.s
	q, seg := p, p // seg: start of the current segment
	for q < b {
		r, n := decode(s, q)
		if isWord(r) {
			q += n
			continue
		}
		if q+n >= b {
			break
		}
		r2, _ := decode(s, q+n)
		if !isWord(r2) {
			break
		}
		ok := false
		switch {
		case r == '.':
			ok = dotInside(s[seg:q], s[q+1:b])
		case r == ',':
			ok = allDigits(s[seg:q]) && isDigit(r2) // 1,000 (and 3,5)
		case r == ':' || r == '/':
			ok = allDigits(s[seg:q]) && isDigit(r2)
		case r == '@' || r == '_':
			ok = true
		case r == '&':
			ok = q-seg <= 4 && allUpper(s[seg:q]) && isUpper(r2)
		case isHyphen(r):
			ok = hyphenJoins(s[seg:q], s[q+n:b])
		case isApos(r):
			ok = isLetter(r2)
		}
		if !ok {
			break
		}
		q += n
		if !isApos(r) {
			seg = q
		}
	}
	return q
}

func allDigits(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isDigit(rune(w[i])) {
			return false
		}
	}
	return true
}

func allUpper(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// dotInside decides whether a period between left and right (both
// non-empty, right starting with a letter or digit) is word-internal:
// decimals, dotted abbreviations (U.S, e.g, Ph.D), domain and file names;
// not a missing space before a capitalized word ("NATO.Japan").
func dotInside(left, right string) bool {
	r0, _ := decode(right, 0)
	l0, ln := decode(left, 0)
	if isDigit(r0) {
		return allDigits(left) || !isLetter(l0)
	}
	if ln == len(left) && isLetter(l0) {
		return true // single letter: U.S, e.g, a.m
	}
	if !isUpper(r0) {
		return true
	}
	// Right starts upper case: internal only for a short segment (Ph.D),
	// an all-capitals segment (ASP.NET) or a top-level domain (Example.Com).
	n, upper := 0, true
	for _, r := range right {
		if !isLetter(r) {
			break
		}
		n++
		if !isUpper(r) {
			upper = false
		}
	}
	if n == 3 {
		switch right[:3] {
		case "Com", "Net", "Org", "Gov", "Edu":
			return true
		}
	}
	return n == 1 || upper
}

// prefixes are bound prefixes that EWT keeps attached to the hyphen and the
// following word ("non-NATO", "pre-war", "e-mail"); other hyphenated
// compounds are split ("Japan - US", "so - called").
var prefixes = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`e non pre anti mid re post co over multi pro ex sub semi cross neo
		counter intra inter un micro macro mega ultra bi tri de mis out under trans pan quasi pseudo
		infra extra hyper super vice`) {
		m[w] = true
	}
	return m
}()

// hyphenJoins decides whether a hyphen between left and right keeps them in
// one token.
func hyphenJoins(left, right string) bool {
	if allDigits(left) {
		// Phone numbers and codes (713-853-3989, 345-9945) stay whole;
		// ranges (1969-1970, 3-5) split.
		n := 0
		for n < len(right) && isDigit(rune(right[n])) {
			n++
		}
		return len(left) <= 3 && n == 4 && (n == len(right) || !isWord(rune(right[n]))) || (n > 0 && n+1 < len(right) && isHyphen(rune(right[n])) && isDigit(rune(right[n+1])))
	}
	if len(left) > 7 {
		return false
	}
	var buf [8]byte
	for i := 0; i < len(left); i++ {
		c := left[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return prefixes[string(buf[:len(left)])]
}

// trailingDot returns q+1 when the period at s[q] belongs to the word
// s[p:q] (abbreviations, initials, dotted forms like U.S.), else q. As in
// EWT, a period that also ends the sentence ("etc." before "The", or at the
// end of the text) is split off unless the word is a title.
func (t *tokenizer) trailingDot(p, q, b int) int {
	s := t.s
	if q >= b || s[q] != '.' {
		return q
	}
	if q+2 < b && s[q+1] == '.' && s[q+2] == '.' {
		return q // an ellipsis follows the word
	}
	w := s[p:q]
	class := abbrOther
	if strings.IndexByte(w, '.') > 0 {
		if h := strings.LastIndexAny(w, "-‐‑"); h >= 0 {
			w = w[h+1:] // non-U.S.
		}
		if !dottedAbbrev(w) {
			return q
		}
	} else if r0, n0 := decode(w, 0); n0 == len(w) && isUpper(r0) {
		if finalDot(s, q+1, true) {
			return q
		}
		return q + 1 // initial
	} else {
		class = abbrevClass(w)
	}
	switch class {
	case abbrNone:
		return q
	case abbrNum:
		// "No. 10" but "said no."
		i := q + 1
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i < len(s) && (isDigit(rune(s[i])) || s[i] == '#') {
			return q + 1
		}
		return q
	case abbrTitle, abbrInner:
		return q + 1
	}
	if finalDot(s, q+1, false) {
		return q
	}
	return q + 1
}

// finalDot reports whether a period before s[e] ends a sentence: the text
// or paragraph ends, or the next word (after opening quotes, possibly on
// the next line) is a common sentence starter. After an initial, "A" and
// "I" do not count.
func finalDot(s string, e int, initial bool) bool {
	if e < len(s) && s[e] == '.' {
		return false // "Inc.." : the second period ends it
	}
	i, nl := e, 0
	for i < len(s) {
		r, n := decode(s, i)
		if r == '\n' {
			if nl++; nl == 2 {
				return true // a blank line
			}
		}
		if !isSpace(r) {
			break
		}
		i += n
	}
	if i == len(s) {
		return true
	}
	if i == e {
		return false // no space after the period
	}
	for i < len(s) {
		r, n := decode(s, i)
		if r != '"' && r != '“' && r != '(' && r != '\'' && r != '‘' {
			break
		}
		i += n
	}
	j := i
	for j < len(s) && isLetter(rune(s[j])) {
		j++
	}
	w := s[i:j]
	if initial && (w == "A" || w == "I") {
		return false
	}
	return j > i && starters[w]
}

// dottedAbbrev reports whether w ("U.S", "e.g", "Ph.D") is letters in
// segments of at most three letters separated by periods.
func dottedAbbrev(w string) bool {
	n := 0
	for _, r := range w {
		if r == '.' {
			if n == 0 {
				return false
			}
			n = 0
			continue
		}
		if !isLetter(r) {
			return false
		}
		n++
		if n > 3 {
			return false
		}
	}
	return n > 0
}

// emitWord emits the word s[p:q], split into syntactic words where it is
// a multiword token.
func (t *tokenizer) emitWord(p, q int) {
	if k := unitSplit(t.s[p:q]); k > 0 {
		t.emit(p, p+k) // 5pm, 35mm, 10k
		t.emit(p+k, q)
		return
	}
	if k := cliticSplit(t.s[p:q]); k > 0 {
		a := p
		if k2 := cliticSplit(t.s[p : p+k]); k2 > 0 && strings.ContainsAny(t.s[p:p+k], "'’") {
			t.emit(p, p+k2) // we'd've
			a = p + k2
		}
		t.emit(a, p+k)
		t.emit(p+k, q)
		return
	}
	t.emit(p, q)
}

// unitSplit returns where the letters of a number written together with
// a unit start ("5pm", "35mm", "1.5m"), or 0. Ordinals (21st, 3rd), decades
// (1980s) and codes ending in one capital letter (83N) stay whole.
func unitSplit(w string) int {
	if len(w) < 2 || !isDigit(rune(w[0])) {
		return 0
	}
	k := 1
	for k < len(w) && (isDigit(rune(w[k])) || (w[k] == '.' || w[k] == ',' || w[k] == ':') && k+1 < len(w) && isDigit(rune(w[k+1]))) {
		k++
	}
	if k == len(w) {
		return 0
	}
	for i := k; i < len(w); i++ {
		if c := w[i] | 0x20; c < 'a' || c > 'z' {
			return 0
		}
	}
	switch suf := w[k:]; suf {
	case "s", "st", "nd", "rd", "th", "ST", "ND", "RD", "TH", "S", "Th", "St", "Nd", "Rd":
		return 0
	default:
		if len(suf) == 1 && suf[0] >= 'A' && suf[0] <= 'Z' {
			return 0
		}
	}
	return k
}

// cliticSplit returns the byte index in w where a clitic or the second
// part of a contraction starts, or 0 when w is one syntactic word.
func cliticSplit(w string) int {
	n := len(w)
	if n < 2 {
		return 0
	}
	// n't, n’t
	if last := w[n-1]; last == 't' || last == 'T' {
		for _, a := range [...]string{"'", "’"} {
			k := n - 2 - len(a)
			if k > 0 && (w[k] == 'n' || w[k] == 'N') && w[k+1:n-1] == a {
				return k
			}
		}
	}
	// 's 're 'll 've 'd 'm
	for i := n - 1; i > 0 && n-i <= 5; i-- {
		r, sz := decodeLast(w, i+1)
		if !isApos(r) {
			continue
		}
		k := i + 1 - sz
		if k > 0 && isClitic(w[i+1:]) {
			return k
		}
		break
	}
	if n > 8 || n < 2 {
		return 0
	}
	// Contractions written without an apostrophe, as EWT splits them.
	// Only words ending in a, e, m, s or t can be one.
	switch w[n-1] | 0x20 {
	case 'a', 'e', 'm', 's', 't':
	default:
		return 0
	}
	var buf [8]byte
	for i := 0; i < n; i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	switch string(buf[:n]) {
	case "im", "ive":
		return 1
	case "dont", "isnt", "cant", "wont":
		return 2
	case "cannot", "gonna", "wanna", "gotta", "outta", "didnt", "arent", "wasnt", "hasnt", "hadnt", "youre":
		return 3
	case "doesnt", "werent", "havent", "thats":
		return 4
	case "couldnt", "wouldnt":
		return 5
	case "shouldnt":
		return 6
	}
	return 0
}

func isClitic(c string) bool {
	switch c {
	case "s", "S", "re", "RE", "Re", "ll", "LL", "Ll", "ve", "VE", "Ve", "d", "D", "m", "M":
		return true
	}
	return false
}

// cliticEnd returns the end of a clitic written apart from its host
// ("'s", "n't") starting at p, or p.
func cliticEnd(s string, p, b int) int {
	r, n := decode(s, p)
	q := p + n
	if !isApos(r) {
		if (r == 'n' || r == 'N') && q < b {
			r2, n2 := decode(s, q)
			if isApos(r2) && q+n2 < b && (s[q+n2] == 't' || s[q+n2] == 'T') {
				e := q + n2 + 1
				if e == b || !isLetter(rune(s[e])) {
					return e
				}
			}
		}
		return p
	}
	e := q
	for e < b && e-q < 3 && isLetter(rune(s[e])) {
		e++
	}
	if e == q || !isClitic(s[q:e]) {
		return p
	}
	if e < b {
		if r2, _ := decode(s, e); isLetter(r2) || isDigit(r2) {
			return p
		}
	}
	return e
}

var emoticons = [...]string{":-)", ":-(", ":-D", ":-P", ";-)", ":)", ":(", ":D", ":P", ":p", ";)", "(:", "):", ":/"}

// emoticonEnd returns the end of an emoticon at p, or p.
func emoticonEnd(s string, p, b int) int {
	c := s[p]
	if c != ':' && c != ';' && c != '(' && c != ')' {
		return p
	}
	for _, e := range emoticons {
		if strings.HasPrefix(s[p:b], e) {
			q := p + len(e)
			if q < b {
				if r, _ := decode(s, q); isWord(r) || r == '/' {
					continue
				}
			}
			if (c == '(' || c == ')') && p+len(e) != b {
				continue
			}
			return q
		}
	}
	return p
}

// punctEnd returns the end of the punctuation token starting at p with
// rune r of n bytes: runs of . ? ! (… ?! ...), runs of one dash, star,
// equals or angle bracket, ” and “; otherwise one rune (or a run of
// invalid bytes).
func punctEnd(s string, p int, r rune, n int, b int) int {
	q := p + n
	switch {
	case r == '.' || r == '?' || r == '!':
		for q < b && (s[q] == '.' || s[q] == '?' || s[q] == '!') {
			q++
		}
	case r == '-' || r == '=' || r == '*' || r == '_' || r == '~' || r == '<' || r == '>' ||
		r == '#' || r == '+' || r == '$' || r == '\'' || r == '`' || r == '…' || r == '—' || r == '–' ||
		r == '！' || r == '？' || r == '’':
		for q < b {
			r2, n2 := decode(s, q)
			if r2 != r {
				break
			}
			q += n2
		}
		if r == '\'' && q-p > 2 {
			q = p + 2
		}
	case r == utf8.RuneError && n == 1:
		for q < b {
			r2, n2 := decode(s, q)
			if r2 != utf8.RuneError || n2 != 1 {
				break
			}
			q++
		}
	case r >= 0x2000:
		// Keep an emoji sequence whole: variation selectors, skin tones,
		// combining marks, tag characters and zero-width joiners.
		for q < b {
			r2, n2 := decode(s, q)
			if r2 == 0x200D && q+n2 < b {
				_, n3 := decode(s, q+n2)
				q += n2 + n3
				continue
			}
			if r2 >= 0xFE00 && r2 <= 0xFE0F || r2 >= 0x1F3FB && r2 <= 0x1F3FF ||
				r2 >= 0xE0020 && r2 <= 0xE007F || r2 >= 0x20D0 && r2 <= 0x20FF {
				q += n2
				continue
			}
			break
		}
	}
	return q
}

// urlEnd returns the end of a URL or e-mail address starting at p, or p.
// Trailing sentence punctuation is not part of it.
func urlEnd(s string, p, b int, hasAt bool) int {
	c := s[p] | 0x20
	u := p
	if c == 'h' || c == 'w' || c == 'f' || c == 'm' {
		w := s[p:b]
		for _, pre := range [...]string{"http://", "https://", "www.", "ftp://", "mailto:"} {
			if len(w) > len(pre) && strings.EqualFold(w[:len(pre)], pre) {
				u = b
				break
			}
		}
	}
	if u == p && hasAt {
		q := p
		for q < b && isEmailChar(s[q]) {
			q++
		}
		if q == p || q >= b || s[q] != '@' {
			return p
		}
		d := q + 1
		dot := false
		for d < b && (isEmailChar(s[d]) && s[d] != '+' && s[d] != '%') {
			if s[d] == '.' {
				dot = true
			}
			d++
		}
		for d > q+1 && (s[d-1] == '.' || s[d-1] == '-') {
			d--
		}
		if !dot || d == q+1 || !strings.Contains(s[q+1:d], ".") {
			return p
		}
		return d
	}
	if u == p {
		return p
	}
	open := strings.Count(s[p:u], "(")
	for u > p {
		r, n := decodeLast(s, u)
		if r == ')' && strings.Count(s[p:u], ")") <= open {
			break
		}
		if !strings.ContainsRune(`.,;:!?'")]>}”’»`, r) {
			break
		}
		u -= n
	}
	return u
}

func isEmailChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '.' || c == '_' || c == '-' || c == '+' || c == '%'
}
