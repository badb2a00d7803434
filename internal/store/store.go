// Package store keeps documents, sentences and coded events in an
// embedded DuckDB database file.
//
// The schema is versioned (table schema_version) and migrated forward on
// Open. Each AddDocument (or AddDocuments batch) is one transaction: a
// crash leaves either the whole document (with its sentences and events)
// or nothing. Rows are written with DuckDB's appender inside that
// transaction.
//
// Identity: a document's ID is the hash of its normalized text (see
// source.ID); adding an ID already stored is a no-op. A document whose
// body is a near-duplicate of a stored one (SimHash over word shingles
// finds candidates, shingle Jaccard >= MinJaccard confirms) is kept as a
// row with duplicate_of set to the first copy; its sentences and events
// are not stored again — instead each of its events that the first copy
// also has (same actor codes, CAMEO code and date) raises that event's
// mention count.
//
// The writer keeps the stored IDs and the SimHashes of first copies in
// memory (loaded on the first write, about 100 bytes a document); one
// process writes a database file at a time (DuckDB locks it).
//
// CAMEO codes are strings. Events keep three dates: the event's own
// date (with its precision), the document's publication date and the
// ingest time (UTC).
package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/duckdb/duckdb-go/v2"
	"github.com/dyad-events/dyad/event"
)

// DefaultPath is the database file used when neither --db nor $DYAD_DB
// names one.
const DefaultPath = "dyad.db"

// Path resolves the database path: flag when set, else $DYAD_DB, else
// DefaultPath.
func Path(flag string) string {
	if flag != "" {
		return flag
	}
	if env := os.Getenv("DYAD_DB"); env != "" {
		return env
	}
	return DefaultPath
}

// Store is an open dyad database. Its methods are safe for concurrent
// use; writes are serialized.
type Store struct {
	db   *sql.DB
	path string

	mu   sync.Mutex        // serializes writes; guards conn and sims
	conn *sql.Conn         // the writer's connection (transactions + appender)
	sims *simIndex         // loaded on first write
	seq  int64             // last documents.seq used; loaded with sims
	ids  map[string]string // stored IDs (idKey) -> duplicate_of; loaded with sims
	now  func() time.Time
}

// Status says what AddDocument did.
type Status string

// Statuses.
const (
	Added     Status = "added"     // a new document
	Unchanged Status = "unchanged" // the same ID was already stored: nothing changed
	Duplicate Status = "duplicate" // a near-duplicate of DuplicateOf: linked, not stored again
)

// AddResult reports the outcome of AddDocument.
type AddResult struct {
	Status      Status
	ID          string
	DuplicateOf string // first copy, for Duplicate (and for an Unchanged duplicate)
	Sentences   int    // sentences stored
	Events      int    // events stored
	Mentions    int    // events of a duplicate that raised a first copy's mention count
}

