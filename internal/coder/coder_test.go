package coder

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/conllu"
)

// testCase is one hand-parsed sentence of testdata/sentences.conllu with
// its mentions, time expressions and expected events.
type testCase struct {
	in     Input
	expect []string
}

func loadCases(t testing.TB, path string) []testCase {
	t.Helper()
	sents, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []testCase
	for i, cs := range sents {
		if len(cs.Tokens) == 0 {
			continue
		}
		s := &event.Sentence{Index: i, Text: cs.Text(), Tokens: cs.Tokens}
		tc := testCase{in: Input{DocID: "test", Sent: s}}
		for _, c := range cs.Comments {
			key, val, ok := strings.Cut(strings.TrimPrefix(c, "# "), " = ")
			if !ok {
				continue
			}
			f := strings.Fields(val)
			switch key {
			case "published":
				tc.in.Published, _ = time.Parse("2006-01-02", val)
			case "mention":
				first, last := span(t, f[0])
				dash := func(s string) string {
					if s == "-" {
						return ""
					}
					return s
				}
				tc.in.Mentions = append(tc.in.Mentions, Mention{First: first, Last: last, Head: last,
					Actor: event.Actor{Text: f[1], Code: f[1], Country: dash(f[2]), Org: dash(f[3]), Role: dash(f[4])}})
			case "time":
				first, last := span(t, f[0])
				tc.in.Times = append(tc.in.Times, TimeExpr{First: first, Last: last, Value: f[1], Precision: f[2]})
			case "expect":
				tc.expect = append(tc.expect, val)
			}
		}
		out = append(out, tc)
	}
	return out
}

func span(t testing.TB, s string) (int, int) {
	a, b, _ := strings.Cut(s, "-")
	x, err1 := strconv.Atoi(a)
	y, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil {
		t.Fatalf("bad span %q", s)
	}
	return x - 1, y - 1
}

func render(evs []event.Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, fmt.Sprintf("%s>%s %s %s %s %s", e.Source.Code, e.Target.Code, e.CAMEO, e.Modality, e.Date, e.Precision))
	}
	sort.Strings(out)
	return out
}

func TestCodeSentences(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range loadCases(t, "testdata/sentences.conllu") {
		t.Run(tc.in.Sent.Text, func(t *testing.T) {
			got := render(c.Code(tc.in))
			want := append([]string(nil), tc.expect...)
			sort.Strings(want)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
		})
	}
}

func TestEventFields(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tc := loadCases(t, "testdata/sentences.conllu")[1] // the planned visit
	evs := c.Code(tc.in)
	if len(evs) != 1 {
		t.Fatalf("got %d events", len(evs))
	}
	e := evs[0]
	if e.CAMEO != "036" || e.Root != "03" || e.Quad != 1 || e.Goldstein != 4 || e.PLOVER != "AGREE" {
		t.Errorf("code fields: root %s quad %d goldstein %v plover %s", e.Root, e.Quad, e.Goldstein, e.PLOVER)
	}
	if e.Evidence.Text != "visit" || e.Published != "2020-04-15" || e.Coder == "" || e.Doc != "test" {
		t.Errorf("evidence %q published %q coder %q doc %q", e.Evidence.Text, e.Published, e.Coder, e.Doc)
	}
}

func TestCompiledRoundTrip(t *testing.T) {
	src := "&DY_X\ta|b_c\nmeet,encounter\t040\tprt=with obj=&DY_X pp=in:talks tgt=pp:in\tdyad\nvisit\t042\tnoun\tdyad\nease,better\t060\tsyn=facilitate\tdyad\n"
	d := NewDictionary()
	if err := ReadCompiled(strings.NewReader(src), d); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := d.WriteCompiled(&b); err != nil {
		t.Fatal(err)
	}
	if b.String() != src {
		t.Errorf("round trip:\n%s\nwant\n%s", b.String(), src)
	}
	if len(d.Verb("encounter")) != 1 || len(d.Noun("visit")) != 1 {
		t.Error("lemmas not indexed")
	}
	if got := d.Verb("meet")[0].rObj[0]; len(got.first) != 2 || len(got.first["b"]) != 1 || got.first["b"][0][0] != "c" {
		t.Errorf("synset not resolved: %v", got.first)
	}
}

