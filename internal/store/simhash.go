package store

import (
	"hash/fnv"
	"math/bits"
	"strings"
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
// computed from.
func SimHash(text string) (uint64, int) {
	words := make([]string, 0, len(text)/6)
	start := -1
	flush := func(i int) {
		if start >= 0 {
			words = append(words, strings.ToLower(text[start:i]))
			start = -1
		}
	}
	for i, r := range text {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			flush(i)
			words = append(words, string(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
		default:
			flush(i)
		}
	}
	flush(len(text))
	n := len(words) - shingleSize + 1
	if n <= 0 {
		return 0, 0
	}
	var v [64]int
	h := fnv.New64a()
	for i := 0; i < n; i++ {
		h.Reset()
		for _, w := range words[i : i+shingleSize] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		for b := 0; b < 64; b++ {
			if x&(1<<b) != 0 {
				v[b]++
			} else {
				v[b]--
			}
		}
	}
	var out uint64
	for b := 0; b < 64; b++ {
		if v[b] > 0 {
			out |= 1 << b
		}
	}
	return out, n
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
