package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/parse"
)

func init() {
	register("parse", "split, tag and parse text (or CoNLL-U tokens) into UD trees", runParse)
}

func runParse(args []string, stdout, stderr io.Writer) error {
	const name = "parse"
	fs := newFlagSet(name, stderr, "[--input text|conllu] [--format conllu|json] [FILE|-]")
	input := fs.String("input", "text", "input kind: text (raw text) or conllu (keep its tokens and sentence breaks, re-annotate them)")
	format := fs.String("format", "conllu", "output format: conllu or json (one sentence per line)")
	beam := fs.Int("beam", 0, "parser beam width (0: the model's own; 1: greedy, fastest)")
	modelPath := fs.String("model", "", "parser model file to use instead of the embedded one (from 'dyad train parser'); several, comma-separated: their combination")
	weightList := fs.String("weights", "", "with several --model files: their vote weights, comma-separated (default all 1)")
	if err := parseFlags(fs, name, args); err != nil {
		return err
	}
	weights, err := parseWeights(*weightList)
	if err != nil {
		return usageError{cmd: name, msg: err.Error()}
	}
	if *input != "text" && *input != "conllu" {
		return usageError{cmd: name, msg: "--input must be text or conllu"}
	}
	if *format != "conllu" && *format != "json" {
		return usageError{cmd: name, msg: "--format must be conllu or json"}
	}
	if fs.NArg() > 1 {
		return usageError{cmd: name, msg: "at most one input file"}
	}
	path := "-"
	if fs.NArg() == 1 {
		path = fs.Arg(0)
	}
	var p *nlp.Pipeline
	if *modelPath != "" {
		if p, err = nlp.Load(); err == nil {
			p, err = withParserModel(p, *modelPath, weights)
		}
		if err == nil {
			p.Parser = p.Parser.WithVoteTemperature(parse.VoteTemperature)
		}
		if err == nil && *beam > 0 {
			p.Parser = p.Parser.WithBeam(*beam)
		}
	} else {
		p, err = nlp.LoadBeam(*beam)
	}
	if err != nil {
		return err
	}
	var sents []conllu.Sentence
	if *input == "conllu" {
		if path == "-" {
			sents, err = conllu.Read(os.Stdin)
			if err != nil {
				err = fmt.Errorf("read stdin: %w", err)
			}
		} else {
			sents, err = conllu.ReadFile(path) // its errors name the file
		}
		if err != nil {
			return err
		}
		for i := range sents {
			reannotate(p, &sents[i])
		}
	} else {
		var b []byte
		if path == "-" {
			b, err = io.ReadAll(os.Stdin)
		} else {
			b, err = os.ReadFile(path)
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		for _, s := range p.Annotate(string(b), 0) {
			sents = append(sents, conllu.Sentence{
				Comments: []string{"# sent_id = " + strconv.Itoa(s.Index+1), "# text = " + oneLine(s.Text)},
				Tokens:   s.Tokens,
			})
		}
	}
	if *format == "conllu" {
		return conllu.Write(stdout, sents)
	}
	return writeJSONSentences(stdout, sents)
}

// reannotate keeps the tokens of s (forms, IDs, spacing, multiword lines)
// and replaces every annotation with dyad's own.
func reannotate(p *nlp.Pipeline, s *conllu.Sentence) {
	for k := range s.Tokens {
		t := &s.Tokens[k]
		*t = event.Token{ID: t.ID, Form: t.Form, Start: t.Start, End: t.End, SpaceAfter: t.SpaceAfter}
	}
	es := event.Sentence{Tokens: s.Tokens}
	p.AnnotateSentence(&es)
}

func oneLine(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == '\n' || c == '\r' || c == '\t' {
			b[i] = ' '
		}
	}
	return string(b)
}

type jsonToken struct {
	ID     int    `json:"id"`
	Form   string `json:"form"`
	Lemma  string `json:"lemma"`
	UPOS   string `json:"upos"`
	XPOS   string `json:"xpos"`
	Feats  string `json:"feats,omitempty"`
	Head   int    `json:"head"`
	Deprel string `json:"deprel"`
	Start  *int   `json:"start,omitempty"` // byte offsets into the input text
	End    *int   `json:"end,omitempty"`
}

type jsonSentence struct {
	Index  int         `json:"index"`
	Text   string      `json:"text"`
	Tokens []jsonToken `json:"tokens"`
}

func writeJSONSentences(w io.Writer, sents []conllu.Sentence) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range sents {
		s := &sents[i]
		js := jsonSentence{Index: i, Text: s.Text(), Tokens: make([]jsonToken, len(s.Tokens))}
		for k, t := range s.Tokens {
			jt := jsonToken{ID: t.ID, Form: t.Form, Lemma: t.Lemma, UPOS: t.UPOS, XPOS: t.XPOS, Head: t.Head, Deprel: t.Deprel}
			if t.Feats != "_" {
				jt.Feats = t.Feats
			}
			if t.Start >= 0 {
				st, en := t.Start, t.End
				jt.Start, jt.End = &st, &en
			}
			js.Tokens[k] = jt
		}
		if err := enc.Encode(js); err != nil {
			return err
		}
	}
	return bw.Flush()
}
