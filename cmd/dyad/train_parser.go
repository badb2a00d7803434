package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/conllu"
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
	if err := parseFlags(fs, name, args); err != nil {
		return err
	}
	if *trainPath == "" {
		return usageError{cmd: name, msg: "--train is required"}
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
	p, err := parse.Train(train, dev, parse.TrainOptions{Epochs: *epochs, Seed: *seed, Log: stderr})
	if err != nil {
		return err
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := p.Write(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", *out, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", *out, err)
	}
	st, _ := os.Stat(*out)
	fmt.Fprintf(stdout, "wrote %s (%.1f MB) in %.0fs\n", *out, float64(st.Size())/1e6, time.Since(t0).Seconds())
	return nil
}

// readTokens reads a CoNLL-U file as token slices.
func readTokens(path string) ([][]event.Token, error) {
	sents, err := conllu.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	out := make([][]event.Token, len(sents))
	for i := range sents {
		out[i] = sents[i].Tokens
	}
	return out, nil
}
