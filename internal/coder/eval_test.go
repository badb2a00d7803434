package coder

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/shared"
	"github.com/dyad-events/dyad/internal/source"
)

// A small article of our own and its gold events.
const evalText = "Brazil hosted talks with Chile in May. Peru and Ecuador signed a border pact in 2019. Critics said Bolivia might attack Peru."

const evalGold = `{"id":"g1","evidence":"hosted talks with Chile","source":"BRA","target":"CHL","root":"04","codes":["043","046"],"date":"2021-05","precision":"month","modality":"asserted"}
{"id":"g2","evidence":"Peru and Ecuador signed a border pact","source":"PER","target":"ECU","root":"05","codes":["057"],"date":"2019","precision":"year","modality":"asserted","symmetric":true}
{"id":"g3","evidence":"Bolivia might attack Peru","source":"BOL","target":"PER","root":"19","codes":["190"],"date":null,"precision":"unknown","modality":"hypothetical","optional":true}
`

func ev(src, tgt, code, date, mod, evidence string) event.Event {
	a := strings.Index(evalText, evidence)
	return event.Event{
		Source: event.Actor{Code: src, Country: src}, Target: event.Actor{Code: tgt, Country: tgt},
		CAMEO: code, Root: code[:2], Date: date, Modality: mod,
		Evidence: event.Evidence{Text: evidence, Span: [2]int{a, a + len(evidence)}},
	}
}

func TestScoreArticle(t *testing.T) {
	gold, err := ReadGold(strings.NewReader(evalGold))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name                                  string
		evs                                   []event.Event
		all                                   bool
		found, foundReq, tp, fp, exact, dates int
		modal, restated                       int
	}{
		{"perfect", []event.Event{
			ev("BRA", "CHL", "046", "2021-05", "asserted", "hosted"),
			ev("PER", "ECU", "057", "2019", "asserted", "signed"),
		}, false, 2, 2, 2, 0, 2, 2, 2, 0},
		{"symmetric reversed, finer date", []event.Event{
			ev("BRA", "CHL", "040", "2021-05-03", "asserted", "talks"),
			ev("ECU", "PER", "057", "2019", "asserted", "signed"),
		}, false, 2, 2, 2, 0, 1, 2, 2, 0},
		{"wrong direction is not symmetric", []event.Event{
			ev("CHL", "BRA", "046", "2021-05", "asserted", "hosted"),
		}, false, 0, 0, 0, 1, 0, 0, 0, 0},
		{"wrong root and restatement", []event.Event{
			ev("BRA", "CHL", "111", "2021-05", "asserted", "hosted"),
			ev("PER", "ECU", "057", "2019", "asserted", "signed"),
			ev("PER", "ECU", "057", "2019", "asserted", "border pact"),
		}, false, 1, 1, 1, 2, 1, 1, 1, 1},
		{"hypothetical left out", []event.Event{
			ev("BOL", "PER", "190", "", "hypothetical", "attack"),
		}, false, 0, 0, 0, 0, 0, 0, 0, 0},
		{"hypothetical counted with all; optional found", []event.Event{
			ev("BOL", "PER", "190", "", "hypothetical", "attack"),
		}, true, 1, 0, 1, 0, 1, 1, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, err := ScoreArticle(evalText, tt.evs, gold, tt.all)
			if err != nil {
				t.Fatal(err)
			}
			got := []int{sc.Found, sc.FoundReq, sc.TP, sc.FP, sc.ExactCode, sc.DateRight, sc.ModalityRight, sc.Restated}
			want := []int{tt.found, tt.foundReq, tt.tp, tt.fp, tt.exact, tt.dates, tt.modal, tt.restated}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("found/req/tp/fp/exact/dates/modality/restated = %v, want %v", got, want)
					break
				}
			}
			if sc.Gold != 3 || sc.Required != 2 {
				t.Errorf("gold %d required %d", sc.Gold, sc.Required)
			}
		})
	}
}

func TestScoreArticleEvidenceMissing(t *testing.T) {
	gold := []Gold{{ID: "x", Evidence: "not in the text", Source: "A", Target: "B", Root: "01"}}
	if _, err := ScoreArticle(evalText, nil, gold, false); err == nil {
		t.Error("no error for evidence missing from the text")
	}
}

func TestReadGoldErrors(t *testing.T) {
	for _, bad := range []string{`{"id":"a"}`, `{"evidence":"x","source":"A","target":"B"`, `[1,2]`} {
		if _, err := ReadGold(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadGold(%q): no error", bad)
		}
	}
}

