package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/event"
)

// ParseJSONL reads JSON Lines: one article an object with the keys id,
// url, title, text, published, outlet, authors (a list of names or of
// {name, affiliation, role} objects, or one string) and lang. Blank lines
// are skipped. A malformed line is reported with its line number and the
// other lines are still read.
func ParseJSONL(name string, r io.Reader) ([]*event.Document, []error) {
	var j jsonlReader
	br := bufio.NewReaderSize(r, 64<<10)
	for line := 1; ; line++ {
		raw, err := br.ReadBytes('\n')
		j.line(name, line, raw)
		if err == io.EOF {
			break
		}
		if err != nil {
			j.errs = append(j.errs, &Error{File: name, Line: line, Err: err})
			break
		}
	}
	return j.docs, j.errs
}

// parseJSONLData is ParseJSONL over data already in memory: the lines
// are read in place, not copied.
func parseJSONLData(name string, data []byte) ([]*event.Document, []error) {
	var j jsonlReader
	for line := 1; len(data) > 0; line++ {
		raw := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			raw, data = data[:i+1], data[i+1:]
		} else {
			data = nil
		}
		j.line(name, line, raw)
	}
	return j.docs, j.errs
}

// jsonlReader collects the documents and problems of JSON lines.
type jsonlReader struct {
	docs []*event.Document
	errs []error
}

func (j *jsonlReader) line(name string, line int, raw []byte) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return
	}
	doc, err := parseJSONLine(raw)
	if err != nil {
		j.errs = append(j.errs, &Error{File: name, Line: line, Err: err})
		return
	}
	doc.File = name + ":" + strconv.Itoa(line)
	j.docs = append(j.docs, doc)
}

// jsonArticle lists the keys read from a JSON line: the documented key
// of each field first, then common aliases of other corpora.
type jsonArticle struct {
	URL             *string         `json:"url"`
	Link            *string         `json:"link"`
	Title           *string         `json:"title"`
	Headline        *string         `json:"headline"`
	Text            *string         `json:"text"`
	Body            *string         `json:"body"`
	Content         *string         `json:"content"`
	Published       *string         `json:"published"`
	PublicationDate *string         `json:"publication_date"`
	Date            *string         `json:"date"`
	DatePublished   *string         `json:"datePublished"`
	Outlet          *string         `json:"outlet"`
	Publisher       *string         `json:"publisher"`
	Source          *string         `json:"source"`
	Site            *string         `json:"site"`
	Lang            *string         `json:"lang"`
	Language        *string         `json:"language"`
	Genre           *string         `json:"genre"`
	Section         *string         `json:"section"`
	Authors         json.RawMessage `json:"authors"`
	Author          json.RawMessage `json:"author"`
	Byline          json.RawMessage `json:"byline"`
}

func first(ps ...*string) string {
	for _, p := range ps {
		if p != nil {
			return *p
		}
	}
	return ""
}

func parseJSONLine(raw []byte) (*event.Document, error) {
	var a jsonArticle
	if err := decodeArticle(raw, &a); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, fmt.Errorf("malformed JSON at byte %d: %v", se.Offset, err)
		case errors.As(err, &te):
			return nil, fmt.Errorf("field %q: want a %s, not a JSON %s", te.Field, te.Type, te.Value)
		}
		return nil, fmt.Errorf("malformed JSON: %v", err)
	}
	text := normalizeNewlines(first(a.Text, a.Body, a.Content))
	if strings.TrimSpace(text) == "" {
		return nil, errors.New("no text (want a non-empty \"text\" field)")
	}
	doc := &event.Document{
		Text:     text,
		URL:      strings.TrimSpace(first(a.URL, a.Link)),
		Title:    strings.TrimSpace(first(a.Title, a.Headline)),
		Outlet:   strings.TrimSpace(first(a.Outlet, a.Publisher, a.Source, a.Site)),
		Language: langTag(first(a.Lang, a.Language)),
	}
	if isNullish(doc.Outlet) {
		doc.Outlet = ""
	}
	if g := first(a.Genre, a.Section); g != "" {
		doc.Genre = normalizeGenre(g)
	}
	if p := strings.TrimSpace(first(a.Published, a.PublicationDate, a.Date, a.DatePublished)); p != "" {
		t, ok := ParseDate(p)
		if !ok {
			return nil, fmt.Errorf("field \"published\": cannot read date %q", p)
		}
		doc.Published = t
	}
	for _, f := range []struct {
		key string
		v   json.RawMessage
	}{{"authors", a.Authors}, {"author", a.Author}, {"byline", a.Byline}} {
		if len(f.v) == 0 || string(f.v) == "null" {
			continue
		}
		authors, err := jsonAuthors(f.v)
		if err != nil {
			return nil, fmt.Errorf("field %q: %v", f.key, err)
		}
		doc.Authors = authors
		break
	}
	Extract(doc)
	return doc, nil
}

// jsonAuthors accepts "A and B", ["A", "B"] or [{"name": …}, …].
func jsonAuthors(v json.RawMessage) ([]event.Author, error) {
	var one string
	if json.Unmarshal(v, &one) == nil {
		if isNullish(one) {
			return nil, nil
		}
		var out []event.Author
		for _, n := range splitNames(one) {
			out = append(out, event.Author{Name: n})
		}
		return out, nil
	}
	var names []string
	if json.Unmarshal(v, &names) == nil {
		var out []event.Author
		for _, n := range names {
			if n = strings.TrimSpace(n); n != "" {
				out = append(out, event.Author{Name: n})
			}
		}
		return out, nil
	}
	var objs []event.Author
	if err := json.Unmarshal(v, &objs); err != nil {
		return nil, errors.New("want a string, a list of names or a list of {name, affiliation, role}")
	}
	return objs, nil
}

func isNullish(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "none", "null", "n/a", "unknown":
		return true
	}
	return false
}
