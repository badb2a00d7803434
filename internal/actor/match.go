package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/event"
)

// word is one match unit: a token, or one part of a hyphenated token.
type word struct {
	key        string
	wid, lwid  int32 // vocabulary ids of key and lemma (KB.vocab), 0 when not in it
	tok        int   // token index in the sentence
	start, end int   // byte offsets into the document text
	cap        bool
	upper      bool   // has letters and no lowercase letter
	blocked    bool   // a prefix such as "non-" precedes it inside the token
	propn      bool   // tagged as a proper noun
	adj        bool   // tagged as an adjective
	lemma      string // key of the token's lemma when it differs from key ("" otherwise)
	initial    bool   // a capital letter and a period ("B."): part of a person's name
	notName    bool   // tagged as a word class names are not (verb, preposition, determiner …)
}

// blockingPrefixes turn "non-NATO", "anti-China", "pro-Russia" into
// something other than the actor.
var blockingPrefixes = map[string]bool{"non": true, "anti": true, "pro": true, "ex": true, "post": true, "pre": true, "mid": true}

// keyCacheSize is the number of slots of a keyCache (a power of two).
const keyCacheSize = 16384

// keyCache remembers, for recent strings, their word key, vocabulary id
// and case (wordKey, caseOf): a direct-mapped cache, so that the frequent
// words of news text cost a hash and a comparison rather than a lookup
// in the large vocabulary. It is valid for one KB and vocabulary size.
type keyCache struct {
	kb    *KB
	n     int // len(kb.words) when filled
	slots [keyCacheSize]keySlot
}

type keySlot struct {
	s, key     string
	wid        int32
	cap, upper bool
}

// key returns wordKey(s) with its vocabulary id and caseOf(s).
func (c *keyCache) key(kb *KB, s string) (key string, wid int32, cap, upper bool) {
	if c == nil || s == "" {
		key, wid = kb.wordKey(s)
		cap, upper = caseOf(s)
		return key, wid, cap, upper
	}
	if c.kb != kb || c.n != len(kb.words) {
		clear(c.slots[:])
		c.kb, c.n = kb, len(kb.words)
	}
	sl := &c.slots[kb.bloom.Hash(s)&(keyCacheSize-1)]
	if sl.s != s {
		key, wid = kb.wordKey(s)
		cap, upper = caseOf(s)
		*sl = keySlot{s: strings.Clone(s), key: key, wid: wid, cap: cap, upper: upper}
	}
	return sl.key, sl.wid, sl.cap, sl.upper
}

// appendWords splits the sentence's tokens into words; c (may be nil)
// caches the words' keys.
func (kb *KB) appendWords(dst []word, toks []event.Token, c *keyCache) []word {
	var one [1]string
	for ti := range toks {
		t := &toks[ti]
		form := t.Form
		if form == "'s" || form == "’s" || form == "'" || form == "’" {
			dst = append(dst, word{key: "'s", wid: kb.vocabID("'s"), tok: ti, start: t.Start, end: t.End})
			continue
		}
		var parts []string
		if hasHyphen(form) {
			parts = splitHyphens(form)
		} else {
			one[0] = form
			parts = one[:]
		}
		if len(parts) == 0 {
			// a dash token: inside a word ("Self - Defense" split by the
			// tokenizer) it joins; with a space around it it separates
			if t.SpaceAfter || (ti > 0 && toks[ti-1].SpaceAfter) {
				dst = append(dst, word{key: "-", wid: kb.vocabID("-"), tok: ti, start: t.Start, end: t.End})
			}
			continue
		}
		exact := t.Start >= 0 && t.End-t.Start == len(form)
		pos := 0
		blocked := false
		for pi, p := range parts {
			w := word{tok: ti, start: t.Start, end: t.End}
			if len(parts) > 1 && exact {
				if k := strings.Index(form[pos:], p); k >= 0 {
					w.start = t.Start + pos + k
					w.end = w.start + len(p)
					pos += k + len(p)
				}
			}
			w.key, w.wid, w.cap, w.upper = c.key(kb, p)
			w.blocked = blocked
			w.propn = t.UPOS == "PROPN"
			if len(parts) == 1 && t.Lemma != "" && t.Lemma != "_" && t.Lemma != p {
				if l, lid, _, _ := c.key(kb, t.Lemma); l != w.key {
					w.lemma, w.lwid = l, lid
				}
			}
			w.adj = t.UPOS == "ADJ"
			switch t.UPOS {
			case "VERB", "AUX", "ADP", "DET", "PRON", "SCONJ", "CCONJ", "PART", "ADV":
				w.notName = true
			}
			w.initial = len(parts) == 1 && len(form) == 2 && form[1] == '.' && form[0] >= 'A' && form[0] <= 'Z'
			if pi == 0 && len(parts) > 1 && blockingPrefixes[w.key] {
				blocked = true
			}
			dst = append(dst, w)
		}
	}
	return dst
}

