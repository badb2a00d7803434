package actor

import (
	"sync"

	"github.com/dyad-events/dyad/event"
)

// MentionBound returns an upper bound on the actors Doc.Mentions can find
// in s, whatever its tree and the document state: the dictionary hits
// (names, surnames, roles, pronouns and other anaphors) in its words,
// counting two for a hit that may be a plural anaphor ("the two sides",
// "they" after "X and Y"), whose mention stands for two actors (Refs).
// Each mention is composed of one hit or more, so there are never more.
// It reads the forms and lemmas (tag s first), never the tree, and does
// what Mentions does first; when it is 0 Mentions returns no mention and
// leaves the Doc's state (recent mentions, main subjects, dominant actors)
// as it was, so a pipeline may skip parsing s for the sake of the actors.
func (kb *KB) MentionBound(s *event.Sentence) int {
	if s == nil || len(s.Tokens) == 0 {
		return 0
	}
	sc := scratchPool.Get().(*scratch)
	sc.words = kb.appendWords(sc.words[:0], s.Tokens, &sc.keys)
	sc.hits = kb.match(sc.words, sc.hits[:0])
	n := 0
	for _, h := range sc.hits {
		n++
		if !h.surname && kb.mayBePlural(h.ids) {
			n++
		}
	}
	clear(sc.hits) // drop the entry slices
	sc.hits = sc.hits[:0]
	scratchPool.Put(sc)
	return n
}

// mayBePlural reports whether one of the entries is an anaphor that
// resolveAnaphor may resolve to two referents.
func (kb *KB) mayBePlural(ids []int32) bool {
	for _, id := range ids {
		if e := &kb.entries[id]; (e.Kind == KindAnaphor || e.Kind == KindPronoun) && (e.Code == "PAIR" || e.Code == "PL") {
			return true
		}
	}
	return false
}

// scratch holds the buffers of one sentence's matching (MentionBound,
// Doc.Mentions) for the next sentence, and the word key cache.
type scratch struct {
	words []word
	hits  []hit
	items []item
	keys  keyCache
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}
