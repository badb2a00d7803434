package main

import (
	"fmt"
	"io"

	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/text"
)

func init() {
	registerSub("eval", "text", "score the tokenizer and sentence splitter on a gold CoNLL-U file", runEvalText)
}

// runEvalText re-tokenizes each gold sentence's text (token scores) and
// re-splits the raw documents re-assembled from the gold (sentence scores).
func runEvalText(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval text", stderr, "--gold FILE.conllu[.gz]")
	gold := fs.String("gold", "", "gold CoNLL-U file with # text, # newdoc and # newpar comments")
	if err := parseFlags(fs, "eval text", args); err != nil {
		return err
	}
	if *gold == "" {
		return usageError{cmd: "eval text", msg: "--gold is required"}
	}
	sents, err := conllu.ReadFile(*gold)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "tokens     %s\n", text.EvalTokens(sents))
	fmt.Fprintf(stdout, "sentences  %s\n", text.EvalSentences(sents))
	return nil
}
