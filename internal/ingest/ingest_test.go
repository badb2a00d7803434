package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/shared"
	"github.com/dyad-events/dyad/internal/source"
	"github.com/dyad-events/dyad/internal/store"
)

func openStore(t testing.TB) *store.Store {
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestRun: a folder with good and bad inputs; the analyzer's sentences
// and events are stored; a failing analyzer fails only its document.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":       "Bridge opens\n\nThe new bridge over the river opened to traffic on Sunday morning.\n",
		"b.txt":       "Fail me\n\nThis document makes the analyzer fail on purpose.\n",
		"c.jsonl":     `{"title":"Vote","text":"The council voted to raise the budget."}` + "\n" + "{bad\n",
		"d.txt":       "",
		"sub/e.html":  "<html><head><title>Dam</title></head><body><article><p>Engineers finished the dam ahead of the rainy season, the ministry said on Friday in a statement to reporters.</p></article></body></html>",
		"sub/skip.md": "Notes\n\nA markdown file is read as text.\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	analyzer := func(doc *event.Document) ([]event.Sentence, []event.Event, error) {
		if strings.HasPrefix(doc.Title, "Fail") {
			return nil, nil, os.ErrInvalid
		}
		body := doc.Text[doc.BodyStart:doc.BodyEnd]
		return []event.Sentence{{Index: 0, Start: doc.BodyStart, End: doc.BodyEnd, Text: body}},
			[]event.Event{{CAMEO: "010", Root: "01", Date: "2020", Precision: event.PrecisionYear}}, nil
	}
	st := openStore(t)
	sum, err := Run(context.Background(), st, []string{dir}, Options{Analyzer: analyzer, BatchDocs: 2})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Ingested != 4 || sum.Failed() != 3 || sum.Sentences != 4 || sum.Events != 4 || sum.Files != 6 {
		t.Errorf("summary %+v, errors %v", sum, sum.Errors)
	}
	for _, want := range []string{"b.txt: analyze", "c.jsonl:2: malformed JSON", "d.txt: empty file"} {
		found := false
		for _, e := range sum.Errors {
			found = found || strings.Contains(e.Error(), want)
		}
		if !found {
			t.Errorf("no error %q in %v", want, sum.Errors)
		}
	}
	// Running again changes nothing, and only the document that was not
	// stored (its analysis failed) is analysed again.
	var calls []string
	counting := func(doc *event.Document) ([]event.Sentence, []event.Event, error) {
		calls = append(calls, doc.Title)
		return analyzer(doc)
	}
	sum2, _ := Run(context.Background(), st, []string{dir}, Options{Analyzer: counting})
	if sum2.Unchanged != 4 || sum2.Ingested != 0 {
		t.Errorf("second run %+v", sum2)
	}
	if len(calls) != 1 || calls[0] != "Fail me" {
		t.Errorf("second run analysed %q, want only the failed document", calls)
	}
}

