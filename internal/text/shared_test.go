package text

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/shared"
)

// seedSpans are the sentence spans of the seed article, checked by hand:
// the title, the two sentences of the Chinese reprint header (split at
// the ideographic full stops), the subtitle line without final period,
// then the body, including the split after a period with no space
// following it (sentence 6 starts right at the period's end).
var seedSpans = [][2]int{
	{0, 17}, {18, 97}, {97, 262}, {263, 364}, {365, 529}, {530, 641}, {641, 841}, {842, 994},
	{995, 1155}, {1156, 1243}, {1244, 1366}, {1367, 1492}, {1493, 1716}, {1717, 1896},
	{1897, 2012}, {2013, 2158}, {2159, 2370}, {2371, 2437}, {2438, 2481}, {2482, 2600},
	{2601, 2774}, {2775, 2890}, {2891, 2970}, {2971, 3284}, {3285, 3656}, {3657, 3924},
	{3925, 4031}, {4032, 4159}, {4160, 4294}, {4295, 4451}, {4452, 4636}, {4637, 4781},
	{4782, 4977}, {4978, 5253}, {5254, 5573}, {5574, 5757}, {5758, 6000}, {6001, 6078},
	{6079, 6263}, {6264, 6544}, {6545, 6724}, {6725, 6761}, {6762, 6873}, {6874, 6967},
	{6968, 7145}, {7146, 7490}, {7491, 7669}, {7670, 7793}, {7794, 7939},
}

func TestSeedArticle(t *testing.T) {
	p := shared.TestPath(t, "seed", "a-dangerous-trend.txt")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	sents := Segment(s)
	if len(sents) != len(seedSpans) {
		t.Errorf("got %d sentences, want %d", len(sents), len(seedSpans))
	}
	for i := 0; i < len(sents) && i < len(seedSpans); i++ {
		got := [2]int{sents[i].Start, sents[i].End}
		if got != seedSpans[i] {
			t.Errorf("sentence %d span %v, want %v (%.40q)", i, got, seedSpans[i], sents[i].Text)
		}
	}
	// Properties that hold independently of the hand-checked spans.
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	off, li := 0, 0
	starts := map[int]bool{}
	for _, sn := range sents {
		starts[sn.Start] = true
		if strings.Contains(sn.Text, "\n") {
			t.Errorf("sentence %d spans a line break", sn.Index)
		}
		checkTokens(t, s, 0, sn.Tokens)
	}
	for _, l := range lines {
		if l != "" && !starts[off] {
			t.Errorf("line %d does not start a sentence", li)
		}
		off += len(l) + 1
		li++
	}
	// Sentences of body lines (those ending in a period) end in final
	// punctuation or a closing quote after it.
	for _, sn := range sents {
		last := sn.Tokens[len(sn.Tokens)-1].Form
		end := sn.End == len(s) || s[sn.End] == '\n'
		if !end && last != "." && last != "。" && last != `"` {
			t.Errorf("sentence %d ends inside a line after %q", sn.Index, last)
		}
	}
}

