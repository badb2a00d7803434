package coder

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dyad-events/dyad/event"
)

// Example is one example sentence of the CAMEO codebook table
// (cameo-codes.csv: code, name, …, example) with its code.
type Example struct {
	Code, Text string
}

// ReadCAMEOExamples reads the examples of a CAMEO code table in the
// andybega/icews cameo-codes.csv layout. Bytes that are not ASCII are
// mis-decoded punctuation in that file (curly apostrophes): each run of
// them becomes an apostrophe. Trailing coder notes ("Note: …") are cut.
func ReadCAMEOExamples(r io.Reader) ([]Example, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("cameo examples: %w", err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("cameo examples: empty file")
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	ci, okc := col["code"]
	ei, oke := col["example"]
	if !okc || !oke {
		return nil, fmt.Errorf("cameo examples: need columns code and example")
	}
	var out []Example
	for _, rec := range recs[1:] {
		if ci >= len(rec) || ei >= len(rec) {
			continue
		}
		text := strings.TrimSpace(asciiApostrophes(rec[ei]))
		if text == "" || text == "NA" {
			continue
		}
		if i := strings.Index(text, " Note:"); i > 0 {
			text = strings.TrimSpace(text[:i])
		}
		out = append(out, Example{Code: strings.TrimSpace(rec[ci]), Text: text})
	}
	return out, nil
}

func asciiApostrophes(s string) string {
	var b strings.Builder
	in := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			if !in {
				b.WriteByte('\'')
			}
			in = true
			continue
		}
		in = false
		b.WriteByte(c)
	}
	return b.String()
}

// ExampleResult is the coding of one example sentence.
type ExampleResult struct {
	Example
	Got       []string // CAMEO codes of the events found (all modalities)
	RootRight bool     // an event with the example's root
	CodeRight bool     // an event with the example's code
}

// CodeExample codes an example sentence (dated by published, any date).
func (p *Pipeline) CodeExample(ex Example, published time.Time) ExampleResult {
	doc := &event.Document{ID: "example", Text: ex.Text, Published: published}
	_, evs := p.CodeDocument(doc)
	res := ExampleResult{Example: ex}
	root := ex.Code
	if len(root) > 2 {
		root = root[:2]
	}
	for _, e := range evs {
		res.Got = append(res.Got, e.CAMEO)
		if e.Root == root {
			res.RootRight = true
		}
		if e.CAMEO == ex.Code {
			res.CodeRight = true
		}
	}
	return res
}
