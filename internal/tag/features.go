package tag

import (
	"strings"

	"github.com/dyad-events/dyad/internal/lexicon"
	"unicode"
	"unicode/utf8"
)

// Token-level facts the feature templates read: hashes of the normalized
// word, the raw form, affixes and shape, the word's ambiguity class and a
// few orthographic flags.
type tokInfo struct {
	w, form, shape, amb uint64
	ambc                uint64 // ambiguity class of the case-preserving form
	sentCase            uint64 // the sentence's capitalization profile (sentCase*)
	suf                 [maxAffix]uint64
	pre                 [maxAffix]uint64
	flags               uint64
	lex                 uint64 // WordNet classes (lexicon.Class), 0 when unlisted
}

const maxAffix = 4

// Orthographic flags.
const (
	flInitCap = 1 << iota
	flAllCap
	flDigit
	flHyphen
	flLetter
	flAllDigit
	flFirst
	flPunct
)

// Template seeds: every feature template hashes a distinct constant so that
// equal values in different templates never collide.
const (
	tBias = iota + 1
	tW
	tForm
	tSuf
	tPre
	tShape
	tFlags
	tFirstCap
	tWm1
	tWm2
	tWp1
	tWp2
	tSufm1
	tSufp1
	tWm1W
	tWWp1
	tAmb
	tAmbm1
	tAmbp1
	tAmbp2
	tAmbWp1
	tShapeP1
	tP1
	tP2P1
	tP1W
	tP1Amb
	tP1Suf
	tF0
	tFp1
	tFp2
	tFp1Fp2
	tFp1W
	tFp1Amb
	tFm1
	tP1Fp1
	tFm1Fp1
	tWm1Wm2
	tWp1Wp2
	tPre1Suf
	tAmbBoth
	tWord
	tNorm
	tAmbKey
	tLemma
	tBOS
	tEOS
	tAmbCase
	tAmbCaseFirst
	tWm1Wp1
	tShapeM1
	tAmbm1Amb
	tAmbAmbp1
	tP1Wp1
	tP1Shape
	tAmbCaseKey
	tSentCase
	tSentCaseAmb
	tB0
	tBm1
	tBp1
	tF0B0
	tBm1Bp1
	tLex
	tLexCap
	tLexm1
	tLexp1
	tLexm1Lex
)

// Sentence capitalization profiles: in an all-lower-case chat line or a
// Title Case headline, a capital letter says little about proper nouns.
const (
	sentCaseNormal = iota + 1
	sentCaseLower
	sentCaseTitle
	sentCaseUpper
)

// normalize appends the feature form of a word to buf: lower-cased, with
// every ASCII digit mapped to '0' (so 1987 and 2023 share statistics).
func normalize(buf []byte, form string) []byte {
	for i := 0; i < len(form); i++ {
		if form[i] >= utf8.RuneSelf {
			for _, r := range strings.ToLower(form) {
				if r >= '0' && r <= '9' {
					r = '0'
				}
				buf = utf8.AppendRune(buf, r)
			}
			return buf
		}
	}
	for i := 0; i < len(form); i++ {
		c := form[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= '0' && c <= '9':
			c = '0'
		}
		buf = append(buf, c)
	}
	return buf
}

// wordKey is the key of a normalized word in the model's lexicons.
func wordKey(norm []byte) uint64 { return hashBytes(tNorm, norm) }

