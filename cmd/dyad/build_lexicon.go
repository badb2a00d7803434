package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/dyad-events/dyad/internal/lexicon"
)

func init() {
	register("build-lexicon", "rebuild the embedded WordNet word-class lexicon from a WordNet 3.0 dict folder", runBuildLexicon)
}

func runBuildLexicon(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("build-lexicon", stderr, "--wordnet DIR [--out FILE]")
	dir := fs.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 dict folder (index.noun, data.noun, noun.exc, …; Debian: apt-get install wordnet-base)")
	out := fs.String("out", filepath.Join("internal", "lexicon", "data", "wordnet.tsv.gz"), "compiled lexicon to write")
	if err := parseFlags(fs, "build-lexicon", args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{cmd: "build-lexicon", msg: "unexpected arguments"}
	}
	var buf bytes.Buffer
	st, err := lexicon.Build(*dir, &buf)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write lexicon: %w", err)
	}
	fmt.Fprintf(stdout, "lexicon %s: %d words (%d lemmas, %d exception forms, %d proper), %d bytes\n",
		*out, st.Words, st.Lemmas, st.Exceptions, st.Proper, buf.Len())
	return nil
}
