// Package bloom is a Bloom filter over strings for dictionaries that most
// words of a text are not in: a key sets three bits of one 64-bit word,
// so a look-up reads one word and a false answer is certain.
package bloom

import "hash/maphash"

// Filter is a Bloom filter of 2^logWords 64-bit words. Add must not run
// concurrently with itself or with look-ups; look-ups may run concurrently.
type Filter struct {
	seed  maphash.Seed
	words []uint64
	log   uint
}

// New returns an empty filter of 2^logWords words (at most 2^20).
func New(logWords uint) *Filter {
	logWords = min(logWords, 20)
	return &Filter{seed: maphash.MakeSeed(), words: make([]uint64, 1<<logWords), log: logWords}
}

// Hash is the filter's hash of s (also good for other per-word tables).
func (f *Filter) Hash(s string) uint64 { return maphash.String(f.seed, s) }

// HashBytes is Hash for a byte slice.
func (f *Filter) HashBytes(b []byte) uint64 { return maphash.Bytes(f.seed, b) }

// bits returns the word and the three bits of hash h.
func (f *Filter) bits(h uint64) (int, uint64) {
	l := f.log
	return int(h & (1<<l - 1)), 1<<(h>>l&63) | 1<<(h>>(l+6)&63) | 1<<(h>>(l+12)&63)
}

// Add adds s.
func (f *Filter) Add(s string) {
	i, b := f.bits(f.Hash(s))
	f.words[i] |= b
}

// MayHave reports whether s may have been added; false means it was not.
func (f *Filter) MayHave(s string) bool { return f.MayHaveHash(f.Hash(s)) }

// MayHaveHash is MayHave for a string whose Hash is h.
func (f *Filter) MayHaveHash(h uint64) bool {
	i, b := f.bits(h)
	return f.words[i]&b == b
}
