package source

import (
	"unicode"
	"unicode/utf8"
)

// stopwords of the Latin-script languages DetectLanguage tells apart.
var stopwords = map[string][]string{
	"en": {"the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "as", "by", "it", "has", "have", "are", "from", "its", "at"},
	"fr": {"le", "la", "les", "et", "des", "du", "un", "une", "est", "que", "dans", "pour", "sur", "pas", "au", "avec", "ce", "qui"},
	"de": {"der", "die", "das", "und", "ist", "nicht", "mit", "den", "ein", "eine", "zu", "von", "auf", "sich", "dem", "im", "für"},
	"es": {"el", "la", "los", "las", "y", "de", "que", "en", "un", "una", "por", "con", "para", "del", "es", "se", "su", "al"},
	"pt": {"o", "a", "os", "as", "e", "de", "que", "em", "um", "uma", "para", "com", "não", "do", "da", "no", "na"},
	"it": {"il", "la", "di", "che", "e", "un", "una", "per", "non", "del", "della", "sono", "nel", "con", "gli"},
}

// latinLangs are the languages latinLanguage tells apart, by index.
var latinLangs = []string{"en", "fr", "de", "es", "pt", "it"}

// stopTable maps a stop word (its bytes packed into an integer by
// packWord) to the bit set of latinLangs it belongs to, by open
// addressing; maxStop is the length in bytes of the longest stop word.
var stopTable, maxStop = func() (t [256]stopSlot, longest int) {
	for i, lang := range latinLangs {
		for _, w := range stopwords[lang] {
			k := packWord([]byte(w))
			h := stopHash(k)
			for t[h].key != 0 && t[h].key != k {
				h = (h + 1) % uint64(len(t))
			}
			t[h].key = k
			t[h].bits |= 1 << i
			longest = max(longest, len(w))
		}
	}
	return t, longest
}()

type stopSlot struct {
	key  uint64 // 0: empty (packWord is never 0 for a word of 1 to 7 bytes)
	bits uint8
}

func stopHash(k uint64) uint64 { return (k * 0x9e3779b97f4a7c15) >> 56 }

// stopBits returns the languages whose stop word is the packed word k.
func stopBits(k uint64) uint8 {
	for h := stopHash(k); ; h = (h + 1) % uint64(len(stopTable)) {
		switch stopTable[h].key {
		case k:
			return stopTable[h].bits
		case 0:
			return 0
		}
	}
}

// latinLower maps the ASCII bytes of a word (letters, apostrophe) to
// themselves lower-cased, and other bytes to 0.
var latinLower = func() (t [utf8.RuneSelf]byte) {
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	t['\''] = '\''
	return t
}()

// packWord packs up to 8 bytes into an integer, the first byte lowest;
// the length goes into the top byte when there is room, so that "a" and
// "a\x00" differ.
func packWord(w []byte) uint64 {
	var x uint64
	for i, b := range w {
		x |= uint64(b) << (8 * i)
	}
	if len(w) < 8 {
		x |= uint64(len(w)) << 56
	}
	return x
}

// DetectLanguage returns the ISO 639-1 code of the language text is
// mostly written in: by script for Chinese (zh), Japanese (ja, kana
// present), Korean (ko), Russian (ru, Cyrillic), Arabic (ar), Greek (el),
// Hebrew (he), Thai (th); by stop-word counts for English, French,
// German, Spanish, Portuguese and Italian. "" when it cannot tell. Only
// the first 1,500 bytes are read.
func DetectLanguage(text string) string {
	if len(text) > 1500 {
		text = text[:1500]
	}
	var latin, han, kana, hangul, cyr, arabic, greek, hebrew, thai int
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			i++
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				latin++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
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
		return latinLanguage(text)
	}
	return best.lang
}

func latinLanguage(text string) string {
	var counts [8]int
	words := 0
	var buf [8]byte
	n := 0 // letters of the current word; words longer than buf are no stop words
	flush := func() {
		words++
		if n <= maxStop {
			if bits := stopBits(packWord(buf[:n])); bits != 0 {
				for i := range latinLangs {
					if bits&(1<<i) != 0 {
						counts[i]++
					}
				}
			}
		}
		n = 0
	}
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			i++
			if l := latinLower[c]; l != 0 {
				if n < len(buf) {
					buf[n] = l
				}
				n++
			} else if n > 0 {
				flush()
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !unicode.IsLetter(r) {
			if n > 0 {
				flush()
			}
			continue
		}
		var tmp [4]byte
		for _, b := range tmp[:utf8.EncodeRune(tmp[:], unicode.ToLower(r))] {
			if n < len(buf) {
				buf[n] = b
			}
			n++
		}
	}
	if n > 0 {
		flush()
	}
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
