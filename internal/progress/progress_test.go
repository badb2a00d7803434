package progress

import (
	"bytes"
	"testing"
)

// TestSilentWhenPiped: a writer that is not a terminal gets nothing.
func TestSilentWhenPiped(t *testing.T) {
	tests := []struct {
		name  string
		total int64
		bytes bool
	}{
		{"bytes", 1000, true},
		{"items", 10, false},
		{"unknown total", 0, false},
	}
	for _, tc := range tests {
		var buf bytes.Buffer
		r := New(&buf, tc.total, tc.name, tc.bytes)
		r.Add(5)
		r.Describe("x")
		r.Finish()
		if buf.Len() != 0 || r.Active() {
			t.Errorf("%s: wrote %q to a non-terminal", tc.name, buf.String())
		}
	}
	var nilR *Reporter
	nilR.Add(1)
	nilR.Finish()
}
