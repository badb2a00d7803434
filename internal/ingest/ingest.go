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
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
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
	// BatchDocs and BatchBytes bound a transaction (defaults 1000
	// documents, 16 MB of text and annotations held in memory).
	BatchDocs  int
	BatchBytes int
	// Workers is how many documents are analyzed at once (default 1).
	// Above 1 the Analyzer must be safe for concurrent use; documents
	// are still stored in input order.
	Workers int
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
	r := newRunner(st, opts)
	files, errs := source.Expand(paths)
	r.sum.Errors = append(r.sum.Errors, errs...)
	var total int64
	for _, f := range files {
		if info, err := os.Stat(f); err == nil {
			total += info.Size()
		}
	}
	r.bar = progress.New(opts.Progress, total, "ingest", true)
	defer r.bar.Finish()
	// The next file is read while the documents of this one are analyzed
	// and stored (with more than one core, at the same time).
	type read struct {
		size int64
		docs []*event.Document
		errs []error
	}
	reads := make(chan read, 1)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(reads)
		for _, f := range files {
			if ctx.Err() != nil {
				return
			}
			docs, errs := source.ReadFile(f, source.Options{MaxBytes: opts.MaxBytes})
			var size int64
			if info, err := os.Stat(f); err == nil && f != "-" {
				size = info.Size()
			}
			select {
			case reads <- read{size, docs, errs}:
			case <-stop:
				return
			}
		}
	}()
	for rd := range reads {
		if err := ctx.Err(); err != nil {
			return r.finish(ctx), err
		}
		r.file(ctx, rd.size, rd.docs, rd.errs)
	}
	if err := ctx.Err(); err != nil {
		return r.finish(ctx), err
	}
	return r.finish(ctx), nil
}

// Input is an article held in memory: a file name (which chooses the
// reader, as for files on disk) and its content.
type Input struct {
	Name string
	Data []byte
}

// RunInputs ingests articles held in memory (the demo's embedded
// examples) as Run ingests files.
func RunInputs(ctx context.Context, st *store.Store, inputs []Input, opts Options) (Summary, error) {
	r := newRunner(st, opts)
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return r.finish(ctx), err
		}
		docs, errs := source.Read(in.Name, bytes.NewReader(in.Data), source.Options{MaxBytes: opts.MaxBytes})
		r.file(ctx, int64(len(in.Data)), docs, errs)
	}
	return r.finish(ctx), nil
}

// runner reads and analyzes documents and hands them, in batches, to a
// writer goroutine that stores each batch in one transaction. Reading
// and analysis of the next batch overlap with DuckDB's work on the
// previous one (a cgo call releases its P, so this helps even with
// GOMAXPROCS=1). Batches are stored in input order.
type runner struct {
	st           *store.Store
	opts         Options
	sum          Summary // reading and analysis tally (writer's is merged at finish)
	start        time.Time
	batch        []store.Item
	pendingBytes int
	bar          *progress.Reporter // advanced by input bytes, per document
	toAnalyze    []*event.Document  // read, waiting to be analyzed (Workers > 1)

	batches chan []store.Item
	done    chan struct{}
	stored  Summary // the writer's tally: statuses and store errors
}

func newRunner(st *store.Store, opts Options) *runner {
	if opts.BatchDocs <= 0 {
		opts.BatchDocs = DefaultBatchDocs
	}
	if opts.BatchBytes <= 0 {
		opts.BatchBytes = DefaultBatchBytes
	}
	r := &runner{st: st, opts: opts, start: time.Now(), batches: make(chan []store.Item, 1), done: make(chan struct{})}
	go r.writer()
	return r
}

// writer stores the batches. It does not stop on cancellation: batches
// already handed over are committed, so an interrupted run keeps what it
// has counted.
func (r *runner) writer() {
	defer close(r.done)
	ctx := context.Background()
	for batch := range r.batches {
		res, errs := r.st.AddDocuments(ctx, batch)
		for i, a := range res {
			if errs[i] != nil {
				r.stored.Errors = append(r.stored.Errors, fmt.Errorf("%s: store: %w", batch[i].Doc.File, errs[i]))
				continue
			}
			switch a.Status {
			case store.Added:
				r.stored.Ingested++
				r.stored.Sentences += a.Sentences
				r.stored.Events += a.Events
			case store.Duplicate:
				r.stored.Duplicates++
			case store.Unchanged:
				r.stored.Unchanged++
			}
		}
	}
}

