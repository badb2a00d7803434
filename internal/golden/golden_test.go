package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	tests := []struct {
		name, got, want string
		has             []string
	}{
		{"equal", "a\nb\n", "a\nb\n", nil},
		{"changed line", "a\nX\nc\n", "a\nb\nc\n", []string{`line 2: got "X", want "b"`}},
		{"missing line", "a\n", "a\nb\n", []string{`line 2: got "", want "b"`, "line 3: missing", "2 lines, want 3"}},
		{"extra line", "a\nb\nc", "a\nb", []string{`line 3: got "c", not in the golden file`, "3 lines, want 2"}},
	}
	for _, tc := range tests {
		d := Diff([]byte(tc.got), []byte(tc.want))
		if (d == "") != (tc.has == nil) {
			t.Errorf("%s: Diff = %q", tc.name, d)
		}
		for _, h := range tc.has {
			if !strings.Contains(d, h) {
				t.Errorf("%s: Diff = %q, want it to hold %q", tc.name, d, h)
			}
		}
	}
	long := strings.Repeat("x\n", 100)
	if d := Diff([]byte(long), []byte(strings.Repeat("y\n", 100))); strings.Count(d, "\n") != maxDiffLines+1 || !strings.HasSuffix(d, "…\n") {
		t.Errorf("long diff not cut after %d lines:\n%s", maxDiffLines, d)
	}
}

// TestCheck: a file equal to the output passes; Check writes the output
// when rewriting.
func TestCheck(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "out.golden")
	old := *rewrite
	defer func() { *rewrite = old }()
	*rewrite = true
	Check(t, path, []byte("one\ntwo\n"))
	b, err := os.ReadFile(path)
	if err != nil || string(b) != "one\ntwo\n" {
		t.Fatalf("rewrite wrote %q, %v", b, err)
	}
	*rewrite = false
	Check(t, path, []byte("one\ntwo\n"))
	if Rewriting() {
		t.Error("Rewriting() with -rewrite off")
	}
}
