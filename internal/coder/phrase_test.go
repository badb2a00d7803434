package coder

import (
	"reflect"
	"testing"
)

// Words joined by "_" around a synset must follow each other; synset
// names may contain "_" themselves.
func TestSynPhrase(t *testing.T) {
	d := NewDictionary()
	d.AddSynset("&KINDS", []string{"trade", "naval"})
	d.AddSynset("&TWO_WORDS", []string{"some_thing"})
	tests := []struct {
		tok  string
		want string
		ok   bool
	}{
		{"FRESH_&KINDS_LINKS", "fresh_&KINDS_links", true},
		{"&KINDS_NOTES", "&KINDS_notes", true},
		{"&TWO_WORDS_HERE", "&TWO_WORDS_here", true},
		{"&TWO_WORDS", "", false},
		{"PLAIN_WORDS", "", false},
		{"*_UP", "", false},
	}
	for _, tc := range tests {
		got, ok := synPhrase(tc.tok, d)
		if got != tc.want || ok != tc.ok {
			t.Errorf("synPhrase(%q) = %q, %v; want %q, %v", tc.tok, got, ok, tc.want, tc.ok)
		}
	}
	if got, want := d.expandPhrase("fresh_&KINDS_links"), []string{"fresh_trade_links", "fresh_naval_links"}; !reflect.DeepEqual(got, want) {
		t.Errorf("expandPhrase = %v, want %v", got, want)
	}
	if got, want := d.expandPhrase("&TWO_WORDS_here"), []string{"some_thing_here"}; !reflect.DeepEqual(got, want) {
		t.Errorf("expandPhrase = %v, want %v", got, want)
	}
	if got := phraseLen([]string{"fresh_&KINDS_links"}); got != 3 {
		t.Errorf("phraseLen = %d, want 3", got)
	}
}
