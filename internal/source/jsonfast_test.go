package source

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// checkFast: when fastArticle accepts a line, encoding/json accepts it
// too and decodes the same values.
func checkFast(t *testing.T, line string) (fast bool) {
	t.Helper()
	var a, b jsonArticle
	if !fastArticle([]byte(line), &a) {
		return false
	}
	if err := json.Unmarshal([]byte(line), &b); err != nil {
		t.Fatalf("fast path accepted %q, encoding/json: %v", line, err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("fast path decoded %q as\n%s\nencoding/json as\n%s", line, dumpArticle(a), dumpArticle(b))
	}
	return true
}

func dumpArticle(a jsonArticle) string {
	out, _ := json.Marshal(a)
	return string(out)
}

// TestFastArticle: lines the fast path must take (and decode as
// encoding/json does) and lines it must leave to encoding/json.
func TestFastArticle(t *testing.T) {
	tests := []struct {
		line string
		fast bool
	}{
		{`{"title": "Harbour reopens", "text": "Ships came back.\nThe storm passed.", "published": "2021-03-04"}` + "\n", true},
		{`{}`, true},
		{` { "text" : "a \"quoted\" word \\ and \/ slash \b\f\r\t" } `, true},
		{`{"text": "caf\u00e9 \u4e2d\u6587 \ud83d\ude00 snowman \u2603"}`, true},
		{`{"text": "x", "text": null}`, true},
		{`{"text": "x", "id": 12, "score": -1.5e+3, "ok": true, "no": false, "tags": ["a", {"b": [1, 2.0]}], "extra": null}`, true},
		{`{"text": "x", "authors": ["Ann Lee", "Bo Chan"]}`, true},
		{`{"text": "x", "authors": [{"name": "Ann Lee", "role": "editor"}]}`, true},
		{`{"text": "x", "author": "Ann Lee and Bo Chan", "byline": null}`, true},
		{`{"text": "Zürich – “quoted” — ok"}`, true},
		{`{"Text": "case differs"}`, false},
		{`{"TITLE": "case differs", "text": "x"}`, false},
		{`{"text": 5}`, false},
		{`{"text": ["a"]}`, false},
		{`{"text": "lone \ud800 surrogate"}`, false},
		{"{\"text\": \"bad \xff byte\"}", false},
		{"{\"text\": \"raw\ttab\"}", false},
		{`{"text": "x",}`, false},
		{`{"text": "x"} {}`, false},
		{`{"text": "x", "n": 01}`, false},
		{`{"text": "x", "n": [1,]}`, false},
		{`{"text": "x"`, false},
		{`["text"]`, false},
		{`{"text": "\x"}`, false},
		{`{"text": "x", "deep": ` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`, false},
	}
	for _, tc := range tests {
		if got := checkFast(t, tc.line); got != tc.fast {
			t.Errorf("fast path for %q: %v, want %v", tc.line, got, tc.fast)
		}
		// Whatever the path, parseJSONLine agrees with encoding/json.
		var a, b jsonArticle
		errA := decodeArticle([]byte(tc.line), &a)
		errB := json.Unmarshal([]byte(tc.line), &b)
		if (errA == nil) != (errB == nil) || errA != nil && errA.Error() != errB.Error() || !reflect.DeepEqual(a, b) {
			t.Errorf("decodeArticle(%q) = %v, %s; encoding/json %v, %s", tc.line, errA, dumpArticle(a), errB, dumpArticle(b))
		}
	}
}

func FuzzFastArticle(f *testing.F) {
	f.Add(`{"title": "A", "text": "B\nC \u00e9 \ud83d\ude00", "authors": [{"name": "D"}], "n": 1}`)
	f.Add(`{"text": null, "x": {"y": [true, false, null, -0.5e2]}}`)
	f.Add(`{"Text": "x", "text": "y"}`)
	f.Fuzz(func(t *testing.T, line string) {
		checkFast(t, line)
	})
}

// BenchmarkDecodeArticle decodes a typical line: short metadata strings
// and a 3 KB text with escaped line breaks and quotes.
func BenchmarkDecodeArticle(b *testing.B) {
	text := strings.Repeat(`The council met on Monday.\nIts chair said \"talks will resume\" next week.\n`, 40)
	line := []byte(`{"id": "x1", "url": "https://example.org/a", "title": "Talks resume", "published": "2020-05-06", "outlet": "Example News", "authors": ["Ann Lee"], "text": "` + text + `"}` + "\n")
	for _, dec := range []struct {
		name string
		fn   func([]byte, any) error
	}{
		{"fast", func(raw []byte, a any) error { return decodeArticle(raw, a.(*jsonArticle)) }},
		{"encoding-json", json.Unmarshal},
	} {
		b.Run(dec.name, func(b *testing.B) {
			b.SetBytes(int64(len(line)))
			for i := 0; i < b.N; i++ {
				var a jsonArticle
				if err := dec.fn(line, &a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestJSONLDataMatchesReader: reading lines in place gives the documents,
// file:line names and errors of the streaming reader.
func TestJSONLDataMatchesReader(t *testing.T) {
	inputs := []string{
		"{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n",
		"{\"text\": \"No final newline.\"}",
		"\n\n{\"text\": \"After blanks.\"}\r\n  \r\n{\"text\": 7}\n{broken\n{\"text\": \"Last.\"}\n",
		"",
	}
	for _, in := range inputs {
		d1, e1 := ParseJSONL("f.jsonl", strings.NewReader(in))
		d2, e2 := parseJSONLData("f.jsonl", []byte(in))
		if !reflect.DeepEqual(d1, d2) || fmt.Sprint(e1) != fmt.Sprint(e2) {
			t.Errorf("%q: reader %v %v, in place %v %v", in, d1, e1, d2, e2)
		}
	}
}
