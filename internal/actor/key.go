package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Match keys. Dictionary phrases and text tokens are both reduced to
// "words": lowercase, periods removed ("U.S." → "us"), diacritics folded
// ("Wörner" → "worner"), hyphenated compounds split into their parts
// ("Self-Defense" → "self", "defense"). A phrase key is its words joined by
// single spaces.

// normalizePhrase turns a dictionary name into its key, "" when nothing is
// left.
func normalizePhrase(s string) string {
	var words []string
	for _, f := range strings.Fields(s) {
		for _, part := range splitHyphens(f) {
			k := wordKey(part)
			// "People's" is two tokens in text: "People" and "'s"
			if stem, ok := strings.CutSuffix(k, "'s"); ok && stem != "" {
				words = append(words, stem, "'s")
				continue
			}
			if k != "" {
				words = append(words, k)
			}
		}
	}
	return strings.Join(words, " ")
}

// splitHyphens splits a form at hyphens (ASCII and Unicode dashes inside a
// word); a lone dash gives nothing.
func splitHyphens(s string) []string {
	if !strings.ContainsAny(s, "-‐‑–") {
		return []string{s}
	}
	return strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '‐' || r == '‑' || r == '–' })
}

// wordKey is the key of one word: lowercase, periods and enclosing
// punctuation removed, diacritics folded, curly apostrophes made straight.
func wordKey(s string) string {
	ascii := true
	clean := true
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= utf8.RuneSelf {
			ascii = false
			clean = false
			break
		}
		if b >= 'A' && b <= 'Z' || b == '.' || b == ',' || b == '(' || b == ')' || b == '"' {
			clean = false
		}
	}
	if clean {
		return s
	}
	if !ascii {
		s = foldDiacritics(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '.', ',', '(', ')', '"', '“', '”':
			continue
		case '’', '‘':
			r = '\''
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func foldDiacritics(s string) string {
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
