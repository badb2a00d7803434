package parse

import (
	"math/rand"
	"testing"
)

// TestTable3 checks the transition table (buckets of rows) against a
// plain map from fingerprints to weights, the first row winning when two
// share a fingerprint, at sizes where buckets overflow and wrap around.
func TestTable3(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, rows := range []int{0, 1, 5, 6, 7, 50, 1000, 20000} {
		m := &linear{K: numActs}
		want := map[uint32][3]int16{}
		for r := 0; r < rows; r++ {
			k := rng.Uint32() % uint32(4*rows+1) // some fingerprints repeat, 0 among them
			w := [3]int16{int16(rng.Intn(65536) - 32768), int16(rng.Intn(7) - 3), int16(r)}
			m.keys = append(m.keys, k)
			m.w = append(m.w, w[:]...)
			if k == 0 {
				k = 1
			}
			if _, ok := want[k]; !ok {
				want[k] = w
			}
		}
		m.build()
		for k := uint32(0); k <= uint32(4*rows+8); k++ {
			got := m.find3(fp(uint64(k)))
			f := k
			if f == 0 {
				f = 1
			}
			if got != want[f] {
				t.Fatalf("%d rows: fingerprint %d: %v, want %v", rows, k, got, want[f])
			}
		}
		m.keys, m.w = nil, nil // as Read leaves it: dense rebuilds the rows from the table
		keys, ws := m.dense()
		if len(keys) != len(want) {
			t.Fatalf("%d rows: dense gives %d rows, want %d", rows, len(keys), len(want))
		}
		for i, k := range keys {
			if w := [3]int16(ws[3*i : 3*i+3]); w != want[k] {
				t.Fatalf("%d rows: dense row %d: %v, want %v", rows, k, w, want[k])
			}
		}
	}
}
