package tag

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzTag checks that tagging never panics and always fills every token,
// whatever the tokens look like.
func FuzzTag(f *testing.F) {
	tg, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		"The talks resumed", "", " ", "\x00\xff", "İstanbul ΑΘΗΝΑ 東京", "a-b-c 3.5% $ -- ...",
		"'s n't 're", "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", "e\u0301 \u200d",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		forms := strings.Fields(in)
		if len(forms) == 0 {
			forms = []string{in}
		}
		s := sentence(forms...)
		tg.Tag(s)
		for _, tok := range s.Tokens {
			if tok.UPOS == "" || tok.XPOS == "" || tok.Feats == "" {
				t.Fatalf("token %q not tagged: %+v", tok.Form, tok)
			}
			if utf8.ValidString(tok.Form) && !utf8.ValidString(tok.Lemma) {
				t.Fatalf("lemma %q of valid %q is not UTF-8", tok.Lemma, tok.Form)
			}
		}
	})
}

// FuzzRead checks that reading a corrupt model returns an error, never
// panics.
func FuzzRead(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("dyad-tagger-5\n"))
	f.Add(embedded[:min(len(embedded), 512)])
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Read(bytes.NewReader(b))
		if err == nil && m == nil {
			t.Fatal("nil model without error")
		}
	})
}
