package coder

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dyad-events/dyad/event"
)

// Gold is one event of an article gold file (the format of the seed's
// gold.jsonl): the evidence is a substring of the sentence that states it.
type Gold struct {
	ID         string   `json:"id"`
	Evidence   string   `json:"evidence"`
	Source     string   `json:"source"` // ISO alpha-3 or organization short name
	SourceRole string   `json:"source_role"`
	Target     string   `json:"target"`
	Root       string   `json:"root"`
	Codes      []string `json:"codes"`
	AltRoots   []string `json:"alt_roots"`
	Date       *string  `json:"date"` // nil: the text gives no date
	Precision  string   `json:"precision"`
	Modality   string   `json:"modality"`
	Symmetric  bool     `json:"symmetric"`
	Optional   bool     `json:"optional"`
}

// ReadGold reads a gold file, one JSON object a line.
func ReadGold(r io.Reader) ([]Gold, error) {
	var out []Gold
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	ln := 0
	for sc.Scan() {
		ln++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var g Gold
		if err := json.Unmarshal([]byte(line), &g); err != nil {
			return nil, fmt.Errorf("line %d: %w", ln, err)
		}
		if g.Evidence == "" || g.Source == "" || g.Target == "" || g.Root == "" {
			return nil, fmt.Errorf("line %d: evidence, source, target and root are required", ln)
		}
		out = append(out, g)
	}
	return out, sc.Err()
}

// Score is the result of scoring coded events against gold events.
type Score struct {
	Gold, Required   int // gold events; those not optional
	Found, FoundReq  int // gold events matched; non-optional ones matched
	Predicted        int // predictions scored (negated/hypothetical left out unless All)
	TP, FP           int
	Restated         int // unmatched predictions restating a matched gold event (same pair, root); counted as FP
	ExactCode        int // matched with a code among the gold's codes
	DateRight        int // matched with the right date (gold null: any)
	ModalityRight    int
	Misses, FalsePos []string // descriptions, for the report
}

// Add sums scores.
func (s *Score) Add(o Score) {
	s.Gold += o.Gold
	s.Required += o.Required
	s.Found += o.Found
	s.FoundReq += o.FoundReq
	s.Predicted += o.Predicted
	s.TP += o.TP
	s.FP += o.FP
	s.Restated += o.Restated
	s.ExactCode += o.ExactCode
	s.DateRight += o.DateRight
	s.ModalityRight += o.ModalityRight
	s.Misses = append(s.Misses, o.Misses...)
	s.FalsePos = append(s.FalsePos, o.FalsePos...)
}

// Precision is TP / (TP + FP).
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is the share of non-optional gold events found.
func (s Score) Recall() float64 { return ratio(s.FoundReq, s.Required) }

// F1 is the harmonic mean of Precision and Recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Counted reports whether an event counts by default: negated and
// hypothetical events are kept in output but left out of counts.
func Counted(e *event.Event) bool {
	return e.Modality != event.Negated && e.Modality != event.Hypothetical
}

// ScoreArticle scores the events coded from one document against its gold
// events. A gold event is found by a prediction whose evidence overlaps the
// gold evidence (located in the document text), with the same source and
// target (either way round when symmetric) and a root among root and
// alt_roots. all includes negated and hypothetical predictions.
func ScoreArticle(text string, evs []event.Event, gold []Gold, all bool) (Score, error) {
	var sc Score
	var preds []int
	for i := range evs {
		if all || Counted(&evs[i]) {
			preds = append(preds, i)
		}
	}
	sc.Predicted = len(preds)
	used := map[int]bool{}
	matchedGold := map[int]bool{}
	for gi, g := range gold {
		sc.Gold++
		if !g.Optional {
			sc.Required++
		}
		a := strings.Index(text, g.Evidence)
		if a < 0 {
			return sc, fmt.Errorf("gold %s: evidence not found in the text: %q", g.ID, g.Evidence)
		}
		b := a + len(g.Evidence)
		best := -1
		for _, i := range preds {
			e := &evs[i]
			if used[i] || e.Evidence.Span[1] <= a || e.Evidence.Span[0] >= b {
				continue
			}
			if !pairMatches(e, &g) || !rootMatches(e, &g) {
				continue
			}
			if best < 0 || codeIn(e.CAMEO, g.Codes) && !codeIn(evs[best].CAMEO, g.Codes) {
				best = i
			}
		}
		if best < 0 {
			if !g.Optional {
				sc.Misses = append(sc.Misses, fmt.Sprintf("%s %s>%s %s %q", g.ID, g.Source, g.Target, g.Root, g.Evidence))
			}
			continue
		}
		used[best] = true
		matchedGold[gi] = true
		e := &evs[best]
		sc.Found++
		if !g.Optional {
			sc.FoundReq++
		}
		sc.TP++
		if codeIn(e.CAMEO, g.Codes) {
			sc.ExactCode++
		}
		if dateRight(e, &g) {
			sc.DateRight++
		}
		if e.Modality == g.Modality {
			sc.ModalityRight++
		}
	}
	for _, i := range preds {
		if used[i] {
			continue
		}
		e := &evs[i]
		sc.FP++
		restated := false
		for gi := range gold {
			if matchedGold[gi] && pairMatches(e, &gold[gi]) && rootMatches(e, &gold[gi]) {
				restated = true
			}
		}
		tag := ""
		if restated {
			sc.Restated++
			tag = " (restates a gold event)"
		}
		sc.FalsePos = append(sc.FalsePos, fmt.Sprintf("sentence %d %s>%s %s %s %q%s", e.Sentence, actorRoot(e.Source), actorRoot(e.Target), e.CAMEO, e.Modality, e.Evidence.Text, tag))
	}
	return sc, nil
}

func pairMatches(e *event.Event, g *Gold) bool {
	s, t := actorRoot(e.Source), actorRoot(e.Target)
	if s == g.Source && t == g.Target {
		return true
	}
	return g.Symmetric && s == g.Target && t == g.Source
}

func rootMatches(e *event.Event, g *Gold) bool {
	if e.Root == g.Root {
		return true
	}
	for _, r := range g.AltRoots {
		if e.Root == r {
			return true
		}
	}
	return false
}

func codeIn(c string, codes []string) bool {
	for _, x := range codes {
		if x == c {
			return true
		}
	}
	return false
}

// dateRight: a gold event without a date accepts any; else the predicted
// date must equal the gold date or lie inside its period ("2022-04-05"
// inside "2022-04").
func dateRight(e *event.Event, g *Gold) bool {
	if g.Date == nil {
		return true
	}
	return e.Date == *g.Date || strings.HasPrefix(e.Date, *g.Date+"-")
}

// SortedLines returns a copy of xs sorted, for stable reports.
func SortedLines(xs []string) []string {
	out := append([]string(nil), xs...)
	sort.Strings(out)
	return out
}
