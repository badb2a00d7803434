package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/event"
)

// article builds a news-like text of n sentences about topic: words
// drawn at random (seeded by the topic), so that different topics share
// few shingles.
func article(topic string, n int) string {
	seed := uint64(0)
	for _, c := range topic {
		seed = seed*31 + uint64(c)
	}
	rng := rand.New(rand.NewPCG(seed, 7))
	words := strings.Fields("minister talks treaty border troops summit said agreed would next week after both sides new framework trade security cooperation region officials reporters monday envoy sanctions vote council leaders signed warned")
	var b strings.Builder
	fmt.Fprintf(&b, "%s talks resume\n", topic)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%s", topic)
		for k := 0; k < 15; k++ {
			b.WriteString(" " + words[rng.IntN(len(words))])
		}
		b.WriteString(". ")
	}
	return b.String()
}

func doc(id, text string) *event.Document {
	return &event.Document{ID: id, File: id + ".txt", Title: "T " + id, Text: text, BodyStart: 0, BodyEnd: len(text),
		Published: time.Date(2018, 4, 27, 0, 0, 0, 0, time.UTC), Language: "en",
		Authors: []event.Author{{Name: "Ann Author", Affiliation: "Some Institute", Role: "fellow"}}}
}

func ev(cameo, src, tgt, date string) event.Event {
	return event.Event{CAMEO: cameo, Root: cameo[:2], Source: event.Actor{Code: src, Country: src}, Target: event.Actor{Code: tgt, Country: tgt},
		Date: date, Precision: event.PrecisionDay, Modality: event.Asserted, Quad: 1, Goldstein: 3.5, Evidence: event.Evidence{Text: "met", Span: [2]int{5, 8}}}
}

func open(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "t.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func TestAddDocument(t *testing.T) {
	ctx := context.Background()
	s, path := open(t)
	base := article("Korea", 12)
	reprint := "Reprinted with permission\n" + base + " A closing line added by the second outlet."
	other := article("Iran", 12)
	sents := []event.Sentence{{Index: 0, Start: 0, End: 10, Text: "Korea talk", Tokens: []event.Token{{ID: 1, Form: "Korea", Start: 0, End: 5}}}}
	steps := []struct {
		name     string
		doc      *event.Document
		evs      []event.Event
		status   Status
		dupOf    string
		mentions int
	}{
		{"new", doc("a1", base), []event.Event{ev("036", "KOR", "PRK", "2018-04-27"), ev("057", "KOR", "PRK", "2018-04-27")}, Added, "", 0},
		{"same id again", doc("a1", base), nil, Unchanged, "", 0},
		{"near duplicate", doc("b2", reprint), []event.Event{ev("036", "KOR", "PRK", "2018-04-27"), ev("010", "USA", "KOR", "")}, Duplicate, "a1", 1},
		{"duplicate again", doc("b2", reprint), nil, Unchanged, "a1", 0},
		{"different article", doc("c3", other), nil, Added, "", 0},
	}
	for _, st := range steps {
		res, err := s.AddDocument(ctx, st.doc, sents, st.evs)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if res.Status != st.status || res.DuplicateOf != st.dupOf || res.Mentions != st.mentions {
			t.Errorf("%s: got %+v, want status %s dup %q mentions %d", st.name, res, st.status, st.dupOf, st.mentions)
		}
	}
	c, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Counts{Documents: 3, Duplicates: 1, Sentences: 2, Events: 2, Mentions: 3}); c != want {
		t.Errorf("counts = %+v, want %+v", c, want)
	}
	evs, err := s.Events(ctx, EventFilter{Actor: "PRK", CAMEO: "03"})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].Mentions != 2 || evs[0].Doc != "a1" || evs[0].Published != "2018-04-27" || evs[0].Evidence.Span != [2]int{5, 8} {
		t.Errorf("events = %+v", evs)
	}
	// Reopen: everything persists, the schema is not migrated twice, and
	// the near-duplicate index is rebuilt from the file.
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	var versions int
	if err := s2.DB().QueryRow(`SELECT count(*) FROM schema_version`).Scan(&versions); err != nil || versions != SchemaVersion {
		t.Errorf("schema_version rows = %d (%v), want %d", versions, err, SchemaVersion)
	}
	res, err := s2.AddDocument(ctx, doc("d4", base+" One more sentence."), nil, nil)
	if err != nil || res.Status != Duplicate || res.DuplicateOf != "a1" {
		t.Errorf("after reopen: %+v, %v", res, err)
	}
	d, err := s2.Document(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != base || d.Authors[0].Role != "fellow" || !d.Published.Equal(time.Date(2018, 4, 27, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("document a1 = %+v", d)
	}
	got, err := s2.Sentences(ctx, "a1")
	if err != nil || len(got) != 1 || got[0].Tokens[0].Form != "Korea" {
		t.Errorf("sentences = %+v, %v", got, err)
	}
	docs, err := s2.Documents(ctx)
	if err != nil || len(docs) != 4 {
		t.Errorf("documents: %d, %v", len(docs), err)
	}
}

func TestDocumentPrefix(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	for _, id := range []string{"abc1", "abc2", "abd3"} {
		if _, err := s.AddDocument(ctx, doc(id, "short text "+id), nil, nil); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		prefix, want, err string
	}{
		{"abd", "abd3", ""},
		{"abc1", "abc1", ""},
		{"abc", "", "ambiguous"},
		{"zz", "", "no such document"},
	}
	for _, tc := range tests {
		d, err := s.Document(ctx, tc.prefix)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("Document(%q) error = %v, want %q", tc.prefix, err, tc.err)
			}
			continue
		}
		if err != nil || d.ID != tc.want {
			t.Errorf("Document(%q) = %v, %v; want %s", tc.prefix, d, err, tc.want)
		}
	}
}

