package source

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The first implementation of language detection (a map of stop words,
// a rune loop), kept as the reference the faster one must agree with.

// refStopIndex maps a stop word to the bit set of latinLangs it belongs to.
var refStopIndex = func() map[string]uint8 {
	idx := map[string]uint8{}
	for i, lang := range latinLangs {
		for _, w := range stopwords[lang] {
			idx[w] |= 1 << i
		}
	}
	return idx
}()

// refDetectLanguage returns the ISO 639-1 code of the language text is
// mostly written in: by script for Chinese (zh), Japanese (ja, kana
// present), Korean (ko), Russian (ru, Cyrillic), Arabic (ar), Greek (el),
// Hebrew (he), Thai (th); by stop-word counts for English, French,
// German, Spanish, Portuguese and Italian. "" when it cannot tell. Only
// the first 1,500 bytes are read.
func refDetectLanguage(text string) string {
	if len(text) > 1500 {
		text = text[:1500]
	}
	var latin, han, kana, hangul, cyr, arabic, greek, hebrew, thai int
	for _, r := range text {
		switch {
		case r < 0x80:
			if unicode.IsLetter(r) {
				latin++
			}
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
			kana++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case unicode.Is(unicode.Greek, r):
			greek++
		case unicode.Is(unicode.Hebrew, r):
			hebrew++
		case unicode.Is(unicode.Thai, r):
			thai++
		case unicode.IsLetter(r):
			latin++
		}
	}
	// A CJK character carries about as much as a short word: weigh it
	// against Latin letters as 3:1.
	cjk := (han + kana + hangul) * 3
	scripts := []struct {
		n    int
		lang string
	}{{cjk, ""}, {cyr, "ru"}, {arabic, "ar"}, {greek, "el"}, {hebrew, "he"}, {thai, "th"}, {latin, "latin"}}
	best := scripts[0]
	for _, s := range scripts[1:] {
		if s.n > best.n {
			best = s
		}
	}
	if best.n == 0 {
		return ""
	}
	switch best.lang {
	case "":
		switch {
		case kana*20 > han+kana:
			return "ja"
		case hangul > han:
			return "ko"
		}
		return "zh"
	case "latin":
		return refLatinLanguage(text)
	}
	return best.lang
}

func refLatinLanguage(text string) string {
	var counts [8]int
	words := 0
	var buf [8]byte
	n := 0 // letters of the current word; words longer than buf are no stop words
	flush := func() {
		if n == 0 {
			return
		}
		words++
		if n <= len(buf) {
			if bits := refStopIndex[string(buf[:n])]; bits != 0 {
				for i := range latinLangs {
					if bits&(1<<i) != 0 {
						counts[i]++
					}
				}
			}
		}
		n = 0
	}
	add := func(b byte) {
		if n < len(buf) {
			buf[n] = b
		}
		n++
	}
	for _, r := range text {
		switch {
		case r >= 'a' && r <= 'z', r == '\'':
			add(byte(r))
		case r >= 'A' && r <= 'Z':
			add(byte(r + 'a' - 'A'))
		case r >= 0x80 && unicode.IsLetter(r):
			var tmp [4]byte
			for _, b := range tmp[:utf8.EncodeRune(tmp[:], unicode.ToLower(r))] {
				add(b)
			}
		default:
			flush()
		}
	}
	flush()
	best, bestN := "", 0
	for i, l := range latinLangs {
		if counts[i] > bestN {
			best, bestN = l, counts[i]
		}
	}
	if words < 3 || bestN == 0 {
		return ""
	}
	return best
}

// TestDetectLanguageReference: random mixes of scripts, stop words and
// bytes are detected as the reference detects them.
func TestDetectLanguageReference(t *testing.T) {
	pieces := []string{"the", "The", "and", "of", "le", "la", "der", "und", "el", "y", "não", "della", "il", "words", "Zürich", "Ελλάδα", "МОСКВА", "北京", "会谈", "ひらがな", "カタカナ", "한국", "مرحبا", "שלום", "สวัสดี", "it's", "—", ",", ".", " ", "\n", "\xff", "1999", "ÉTÉ"}
	rng := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 2000; i++ {
		var b strings.Builder
		for k := rng.IntN(400); k > 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(4) > 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		if got, want := DetectLanguage(text), refDetectLanguage(text); got != want {
			t.Fatalf("DetectLanguage(%q) = %q, reference %q", text, got, want)
		}
	}
}

func FuzzDetectLanguage(f *testing.F) {
	f.Add("The talks will resume next week, the council said.")
	f.Add("Le conseil a dit que les négociations reprendront.")
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := DetectLanguage(text), refDetectLanguage(text); got != want {
			t.Errorf("DetectLanguage(%q) = %q, reference %q", text, got, want)
		}
	})
}