func TestReadUnitRecords(t *testing.T) {
	const xml = `<Validation><Sentences>
<Sentence date="19950101" id="T-1" category="DEMO">
<EventCoding sourcecode="AAA" targetcode="BBB" eventcode="042"></EventCoding>
<EventCoding sourcecode="BBB" targetcode="AAA" eventcode="043"></EventCoding>
<Text>
Aland visited
 Bestia on Monday.
</Text>
<Parse>(ROOT (S (NP (NNP Aland))))</Parse>
</Sentence>
<Sentence date="19950102" id="T-2"><EventCoding noevents="True"></EventCoding><Text>Nothing happened.</Text></Sentence>
</Sentences></Validation>`
	recs, err := ReadUnitRecords(strings.NewReader(xml))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 {
		t.Fatalf("%d records", len(recs))
	}
	r := recs[0]
	if r.ID != "T-1" || r.Text != "Aland visited Bestia on Monday." || !r.Date.Equal(time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)) ||
		strings.Join(r.Expected, "|") != "AAA>BBB 042|BBB>AAA 043" {
		t.Errorf("record = %+v", r)
	}
	if !recs[1].NoEvents || len(recs[1].Expected) != 0 {
		t.Errorf("record 2 = %+v", recs[1])
	}
}

func TestReadCAMEOExamples(t *testing.T) {
	const csv = "\"\",\"code\",\"name\",\"example\"\n\"1\",\"042\",\"Make a visit\",\"The envoy of Aland went to Bestia\x92s capital. Note: a coder note\"\n\"2\",\"043\",\"Host\",NA\n"
	exs, err := ReadCAMEOExamples(strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	if len(exs) != 1 || exs[0].Code != "042" || exs[0].Text != "The envoy of Aland went to Bestia's capital." {
		t.Errorf("examples = %+v", exs)
	}
}

func FuzzReadGold(f *testing.F) {
	f.Add(evalGold)
	f.Fuzz(func(t *testing.T, s string) {
		gold, err := ReadGold(strings.NewReader(s))
		if err == nil {
			_, _ = ScoreArticle(s, nil, gold, true)
		}
	})
}

func FuzzReadUnitRecords(f *testing.F) {
	f.Add(`<Validation><Sentences><Sentence id="a" date="19950101"><EventCoding sourcecode="A" targetcode="B" eventcode="1"/><Text>x</Text></Sentence></Sentences></Validation>`)
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ReadUnitRecords(strings.NewReader(s))
	})
}

func FuzzReadCAMEOExamples(f *testing.F) {
	f.Add("code,example\n042,A visit.\n")
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ReadCAMEOExamples(strings.NewReader(s))
	})
}

// TestSeedTargets codes the seed article with the whole pipeline and
// checks the targets (recall ≥ 0.9, precision ≥ 0.85, dates
// right for ≥ 0.9 of the found events).
func TestSeedTargets(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the language models")
	}
	article := shared.TestPath(t, "seed", "a-dangerous-trend.txt")
	goldPath := shared.TestPath(t, "seed", "gold.jsonl")
	p, err := LoadPipeline(nil)
	if err != nil {
		t.Fatal(err)
	}
	docs, errs := source.ReadFile(article, source.Options{})
	if len(docs) == 0 {
		t.Fatal(errs)
	}
	f, err := os.Open(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	_, evs := p.CodeDocument(docs[0])
	sc, err := ScoreArticle(docs[0].Text, evs, gold, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("recall %.3f precision %.3f dates %d/%d", sc.Recall(), sc.Precision(), sc.DateRight, sc.Found)
	if sc.Recall() < 0.9 || sc.Precision() < 0.85 || float64(sc.DateRight) < 0.9*float64(sc.Found) {
		t.Errorf("below target: recall %.3f precision %.3f dates %d/%d\nmisses %v\nfalse %v", sc.Recall(), sc.Precision(), sc.DateRight, sc.Found, sc.Misses, sc.FalsePos)
	}
}

func TestDiscards(t *testing.T) {
	d, err := ReadDiscards(strings.NewReader("# comment\nYEARS LATER # note\n+Big_Storm\n\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text            string
		story, sentence bool
	}{
		{"Two years later they met.", false, true},
		{"A big storm hit the coast.", true, true},
		{"The bigstorming crowd met.", false, false},
		{"Ten years latter.", false, false},
	}
	for _, tt := range tests {
		if got := d.StoryDiscarded(tt.text); got != tt.story {
			t.Errorf("StoryDiscarded(%q) = %v", tt.text, got)
		}
		if got := d.SentenceDiscarded(tt.text); got != tt.sentence {
			t.Errorf("SentenceDiscarded(%q) = %v", tt.text, got)
		}
	}
	var nilD *Discards
	if nilD.StoryDiscarded("a big storm") || nilD.SentenceDiscarded("years later") {
		t.Error("nil Discards discards")
	}
}

func FuzzReadDiscards(f *testing.F) {
	f.Add("+A B\nC # x\n")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ReadDiscards(strings.NewReader(s))
		if err == nil {
			d.SentenceDiscarded(s)
		}
	})
}
