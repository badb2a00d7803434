package text

import (
	"strings"
	"unicode/utf8"

	"github.com/dyad-events/dyad/event"
)

// Segment splits s into sentences of tokens. Offsets (Sentence.Start/End,
// Token.Start/End) are byte offsets into s; Sentence.Index counts from 0,
// Token.ID from 1 within each sentence. The sentences share one backing
// array of tokens (each slice is capped, so appending to one never
// overwrites the next).
func Segment(s string) []event.Sentence {
	t := tokenizer{s: s, out: make([]event.Token, 0, estimate(s))}
	t.run()
	return split(s, t.out, make([]event.Sentence, 0, len(t.out)/16+1))
}

// split groups toks into sentences, appending them to dst.
func split(s string, toks []event.Token, dst []event.Sentence) []event.Sentence {
	start := 0
	width := wrapWidth(s)
	for i := range toks {
		if i == len(toks)-1 || boundaryAfter(s, toks, start, i, width) {
			ts := toks[start : i+1 : i+1]
			for k := range ts {
				ts[k].ID = k + 1
			}
			a, b := ts[0].Start, ts[len(ts)-1].End
			dst = append(dst, event.Sentence{Index: len(dst), Start: a, End: b, Text: s[a:b], Tokens: ts})
			start = i + 1
		}
	}
	return dst
}

// Terminator kinds.
const (
	termNone   = iota
	termStop   // . and runs containing it (.?, ..)
	termQE     // ? ! ?! !!
	termEllip  // ... …
	termCJK    // 。 ！ ？
	termAbbrev // a word that kept its period: Inc. U.S. W.
)

func terminator(f string) int {
	switch f {
	case ".":
		return termStop
	case "?", "!":
		return termQE
	case "…", "...":
		return termEllip
	case "。", "！", "？", "．":
		return termCJK
	}
	if len(f) == 0 {
		return termNone
	}
	dots, other := 0, 0
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case '.':
			dots++
		case '?', '!':
			other++
		default:
			if f[len(f)-1] == '.' && len(f) > 1 {
				return termAbbrev
			}
			if f[0] == 0xE2 && f == "……" {
				return termEllip
			}
			if f[0] == 0xEF || f[0] == 0xE3 {
				r, _ := decodeLast(f, len(f))
				if r == '！' || r == '？' || r == '。' {
					return termCJK
				}
			}
			return termNone
		}
	}
	if other > 0 {
		return termQE
	}
	if dots >= 2 {
		return termEllip
	}
	return termStop
}

// isCloser reports whether f can close a quotation or bracket after final
// punctuation.
func isCloser(f string) bool {
	switch f {
	case `"`, "”", "’", "'", "»", ")", "]", "}", "''", "」", "』", "）", "›":
		return true
	}
	return false
}

// isEmoticon reports whether f is one of the emoticons the tokenizer
// keeps whole; after final punctuation it still belongs to the sentence.
func isEmoticon(f string) bool {
	if len(f) < 2 || len(f) > 3 || f[0] != ':' && f[0] != ';' && f[0] != '(' && f[0] != ')' {
		return false
	}
	for _, e := range emoticons {
		if f == e {
			return true
		}
	}
	return false
}

func isOpener(f string) bool {
	switch f {
	case `"`, "“", "‘", "'", "«", "(", "[", "{", "``", "「", "『", "（", "‹":
		return true
	}
	return false
}

// lineBreak reports whether gap (whitespace between two tokens) holds a
// line break.
func lineBreak(gap string) bool {
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '\n', '\r':
			return true
		case 0xE2: // U+2028, U+2029
			if i+2 < len(gap) && gap[i+1] == 0x80 && (gap[i+2] == 0xA8 || gap[i+2] == 0xA9) {
				return true
			}
		}
	}
	return false
}

