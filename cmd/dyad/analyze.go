package main

import (
	"fmt"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/coder"
	"github.com/dyad-events/dyad/internal/ingest"
)

// newAnalyzer returns the analyzer that `dyad ingest` and `dyad demo` run
// on each new document: sentences, tokens, tags and trees, actor mentions,
// time expressions and coded events (internal/coder with its built-in
// dictionaries).
func newAnalyzer() (ingest.Analyzer, error) {
	p, err := coder.LoadPipeline(nil)
	if err != nil {
		return nil, fmt.Errorf("load the coding pipeline: %w", err)
	}
	// parse only the sentences that may yield an event, greedy first
	if err := p.UseFast(); err != nil {
		return nil, fmt.Errorf("load the coding pipeline: %w", err)
	}
	return func(doc *event.Document) ([]event.Sentence, []event.Event, error) {
		sents, evs := p.CodeDocument(doc)
		return sents, evs, nil
	}, nil
}
