package coder

import (
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad/event"
)

// UnitRecord is one record of PETRARCH's unit-test suite
// (PETR.UnitTest.records.xml): a sentence, its date and the events a
// correct coder finds (none when NoEvents).
type UnitRecord struct {
	ID       string
	Category string
	Date     time.Time
	Text     string
	Expected []string // "SOURCE>TARGET CODE", sorted
	NoEvents bool
}

type xmlValidation struct {
	Sentences []xmlSentence `xml:"Sentences>Sentence"`
}

type xmlSentence struct {
	ID       string `xml:"id,attr"`
	Date     string `xml:"date,attr"`
	Category string `xml:"category,attr"`
	Codings  []struct {
		Source   string `xml:"sourcecode,attr"`
		Target   string `xml:"targetcode,attr"`
		Code     string `xml:"eventcode,attr"`
		NoEvents string `xml:"noevents,attr"`
	} `xml:"EventCoding"`
	Text string `xml:"Text"`
}

// ReadUnitRecords reads the suite; the given parses are ignored (dyad
// parses the text itself).
func ReadUnitRecords(r io.Reader) ([]UnitRecord, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	var v xmlValidation
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("unit records: %w", err)
	}
	var out []UnitRecord
	for _, s := range v.Sentences {
		rec := UnitRecord{ID: s.ID, Category: s.Category, Text: strings.Join(strings.Fields(s.Text), " ")}
		if t, err := time.Parse("20060102", s.Date); err == nil {
			rec.Date = t
		}
		for _, c := range s.Codings {
			if strings.EqualFold(c.NoEvents, "true") {
				rec.NoEvents = true
				continue
			}
			if c.Code == "" {
				continue
			}
			rec.Expected = append(rec.Expected, c.Source+">"+c.Target+" "+c.Code)
		}
		sort.Strings(rec.Expected)
		out = append(out, rec)
	}
	return out, nil
}

// UnitResult is the coding of one unit record.
type UnitResult struct {
	Record UnitRecord
	Got    []string // "SOURCE>TARGET CODE", sorted, duplicates removed
	Right  bool
}

// CodeUnit codes a unit record's text with the pipeline and compares the
// events with the expected ones; all counts negated and hypothetical
// events too (PETRARCH has no modality: its dictionaries code "did not
// clash" with a code of its own).
func (p *Pipeline) CodeUnit(rec UnitRecord, all bool) UnitResult {
	doc := &event.Document{ID: rec.ID, Text: rec.Text, Published: rec.Date}
	_, evs := p.CodeDocument(doc)
	seen := map[string]bool{}
	var got []string
	for i := range evs {
		e := &evs[i]
		if !all && !Counted(e) {
			continue
		}
		k := e.Source.Code + ">" + e.Target.Code + " " + e.CAMEO
		if !seen[k] {
			seen[k] = true
			got = append(got, k)
		}
	}
	sort.Strings(got)
	right := strings.Join(got, "|") == strings.Join(rec.Expected, "|")
	return UnitResult{Record: rec, Got: got, Right: right}
}
