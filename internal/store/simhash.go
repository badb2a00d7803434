package store

import (
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
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

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// asciiWord maps an ASCII byte to itself lower-cased when it belongs to
// a word (letters and digits), else to 0.
var asciiWord = func() (t [utf8.RuneSelf]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()

// firstCJK is below every rune of the scripts that count each character
// as a word (Han, Hiragana, Katakana, Hangul; TestFirstCJK checks it), so
// runes under it skip the table lookups.
const firstCJK = 0x1100

// wordHashes appends to out the hash of each word of text: FNV-1a over
// its lower-cased runes. Words are runs of letters and digits; each Han,
// kana or Hangul character is a word of its own.
func wordHashes(text string, out []uint64) []uint64 {
	cur, inWord := uint64(fnvOffset), false
	for i := 0; i < len(text); {
		c := text[i]
		if f := asciiWord[c&0x7f]; f != 0 && c < utf8.RuneSelf {
			// A run of ASCII word bytes, hashed in a tight loop.
			cur = (cur ^ uint64(f)) * fnvPrime
			for i++; i < len(text); i++ {
				f := asciiWord[text[i]&0x7f]
				if f == 0 || text[i] >= utf8.RuneSelf {
					break
				}
				cur = (cur ^ uint64(f)) * fnvPrime
			}
			inWord = true
			continue
		}
		if c < utf8.RuneSelf {
			i++
			if inWord {
				out = append(out, cur)
				cur, inWord = fnvOffset, false
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case r >= firstCJK && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			if inWord {
				out = append(out, cur)
			}
			out = append(out, (fnvOffset^uint64(r))*fnvPrime)
			cur, inWord = fnvOffset, false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur = (cur ^ uint64(unicode.ToLower(r))) * fnvPrime
			inWord = true
		default:
			if inWord {
				out = append(out, cur)
			}
			cur, inWord = fnvOffset, false
		}
	}
	if inWord {
		out = append(out, cur)
	}
	return out
}

// shingleHash is the hash of the shingle of words w0 w1 w2 (their
// hashes): each word hash is mixed in turn.
func shingleHash(w0, w1, w2 uint64) uint64 {
	return mix(w0*0x9e3779b97f4a7c15 ^ mix(w1*0xc2b2ae3d27d4eb4f^mix(w2)))
}

// wordPool recycles the word-hash buffers of SimHash and Jaccard.
var wordPool = sync.Pool{New: func() any { return new([]uint64) }}

// SimHash returns the SimHash of text and the number of shingles it was
// computed from.
func SimHash(text string) (uint64, int) {
	buf := wordPool.Get().(*[]uint64)
	defer wordPool.Put(buf)
	words := wordHashes(text, (*buf)[:0])
	*buf = words
	if len(words) < 3 {
		return 0, 0
	}
	// The 64 per-bit counts of one bits are kept in byte lanes: lanes[j]
	// counts bits 8j…8j+7 of the shingle hashes, one byte each, and
	// spread turns a byte of a hash into its eight 0/1 lane increments.
	// The lanes are emptied into counts before a byte can overflow.
	var counts [64]int
	var lanes [8]uint64
	pending := 0
	flush := func() {
		for j, l := range lanes {
			for i := 0; i < 8; i++ {
				counts[8*j+i] += int(l >> (8 * i) & 0xff)
			}
		}
		lanes = [8]uint64{}
		pending = 0
	}
	for i := 2; i < len(words); i++ {
		x := shingleHash(words[i-2], words[i-1], words[i])
		lanes[0] += spread[x&0xff]
		lanes[1] += spread[x>>8&0xff]
		lanes[2] += spread[x>>16&0xff]
		lanes[3] += spread[x>>24&0xff]
		lanes[4] += spread[x>>32&0xff]
		lanes[5] += spread[x>>40&0xff]
		lanes[6] += spread[x>>48&0xff]
		lanes[7] += spread[x>>56]
		if pending++; pending == 255 {
			flush()
		}
	}
	flush()
	n := len(words) - 2
	// Bit b is set when more than half of the shingles have it set.
	var out uint64
	for bit, c := range counts {
		if 2*c > n {
			out |= 1 << bit
		}
	}
	return out, n
}

// spread[b] has byte i set to bit i of b.
var spread = func() (t [256]uint64) {
	for b := range t {
		for i := 0; i < 8; i++ {
			t[b] |= uint64(b>>i&1) << (8 * i)
		}
	}
	return t
}()

// shingleSet returns the distinct shingle hashes of text, sorted.
func shingleSet(text string, buf []uint64) []uint64 {
	words := wordHashes(text, buf[:0])
	if len(words) < 3 {
		return words[:0]
	}
	// The shingles overwrite the word hashes they no longer need.
	for i := 2; i < len(words); i++ {
		words[i-2] = shingleHash(words[i-2], words[i-1], words[i])
	}
	set := words[:len(words)-2]
	slices.Sort(set)
	return slices.Compact(set)
}

// Jaccard is the Jaccard similarity of the shingle sets of a and b.
func Jaccard(a, b string) float64 {
	bufA, bufB := wordPool.Get().(*[]uint64), wordPool.Get().(*[]uint64)
	defer wordPool.Put(bufA)
	defer wordPool.Put(bufB)
	sa := shingleSet(a, *bufA)
	*bufA = sa
	if len(sa) == 0 {
		return 0
	}
	sb := shingleSet(b, *bufB)
	*bufB = sb
	inter := 0
	for i, k := 0, 0; i < len(sa) && k < len(sb); {
		switch {
		case sa[i] < sb[k]:
			i++
		case sa[i] > sb[k]:
			k++
		default:
			inter++
			i++
			k++
		}
	}
	return float64(inter) / float64(len(sa)+len(sb)-inter)
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
	for line := range strings.Lines(body) {
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
	for line := range strings.Lines(body) {
		if n == 0 {
			break
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
// popcount per stored document over a packed array of hashes: a few
// hundred microseconds per million).
type simIndex struct {
	hashes []uint64
	ids    []string // parallel to hashes
}

func newSimIndex() *simIndex { return &simIndex{} }

func (ix *simIndex) add(hash uint64, id string) {
	ix.hashes = append(ix.hashes, hash)
	ix.ids = append(ix.ids, id)
}

// candidates returns the IDs within MaxHamming bits of hash, nearest
// first (ties in ingest order), at most limit of them.
func (ix *simIndex) candidates(hash uint64, limit int) []string {
	type cand struct{ d, i int }
	var cs []cand
	hs := ix.hashes
	i := 0
	for ; i+4 <= len(hs); i += 4 {
		// Four at a time: one branch per four hashes in the common case.
		d0, d1 := bits.OnesCount64(hs[i]^hash), bits.OnesCount64(hs[i+1]^hash)
		d2, d3 := bits.OnesCount64(hs[i+2]^hash), bits.OnesCount64(hs[i+3]^hash)
		if min(d0, d1, d2, d3) > MaxHamming {
			continue
		}
		for k, d := range [4]int{d0, d1, d2, d3} {
			if d <= MaxHamming {
				cs = append(cs, cand{d, i + k})
			}
		}
	}
	for ; i < len(hs); i++ {
		if d := bits.OnesCount64(hs[i] ^ hash); d <= MaxHamming {
			cs = append(cs, cand{d, i})
		}
	}
	if len(cs) == 0 {
		return nil
	}
	sort.Slice(cs, func(a, b int) bool {
		if cs[a].d != cs[b].d {
			return cs[a].d < cs[b].d
		}
		return cs[a].i < cs[b].i
	})
	out := make([]string, 0, min(len(cs), limit))
	for _, c := range cs[:min(len(cs), limit)] {
		out = append(out, ix.ids[c.i])
	}
	return out
}