func readEWT(t testing.TB, name string) []conllu.Sentence {
	p := shared.TestPath(t, "data", "ud", "english-ewt", name)
	sents, err := conllu.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

// TestEWT measures tokenization and sentence splitting against UD
// English-EWT dev (used for tuning) and test (reported), and fails when
// they fall below floors set a little under the figures reached.
func TestEWT(t *testing.T) {
	for _, c := range []struct {
		file             string
		tokF1, sentF1    float64
		tokExact, sentPr float64
	}{
		{"en_ewt-ud-dev.conllu.gz", 0.991, 0.85, 0.94, 0.89},
		{"en_ewt-ud-test.conllu.gz", 0.989, 0.84, 0.93, 0.89},
	} {
		gold := readEWT(t, c.file)
		tok := EvalTokens(gold)
		sent := EvalSentences(gold)
		t.Logf("%s tokens:    %v", c.file, tok)
		t.Logf("%s sentences: %v", c.file, sent)
		// By genre (the document ID's prefix: answers, email, newsgroup,
		// reviews, weblog).
		genres := map[string][]Document{}
		var names []string
		for _, d := range Documents(gold) {
			g, _, _ := strings.Cut(d.ID, "-")
			if genres[g] == nil {
				names = append(names, g)
			}
			genres[g] = append(genres[g], d)
		}
		sort.Strings(names)
		for _, g := range names {
			t.Logf("%s sentences, %-9s %v", c.file, g+":", EvalDocuments(genres[g]))
		}
		if tok.F1() < c.tokF1 {
			t.Errorf("%s: token F1 %.4f below %.3f", c.file, tok.F1(), c.tokF1)
		}
		if r := ratio(tok.Exact, tok.Units); r < c.tokExact {
			t.Errorf("%s: sentences tokenized exactly %.4f below %.3f", c.file, r, c.tokExact)
		}
		if sent.F1() < c.sentF1 {
			t.Errorf("%s: sentence F1 %.4f below %.3f", c.file, sent.F1(), c.sentF1)
		}
		if sent.Precision() < c.sentPr {
			t.Errorf("%s: sentence precision %.4f below %.3f", c.file, sent.Precision(), c.sentPr)
		}
	}
}

// polnear returns the text of the first n PolNeAR articles (all when n
// <= 0), skipping the benchmark when the corpus is absent.
func polnear(b testing.TB, n int) []string {
	p := shared.TestPath(b, "data", "news", "polnear", "polnear_articles.jsonl.gz")
	f, err := os.Open(p)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(gz)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var texts []string
	for sc.Scan() && (n <= 0 || len(texts) < n) {
		var a struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		texts = append(texts, a.Text)
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return texts
}

// BenchmarkSegment splits and tokenizes the PolNeAR news corpus (1,012
// articles, 4.6 M characters) and reports tokens and sentences per second.
func BenchmarkSegment(b *testing.B) {
	texts := polnear(b, 0)
	var bytes, toks, sents int
	for _, s := range texts {
		bytes += len(s)
		for _, sn := range Segment(s) {
			toks += len(sn.Tokens)
			sents++
		}
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range texts {
			Segment(s)
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(toks)*float64(b.N)/sec, "tokens/s")
	b.ReportMetric(float64(sents)*float64(b.N)/sec, "sents/s")
}

// BenchmarkTokenize tokenizes sentences one at a time (the path the
// parser takes for pre-split input).
func BenchmarkTokenize(b *testing.B) {
	var lines []string
	var toks int
	for _, s := range polnear(b, 200) {
		for _, sn := range Segment(s) {
			lines = append(lines, sn.Text)
			toks += len(sn.Tokens)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, l := range lines {
			Tokenize(l, 0)
		}
	}
	b.ReportMetric(float64(toks)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// TestResegment is a metamorphic test: tokenizing each sentence on its own
// gives the tokens Segment gave it inside the document.
func TestResegment(t *testing.T) {
	texts := polnear(t, 150)
	if p, err := shared.Path("seed", "a-dangerous-trend.txt"); err == nil {
		if b, err := os.ReadFile(p); err == nil {
			texts = append(texts, string(b))
		}
	}
	bad := 0
	for _, s := range texts {
		for _, sn := range Segment(s) {
			toks := Tokenize(sn.Text, sn.Start)
			same := len(toks) == len(sn.Tokens)
			for i := 0; same && i < len(toks); i++ {
				a, b := toks[i], sn.Tokens[i]
				same = a.Form == b.Form && a.Start == b.Start && a.End == b.End
			}
			if !same {
				if bad++; bad <= 5 {
					t.Errorf("sentence %.60q:\n in document %s\n alone       %s", sn.Text, forms(sn.Tokens), forms(toks))
				}
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d sentences tokenize differently on their own", bad)
	}
}

// TestGUM measures the tokenizer and splitter out of domain on UD
// English-GUM dev and test (evaluation only: GUM is CC BY-NC-SA and never
// used for tuning), overall and for the news genre.
func TestGUM(t *testing.T) {
	for _, c := range []struct {
		file          string
		tokF1, sentF1 float64
	}{
		{"en_gum-ud-dev.conllu.gz", 0.993, 0.91},
		{"en_gum-ud-test.conllu.gz", 0.992, 0.92},
	} {
		p := shared.TestPath(t, "data", "ud", "english-gum", c.file)
		gold, err := conllu.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		tok := EvalTokens(gold)
		docs := Documents(gold)
		sent := EvalDocuments(docs)
		var news []Document
		for _, d := range docs {
			if strings.HasPrefix(d.ID, "GUM_news_") {
				news = append(news, d)
			}
		}
		t.Logf("%s tokens:          %v", c.file, tok)
		t.Logf("%s sentences:       %v", c.file, sent)
		t.Logf("%s sentences, news: %v", c.file, EvalDocuments(news))
		if tok.F1() < c.tokF1 {
			t.Errorf("%s: token F1 %.4f below %.3f", c.file, tok.F1(), c.tokF1)
		}
		if sent.F1() < c.sentF1 {
			t.Errorf("%s: sentence F1 %.4f below %.3f", c.file, sent.F1(), c.sentF1)
		}
	}
}
