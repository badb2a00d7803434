// Package golden compares a test's output with a golden file under
// testdata/ and, when the test runs with -rewrite, writes the output
// there instead, to be reviewed as a diff:
//
//	golden.Check(t, filepath.Join("testdata", "parsed.conllu"), got)
//
//	go test ./internal/parse -run Golden -rewrite && git diff
//
// It registers the -rewrite flag: a test package that imports it must
// not define its own.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var rewrite = flag.Bool("rewrite", false, "rewrite the golden files under testdata/ with the current output")

// Rewriting reports whether the test runs with -rewrite.
func Rewriting() bool { return *rewrite }

// maxDiffLines bounds the differing lines a failure lists.
const maxDiffLines = 20

// Check compares got with the file at path and reports the lines that
// differ; with -rewrite it writes got to path (creating its folder).
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *rewrite {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -rewrite in its folder to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (if intended, run go test -rewrite in its folder and review the diff):\n%s", path, Diff(got, want))
	}
}

// Diff lists the lines in which got and want differ, numbered from 1, at
// most maxDiffLines of them; "" when they are equal.
func Diff(got, want []byte) string {
	if bytes.Equal(got, want) {
		return ""
	}
	gl := strings.Split(string(got), "\n")
	wl := strings.Split(string(want), "\n")
	var b strings.Builder
	n := 0
	for i := 0; i < max(len(gl), len(wl)); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g == w && i < len(gl) && i < len(wl) {
			continue
		}
		if n == maxDiffLines {
			b.WriteString("…\n")
			break
		}
		n++
		switch {
		case i >= len(gl):
			fmt.Fprintf(&b, "line %d: missing, want %q\n", i+1, w)
		case i >= len(wl):
			fmt.Fprintf(&b, "line %d: got %q, not in the golden file\n", i+1, g)
		default:
			fmt.Fprintf(&b, "line %d: got %q, want %q\n", i+1, g, w)
		}
	}
	if len(gl) != len(wl) {
		fmt.Fprintf(&b, "%d lines, want %d\n", len(gl), len(wl))
	}
	return b.String()
}
