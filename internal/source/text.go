package source

import (
	"strings"

	"github.com/dyad-events/dyad/event"
)

// ParseText reads a plain-text article: the first non-empty line is the
// title (unless a "Title:" header line names it); the rest of the
// metadata comes from the text itself (see Extract).
func ParseText(name string, data []byte) (*event.Document, error) {
	text, err := Decode(data, "")
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	text = normalizeNewlines(text)
	if strings.TrimSpace(text) == "" {
		return nil, &Error{File: name, Err: ErrEmpty}
	}
	doc := &event.Document{File: name, Text: text}
	Extract(doc)
	return doc, nil
}
