package parse

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/golden"
)

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
	golden.Check(t, filepath.Join("testdata", "parsed.conllu"), got.Bytes())
}
