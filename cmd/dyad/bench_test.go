package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/text"
)

// TestBenchText runs `dyad bench text` over a small corpus of its own and
// checks the counts it reports against the segmenter, and its usage
// errors.
func TestBenchText(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "c.jsonl")
	arts := []string{
		"The ferry left the harbour at noon. It reached the island two hours later.",
		"Farmers in the valley said the harvest was late this year.",
	}
	var b strings.Builder
	sents, toks := 0, 0
	for _, a := range arts {
		b.WriteString(`{"text":"` + a + `"}` + "\n")
		for _, s := range text.Segment(a) {
			sents++
			toks += len(s.Tokens)
		}
	}
	if err := os.WriteFile(corpus, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := dyad(t, "bench", "text", "--corpus", corpus, "--rounds", "1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^corpus .*c\.jsonl: 2 articles, 0\.0 MB; GOMAXPROCS=1$`),
		regexp.MustCompile(`(?m)^` + strconv.Itoa(sents) + ` sentences, ` + strconv.Itoa(toks) + ` tokens in [0-9.]+ s \(best of 1\)$`),
		regexp.MustCompile(`(?m)^[0-9]+ tokens/s, [0-9]+ sentences/s, [0-9.]+ MB/s; [0-9.]+ allocs/sentence, [0-9]+ bytes allocated/token$`),
	} {
		if !want.MatchString(out) {
			t.Errorf("output does not match %s:\n%s", want, out)
		}
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--corpus", corpus, "extra"}, "unexpected argument extra"},
		{[]string{"--corpus", corpus, "--procs", "0"}, "--procs must be 1 or more"},
		{[]string{"--corpus", corpus, "--rounds", "0"}, "--rounds must be at least 1"},
		{[]string{"--corpus", filepath.Join(dir, "none.jsonl")}, "none.jsonl"},
	}
	for _, tc := range tests {
		code, _, errs := dyad(t, append([]string{"bench", "text"}, tc.args...)...)
		if code == 0 || !strings.Contains(errs, tc.want) {
			t.Errorf("bench text %q: exit %d, stderr %q; want an error with %q", tc.args, code, errs, tc.want)
		}
	}
}

// TestBenchIngest runs `dyad bench ingest` over a small folder and checks
// the figures it reports, and its usage errors.
func TestBenchIngest(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, a := range []string{
		"The ferry left the harbour at noon. It reached the island two hours later.",
		"Farmers in the valley said the harvest was late this year, and prices rose.",
	} {
		if err := os.WriteFile(filepath.Join(in, "a"+strconv.Itoa(i)+".txt"), []byte(a+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs := dyad(t, "bench", "ingest", "--db", filepath.Join(dir, "b.db"), in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^files 2, documents 2 \(ingested 2, duplicates 0, unchanged 0, failed 0\)$`),
		regexp.MustCompile(`(?m)^input 0\.0 MB on disk, text 0\.0 MB, store [0-9.]+ MB$`),
		regexp.MustCompile(`(?m)^time [0-9.]+ s: [0-9]+ docs/s, [0-9.]+ MB/s of text \(GOMAXPROCS=[0-9]+, batch 1000, analyzer false\)$`),
		regexp.MustCompile(`(?m)^cpu [0-9.]+ s \(user\+sys, all threads, whole process\): [0-9.]+ MB/s of text per CPU-second$`),
		regexp.MustCompile(`(?m)^peak RSS [0-9]+ MB$`),
	} {
		if !want.MatchString(out) {
			t.Errorf("output does not match %s:\n%s", want, out)
		}
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--db", filepath.Join(dir, "b.db"), in}, "exists"},
		{[]string{"--batch", "0", in}, "--batch and --workers must be positive"},
		{[]string{"--workers", "-1", in}, "--batch and --workers must be positive"},
	}
	for _, tc := range tests {
		code, _, errs := dyad(t, append([]string{"bench", "ingest"}, tc.args...)...)
		if code == 0 || !strings.Contains(errs, tc.want) {
			t.Errorf("bench ingest %q: exit %d, stderr %q; want an error with %q", tc.args, code, errs, tc.want)
		}
	}
}

// TestBenchCode runs `dyad bench code` over a small corpus of its own:
// the figures it reports, the --check-skip comparison, and usage errors.
func TestBenchCode(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "c.jsonl")
	var b strings.Builder
	for i, a := range []string{
		"Russia accused Ukraine of shelling the plant on Monday. The weather was mild. Officials in Kyiv denied it.",
		"Farmers planted wheat across the plains. Turkey praised both countries for the talks. The harvest will be large.",
	} {
		fmt.Fprintf(&b, `{"id": "a%d", "text": %q, "publication_date": "2024-03-0%d"}`+"\n", i, a, i+1)
	}
	if err := os.WriteFile(corpus, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := dyad(t, "bench", "code", "--corpus", corpus, "--batch", "1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^raw text → stored events +[0-9.]+ +[0-9]+( +[0-9.]+ +[0-9]+)?$`),
		regexp.MustCompile(`(?m)^parse \(on demand\) +[0-9.]+ +[0-9]+`),
		regexp.MustCompile(`(?m)^sentences 6, [0-9] parsed \(skip-idle true, on demand true\), events [1-9][0-9]* `),
	} {
		if !want.MatchString(out) {
			t.Errorf("output does not match %s:\n%s", want, out)
		}
	}
	code, out, errs = dyad(t, "bench", "code", "--corpus", corpus, "--check-skip")
	if code != 0 || !strings.Contains(out, "check-skip: 2 articles, 6 sentences") || !strings.Contains(out, "articles whose events differ: 0") || !strings.Contains(out, "0 missed; 0 other events") {
		t.Errorf("--check-skip: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	code, _, errs = dyad(t, "bench", "code", "--corpus", corpus, "--batch", "0")
	if code == 0 || !strings.Contains(errs, "--batch and --batch-mb must be 1 or more") {
		t.Errorf("--batch 0: exit %d, stderr %q", code, errs)
	}
}
