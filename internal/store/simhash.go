package store

import (
	"math/bits"
	"unicode"
)

// Near-duplicate detection: a 64-bit SimHash (Charikar 2002) over
// shingles of three consecutive words of a document's body (each Han,
// kana or Hangul character counts as a word). Two bodies whose hashes
// differ in at most MaxHamming bits are near-duplicates. Bodies with
// fewer than MinShingles shingles are too short to judge and are only
// matched by exact identity.
const (
	MaxHamming  = 3
	MinShingles = 24
	shingleSize = 3
)

// SimHash returns the SimHash of text and the number of shingles it was
// computed from. Words are hashed (FNV-1a over their lower-cased runes)
// as they are read; a shingle's hash mixes its three word hashes.
func SimHash(text string) (uint64, int) {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	var v [64]int32
	var ring [shingleSize]uint64
	words, n := 0, 0
	cur, inWord := uint64(offset), false
	push := func(w uint64) {
		ring[words%shingleSize] = w
		words++
		if words < shingleSize {
			return
		}
		a, b, c := ring[(words-3)%shingleSize], ring[(words-2)%shingleSize], ring[(words-1)%shingleSize]
		x := mix(a*0x9e3779b97f4a7c15 ^ mix(b*0xc2b2ae3d27d4eb4f^mix(c)))
		n++
		for bit := 0; bit < 64; bit++ {
			v[bit] += int32(x>>bit&1)*2 - 1
		}
	}
	for _, r := range text {
		switch {
		case r < 0x80 && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
			cur = (cur ^ uint64(r)) * prime
			inWord = true
		case r >= 'A' && r <= 'Z':
			cur = (cur ^ uint64(r+'a'-'A')) * prime
			inWord = true
		case r >= 0x80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			if inWord {
				push(cur)
			}
			push((offset ^ uint64(r)) * prime)
			cur, inWord = offset, false
		case r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
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
	if n == 0 {
		return 0, 0
	}
	var out uint64
	for bit := 0; bit < 64; bit++ {
		if v[bit] > 0 {
			out |= 1 << bit
		}
	}
	return out, n
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

// Hamming is the number of bits in which a and b differ.
func Hamming(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// simIndex finds stored hashes within MaxHamming bits of a query. By the
// pigeonhole principle two hashes that differ in at most 3 bits agree
// exactly on at least one of four 16-bit bands, so each band is an exact
// lookup table.
type simIndex struct {
	bands [4]map[uint16][]simEntry
}

type simEntry struct {
	hash uint64
	id   string
}

func newSimIndex() *simIndex {
	var ix simIndex
	for i := range ix.bands {
		ix.bands[i] = map[uint16][]simEntry{}
	}
	return &ix
}

func (ix *simIndex) add(hash uint64, id string) {
	for i := range ix.bands {
		k := uint16(hash >> (16 * i))
		ix.bands[i][k] = append(ix.bands[i][k], simEntry{hash, id})
	}
}

// nearest returns the closest stored entry within MaxHamming bits ("" when
// none); ties go to the first added.
func (ix *simIndex) nearest(hash uint64) string {
	best, bestD := "", MaxHamming+1
	for i := range ix.bands {
		for _, e := range ix.bands[i][uint16(hash>>(16*i))] {
			if d := Hamming(e.hash, hash); d < bestD {
				best, bestD = e.id, d
			}
		}
	}
	return best
}
