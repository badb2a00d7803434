// Package source reads articles from files, folders, feeds and standard
// input and turns each into an event.Document with its metadata: title,
// subtitle, outlet, authors, publication date, reprint chain, dateline,
// language and genre.
//
// Readers: plain text (.txt, first line = title), HTML (.html, main text by
// go-readability, metadata from <meta>, JSON-LD and <time>), JSON Lines
// (.jsonl, one article an object), RSS/Atom feeds (.xml/.rss/.atom, one
// document per item), Reuters-21578 SGML (.sgm, one document per story),
// any of these gzip-compressed (.gz), folders (recursive) and "-" for
// standard input (format sniffed from content).
//
// After a reader has filled what its format declares, Extract reads the
// text itself for what only the text says: reprint headers (Chinese and
// English), bylines, datelines, contributor bios and genre cues. It fills
// only fields still empty, so declared metadata wins.
//
// Problems are reported as *Error values naming the file (and line, for
// JSON Lines); a reader keeps going past a bad record when it can.
package source

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/event"
	"github.com/klauspost/compress/gzip"
	"golang.org/x/text/unicode/norm"
)

// DefaultMaxBytes is the default limit on the size of one input file
// (after decompression): 20 MB.
const DefaultMaxBytes = 20 << 20

// Options control reading.
type Options struct {
	// MaxBytes is the largest file (decompressed) accepted, in bytes;
	// 0 means DefaultMaxBytes.
	MaxBytes int64
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// Error is a problem with one input: the file, the line (1-based; 0 when
// the problem is with the whole file) and what went wrong.
type Error struct {
	File string
	Line int
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Sentinel problems, wrapped in *Error.
var (
	ErrEmpty    = errors.New("empty file")
	ErrBinary   = errors.New("binary file, not text")
	ErrEncoding = errors.New("invalid UTF-8 and no known charset (GB18030, Shift_JIS) explains the bytes")
	ErrTooLarge = errors.New("file too large")
	ErrNoText   = errors.New("no article text found")
)

// Format is an input format.
type Format string

// Formats.
const (
	FormatText  Format = "text"
	FormatHTML  Format = "html"
	FormatJSONL Format = "jsonl"
	FormatFeed  Format = "feed"
)

// FormatOf returns the format a file name's extension announces (a
// trailing .gz is looked through), or "" when the extension is unknown.
func FormatOf(name string) Format {
	n := strings.ToLower(name)
	n = strings.TrimSuffix(n, ".gz")
	switch filepath.Ext(n) {
	case ".txt", ".text", ".md":
		return FormatText
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".xml", ".rss", ".atom", ".feed":
		return FormatFeed
	case ".sgm", ".sgml":
		return FormatReuters
	}
	return ""
}

// Sniff guesses the format of data from its first bytes.
func Sniff(data []byte) Format {
	head := bytes.TrimLeft(data[:min(len(data), 1024)], "\xef\xbb\xbf \t\r\n")
	lower := bytes.ToLower(head)
	switch {
	case bytes.HasPrefix(lower, []byte("<?xml")):
		if bytes.Contains(lower, []byte("<rss")) || bytes.Contains(lower, []byte("<feed")) || bytes.Contains(lower, []byte("<rdf")) {
			return FormatFeed
		}
		return FormatHTML
	case bytes.HasPrefix(lower, []byte("<rss")), bytes.HasPrefix(lower, []byte("<feed")):
		return FormatFeed
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")):
		return FormatHTML
	case bytes.HasPrefix(head, []byte("{")):
		return FormatJSONL
	}
	return FormatText
}

// Expand turns paths into the list of files to read: files as given,
// folders walked recursively (hidden entries skipped; only files whose
// extension names a known format are taken from folders, and not a
// folder's own documentation — README, LICENSE, SOURCE.txt and the like,
// see folderDoc — which is read only when named), "-" kept for
// standard input. Unreadable paths are returned as errors; the rest are
// still listed.
func Expand(paths []string) ([]string, []error) {
	var files []string
	var errs []error
	for _, p := range paths {
		if p == "-" {
			files = append(files, p)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &Error{File: p, Err: cleanPathErr(err)})
			continue
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &Error{File: path, Err: cleanPathErr(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if path != p && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && FormatOf(name) != "" && !folderDoc(name) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, &Error{File: p, Err: err})
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, errs
}

// folderDocs are the names (before the first dot, upper case) of the
// files that describe a folder of data rather than belong to it.
var folderDocs = map[string]bool{"README": true, "LICENSE": true, "LICENCE": true, "COPYING": true, "NOTICE": true,
	"SOURCE": true, "SOURCES": true, "CHANGELOG": true, "CHANGES": true, "AUTHORS": true, "CONTRIBUTING": true, "CITATION": true}

// folderDoc reports whether a file of that name in a folder is the
// folder's documentation (README.md, LICENSE.txt, SOURCE.txt …).
func folderDoc(name string) bool {
	base, _, _ := strings.Cut(name, ".")
	return folderDocs[strings.ToUpper(base)]
}

// cleanPathErr drops the path from an *fs.PathError (the caller names the
// file itself).
func cleanPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("cannot %s: %w", pe.Op, pe.Err)
	}
	return err
}

// ReadFile reads one file ("-" = standard input) and returns its
// documents and the problems met. A file-level problem (unreadable, empty,
// binary, too large) yields no documents and one error; a record-level
// problem (a malformed JSON line, a feed item without text) skips that
// record only.
func ReadFile(path string, opts Options) ([]*event.Document, []error) {
	var r io.Reader
	if path == "-" {
		r = os.Stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, []error{&Error{File: path, Err: cleanPathErr(err)}}
		}
		defer f.Close()
		if info, err := f.Stat(); err == nil {
			if info.IsDir() {
				return nil, []error{&Error{File: path, Err: errors.New("is a folder")}}
			}
			if info.Size() > opts.maxBytes() {
				return nil, []error{&Error{File: path, Err: tooLarge(info.Size(), opts.maxBytes())}}
			}
		}
		return read(path, f, opts, fileSizeHint(f))
	}
	return Read(path, r, opts)
}

// fileSizeHint returns how many bytes reading f is likely to give: its
// size, or for gzip data the size its trailer records (the last
// member's, modulo 4 GB: only a hint for the first allocation).
func fileSizeHint(f *os.File) func(gzipped bool) int64 {
	return func(gzipped bool) int64 {
		info, err := f.Stat()
		if err != nil || !info.Mode().IsRegular() {
			return 0
		}
		if !gzipped {
			return info.Size()
		}
		var trailer [4]byte
		if info.Size() < 18 {
			return 0
		}
		if _, err := f.ReadAt(trailer[:], info.Size()-4); err != nil {
			return 0
		}
		// Deflate expands at most about 1032 times.
		return min(int64(binary.LittleEndian.Uint32(trailer[:])), 1032*info.Size())
	}
}

func tooLarge(size, limit int64) error {
	if size < 0 {
		return fmt.Errorf("%w: over the limit of %s (--max-bytes)", ErrTooLarge, humanBytes(limit))
	}
	return fmt.Errorf("%w: %s, over the limit of %s (--max-bytes)", ErrTooLarge, humanBytes(size), humanBytes(limit))
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// Read reads the content of the file called name from r (gunzipping it
// when it is gzip data) and parses it in the format its name announces,
// else the one its content suggests.
func Read(name string, r io.Reader, opts Options) ([]*event.Document, []error) {
	return read(name, r, opts, nil)
}

// read is Read with a guess of the content's size (nil: none), which
// saves growing the buffer step by step.
func read(name string, r io.Reader, opts Options, sizeHint func(gzipped bool) int64) ([]*event.Document, []error) {
	limit := opts.maxBytes()
	hint := func(gzipped bool) int64 {
		if sizeHint == nil {
			return 0
		}
		return min(sizeHint(gzipped), limit)
	}
	br := bufio.NewReader(r)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		var zin io.Reader = br
		if sizeHint != nil {
			// A file of known size: inflate from memory, the decoder's
			// fastest input.
			comp, err := readAll(io.LimitReader(br, limit+1), sizeHint(false))
			if err != nil {
				return nil, []error{&Error{File: name, Err: fmt.Errorf("read: %w", err)}}
			}
			zin = bytes.NewReader(comp)
		}
		zr, err := gzip.NewReader(zin)
		if err != nil {
			return nil, []error{&Error{File: name, Err: fmt.Errorf("gzip: %w", err)}}
		}
		defer zr.Close()
		return readPlain(name, zr, limit, hint(true))
	}
	return readPlain(name, br, limit, hint(false))
}

func readPlain(name string, r io.Reader, limit, hint int64) ([]*event.Document, []error) {
	data, err := readAll(io.LimitReader(r, limit+1), hint)
	if err != nil {
		return nil, []error{&Error{File: name, Err: fmt.Errorf("read: %w", err)}}
	}
	if int64(len(data)) > limit {
		return nil, []error{&Error{File: name, Err: tooLarge(-1, limit)}}
	}
	return Parse(name, data)
}

// readAll is io.ReadAll with a first buffer of size (plus one byte, so
// that a right guess ends without growing it).
func readAll(r io.Reader, size int64) ([]byte, error) {
	b := make([]byte, 0, max(size, 512-1)+1)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // let append grow it
		}
	}
}

