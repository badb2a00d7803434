package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/event"
)

// An article of our own: dyad code reads it with its metadata and prints
// one JSON event a line with the fields of the contract.
const codeTestArticle = `Ministers meet in Santiago

Chile and Peru signed a fisheries agreement in March 2019. Argentina's foreign minister will visit Bolivia next week.
`

func TestCodeCommand(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "article.txt")
	if err := os.WriteFile(path, []byte(codeTestArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if rc := run([]string{"code", "--date", "2019-06-10", path}, &out, &errb); rc != 0 {
		t.Fatalf("exit %d: %s", rc, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	var evs []event.Event
	for _, l := range lines {
		var e event.Event
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		var raw map[string]any
		json.Unmarshal([]byte(l), &raw)
		for _, k := range []string{"doc", "sentence", "text", "span", "source", "target", "cameo", "root", "quad", "goldstein", "plover", "date", "precision", "modality", "evidence"} {
			if _, ok := raw[k]; !ok {
				t.Errorf("field %q missing: %s", k, l)
			}
		}
		evs = append(evs, e)
	}
	want := map[string]string{
		"CHL>PER 057 asserted 2019-03": "",
		"ARG>BOL 036 planned 2019-06":  "", // week precision gives a day inside June
	}
	got := map[string]bool{}
	for _, e := range evs {
		got[e.Source.Country+">"+e.Target.Country+" "+e.CAMEO+" "+e.Modality+" "+e.Date[:min(7, len(e.Date))]] = true
	}
	for k := range want {
		if !got[k] {
			t.Errorf("missing event %s; got %v", k, got)
		}
	}
}

func TestCodeUsage(t *testing.T) {
	for _, args := range [][]string{
		{"code", "--format", "xml"},
		{"code", "--date", "10/06/2019"},
		{"code", "a.txt", "b.txt"},
		{"code", "--convention", "weis"},
		{"code", "--beam", "-1"},
	} {
		var out, errb bytes.Buffer
		if rc := run(args, &out, &errb); rc != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, rc, errb.String())
		}
	}
}
