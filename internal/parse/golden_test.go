package parse

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/conllu"
)

var rewrite = flag.Bool("rewrite", false, "rewrite the golden files under testdata/")

// TestGolden parses testdata/tagged.conllu (sentences written for this
// test, tags fixed) and compares with testdata/parsed.conllu. After the
// model changes, run `go test -run Golden -rewrite` and review the diff.
func TestGolden(t *testing.T) {
	p := loadOrSkip(t)
	sents, err := conllu.ReadFile(filepath.Join("testdata", "tagged.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range sents {
		s := event.Sentence{Tokens: sents[i].Tokens}
		p.Parse(&s)
		checkTree(t, s.Tokens)
	}
	var got bytes.Buffer
	if err := conllu.Write(&got, sents); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "parsed.conllu")
	if *rewrite {
		if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -rewrite to create it)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("parser output differs from %s; if intended, run go test -run Golden -rewrite and review the diff\n%s", path, got.String())
	}
}
