package tag

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var rewriteGolden = flag.Bool("rewrite", false, "rewrite golden files in testdata/")

// TestGolden tags the sentences of testdata/sentences.txt and compares
// with testdata/sentences.golden (FORM UPOS XPOS LEMMA FEATS per line).
func TestGolden(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join("testdata", "sentences.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		s := sentence(strings.Fields(line)...)
		tg.Tag(s)
		for _, tok := range s.Tokens {
			fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\n", tok.Form, tok.UPOS, tok.XPOS, tok.Lemma, tok.Feats)
		}
		b.WriteString("\n")
	}
	golden := filepath.Join("testdata", "sentences.golden")
	if *rewriteGolden {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Errorf("line %d: got %q, want %q", i+1, gl[i], wl[i])
			}
		}
		if len(gl) != len(wl) {
			t.Errorf("got %d lines, want %d", len(gl), len(wl))
		}
		t.Log("regenerate with -rewrite after a model change and review the diff")
	}
}
