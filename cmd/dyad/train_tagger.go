package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"

	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/tag"
)

func init() {
	registerSub("train", "tagger", "train the POS tagger, featurizer and lemmatizer on UD CoNLL-U", runTrainTagger)
}

func runTrainTagger(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("train tagger", stderr, "--train FILE --dev FILE --out FILE [--epochs N] [--seed N]")
	trainPath := fs.String("train", "", "training treebank (CoNLL-U, .gz allowed)")
	devPath := fs.String("dev", "", "development treebank: chooses the epochs and is scored at the end")
	out := fs.String("out", "", "model file to write (gzip binary; embed as internal/tag/model/en_ewt.tagger.gz)")
	epochs := fs.Int("epochs", 10, "most training epochs per pass (the best on dev is kept)")
	seed := fs.Uint64("seed", 1, "seed of the sentence shuffling (training is deterministic)")
	folds := fs.Int("folds", 5, "jackknife folds for the second pass's training tags")
	prune := fs.Float64("prune", 0.75, "drop averaged weights smaller than this in magnitude")
	noBack := fs.Bool("no-backward", false, "train no right-to-left first pass (smaller, faster, less accurate)")
	bothFinal := fs.Bool("both-final", false, "also train a right-to-left final pass and add its scores (slower; +0.04 UPOS on EWT dev)")
	dropout := fs.Float64("word-dropout", 0, "withhold a training word seen n times with probability α/(α+n) per epoch (0: none)")
	verbose := fs.Bool("v", false, "print per-epoch progress even when stderr is not a terminal")
	if err := parseFlags(fs, "train tagger", args); err != nil {
		return err
	}
	if *trainPath == "" || *out == "" {
		return usageError{cmd: "train tagger", msg: "--train and --out are required"}
	}
	if fs.NArg() > 0 {
		return usageError{cmd: "train tagger", msg: fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	train, err := conllu.ReadFile(*trainPath)
	if err != nil {
		return fmt.Errorf("training data: %w", err)
	}
	var dev []conllu.Sentence
	if *devPath != "" {
		if dev, err = conllu.ReadFile(*devPath); err != nil {
			return fmt.Errorf("dev data: %w", err)
		}
	}
	opt := tag.TrainOptions{Epochs: *epochs, Seed: *seed, Folds: *folds, Prune: *prune, NoBackward: *noBack, BothFinal: *bothFinal, WordDropout: *dropout}
	if *prune == 0 {
		opt.Prune = -1 // keep every weight
	}
	// progress lines on a terminal (or with -v); quiet when piped
	if f, ok := stderr.(*os.File); *verbose || (ok && term.IsTerminal(int(f.Fd()))) {
		opt.Log = stderr
	}
	start := time.Now()
	m, err := tag.Train(train, dev, opt)
	if err != nil {
		return err
	}
	elapsed := time.Since(start)
	f, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if err := m.Save(f); err != nil {
		f.Close()
		return fmt.Errorf("write model %s: %w", *out, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write model %s: %w", *out, err)
	}
	st, _ := os.Stat(*out)
	fmt.Fprintf(stdout, "model %s: %d bytes, trained in %s\n%s\n", *out, st.Size(), elapsed.Round(time.Second), m.Info())
	if len(dev) > 0 {
		fmt.Fprintf(stdout, "dev: %s\n", tag.New(m).Evaluate(dev))
	}
	return nil
}
