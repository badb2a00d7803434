package tag

import (
	"slices"
	"testing"
)

func TestLemmaTable(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ form, upos, xpos, want string }{
		// irregular verbs
		{"met", "VERB", "VBD", "meet"},
		{"held", "VERB", "VBD", "hold"},
		{"held", "VERB", "VBN", "hold"},
		{"was", "AUX", "VBD", "be"},
		{"were", "AUX", "VBD", "be"},
		{"is", "AUX", "VBZ", "be"},
		{"has", "AUX", "VBZ", "have"},
		{"did", "AUX", "VBD", "do"},
		{"went", "VERB", "VBD", "go"},
		{"took", "VERB", "VBD", "take"},
		{"sought", "VERB", "VBD", "seek"},
		{"n't", "PART", "RB", "not"},
		{"'m", "AUX", "VBP", "be"},
		{"wo", "AUX", "MD", "will"},
		// typographic apostrophes, as news writes contractions
		{"’s", "AUX", "VBZ", "be"},
		{"’re", "AUX", "VBP", "be"},
		{"n’t", "PART", "RB", "not"},
		{"’m", "AUX", "VBP", "be"},
		{"’d", "AUX", "VBD", "have"},
		// a rule learned on ASCII letters never cuts a character in two
		{"‘", "VERB", "VBD", "‘"},
		{"―", "NOUN", "NNS", "―"},
		// regular inflection, including words unseen in training
		{"signed", "VERB", "VBD", "sign"},
		{"talks", "NOUN", "NNS", "talk"},
		{"countries", "NOUN", "NNS", "country"},
		{"studies", "VERB", "VBZ", "study"},
		{"planning", "VERB", "VBG", "plan"},
		{"stopped", "VERB", "VBD", "stop"},
		{"negotiating", "VERB", "VBG", "negotiate"},
		{"reaffirmed", "VERB", "VBD", "reaffirm"},
		{"quadrilateralizes", "VERB", "VBZ", "quadrilateralize"},
		{"boxes", "NOUN", "NNS", "box"},
		{"men", "NOUN", "NNS", "man"},
		{"children", "NOUN", "NNS", "child"},
		// comparatives and superlatives
		{"better", "ADJ", "JJR", "good"},
		{"best", "ADJ", "JJS", "good"},
		{"larger", "ADJ", "JJR", "large"},
		{"biggest", "ADJ", "JJS", "big"},
		{"happier", "ADJ", "JJR", "happy"},
		// case: pronoun I, proper nouns keep their form, others lower-cased
		{"I", "PRON", "PRP", "I"},
		{"me", "PRON", "PRP", "I"},
		{"The", "DET", "DT", "the"},
		{"Talks", "NOUN", "NNS", "talk"},
		{"Japan", "PROPN", "NNP", "Japan"},
		{"Zorblatt", "PROPN", "NNP", "Zorblatt"},
		{"NATO", "PROPN", "NNP", "NATO"},
		// UPOS only
		{"meetings", "NOUN", "", "meeting"},
	}
	for _, tc := range tests {
		if got := tg.Lemma(tc.form, tc.upos, tc.xpos); got != tc.want {
			t.Errorf("Lemma(%q, %s, %s) = %q, want %q", tc.form, tc.upos, tc.xpos, got, tc.want)
		}
	}
	if got := Lemma("meetings", "NOUN", "NNS"); got != "meeting" {
		t.Errorf("package Lemma = %q", got)
	}
}

func TestRewrite(t *testing.T) {
	tests := []struct {
		form, lemma string
		cut         int
		add         string
	}{
		{"studies", "study", 3, "y"},
		{"walked", "walk", 2, ""},
		{"walk", "walk", 0, ""},
		{"went", "go", 4, "go"},
		{"café", "cafe", 2, "e"},
	}
	for _, tc := range tests {
		r := rewrite(tc.form, tc.lemma)
		if r.cut != tc.cut || r.add != tc.add {
			t.Errorf("rewrite(%q, %q) = %+v", tc.form, tc.lemma, r)
		}
		if got := applyCase(tc.form, r, false); got != tc.lemma {
			t.Errorf("apply %+v to %q = %q", r, tc.form, got)
		}
		if pr := parseRule(ruleString(r)); pr != r {
			t.Errorf("rule round trip %+v → %+v", r, pr)
		}
	}
}

func TestCaseClass(t *testing.T) {
	tests := map[string]int{"word": 0, "Word": 1, "WORD": 2, "iPhone": 3, "1999": 3, "A": 1, "É": 1}
	for in, want := range tests {
		if got := caseClass(in); got != want {
			t.Errorf("caseClass(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestInterner(t *testing.T) {
	table := []string{"_", "a"}
	str := interner(&table)
	tests := []struct {
		s    string
		want uint32
	}{{"a", 1}, {"b", 2}, {"_", 0}, {"b", 2}, {"", 3}}
	for _, tc := range tests {
		if got := str(tc.s); got != tc.want {
			t.Errorf("str(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
	if want := []string{"_", "a", "b", ""}; !slices.Equal(table, want) {
		t.Errorf("table %q, want %q", table, want)
	}
}
