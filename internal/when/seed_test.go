package when

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/shared"
)

// seedDoc reads the seed article and its publication date from ../shared.
func seedDoc(t testing.TB) (string, time.Time) {
	t.Helper()
	txt, err := os.ReadFile(shared.TestPath(t, "seed", "a-dangerous-trend.txt"))
	if err != nil {
		t.Fatal(err)
	}
	meta, err := os.ReadFile(shared.TestPath(t, "seed", "document.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Published string `json:"published"`
	}
	if err := json.Unmarshal(meta, &doc); err != nil {
		t.Fatal(err)
	}
	pub, err := time.Parse("2006-01-02", doc.Published)
	if err != nil {
		t.Fatal(err)
	}
	return string(txt), pub
}

// TestSeedExpressions checks every time expression found in the seed
// article, in order, against testdata/seed.golden (date phrases and their
// values only; the article itself stays in ../shared).
func TestSeedExpressions(t *testing.T) {
	text, pub := seedDoc(t)
	var got []string
	for _, e := range FindText(text, pub) {
		if text[e.Span[0]:e.Span[1]] != e.Text {
			t.Errorf("span %v of %q holds %q", e.Span, e.Text, text[e.Span[0]:e.Span[1]])
		}
		got = append(got, render(e))
	}
	const golden = "testdata/seed.golden"
	if *rewrite {
		if err := os.WriteFile(golden, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := readLines(t, golden)
	right := 0
	for i := range max(len(got), len(want)) {
		g, w := "", ""
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g == w {
			right++
		} else {
			t.Errorf("expression %d: got %q, want %q", i, g, w)
		}
	}
	t.Logf("seed: %d/%d expressions right", right, max(len(got), len(want)))
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}
