package actor

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/shared"
)

type petrRecords struct {
	Sentences []struct {
		ID     string `xml:"id,attr"`
		Date   string `xml:"date,attr"`
		Coding []struct {
			Source string `xml:"sourcecode,attr"`
			Target string `xml:"targetcode,attr"`
		} `xml:"EventCoding"`
		Text string `xml:"Text"`
	} `xml:"Sentences>Sentence"`
}

// TestPetrarchSuiteActors runs the recognizer, with PETRARCH's own
// validation dictionaries loaded as user dictionaries, over the sentences
// of PETRARCH's unit-test suite (../shared, MIT) and measures how many of
// the expected source and target codes appear among the recognized
// mentions of the record. It exercises LoadPhoenix on a third-party
// dictionary and the recognizer on sentences it was not written for.
func TestPetrarchSuiteActors(t *testing.T) {
	dir := shared.TestPath(t, "data", "validation", "petrarch-unit")
	raw, err := os.ReadFile(filepath.Join(dir, "PETR.UnitTest.records.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var recs petrRecords
	dec := xml.NewDecoder(strings.NewReader(string(raw)))
	dec.Strict = false
	if err := dec.Decode(&recs); err != nil {
		t.Fatal(err)
	}
	kb, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if err := kb.LoadPhoenix(filepath.Join(dir, "PETR.Validate.actors.txt"), filepath.Join(dir, "PETR.Validate.agents.txt")); err != nil {
		t.Fatal(err)
	}
	want, found, records := 0, 0, 0
	for _, r := range recs.Sentences {
		if len(r.Coding) == 0 {
			continue
		}
		date, err := time.Parse("20060102", r.Date)
		if err != nil {
			continue
		}
		records++
		codes := map[string]bool{}
		for _, m := range runDoc(kb, strings.Join(strings.Fields(r.Text), " "), date) {
			for _, a := range mentionActors(m) {
				codes[a.Code] = true
				if a.Country != "" {
					codes[a.Country] = true
				}
			}
		}
		need := map[string]bool{}
		for _, c := range r.Coding {
			for _, code := range []string{c.Source, c.Target} {
				if code != "" && !strings.Contains(code, "---") {
					need[code] = true
				}
			}
		}
		for code := range need {
			want++
			if codes[code] {
				found++
			} else if os.Getenv("DYAD_DEBUG") != "" {
				t.Logf("%s: %s missing; have %v: %s", r.ID, code, codes, strings.Join(strings.Fields(r.Text), " "))
			}
		}
	}
	t.Logf("PETRARCH unit suite: %d records, %d/%d expected actor codes recognized (%.1f%%)", records, found, want, 100*float64(found)/float64(max(want, 1)))
	if records < 150 || float64(found) < 0.5*float64(want) {
		t.Errorf("recognized %d of %d expected actor codes in %d records", found, want, records)
	}
}
