package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/lexicon"
)

// TestBuildLexiconCommand compiles a tiny invented WordNet folder.
func TestBuildLexiconCommand(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"index.noun": "cat n 1 1 @ 1 0 00000001  \n", "index.verb": "walk v 1 1 @ 1 1 00000002  \n",
		"index.adj": "", "index.adv": "",
		"data.noun": "00000001 05 n 01 cat 0 000 | gloss\n", "data.verb": "", "data.adj": "", "data.adv": "",
		"noun.exc": "", "verb.exc": "walked walk\n", "adj.exc": "", "adv.exc": "",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "lex.tsv.gz")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"build-lexicon", "--wordnet", dir, "--out", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "3 words (2 lemmas, 1 exception forms") {
		t.Errorf("report %q", stdout.String())
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	l, err := lexicon.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Lookup([]byte("cats")); got&lexicon.Plural == 0 {
		t.Errorf("cats: %s", got)
	}
	stderr.Reset()
	if code := run([]string{"build-lexicon", "--wordnet", filepath.Join(dir, "none"), "--out", out}, &stdout, &stderr); code == 0 || !strings.Contains(stderr.String(), "index.noun") {
		t.Errorf("missing folder: exit %d, %q", code, stderr.String())
	}
}
