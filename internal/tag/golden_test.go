package tag

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/golden"
)

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
	golden.Check(t, filepath.Join("testdata", "sentences.golden"), []byte(b.String()))
}
