package actor

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad/internal/shared"
)

var rewrite = flag.Bool("rewrite", false, "rewrite data/kb.tsv.gz from ../shared (same as dyad build-dict)")

// TestBuildReproducible compiles the knowledge base from ../shared and the
// curated tables and checks that the result is byte for byte the embedded
// one: the embedded data is what `dyad build-dict` makes from its sources.
func TestBuildReproducible(t *testing.T) {
	dir := shared.TestPath(t, "data", "phoenix")
	var buf bytes.Buffer
	st, err := Build(filepath.Dir(filepath.Dir(dir)), &buf)
	if err != nil {
		t.Fatal(err)
	}
	if *rewrite {
		if err := os.WriteFile("data/kb.tsv.gz", buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote data/kb.tsv.gz: %d entries, %d phrases", st.Lines, st.Phrases)
		return
	}
	if !bytes.Equal(buf.Bytes(), embedded) {
		t.Fatalf("compiled KB (%d bytes) differs from the embedded one (%d bytes): run `dyad build-dict` (or go test -run TestBuildReproducible -rewrite)", buf.Len(), len(embedded))
	}
	if st.ByKind[KindPerson] < 10000 || st.ByKind[KindCountry] < 1000 || st.BySource["curated"] < 400 {
		t.Errorf("suspiciously small KB: %+v", st)
	}
}