// Open opens (creating when absent) the database at path and migrates
// its schema to the current version.
func Open(path string) (*Store, error) {
	db, err := sql.Open("duckdb", path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{db: db, path: path, conn: conn, now: func() time.Time { return time.Now().UTC() }}
	// DuckDB starts a worker per core; a process held to fewer cores
	// (GOMAXPROCS) holds DuckDB to as many threads, or its idle workers
	// spin on the cores the process was not meant to use.
	if n := runtime.GOMAXPROCS(0); n < runtime.NumCPU() {
		if _, err := conn.ExecContext(ctx, fmt.Sprintf("SET threads = %d", n)); err != nil {
			s.Close()
			return nil, fmt.Errorf("open %s: threads: %w", path, err)
		}
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// Close checkpoints and closes the database.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var errs []error
	if s.conn != nil {
		errs = append(errs, s.conn.Close())
		s.conn = nil
	}
	errs = append(errs, s.db.Close())
	return errors.Join(errs...)
}

// DB gives read access for queries the Store does not wrap (analysis).
func (s *Store) DB() *sql.DB { return s.db }

// migrations[i] brings the schema from version i to i+1.
var migrations = []string{
	`CREATE TABLE documents (
		id              VARCHAR PRIMARY KEY,
		file            VARCHAR,
		url             VARCHAR,
		outlet          VARCHAR,
		title           VARCHAR,
		subtitle        VARCHAR,
		reprinted_from  VARCHAR,
		original_title  VARCHAR,
		authors         VARCHAR,  -- JSON list of {name, name_zh, affiliation, role}
		published       DATE,     -- first publication date
		dateline        VARCHAR,
		language        VARCHAR,
		header_language VARCHAR,
		genre           VARCHAR,
		text            VARCHAR,
		body_start      BIGINT,
		body_end        BIGINT,
		duplicate_of    VARCHAR,  -- first copy's id for a near-duplicate
		simhash         BIGINT,   -- SimHash of the body (bits as a signed integer)
		shingles        BIGINT,
		ingested_at     TIMESTAMP NOT NULL,
		seq             BIGINT NOT NULL   -- ingest order, 1, 2, …
	);
	CREATE TABLE sentences (
		doc       VARCHAR NOT NULL,
		idx       BIGINT NOT NULL,   -- 0-based position in the document
		start_off BIGINT NOT NULL,   -- byte offsets into documents.text
		end_off   BIGINT NOT NULL,
		text      VARCHAR,
		tokens    VARCHAR,           -- one token a line, tab-separated (see tokens.go); older rows: JSON
		PRIMARY KEY (doc, idx)
	);
	CREATE TABLE events (
		doc            VARCHAR NOT NULL,
		idx            BIGINT NOT NULL,  -- 0-based position among the document's events
		sentence       BIGINT,
		text           VARCHAR,
		span_start     BIGINT,
		span_end       BIGINT,
		source_text    VARCHAR, source_code VARCHAR, source_country VARCHAR,
		source_org     VARCHAR, source_role VARCHAR, source_name VARCHAR,
		target_text    VARCHAR, target_code VARCHAR, target_country VARCHAR,
		target_org     VARCHAR, target_role VARCHAR, target_name VARCHAR,
		cameo          VARCHAR,
		root           VARCHAR,
		quad           BIGINT,
		goldstein      DOUBLE,
		plover         VARCHAR,
		date           VARCHAR,          -- YYYY, YYYY-MM or YYYY-MM-DD
		precision      VARCHAR,
		modality       VARCHAR,
		evidence_text  VARCHAR,
		evidence_start BIGINT,
		evidence_end   BIGINT,
		published      DATE,             -- the document's publication date
		ingested_at    TIMESTAMP,
		coder          VARCHAR,
		mentions       BIGINT NOT NULL,  -- copies of the article that state it
		PRIMARY KEY (doc, idx)
	);`,
	// v2: near-duplicate candidates are found in memory; the simhash
	// index that v1 databases may have only slowed inserts down.
	`DROP INDEX IF EXISTS documents_simhash;`,
	// v3: a sentence's text is NULL when it is the document text between
	// its offsets (always, as dyad splits), and its tokens are a BLOB in
	// the binary form of tokens.go (older rows keep their text forms as
	// bytes): a fifth of the bytes to write and compress.
	`CREATE TABLE sentences_v3 (
		doc       VARCHAR NOT NULL,
		idx       BIGINT NOT NULL,   -- 0-based position in the document
		start_off BIGINT NOT NULL,   -- byte offsets into documents.text
		end_off   BIGINT NOT NULL,
		text      VARCHAR,           -- NULL: documents.text[start_off:end_off]
		tokens    BLOB,              -- binary (see tokens.go); rows from before v3: tab-separated lines or JSON
		PRIMARY KEY (doc, idx)
	);
	INSERT INTO sentences_v3 SELECT doc, idx, start_off, end_off, text, encode(tokens) FROM sentences;
	DROP TABLE sentences;
	ALTER TABLE sentences_v3 RENAME TO sentences;`,
	// v4: no primary key on sentences (an index entry per sentence cost
	// more to write than the sentence, and an index must fit in memory);
	// the rows carry their document's seq instead and lie in seq order,
	// so that the per-block min/max of seq finds a document's sentences.
	// The store keeps (doc, idx) unique: it adds a document's sentences
	// once, with its documents row, and checks their indexes.
	`CREATE TABLE sentences_v4 (
		doc       VARCHAR NOT NULL,
		seq       BIGINT NOT NULL,   -- documents.seq of doc
		idx       BIGINT NOT NULL,   -- 0-based position in the document
		start_off BIGINT NOT NULL,   -- byte offsets into documents.text
		end_off   BIGINT NOT NULL,
		text      VARCHAR,           -- NULL: documents.text[start_off:end_off]
		tokens    BLOB               -- binary (see tokens.go); rows from before v3: tab-separated lines or JSON
	);
	INSERT INTO sentences_v4
		SELECT s.doc, coalesce(d.seq, 0), s.idx, s.start_off, s.end_off, s.text, s.tokens
		FROM sentences s LEFT JOIN documents d ON d.id = s.doc ORDER BY d.seq, s.doc, s.idx;
	DROP TABLE sentences;
	ALTER TABLE sentences_v4 RENAME TO sentences;`,
}

// SchemaVersion is the schema version this code writes.
var SchemaVersion = len(migrations)

func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL, applied_at TIMESTAMP NOT NULL)`); err != nil {
		return fmt.Errorf("schema_version: %w", err)
	}
	var v int
	if err := s.conn.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v); err != nil {
		return fmt.Errorf("schema_version: %w", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("database schema version %d is newer than this dyad (%d)", v, len(migrations))
	}
	for ; v < len(migrations); v++ {
		err := s.tx(ctx, func() error {
			if _, err := s.conn.ExecContext(ctx, migrations[v]); err != nil {
				return err
			}
			_, err := s.conn.ExecContext(ctx, `INSERT INTO schema_version VALUES (?, ?)`, v+1, s.now())
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate to version %d: %w", v+1, err)
		}
	}
	return nil
}

// tx runs fn inside a transaction on the writer connection.
func (s *Store) tx(ctx context.Context, fn func() error) error {
	if _, err := s.conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return err
	}
	if err := fn(); err != nil {
		if _, rerr := s.conn.ExecContext(context.Background(), "ROLLBACK"); rerr != nil {
			return errors.Join(err, fmt.Errorf("rollback: %w", rerr))
		}
		return err
	}
	_, err := s.conn.ExecContext(ctx, "COMMIT")
	return err
}

// idKey is the map key of a document ID: the 32 raw bytes of a hex
// SHA-256 (half the memory of the hex), else the ID itself.
func idKey(id string) string {
	if len(id) == 64 {
		if b, err := hex.DecodeString(id); err == nil {
			return string(b)
		}
	}
	return id
}

// loadSims loads what the writer keeps in memory: the SimHash index of
// first copies, the set of stored IDs and the last ingest sequence.
func (s *Store) loadSims(ctx context.Context) error {
	if s.sims != nil {
		return nil
	}
	ix := newSimIndex()
	if err := s.conn.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM documents`).Scan(&s.seq); err != nil {
		return err
	}
	ids := map[string]string{}
	idRows, err := s.conn.QueryContext(ctx, `SELECT id, coalesce(duplicate_of, '') FROM documents`)
	if err != nil {
		return err
	}
	for idRows.Next() {
		var id, dup string
		if err := idRows.Scan(&id, &dup); err != nil {
			idRows.Close()
			return err
		}
		ids[idKey(id)] = dup
	}
	idRows.Close()
	if err := idRows.Err(); err != nil {
		return err
	}
	s.ids = ids
	rows, err := s.conn.QueryContext(ctx, `SELECT id, simhash FROM documents WHERE duplicate_of IS NULL AND shingles >= ? ORDER BY seq`, MinShingles)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var h int64
		if err := rows.Scan(&id, &h); err != nil {
			return err
		}
		ix.add(uint64(h), id)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	s.sims = ix
	return nil
}