// file takes the documents read from one file (and its problems).
func (r *runner) file(ctx context.Context, size int64, docs []*event.Document, errs []error) {
	r.sum.Files++
	r.sum.Bytes += size
	r.sum.Errors = append(r.sum.Errors, errs...)
	// The bar moves by the file's bytes, shared out over its documents
	// as they are analyzed and stored.
	done := int64(0)
	defer func() { r.bar.Add(size - done) }()
	for k, doc := range docs {
		if step := size * int64(k) / int64(len(docs)); step > done {
			r.bar.Add(step - done)
			done = step
		}
		r.sum.Documents++
		r.sum.TextBytes += int64(len(doc.Text))
		r.toAnalyze = append(r.toAnalyze, doc)
		if len(r.toAnalyze) >= max(1, r.opts.Workers*8) {
			r.analyzePending(ctx)
		}
	}
}

// analyzePending analyzes the documents waiting (Workers at a time) and
// adds them, in input order, to the batch.
func (r *runner) analyzePending(ctx context.Context) {
	docs := r.toAnalyze
	r.toAnalyze = nil
	if len(docs) == 0 {
		return
	}
	type result struct {
		sents []event.Sentence
		evs   []event.Event
		err   error
	}
	results := make([]result, len(docs))
	if a := r.opts.Analyzer; a != nil {
		// Documents already stored are not analysed again: the store
		// counts them as unchanged whatever their analysis would say.
		ids := make([]string, len(docs))
		for i, doc := range docs {
			ids[i] = doc.ID
		}
		stored, err := r.st.Stored(ctx, ids)
		if err != nil {
			stored = make([]bool, len(docs)) // the store reports its problem when the batch is written
		}
		var todo []int
		for i := range docs {
			if !stored[i] {
				todo = append(todo, i)
			}
		}
		if r.opts.Workers <= 1 || len(todo) <= 1 {
			for _, i := range todo {
				results[i].sents, results[i].evs, results[i].err = analyze(a, docs[i])
			}
		} else {
			var next atomic.Int64
			var wg sync.WaitGroup
			for w := 0; w < min(r.opts.Workers, len(todo)); w++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for k := int(next.Add(1) - 1); k < len(todo); k = int(next.Add(1) - 1) {
						i := todo[k]
						results[i].sents, results[i].evs, results[i].err = analyze(a, docs[i])
					}
				}()
			}
			wg.Wait()
		}
	}
	for i, doc := range docs {
		if results[i].err != nil {
			r.sum.Errors = append(r.sum.Errors, fmt.Errorf("%s: analyze: %w", doc.File, results[i].err))
			continue
		}
		r.batch = append(r.batch, store.Item{Doc: doc, Sentences: results[i].sents, Events: results[i].evs})
		r.pendingBytes += BatchSize(doc, results[i].sents)
		if len(r.batch) >= r.opts.BatchDocs || r.pendingBytes >= r.opts.BatchBytes {
			r.flush(ctx)
		}
	}
}

func (r *runner) flush(ctx context.Context) {
	if len(r.batch) == 0 {
		return
	}
	r.batches <- r.batch
	r.batch, r.pendingBytes = nil, 0
}

func (r *runner) finish(ctx context.Context) Summary {
	r.analyzePending(ctx)
	r.flush(ctx)
	close(r.batches)
	<-r.done
	r.sum.Ingested, r.sum.Duplicates, r.sum.Unchanged = r.stored.Ingested, r.stored.Duplicates, r.stored.Unchanged
	r.sum.Sentences, r.sum.Events = r.stored.Sentences, r.stored.Events
	r.sum.Errors = append(r.sum.Errors, r.stored.Errors...)
	r.sum.Elapsed = time.Since(r.start)
	return r.sum
}

// Default bounds of a transaction (Options.BatchDocs, BatchBytes).
const (
	DefaultBatchDocs  = 1000
	DefaultBatchBytes = 16 << 20 // the batch waits in memory as Go values several times its text size; a transaction costs ~25 ms whatever its size (PolNeAR bench code store stage: 4 MB 0.82-1.07 CPU-s, 16 MB 0.57-0.62, peak RSS +11-15 MB)
)

// BatchSize estimates the memory a document and its sentences take
// (text, tokens with their annotations) while they wait for the store, so
// that batches of heavily annotated documents stay within BatchBytes.
func BatchSize(doc *event.Document, sents []event.Sentence) int {
	n := len(doc.Text)
	for _, s := range sents {
		n += len(s.Text) + 160*len(s.Tokens)
	}
	return n
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
