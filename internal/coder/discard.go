package coder

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
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

	once                  sync.Once
	storyIndex, sentIndex phraseIndex
}

// phraseIndex files phrases under their first word, so that a text is
// matched only against the phrases whose first word it has: a phrase that
// matches at a word boundary has its first word as a whole word of the
// text. Phrases that start with no word character are always tried.
type phraseIndex struct {
	byWord map[string][]string
	always []string
}

func newPhraseIndex(phrases []string) phraseIndex {
	x := phraseIndex{byWord: map[string][]string{}}
	for _, p := range phrases {
		if w := firstWord(p); w != "" {
			x.byWord[w] = append(x.byWord[w], p)
		} else {
			x.always = append(x.always, p)
		}
	}
	return x
}

// firstWord returns the run of word bytes p starts with.
func firstWord(p string) string {
	i := 0
	for i < len(p) && isWordByte(p[i]) {
		i++
	}
	return p[:i]
}

// mayMatch reports whether match(strings.ToLower(text)) may be true:
// whether some word of text, lower-cased, is the first word of a phrase
// (or some phrase has none) that follows it there (or may follow it, past
// non-ASCII text). It lowers only the words, without
// allocating for ASCII ones: strings.ToLower keeps the word boundaries
// (it changes only letters, to letters) and lowers rune by rune, so the
// words of the lower-cased text are the lower-cased words of text.
func (x *phraseIndex) mayMatch(text string) bool {
	if len(x.always) > 0 {
		return true
	}
	if len(x.byWord) == 0 {
		return false
	}
	var buf [64]byte
	for i := 0; i < len(text); {
		if !isWordOrUpper(text[i]) {
			i++
			continue
		}
		j, ascii := i, true
		for j < len(text) && isWordOrUpper(text[j]) {
			if text[j] >= 0x80 {
				ascii = false
			}
			j++
		}
		w := text[i:j]
		var ps []string
		if ascii && len(w) <= len(buf) {
			for k := 0; k < len(w); k++ {
				c := w[k]
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[k] = c
			}
			ps = x.byWord[string(buf[:len(w)])]
		} else {
			ps = x.byWord[strings.ToLower(w)]
		}
		for _, p := range ps {
			if mayOccurAt(text, i, p) {
				return true
			}
		}
		i = j
	}
	return false
}

// mayOccurAt reports whether the lower-case phrase p may occur at byte i
// of text (lower-cased), ending at a word boundary: certainly when the
// text there is ASCII, and "may" when a non-ASCII byte leaves it open.
// (match finds a phrase exactly where its first word is a word of the
// text, so checking every such word is checking every occurrence.)
func mayOccurAt(text string, i int, p string) bool {
	for k := 0; k < len(p); k++ {
		if i+k >= len(text) {
			return false // text[i:] is ASCII and too short
		}
		c := text[i+k]
		if c >= 0x80 {
			return true
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[k] {
			return false
		}
	}
	if e := i + len(p); e < len(text) {
		if c := text[e]; c >= 0x80 {
			return true
		} else if isWordOrUpper(c) {
			return false
		}
	}
	return true
}

// isWordOrUpper reports whether c is a word byte before lower-casing.
func isWordOrUpper(c byte) bool { return isWordByte(c) || c >= 'A' && c <= 'Z' }

// match reports whether the lower-case text contains one of the phrases
// at word boundaries (as containsAny over all of them).
func (x *phraseIndex) match(low string) bool {
	if containsAny(low, x.always) {
		return true
	}
	if len(x.byWord) == 0 {
		return false
	}
	for i := 0; i < len(low); {
		if !isWordByte(low[i]) {
			i++
			continue
		}
		j := i
		for j < len(low) && isWordByte(low[j]) {
			j++
		}
		if ps := x.byWord[low[i:j]]; len(ps) > 0 && containsAny(low[i:], ps) {
			return true
		}
		i = j
	}
	return false
}

func (d *Discards) index() {
	d.once.Do(func() {
		d.storyIndex, d.sentIndex = newPhraseIndex(d.Story), newPhraseIndex(d.Sentence)
	})
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
	if d == nil || len(d.Story) == 0 {
		return false
	}
	d.index()
	if !d.storyIndex.mayMatch(text) {
		return false
	}
	return d.storyIndex.match(strings.ToLower(text))
}

// SentenceDiscarded reports whether a sentence contains a sentence-level
// (or story-level) phrase.
func (d *Discards) SentenceDiscarded(text string) bool {
	if d == nil {
		return false
	}
	if len(d.Sentence) == 0 && len(d.Story) == 0 {
		return false
	}
	d.index()
	if !d.sentIndex.mayMatch(text) && !d.storyIndex.mayMatch(text) {
		return false
	}
	low := strings.ToLower(text)
	return d.sentIndex.match(low) || d.storyIndex.match(low)
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
