// Package lexicon is a compact English word-class lexicon compiled from
// WordNet 3.0: for every single-word lemma, its parts of speech (noun, verb,
// adjective, adverb), the one most often sense-tagged, whether WordNet
// lists it capitalized (a proper name: Paris, Monday) and the irregular
// inflected forms of its exception lists (children, ran, better). Lookup
// adds the regular inflections with WordNet's own detachment rules
// (morphy): "runs" is a plural noun and a third-person verb of "run".
//
// The tagger reads it for words the treebank saw rarely or never. The
// compiled file is embedded (data/wordnet.tsv.gz, no glosses) and rebuilt
// from a WordNet dict folder with "dyad build-lexicon --wordnet DIR".
package lexicon

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"hash/fnv"
	"io"
	"strings"
	"sync"
)

// Class is a set of word-class facts about a word.
type Class uint32

// Class bits. The first four are the parts of speech of the word's own
// lemma; Dom* mark the part of speech with the most sense-tagged uses; the
// inflection bits say the word is an inflected form of a lemma of that part
// of speech (irregular from the exception lists or regular by morphy).
const (
	Noun Class = 1 << iota
	Verb
	Adj
	Adv
	DomNoun
	DomVerb
	DomAdj
	DomAdv
	Proper      // every WordNet use of the word is capitalized (Paris)
	MixedCase   // listed both capitalized and lower-case (bush, Bush)
	Plural      // plural of a noun lemma
	Verb3sg     // verb + -s
	VerbPast    // past tense or participle of a verb
	VerbIng     // verb + -ing
	Comparative // adjective or adverb + -er (better)
	Superlative // adjective or adverb + -est (best)
	HyphenHead  // not listed itself; the classes are those of the part after its last hyphen
)

// POS is the mask of the part-of-speech bits.
const POS = Noun | Verb | Adj | Adv

// letters name the class bits in the compiled file, in bit order.
const letters = "nvarNVARPpszdgct"

//go:embed data/wordnet.tsv.gz
var embedded []byte

// Lexicon maps lower-case words to their classes. It is read-only and safe
// for concurrent use. Words are keyed by their 64-bit FNV-1a hash (a
// collision among the ~10^5 words is vanishingly unlikely): a lookup hashes
// the bytes once and compares no strings.
type Lexicon struct {
	words map[uint64]Class
	fp    uint64
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashOn(h uint64, b []byte) uint64 {
	for _, c := range b {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

func hashStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

var (
	once    sync.Once
	loaded  *Lexicon
	loadErr error
)

// Load returns the embedded lexicon, read on the first call only.
func Load() (*Lexicon, error) {
	once.Do(func() {
		loaded, loadErr = Read(bytes.NewReader(embedded))
		if loadErr != nil {
			loadErr = fmt.Errorf("load embedded lexicon: %w", loadErr)
		}
	})
	return loaded, loadErr
}

// Read reads a compiled lexicon (gzip'd lines "word<TAB>letters").
func Read(r io.Reader) (*Lexicon, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	h := fnv.New64a()
	sc := bufio.NewScanner(io.TeeReader(zr, h))
	l := &Lexicon{words: make(map[uint64]Class, 1<<17)}
	line := 0
	for sc.Scan() {
		line++
		w, ls, ok := strings.Cut(sc.Text(), "\t")
		if !ok || w == "" {
			return nil, fmt.Errorf("lexicon line %d: want word<TAB>classes", line)
		}
		c, err := parseLetters(ls)
		if err != nil {
			return nil, fmt.Errorf("lexicon line %d: %w", line, err)
		}
		l.words[hashStr(fnvOffset, w)] |= c
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	l.fp = h.Sum64()
	return l, nil
}

func parseLetters(s string) (Class, error) {
	var c Class
	for i := 0; i < len(s); i++ {
		k := strings.IndexByte(letters, s[i])
		if k < 0 {
			return 0, fmt.Errorf("unknown class letter %q", s[i])
		}
		c |= 1 << k
	}
	return c, nil
}

// String spells the classes with the compiled file's letters (plus "h" for
// HyphenHead).
func (c Class) String() string {
	var b []byte
	for k := 0; k < len(letters); k++ {
		if c&(1<<k) != 0 {
			b = append(b, letters[k])
		}
	}
	if c&HyphenHead != 0 {
		b = append(b, 'h')
	}
	return string(b)
}

// Fingerprint identifies the lexicon's content (FNV-1a of its text): a
// model trained on lexicon features records it.
func (l *Lexicon) Fingerprint() uint64 { return l.fp }

// Len is the number of listed words.
func (l *Lexicon) Len() int { return len(l.words) }

// detachment rules of WordNet's morphy: suffix → replacement, per part of
// speech, with the inflection bit a match sets.
var rules = []struct {
	suf, rep string
	pos, inf Class
}{
	{"s", "", Noun, Plural}, {"ses", "s", Noun, Plural}, {"xes", "x", Noun, Plural}, {"zes", "z", Noun, Plural},
	{"ches", "ch", Noun, Plural}, {"shes", "sh", Noun, Plural}, {"men", "man", Noun, Plural}, {"ies", "y", Noun, Plural},
	{"s", "", Verb, Verb3sg}, {"ies", "y", Verb, Verb3sg}, {"es", "e", Verb, Verb3sg}, {"es", "", Verb, Verb3sg},
	{"ed", "e", Verb, VerbPast}, {"ed", "", Verb, VerbPast}, {"ing", "e", Verb, VerbIng}, {"ing", "", Verb, VerbIng},
	{"er", "", Adj, Comparative}, {"est", "", Adj, Superlative}, {"er", "e", Adj, Comparative}, {"est", "e", Adj, Superlative},
}

// Lookup returns the classes of a lower-case word: its own entry and the
// regular inflections it is a form of. A word not listed with a hyphen
// gets the classes of its last part, with HyphenHead. 0 means unknown.
func (l *Lexicon) Lookup(w []byte) Class {
	c := l.lookup(w)
	if c != 0 {
		return c
	}
	if i := bytes.LastIndexByte(w, '-'); i > 0 && i < len(w)-1 {
		if c = l.lookup(w[i+1:]); c != 0 {
			return c | HyphenHead
		}
	}
	return 0
}

func (l *Lexicon) lookup(w []byte) Class {
	c := l.words[hashOn(fnvOffset, w)]
	for _, r := range rules {
		if len(w) <= len(r.suf)+1 || c&r.inf != 0 || !bytes.HasSuffix(w, []byte(r.suf)) {
			continue
		}
		if l.words[hashStr(hashOn(fnvOffset, w[:len(w)-len(r.suf)]), r.rep)]&r.pos != 0 {
			c |= r.inf
		}
	}
	return c
}

// Entry returns the classes of a lower-case word's own entry (its lemma
// parts of speech and exception-list inflections), without morphy.
func (l *Lexicon) Entry(w []byte) Class { return l.words[hashOn(fnvOffset, w)] }

// Base returns the first stem that morphy's regular detachment rules for
// part of speech pos (Noun, Verb, Adj) find listed with that part of
// speech: "provoked" → "provoke", "bombed" → "bomb", "cities" → "city".
func (l *Lexicon) Base(w []byte, pos Class) (string, bool) {
	for _, r := range rules {
		if r.pos != pos || len(w) <= len(r.suf)+1 || !bytes.HasSuffix(w, []byte(r.suf)) {
			continue
		}
		stem := w[:len(w)-len(r.suf)]
		if l.words[hashStr(hashOn(fnvOffset, stem), r.rep)]&pos != 0 {
			return string(stem) + r.rep, true
		}
	}
	return "", false
}
