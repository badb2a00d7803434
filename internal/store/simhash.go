package store

import (
	"math/bits"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Near-duplicate detection: a 64-bit SimHash (Charikar 2002) over
// shingles of three consecutive words of a document's body (each Han,
// kana or Hangul character counts as a word) finds candidates — stored
// hashes at most MaxHamming bits away — and the Jaccard similarity of
// the two shingle sets decides: at least MinJaccard is a near-duplicate.
// Bodies with fewer than MinShingles shingles are too short to judge and
// are only matched by exact identity.
const (
	MaxHamming  = 12
	MinJaccard  = 0.7
	MinShingles = 24
)

// shingles calls fn with the hash of each shingle of text. Words are
// hashed (FNV-1a over their lower-cased runes) as they are read; a
// shingle's hash mixes its three word hashes.
func shingles(text string, fn func(uint64)) {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	var w0, w1 uint64 // the two words before the current one
	words := 0
	cur, inWord := uint64(offset), false
	push := func(w uint64) {
		if words >= 2 {
			fn(mix(w0*0x9e3779b97f4a7c15 ^ mix(w1*0xc2b2ae3d27d4eb4f^mix(w))))
		}
		w0, w1 = w1, w
		words++
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				cur = (cur ^ uint64(c)) * prime
				inWord = true
			case c >= 'A' && c <= 'Z':
				cur = (cur ^ uint64(c+'a'-'A')) * prime
				inWord = true
			default:
				if inWord {
					push(cur)
					cur, inWord = offset, false
				}
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			if inWord {
				push(cur)
			}
			push((offset ^ uint64(r)) * prime)
			cur, inWord = offset, false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur = (cur ^ uint64(unicode.ToLower(r))) * prime
			inWord = true
		default:
			if inWord {
				push(cur)
			}
			cur, inWord = offset, false
		}
	}
	if inWord {
		push(cur)
	}
}

// SimHash returns the SimHash of text and the number of shingles it was
// computed from.
func SimHash(text string) (uint64, int) {
	// Bit-sliced counters: planes[k] holds bit k of the 64 per-position
	// counts of one bits, so adding a shingle's hash to all 64 counters
	// is a ripple-carry add of a few word operations, not 64 additions.
	var planes [32]uint64
	n := 0
	shingles(text, func(x uint64) {
		n++
		carry := x
		for k := 0; carry != 0 && k < len(planes); k++ {
			planes[k], carry = planes[k]^carry, planes[k]&carry
		}
	})
	if n == 0 {
		return 0, 0
	}
	// Bit b is set when more than half of the shingles have it set.
	var out uint64
	for bit := 0; bit < 64; bit++ {
		ones := 0
		for k := range planes {
			ones |= int(planes[k]>>bit&1) << k
		}
		if 2*ones > n {
			out |= 1 << bit
		}
	}
	return out, n
}

// Jaccard is the Jaccard similarity of the shingle sets of a and b.
func Jaccard(a, b string) float64 {
	set := map[uint64]bool{}
	shingles(a, func(x uint64) { set[x] = false })
	if len(set) == 0 {
		return 0
	}
	union := len(set)
	inter := 0
	shingles(b, func(x uint64) {
		seen, ok := set[x]
		switch {
		case !ok:
			set[x] = true
			union++
		case !seen:
			set[x] = true
			inter++
		}
	})
	return float64(inter) / float64(union)
}

// mix is the 64-bit finalizer of MurmurHash3: it spreads every input bit
// over the output, as SimHash needs.
func mix(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

// HashedBody returns the part of a body that near-duplicate detection
// reads: its paragraphs that end a sentence (or run over 40 words).
// Headlines, standfirsts, bylines and dates — what a reprint changes —
// are left out; a body without such paragraphs is returned whole.
func HashedBody(body string) string {
	var b strings.Builder
	kept, dropped := 0, 0
	for rest := body; rest != ""; {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		last := t[len(t)-1]
		if last == '.' || last == '!' || last == '?' || last == '"' || strings.HasSuffix(t, "”") || strings.HasSuffix(t, "。") || strings.Count(t, " ") >= 40 {
			if dropped == 0 {
				kept++
				continue // nothing dropped yet: no copy needed so far
			}
			b.WriteString(t)
			b.WriteByte('\n')
			continue
		}
		if dropped == 0 && kept > 0 {
			// first dropped line after kept ones: copy what was kept
			b.WriteString(keptPrefix(body, kept))
		}
		dropped++
	}
	switch {
	case dropped == 0:
		return body
	case b.Len() == 0:
		return body // no sentence lines at all: judge the whole body
	}
	return b.String()
}

// keptPrefix returns the first n non-empty lines of body, trimmed, one a
// line (all of them were kept by HashedBody).
func keptPrefix(body string, n int) string {
	var b strings.Builder
	for rest := body; rest != "" && n > 0; {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if t := strings.TrimSpace(line); t != "" {
			b.WriteString(t)
			b.WriteByte('\n')
			n--
		}
	}
	return b.String()
}

// Hamming is the number of bits in which a and b differ.
func Hamming(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// simIndex holds the SimHashes of stored first copies, in ingest order,
// and finds those within MaxHamming bits of a query by a linear scan (a
// popcount per stored document: about a millisecond per million).
type simIndex struct {
	entries []simEntry
}

type simEntry struct {
	hash uint64
	id   string
}

func newSimIndex() *simIndex { return &simIndex{} }

func (ix *simIndex) add(hash uint64, id string) {
	ix.entries = append(ix.entries, simEntry{hash, id})
}

// candidates returns the IDs within MaxHamming bits of hash, nearest
// first (ties in ingest order), at most limit of them.
func (ix *simIndex) candidates(hash uint64, limit int) []string {
	type cand struct {
		id   string
		d, i int
	}
	var cs []cand
	for i, e := range ix.entries {
		if d := Hamming(e.hash, hash); d <= MaxHamming {
			cs = append(cs, cand{e.id, d, i})
		}
	}
	sort.Slice(cs, func(a, b int) bool {
		if cs[a].d != cs[b].d {
			return cs[a].d < cs[b].d
		}
		return cs[a].i < cs[b].i
	})
	var out []string
	for _, c := range cs[:min(len(cs), limit)] {
		out = append(out, c.id)
	}
	return out
}
