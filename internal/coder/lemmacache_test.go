package coder

import (
	"slices"
	"strings"
	"testing"
)

// TestLemmaCache: the cache gives what the dictionary gives, also after
// slots are overwritten and after the dictionary learns new words.
func TestLemmaCache(t *testing.T) {
	d := NewDictionary()
	src := "meet\t040\tobj=talk|ally|party\tdyad\nvisit\t042\tpp=to:city\tdyad\n"
	if err := ReadCompiled(strings.NewReader(src), d); err != nil {
		t.Fatal(err)
	}
	lemmas := []string{"talk", "talks", "ally", "allies", "party", "parties", "city", "cities", "sanction", "the", "", "meet"}
	c := new(lemmaCache)
	check := func() {
		for round := 0; round < 2; round++ {
			for _, l := range lemmas {
				if got, want := c.ids(d, l), d.lemmaIDs(l); !slices.Equal(got, want) {
					t.Errorf("%q: cache %v, dictionary %v", l, got, want)
				}
			}
		}
	}
	check()
	if len(d.lemmaIDs("ally")) == 0 || len(d.lemmaIDs("city")) == 0 {
		t.Fatal("pattern words not indexed: the test tests nothing")
	}
	if err := ReadCompiled(strings.NewReader("impose\t163\tobj=sanctions\tdyad\n"), d); err != nil {
		t.Fatal(err)
	}
	if len(d.lemmaIDs("sanction")) == 0 {
		t.Fatal("new word not indexed")
	}
	check() // "sanction" was cached as nothing before
}