// Parse parses data read from the file called name.
func Parse(name string, data []byte) ([]*event.Document, []error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, []error{&Error{File: name, Err: ErrEmpty}}
	}
	format := FormatOf(name)
	if format == "" {
		format = Sniff(data)
	}
	var docs []*event.Document
	var errs []error
	switch format {
	case FormatJSONL:
		docs, errs = parseJSONLData(name, data)
	case FormatFeed:
		docs, errs = ParseFeed(name, data)
	case FormatReuters:
		if err := checkBinary(data); err != nil {
			return nil, []error{&Error{File: name, Err: err}}
		}
		docs, errs = ParseReuters(name, data)
	case FormatHTML:
		doc, err := ParseHTML(name, data)
		if err != nil {
			errs = append(errs, err)
		} else {
			docs = append(docs, doc)
		}
	default:
		doc, err := ParseText(name, data)
		if err != nil {
			errs = append(errs, err)
		} else {
			docs = append(docs, doc)
		}
	}
	for _, d := range docs {
		if d.File == "" {
			d.File = name
		}
		d.ID = ID(d.Text)
	}
	return docs, errs
}

// ID returns a document's identity: the hex SHA-256 of its text after
// Unicode NFC normalization, with runs of white space collapsed to one
// space and the ends trimmed. The same article re-read from another
// file, with other line ends or wrapping, gets the same ID.
func ID(text string) string {
	if !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
	}
	h := sha256.New()
	buf := make([]byte, 0, 4096)
	write := func(s string) {
		for len(s) > 0 {
			if len(buf) == cap(buf) {
				h.Write(buf)
				buf = buf[:0]
			}
			k := copy(buf[len(buf):cap(buf)], s)
			buf = buf[:len(buf)+k]
			s = s[k:]
		}
	}
	// spaceAt reports whether a white-space character starts at i, and
	// its size.
	spaceAt := func(i int) (bool, int) {
		c := text[i]
		if c < utf8.RuneSelf {
			return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f', 1
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		return unicode.IsSpace(r), size
	}
	// Segments between white-space runs are written whole; a single
	// interior ' ' stays inside its segment, so most text is copied in a
	// few long runs.
	start, started := 0, false
	flushSeg := func(end int) {
		if end > start {
			if started {
				write(" ")
			}
			write(text[start:end])
			started = true
		}
	}
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && !asciiSpace[c] {
			i++ // the common case, kept free of calls
			continue
		} else if c == ' ' && i > start && i+1 < len(text) && text[i+1] < utf8.RuneSelf && !asciiSpace[text[i+1]] {
			i++ // a single space between words stays in the segment
			continue
		}
		sp, size := spaceAt(i)
		if !sp {
			i += size
			continue
		}
		if text[i] == ' ' && i > start && i+1 < len(text) {
			if next, _ := spaceAt(i + 1); !next {
				i++
				continue
			}
		}
		flushSeg(i)
		for i < len(text) {
			sp, size := spaceAt(i)
			if !sp {
				break
			}
			i += size
		}
		start = i
	}
	flushSeg(len(text))
	h.Write(buf)
	return hex.EncodeToString(h.Sum(nil))
}

// asciiSpace marks the ASCII white-space bytes (as unicode.IsSpace).
var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\n': true, '\t': true, '\r': true, '\v': true, '\f': true}

// normalizeNewlines turns "\r\n" and lone "\r" into "\n" and drops a
// leading byte order mark.
func normalizeNewlines(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