// TestWorkers: with several analyzer workers the store gets the same
// documents, in the same order, as with one.
func TestWorkers(t *testing.T) {
	var inputs []Input
	for i := 0; i < 40; i++ {
		inputs = append(inputs, Input{Name: fmt.Sprintf("d%02d.txt", i), Data: []byte(fmt.Sprintf("Story %d\n\nThe council met for session number %d and voted on item %d.\n", i, i, i*3))})
	}
	analyzer := func(doc *event.Document) ([]event.Sentence, []event.Event, error) {
		if strings.Contains(doc.Text, "number 13 ") {
			return nil, nil, os.ErrInvalid
		}
		return nil, []event.Event{{CAMEO: "010", Date: doc.Title}}, nil
	}
	var orders []string
	for _, workers := range []int{1, 4} {
		st := openStore(t)
		sum, err := RunInputs(context.Background(), st, inputs, Options{Analyzer: analyzer, Workers: workers, BatchDocs: 7})
		if err != nil || sum.Ingested != 39 || sum.Failed() != 1 || sum.Events != 39 {
			t.Fatalf("workers %d: %+v %v", workers, sum, err)
		}
		docs, err := st.Documents(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, d := range docs {
			titles = append(titles, d.Title)
		}
		orders = append(orders, strings.Join(titles, ","))
	}
	if orders[0] != orders[1] {
		t.Errorf("order differs:\n%s\n%s", orders[0], orders[1])
	}
}

// TestRunInputs ingests in-memory articles.
func TestRunInputs(t *testing.T) {
	st := openStore(t)
	sum, err := RunInputs(context.Background(), st, []Input{
		{Name: "x.txt", Data: []byte("Harbour\n\nShips returned to the harbour after the storm passed.\n")},
		{Name: "y.jsonl", Data: []byte("{\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n")},
	}, Options{})
	if err != nil || sum.Ingested != 3 || sum.Failed() != 0 {
		t.Errorf("%+v %v", sum, err)
	}
}

// BenchmarkIngest ingests the PolNeAR and BBC corpora (when ../shared
// has them) into a fresh store per iteration; MB/s is of document text.
func BenchmarkIngest(b *testing.B) {
	benchIngest(b, benchPaths(b))
}

// BenchmarkIngestReuters ingests two of the Reuters-21578 SGML files.
func BenchmarkIngestReuters(b *testing.B) {
	var paths []string
	for _, f := range []string{"reut2-000.sgm.gz", "reut2-001.sgm.gz", "reut2-002.sgm.gz", "reut2-003.sgm.gz", "reut2-004.sgm.gz", "reut2-005.sgm.gz"} {
		paths = append(paths, shared.TestPath(b, "data", "news", "reuters21578", f))
	}
	benchIngest(b, paths)
}

// BenchmarkIngestRead is the reading stage of BenchmarkIngest alone:
// gunzip, JSON, metadata extraction, IDs and language detection.
func BenchmarkIngestRead(b *testing.B) {
	paths := benchPaths(b)
	var text int64
	for i := 0; i < b.N; i++ {
		text = 0
		for _, p := range paths {
			docs, errs := source.ReadFile(p, source.Options{})
			if len(errs) > 0 {
				b.Fatal(errs)
			}
			for _, d := range docs {
				text += int64(len(d.Text))
			}
		}
	}
	b.SetBytes(text)
}

// BenchmarkIngestStore is the storing stage of BenchmarkIngest alone:
// the documents, read once beforehand, are stored in batches of 1000
// into a fresh store per iteration (near-duplicate detection, appenders,
// commits and the checkpoint on Close).
func BenchmarkIngestStore(b *testing.B) {
	var docs []*event.Document
	var text int64
	for _, p := range benchPaths(b) {
		ds, errs := source.ReadFile(p, source.Options{})
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		for _, d := range ds {
			text += int64(len(d.Text))
		}
		docs = append(docs, ds...)
	}
	b.SetBytes(text)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st, err := store.Open(filepath.Join(b.TempDir(), "b.db"))
		if err != nil {
			b.Fatal(err)
		}
		for k := 0; k < len(docs); k += 1000 {
			var items []store.Item
			for _, d := range docs[k:min(k+1000, len(docs))] {
				c := *d
				items = append(items, store.Item{Doc: &c})
			}
			if _, errs := st.AddDocuments(context.Background(), items); errors.Join(errs...) != nil {
				b.Fatal(errors.Join(errs...))
			}
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

func benchPaths(b *testing.B) []string {
	var paths []string
	for _, p := range [][]string{{"data", "news", "polnear", "polnear_articles.jsonl.gz"}, {"data", "news", "bbc", "bbc_articles.jsonl.gz"}} {
		paths = append(paths, shared.TestPath(b, p...))
	}
	return paths
}

func benchIngest(b *testing.B, paths []string) {
	var text int64
	for i := 0; i < b.N; i++ {
		st, err := store.Open(filepath.Join(b.TempDir(), "b.db"))
		if err != nil {
			b.Fatal(err)
		}
		sum, err := Run(context.Background(), st, paths, Options{})
		st.Close()
		if err != nil || sum.Failed() > 0 {
			b.Fatal(err, sum.Errors)
		}
		text = sum.TextBytes
	}
	b.SetBytes(text)
}

// TestRunCancelled: a cancelled run stops before storing more files and
// says why.
func TestRunCancelled(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 3; i++ {
		text := fmt.Sprintf("Harbour %d\n\nShips number %d returned to the harbour after the storm.\n", i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	sum, err := Run(ctx, openStore(t), []string{dir}, Options{})
	if !errors.Is(err, context.Canceled) || sum.Ingested != 0 {
		t.Errorf("cancelled run: %+v, %v", sum, err)
	}
}
