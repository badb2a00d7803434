package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/coder"
	"github.com/dyad-events/dyad/internal/progress"
	"github.com/dyad-events/dyad/internal/shared"
	"github.com/dyad-events/dyad/internal/source"
)

func init() {
	registerSub("eval", "", "score the event coder: article gold, PETRARCH unit suite, CAMEO codebook examples", runEvalEvents)
}

func runEvalEvents(args []string, stdout, stderr io.Writer) error {
	const name = "eval"
	fs := newFlagSet(name, stderr, "[--gold FILE --article FILE] [--petrarch DIR] [--cameo FILE] [--only article|petrarch|cameo] [--all] [-v]")
	gold := fs.String("gold", "", "article gold file (JSON lines; default ../shared/seed/gold.jsonl)")
	article := fs.String("article", "", "the article the gold file describes (default ../shared/seed/a-dangerous-trend.txt)")
	petr := fs.String("petrarch", "", "folder of the PETRARCH unit suite (default ../shared/data/validation/petrarch-unit)")
	cameoF := fs.String("cameo", "", "CAMEO code table with example sentences, the development set (default ../shared/data/cameo/cameo-codes.csv)")
	only := fs.String("only", "", "score only one of: article, petrarch (the unit suite), cameo (the codebook's example sentences)")
	all := fs.Bool("all", false, "count negated and hypothetical events too")
	verbose := fs.Bool("v", false, "list misses, false positives and wrong records")
	cf := addCoderFlags(fs)
	if err := parseFlags(fs, name, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{cmd: name, msg: "unexpected argument " + fs.Arg(0)}
	}
	if *only != "" && *only != "article" && *only != "petrarch" && *only != "cameo" {
		return usageError{cmd: name, msg: "--only must be article, petrarch or cameo"}
	}
	// the dictionaries the user gave, before the unit suite sets its own
	userFlags := coderFlags{verbs: new(string), actors: new(string), agents: new(string), discards: new(string), convention: cf.convention, verbsOnly: new(bool), actCodes: new(bool), bothWays: new(bool), agentsOnly: new(bool), accurate: cf.accurate, beam: cf.beam}
	*userFlags.discards = *cf.discards
	*userFlags.verbs, *userFlags.actors, *userFlags.agents = *cf.verbs, *cf.actors, *cf.agents
	*userFlags.verbsOnly, *userFlags.actCodes, *userFlags.bothWays = *cf.verbsOnly, *cf.actCodes, *cf.bothWays
	if cf.agentsOnly != nil {
		*userFlags.agentsOnly = *cf.agentsOnly
	}
	def := func(flagVal string, elem ...string) (string, error) {
		if flagVal != "" {
			return flagVal, nil
		}
		return shared.Path(elem...)
	}
	if *only == "" || *only == "article" {
		g, err := def(*gold, "seed", "gold.jsonl")
		if err != nil {
			return fmt.Errorf("gold file: %w (give --gold)", err)
		}
		a, err := def(*article, "seed", "a-dangerous-trend.txt")
		if err != nil {
			return fmt.Errorf("article: %w (give --article)", err)
		}
		p, err := cf.pipeline(name)
		if err != nil {
			return err
		}
		if err := evalArticle(p, g, a, *all, *verbose, stdout); err != nil {
			return err
		}
	}
	if *only == "" || *only == "cameo" {
		path, err := def(*cameoF, "data", "cameo", "cameo-codes.csv")
		if err != nil {
			return fmt.Errorf("cameo examples: %w (give --cameo)", err)
		}
		p, err := userFlags.pipeline(name)
		if err != nil {
			return err
		}
		if err := evalCAMEO(p, path, *verbose, stdout, stderr); err != nil {
			return err
		}
	}
	if *only == "" || *only == "petrarch" {
		dir, err := def(*petr, "data", "validation", "petrarch-unit")
		if err != nil {
			return fmt.Errorf("petrarch suite: %w (give --petrarch)", err)
		}
		// The suite's own dictionaries, unless the user gave others.
		if *cf.verbs == "" {
			// the suite's codes are those of its own verb file
			*cf.verbs = filepath.Join(dir, "PETR.Validate.verbs.txt")
			*cf.verbsOnly = true
			*cf.actCodes = true
			*cf.bothWays = true
		}
		if *cf.actors == "" {
			*cf.actors = filepath.Join(dir, "PETR.Validate.actors.txt")
		}
		if *cf.agents == "" {
			*cf.agents = filepath.Join(dir, "PETR.Validate.agents.txt")
			if cf.agentsOnly != nil {
				*cf.agentsOnly = true // its role nouns, not dyad's
			}
		}
		if *cf.discards == "" {
			*cf.discards = filepath.Join(dir, "PETR.Validate.discards.txt")
		}
		p, err := cf.pipeline(name)
		if err != nil {
			return err
		}
		if err := evalPetrarch(p, filepath.Join(dir, "PETR.UnitTest.records.xml"), *verbose, stdout, stderr); err != nil {
			return err
		}
	}
	return nil
}

