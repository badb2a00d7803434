package store

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// refShingles and refSimHash are the first, straightforward
// implementation (a callback per shingle, a map per Jaccard); the fast
// one must give the same hashes, as stored databases hold them.
func refShingles(text string, fn func(uint64)) {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	var w0, w1 uint64
	words := 0
	cur, inWord := uint64(offset), false
	push := func(w uint64) {
		if words >= 2 {
			fn(mix(w0*0x9e3779b97f4a7c15 ^ mix(w1*0xc2b2ae3d27d4eb4f^mix(w))))
		}
		w0, w1 = w1, w
		words++
	}
	for _, r := range text {
		switch {
		case r == utf8.RuneError:
			if inWord {
				push(cur)
			}
			cur, inWord = offset, false
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

func refSimHash(text string) (uint64, int) {
	var counts [64]int
	n := 0
	refShingles(text, func(x uint64) {
		n++
		for b := 0; b < 64; b++ {
			counts[b] += int(x >> b & 1)
		}
	})
	if n == 0 {
		return 0, 0
	}
	var out uint64
	for b, c := range counts {
		if 2*c > n {
			out |= 1 << b
		}
	}
	return out, n
}

func refJaccard(a, b string) float64 {
	set := map[uint64]bool{}
	refShingles(a, func(x uint64) { set[x] = false })
	if len(set) == 0 {
		return 0
	}
	union, inter := len(set), 0
	refShingles(b, func(x uint64) {
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

func checkRef(t *testing.T, a, b string) {
	t.Helper()
	h, n := SimHash(a)
	rh, rn := refSimHash(a)
	if h != rh || n != rn {
		t.Errorf("SimHash(%q) = %x, %d; reference %x, %d", a, h, n, rh, rn)
	}
	if j, rj := Jaccard(a, b), refJaccard(a, b); j != rj {
		t.Errorf("Jaccard(%q, %q) = %v; reference %v", a, b, j, rj)
	}
}

// TestSimHashReference: mixed-script texts give the reference hashes,
// shingle counts and Jaccard similarities.
func TestSimHashReference(t *testing.T) {
	pieces := []string{"The", "envoy", "SAID", "talks", "2024", "Zürich", "naïve", "Ελλάδα", "МОСКВА", "北京", "会谈", "ひらがな", "カタカナ", "한국", "—", "“quoted”", "it's", ",", ".", " ", "\n", "\t", "\xff", "x\u0301", "١٢٣", "İstanbul"}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 300; i++ {
		var a, b strings.Builder
		for k := rng.IntN(80); k > 0; k-- {
			p := pieces[rng.IntN(len(pieces))]
			a.WriteString(p)
			if rng.IntN(4) > 0 {
				b.WriteString(p)
			} else {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			if rng.IntN(3) > 0 {
				a.WriteByte(' ')
				b.WriteByte(' ')
			}
		}
		checkRef(t, a.String(), b.String())
	}
	checkRef(t, "", "")
	checkRef(t, "one two", "one two")
	checkRef(t, article("Peru", 30), article("Peru", 30)+" A late addition to the story.")
}

// TestFirstCJK: no rune of the scripts counted a character a word lies
// below firstCJK.
func TestFirstCJK(t *testing.T) {
	for _, tab := range []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul} {
		if len(tab.R16) > 0 && tab.R16[0].Lo < firstCJK {
			t.Errorf("a table starts at %U, below firstCJK %U", tab.R16[0].Lo, firstCJK)
		}
	}
}

func FuzzSimHash(f *testing.F) {
	f.Add("The minister said talks would resume.", "The minister said the talks would resume.")
	f.Add("北京 会谈 ひらがな", "한국 Zürich")
	f.Fuzz(func(t *testing.T, a, b string) {
		checkRef(t, a, b)
	})
}

// BenchmarkJaccard compares two ~7 KB bodies that differ in a few words.
func BenchmarkJaccard(b *testing.B) {
	a := article("Benchmark", 60)
	c := strings.Replace(a, " talks ", " negotiations ", 5)
	b.SetBytes(int64(len(a) + len(c)))
	for i := 0; i < b.N; i++ {
		Jaccard(a, c)
	}
}

// TestCandidates: hashes within MaxHamming bits, nearest first, ties in
// ingest order, at most limit.
func TestCandidates(t *testing.T) {
	ix := newSimIndex()
	q := uint64(0xF0F0F0F0F0F0F0F0)
	flip := func(n int) uint64 { return q ^ (1<<n - 1) } // n low bits differ
	ix.add(flip(5), "five")
	ix.add(flip(13), "thirteen")
	ix.add(flip(1), "one-a")
	ix.add(flip(MaxHamming), "twelve")
	ix.add(flip(1), "one-b")
	got := ix.candidates(q, 3)
	want := []string{"one-a", "one-b", "five"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("candidates = %v, want %v", got, want)
	}
	if got := ix.candidates(q, 10); len(got) != 4 || got[3] != "twelve" {
		t.Errorf("candidates = %v, want four ending with twelve", got)
	}
	if got := ix.candidates(^q, 3); len(got) != 0 {
		t.Errorf("far query: %v", got)
	}
}

// BenchmarkCandidates scans 100,000 stored hashes.
func BenchmarkCandidates(b *testing.B) {
	ix := newSimIndex()
	rng := rand.New(rand.NewPCG(7, 8))
	for i := 0; i < 100000; i++ {
		ix.add(rng.Uint64(), "id")
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.candidates(rng.Uint64(), 3)
	}
}