// TestAtomic: a document whose sentences cannot be stored (a repeated
// index, refused after the document's row was written) leaves nothing
// behind.
func TestAtomic(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	bad := []event.Sentence{{Index: 0, Text: "a"}, {Index: 0, Text: "b"}}
	if _, err := s.AddDocument(ctx, doc("x1", article("Cuba", 10)), bad, nil); err == nil {
		t.Fatal("AddDocument with a repeated sentence index succeeded")
	}
	c, err := s.Counts(ctx)
	if err != nil || c != (Counts{}) {
		t.Errorf("after failed add: %+v, %v", c, err)
	}
	if _, err := s.AddDocument(ctx, doc("x1", article("Cuba", 10)), bad[:1], nil); err != nil {
		t.Errorf("retry: %v", err)
	}
	// indexes need not come in order, only be distinct
	unordered := []event.Sentence{{Index: 2, Text: "c"}, {Index: 0, Text: "a"}, {Index: 1, Text: "b"}}
	if _, err := s.AddDocument(ctx, doc("x2", article("Laos", 10)), append(unordered, event.Sentence{Index: 2}), nil); err == nil {
		t.Error("AddDocument with a repeated sentence index out of order succeeded")
	}
	if _, err := s.AddDocument(ctx, doc("x2", article("Laos", 10)), unordered, nil); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Sentences(ctx, "x2"); err != nil || len(got) != 3 || got[0].Text != "a" || got[2].Text != "c" {
		t.Errorf("sentences in index order: %+v, %v", got, err)
	}
}

func TestSimHash(t *testing.T) {
	a := article("Finland", 20)
	tests := []struct {
		name    string
		b       string
		maxDist int
		minDist int
	}{
		{"identical", a, 0, 0},
		{"one word changed", strings.Replace(a, " talks ", " negotiations ", 2), MaxHamming, 0},
		{"unrelated", "Markets fell sharply as oil prices rose and investors sold shares in banks across Europe and Asia " + strings.Repeat("on a busy trading day with heavy volume ", 5), 64, MaxHamming + 1},
	}
	ha, _ := SimHash(a)
	for _, tc := range tests {
		hb, _ := SimHash(tc.b)
		if d := Hamming(ha, hb); d > tc.maxDist || d < tc.minDist {
			t.Errorf("%s: distance %d, want %d..%d", tc.name, d, tc.minDist, tc.maxDist)
		}
	}
}