// Stored reports, for each ID, whether a document with that ID is
// already stored (as a first copy or as a duplicate). Ingest asks before
// analysing, so that re-ingesting a corpus costs no parsing; AddDocuments
// still decides each document's fate, so a stale answer only costs time.
func (s *Store) Stored(ctx context.Context, ids []string) ([]bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.conn == nil {
		return nil, errors.New("stored: store is closed")
	}
	if err := s.loadSims(ctx); err != nil {
		return nil, fmt.Errorf("stored: load IDs: %w", err)
	}
	out := make([]bool, len(ids))
	for i, id := range ids {
		_, out[i] = s.ids[idKey(id)]
	}
	return out, nil
}

// Item is one document with its sentences and events, for AddDocuments.
type Item struct {
	Doc       *event.Document
	Sentences []event.Sentence
	Events    []event.Event
}

// AddDocument stores doc with its sentences and events in one
// transaction and reports whether it was new, already stored, or a
// near-duplicate of a stored document. doc.ID must be set; sentences
// and events may be nil (the document is stored uncoded). Events are
// stored under doc.ID whatever their Doc field says; an event's
// Mentions below 1 is stored as 1.
func (s *Store) AddDocument(ctx context.Context, doc *event.Document, sents []event.Sentence, evs []event.Event) (AddResult, error) {
	res, errs := s.AddDocuments(ctx, []Item{{Doc: doc, Sentences: sents, Events: evs}})
	return res[0], errs[0]
}

