// Package benchutil is the plumbing the `dyad bench …` commands share:
// reading a corpus of articles, measuring wall and CPU time, allocations
// and peak memory, and formatting rates.
//
// A corpus is a JSON Lines file of articles (gzip'd when named .gz), a
// plain-text file (one article), or a folder holding such files:
//
//	arts, err := benchutil.ReadArticles(path, 100) // at most 100 articles
//	m := benchutil.Start()
//	… the work …
//	r := m.Stop()               // r.Wall, r.CPU, r.Mallocs, r.Bytes
//	fmt.Println(benchutil.Rate(tokens, r.Wall.Seconds()), "tokens/s")
//	fmt.Println("peak RSS", benchutil.PeakRSS())
package benchutil

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/progress"
	"github.com/dyad-events/dyad/internal/shared"
)

// DefaultCorpus returns the path of the benchmark corpus the bench
// commands read when given none: PolNeAR's articles in ../shared.
func DefaultCorpus() (string, error) {
	p, err := shared.Path("data", "news", "polnear", "polnear_articles.jsonl.gz")
	if err != nil {
		return "", fmt.Errorf("find the PolNeAR corpus: %w", err)
	}
	return p, nil
}

// CorpusUsage describes a corpus flag.
const CorpusUsage = "articles: JSONL(.gz) with a \"text\" field, a text file, or a folder of them (default ../shared/data/news/polnear/polnear_articles.jsonl.gz)"

// Article is one article of a benchmark corpus. Only Text is always set;
// the other fields come from the JSON Lines keys id, title and
// publication_date (the date as written: parse it with source.ParseDate).
type Article struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
	Date  string `json:"publication_date"`
}

// ReadArticles reads the articles of path: a JSON Lines file (.jsonl,
// .json, or either gzip'd as .gz) with a "text" field per line, a
// plain-text file (any other name: one article, its ID the file name), or
// a folder holding such files (read in lexical order; only names ending in
// .jsonl, .json, .ndjson or .txt, gzip'd or not; hidden files and folders
// skipped). Articles with an empty text are skipped; when limit >
// 0 at most limit articles are returned.
func ReadArticles(path string, limit int) ([]Article, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read corpus: %w", err)
	}
	if !info.IsDir() {
		return readFile(path, nil, limit)
	}
	var out []Article
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("read %s: %w", p, err)
		}
		if p != path && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() || !inFolder(d.Name()) {
			return nil
		}
		if limit > 0 && len(out) >= limit {
			return filepath.SkipAll
		}
		out, err = readFile(p, out, limit)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ReadTexts is ReadArticles keeping only the texts.
func ReadTexts(path string, limit int) ([]string, error) {
	arts, err := ReadArticles(path, limit)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = a.Text
	}
	return out, nil
}

// isJSONL reports whether name (without a .gz suffix) names JSON Lines.
func isJSONL(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".jsonl" || ext == ".json" || ext == ".ndjson"
}

// inFolder reports whether a file of a folder is read as part of a corpus.
func inFolder(name string) bool {
	name = strings.TrimSuffix(strings.ToLower(name), ".gz")
	return isJSONL(name) || strings.HasSuffix(name, ".txt")
}

// readFile appends the articles of one file to out.
func readFile(path string, out []Article, limit int) ([]Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read corpus: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	name := path
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		defer zr.Close()
		r = zr
		name = path[:len(path)-len(".gz")]
	}
	if !isJSONL(name) {
		b, err := io.ReadAll(r)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		if len(b) > 0 {
			out = append(out, Article{ID: filepath.Base(name), Text: string(b)})
		}
		return out, nil
	}
	return readJSONL(r, path, out, limit)
}

// readJSONL appends the articles of the JSON lines of r (named path in
// errors) to out.
func readJSONL(r io.Reader, path string, out []Article, limit int) ([]Article, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for line := 1; (limit <= 0 || len(out) < limit) && sc.Scan(); line++ {
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var a Article
		if err := json.Unmarshal(b, &a); err != nil {
			return nil, fmt.Errorf("read %s: line %d: %w", path, line, err)
		}
		if a.Text != "" {
			out = append(out, a)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, nil
}

// Bytes returns the total length of texts.
func Bytes(texts []string) int {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	return n
}

// Meter measures one piece of work: wall time, the process's CPU time
// (user and system, all threads) and the Go heap allocations.
type Meter struct {
	wall time.Time
	cpu  time.Duration
	mem  runtime.MemStats
}

// Result is what a Meter measured.
type Result struct {
	Wall, CPU time.Duration
	// Mallocs and Bytes count the heap allocations (objects, bytes)
	// between Start and Stop, by all goroutines.
	Mallocs, Bytes uint64
}

// Start collects garbage (so that the work does not pay for earlier
// garbage) and starts measuring.
func Start() *Meter {
	runtime.GC()
	m := &Meter{}
	runtime.ReadMemStats(&m.mem)
	m.cpu, _ = CPUTime()
	m.wall = time.Now()
	return m
}

// Stop returns what was measured since Start.
func (m *Meter) Stop() Result {
	wall := time.Since(m.wall)
	cpu, _ := CPUTime()
	var m1 runtime.MemStats
	runtime.ReadMemStats(&m1)
	return Result{Wall: wall, CPU: cpu - m.cpu, Mallocs: m1.Mallocs - m.mem.Mallocs, Bytes: m1.TotalAlloc - m.mem.TotalAlloc}
}

// PeakRSS returns the process's peak resident memory as the system words
// it (/proc/self/status VmHWM, such as "412345 kB"), or "unknown" where
// the system does not report it.
func PeakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

// Rate formats n per secs as a whole number ("12345"); a negative n means
// the figure is given elsewhere and formats as "(below)".
func Rate(n int, secs float64) string {
	if n < 0 {
		return "(below)"
	}
	return fmt.Sprintf("%.0f", float64(n)/secs)
}

// MiB returns n bytes in mebibytes (2^20 bytes).
func MiB(n int64) float64 { return float64(n) / (1 << 20) }

// Say returns a Printf to w when w is a terminal, and a function doing
// nothing otherwise: progress notes that stay out of piped output.
func Say(w io.Writer) func(format string, a ...any) {
	if !progress.IsTerminal(w) {
		return func(string, ...any) {}
	}
	return func(format string, a ...any) { fmt.Fprintf(w, format, a...) }
}

// StartCPUProfile writes a CPU profile to path (nothing when path is
// empty) until the returned stop function is called.
func StartCPUProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile %s: %w", path, err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