// TestAddDocumentsFallback: a batch with one bad document stores the
// others, and a near-duplicate inside the batch is linked to its first copy.
func TestAddDocumentsFallback(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	bad := []event.Sentence{{Index: 0, Text: "a"}, {Index: 0, Text: "b"}}
	base := article("Sweden", 15)
	items := []Item{
		{Doc: doc("k1", base)},
		{Doc: doc("k2", article("Chile", 15)), Sentences: bad},
		{Doc: doc("k3", base+" An extra closing remark.")},
	}
	res, errs := s.AddDocuments(ctx, items)
	if errs[0] != nil || errs[1] == nil || errs[2] != nil {
		t.Fatalf("errors = %v", errs)
	}
	if res[0].Status != Added || res[2].Status != Duplicate || res[2].DuplicateOf != "k1" {
		t.Errorf("results = %+v", res)
	}
	if c, _ := s.Counts(ctx); c.Documents != 2 || c.Duplicates != 1 {
		t.Errorf("counts = %+v", c)
	}
}

// BenchmarkAddDocument: one transaction per ~5 KB document.
func BenchmarkAddDocument(b *testing.B) { benchAdd(b, 1) }

// BenchmarkAddDocuments64: batches of 64 documents per transaction.
func BenchmarkAddDocuments64(b *testing.B) { benchAdd(b, 64) }