// AddDocuments adds a batch of documents as AddDocument does, in one
// transaction (a commit costs milliseconds; batching is what makes bulk
// ingest fast). The batch is atomic: after a crash either all of it or
// none of it is stored. When the batch fails, each document is retried
// in its own transaction, so one bad document does not keep the others
// out. The results and errors are parallel to items.
func (s *Store) AddDocuments(ctx context.Context, items []Item) ([]AddResult, []error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	res := make([]AddResult, len(items))
	errs := make([]error, len(items))
	if s.conn == nil {
		for i := range errs {
			errs[i] = errors.New("add document: store is closed")
		}
		return res, errs
	}
	for i, it := range items {
		if it.Doc == nil || it.Doc.ID == "" {
			errs[i] = errors.New("add document: no ID")
		}
	}
	if err := s.loadSims(ctx); err != nil {
		for i := range errs {
			errs[i] = fmt.Errorf("add document: load hashes: %w", err)
		}
		return res, errs
	}
	err := s.tx(ctx, func() error { return s.addBatch(ctx, items, res, errs) })
	if err == nil {
		for i, it := range items {
			if errs[i] == nil && res[i].Status == Duplicate {
				it.Doc.DuplicateOf = res[i].DuplicateOf
			}
		}
		return res, errs
	}
	s.sims = nil // the index, ID set and sequence may hold the rolled-back batch: reload
	if len(items) == 1 {
		if errs[0] == nil {
			errs[0] = fmt.Errorf("add document %.12s (%s): %w", items[0].Doc.ID, items[0].Doc.File, err)
			res[0] = AddResult{ID: items[0].Doc.ID}
		}
		return res, errs
	}
	s.mu.Unlock()
	for i, it := range items {
		if errs[i] == nil {
			r, e := s.AddDocuments(ctx, []Item{it})
			res[i], errs[i] = r[0], e[0]
		}
	}
	s.mu.Lock()
	return res, errs
}

// pendingDoc is a document of the current batch waiting for the appender.
type pendingDoc struct {
	it       Item
	hash     uint64
	shingles int
	dupOf    string
	seq      int64
	hashed   string  // HashedBody of the document's body
	mentions []int64 // per event, for a first copy
}

// addBatch decides each item's fate (unchanged, duplicate, added), then
// writes all new rows with one appender per table. It runs inside the
// caller's transaction.
func (s *Store) addBatch(ctx context.Context, items []Item, res []AddResult, errs []error) error {
	if err := s.loadSims(ctx); err != nil {
		return fmt.Errorf("load hashes: %w", err)
	}
	var pending []*pendingDoc
	inBatch := map[string]*pendingDoc{}
	now := s.now()
	for i, it := range items {
		if errs[i] != nil {
			continue
		}
		doc := it.Doc
		res[i] = AddResult{ID: doc.ID}
		if dup, ok := s.ids[idKey(doc.ID)]; ok {
			res[i].Status, res[i].DuplicateOf = Unchanged, dup
			continue
		}
		p := &pendingDoc{it: it, hashed: HashedBody(bodyOf(doc.Text, doc.BodyStart, doc.BodyEnd))}
		p.hash, p.shingles = SimHash(p.hashed)
		if p.shingles >= MinShingles {
			dup, err := s.nearDuplicate(ctx, p, inBatch)
			if err != nil {
				return fmt.Errorf("add document %.12s (%s): %w", doc.ID, doc.File, err)
			}
			p.dupOf = dup
		}
		if doc.IngestedAt.IsZero() {
			doc.IngestedAt = now
		}
		s.seq++
		p.seq = s.seq
		pending = append(pending, p)
		inBatch[doc.ID] = p
		s.ids[idKey(doc.ID)] = p.dupOf
		if p.dupOf == "" {
			res[i].Status = Added
			res[i].Sentences, res[i].Events = len(it.Sentences), len(it.Events)
			p.mentions = make([]int64, len(it.Events))
			for k, e := range it.Events {
				p.mentions[k] = int64(max(e.Mentions, 1))
			}
			if p.shingles >= MinShingles {
				s.sims.add(p.hash, doc.ID)
			}
			continue
		}
		res[i].Status, res[i].DuplicateOf = Duplicate, p.dupOf
		if first, ok := inBatch[p.dupOf]; ok {
			res[i].Mentions = first.raiseMentions(it.Events)
			continue
		}
		n, err := s.addMentions(ctx, p.dupOf, it.Events)
		if err != nil {
			return fmt.Errorf("add document %.12s (%s): %w", doc.ID, doc.File, err)
		}
		res[i].Mentions = n
	}
	if len(pending) == 0 {
		return nil
	}
	return s.appendRows(pending)
}