func evalArticle(p *coder.Pipeline, goldPath, articlePath string, all, verbose bool, w io.Writer) error {
	gf, err := os.Open(goldPath)
	if err != nil {
		return fmt.Errorf("read gold: %w", err)
	}
	gold, err := coder.ReadGold(gf)
	gf.Close()
	if err != nil {
		return fmt.Errorf("read %s: %w", goldPath, err)
	}
	docs, errs := source.ReadFile(articlePath, source.Options{})
	if len(docs) == 0 {
		if len(errs) > 0 {
			return errs[0]
		}
		return fmt.Errorf("read %s: no document", articlePath)
	}
	doc := docs[0]
	_, evs := p.CodeDocument(doc)
	sc, err := coder.ScoreArticle(doc.Text, evs, gold, all)
	if err != nil {
		return fmt.Errorf("score %s: %w", goldPath, err)
	}
	fmt.Fprintf(w, "article %s (published %s), gold %s\n", filepath.Base(articlePath), pubString(doc), filepath.Base(goldPath))
	fmt.Fprintf(w, "  gold events         %d (%d non-optional)\n", sc.Gold, sc.Required)
	fmt.Fprintf(w, "  predicted, counted  %d (of %d coded; negated/hypothetical %s)\n", sc.Predicted, len(evs), map[bool]string{true: "included", false: "left out"}[all])
	fmt.Fprintf(w, "  recall              %.3f  (%d/%d non-optional; %d optional found too)\n", sc.Recall(), sc.FoundReq, sc.Required, sc.Found-sc.FoundReq)
	fmt.Fprintf(w, "  precision           %.3f  (%d/%d; %d false positives restate a found gold event)\n", sc.Precision(), sc.TP, sc.TP+sc.FP, sc.Restated)
	fmt.Fprintf(w, "  F1 (source, target, root)  %.3f\n", sc.F1())
	fmt.Fprintf(w, "  exact code          %.3f  (%d/%d found)\n", ratio(sc.ExactCode, sc.Found), sc.ExactCode, sc.Found)
	fmt.Fprintf(w, "  date right          %.3f  (%d/%d found)\n", ratio(sc.DateRight, sc.Found), sc.DateRight, sc.Found)
	fmt.Fprintf(w, "  modality right      %.3f  (%d/%d found)\n", ratio(sc.ModalityRight, sc.Found), sc.ModalityRight, sc.Found)
	if verbose {
		for _, m := range sc.Misses {
			fmt.Fprintf(w, "  miss  %s\n", m)
		}
		for _, m := range sc.FalsePos {
			fmt.Fprintf(w, "  false %s\n", m)
		}
	}
	return nil
}

func pubString(d *event.Document) string {
	if d.Published.IsZero() {
		return "unknown"
	}
	return d.Published.Format("2006-01-02")
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func evalPetrarch(p *coder.Pipeline, path string, verbose bool, w, stderr io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read unit suite: %w", err)
	}
	recs, err := coder.ReadUnitRecords(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	right, withEvents, rightWithEvents := 0, 0, 0
	tp, fp, fn := 0, 0, 0
	var wrong []string
	bar := progress.New(stderr, int64(len(recs)), "petrarch suite", false)
	for _, r := range recs {
		res := p.CodeUnit(r, true)
		bar.Add(1)
		if len(r.Expected) > 0 {
			withEvents++
		}
		if res.Right {
			right++
			if len(r.Expected) > 0 {
				rightWithEvents++
			}
		} else {
			wrong = append(wrong, fmt.Sprintf("%s: want [%s] got [%s]", r.ID, strings.Join(r.Expected, ", "), strings.Join(res.Got, ", ")))
		}
		exp := map[string]bool{}
		for _, e := range r.Expected {
			exp[e] = true
		}
		for _, g := range res.Got {
			if exp[g] {
				tp++
				delete(exp, g)
			} else {
				fp++
			}
		}
		fn += len(exp)
	}
	bar.Finish()
	prec, rec := ratio(tp, tp+fp), ratio(tp, tp+fn)
	f1 := 0.0
	if prec+rec > 0 {
		f1 = 2 * prec * rec / (prec + rec)
	}
	fmt.Fprintf(w, "petrarch unit suite %s (its own verb, actor and agent dictionaries; PETRARCH conventions: act codes, both ways, all modalities)\n", filepath.Base(path))
	fmt.Fprintf(w, "  records coded right %d/%d  (%d/%d of those with events; PETRARCH-2 gets 93/284)\n", right, len(recs), rightWithEvents, withEvents)
	fmt.Fprintf(w, "  events (source, target, exact code)  precision %.3f  recall %.3f  F1 %.3f  (%d right, %d wrong, %d missed)\n", prec, rec, f1, tp, fp, fn)
	if verbose {
		for _, s := range wrong {
			fmt.Fprintf(w, "  wrong %s\n", s)
		}
	}
	return nil
}

func evalCAMEO(p *coder.Pipeline, path string, verbose bool, w, stderr io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read cameo examples: %w", err)
	}
	exs, err := coder.ReadCAMEOExamples(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	bar := progress.New(stderr, int64(len(exs)), "cameo examples", false)
	coded, root, code := 0, 0, 0
	var lines []string
	pub := time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, ex := range exs {
		r := p.CodeExample(ex, pub)
		bar.Add(1)
		if len(r.Got) > 0 {
			coded++
		}
		if r.RootRight {
			root++
		}
		if r.CodeRight {
			code++
		}
		if !r.RootRight {
			lines = append(lines, fmt.Sprintf("%s got [%s]: %s", ex.Code, strings.Join(r.Got, " "), clip(ex.Text, 110)))
		}
	}
	bar.Finish()
	fmt.Fprintf(w, "cameo codebook examples %s (development set; one sentence per code, all modalities)\n", filepath.Base(path))
	fmt.Fprintf(w, "  examples with an event  %d/%d (%.3f)\n", coded, len(exs), ratio(coded, len(exs)))
	fmt.Fprintf(w, "  an event with the root  %d/%d (%.3f)\n", root, len(exs), ratio(root, len(exs)))
	fmt.Fprintf(w, "  an event with the code  %d/%d (%.3f)\n", code, len(exs), ratio(code, len(exs)))
	if verbose {
		for _, l := range lines {
			fmt.Fprintf(w, "  wrong %s\n", l)
		}
	}
	return nil
}
