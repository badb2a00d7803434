package text

import (
	"github.com/dyad-events/dyad/event"
)

// Segment splits s into sentences of tokens. Offsets (Sentence.Start/End,
// Token.Start/End) are byte offsets into s; Sentence.Index counts from 0,
// Token.ID from 1 within each sentence. The sentences share one backing
// array of tokens (each slice is capped, so appending to one never
// overwrites the next).
func Segment(s string) []event.Sentence {
	t := tokenizer{s: s, out: make([]event.Token, 0, len(s)/5+1)}
	t.run()
	return split(s, t.out, nil)
}

// split groups toks into sentences, appending them to dst.
func split(s string, toks []event.Token, dst []event.Sentence) []event.Sentence {
	start := 0
	for i := range toks {
		if i == len(toks)-1 || boundaryAfter(s, toks, start, i) {
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
func boundaryAfter(s string, toks []event.Token, start, i int) bool {
	cur, next := &toks[i], &toks[i+1]
	gap := s[cur.End:next.Start]
	if len(gap) > 0 && lineBreak(gap) {
		return true
	}
	// Closing quotes and brackets right after final punctuation belong to
	// the sentence: decide after the last of them.
	if isCloser(next.Form) && len(gap) == 0 {
		return false
	}
	j := i
	for j > start && isCloser(toks[j].Form) && toks[j-1].End == toks[j].Start {
		j--
	}
	kind := terminator(toks[j].Form)
	if kind == termNone {
		return false
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

// enumLabel reports whether f is an enumeration label before a period:
// a number of at most two digits, or a single letter.
func enumLabel(f string) bool {
	if len(f) <= 2 && allDigits(f) {
		return true
	}
	r, n := decode(f, 0)
	return n == len(f) && isLetter(r)
}
