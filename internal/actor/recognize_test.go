package actor

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/text"
)

type fixture struct {
	name string
	date time.Time
	text string
	want []string
	line int
}

func readFixtures(t testing.TB, path string) []fixture {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []fixture
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "== "):
			out = append(out, fixture{name: line[3:], line: n})
		case strings.HasPrefix(line, "date "):
			d, err := time.Parse("2006-01-02", line[5:])
			if err != nil {
				t.Fatalf("%s:%d: %v", path, n, err)
			}
			out[len(out)-1].date = d
		case strings.HasPrefix(line, "text "):
			fx := &out[len(out)-1]
			if fx.text != "" {
				fx.text += " "
			}
			fx.text += line[5:]
		case strings.HasPrefix(line, "want "):
			fx := &out[len(out)-1]
			fx.want = append(fx.want, normWant(line[5:]))
		}
	}
	return out
}

// normWant trims the fields of "text | code | name [| loc]".
func normWant(s string) string {
	f := strings.Split(s, "|")
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	for len(f) < 3 {
		f = append(f, "")
	}
	return strings.Join(f, " | ")
}

// describe renders a mention the way fixtures write it.
func describe(m Mention) string {
	code := m.Code
	if len(m.Refs) > 0 {
		var rs []string
		for _, r := range m.Refs {
			rs = append(rs, r.Code)
		}
		code = "refs=" + strings.Join(rs, "+")
	}
	s := m.Text + " | " + code + " | " + m.Name
	if m.Loc {
		s += " | loc"
	}
	return s
}

func runDoc(kb *KB, txt string, date time.Time) []Mention {
	d := kb.NewDoc(date)
	var out []Mention
	for _, s := range text.Segment(txt) {
		out = append(out, d.Mentions(&s, time.Time{})...)
	}
	return out
}

// TestFixtures runs the recognizer over testdata/fixtures.txt and checks
// every expected mention (text, code, name, location) and that nothing
// else is found.
func TestFixtures(t *testing.T) {
	kb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	fxs := readFixtures(t, "testdata/fixtures.txt")
	if len(fxs) < 20 {
		t.Fatalf("only %d fixtures", len(fxs))
	}
	total, good := 0, 0
	for _, fx := range fxs {
		t.Run(fx.name, func(t *testing.T) {
			var got []string
			for _, m := range runDoc(kb, fx.text, fx.date) {
				got = append(got, normWant(describe(m)))
			}
			have := map[string]int{}
			for _, g := range got {
				have[g]++
			}
			for _, w := range fx.want {
				total++
				if have[w] > 0 {
					have[w]--
					good++
				} else {
					t.Errorf("fixtures.txt:%d: missing %q", fx.line, w)
				}
			}
			for g, n := range have {
				if n > 0 {
					t.Errorf("fixtures.txt:%d: unexpected %q", fx.line, g)
				}
			}
			if t.Failed() {
				t.Logf("got:\n  %s", strings.Join(got, "\n  "))
			}
		})
	}
	t.Logf("fixtures: %d/%d expected mentions found (%.1f%%)", good, total, 100*float64(good)/float64(max(total, 1)))
}

func ExampleDoc_Mentions() {
	kb, err := Load()
	if err != nil {
		panic(err)
	}
	d := kb.NewDoc(time.Date(2023, 3, 1, 0, 0, 0, 0, time.UTC))
	for _, s := range text.Segment("Indian Prime Minister Narendra Modi hosted the G20 foreign ministers.") {
		for _, m := range d.Mentions(&s, time.Time{}) {
			fmt.Printf("%s → %s (%s)\n", m.Text, m.Code, m.Name)
		}
	}
	// Output:
	// Indian Prime Minister Narendra Modi → INDGOV (Narendra Modi)
	// G20 foreign ministers → IGO (G20)
}

// FuzzMentions: any text, tokenized, gives mentions with spans inside the
// text and token indexes inside the sentence, and never a panic.
func FuzzMentions(f *testing.F) {
	f.Add("Japan's Foreign Minister Yoshimasa Hayashi met NATO's chief.", "2022-05-01", []byte{})
	f.Add("the two sides; it; the alliance; non-NATO; U.S.-ROK; Kishida", "2025-12-01", []byte{3, 0, 9, 1})
	f.Add("Meeting of NATO Ministers of Foreign Affairs of the", "1999-01-01", []byte{200, 2, 2, 2})
	f.Add("'s 's Prime Minister", "2020-02-29", []byte{1, 2, 3, 4, 5})
	f.Add("Ana Lopez, Chile's foreign minister, said it would.", "2020-02-29", []byte{9, 1, 7, 7, 4, 7, 1, 7, 0, 11, 9, 11, 9})
	kb, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	rels := []string{"nsubj", "appos", "case", "flat", "compound", "nmod:poss", "obj", "csubj", "root", "nsubj:pass"}
	upos := []string{"PROPN", "NOUN", "ADJ", "PRON", "ADP", "VERB"}
	f.Fuzz(func(t *testing.T, txt, date string, tree []byte) {
		d, err := time.Parse("2006-01-02", date)
		if err != nil {
			d = time.Time{}
		}
		doc := kb.NewDoc(d)
		for _, s := range text.Segment(txt) {
			// an arbitrary, possibly malformed, tree and tags
			for i := range s.Tokens {
				if i < len(tree) {
					b := int(tree[i])
					s.Tokens[i].Head = b % (len(s.Tokens) + 3)
					s.Tokens[i].Deprel = rels[b%len(rels)]
					s.Tokens[i].UPOS = upos[b%len(upos)]
				}
			}
			for _, m := range doc.Mentions(&s, time.Time{}) {
				if m.Span[0] < 0 || m.Span[1] > len(txt) || m.Span[0] > m.Span[1] {
					t.Fatalf("span %v outside text of %d bytes", m.Span, len(txt))
				}
				if m.First < 0 || m.Last >= len(s.Tokens) || m.First > m.Last {
					t.Fatalf("tokens %d..%d outside sentence of %d", m.First, m.Last, len(s.Tokens))
				}
				if m.Text != txt[m.Span[0]:m.Span[1]] {
					t.Fatalf("text %q != span %q", m.Text, txt[m.Span[0]:m.Span[1]])
				}
			}
		}
	})
}

// TestHeldout scores testdata/heldout.txt, fixtures written after the code
// and not tuned to: it reports the share of expected mentions found (the
// recognizer's accuracy on sentences it was not built on) and fails only
// below a floor.
func TestHeldout(t *testing.T) {
	kb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	total, good := 0, 0
	for _, fx := range readFixtures(t, "testdata/heldout.txt") {
		have := map[string]int{}
		var got []string
		for _, m := range runDoc(kb, fx.text, fx.date) {
			d := normWant(describe(m))
			have[d]++
			got = append(got, d)
		}
		for _, w := range fx.want {
			total++
			if have[w] > 0 {
				have[w]--
				good++
			} else {
				t.Logf("heldout.txt:%d: missing %q (got %q)", fx.line, w, got)
			}
		}
	}
	t.Logf("held-out: %d/%d expected mentions found (%.1f%%)", good, total, 100*float64(good)/float64(max(total, 1)))
	if good*10 < total*7 {
		t.Errorf("held-out accuracy %d/%d below 70%%", good, total)
	}
}
