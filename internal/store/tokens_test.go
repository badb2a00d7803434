package store

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/event"
)

// sampleText is the document text sampleTokens point into.
const sampleText = "Yesterday Ministers met."

var sampleTokens = []event.Token{
	{ID: 1, Form: "Ministers", Start: 10, End: 19, SpaceAfter: true, Lemma: "minister", UPOS: "NOUN", XPOS: "NNS", Feats: "Number=Plur", Head: 2, Deprel: "nsubj"},
	{ID: 2, Form: "met", Start: 20, End: 23, SpaceAfter: false, Lemma: "meet", UPOS: "VERB", XPOS: "VBD", Feats: "Mood=Ind|Tense=Past|VerbForm=Fin", Head: 0, Deprel: "root"},
	{ID: 3, Form: ".", Start: 23, End: 24, Lemma: ".", UPOS: "PUNCT", XPOS: ".", Feats: "_", Head: 2, Deprel: "punct"},
}

// sampleTSV is sampleTokens as schema version 2 stored them.
const sampleTSV = "1\tMinisters\tminister\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t10\t19\t1\n" +
	"2\tmet\tmeet\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t20\t23\t0\n" +
	"3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t23\t24\t0"

func TestTokensRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		text string
		base int
		toks []event.Token
	}{
		{"plain", sampleText, 10, sampleTokens},
		{"empty fields", "", 0, []event.Token{{ID: 1, Form: "x", Start: -1, End: -1}}},
		{"tab and line break in fields", "a\tb", 0, []event.Token{{ID: 1, Form: "a\tb", Lemma: "a\nb", End: 3, UPOS: "X\t", Feats: "\r", Deprel: "dep\n"}}},
		{"unparsed, lower-case lemma, odd IDs and offsets", "The IRAN talks", 0, []event.Token{
			{ID: 1, Form: "The", Start: 0, End: 3, SpaceAfter: true, Lemma: "the", UPOS: "DET", XPOS: "DT", Feats: "Definite=Def|PronType=Art", Deprel: "_"},
			{ID: 7, Form: "Iran", Start: 4, End: 8, SpaceAfter: true, Lemma: "iran", UPOS: "PROPN", XPOS: "NNP", Feats: "Number=Sing", Head: 0, Deprel: "_"},
			{ID: 3, Form: "talks", Start: 9, End: 14, Lemma: "talk", UPOS: "NOUN", XPOS: "NNS", Feats: "Unknown=Yes", Head: 2, Deprel: "nsubj:new"},
			{ID: 4, Form: "«", Start: 20, End: 12, Lemma: "«", UPOS: "PUNCT", XPOS: "``", Feats: "_", Head: 99999, Deprel: "punct"},
			{ID: 5, Form: "ÉTÉ", Start: 2, End: 100, Lemma: "été", UPOS: "NEWTAG", XPOS: "NN", Feats: "_", Head: 1, Deprel: "_"},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := encodeTokens(tc.toks, tc.text, tc.base)
			back, err := decodeTokens(b, tc.text, tc.base)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back, tc.toks) {
				t.Fatalf("round trip:\n got %+v\nwant %+v", back, tc.toks)
			}
		})
	}
	if b := encodeTokens(nil, "", 0); b != nil {
		t.Errorf("no tokens: %q, want nil", b)
	}
	if toks, err := decodeTokens(nil, "", 0); toks != nil || err != nil {
		t.Errorf("decode nil: %v, %v", toks, err)
	}
}

// The binary form leans on the text and the tag tables: even the sample,
// whose feature strings and lemmas are mostly not in them, takes under
// half the bytes of the tab-separated lines (news text, a sixth).
func TestTokensSize(t *testing.T) {
	b := encodeTokens(sampleTokens, sampleText, 10)
	j, _ := json.Marshal(sampleTokens)
	if len(b)*2 > len(sampleTSV) || len(b)*6 > len(j) {
		t.Errorf("binary %d bytes, tab-separated %d, JSON %d", len(b), len(sampleTSV), len(j))
	}
}

func TestTokensLegacy(t *testing.T) {
	j, _ := json.Marshal(sampleTokens)
	for name, s := range map[string]string{"JSON": string(j), "tab-separated": sampleTSV} {
		// older rows are read without the text: they carry their forms
		back, err := decodeTokens([]byte(s), "", 0)
		if err != nil || !reflect.DeepEqual(back, sampleTokens) {
			t.Errorf("legacy %s: %v %+v", name, err, back)
		}
	}
}

func TestTokensBad(t *testing.T) {
	good := encodeTokens(sampleTokens, sampleText, 10)
	bad := []string{"1\tx", "a\tb\tc\td\te\tf\tg\th\ti\tj\tk", "[{",
		string(good[:len(good)-1]), string(good) + "x", "\x01\x05", "\x01\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"}
	for _, s := range bad {
		if _, err := decodeTokens([]byte(s), sampleText, 10); err == nil {
			t.Errorf("decodeTokens(%q): no error", s)
		}
	}
	// the offsets must lie in the text the forms are taken from
	if _, err := decodeTokens(good, "short", 10); err == nil || !strings.Contains(err.Error(), "outside the text") {
		t.Errorf("decode against a short text: %v", err)
	}
}

func FuzzDecodeTokens(f *testing.F) {
	f.Add(encodeTokens(sampleTokens, sampleText, 10), sampleText, 10)
	f.Add([]byte("[]"), "", 0)
	f.Add([]byte(sampleTSV), "", 0)
	f.Fuzz(func(t *testing.T, s []byte, text string, base int) {
		toks, err := decodeTokens(s, text, base)
		if err != nil {
			return
		}
		// what decodes re-encodes to something that decodes the same
		back, err := decodeTokens(encodeTokens(toks, text, base), text, base)
		if err != nil {
			t.Fatalf("re-encoded tokens do not decode: %v", err)
		}
		if len(toks) == 0 {
			toks = nil
		}
		if !reflect.DeepEqual(back, toks) {
			t.Fatalf("re-decode:\n got %+v\nwant %+v", back, toks)
		}
	})
}
