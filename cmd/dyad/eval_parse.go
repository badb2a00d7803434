package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/parse"
)

func init() {
	registerSub("eval", "parse", "score tags, lemmas and trees against a gold CoNLL-U file (UPOS, XPOS, UFeats, lemma, UAS, LAS)", runEvalParse)
}

func runEvalParse(args []string, stdout, stderr io.Writer) error {
	const name = "eval parse"
	fs := newFlagSet(name, stderr, "--gold GOLD.conllu[.gz] [--system SYSTEM.conllu]")
	goldPath := fs.String("gold", "", "gold CoNLL-U file")
	sysPath := fs.String("system", "", "system CoNLL-U file with the same words (several, comma-separated: scores their weighted vote, see --weights); when absent dyad annotates the gold words itself")
	modelPath := fs.String("model", "", "parser model file to use instead of the embedded one (from 'dyad train parser'); several, comma-separated: their combination")
	weightList := fs.String("weights", "", "with several --model or --system files: their vote weights, comma-separated (default all 1)")
	temp := fs.Float64("vote-temp", -1, "with several --model files: beam models vote with their whole final beam at this softmax temperature (0: best trees only; -1: the default parser's, parse.VoteTemperature)")
	goldTags := fs.Bool("gold-tags", false, "without --system: parse with the gold tags and lemmas (measures the parser alone)")
	beam := fs.Int("beam", 0, "parser beam width (0: the model's own; 1: greedy, fastest)")
	if err := parseFlags(fs, name, args); err != nil {
		return err
	}
	if *goldPath == "" || fs.NArg() > 0 {
		return usageError{cmd: name, msg: "--gold FILE is required and takes no other arguments"}
	}
	gold, err := conllu.ReadFile(*goldPath)
	if err != nil {
		return err
	}
	var m parse.Metrics
	weights, err := parseWeights(*weightList)
	if err != nil {
		return usageError{cmd: name, msg: err.Error()}
	}
	if *sysPath != "" {
		paths := strings.Split(*sysPath, ",")
		if weights != nil && len(weights) != len(paths) {
			return usageError{cmd: name, msg: fmt.Sprintf("%d weights for %d system files", len(weights), len(paths))}
		}
		systems := make([][]conllu.Sentence, len(paths))
		for k, path := range paths {
			sys, err := conllu.ReadFile(path)
			if err != nil {
				return err
			}
			if len(sys) != len(gold) {
				return fmt.Errorf("%s has %d sentences, %s has %d: the words must be the same", path, len(sys), *goldPath, len(gold))
			}
			for i := range gold {
				if len(sys[i].Tokens) != len(gold[i].Tokens) {
					return fmt.Errorf("%s: sentence %d: %d words in the system file, %d in the gold file", path, i+1, len(sys[i].Tokens), len(gold[i].Tokens))
				}
			}
			systems[k] = sys
		}
		outs := make([][]event.Token, len(paths))
		for i := range gold {
			s := systems[0][i].Tokens
			if len(paths) > 1 {
				for k := range systems {
					outs[k] = systems[k][i].Tokens
				}
				s = append([]event.Token(nil), s...)
				if err := parse.Combine(outs, weights, s); err != nil {
					return fmt.Errorf("sentence %d: %w", i+1, err)
				}
			}
			m.Add(s, gold[i].Tokens)
		}
	} else {
		var p *nlp.Pipeline
		if *modelPath != "" {
			p, err = nlp.Load()
		} else {
			p, err = nlp.LoadBeam(*beam)
		}
		if err != nil {
			return err
		}
		if *modelPath != "" {
			if p, err = withParserModel(p, *modelPath, weights); err != nil {
				return err
			}
			if *beam > 0 {
				p.Parser = p.Parser.WithBeam(*beam)
			}
			if *temp < 0 {
				*temp = parse.VoteTemperature
			}
			p.Parser = p.Parser.WithVoteTemperature(*temp)
		}
		var s event.Sentence
		for i := range gold {
			g := gold[i].Tokens
			s.Tokens = s.Tokens[:0]
			for _, t := range g {
				if *goldTags {
					t.Head, t.Deprel = 0, ""
				} else {
					t = event.Token{ID: t.ID, Form: t.Form, Start: -1, End: -1, SpaceAfter: t.SpaceAfter}
				}
				s.Tokens = append(s.Tokens, t)
			}
			if *goldTags {
				p.Parser.Parse(&s)
			} else {
				p.AnnotateSentence(&s)
			}
			m.Add(s.Tokens, g)
		}
	}
	fmt.Fprintf(stdout, "%-8s %8s\n", "metric", "score")
	fmt.Fprintf(stdout, "%-8s %8.2f\n", "UPOS", m.UPOSAcc())
	fmt.Fprintf(stdout, "%-8s %8.2f\n", "XPOS", m.XPOSAcc())
	fmt.Fprintf(stdout, "%-8s %8.2f\n", "UFeats", m.FeatsAcc())
	fmt.Fprintf(stdout, "%-8s %8.2f\n", "Lemma", m.LemmaAcc())
	fmt.Fprintf(stdout, "%-8s %8.2f\n", "UAS", m.UAS())
	fmt.Fprintf(stdout, "%-8s %8.2f  (relation with subtype must match)\n", "LAS", m.LAS())
	fmt.Fprintf(stdout, "%-8s %8.2f  (universal part only, as the CoNLL 2018 script)\n", "LAS-univ", m.ULAS())
	fmt.Fprintf(stdout, "%d sentences, %d words\n", len(gold), m.Words)
	return nil
}

// withParserModel returns p with its parser read from paths (a
// comma-separated list of model files: their combination, with weights).
func withParserModel(p *nlp.Pipeline, paths string, weights []float64) (*nlp.Pipeline, error) {
	m, err := readParsers(paths, weights)
	if err != nil {
		return nil, err
	}
	return &nlp.Pipeline{Tagger: p.Tagger, Parser: m}, nil
}

// readParsers reads one parser model file, or the combination of several
// (comma-separated) with the given weights (nil: all 1).
func readParsers(paths string, weights []float64) (*parse.Parser, error) {
	var ms []*parse.Parser
	for _, path := range strings.Split(paths, ",") {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		m, err := parse.Read(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		ms = append(ms, m)
	}
	if len(ms) == 1 {
		return ms[0], nil
	}
	return parse.NewEnsemble(ms, weights)
}

// parseWeights reads a comma-separated list of positive numbers ("" gives nil).
func parseWeights(list string) ([]float64, error) {
	if list == "" {
		return nil, nil
	}
	var ws []float64
	for _, f := range strings.Split(list, ",") {
		w, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil || !(w > 0) {
			return nil, fmt.Errorf("--weights: %q is not a positive number", f)
		}
		ws = append(ws, w)
	}
	return ws, nil
}