func TestReadCompiledErrors(t *testing.T) {
	for _, bad := range []string{"meet\t040\n", "meet\t040\tfoo=bar\tx\n", "meet\t040\tpp=\tx\n", "&X\n"} {
		if err := ReadCompiled(strings.NewReader(bad), NewDictionary()); err == nil {
			t.Errorf("ReadCompiled(%q): no error", bad)
		}
	}
}

func TestReadPetrarch(t *testing.T) {
	src := `&WEAPONRY_
+GUN
+HEAVY_ARMS

--- GATHER [040] ---
GATHER
+COME_TOGETHER [041]
- * &WEAPONRY (FOR +) [072] # own test pattern
- ALLIES * (IN CAPITAL) [043]
- * (WITH +) [---]
- + * GIFTS (FROM $) [070]
- *_ON [095]
- * IFTAR IN ^ + [045]
- DEATH_TOTAL * [224]
`
	d := NewDictionary()
	if err := ReadPetrarch(strings.NewReader(src), d, "t"); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	d.WriteCompiled(&b)
	want := "&WEAPONRY\tgun|heavy_arms\n" +
		"gather\t040\t-\tt\n" +
		"come\t041\tprt=together\tt\n" +
		"gather\t072\tobj=&WEAPONRY pp=for tgt=pp:for\tt\n" +
		"gather\t043\tpre=allies pp=in:capital\tt\n" +
		"gather\t---\tpp=with tgt=pp:with\tt\n" +
		"gather\t070\tobj=gifts pp=from src=pp:from\tt\n" +
		"gather\t095\tprt=on\tt\n" +
		"gather\t045\tobj=iftar pp=in skip=in\tt\n" +
		"gather\t224\tpre=death_total\tt\n" +
		"come\t072\tprt=together obj=&WEAPONRY pp=for tgt=pp:for\tt\n" +
		"come\t043\tprt=together pre=allies pp=in:capital\tt\n" +
		"come\t---\tprt=together pp=with tgt=pp:with\tt\n" +
		"come\t070\tprt=together obj=gifts pp=from src=pp:from\tt\n" +
		"come\t045\tprt=together obj=iftar pp=in skip=in\tt\n" +
		"come\t224\tprt=together pre=death_total\tt\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// A block's verbs listed without a code of their own share a frameless
// pattern marked with the block's name (syn=), as is a pattern whose frame
// has only function words; a verb with its own code, and patterns with a
// frame word, are not marked.
func TestReadPetrarchSynonyms(t *testing.T) {
	src := `--- FACILITATE [060] ---
FACILITATE
EASE
BETTER [051]
- * TIES [054]
- HAVE * [173]
`
	d := NewDictionary()
	if err := ReadPetrarch(strings.NewReader(src), d, "t"); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	d.WriteCompiled(&b)
	want := "facilitate,ease\t060\tsyn=facilitate\tt\n" +
		"better\t051\t-\tt\n" +
		"facilitate,ease,better\t054\tobj=ties\tt\n" +
		"facilitate,ease,better\t173\tpre=have syn=facilitate\tt\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	p := d.Verb("ease")[0]
	if !p.synonymOf("ease", "eased") || p.synonymOf("facilitate", "facilitated") {
		t.Errorf("synonymOf wrong for %v", p)
	}
	q := &Pattern{Syn: "oversee_manage"}
	if q.synonymOf("manage", "managed") || !q.synonymOf("lead", "led") {
		t.Error("a block named by two verbs: both are its own")
	}
}

func TestBuiltinLoads(t *testing.T) {
	d, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() < 20000 {
		t.Errorf("built-in dictionary has %d patterns", d.Len())
	}
	for _, v := range []string{"visit", "sign", "attend", "accuse", "meet"} {
		if len(d.Verb(v)) == 0 {
			t.Errorf("no patterns for %q", v)
		}
	}
}

func FuzzReadPetrarch(f *testing.F) {
	f.Add("--- A [040] ---\nA\n- * (TO +) [042]\n")
	f.Add("&S\n+X_Y\n--- B [---] ---\n+B_UP {} [0]\n- $ * { A B } &S [1]\n")
	f.Fuzz(func(t *testing.T, s string) {
		d := NewDictionary()
		_ = ReadPetrarch(strings.NewReader(s), d, "fuzz")
		var b strings.Builder
		if err := d.WriteCompiled(&b); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzReadCompiled(f *testing.F) {
	f.Add("meet\t040\tprt=with obj=a|b pp=in:x tgt=pp:in\to\n")
	f.Fuzz(func(t *testing.T, s string) {
		_ = ReadCompiled(strings.NewReader(s), NewDictionary())
	})
}

func BenchmarkCode(b *testing.B) {
	c, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	cases := loadCases(b, "testdata/sentences.conllu")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, tc := range cases {
			c.Code(tc.in)
		}
	}
	b.ReportMetric(float64(b.N*len(cases))/b.Elapsed().Seconds(), "sentences/s")
}

// benchText is a paragraph of our own for the pipeline benchmark.
const benchText = `Chile and Peru signed a fisheries agreement in March. Argentina's foreign minister will visit Bolivia next week and hold talks with President Arce. ` +
	`Brazil criticized Venezuela's decision to expel its ambassador. The two countries have not held talks since 2019. ` +
	`Officials said Uruguay is expected to join the trade bloc later this year, while Paraguay refused to sign the accord.`

// BenchmarkCodeDocument measures the whole pipeline (split, tag, parse,
// actors, dates, coding) on one paragraph; sentences/s is per core.
func BenchmarkCodeDocument(b *testing.B) {
	p, err := LoadPipeline(nil)
	if err != nil {
		b.Fatal(err)
	}
	doc := &event.Document{ID: "bench", Text: benchText, Published: time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)}
	n := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sents, _ := p.CodeDocument(doc)
		n += len(sents)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkBuiltin measures compiling the embedded dictionaries.
func BenchmarkBuiltin(b *testing.B) {
	for i := 0; i < b.N; i++ {
		d := NewDictionary()
		if err := ReadCompiled(strings.NewReader(petrarchPat), d); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzCode feeds the coder arbitrary trees (cycles, heads out of range,
// odd relations, overlapping mentions): it must never panic.
func FuzzCode(f *testing.F) {
	f.Add([]byte{3, 1, 0, 2, 5, 1, 7, 2, 0, 9, 4, 3})
	f.Add([]byte("some random bytes for a tree"))
	c, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	words := []string{"Chile", "signed", "a", "pact", "with", "Peru", "and", "visited", "not", "will", "talks", "held", "by", "the", "two", "sides", "which", "that", "in", "2019", "plans", "to", "attend", "threatened", "'s"}
	uposes := []string{"PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "CCONJ", "VERB", "PART", "AUX", "NOUN", "VERB", "ADP", "DET", "NUM", "NOUN", "PRON", "SCONJ", "ADP", "NUM", "VERB", "PART", "VERB", "VERB", "PART"}
	rels := []string{"nsubj", "obj", "obl", "nmod", "case", "conj", "cc", "xcomp", "ccomp", "acl", "acl:relcl", "advcl", "aux", "aux:pass", "nsubj:pass", "advmod", "mark", "det", "root", "appos", "compound", "nmod:poss", "obl:agent", "iobj"}
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) < 2 {
			return
		}
		n := int(b[0])%20 + 1
		s := &event.Sentence{Text: "fuzz"}
		for i := 0; i < n; i++ {
			x := int(b[(i*3+1)%len(b)])
			w := x % len(words)
			s.Tokens = append(s.Tokens, event.Token{
				ID: i + 1, Form: words[w], Lemma: strings.ToLower(words[w]), UPOS: uposes[w], XPOS: []string{"VBD", "VBN", "VBG", "NN", "VBZ"}[x%5],
				Head: int(b[(i*3+2)%len(b)]) % (n + 2), Deprel: rels[int(b[(i*3+3)%len(b)])%len(rels)], Start: -1, End: -1,
			})
		}
		in := Input{Sent: s}
		for i := 0; i+1 < len(b) && len(in.Mentions) < 4; i += 5 {
			a, z := int(b[i])%n, int(b[i+1])%n
			if a > z {
				a, z = z, a
			}
			in.Mentions = append(in.Mentions, Mention{First: a, Last: z, Head: z, Group: int(b[i]) % 3,
				Actor: event.Actor{Code: []string{"CHL", "PER", "", "GOV"}[i%4], Country: "X"}})
			in.Times = append(in.Times, TimeExpr{First: a, Last: z, Value: "2019", Precision: "year"})
		}
		c.Code(in)
		c.Explain(in)
	})
}
