package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/cameo"
	"github.com/dyad-events/dyad/internal/coder"
	"github.com/dyad-events/dyad/internal/source"
)

func init() {
	register("code", "code text into CAMEO events (one JSON line per event)", runCode)
}

// coderFlags are the flags shared by code, eval and bench code.
type coderFlags struct {
	verbs, actors, agents, convention *string
	discards                          *string
	verbsOnly, actCodes, bothWays     *bool
	agentsOnly                        *bool
	accurate                          *bool
	beam                              *int
}

func addCoderFlags(fs *flag.FlagSet) coderFlags {
	return coderFlags{
		verbs:      fs.String("verbs", "", "PETRARCH-format verb `file` added to the built-in patterns"),
		actors:     fs.String("actors", "", "PETRARCH/Phoenix-format actor dictionary `file` added as user dictionary"),
		agents:     fs.String("agents", "", "PETRARCH/Phoenix-format agent dictionary `file` added as user dictionary"),
		convention: fs.String("convention", "gdelt", "Goldstein table and QuadClass rule: gdelt, icews or phoenix"),
		discards:   fs.String("discards", "", "PETRARCH-format discard `file` instead of the built-in phrases (sports, shows, disasters; 'none': no discards): skip stories (+PHRASE) and sentences (PHRASE) containing its phrases"),
		verbsOnly:  fs.Bool("verbs-only", false, "use only the --verbs file, not the built-in patterns"),
		agentsOnly: fs.Bool("agents-only", false, "use only the --agents file for role nouns (official, villagers …), not the built-in ones"),
		bothWays:   fs.Bool("both-ways", false, "code a coordinated subject without a target in both directions (PETRARCH) instead of once"),
		actCodes:   fs.Bool("act-codes", false, "code a planned act with its own code (PETRARCH) instead of the intent code (planned visit 042 → 036)"),
		beam:       fs.Int("beam", 0, "parse with one parser at this beam width (8: the beam model as trained, the most accurate; 4: ~2x faster; 1: the greedy model alone) instead of the default: the greedy model first, the beam model again where its trees give an event"),
		accurate:   fs.Bool("accurate", false, "parse every sentence the coder reads with the beam model (default: code without trees first, parse only the sentences that may then yield an event)"),
	}
}

// pipeline builds the coding pipeline the flags ask for.
func (f coderFlags) pipeline(cmd string) (*coder.Pipeline, error) {
	conv, err := cameo.ParseConvention(*f.convention)
	if err != nil {
		return nil, usageError{cmd: cmd, msg: err.Error()}
	}
	opt := coder.Options{Convention: conv, ActCodes: *f.actCodes, BothWays: *f.bothWays}
	var c *coder.Coder
	if *f.verbsOnly && *f.verbs == "" {
		return nil, usageError{cmd: cmd, msg: "--verbs-only needs --verbs FILE"}
	}
	if f.agentsOnly != nil && *f.agentsOnly && *f.agents == "" {
		return nil, usageError{cmd: cmd, msg: "--agents-only needs --agents FILE"}
	}
	if *f.verbs != "" {
		r, err := os.Open(*f.verbs)
		if err != nil {
			return nil, fmt.Errorf("read verbs: %w", err)
		}
		if *f.verbsOnly {
			c, err = coder.OnlyVerbs(r, *f.verbs, opt)
		} else {
			c, err = coder.WithVerbs(r, *f.verbs, opt)
		}
		r.Close()
		if err != nil {
			return nil, err
		}
	} else {
		d, err := coder.Builtin()
		if err != nil {
			return nil, err
		}
		c = coder.New(d, opt)
	}
	p, err := coder.LoadPipeline(c)
	if err != nil {
		return nil, err
	}
	if f.beam != nil && *f.beam < 0 {
		return nil, usageError{cmd: cmd, msg: "--beam must be 0 or more"}
	}
	switch {
	case f.beam != nil && *f.beam > 0:
		p.NLP = p.NLP.WithBeam(*f.beam)
		if f.accurate == nil || !*f.accurate {
			p.SkipIdle, p.OnDemand = true, true // parse only the sentences that may yield an event
		}
	case f.accurate == nil || !*f.accurate:
		// parse only the sentences that may yield an event, greedy first
		if err := p.UseFast(); err != nil {
			return nil, err
		}
	}
	if *f.discards == "none" {
		p.Discards = nil
	} else if *f.discards != "" {
		r, err := os.Open(*f.discards)
		if err != nil {
			return nil, fmt.Errorf("read discards: %w", err)
		}
		p.Discards, err = coder.ReadDiscards(r)
		r.Close()
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", *f.discards, err)
		}
	}
	if *f.actors != "" || *f.agents != "" {
		if err := loadUserActors(p, *f.actors, *f.agents, f.agentsOnly != nil && *f.agentsOnly); err != nil {
			return nil, err
		}
	}
	return p, nil
}