// caseKey is the key of a case-preserving form (digits mapped to '0') in
// the ambiguity lexicon.
func caseFormKey(form string) uint64 {
	h := uint64(fnvOffset)
	h = (h ^ uint64(tAmbCaseKey)) * fnvPrime
	for i := 0; i < len(form); i++ {
		c := form[i]
		if c >= '0' && c <= '9' {
			c = '0'
		}
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

// shapeAndFlags returns a hash of the collapsed word shape (Xx, d.d, X.X.)
// with a length bucket, and the orthographic flags.
func shapeAndFlags(form string, first bool) (uint64, uint64) {
	var sh [24]byte
	n := 0
	var last byte
	var fl uint64
	letters, digits, upper, other := 0, 0, 0, 0
	runes := 0
	for _, r := range form {
		runes++
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			upper++
			letters++
		case unicode.IsLetter(r):
			c = 'x'
			letters++
		case unicode.IsDigit(r):
			c = 'd'
			digits++
		case r < utf8.RuneSelf:
			c = byte(r)
			other++
			if r == '-' {
				fl |= flHyphen
			}
		default:
			c = '*'
			other++
		}
		if c != last && n < len(sh) {
			sh[n] = c
			n++
		}
		last = c
	}
	if letters > 0 {
		fl |= flLetter
	}
	if r, _ := utf8.DecodeRuneInString(form); unicode.IsUpper(r) {
		fl |= flInitCap
	}
	if upper > 0 && upper == letters {
		fl |= flAllCap
	}
	if digits > 0 {
		fl |= flDigit
		if digits == runes {
			fl |= flAllDigit
		}
	}
	if letters == 0 && digits == 0 {
		fl |= flPunct
	}
	if first {
		fl |= flFirst
	}
	lb := runes
	if lb > 6 {
		lb = 6
	}
	h := hashBytes(tShape, sh[:n])
	return mix(h, uint64(lb)), fl
}

// analyze fills info for the forms of one sentence. amb looks up a
// normalized word's ambiguity-class hash (0 when unknown).
//
// With reversed set, forms are the sentence right to left (for the
// backward pass): the sentence-initial flag then marks the last form.
//
// lex (may be nil) gives the WordNet classes of the lower-cased word.
func analyze(info []tokInfo, forms []string, buf []byte, amb func(uint64) uint64, lex *lexicon.Lexicon, reversed bool) []byte {
	firstAt := 0
	if reversed {
		firstAt = len(forms) - 1
	}
	for i, f := range forms {
		buf = analyzeToken(&info[i], f, buf, amb, lex, i == firstAt)
	}
	prof := sentCaseOf(info, forms, firstAt)
	for i := range forms {
		info[i].sentCase = prof
	}
	return buf
}

// analyzeToken fills the facts of one form but its sentence's
// capitalization profile (sentCase); first marks the sentence's first
// token. buf is scratch, returned for reuse.
func analyzeToken(ti *tokInfo, f string, buf []byte, amb func(uint64) uint64, lex *lexicon.Lexicon, first bool) []byte {
	buf = normalize(buf[:0], f)
	ti.amb = amb(wordKey(buf))
	ti.ambc = amb(caseFormKey(f))
	ti.w = hashBytes(tW, buf)
	ti.lex = 0
	if lex != nil {
		ti.lex = uint64(lex.Lookup(buf))
	}
	ti.form = hashString(tForm, f)
	ti.shape, ti.flags = shapeAndFlags(f, first)
	// affixes over runes, on the normalized form
	var ends [maxAffix + 1]int // byte offsets of the last k runes
	k := 0
	for j := len(buf); j > 0 && k < maxAffix; {
		_, size := utf8.DecodeLastRune(buf[:j])
		j -= size
		k++
		ends[k] = j
	}
	for a := 0; a < maxAffix; a++ {
		if a < k {
			ti.suf[a] = hashBytes(byte(tSuf+16*(a+1)), buf[ends[a+1]:])
		} else {
			ti.suf[a] = hashBytes(byte(tSuf+16*(a+1)), buf)
		}
	}
	j := 0
	for a := 0; a < maxAffix; a++ {
		if j < len(buf) {
			_, size := utf8.DecodeRune(buf[j:])
			j += size
		}
		ti.pre[a] = hashBytes(byte(tPre+16*(a+1)), buf[:j])
	}
	return buf
}

// sentCaseOf returns the capitalization profile of a sentence (sentCase*)
// from its tokens' flags, over words with letters after the first (at
// firstAt).
func sentCaseOf(info []tokInfo, forms []string, firstAt int) uint64 {
	words, caps, upper := 0, 0, 0
	for i := range forms {
		fl := info[i].flags
		if fl&flLetter == 0 || i == firstAt {
			continue
		}
		words++
		if fl&flInitCap != 0 {
			caps++
		}
		if fl&flAllCap != 0 && len(forms[i]) > 1 {
			upper++
		}
	}
	prof := uint64(sentCaseNormal)
	switch {
	case words >= 3 && 10*upper >= 6*words:
		prof = sentCaseUpper
	case words >= 3 && 10*caps >= 6*words:
		prof = sentCaseTitle
	case words >= 3 && caps == 0:
		prof = sentCaseLower
	}
	return prof
}

// Padding beyond the sentence edges.
var (
	bosInfo = tokInfo{w: hashString(tBOS, "w"), form: hashString(tBOS, "f"), shape: hashString(tBOS, "s"),
		amb: hashString(tBOS, "a"), suf: [maxAffix]uint64{hashString(tBOS, "1"), hashString(tBOS, "2"), hashString(tBOS, "3"), hashString(tBOS, "4")}}
	eosInfo = tokInfo{w: hashString(tEOS, "w"), form: hashString(tEOS, "f"), shape: hashString(tEOS, "s"),
		amb: hashString(tEOS, "a"), suf: [maxAffix]uint64{hashString(tEOS, "1"), hashString(tEOS, "2"), hashString(tEOS, "3"), hashString(tEOS, "4")}}
)

func at(info []tokInfo, i int) *tokInfo {
	if i < 0 {
		return &bosInfo
	}
	if i >= len(info) {
		return &eosInfo
	}
	return &info[i]
}

// nStatic1 is the number of pass-1 features that do not depend on tags.
const nStatic1 = 43

// static1 appends the tag-independent features of token i: those on the
// token alone, those on one neighbour and those on pairs of tokens (the
// split fast.go's word cache sums by; TestFeaturePartition checks the
// counts). Scores are sums, so the order does not matter.
func static1(out []uint64, info []tokInfo, i int) []uint64 {
	out = selfFeats(out, &info[i])
	out = nbFeats(out, at(info, i-1), nbM1)
	out = nbFeats(out, at(info, i-2), nbM2)
	out = nbFeats(out, at(info, i+1), nbP1)
	out = nbFeats(out, at(info, i+2), nbP2)
	return pairFeats(out, info, i)
}

// nStatic2 is the number of extra pass-2 features that read the first
// pass's tags (f) but not the second pass's own decisions.
const nStatic2 = 14

// static2 appends the pass-2 features built on first-pass tags f.
// b are the backward first pass's tags (nil when the model has none).
func static2(out []uint64, info []tokInfo, f, b []int, i int) []uint64 {
	c := &info[i]
	ft := func(j int) uint64 {
		if j < 0 {
			return 1000
		}
		if j >= len(f) {
			return 1001
		}
		return uint64(f[j])
	}
	out = append(out,
		mix(tF0, ft(i)),
		mix(tFp1, ft(i+1)),
		mix(tFp2, ft(i+2)),
		mix3(tFp1Fp2, ft(i+1), ft(i+2)),
		mixW(tFp1W, ft(i+1), c.w),
		mix3(tFp1Amb, ft(i+1), c.amb),
		mix(tFm1, ft(i-1)),
		mix3(tFm1Fp1, ft(i-1), ft(i+1)),
		mix3(tPre1Suf, ft(i+1), c.suf[2]),
	)
	bt := func(j int) uint64 {
		switch {
		case b == nil:
			return 999
		case j < 0:
			return 1000
		case j >= len(b):
			return 1001
		}
		return uint64(b[j])
	}
	out = append(out,
		mix(tB0, bt(i)),
		mix(tBm1, bt(i-1)),
		mix(tBp1, bt(i+1)),
		mix3(tF0B0, ft(i), bt(i)),
		mix3(tBm1Bp1, bt(i-1), bt(i+1)),
	)
	return out
}

// nDyn is the number of features that read the pass's own previous tags.
const nDyn = 7

// dynamic appends the features built on the previous two decisions p1, p2
// (-1 before the sentence start); fp1 is the first-pass tag of the next
// token (-1 in pass 1).
func dynamic(out []uint64, info []tokInfo, i, p1, p2, fp1 int) []uint64 {
	c := &info[i]
	a, b := uint64(p1+2), uint64(p2+2)
	out = append(out,
		mix(tP1, a),
		mix3(tP2P1, b, a),
		mixW(tP1W, a, c.w),
		mix3(tP1Amb, a, c.amb),
		mix3(tP1Fp1, a, uint64(fp1+2)),
		mix3(tP1Wp1, a, at(info, i+1).w),
		mix3(tP1Shape, a, c.shape),
	)
	return out
}

// mixW is mix3(t, a, w) for a feature on the current word w, or 0 (no
// feature) when the word is withheld (w == 0, see word dropout in train.go).
func mixW(t, a, w uint64) uint64 {
	if w == 0 {
		return 0
	}
	return mix3(t, a, w)
}

// mixWFirst is mixW with the word first.
func mixWFirst(t, w, b uint64) uint64 {
	if w == 0 {
		return 0
	}
	return mix3(t, w, b)
}

// dropWord withholds the identity of token i's word: its word and form
// hashes and its ambiguity classes, as for a word never seen in training.
func dropWord(ti *tokInfo) {
	ti.w, ti.form, ti.amb, ti.ambc = 0, 0, 0, 0
}
