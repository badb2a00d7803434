package source

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/golden"
)

// TestGolden reads every input under testdata/ and compares the
// documents and errors with testdata/golden/NAME.json (regenerate with
// -rewrite and review the diff).
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		if info, err := os.Stat(in); err != nil || info.IsDir() {
			continue
		}
		name := filepath.Base(in)
		t.Run(name, func(t *testing.T) {
			docs, errs := ReadFile(in, Options{})
			got := renderGolden(docs, errs)
			golden.Check(t, filepath.Join("testdata", "golden", name+".json"), got)
		})
	}
}

// goldenDoc is what the golden files record of a document.
type goldenDoc struct {
	File           string         `json:"file"`
	URL            string         `json:"url,omitempty"`
	Outlet         string         `json:"outlet,omitempty"`
	Title          string         `json:"title"`
	Subtitle       string         `json:"subtitle,omitempty"`
	ReprintedFrom  string         `json:"reprinted_from,omitempty"`
	OriginalTitle  string         `json:"original_title,omitempty"`
	Authors        []event.Author `json:"authors,omitempty"`
	Published      string         `json:"published,omitempty"`
	Dateline       string         `json:"dateline,omitempty"`
	Language       string         `json:"language,omitempty"`
	HeaderLanguage string         `json:"header_language,omitempty"`
	Genre          string         `json:"genre,omitempty"`
	BodyHead       string         `json:"body_head"`
	BodyTail       string         `json:"body_tail"`
}

func renderGolden(docs []*event.Document, errs []error) []byte {
	var b bytes.Buffer
	for _, d := range docs {
		g := goldenDoc{File: filepath.Base(d.File), URL: d.URL, Outlet: d.Outlet, Title: d.Title, Subtitle: d.Subtitle,
			ReprintedFrom: d.ReprintedFrom, OriginalTitle: d.OriginalTitle, Authors: d.Authors, Dateline: d.Dateline,
			Language: d.Language, HeaderLanguage: d.HeaderLanguage, Genre: d.Genre}
		if !d.Published.IsZero() {
			g.Published = d.Published.Format(time.DateOnly)
		}
		body := []rune(d.Text[d.BodyStart:d.BodyEnd])
		g.BodyHead = string(body[:min(40, len(body))])
		g.BodyTail = string(body[max(0, len(body)-40):])
		out, _ := json.MarshalIndent(g, "", "  ")
		b.Write(out)
		b.WriteByte('\n')
	}
	for _, e := range errs {
		msg := e.Error()
		if i := strings.Index(msg, "testdata/"); i >= 0 {
			msg = msg[i+len("testdata/"):]
		}
		fmt.Fprintf(&b, "error: %s\n", msg)
	}
	return b.Bytes()
}
