package bloom

import (
	"strconv"
	"testing"
)

// TestFilter: every added key is found, most others are not, and the
// byte and string hashes agree.
func TestFilter(t *testing.T) {
	f := New(12)
	for i := 0; i < 5000; i++ {
		f.Add("w" + strconv.Itoa(i))
	}
	for i := 0; i < 5000; i++ {
		k := "w" + strconv.Itoa(i)
		if !f.MayHave(k) || !f.MayHaveHash(f.HashBytes([]byte(k))) {
			t.Fatalf("%q added but not found", k)
		}
	}
	fp := 0
	for i := 0; i < 10000; i++ {
		if f.MayHave("x" + strconv.Itoa(i)) {
			fp++
		}
	}
	// 5,000 keys × 3 bits in 4,096 words: ~0.1 % false positives expected
	if fp > 200 {
		t.Errorf("%d of 10000 absent keys pass the filter", fp)
	}
	if New(0).MayHave("a") {
		t.Error("an empty filter has a key")
	}
}
