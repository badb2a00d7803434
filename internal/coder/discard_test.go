package coder

import (
	"strings"
	"testing"
)

// TestDefaultDiscards: the built-in phrases skip sports sentences but not
// retrospective ones (dyad dates those by the text), and none is story
// level.
func TestDefaultDiscards(t *testing.T) {
	d, err := DefaultDiscards()
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sentence) < 300 || len(d.Story) != 0 {
		t.Fatalf("%d sentence and %d story phrases; want the Phoenix topic list, sentence level only", len(d.Sentence), len(d.Story))
	}
	for _, p := range d.Sentence {
		if strings.Trim(p, "0123456789") == "" || strings.Contains(p, " ago") || strings.Contains(p, " later") {
			t.Errorf("phrase %q is a year or a time phrase", p)
		}
	}
	for _, s := range []string{
		"Afghanistan will now meet defending champions Sri Lanka in Group 1.",
		"The batsman hit a brisk fifty as India beat Pakistan.",
	} {
		if !d.SentenceDiscarded(s) {
			t.Errorf("not discarded: %s", s)
		}
	}
	for _, s := range []string{
		"Two years later, Japan and NATO signed an information security agreement.",
		"In 1951 Japan signed a security treaty with the United States.",
		"Russia accused Ukraine of shelling the plant on Monday.",
	} {
		if d.SentenceDiscarded(s) || d.StoryDiscarded(s) {
			t.Errorf("discarded: %s", s)
		}
	}
}

// TestPhraseIndex: matching through the first-word index gives what
// trying every phrase gives.
func TestPhraseIndex(t *testing.T) {
	d, err := DefaultDiscards()
	if err != nil {
		t.Fatal(err)
	}
	phrases := append(append([]string(nil), d.Sentence...), "-- breaking", "at&t", "world cup", "cup")
	x := newPhraseIndex(phrases)
	words := []string{"the", "world", "cup", "final", "cricket", "batsmen", "-- breaking", "at&t", "japan", "nato", "champions", "league",
		"signed", "worldcup", "cups", "bird", "flu", ",", ".", "  ", "é", "boxing"}
	rnd := uint64(1)
	for n := 0; n < 5000; n++ {
		var b strings.Builder
		for k := 0; k < 8; k++ {
			rnd = rnd*6364136223846793005 + 1442695040888963407
			b.WriteString(words[(rnd>>33)%uint64(len(words))])
			if rnd>>62 != 0 {
				b.WriteByte(' ')
			}
		}
		low := b.String()
		if got, want := x.match(low), containsAny(low, phrases); got != want {
			t.Fatalf("%q: index %v, every phrase %v", low, got, want)
		}
	}
}

// TestPhraseIndexMayMatch: the test on the text as written never rules
// out a match in the lower-cased text.
func TestPhraseIndexMayMatch(t *testing.T) {
	d, err := DefaultDiscards()
	if err != nil {
		t.Fatal(err)
	}
	phrases := append(append([]string(nil), d.Sentence...), "world cup", "cup", "école", "i̇stanbul derby", "kelvin")
	x := newPhraseIndex(phrases)
	words := []string{"The", "WORLD", "Cup", "final", "CRICKET", "batsmen", "Japan", "nato", "“Champions”", "League", "cups",
		"École", "İstanbul", "Derby", "\u212aelvin", "Kelvin", ",", ".", "  ", "É", "BOXING", "\xff", "Straße"}
	rnd := uint64(7)
	hits := 0
	for n := 0; n < 5000; n++ {
		var b strings.Builder
		for k := 0; k < 8; k++ {
			rnd = rnd*6364136223846793005 + 1442695040888963407
			b.WriteString(words[(rnd>>33)%uint64(len(words))])
			if rnd>>62 != 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		m := x.match(strings.ToLower(text))
		if m {
			hits++
		}
		if m && !x.mayMatch(text) {
			t.Fatalf("%q: matches, but mayMatch says no", text)
		}
	}
	if hits == 0 {
		t.Fatal("no text matched: the test tests nothing")
	}
}
