package actor

import (
	"os"
	"reflect"
	"testing"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/shared"
	"github.com/dyad-events/dyad/internal/text"
)

// TestKeyCache: words built through the key cache equal words built
// without it, also when slots are overwritten and after the vocabulary
// grows.
func TestKeyCache(t *testing.T) {
	p := shared.TestPath(t, "seed", "a-dangerous-trend.txt")
	raw, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	sents := text.Segment(string(raw))
	sents = append(sents, event.Sentence{Tokens: []event.Token{
		{Form: "Wörner", Lemma: "Wörner"}, {Form: "U.S.", Lemma: "U.S."}, {Form: "non-NATO", Lemma: "non-NATO"},
		{Form: "'s"}, {Form: "-", SpaceAfter: true}, {Form: ""}, {Form: "THE", Lemma: "the"}, {Form: "Zzyzxq", Lemma: "zzyzxq"},
	}})
	kb, err := New()
	if err != nil {
		t.Fatal(err)
	}
	c := new(keyCache)
	for round := 0; round < 3; round++ {
		for i := range sents {
			want := kb.appendWords(nil, sents[i].Tokens, nil)
			got := kb.appendWords(nil, sents[i].Tokens, c)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d, sentence %d: cached words differ:\n%+v\nwant\n%+v", round, i, got, want)
			}
		}
		kb.insert("zzyzxq", 0) // a new word: cached ids must not go stale
	}
	if c.n != len(kb.words) {
		t.Errorf("cache filled for %d words, vocabulary has %d", c.n, len(kb.words))
	}
}
