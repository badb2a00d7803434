package main

import (
	"flag"
	"fmt"

	"github.com/dyad-events/dyad/internal/benchutil"
)

// corpusFlags are the flags of the bench commands that measure a corpus
// of articles: --corpus, --docs and --procs.
type corpusFlags struct {
	path        *string
	docs, procs *int
}

// addCorpusFlags defines --corpus, --docs and --procs on fs.
func addCorpusFlags(fs *flag.FlagSet) *corpusFlags {
	return &corpusFlags{
		path:  fs.String("corpus", "", benchutil.CorpusUsage),
		docs:  fs.Int("docs", 0, "read at most this many articles (0 = all)"),
		procs: fs.Int("procs", 1, "GOMAXPROCS while measuring (1 = one core)"),
	}
}

// check returns a usage error for a --procs below 1.
func (c *corpusFlags) check(cmd string) error {
	if *c.procs < 1 {
		return usageError{cmd: cmd, msg: "--procs must be 1 or more"}
	}
	return nil
}

// resolve sets --corpus to the default corpus when none is given.
func (c *corpusFlags) resolve() error {
	if *c.path != "" {
		return nil
	}
	p, err := benchutil.DefaultCorpus()
	if err != nil {
		return fmt.Errorf("%w (or pass --corpus)", err)
	}
	*c.path = p
	return nil
}

// articles reads the articles of --corpus (the default corpus when none
// is given), at most --docs of them.
func (c *corpusFlags) articles() ([]benchutil.Article, error) {
	if err := c.resolve(); err != nil {
		return nil, err
	}
	return benchutil.ReadArticles(*c.path, *c.docs)
}

// texts is articles keeping only the texts.
func (c *corpusFlags) texts() ([]string, error) {
	if err := c.resolve(); err != nil {
		return nil, err
	}
	return benchutil.ReadTexts(*c.path, *c.docs)
}