// nearDuplicate returns the first copy that p's body nearly repeats:
// a SimHash candidate whose shingle sets overlap by MinJaccard.
func (s *Store) nearDuplicate(ctx context.Context, p *pendingDoc, inBatch map[string]*pendingDoc) (string, error) {
	for _, id := range s.sims.candidates(p.hash, 3) {
		var other string
		if q, ok := inBatch[id]; ok {
			other = q.hashed
		} else {
			var text string
			var bs, be int64
			if err := s.conn.QueryRowContext(ctx, `SELECT text, body_start, body_end FROM documents WHERE id = ?`, id).Scan(&text, &bs, &be); err != nil {
				return "", err
			}
			other = HashedBody(bodyOf(text, int(bs), int(be)))
		}
		if Jaccard(p.hashed, other) >= MinJaccard {
			return id, nil
		}
	}
	return "", nil
}

// bodyOf is text[bs:be], or all of text when the span is not valid.
func bodyOf(text string, bs, be int) string {
	if bs < 0 || be > len(text) || bs >= be {
		return text
	}
	return text[bs:be]
}

// raiseMentions counts evs against the events of a first copy still in
// the batch: each matching event (same codes and date) is raised once.
func (p *pendingDoc) raiseMentions(evs []event.Event) int {
	seen := map[int]bool{}
	n := 0
	for _, e := range evs {
		for k, f := range p.it.Events {
			if !seen[k] && f.CAMEO == e.CAMEO && f.Source.Code == e.Source.Code && f.Target.Code == e.Target.Code && f.Date == e.Date {
				seen[k] = true
				p.mentions[k]++
				n++
				break
			}
		}
	}
	return n
}

func nullDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// appendRows writes the batch's documents, sentences and events with
// one appender per table, inside the caller's transaction.
func (s *Store) appendRows(pending []*pendingDoc) error {
	return s.conn.Raw(func(dc any) error {
		conn, ok := dc.(driver.Conn)
		if !ok {
			return errors.New("not a DuckDB connection")
		}
		err := appendTable(conn, "documents", func(a *duckdb.Appender) error {
			for _, p := range pending {
				d := p.it.Doc
				authors := []byte("[]")
				if len(d.Authors) > 0 {
					var err error
					if authors, err = json.Marshal(d.Authors); err != nil {
						return err
					}
				}
				if err := a.AppendRow(d.ID, d.File, d.URL, d.Outlet, d.Title, d.Subtitle, d.ReprintedFrom, d.OriginalTitle, string(authors),
					nullDate(d.Published), d.Dateline, d.Language, d.HeaderLanguage, d.Genre, d.Text, int64(d.BodyStart), int64(d.BodyEnd),
					nullStr(p.dupOf), int64(p.hash), int64(p.shingles), d.IngestedAt, p.seq); err != nil {
					return fmt.Errorf("document %.12s (%s): %w", d.ID, d.File, err)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		err = appendTable(conn, "sentences", func(a *duckdb.Appender) error {
			for _, p := range pending {
				if p.dupOf != "" {
					continue
				}
				text := p.it.Doc.Text
				// (doc, idx) has no key: check the indexes are distinct
				last := -1
				var seen map[int]bool // once they stop increasing
				for k, st := range p.it.Sentences {
					if st.Index <= last && seen == nil {
						seen = make(map[int]bool, len(p.it.Sentences))
						for _, q := range p.it.Sentences[:k] {
							seen[q.Index] = true
						}
					}
					if seen != nil {
						if seen[st.Index] {
							return fmt.Errorf("document %.12s: sentence index %d twice", p.it.Doc.ID, st.Index)
						}
						seen[st.Index] = true
					}
					last = st.Index
					var stText any = st.Text
					if st.Start >= 0 && st.Start <= st.End && st.End <= len(text) && text[st.Start:st.End] == st.Text {
						stText = nil
					}
					var toks any // a nil []byte is not NULL to the appender
					if b := encodeTokens(st.Tokens, text, st.Start); b != nil {
						toks = b
					}
					if err := a.AppendRow(p.it.Doc.ID, p.seq, int64(st.Index), int64(st.Start), int64(st.End), stText, toks); err != nil {
						return fmt.Errorf("document %.12s sentence %d: %w", p.it.Doc.ID, st.Index, err)
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		return appendTable(conn, "events", func(a *duckdb.Appender) error {
			for _, p := range pending {
				if p.dupOf != "" {
					continue
				}
				doc := p.it.Doc
				for i, e := range p.it.Events {
					var published any
					if t, err := time.Parse("2006-01-02", e.Published); err == nil {
						published = t
					} else {
						published = nullDate(doc.Published)
					}
					err := a.AppendRow(doc.ID, int64(i), int64(e.Sentence), e.Text, int64(e.Span[0]), int64(e.Span[1]),
						e.Source.Text, e.Source.Code, e.Source.Country, e.Source.Org, e.Source.Role, e.Source.Name,
						e.Target.Text, e.Target.Code, e.Target.Country, e.Target.Org, e.Target.Role, e.Target.Name,
						e.CAMEO, e.Root, int64(e.Quad), e.Goldstein, e.PLOVER, e.Date, e.Precision, e.Modality,
						e.Evidence.Text, int64(e.Evidence.Span[0]), int64(e.Evidence.Span[1]),
						published, doc.IngestedAt, e.Coder, p.mentions[i])
					if err != nil {
						return fmt.Errorf("document %.12s event %d: %w", doc.ID, i, err)
					}
				}
			}
			return nil
		})
	})
}

// appendTable runs fill with an appender on table and flushes it.
func appendTable(conn driver.Conn, table string, fill func(*duckdb.Appender) error) error {
	a, err := duckdb.NewAppenderFromConn(conn, "", table)
	if err != nil {
		return fmt.Errorf("%s appender: %w", table, err)
	}
	if err := fill(a); err != nil {
		a.Close()
		return err
	}
	if err := a.Close(); err != nil {
		return fmt.Errorf("%s: %w", table, err)
	}
	return nil
}

// addMentions raises the mention count of first's events that match evs
// (same source and target code, CAMEO code and date); it returns how
// many matched. Each stored event is raised at most once per call.
func (s *Store) addMentions(ctx context.Context, first string, evs []event.Event) (int, error) {
	seen := map[int64]bool{}
	n := 0
	for _, e := range evs {
		rows, err := s.conn.QueryContext(ctx, `SELECT idx FROM events WHERE doc = ? AND cameo = ? AND source_code = ? AND target_code = ? AND date = ? ORDER BY idx`,
			first, e.CAMEO, e.Source.Code, e.Target.Code, e.Date)
		if err != nil {
			return n, err
		}
		target := int64(-1)
		for rows.Next() {
			var idx int64
			if err := rows.Scan(&idx); err != nil {
				rows.Close()
				return n, err
			}
			if !seen[idx] {
				target = idx
				break
			}
		}
		rows.Close()
		if target < 0 {
			continue
		}
		seen[target] = true
		if _, err := s.conn.ExecContext(ctx, `UPDATE events SET mentions = mentions + 1 WHERE doc = ? AND idx = ?`, first, target); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

const docColumns = `id, file, url, outlet, title, subtitle, reprinted_from, original_title, authors, published, dateline,
	language, header_language, genre, body_start, body_end, duplicate_of, ingested_at`

func scanDocument(sc interface{ Scan(...any) error }, withText bool) (*event.Document, error) {
	var d event.Document
	var file, url, outlet, title, subtitle, reprinted, origTitle, authors, dateline, lang, hlang, genre, dup sql.NullString
	var published sql.NullTime
	var bs, be sql.NullInt64
	var text sql.NullString
	dest := []any{&d.ID, &file, &url, &outlet, &title, &subtitle, &reprinted, &origTitle, &authors, &published, &dateline,
		&lang, &hlang, &genre, &bs, &be, &dup, &d.IngestedAt}
	if withText {
		dest = append(dest, &text)
	}
	if err := sc.Scan(dest...); err != nil {
		return nil, err
	}
	d.File, d.URL, d.Outlet, d.Title, d.Subtitle = file.String, url.String, outlet.String, title.String, subtitle.String
	d.ReprintedFrom, d.OriginalTitle, d.Dateline = reprinted.String, origTitle.String, dateline.String
	d.Language, d.HeaderLanguage, d.Genre, d.DuplicateOf = lang.String, hlang.String, genre.String, dup.String
	d.BodyStart, d.BodyEnd = int(bs.Int64), int(be.Int64)
	d.Text = text.String
	if published.Valid {
		d.Published = published.Time.UTC()
	}
	d.IngestedAt = d.IngestedAt.UTC()
	if authors.String != "" {
		if err := json.Unmarshal([]byte(authors.String), &d.Authors); err != nil {
			return nil, fmt.Errorf("document %s: authors: %w", d.ID, err)
		}
		if len(d.Authors) == 0 {
			d.Authors = nil
		}
	}
	return &d, nil
}

// Documents lists all documents (metadata only; Text is left empty) in
// ingest order.
func (s *Store) Documents(ctx context.Context) ([]*event.Document, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+docColumns+` FROM documents ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	defer rows.Close()
	var out []*event.Document
	for rows.Next() {
		d, err := scanDocument(rows, false)
		if err != nil {
			return nil, fmt.Errorf("documents: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// ErrNotFound is returned by Document when no ID has the prefix.
var ErrNotFound = errors.New("no such document")

// Document returns one document with its text. id may be any unique
// prefix of the ID.
func (s *Store) Document(ctx context.Context, id string) (*event.Document, error) {
	id = strings.ToLower(strings.TrimSpace(id))
	if id == "" {
		return nil, fmt.Errorf("document: empty ID")
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+docColumns+`, text FROM documents WHERE starts_with(id, ?) ORDER BY id LIMIT 2`, id)
	if err != nil {
		return nil, fmt.Errorf("document %s: %w", id, err)
	}
	defer rows.Close()
	var found []*event.Document
	for rows.Next() {
		d, err := scanDocument(rows, true)
		if err != nil {
			return nil, fmt.Errorf("document %s: %w", id, err)
		}
		found = append(found, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("document %s: %w", id, err)
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("document %s: %w", id, ErrNotFound)
	case 1:
		return found[0], nil
	}
	return nil, fmt.Errorf("document %s: the prefix is ambiguous (%.12s…, %.12s…, …)", id, found[0].ID, found[1].ID)
}

// Sentences returns a document's stored sentences in order.
func (s *Store) Sentences(ctx context.Context, doc string) ([]event.Sentence, error) {
	var text sql.NullString
	var seq int64
	err := s.db.QueryRowContext(ctx, `SELECT text, seq FROM documents WHERE id = ?`, doc).Scan(&text, &seq)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("sentences of %s: %w", doc, err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT idx, start_off, end_off, text, tokens FROM sentences WHERE seq = ? AND doc = ? ORDER BY idx`, seq, doc)
	if err != nil {
		return nil, fmt.Errorf("sentences of %s: %w", doc, err)
	}
	defer rows.Close()
	var out []event.Sentence
	for rows.Next() {
		var st event.Sentence
		var idx, start, end int64
		var stText sql.NullString
		var toks []byte
		if err := rows.Scan(&idx, &start, &end, &stText, &toks); err != nil {
			return nil, fmt.Errorf("sentences of %s: %w", doc, err)
		}
		st.Index, st.Start, st.End = int(idx), int(start), int(end)
		if stText.Valid {
			st.Text = stText.String
		} else if st.Start < 0 || st.Start > st.End || st.End > len(text.String) {
			return nil, fmt.Errorf("sentences of %s: sentence %d: offsets %d-%d outside the text", doc, idx, st.Start, st.End)
		} else {
			st.Text = text.String[st.Start:st.End]
		}
		var err error
		if st.Tokens, err = decodeTokens(toks, text.String, st.Start); err != nil {
			return nil, fmt.Errorf("sentences of %s: sentence %d: tokens: %w", doc, idx, err)
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// EventFilter selects events; zero fields select everything.
type EventFilter struct {
	Doc   string // document ID (exact)
	Actor string // a country (ISO alpha-3), organization or actor-code prefix on either side
	Root  string // CAMEO root code, "04"
	CAMEO string // CAMEO code prefix, "04" or "042"
	From  string // event date >= From (YYYY[-MM[-DD]], compared as text)
	To    string // event date <= To
	Limit int    // at most this many (0 = all)
}

// Events returns the events matching f, ordered by document ingest order,
// then position.
func (s *Store) Events(ctx context.Context, f EventFilter) ([]event.Event, error) {
	q := `SELECT e.doc, e.sentence, e.text, e.span_start, e.span_end,
		e.source_text, e.source_code, e.source_country, e.source_org, e.source_role, e.source_name,
		e.target_text, e.target_code, e.target_country, e.target_org, e.target_role, e.target_name,
		e.cameo, e.root, e.quad, e.goldstein, e.plover, e.date, e.precision, e.modality,
		e.evidence_text, e.evidence_start, e.evidence_end, strftime(e.published, '%Y-%m-%d'), e.coder, e.mentions
		FROM events e JOIN documents d ON d.id = e.doc WHERE true`
	var args []any
	if f.Doc != "" {
		q += ` AND e.doc = ?`
		args = append(args, f.Doc)
	}
	if f.Actor != "" {
		q += ` AND (? IN (e.source_country, e.target_country, e.source_org, e.target_org) OR starts_with(e.source_code, ?) OR starts_with(e.target_code, ?))`
		args = append(args, f.Actor, f.Actor, f.Actor)
	}
	if f.Root != "" {
		q += ` AND e.root = ?`
		args = append(args, f.Root)
	}
	if f.CAMEO != "" {
		q += ` AND starts_with(e.cameo, ?)`
		args = append(args, f.CAMEO)
	}
	if f.From != "" {
		q += ` AND e.date >= ?`
		args = append(args, f.From)
	}
	if f.To != "" {
		q += ` AND e.date <= ?`
		args = append(args, f.To+"\uffff")
	}
	q += ` ORDER BY d.seq, e.idx`
	if f.Limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	defer rows.Close()
	var out []event.Event
	for rows.Next() {
		var e event.Event
		var sent, ss, se, quad, es, ee, mentions int64
		var pub, coder, plover sql.NullString
		if err := rows.Scan(&e.Doc, &sent, &e.Text, &ss, &se,
			&e.Source.Text, &e.Source.Code, &e.Source.Country, &e.Source.Org, &e.Source.Role, &e.Source.Name,
			&e.Target.Text, &e.Target.Code, &e.Target.Country, &e.Target.Org, &e.Target.Role, &e.Target.Name,
			&e.CAMEO, &e.Root, &quad, &e.Goldstein, &plover, &e.Date, &e.Precision, &e.Modality,
			&e.Evidence.Text, &es, &ee, &pub, &coder, &mentions); err != nil {
			return nil, fmt.Errorf("events: %w", err)
		}
		e.Sentence, e.Span, e.Quad = int(sent), [2]int{int(ss), int(se)}, int(quad)
		e.Evidence.Span = [2]int{int(es), int(ee)}
		e.PLOVER, e.Published, e.Coder, e.Mentions = plover.String, pub.String, coder.String, int(mentions)
		out = append(out, e)
	}
	return out, rows.Err()
}

// Counts are the sizes of the store's tables.
type Counts struct {
	Documents  int // all document rows, duplicates included
	Duplicates int // rows with duplicate_of set
	Sentences  int
	Events     int
	Mentions   int // sum of events' mention counts
}

// Counts counts the stored rows.
func (s *Store) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM documents),
		(SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL),
		(SELECT count(*) FROM sentences),
		(SELECT count(*) FROM events),
		(SELECT coalesce(sum(mentions), 0) FROM events)`).Scan(&c.Documents, &c.Duplicates, &c.Sentences, &c.Events, &c.Mentions)
	if err != nil {
		return c, fmt.Errorf("counts: %w", err)
	}
	return c, nil
}
