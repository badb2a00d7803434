package actor

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/event"
)

// parsed builds a sentence from "form/UPOS/head/deprel" items laid out
// with single spaces (no space before the final punctuation) at offset base.
func parsed(t *testing.T, index, base int, spec string) (event.Sentence, string) {
	t.Helper()
	var toks []event.Token
	var b strings.Builder
	for i, item := range strings.Fields(spec) {
		f := strings.Split(item, "/")
		if len(f) != 4 {
			t.Fatalf("bad token spec %q", item)
		}
		if i > 0 && f[1] != "PUNCT" {
			b.WriteByte(' ')
		}
		start := base + b.Len()
		b.WriteString(f[0])
		head := 0
		for _, c := range f[2] {
			head = head*10 + int(c-'0')
		}
		toks = append(toks, event.Token{ID: i + 1, Form: f[0], Start: start, End: start + len(f[0]), UPOS: f[1], Head: head, Deprel: f[3]})
	}
	txt := b.String()
	return event.Sentence{Index: index, Start: base, End: base + len(txt), Text: txt, Tokens: toks}, txt
}

// TestTreeAnaphora: with a dependency tree, "it" with two candidates goes
// to the previous main-clause subject, and prepositions come from "case"
// relations.
func TestTreeAnaphora(t *testing.T) {
	kb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	s1, txt1 := parsed(t, 0, 0, "Japan/PROPN/2/nsubj sent/VERB/0/root ships/NOUN/2/obj to/ADP/7/case the/DET/7/det NATO/PROPN/7/compound drills/NOUN/2/obl in/ADP/9/case Norway/PROPN/7/nmod ./PUNCT/2/punct")
	s2, _ := parsed(t, 1, len(txt1)+1, "Later/ADV/4/advmod it/PRON/4/nsubj also/ADV/4/advmod sent/VERB/0/root aircraft/NOUN/4/obj ./PUNCT/4/punct")
	d := kb.NewDoc(time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC))
	m1 := d.Mentions(&s1, time.Time{})
	m2 := d.Mentions(&s2, time.Time{})
	var got []string
	for _, m := range append(m1, m2...) {
		got = append(got, describe(m)+" | prep="+m.Prep+" | head="+strconv.Itoa(m.Head))
	}
	want := []string{
		"Japan | JPN |  | prep= | head=0",
		"NATO | IGOWSTNAT | NATO | prep= | head=5",
		"Norway | NOR |  | loc | prep=in | head=8",
		"it | JPN |  | prep= | head=1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// TestTreeApposition: a title in apposition names an unknown person.
func TestTreeApposition(t *testing.T) {
	kb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	s, _ := parsed(t, 0, 0, "Ana/PROPN/9/nsubj Tamborim/PROPN/1/flat ,/PUNCT/7/punct Chile/PROPN/7/nmod:poss 's/PART/4/case foreign/ADJ/7/amod minister/NOUN/1/appos ,/PUNCT/7/punct said/VERB/0/root ./PUNCT/9/punct")
	ms := kb.NewDoc(time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)).Mentions(&s, time.Time{})
	if len(ms) != 1 {
		t.Fatalf("got %d mentions: %+v", len(ms), ms)
	}
	m := ms[0]
	if m.Text != "Ana Tamborim, Chile 's foreign minister" || m.Code != "CHLGOV" || m.Name != "Ana Tamborim" || m.Head != 0 || m.Kind != KindPerson {
		t.Errorf("got %+v", m)
	}
}

// TestLemmaFallback: a form the dictionary lacks (here a made-up inflection)
// matches through the lemma the tagger gives it.
func TestLemmaFallback(t *testing.T) {
	kb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	s, _ := parsed(t, 0, 0, "Chadian/ADJ/2/amod gendarmerieën/NOUN/3/nsubj withdrew/VERB/0/root ./PUNCT/3/punct")
	s.Tokens[1].Lemma = "gendarmerie"
	ms := kb.NewDoc(time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)).Mentions(&s, time.Time{})
	if len(ms) != 1 || ms[0].Text != "Chadian gendarmerieën" || ms[0].Code != "TCDCOP" {
		t.Errorf("got %+v", ms)
	}
}

// TestTreeItThing: "it" after a thing was the subject of an earlier clause
// is left alone.
func TestTreeItThing(t *testing.T) {
	kb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	s1, txt1 := parsed(t, 0, 0, "Peru/PROPN/2/nsubj joined/VERB/0/root the/DET/4/det pact/NOUN/2/obj ./PUNCT/2/punct")
	s2, _ := parsed(t, 1, len(txt1)+1, "Once/SCONJ/5/mark the/DET/3/det office/NOUN/5/nsubj:pass is/AUX/5/aux:pass opened/VERB/8/advcl ,/PUNCT/8/punct it/PRON/8/nsubj will/AUX/8/aux grow/VERB/0/root ./PUNCT/8/punct")
	d := kb.NewDoc(time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC))
	d.Mentions(&s1, time.Time{})
	if ms := d.Mentions(&s2, time.Time{}); len(ms) != 0 {
		t.Errorf("got %+v", ms)
	}
}

// TestTaggedCountryInName: with tags, a country name followed by another
// proper noun is part of that name ("China Daily"), not the country.
func TestTaggedCountryInName(t *testing.T) {
	kb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	s, _ := parsed(t, 0, 0, "China/PROPN/2/compound Daily/PROPN/3/nsubj reported/VERB/0/root that/SCONJ/6/mark Japan/PROPN/6/nsubj protested/VERB/3/ccomp ./PUNCT/3/punct")
	ms := kb.NewDoc(time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)).Mentions(&s, time.Time{})
	if len(ms) != 1 || ms[0].Text != "Japan" {
		t.Errorf("got %+v", ms)
	}
}
