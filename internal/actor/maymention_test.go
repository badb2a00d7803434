package actor

import (
	"os"
	"testing"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/shared"
)

// referents counts the actors a sentence's mentions stand for (a plural
// anaphor stands for its Refs).
func referents(ms []Mention) int {
	n := 0
	for _, m := range ms {
		n += max(1, len(m.Refs))
	}
	return n
}

func TestMentionBound(t *testing.T) {
	kb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		spec string
		want int
	}{
		{"The/DET/2/det weather/NOUN/3/nsubj was/AUX/0/root nice/ADJ/3/xcomp ./PUNCT/3/punct", 0},
		{"Japan/PROPN/2/nsubj sent/VERB/0/root ships/NOUN/2/obj ./PUNCT/2/punct", 1},
		{"Japan/PROPN/2/nsubj met/VERB/0/root China/PROPN/2/obj ./PUNCT/2/punct", 2},
		{"The/DET/3/det two/NUM/3/nummod sides/NOUN/4/nsubj met/VERB/0/root ./PUNCT/4/punct", 2},
		{"They/PRON/2/nsubj met/VERB/0/root ./PUNCT/2/punct", 2},
	} {
		s, _ := parsed(t, 0, 0, c.spec)
		if got := kb.MentionBound(&s); got != c.want {
			t.Errorf("MentionBound(%q) = %d, want %d", s.Text, got, c.want)
		}
	}
	if kb.MentionBound(nil) != 0 || kb.MentionBound(&event.Sentence{}) != 0 {
		t.Error("MentionBound of no sentence is not 0")
	}
}

// TestMentionBoundSafe: over the seed article, tagged and parsed, with the
// document state carried from sentence to sentence, Mentions never finds
// more actors than MentionBound says, and a sentence whose bound is 0
// leaves the state as it was.
func TestMentionBoundSafe(t *testing.T) {
	b, err := os.ReadFile(shared.TestPath(t, "seed", "a-dangerous-trend.txt"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := nlp.LoadCoding()
	if err != nil {
		t.Skipf("no models: %v", err)
	}
	kb, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	d := kb.NewDoc(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC))
	zero, some := 0, 0
	for _, s := range p.Annotate(string(b), 0) {
		bound := kb.MentionBound(&s)
		recent, intro, subjects, roots := len(d.recent), len(d.intro), len(d.subjects), len(d.rootOrder)
		ms := d.Mentions(&s, time.Time{})
		if n := referents(ms); n > bound {
			t.Errorf("%q: %d actors, bound %d", s.Text, n, bound)
		}
		if bound == 0 {
			zero++
			if len(d.recent) != recent || len(d.intro) != intro || len(d.subjects) != subjects || len(d.rootOrder) != roots {
				t.Errorf("%q: bound 0 but the document state changed", s.Text)
			}
		} else if len(ms) > 0 {
			some++
		}
	}
	if zero == 0 || some == 0 {
		t.Errorf("seed article: %d sentences with bound 0, %d with mentions; the test checks nothing", zero, some)
	}
}
