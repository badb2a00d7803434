package when

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/shared"
	"github.com/dyad-events/dyad/internal/text"
)

// checkExprs verifies the invariants every result of FindText keeps.
func checkExprs(t *testing.T, text string, exprs []Expr) {
	t.Helper()
	prevEnd := 0
	for _, e := range exprs {
		a, z := e.Span[0], e.Span[1]
		if a < prevEnd || z <= a || z > len(text) {
			t.Fatalf("span %v out of order or bounds (len %d, previous end %d)", e.Span, len(text), prevEnd)
		}
		prevEnd = z
		if text[a:z] != e.Text {
			t.Fatalf("span %v holds %q, Text is %q", e.Span, text[a:z], e.Text)
		}
		if !utf8.ValidString(e.Text) && utf8.ValidString(text) {
			t.Fatalf("span %v cuts a rune", e.Span)
		}
		if e.First != -1 || e.Last != -1 {
			t.Fatalf("untagged text gave token range %d..%d", e.First, e.Last)
		}
		switch e.Kind {
		case KindDate, KindDuration, KindSet, KindRef:
		default:
			t.Fatalf("unknown kind %q", e.Kind)
		}
		if (e.Value == "") != (e.Precision == "") || e.Value != "" && e.Kind != KindDate {
			t.Fatalf("value %q with precision %q, kind %q", e.Value, e.Precision, e.Kind)
		}
		if e.Value == "" {
			continue
		}
		tm, ok := e.Time()
		if !ok {
			t.Fatalf("value %q does not parse at precision %s", e.Value, e.Precision)
		}
		if format(fromTime(tm), map[string]prec{"day": pDay, "week": pDay, "month": pMonth, "year": pYear, "decade": pYear}[e.Precision]) != e.Value {
			t.Fatalf("value %q is not a valid %s", e.Value, e.Precision)
		}
		if e.Precision == event.PrecisionWeek && tm.Weekday() != time.Monday {
			t.Fatalf("week value %q is not a Monday", e.Value)
		}
		if e.Precision == event.PrecisionDecade && tm.Year()%10 != 0 {
			t.Fatalf("decade value %q", e.Value)
		}
	}
}

func FuzzFindText(f *testing.F) {
	for _, s := range []string{
		"The ministers met on Tuesday and will meet again on Friday.",
		"In June that year, on July 10, 2023, 10 July 2023, 2023-07-10, Sept. 11, the 1980s, mid-2022.",
		"2023年7月10日，二〇一五年九月三日，去年，三天前，1980年代。",
		"two days ago, last week, next month, a decade ago, Back then, since then, the following year",
		"Feb. 29, 7/4/2023, 25/4/2023, the '90s, 2023/07/10, 2023.07.10",
		"", "2023", "July", "年", "'s", "mid-", "the end of",
	} {
		f.Add(s, int64(1688947200))
	}
	f.Fuzz(func(t *testing.T, s string, unix int64) {
		pub := time.Unix(unix%(400*365*86400), 0).UTC()
		if unix%7 == 0 {
			pub = time.Time{}
		}
		checkExprs(t, s, FindText(s, pub))
	})
}

func TestCheckExprsOnFixtures(t *testing.T) {
	for _, path := range []string{"testdata/fixtures.txt", "testdata/fixtures_zh.txt"} {
		cases, _ := readFixtures(t, path)
		for _, c := range cases {
			for _, l := range c.text {
				checkExprs(t, l, FindText(l, c.pub))
			}
		}
	}
}

// benchCorpus returns up to n dated PolNeAR articles from ../shared.
func benchCorpus(b testing.TB, n int) ([]string, []time.Time) {
	p := shared.TestPath(b, "data", "news", "polnear", "polnear_articles.jsonl.gz")
	f, err := os.Open(p)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(z)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var texts []string
	var pubs []time.Time
	for sc.Scan() && len(texts) < n {
		var a struct {
			Date string `json:"publication_date"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		pub, _ := time.Parse("2006-01-02", a.Date)
		texts = append(texts, a.Text)
		pubs = append(pubs, pub)
	}
	return texts, pubs
}

// BenchmarkFindText measures FindText on 200 PolNeAR articles; tokens/s
// counts internal/text tokens.
func BenchmarkFindText(b *testing.B) {
	texts, pubs := benchCorpus(b, 200)
	toks := 0
	for _, s := range texts {
		toks += len(text.Tokenize(s, 0))
	}
	b.ResetTimer()
	for b.Loop() {
		for i, s := range texts {
			FindText(s, pubs[i])
		}
	}
	b.ReportMetric(float64(toks)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkFind measures Doc.Find on the segmented (untagged) sentences of
// 200 PolNeAR articles.
func BenchmarkFind(b *testing.B) {
	texts, pubs := benchCorpus(b, 200)
	var docs [][]event.Sentence
	toks := 0
	for _, s := range texts {
		ss := text.Segment(s)
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

// FuzzFind runs Find and Governing on the segmented fuzz text with tags
// and a (possibly cyclic, nonsensical) tree drawn from the fuzz bytes:
// nothing may panic or loop, spans stay in the text and token ranges in
// the sentence.
func FuzzFind(f *testing.F) {
	f.Add("The mayor hopes to open the bridge in May. She met the council on Tuesday.", []byte{2, 0, 4, 2, 6, 4, 8, 6, 4})
	f.Add("2023年7月10日，双方将于周五举行会谈。", []byte{1, 1, 1})
	f.Fuzz(func(t *testing.T, s string, tree []byte) {
		xpos := []string{"VBD", "VBZ", "MD", "VB", "VBN", "NNP", "IN", "CD", "", "VBG"}
		rels := []string{"obl", "nmod", "xcomp", "aux", "conj", "root", "compound", "acl:relcl", "", "cop"}
		d := NewDoc(pub)
		for _, sent := range text.Segment(s) {
			n := len(sent.Tokens)
			for k := range sent.Tokens {
				if len(tree) == 0 {
					break
				}
				b := int(tree[k%len(tree)])
				sent.Tokens[k].Head = b % (n + 1)
				sent.Tokens[k].Deprel = rels[b%len(rels)]
				sent.Tokens[k].XPOS = xpos[(b/3)%len(xpos)]
			}
			exprs := d.Find(&sent)
			for _, e := range exprs {
				if e.Span[0] < sent.Start || e.Span[1] > sent.End || e.Span[0] >= e.Span[1] {
					t.Fatalf("span %v outside sentence [%d, %d)", e.Span, sent.Start, sent.End)
				}
				if s[e.Span[0]:e.Span[1]] != e.Text {
					t.Fatalf("span %v holds %q, Text is %q", e.Span, s[e.Span[0]:e.Span[1]], e.Text)
				}
				if e.First > e.Last || e.Last >= n || (e.First < 0) != (e.Last < 0) {
					t.Fatalf("token range %d..%d of %d", e.First, e.Last, n)
				}
			}
			for v := -1; v <= n; v++ {
				Governing(&sent, exprs, v)
			}
		}
	})
}
