package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/dyad-events/dyad/event"
)

// jsonlKeys maps each field to the keys accepted for it, first match wins
// (the documented key first, then common aliases of other corpora).
var jsonlKeys = map[string][]string{
	"url":       {"url", "link"},
	"title":     {"title", "headline"},
	"text":      {"text", "body", "content"},
	"published": {"published", "publication_date", "date", "datePublished"},
	"outlet":    {"outlet", "publisher", "source", "site"},
	"authors":   {"authors", "author", "byline"},
	"lang":      {"lang", "language"},
	"genre":     {"genre", "section"},
}

// ParseJSONL reads JSON Lines: one article an object with the keys id,
// url, title, text, published, outlet, authors (a list of names or of
// {name, affiliation, role} objects, or one string) and lang. Blank lines
// are skipped. A malformed line is reported with its line number and the
// other lines are still read.
func ParseJSONL(name string, r io.Reader) ([]*event.Document, []error) {
	var docs []*event.Document
	var errs []error
	br := bufio.NewReaderSize(r, 64<<10)
	for line := 1; ; line++ {
		raw, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(raw)) > 0 {
			doc, perr := parseJSONLine(raw)
			if perr != nil {
				errs = append(errs, &Error{File: name, Line: line, Err: perr})
			} else {
				doc.File = fmt.Sprintf("%s:%d", name, line)
				docs = append(docs, doc)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, &Error{File: name, Line: line, Err: err})
			break
		}
	}
	return docs, errs
}

func parseJSONLine(raw []byte) (*event.Document, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("malformed JSON at byte %d: %v", se.Offset, err)
		}
		return nil, fmt.Errorf("malformed JSON: %v", err)
	}
	str := func(field string) (string, error) {
		for _, k := range jsonlKeys[field] {
			v, ok := obj[k]
			if !ok || string(v) == "null" {
				continue
			}
			var s string
			if err := json.Unmarshal(v, &s); err != nil {
				return "", fmt.Errorf("field %q: want a string", k)
			}
			return s, nil
		}
		return "", nil
	}
	text, err := str("text")
	if err != nil {
		return nil, err
	}
	text = normalizeNewlines(text)
	if strings.TrimSpace(text) == "" {
		return nil, errors.New("no text (want a non-empty \"text\" field)")
	}
	doc := &event.Document{Text: text}
	for field, dst := range map[string]*string{"url": &doc.URL, "title": &doc.Title, "outlet": &doc.Outlet, "lang": &doc.Language, "genre": &doc.Genre} {
		s, err := str(field)
		if err != nil {
			return nil, err
		}
		*dst = strings.TrimSpace(s)
	}
	if isNullish(doc.Outlet) {
		doc.Outlet = ""
	}
	if doc.Genre != "" {
		doc.Genre = normalizeGenre(doc.Genre)
	}
	if p, err := str("published"); err != nil {
		return nil, err
	} else if p != "" {
		t, ok := ParseDate(p)
		if !ok {
			return nil, fmt.Errorf("field \"published\": cannot read date %q", p)
		}
		doc.Published = t
	}
	for _, k := range jsonlKeys["authors"] {
		v, ok := obj[k]
		if !ok || string(v) == "null" {
			continue
		}
		authors, err := jsonAuthors(v)
		if err != nil {
			return nil, fmt.Errorf("field %q: %v", k, err)
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
