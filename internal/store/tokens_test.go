package store

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/event"
)

var sampleTokens = []event.Token{
	{ID: 1, Form: "Ministers", Start: 10, End: 19, SpaceAfter: true, Lemma: "minister", UPOS: "NOUN", XPOS: "NNS", Feats: "Number=Plur", Head: 2, Deprel: "nsubj"},
	{ID: 2, Form: "met", Start: 20, End: 23, SpaceAfter: false, Lemma: "meet", UPOS: "VERB", XPOS: "VBD", Feats: "Mood=Ind|Tense=Past|VerbForm=Fin", Head: 0, Deprel: "root"},
	{ID: 3, Form: ".", Start: 23, End: 24, Lemma: ".", UPOS: "PUNCT", XPOS: ".", Feats: "_", Head: 2, Deprel: "punct"},
}

func TestTokensRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		toks []event.Token
		json bool // stored as JSON
	}{
		{"plain", sampleTokens, false},
		{"empty fields", []event.Token{{ID: 1, Form: "x", Start: -1, End: -1}}, false},
		{"tab in a form falls back to JSON", []event.Token{{ID: 1, Form: "a\tb", Head: 0}}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := encodeTokens(tc.toks)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.HasPrefix(s, "["); got != tc.json {
				t.Fatalf("stored as JSON %v, want %v: %q", got, tc.json, s)
			}
			back, err := decodeTokens(s)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back, tc.toks) {
				t.Fatalf("round trip:\n got %+v\nwant %+v", back, tc.toks)
			}
		})
	}
}

func TestTokensLegacyJSON(t *testing.T) {
	j, _ := json.Marshal(sampleTokens)
	back, err := decodeTokens(string(j))
	if err != nil || !reflect.DeepEqual(back, sampleTokens) {
		t.Fatalf("legacy JSON: %v %+v", err, back)
	}
	s, _ := encodeTokens(sampleTokens)
	if len(s)*2 > len(j) {
		t.Errorf("tab form %d bytes is not under half the JSON's %d", len(s), len(j))
	}
}

func TestTokensBad(t *testing.T) {
	for _, s := range []string{"1\tx", "a\tb\tc\td\te\tf\tg\th\ti\tj\tk", "[{"} {
		if _, err := decodeTokens(s); err == nil {
			t.Errorf("decodeTokens(%q): no error", s)
		}
	}
}

func FuzzDecodeTokens(f *testing.F) {
	s, _ := encodeTokens(sampleTokens)
	f.Add(s)
	f.Add("[]")
	f.Add("1\t\t\t\t\t\t0\t\t0\t0\t0")
	f.Fuzz(func(t *testing.T, s string) {
		toks, err := decodeTokens(s)
		if err != nil {
			return
		}
		// what decodes re-encodes to something that decodes the same
		again, err := encodeTokens(toks)
		if err != nil {
			t.Fatal(err)
		}
		back, err := decodeTokens(again)
		if err != nil {
			t.Fatalf("re-encoded %q does not decode: %v", again, err)
		}
		if len(back) != len(toks) {
			t.Fatalf("re-decode: %d tokens, want %d", len(back), len(toks))
		}
	})
}
