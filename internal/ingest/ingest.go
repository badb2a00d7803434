// Package ingest runs dyad's intake: it walks the given paths, reads
// each file into documents (internal/source), hands each document to an
// optional Analyzer (the language pipeline and event coder) and stores
// documents, sentences and events (internal/store) in batches.
//
// Problems are collected, not fatal: every unreadable file, bad record
// or failed document becomes one error naming the file (and line), and
// the rest of the batch is still ingested — the go/scanner ErrorList
// habit. Each batch is one transaction, so a crash loses at most the
// batch in flight, and running the same command again completes the
// store exactly (documents already stored are no-ops).
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/progress"
	"github.com/dyad-events/dyad/internal/source"
	"github.com/dyad-events/dyad/internal/store"
)

// Analyzer turns a document into sentences and coded events. It may
// read and fill doc's fields but must not change doc.Text or doc.ID.
type Analyzer func(doc *event.Document) ([]event.Sentence, []event.Event, error)

// Options control a run.
type Options struct {
	// MaxBytes is the largest input file accepted (0: source.DefaultMaxBytes).
	MaxBytes int64
	// Analyzer codes each new document; nil stores documents uncoded.
	Analyzer Analyzer
	// Progress receives a progress bar when it is a terminal; nil or a
	// pipe stays quiet.
	Progress io.Writer
	// BatchDocs and BatchBytes bound a transaction (defaults 256
	// documents, 16 MB of text).
	BatchDocs  int
	BatchBytes int
}

// Summary is what a run did.
type Summary struct {
	Files      int           // files read
	Documents  int           // documents read from them
	Bytes      int64         // bytes of input files (as stored on disk)
	TextBytes  int64         // bytes of document text
	Ingested   int           // new documents stored
	Duplicates int           // near-duplicates linked to a first copy
	Unchanged  int           // documents already stored
	Sentences  int           // sentences stored
	Events     int           // events stored
	Errors     []error       // one per failure, naming file (and line)
	Elapsed    time.Duration // wall time
}

// Failed is the number of failures.
func (s Summary) Failed() int { return len(s.Errors) }

// Run ingests paths (files, folders, "-" for standard input) into st.
// It returns an error only when it could not go on at all (the context
// was cancelled); per-file and per-document problems are in
// Summary.Errors.
func Run(ctx context.Context, st *store.Store, paths []string, opts Options) (Summary, error) {
	start := time.Now()
	var sum Summary
	files, errs := source.Expand(paths)
	sum.Errors = append(sum.Errors, errs...)
	var total int64
	for _, f := range files {
		if info, err := os.Stat(f); err == nil {
			total += info.Size()
		}
	}
	bar := progress.New(opts.Progress, total, "ingest", true)
	defer bar.Finish()

	batchDocs, batchBytes := opts.BatchDocs, opts.BatchBytes
	if batchDocs <= 0 {
		batchDocs = 256
	}
	if batchBytes <= 0 {
		batchBytes = 16 << 20
	}
	var batch []store.Item
	pendingBytes := 0
	flush := func() {
		if len(batch) == 0 {
			return
		}
		res, errs := st.AddDocuments(ctx, batch)
		for i, r := range res {
			if errs[i] != nil {
				sum.Errors = append(sum.Errors, fmt.Errorf("%s: store: %w", batch[i].Doc.File, errs[i]))
				continue
			}
			switch r.Status {
			case store.Added:
				sum.Ingested++
				sum.Sentences += r.Sentences
				sum.Events += r.Events
			case store.Duplicate:
				sum.Duplicates++
			case store.Unchanged:
				sum.Unchanged++
			}
		}
		batch, pendingBytes = batch[:0], 0
	}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			flush()
			sum.Elapsed = time.Since(start)
			return sum, err
		}
		docs, errs := source.ReadFile(f, source.Options{MaxBytes: opts.MaxBytes})
		sum.Files++
		sum.Errors = append(sum.Errors, errs...)
		var size int64
		if info, err := os.Stat(f); err == nil && f != "-" {
			size = info.Size()
		}
		sum.Bytes += size
		for _, doc := range docs {
			sum.Documents++
			sum.TextBytes += int64(len(doc.Text))
			it := store.Item{Doc: doc}
			if opts.Analyzer != nil {
				sents, evs, err := analyze(opts.Analyzer, doc)
				if err != nil {
					sum.Errors = append(sum.Errors, fmt.Errorf("%s: analyze: %w", doc.File, err))
					continue
				}
				it.Sentences, it.Events = sents, evs
			}
			batch = append(batch, it)
			pendingBytes += len(doc.Text)
			if len(batch) >= batchDocs || pendingBytes >= batchBytes {
				flush()
			}
		}
		bar.Add(size)
	}
	flush()
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// analyze runs the analyzer, turning a panic into an error: one bad
// document must not end the batch.
func analyze(a Analyzer, doc *event.Document) (sents []event.Sentence, evs []event.Event, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	id, text := doc.ID, doc.Text
	sents, evs, err = a(doc)
	if doc.ID != id || doc.Text != text {
		return nil, nil, errors.New("analyzer changed the document's text or ID")
	}
	return sents, evs, err
}
