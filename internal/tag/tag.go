// Package tag is dyad's part-of-speech tagger, morphological featurizer and
// lemmatizer for English, trained on UD English-EWT and embedded in the
// binary.
//
// The tagger predicts joint (XPOS, UPOS) classes — Penn Treebank tag and
// Universal POS — with two greedy left-to-right averaged-perceptron passes.
// The first pass sees the word, its affixes, shape, ambiguity class (the
// set of tags it had in training) and neighbours, and its own two previous
// decisions; the second pass sees all that plus the first pass's tags of the
// words to the right. The second pass is trained on jackknifed first-pass
// tags so that it learns from realistic errors. Features are 64-bit hashes
// looked up in an open-addressing table: no maps and no allocation per
// token.
//
// Features (Tense, VerbForm, Number, Person, PronType, …) come from
// (word, tag) lookups learned from the treebank with per-tag defaults;
// lemmas from an exception lexicon and suffix-rewrite rules learned per
// XPOS (see lemmatizer).
//
// Use Load for the embedded model; Train, (*Model).Save and Read build and
// store new ones ("dyad train tagger").
package tag

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/dyad-events/dyad/event"
)

//go:embed model/en_ewt.tagger.gz
var embedded []byte

var (
	loadOnce sync.Once
	loaded   *Tagger
	loadErr  error
)

// Load returns the tagger of the embedded model, reading it on the first
// call only. The Tagger is safe for concurrent use.
func Load() (*Tagger, error) {
	loadOnce.Do(func() {
		m, err := Read(bytes.NewReader(embedded))
		if err != nil {
			loadErr = fmt.Errorf("load embedded tagger: %w", err)
			return
		}
		loaded = New(m)
	})
	return loaded, loadErr
}

// Tagger tags sentences with a Model. It is safe for concurrent use.
type Tagger struct {
	m    *Model
	pool sync.Pool
}

// New returns a Tagger for m.
func New(m *Model) *Tagger {
	t := &Tagger{m: m}
	t.pool.New = func() any { return &scratch{} }
	return t
}

// Model returns the tagger's model.
func (t *Tagger) Model() *Model { return t.m }

type scratch struct {
	forms  []string
	info   []tokInfo
	s1, s2 []uint64
	first  []int
	tags   []int
	scores []int32
	buf    []byte
}

// Tag fills UPOS, XPOS, Feats and Lemma of every token from its Form.
// Other fields are left alone.
func (t *Tagger) Tag(s *event.Sentence) {
	n := len(s.Tokens)
	if n == 0 {
		return
	}
	sc := t.pool.Get().(*scratch)
	defer t.pool.Put(sc)
	sc.forms = sc.forms[:0]
	for i := range s.Tokens {
		sc.forms = append(sc.forms, s.Tokens[i].Form)
	}
	tags := t.tagForms(sc)
	m := t.m
	for i := range s.Tokens {
		tok := &s.Tokens[i]
		c := tags[i]
		tok.XPOS, tok.UPOS = m.xpos[c], m.upos[c]
		sc.buf = appendLower(sc.buf[:0], tok.Form)
		tok.Feats = m.fts.feats(string(sc.buf), c)
		tok.Lemma = m.lem.lemma(tok.Form, tok.XPOS)
	}
}

// tagForms returns the class of every form in sc.forms.
func (t *Tagger) tagForms(sc *scratch) []int {
	n := len(sc.forms)
	m := t.m
	if cap(sc.info) < n {
		sc.info = make([]tokInfo, n)
	}
	sc.info = sc.info[:n]
	sc.buf = analyze(sc.info, sc.forms, sc.buf, m.ambOf)
	sc.s1, sc.s2 = sc.s1[:0], sc.s2[:0]
	for i := 0; i < n; i++ {
		sc.s1 = static1(sc.s1, sc.info, i)
	}
	sc.first = decodeWeights(m.p1, sc.scores, sc.info, sc.s1, nil, nil, 1, sc.first[:0])
	for i := 0; i < n; i++ {
		sc.s2 = static2(sc.s2, sc.info, sc.first, i)
	}
	sc.tags = decodeWeights(m.p2, sc.scores, sc.info, sc.s1, sc.s2, sc.first, 2, sc.tags[:0])
	return sc.tags
}

// Lemma returns the lemma of form tagged xpos (Penn Treebank tag) by the
// embedded model; upos is used when xpos is empty. It returns form itself
// when the model cannot be loaded.
func Lemma(form, upos, xpos string) string {
	t, err := Load()
	if err != nil {
		return form
	}
	return t.Lemma(form, upos, xpos)
}

// Lemma returns the lemma of form tagged xpos (or upos when xpos is empty).
func (t *Tagger) Lemma(form, upos, xpos string) string {
	if xpos == "" || xpos == "_" {
		xpos = uposToXPOS(upos)
	}
	return t.m.lem.lemma(form, xpos)
}

// uposToXPOS gives the commonest Penn tag of a UPOS, for callers that only
// know the universal tag.
func uposToXPOS(upos string) string {
	switch upos {
	case "NOUN":
		return "NN"
	case "PROPN":
		return "NNP"
	case "VERB":
		return "VB"
	case "AUX":
		return "VBZ"
	case "ADJ":
		return "JJ"
	case "ADV":
		return "RB"
	case "PRON":
		return "PRP"
	case "DET":
		return "DT"
	case "ADP", "SCONJ":
		return "IN"
	case "NUM":
		return "CD"
	case "CCONJ":
		return "CC"
	case "PART":
		return "RB"
	case "PUNCT":
		return "."
	}
	return upos
}

// appendLower appends the lower-cased form to buf.
func appendLower(buf []byte, s string) []byte {
	start := len(buf)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return append(buf[:start], strings.ToLower(s)...)
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}
