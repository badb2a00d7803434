package coder

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strings"
)

//go:embed discards.txt
var builtinDiscards string

// DefaultDiscards returns the built-in discard phrases (discards.txt, from
// the Phoenix list: sports, shows, disasters; sentence level only), which
// LoadPipeline sets.
func DefaultDiscards() (*Discards, error) {
	d, err := ReadDiscards(strings.NewReader(builtinDiscards))
	if err != nil {
		return nil, fmt.Errorf("built-in discards: %w", err)
	}
	return d, nil
}

// Discards are PETRARCH discard phrases: a story containing a story-level
// phrase ("+TYPHOON") is not coded at all, a sentence containing a
// sentence-level one ("YEARS LATER") is skipped. Matching ignores case and
// needs word boundaries.
type Discards struct {
	Story, Sentence []string // lower-case phrases
}

// ReadDiscards reads a PETRARCH discard file: one phrase a line, '+'
// marking story-level ones, '#' starting a comment.
func ReadDiscards(r io.Reader) (*Discards, error) {
	d := &Discards{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		if i := strings.Index(line, ";"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "<!--") {
			continue
		}
		story := strings.HasPrefix(line, "+")
		p := strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(strings.TrimPrefix(line, "+"), "_", " ")), " "))
		if p == "" {
			continue
		}
		if story {
			d.Story = append(d.Story, p)
		} else {
			d.Sentence = append(d.Sentence, p)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("discards: %w", err)
	}
	return d, nil
}

// StoryDiscarded reports whether a text contains a story-level phrase.
func (d *Discards) StoryDiscarded(text string) bool {
	return d != nil && containsAny(strings.ToLower(text), d.Story)
}

// SentenceDiscarded reports whether a sentence contains a sentence-level
// (or story-level) phrase.
func (d *Discards) SentenceDiscarded(text string) bool {
	if d == nil {
		return false
	}
	low := strings.ToLower(text)
	return containsAny(low, d.Sentence) || containsAny(low, d.Story)
}

func containsAny(low string, phrases []string) bool {
	for _, p := range phrases {
		for from := 0; ; {
			i := strings.Index(low[from:], p)
			if i < 0 {
				break
			}
			a, b := from+i, from+i+len(p)
			if (a == 0 || !isWordByte(low[a-1])) && (b == len(low) || !isWordByte(low[b])) {
				return true
			}
			from = a + 1
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}
