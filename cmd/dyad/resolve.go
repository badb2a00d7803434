package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/text"
	"github.com/dyad-events/dyad/internal/when"
)

func init() {
	register("resolve", "find the actors and time expressions of a text (JSON)", runResolve)
}

type resolveActor struct {
	Text    string        `json:"text"`
	Span    [2]int        `json:"span"`
	Code    string        `json:"code"`
	Country string        `json:"country"`
	Org     string        `json:"org"`
	Role    string        `json:"role"`
	Name    string        `json:"name"`
	Kind    string        `json:"kind"`
	Loc     bool          `json:"loc,omitempty"`
	Refs    []event.Actor `json:"refs,omitempty"`
}

type resolveTime struct {
	Text      string `json:"text"`
	Span      [2]int `json:"span"`
	Value     string `json:"value"`
	Precision string `json:"precision"`
}

type resolveOut struct {
	Actors []resolveActor `json:"actors"`
	Times  []resolveTime  `json:"times"`
}

func runResolve(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("resolve", stderr, `--date YYYY-MM-DD [--actors FILE] [--agents FILE] "TEXT" (or TEXT on stdin)`)
	dateFlag := fs.String("date", "", "publication date of the text, YYYY-MM-DD (required)")
	actorsFlag := fs.String("actors", "", "extra actor dictionary in Phoenix/PETRARCH format")
	agentsFlag := fs.String("agents", "", "extra agents (roles) dictionary in Phoenix/PETRARCH format")
	noParse := fs.Bool("no-parse", false, "skip tagging and parsing (tokens only)")
	if err := parseFlags(fs, "resolve", args); err != nil {
		return err
	}
	if *dateFlag == "" {
		return usageError{cmd: "resolve", msg: "--date is required"}
	}
	pub, err := time.Parse("2006-01-02", *dateFlag)
	if err != nil {
		return usageError{cmd: "resolve", msg: fmt.Sprintf("--date %q: want YYYY-MM-DD", *dateFlag)}
	}
	var txt string
	if fs.NArg() == 0 || (fs.NArg() == 1 && fs.Arg(0) == "-") {
		b, err := io.ReadAll(os.Stdin)
		if err != nil {
			return fmt.Errorf("read stdin: %w", err)
		}
		txt = string(b)
	} else {
		txt = strings.Join(fs.Args(), " ")
	}
	var kb *actor.KB
	if *actorsFlag != "" || *agentsFlag != "" {
		if kb, err = actor.New(); err == nil {
			err = kb.LoadPhoenix(*actorsFlag, *agentsFlag)
		}
	} else {
		kb, err = actor.Load()
	}
	if err != nil {
		return err
	}
	var sents []event.Sentence
	if p, perr := nlp.LoadCoding(); perr == nil && !*noParse {
		sents = p.Annotate(txt, 0)
	} else {
		sents = text.Segment(txt)
	}
	out := resolveOut{Actors: []resolveActor{}, Times: []resolveTime{}}
	ad := kb.NewDoc(pub)
	wd := when.NewDoc(pub)
	for i := range sents {
		s := &sents[i]
		times := wd.Find(s)
		for _, e := range times {
			out.Times = append(out.Times, resolveTime{Text: e.Text, Span: e.Span, Value: e.Value, Precision: e.Precision})
		}
		for _, m := range ad.Mentions(s, sentenceDate(times)) {
			out.Actors = append(out.Actors, resolveActor{Text: m.Text, Span: m.Span, Code: m.Code, Country: m.Country,
				Org: m.Org, Role: m.Role, Name: m.Name, Kind: m.Kind, Loc: m.Loc, Refs: m.Refs})
		}
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// sentenceDate is the date that decides office holders in a sentence: the
// middle of the first dated expression that places the event itself (not
// "since", "after" or "before" it); zero (the publication date) otherwise.
func sentenceDate(times []when.Expr) time.Time {
	for _, e := range times {
		if e.Value == "" || e.Kind != when.KindDate {
			continue
		}
		switch e.Prep {
		case "since", "after", "before", "until", "following":
			continue
		}
		t, ok := e.Time()
		if !ok {
			continue
		}
		switch e.Precision {
		case event.PrecisionMonth:
			t = t.AddDate(0, 0, 14)
		case event.PrecisionYear:
			t = t.AddDate(0, 6, 0)
		case event.PrecisionDecade:
			t = t.AddDate(5, 0, 0)
		}
		return t
	}
	return time.Time{}
}