func benchAdd(b *testing.B, batch int) {
	var items []Item
	ctx := context.Background()
	s, err := Open(filepath.Join(b.TempDir(), "b.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	rng := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("the minister said talks would resume next week after both sides agreed on a new framework for trade and security cooperation in the region officials told reporters on monday")
	randomText := func() string {
		var sb strings.Builder
		for sb.Len() < 5000 {
			sb.WriteString(words[rng.IntN(len(words))])
			sb.WriteByte(' ')
		}
		return sb.String()
	}
	text := randomText()
	sents := make([]event.Sentence, 20)
	for i := range sents {
		sents[i] = event.Sentence{Index: i, Start: i * 10, End: i*10 + 9, Text: "sentence"}
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := doc(fmt.Sprintf("bench%d", i), randomText())
		d.BodyEnd = 0 // whole text
		if batch == 1 {
			if _, err := s.AddDocument(ctx, d, sents, nil); err != nil {
				b.Fatal(err)
			}
			continue
		}
		items = append(items, Item{Doc: d, Sentences: sents})
		if len(items) == batch || i == b.N-1 {
			if _, errs := s.AddDocuments(ctx, items); errors.Join(errs...) != nil {
				b.Fatal(errors.Join(errs...))
			}
			items = items[:0]
		}
	}
}

func BenchmarkSimHash(b *testing.B) {
	text := article("Benchmark", 60)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		SimHash(text)
	}
}

// TestHashedBody: headline, byline and date lines are left out of the
// near-duplicate comparison; sentence paragraphs are kept.
func TestHashedBody(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Headline here\nBy A Writer\nFirst sentence ends.\nSecond one too!\n", "First sentence ends.\nSecond one too!\n"},
		{"One sentence.\n\nAnother sentence.", "One sentence.\n\nAnother sentence."},
		{"Kept first.\nDropped headline\nKept last?", "Kept first.\nKept last?\n"},
		{"no sentence lines\nat all", "no sentence lines\nat all"},
	}
	for _, tc := range tests {
		if got := HashedBody(tc.in); got != tc.want {
			t.Errorf("HashedBody(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestMigrate: a database made by an older dyad (schema v1, with the
// simhash index) is migrated forward on Open and keeps its documents.
func TestMigrate(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	all := migrations
	migrations = []string{all[0] + `; CREATE INDEX documents_simhash ON documents (simhash);`}
	old, err := Open(path)
	migrations = all
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.AddDocument(ctx, doc("m1", article("Peru", 10)), nil, nil); err != nil {
		t.Fatal(err)
	}
	old.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v, idx int
	s.DB().QueryRow(`SELECT max(version) FROM schema_version`).Scan(&v)
	s.DB().QueryRow(`SELECT count(*) FROM duckdb_indexes() WHERE index_name = 'documents_simhash'`).Scan(&idx)
	if v != SchemaVersion || idx != 0 {
		t.Errorf("after migration: version %d (want %d), simhash index present %d", v, SchemaVersion, idx)
	}
	if d, err := s.Document(ctx, "m1"); err != nil || d.Title != "T m1" {
		t.Errorf("document after migration: %v, %v", d, err)
	}
}

// TestThreadsFollowGOMAXPROCS: a process held to one core holds DuckDB
// to one thread.
func TestThreadsFollowGOMAXPROCS(t *testing.T) {
	if runtime.NumCPU() < 2 {
		t.Skip("one CPU: DuckDB's default is already one thread")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	s, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int
	if err := s.DB().QueryRow(`SELECT current_setting('threads')`).Scan(&n); err != nil || n != 1 {
		t.Errorf("threads = %d, %v; want 1", n, err)
	}
}

// TestMigrateSentences: sentences stored by schema v2 (text, tokens as
// tab-separated lines or JSON) read the same after the v3 migration, and
// sentences added after it (text left to the document, binary tokens)
// read back exactly.
func TestMigrateSentences(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v2.db")
	all := migrations
	migrations = all[:2]
	old, err := Open(path)
	migrations = all
	if err != nil {
		t.Fatal(err)
	}
	text := "Yesterday Ministers met. Talks went on."
	if _, err := old.AddDocument(ctx, doc("v2", text), nil, nil); err != nil {
		t.Fatal(err)
	}
	j, _ := json.Marshal(sampleTokens[:1])
	if _, err := old.DB().Exec(`INSERT INTO sentences VALUES ('v2', 0, 10, 24, 'Ministers met.', ?), ('v2', 1, 25, 39, 'Talks went on.', ?)`, sampleTSV, string(j)); err != nil {
		t.Fatal(err)
	}
	old.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Sentences(ctx, "v2")
	want := []event.Sentence{{Index: 0, Start: 10, End: 24, Text: "Ministers met.", Tokens: sampleTokens}, {Index: 1, Start: 25, End: 39, Text: "Talks went on.", Tokens: sampleTokens[:1]}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("v2 sentences after migration: %v\n got %+v\nwant %+v", err, got, want)
	}
	// new rows: one sentence is the text between its offsets, one is not
	text2 := "Peru said on Monday. Then it \u00abagreed\u00bb."
	sents := []event.Sentence{
		{Index: 0, Start: 0, End: 20, Text: text2[:20], Tokens: []event.Token{
			{ID: 1, Form: "Peru", Start: 0, End: 4, SpaceAfter: true, Lemma: "Peru", UPOS: "PROPN", XPOS: "NNP", Feats: "Number=Sing", Head: 2, Deprel: "nsubj"},
			{ID: 2, Form: "said", Start: 5, End: 9, SpaceAfter: true, Lemma: "say", UPOS: "VERB", XPOS: "VBD", Feats: "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin", Deprel: "root"},
			{ID: 3, Form: "on", Start: 10, End: 12, SpaceAfter: true, Lemma: "on", UPOS: "ADP", XPOS: "IN", Feats: "_", Head: 4, Deprel: "case"},
			{ID: 4, Form: "Monday", Start: 13, End: 19, Lemma: "Monday", UPOS: "PROPN", XPOS: "NNP", Feats: "Number=Sing", Head: 2, Deprel: "obl"},
			{ID: 5, Form: ".", Start: 19, End: 20, Lemma: ".", UPOS: "PUNCT", XPOS: ".", Feats: "_", Head: 2, Deprel: "punct"}}},
		{Index: 1, Start: 21, End: len(text2), Text: "Then it \"agreed\".", Tokens: []event.Token{
			{ID: 1, Form: "Then", Start: 21, End: 25, SpaceAfter: true, Lemma: "then", UPOS: "ADV", XPOS: "RB", Feats: "_", Deprel: "_"},
			{ID: 2, Form: "\"", Start: 29, End: 31, Lemma: "\"", UPOS: "PUNCT", XPOS: "``", Feats: "_", Deprel: "_"}}},
	}
	if _, err := s.AddDocument(ctx, doc("v3", text2), sents, nil); err != nil {
		t.Fatal(err)
	}
	var nullText int
	s.DB().QueryRow(`SELECT count(*) FROM sentences WHERE doc = 'v3' AND text IS NULL`).Scan(&nullText)
	if nullText != 1 {
		t.Errorf("sentences stored without their text: %d, want 1", nullText)
	}
	if got, err := s.Sentences(ctx, "v3"); err != nil || !reflect.DeepEqual(got, sents) {
		t.Errorf("v3 sentences: %v\n got %+v\nwant %+v", err, got, sents)
	}
	if got, err := s.Sentences(ctx, "absent"); err != nil || got != nil {
		t.Errorf("sentences of an absent document: %v, %v", got, err)
	}
}