// boundaryAfter decides whether a sentence that began at toks[start] ends
// after toks[i] (i < len(toks)-1).
func boundaryAfter(s string, toks []event.Token, start, i, width int) bool {
	cur, next := &toks[i], &toks[i+1]
	gap := s[cur.End:next.Start]
	if len(gap) > 0 && lineBreak(gap) && !continuedLine(s, cur, next, gap, width) {
		return true
	}
	// Closing quotes and brackets right after final punctuation belong to
	// the sentence: decide after the last of them.
	if isCloser(next.Form) && len(gap) == 0 || isEmoticon(next.Form) {
		return false
	}
	j := i
	for j > start && (isCloser(toks[j].Form) && toks[j-1].End == toks[j].Start || isEmoticon(toks[j].Form)) {
		j--
	}
	kind := terminator(toks[j].Form)
	if kind == termNone {
		return false
	}
	if kind == termStop && j > start && toks[j-1].Form == "." {
		kind = termEllip // ". . ."
	}
	if kind == termCJK {
		return true
	}
	// A run of final punctuation (". . .", "? !") ends after its last mark.
	if terminator(next.Form) != termNone && terminator(next.Form) != termAbbrev {
		return false
	}
	// The first word of what follows, after opening quotes and brackets.
	k := i + 1
	for k < len(toks)-1 && isOpener(toks[k].Form) {
		k++
	}
	w := toks[k].Form
	r0, _ := decode(w, 0)
	if j < i && isLower(r0) {
		return false // "Really?" she asked.
	}
	switch kind {
	case termStop:
		// Enumerations: "1." or "a." opening a sentence or line.
		if j > start && enumLabel(toks[j-1].Form) && toks[j-1].End == toks[j].Start {
			if j-1 == start {
				return false
			}
			if p := toks[j-2].Form; p == ":" || p == ";" {
				return false // inline list: "aims: 1. cut tariffs; 2. ..."
			}
		}
		return true
	case termQE:
		return true
	case termEllip:
		return isUpper(r0) || isDigit(r0) && k > i+1
	}
	// An abbreviation that kept its period.
	f := toks[j].Form
	if j < i {
		// U.S." The: a closer followed the abbreviation.
		return isUpper(r0)
	}
	word := f[:len(f)-1]
	var class uint8
	if r, n := decode(word, 0); n == len(word) && isUpper(r) {
		// Initial: a name usually follows (George W. Bush).
		return starters[w] && w != "A" && w != "I"
	}
	class = abbrevClass(word)
	switch class {
	case abbrTitle, abbrNum, abbrInner:
		return false
	}
	if len(gap) == 0 {
		return false
	}
	return starters[w]
}

// wrapWidth returns the line width of hard-wrapped text (newswire
// archives, e-mail): the longest line, when there are at least four lines
// and most of them are filled to within a quarter of it. It returns 0 for
// text whose line breaks end paragraphs or sentences.
func wrapWidth(s string) int {
	lines, width := 0, 0
	for l := range strings.Lines(s) {
		if n := utf8.RuneCountInString(strings.TrimRight(l, " \t\r\n")); n > 0 {
			lines++
			width = max(width, n)
			if width > 100 {
				return 0
			}
		}
	}
	if lines < 4 || width < 30 {
		return 0
	}
	full := 0
	for l := range strings.Lines(s) {
		if n := utf8.RuneCountInString(strings.TrimRight(l, " \t\r\n")); n > 0 && 4*n >= 3*width {
			full++
		}
	}
	if 5*full < 3*lines {
		return 0
	}
	return width
}

// continuedLine reports whether the line break in gap (between cur and
// next) only wraps a line: the next line starts with a lower-case word
// after a token that is not final punctuation, or the text is hard-wrapped
// (width > 0) and the next line is not indented. A blank line never
// continues.
func continuedLine(s string, cur, next *event.Token, gap string, width int) bool {
	if strings.Count(gap, "\n") > 1 || strings.Contains(gap, "\r\n\r\n") || strings.Contains(gap, "\r\r") {
		return false
	}
	if width > 0 {
		// Hard-wrapped: an indented line starts a paragraph; any other
		// line break is a space.
		k := strings.LastIndexAny(gap, "\n\r")
		return k < 0 || k == len(gap)-1
	}
	r0, _ := decode(next.Form, 0)
	return isLower(r0) && terminator(cur.Form) == termNone
}

// enumLabel reports whether f is an enumeration label before a period:
// a number of at most two digits, or a single letter.
func enumLabel(f string) bool {
	if len(f) <= 2 && allDigits(f) {
		return true
	}
	r, n := decode(f, 0)
	return n == len(f) && isLetter(r)
}
