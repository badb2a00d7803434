package benchutil

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// write creates name under dir with content, gzip'd when name ends in .gz.
func write(t testing.TB, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	b := []byte(content)
	if strings.HasSuffix(name, ".gz") {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(b)
		zw.Close()
		b = buf.Bytes()
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const lines = `{"id":"a1","title":"Rain","text":"It rained in the valley.","publication_date":"2016-03-01"}

{"id":"a2","text":""}
{"id":"a3","text":"The mill reopened on Monday."}
`

func TestReadArticles(t *testing.T) {
	dir := t.TempDir()
	jsonl := write(t, dir, "c.jsonl", lines)
	gz := write(t, dir, "c.jsonl.gz", lines)
	txt := write(t, dir, "notes.txt", "A plain note about a bridge.\n")
	folder := filepath.Join(dir, "folder")
	write(t, folder, "b/two.txt", "Second file.")
	write(t, folder, "a.jsonl", lines)
	write(t, folder, ".hidden.txt", "never read")
	write(t, folder, "notes.md", "not a corpus file")
	a1 := Article{ID: "a1", Title: "Rain", Text: "It rained in the valley.", Date: "2016-03-01"}
	a3 := Article{ID: "a3", Text: "The mill reopened on Monday."}
	tests := []struct {
		name  string
		path  string
		limit int
		want  []Article
	}{
		{"jsonl", jsonl, 0, []Article{a1, a3}},
		{"jsonl limit", jsonl, 1, []Article{a1}},
		{"gzip", gz, 0, []Article{a1, a3}},
		{"text file", txt, 0, []Article{{ID: "notes.txt", Text: "A plain note about a bridge.\n"}}},
		{"folder", folder, 0, []Article{a1, a3, {ID: "two.txt", Text: "Second file."}}},
		{"folder limit", folder, 2, []Article{a1, a3}},
	}
	for _, tc := range tests {
		got, err := ReadArticles(tc.path, tc.limit)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %+v, want %+v", tc.name, got, tc.want)
		}
	}
	texts, err := ReadTexts(jsonl, 0)
	if err != nil || !reflect.DeepEqual(texts, []string{a1.Text, a3.Text}) {
		t.Errorf("ReadTexts = %q, %v", texts, err)
	}
	if n := Bytes(texts); n != len(a1.Text)+len(a3.Text) {
		t.Errorf("Bytes = %d", n)
	}
}

// TestReadArticlesErrors: bad input is an error naming the file, never a panic.
func TestReadArticlesErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, path, want string
	}{
		{"missing", filepath.Join(dir, "none.jsonl"), "none.jsonl"},
		{"bad json", write(t, dir, "bad.jsonl", "{\"text\":\"ok\"}\n{not json\n"), "bad.jsonl: line 2"},
		{"empty text file (no article, no error)", write(t, dir, "empty.txt", ""), ""},
		{"not gzip", filepath.Join(dir, "plain.jsonl.gz"), "plain.jsonl.gz"},
	}
	os.WriteFile(filepath.Join(dir, "plain.jsonl.gz"), []byte("{\"text\":\"x\"}\n"), 0o644)
	for _, tc := range tests {
		_, err := ReadArticles(tc.path, 0)
		if tc.want == "" {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one naming %q", tc.name, err, tc.want)
		}
	}
}

func TestRate(t *testing.T) {
	tests := []struct {
		n    int
		secs float64
		want string
	}{
		{1000, 2, "500"},
		{3, 2, "2"},
		{0, 1, "0"},
		{-1, 1, "(below)"},
	}
	for _, tc := range tests {
		if got := Rate(tc.n, tc.secs); got != tc.want {
			t.Errorf("Rate(%d, %v) = %q, want %q", tc.n, tc.secs, got, tc.want)
		}
	}
	if got := MiB(3 << 20); got != 3 {
		t.Errorf("MiB(3<<20) = %v", got)
	}
}

func TestMeter(t *testing.T) {
	m := Start()
	keep := make([][]byte, 0, 100)
	for i := 0; i < 100; i++ {
		keep = append(keep, make([]byte, 1000))
	}
	r := m.Stop()
	if len(keep) != 100 || r.Mallocs < 100 || r.Bytes < 100*1000 {
		t.Errorf("measured %d allocations, %d bytes; want at least 100 and 100000", r.Mallocs, r.Bytes)
	}
	if r.Wall <= 0 || r.CPU < 0 {
		t.Errorf("wall %v, cpu %v", r.Wall, r.CPU)
	}
	if _, err := os.Stat("/proc/self/status"); err == nil {
		if p := PeakRSS(); !strings.HasSuffix(p, "kB") {
			t.Errorf("PeakRSS = %q, want a figure in kB", p)
		}
	}
	if _, ok := CPUTime(); ok {
		if b, ok := MaxRSS(); !ok || b <= 0 {
			t.Errorf("MaxRSS = %d, %v", b, ok)
		}
	}
}

func TestSayQuietWhenPiped(t *testing.T) {
	var buf bytes.Buffer
	Say(&buf)("note %d\n", 1)
	if buf.Len() != 0 {
		t.Errorf("wrote %q to a non-terminal", buf.String())
	}
}

// FuzzReadJSONL: any bytes give articles or an error, never a panic.
func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(lines))
	f.Add([]byte("{\"text\": 3}\n"))
	f.Add([]byte("\n\n{}"))
	f.Fuzz(func(t *testing.T, b []byte) {
		arts, err := readJSONL(bytes.NewReader(b), "fuzz.jsonl", nil, 0)
		for _, a := range arts {
			if a.Text == "" {
				t.Fatalf("empty article kept: %+v (err %v)", a, err)
			}
		}
	})
}

func BenchmarkReadArticles(b *testing.B) {
	dir := b.TempDir()
	var sb strings.Builder
	for i := 0; i < 1000; i++ {
		sb.WriteString(`{"id":"x","text":"The council met again and agreed on a new budget for the schools."}` + "\n")
	}
	p := write(b, dir, "c.jsonl.gz", sb.String())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ReadArticles(p, 0); err != nil {
			b.Fatal(err)
		}
	}
}