func runCode(args []string, stdout, stderr io.Writer) error {
	const name = "code"
	fs := newFlagSet(name, stderr, "[--date YYYY-MM-DD] [--format jsonl|tsv] [--verbs F] [--actors F] [--agents F] [FILE|-]")
	date := fs.String("date", "", "publication date `YYYY-MM-DD` (default: from the article's metadata)")
	format := fs.String("format", "jsonl", "output format: jsonl or tsv")
	cf := addCoderFlags(fs)
	traceFlag := fs.Bool("trace", false, "print each sentence's parse, actor mentions and time expressions to stderr")
	pos, err := parseInterleaved(fs, name, args)
	if err != nil {
		return err
	}
	if *format != "jsonl" && *format != "tsv" {
		return usageError{cmd: name, msg: "--format must be jsonl or tsv"}
	}
	if _, err := cameo.ParseConvention(*cf.convention); err != nil {
		return usageError{cmd: name, msg: err.Error()}
	}
	if *cf.beam < 0 {
		return usageError{cmd: name, msg: "--beam must be 0 or more"}
	}
	var pub time.Time
	if *date != "" {
		t, err := time.Parse("2006-01-02", *date)
		if err != nil {
			return usageError{cmd: name, msg: fmt.Sprintf("--date %q: want YYYY-MM-DD", *date)}
		}
		pub = t
	}
	if len(pos) > 1 {
		return usageError{cmd: name, msg: "at most one input file"}
	}
	path := "-"
	if len(pos) == 1 {
		path = pos[0]
	}
	docs, errs := source.ReadFile(path, source.Options{})
	if len(docs) == 0 {
		if len(errs) > 0 {
			return errors.Join(errs...)
		}
		return fmt.Errorf("read %s: no document", path)
	}
	for _, e := range errs {
		fmt.Fprintf(stderr, "Warning: %v\n", e)
	}
	p, err := cf.pipeline(name)
	if err != nil {
		return err
	}
	p.SkipIdle = true // same events, fewer sentences parsed (all when tracing)
	if *traceFlag {
		p.Trace = stderr
	}
	w := bufio.NewWriter(stdout)
	if *format == "tsv" {
		fmt.Fprintln(w, strings.Join(tsvHeader, "\t"))
	}
	for _, doc := range docs {
		if !pub.IsZero() {
			doc.Published = pub
		}
		_, evs := p.CodeDocument(doc)
		for i := range evs {
			if err := writeEvent(w, *format, &evs[i]); err != nil {
				return err
			}
		}
	}
	return w.Flush()
}

var tsvHeader = []string{"doc", "sentence", "date", "precision", "source", "source_text", "target", "target_text", "cameo", "root", "quad", "goldstein", "plover", "modality", "evidence", "span_start", "span_end"}

func writeEvent(w io.Writer, format string, e *event.Event) error {
	if format == "tsv" {
		f := []string{e.Doc, strconv.Itoa(e.Sentence), e.Date, e.Precision, e.Source.Code, e.Source.Text, e.Target.Code, e.Target.Text,
			e.CAMEO, e.Root, strconv.Itoa(e.Quad), strconv.FormatFloat(e.Goldstein, 'f', -1, 64), e.PLOVER, e.Modality, e.Evidence.Text,
			strconv.Itoa(e.Evidence.Span[0]), strconv.Itoa(e.Evidence.Span[1])}
		for i := range f {
			f[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(f[i])
		}
		_, err := fmt.Fprintln(w, strings.Join(f, "\t"))
		return err
	}
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

// parseInterleaved parses flags that may come before or after the
// positional arguments ("dyad code FILE --format tsv") and returns the
// positional ones.
func parseInterleaved(fs *flag.FlagSet, name string, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parseFlags(fs, name, args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if rest[0] == "-" || !strings.HasPrefix(rest[0], "-") {
			pos = append(pos, rest[0])
			args = rest[1:]
			continue
		}
		// "--" ended the flags: everything after it is positional
		return append(pos, rest...), nil
	}
}
