package text

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var rewrite = flag.Bool("rewrite", false, "rewrite the golden files in testdata/ with the current output")

// goldenCase is one case of a golden file: input text and the expected
// sentences, one per line, tokens separated by spaces.
type goldenCase struct {
	comment  string
	in, want string
}

func readGolden(t *testing.T, path string) []goldenCase {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cases []goldenCase
	for _, block := range strings.Split(string(b), "\n====\n") {
		var c goldenCase
		lines := strings.Split(block, "\n")
		for len(lines) > 0 && strings.HasPrefix(lines[0], "#") {
			c.comment += lines[0] + "\n"
			lines = lines[1:]
		}
		in, want, ok := strings.Cut(strings.Join(lines, "\n"), "\n----\n")
		if !ok {
			in, want, ok = strings.Cut(strings.Join(lines, "\n"), "\n----")
		}
		if !ok {
			t.Fatalf("%s: case without ----: %.60q", path, block)
		}
		c.in, c.want = in, strings.TrimRight(want, "\n")
		cases = append(cases, c)
	}
	return cases
}

func writeGolden(t *testing.T, path string, cases []goldenCase) {
	var b strings.Builder
	for i, c := range cases {
		if i > 0 {
			b.WriteString("====\n")
		}
		b.WriteString(c.comment)
		b.WriteString(c.in)
		b.WriteString("\n----\n")
		b.WriteString(c.want)
		b.WriteString("\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func segmentLines(s string) string {
	var lines []string
	for _, sn := range Segment(s) {
		lines = append(lines, forms(sn.Tokens))
	}
	return strings.Join(lines, "\n")
}

// TestGolden runs the golden files under testdata/: each input is
// segmented and tokenized and compared with the expected sentences.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, f := range files {
		cases := readGolden(t, f)
		changed := false
		for i := range cases {
			c := &cases[i]
			got := segmentLines(c.in)
			if got == c.want {
				continue
			}
			if *rewrite {
				c.want, changed = got, true
				continue
			}
			t.Errorf("%s case %d: %.50q\n got:\n%s\nwant:\n%s", f, i, c.in, got, c.want)
		}
		if changed {
			writeGolden(t, f, cases)
		}
	}
}
