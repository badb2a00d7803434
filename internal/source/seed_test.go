package source

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/shared"
)

// TestSeedDocument checks that the seed article yields exactly the
// metadata of ../shared/seed/document.json.
func TestSeedDocument(t *testing.T) {
	path := shared.TestPath(t, "seed", "a-dangerous-trend.txt")
	want := readWant(t, shared.TestPath(t, "seed", "document.json"))
	docs, errs := ReadFile(path, Options{})
	if len(errs) > 0 || len(docs) != 1 {
		t.Fatalf("ReadFile: %d docs, errors %v", len(docs), errs)
	}
	got := docs[0]
	check := func(field string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %#v, want %#v", field, got, want)
		}
	}
	check("file", filepath.Base(got.File), want.File)
	check("title", got.Title, want.Title)
	check("subtitle", got.Subtitle, want.Subtitle)
	check("reprinted_from", got.ReprintedFrom, want.ReprintedFrom)
	check("original_title", got.OriginalTitle, want.OriginalTitle)
	check("authors", got.Authors, want.Authors)
	check("published", got.Published.Format("2006-01-02"), want.Published)
	check("language", got.Language, want.Language)
	check("header_language", got.HeaderLanguage, want.HeaderLanguage)
	check("genre", got.Genre, want.Genre)
	body := got.Text[got.BodyStart:got.BodyEnd]
	if !startsWith(body, want.Subtitle) {
		t.Errorf("body starts %q, want the subtitle", body[:min(60, len(body))])
	}
	for _, a := range want.Authors {
		if strings.Contains(body[len(body)-300:], a.Name) {
			t.Errorf("body ends with the bio of %s", a.Name)
		}
	}
}

func startsWith(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

type wantDoc struct {
	File           string         `json:"file"`
	Title          string         `json:"title"`
	Subtitle       string         `json:"subtitle"`
	ReprintedFrom  string         `json:"reprinted_from"`
	OriginalTitle  string         `json:"original_title"`
	Authors        []event.Author `json:"authors"`
	Published      string         `json:"published"`
	Language       string         `json:"language"`
	HeaderLanguage string         `json:"header_language"`
	Genre          string         `json:"genre"`
}

func readWant(t *testing.T, path string) wantDoc {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var w wantDoc
	if err := json.Unmarshal(data, &w); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return w
}
