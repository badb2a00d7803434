package when

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/shared"
)

// TestSeedParsed runs the seed article through the tagger and parser and
// checks that Find on the parsed sentences gives the same expressions as
// the golden file, and that Governing dates each gold event whose
// sentence states its date with the gold date.
func TestSeedParsed(t *testing.T) {
	text, pub := seedDoc(t)
	p, err := nlp.LoadCoding()
	if err != nil {
		t.Skipf("no models: %v", err)
	}
	sents := p.Annotate(text, 0)
	doc := NewDoc(pub)
	var got []string
	var all []Expr
	bySent := make([][]Expr, len(sents))
	for i := range sents {
		ex := doc.Find(&sents[i])
		bySent[i] = ex
		for _, e := range ex {
			if text[e.Span[0]:e.Span[1]] != e.Text {
				t.Errorf("span %v of %q holds %q", e.Span, e.Text, text[e.Span[0]:e.Span[1]])
			}
			got = append(got, render(e))
			all = append(all, e)
		}
	}
	want := readLines(t, "testdata/seed.golden")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("parsed seed:\n got %q\nwant %q", got, want)
	}

	f, err := os.Open(shared.TestPath(t, "seed", "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	right, total := 0, 0
	for sc.Scan() {
		var g struct {
			ID, Evidence, Precision string
			Date                    *string
		}
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		if g.Date == nil || *g.Date == pub.Format("2006-01-02") {
			continue // no date, or the publication date: not a time expression's
		}
		at := strings.Index(text, g.Evidence)
		if at < 0 {
			t.Errorf("%s: evidence not in the text", g.ID)
			continue
		}
		si := -1
		for i := range sents {
			if sents[i].Start <= at && at < sents[i].End {
				si = i
			}
		}
		if si < 0 || len(bySent[si]) == 0 {
			t.Logf("%s: its sentence states no date (the coder carries it from context)", g.ID)
			continue
		}
		s := &sents[si]
		verb := -1
		for k, tk := range s.Tokens {
			if tk.Start >= at && tk.End <= at+len(g.Evidence) && tk.UPOS == "VERB" {
				verb = k
				break
			}
		}
		total++
		e, ok := Governing(s, bySent[si], verb)
		if ok && e.Value == *g.Date && e.Precision == g.Precision {
			right++
			continue
		}
		vf := ""
		if verb >= 0 {
			vf = s.Tokens[verb].Form
		}
		t.Errorf("%s: Governing(%q) = %q %s %s (ok %v), want %s %s", g.ID, vf, e.Text, e.Value, e.Precision, ok, *g.Date, g.Precision)
	}
	t.Logf("seed gold events dated by Governing: %d/%d", right, total)
}

// BenchmarkFindParsed measures Doc.Find on tagged and parsed sentences
// (50 PolNeAR articles through internal/nlp), where tense comes from the
// tree.
func BenchmarkFindParsed(b *testing.B) {
	p, err := nlp.LoadCoding()
	if err != nil {
		b.Skipf("no models: %v", err)
	}
	texts, pubs := benchCorpus(b, 50)
	var docs [][]event.Sentence
	toks := 0
	for _, s := range texts {
		ss := p.Annotate(s, 0)
		for _, x := range ss {
			toks += len(x.Tokens)
		}
		docs = append(docs, ss)
	}
	b.ResetTimer()
	for b.Loop() {
		for i, ss := range docs {
			d := NewDoc(pubs[i])
			for k := range ss {
				d.Find(&ss[k])
			}
		}
	}
	b.ReportMetric(float64(toks)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// TestParsedFixtures runs the fixture files through the tagger and parser
// and measures Find on the parsed sentences (tense from the trees). The
// models change as they are retrained, so it holds the result to a floor
// and logs each miss rather than requiring every line.
func TestParsedFixtures(t *testing.T) {
	p, err := nlp.LoadCoding()
	if err != nil {
		t.Skipf("no models: %v", err)
	}
	for _, path := range []string{"testdata/fixtures.txt", "testdata/fixtures_zh.txt", "testdata/unseen.txt", "testdata/unseen2.txt", "testdata/unseen3.txt"} {
		cases, _ := readFixtures(t, path)
		pass, n := 0, 0
		for _, c := range cases {
			txt := strings.Join(c.text, "\n")
			d := NewDoc(c.pub)
			var got []string
			for _, s := range p.Annotate(txt, 0) {
				for _, e := range d.Find(&s) {
					got = append(got, render(e))
				}
			}
			n += max(len(got), len(c.want))
			for i := range min(len(got), len(c.want)) {
				if got[i] == c.want[i] {
					pass++
				}
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Logf("%s:%d: %q\n got: %q\nwant: %q", path, c.line, txt, got, c.want)
			}
		}
		t.Logf("%s, parsed: %d/%d expressions right", path, pass, n)
		if float64(pass) < 0.9*float64(n) {
			t.Errorf("%s, parsed: %d/%d right, below the 90%% floor", path, pass, n)
		}
	}
}
