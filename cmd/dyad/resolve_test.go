package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestResolveCommand(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"resolve", "--date", "2025-02-10", "Japan's Foreign Minister Takeshi Iwaya met NATO Secretary General Mark Rutte in Brussels last week."}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var got resolveOut
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	want := []struct{ text, code, name string }{
		{"Japan's Foreign Minister Takeshi Iwaya", "JPNGOV", "Takeshi Iwaya"},
		{"NATO Secretary General Mark Rutte", "IGOWSTNAT", "Mark Rutte"},
		{"Brussels", "IGOEUREEC", "EU"},
	}
	if len(got.Actors) != len(want) {
		t.Fatalf("got %d actors, want %d: %s", len(got.Actors), len(want), out.String())
	}
	for i, w := range want {
		a := got.Actors[i]
		if a.Text != w.text || a.Code != w.code || a.Name != w.name {
			t.Errorf("actor %d = %+v, want %+v", i, a, w)
		}
		if !strings.HasPrefix(strings.ReplaceAll(out.String(), " ", ""), `{"actors":[{"text"`) {
			t.Errorf("JSON shape: %s", out.String())
		}
	}
	if len(got.Times) != 1 || got.Times[0].Text != "last week" || got.Times[0].Precision != "week" {
		t.Errorf("times = %+v", got.Times)
	}
}

func TestResolveUsage(t *testing.T) {
	for _, args := range [][]string{
		{"resolve", "some text"},
		{"resolve", "--date", "10 July 2023", "some text"},
	} {
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != 2 {
			t.Errorf("%q: exit %d, want 2 (%s)", args, code, errb.String())
		}
	}
}