// hasHyphen reports whether splitHyphens would split s (or drop it).
func hasHyphen(s string) bool {
	for i := 0; i < len(s); i++ {
		if b := s[i]; b == '-' || b == 0xE2 { // 0xE2: the first byte of ‐ ‑ –
			return true
		}
	}
	return false
}

// wordKey returns wordKey(s) and its vocabulary id (0 when not in the
// vocabulary). A word in the vocabulary gets the vocabulary's copy of
// its key, so most capitalized words cost no allocation.
func (kb *KB) wordKey(s string) (string, int32) {
	var buf [64]byte
	n := 0
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= utf8.RuneSelf || n == len(buf) {
			k := wordKey(s)
			return k, kb.vocabID(k)
		}
		switch {
		case b >= 'A' && b <= 'Z':
			b += 'a' - 'A'
		case b == '.' || b == ',' || b == '(' || b == ')' || b == '"':
			continue
		}
		buf[n] = b
		n++
	}
	if n == 0 {
		return "", kb.vocabID("") // punctuation
	}
	if n == len(s) && !hasUpperASCII(s) {
		return s, kb.vocabID(s) // already a key
	}
	if !kb.bloom.MayHaveHash(kb.bloom.HashBytes(buf[:n])) {
		return string(buf[:n]), 0
	}
	if id, ok := kb.vocab[string(buf[:n])]; ok {
		return kb.words[id], id
	}
	return string(buf[:n]), 0
}

func hasUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

func caseOf(s string) (cap, upper bool) {
	r, _ := utf8.DecodeRuneInString(s)
	cap = unicode.IsUpper(r) || unicode.IsDigit(r)
	upper = true
	letters := false
	for _, r := range s {
		if unicode.IsLower(r) {
			upper = false
		}
		if unicode.IsLetter(r) {
			letters = true
		}
	}
	return cap, upper && letters
}

// hit is one dictionary match over words [i, j).
type hit struct {
	i, j    int
	ids     []int32 // entries that pass the case checks
	surname bool    // matched through the surname index only
}

// accepts reports whether entry e may match words ws.
func accepts(e *Entry, ws []word) bool {
	if e.Flags&FlagAcronym != 0 {
		for _, w := range ws {
			if !w.upper {
				return false
			}
		}
		return true
	}
	if e.Flags&FlagProper != 0 {
		return ws[0].cap
	}
	return true
}

// match finds the longest dictionary matches, left to right, without
// overlap. buf is reused for the result.
func (kb *KB) match(ws []word, buf []hit) []hit {
	out := buf[:0]
	for i := 0; i < len(ws); {
		if ws[i].blocked {
			i++
			continue
		}
		node := int32(0)
		bestJ := -1
		var best []int32
		for j := i; j < len(ws); j++ {
			child, ok := kb.stepID(node, ws[j].wid)
			if !ok && ws[j].lemma != "" {
				// irregular forms the dictionary lists by lemma only
				child, ok = kb.stepID(node, ws[j].lwid)
			}
			if !ok {
				break
			}
			node = child
			ids := kb.term[node]
			if len(ids) == 0 {
				continue
			}
			var pass []int32
			for _, id := range ids {
				if accepts(&kb.entries[id], ws[i:j+1]) {
					pass = append(pass, id)
				}
			}
			if len(pass) > 0 {
				bestJ, best = j+1, pass
			}
		}
		if bestJ < 0 && ws[i].cap && ws[i].wid > 0 { // (a surname is a word of its person's phrase: in the vocabulary)
			if ids, ok := kb.surnames[ws[i].key]; ok {
				out = append(out, hit{i: i, j: i + 1, ids: ids, surname: true})
				i++
				continue
			}
		}
		if bestJ < 0 {
			i++
			continue
		}
		out = append(out, hit{i: i, j: bestJ, ids: best})
		i = bestJ
	}
	return out
}

// stepID follows the trie edge for word id wid (0: not in the vocabulary)
// from node.
func (kb *KB) stepID(node, wid int32) (int32, bool) {
	if wid <= 0 {
		return 0, false
	}
	if node == 0 {
		c := kb.root[wid]
		return c, c != 0
	}
	child, ok := kb.edges[uint64(node)<<32|uint64(wid)]
	return child, ok
}

// step follows the trie edge for word key from node.
func (kb *KB) step(node int32, key string) (int32, bool) {
	wid, ok := kb.vocab[key]
	if !ok {
		return 0, false
	}
	child, ok := kb.edges[uint64(node)<<32|uint64(wid)]
	return child, ok
}
