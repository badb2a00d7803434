package when

import (
	"sync"

	"github.com/dyad-events/dyad/event"
)

// MayFind reports whether Find could return a time expression for s. It
// reads only the text: every expression starts at a number, a Han
// character or a word of the time lexicon, so a sentence without any of
// them yields no expression whatever its tags and tree, and Find leaves
// the Doc's state (the date last mentioned) as it was. A pipeline may
// then skip tagging and parsing for the sake of the time expressions.
func MayFind(s *event.Sentence) bool {
	if s == nil {
		return false
	}
	text := s.Text
	if text == "" || (len(s.Tokens) > 0 && s.Tokens[len(s.Tokens)-1].End-s.Start > len(text)) {
		text = rebuildText(s)
	}
	buf := tokPool.Get().(*[]tok)
	toks := tokenize(text, (*buf)[:0])
	found := false
	for i := range toks {
		switch t := &toks[i]; t.kind {
		case kNum, kHan:
			found = true
		case kWord:
			found = classes[t.low] != cNone
		}
		if found {
			break
		}
	}
	*buf = toks[:0]
	tokPool.Put(buf)
	return found
}

// tokPool keeps MayFind's token buffers.
var tokPool = sync.Pool{New: func() any { return new([]tok) }}
