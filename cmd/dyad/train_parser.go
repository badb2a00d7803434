package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/parse"
)

func init() {
	registerSub("train", "parser", "train the dependency parser on UD CoNLL-U (model chosen on dev)", runTrainParser)
}

func runTrainParser(args []string, stdout, stderr io.Writer) error {
	const name = "train parser"
	fs := newFlagSet(name, stderr, "--train TRAIN.conllu[.gz] --dev DEV.conllu[.gz] --out MODEL.bin.gz [flags]")
	trainPath := fs.String("train", "", "training treebank (CoNLL-U, .gz allowed)")
	devPath := fs.String("dev", "", "development treebank for choosing the epoch")
	out := fs.String("out", filepath.Join("internal", "parse", "model", "parser.bin.gz"), "where to write the model")
	epochs := fs.Int("epochs", 15, "training epochs")
	seed := fs.Int64("seed", 1, "random seed (shuffling, exploration)")
	tags := fs.String("tags", "gold", "tags to train on: gold (as in the files) or predicted (dev by the embedded tagger, train jackknifed over --folds)")
	folds := fs.Int("folds", 5, "with --tags predicted: jackknife folds for the training tags (1: tag train with the embedded tagger)")
	tagEpochs := fs.Int("tag-epochs", 0, "with --tags predicted: epochs per tagger pass in each fold (0: the tagger's default)")
	tagFolds := fs.Int("tag-folds", 0, "with --tags predicted: the tagger's own jackknife folds inside each fold (0: the tagger's default)")
	tagsOut := fs.String("tags-out", "", "with --tags predicted: also write the retagged files as PREFIX-train.conllu and PREFIX-dev.conllu, to reuse with --tags gold")
	prune := fs.Float64("prune", 1.5, "drop features whose averaged weights stay below this (label model: half of it); negative keeps all")
	features := fs.Int("features", 0, "feature set: 1 (fastest), 2 (+coarse-tag backoffs), 3 (+punctuation); 0 = newest")
	direction := fs.String("direction", "ltr", "reading direction: ltr (left to right) or rtl (the model parses reversed sentences; combined with an ltr model it votes differently)")
	beam := fs.Int("beam", 1, "beam width: 1 trains the greedy parser (dynamic oracle), more trains a beam-search parser (global max-violation updates)")
	if err := parseFlags(fs, name, args); err != nil {
		return err
	}
	if *trainPath == "" {
		return usageError{cmd: name, msg: "--train is required"}
	}
	if *direction != "ltr" && *direction != "rtl" {
		return usageError{cmd: name, msg: "--direction must be ltr or rtl"}
	}
	if *tags != "gold" && *tags != "predicted" {
		return usageError{cmd: name, msg: "--tags must be gold or predicted"}
	}
	train, err := readTokens(*trainPath)
	if err != nil {
		return err
	}
	var dev [][]event.Token
	if *devPath != "" {
		if dev, err = readTokens(*devPath); err != nil {
			return err
		}
	}
	t0 := time.Now()
	if *tags == "predicted" {
		var goldDev []conllu.Sentence
		if *devPath != "" {
			if goldDev, err = conllu.ReadFile(*devPath); err != nil {
				return err
			}
		}
		opt := nlp.JackknifeOptions{Folds: *folds, Seed: uint64(*seed), Epochs: *tagEpochs, TagFolds: *tagFolds, Log: stderr}
		if err := nlp.JackknifeTags(train, dev, goldDev, opt); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "tagging: %.0fs\n", time.Since(t0).Seconds())
		if *tagsOut != "" {
			if err := writeTokens(*tagsOut+"-train.conllu", train); err != nil {
				return err
			}
			if err := writeTokens(*tagsOut+"-dev.conllu", dev); err != nil {
				return err
			}
		}
	}
	save := func(p *parse.Parser) error {
		tmp := *out + ".tmp"
		f, err := os.Create(tmp)
		if err != nil {
			return err
		}
		if err := p.Write(f); err != nil {
			f.Close()
			return fmt.Errorf("write %s: %w", tmp, err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("write %s: %w", tmp, err)
		}
		return os.Rename(tmp, *out)
	}
	p, err := parse.Train(train, dev, parse.TrainOptions{Epochs: *epochs, Seed: *seed, Beam: *beam, Prune: *prune, FeatureSet: *features, RightToLeft: *direction == "rtl", Checkpoint: save, Log: stderr})
	if err != nil {
		return err
	}
	if err := save(p); err != nil {
		return err
	}
	st, _ := os.Stat(*out)
	fmt.Fprintf(stdout, "wrote %s (%.1f MB) in %.0fs\n", *out, float64(st.Size())/1e6, time.Since(t0).Seconds())
	return nil
}

func writeTokens(path string, sents [][]event.Token) error {
	cs := make([]conllu.Sentence, len(sents))
	for i := range sents {
		cs[i].Tokens = sents[i]
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := conllu.Write(f, cs); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

// readTokens reads a CoNLL-U file as token slices.
func readTokens(path string) ([][]event.Token, error) {
	sents, err := conllu.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := make([][]event.Token, len(sents))
	for i := range sents {
		out[i] = sents[i].Tokens
	}
	return out, nil
}
