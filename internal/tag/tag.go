// Package tag is dyad's part-of-speech tagger, morphological featurizer and
// lemmatizer for English, trained on UD English-EWT and embedded in the
// binary.
//
// The tagger predicts joint (XPOS, UPOS) classes — Penn Treebank tag and
// Universal POS — with greedy averaged-perceptron passes. Two first passes,
// one left to right and one right to left, see the word, its affixes,
// shape, ambiguity class (the set of tags it had in training, by lower-case
// and by exact form), its WordNet word classes (internal/lexicon: parts of
// speech, proper-name capitalization, inflections; they carry rare and
// unseen words), its neighbours, the sentence's capitalization profile
// and their own previous decisions. The final left-to-right pass sees all
// that plus both first passes' tags around the word; it decides the words
// on which the first passes disagree (the others keep their tag). It is
// trained on jackknifed first-pass tags so that it learns from realistic
// errors. Features are 64-bit hashes looked up in open-addressing tables.
// A Tagger caches, per word form, the summed weights of the first passes'
// features that read one word only (see fast.go): news repeats words, so
// most positions look up only the features on word pairs and previous
// tags. The tags are exactly those of scoring every feature.
//
// TagDraft is the forward first pass alone, with the lexicon's features
// (draft.go): on EWT dev UPOS 95.29, XPOS 94.61, UFeats 92.30, lemma 97.17
// against Tag's 95.55, 94.84, 95.65, 97.24, at ~40 % of Tag's CPU.
// Refine completes a draft-tagged sentence to Tag's output without
// redoing the forward pass.
//
// Features (Tense, VerbForm, Number, Person, PronType, …) come from a
// (word, tag) lexicon learned from the treebank, corrected by a context
// perceptron (imperative or infinitive, subject agreement, passive voice);
// lemmas from an exception lexicon and suffix-rewrite rules learned per
// XPOS (see lemmatizer), checked against WordNet for unseen inflected words.
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
		m, err := readEmbedded()
		if err != nil {
			loadErr = err
			return
		}
		loaded = New(m)
	})
	return loaded, loadErr
}

func readEmbedded() (*Model, error) {
	m, err := Read(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("load embedded tagger: %w", err)
	}
	return m, nil
}

// Tagger tags sentences with a Model. It is safe for concurrent use.
type Tagger struct {
	m     *Model
	edges *edges // neighbour sums of the sentence padding
	// free holds idle scratch (with its word cache). Unlike a sync.Pool
	// it survives garbage collections, which would empty the caches.
	mu   sync.Mutex
	free []*scratch
	// classes of each XPOS (Refine reads a class back from its tag pair);
	// nil when two classes have the same pair
	classes map[string][]int
}

// New returns a Tagger for m.
func New(m *Model) *Tagger {
	t := &Tagger{m: m, edges: newEdges([2]*weights{m.p1, m.pb}), classes: map[string][]int{}}
	for c, x := range m.xpos {
		for _, d := range t.classes[x] {
			if m.upos[d] == m.upos[c] {
				t.classes = nil
				return t
			}
		}
		t.classes[x] = append(t.classes[x], c)
	}
	return t
}

// maxFree bounds the idle scratch a Tagger keeps (one per concurrent
// caller, each with a word cache of up to 2×maxWords forms).
const maxFree = 16

func (t *Tagger) getScratch() *scratch {
	t.mu.Lock()
	defer t.mu.Unlock()
	if n := len(t.free); n > 0 {
		sc := t.free[n-1]
		t.free = t.free[:n-1]
		return sc
	}
	return &scratch{}
}

func (t *Tagger) putScratch(sc *scratch) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.free) < maxFree {
		t.free = append(t.free, sc)
	}
}

// Model returns the tagger's model.
func (t *Tagger) Model() *Model { return t.m }

type scratch struct {
	forms   []string
	info    []tokInfo
	s1, s2  []uint64
	first   []int
	rinfo   []tokInfo
	rs1     []uint64
	rtags   []int
	back    []int
	rfirst  []int
	rs2     []uint64
	rfinal  []int
	fkeep   []int32
	bkeep   []int32
	tags    []int
	scores  []int32
	buf     []byte
	lex     []uint32
	fs      []uint64
	fscores []int32
	lems    []string
	cached  bool // tagForms filled ents
	tsums   [2]tagSums
	// word-type caching of the first passes (fast.go)
	cache       wordCache
	pk          packer
	ents, rents []*wordEntry
	vars, rvars []uint8
	sink        int32 // keeps entries' touching loads
}

// setForms makes sc.forms the forms of s's tokens.
func (sc *scratch) setForms(s *event.Sentence) {
	sc.forms = sc.forms[:0]
	for i := range s.Tokens {
		sc.forms = append(sc.forms, s.Tokens[i].Form)
	}
}

// Tag fills UPOS, XPOS, Feats and Lemma of every token from its Form.
// Other fields are left alone.
func (t *Tagger) Tag(s *event.Sentence) {
	n := len(s.Tokens)
	if n == 0 {
		return
	}
	sc := t.getScratch()
	defer t.putScratch(sc)
	sc.setForms(s)
	tags := t.tagForms(sc)
	t.fill(s, sc, tags, true)
}

// fill sets the tags, lemmas and features of s's tokens from their classes
// tags; ctx: features by the context model, else the lexicon's guess.
func (t *Tagger) fill(s *event.Sentence, sc *scratch, tags []int, ctx bool) {
	m := t.m
	sc.lex = sc.lex[:0]
	sc.lems = sc.lems[:0]
	for i := range s.Tokens {
		if sc.cached {
			// the word's lexicon features and lemma under its tag, once
			p := sc.ents[i].postFor(m, tags[i], &sc.buf)
			sc.lex = append(sc.lex, p.lex)
			sc.lems = append(sc.lems, p.lemma)
			continue
		}
		sc.buf = appendLower(sc.buf[:0], s.Tokens[i].Form)
		sc.lex = append(sc.lex, m.fts.lexiconBytes(sc.buf, tags[i]))
		sc.lems = append(sc.lems, m.lem.lemma(s.Tokens[i].Form, m.xpos[tags[i]]))
	}
	if cap(sc.fscores) < len(m.fts.strs) {
		sc.fscores = make([]int32, len(m.fts.strs))
	}
	for i := range s.Tokens {
		tok := &s.Tokens[i]
		c := tags[i]
		tok.XPOS, tok.UPOS = m.xpos[c], m.upos[c]
		f := sc.lex[i]
		if ctx {
			f, sc.fs = m.fts.predict(sc.info, tags, sc.lex, i, sc.fs, sc.fscores[:len(m.fts.strs)])
		}
		tok.Feats = m.fts.strs[f]
		tok.Lemma = sc.lems[i]
	}
}

// tagForms returns the class of every form in sc.forms.
func (t *Tagger) tagForms(sc *scratch) []int {
	sc.cached = false
	if t.m.p2b != nil || len(sc.forms) == 0 {
		return t.tagFormsRef(sc)
	}
	sc.cached = true // sc.ents are the forms' entries
	m := t.m
	t.entries(sc, [2]*weights{m.p1, m.pb})
	if cap(sc.scores) < len(m.xpos) {
		sc.scores = make([]int32, len(m.xpos))
	}
	sc.first = t.decodeCached(sc, m.p1, 0, sc.scores, sc.info, sc.ents, sc.vars, sc.first[:0])
	return t.afterFirst(sc)
}

// afterFirst runs the backward first pass and the final pass over the
// entries of sc (sc.ents, sc.info, sc.vars) given the forward pass's
// classes sc.first, and returns the classes.
func (t *Tagger) afterFirst(sc *scratch) []int {
	m := t.m
	n := len(sc.forms)
	var back []int
	if m.pb != nil {
		sc.rinfo = append(sc.rinfo[:0], sc.info...)
		sc.rents = append(sc.rents[:0], sc.ents...)
		sc.rvars = append(sc.rvars[:0], sc.vars...)
		for i, j := 0, n-1; i < j; i, j = i+1, j-1 {
			sc.rinfo[i], sc.rinfo[j] = sc.rinfo[j], sc.rinfo[i]
			sc.rents[i], sc.rents[j] = sc.rents[j], sc.rents[i]
			sc.rvars[i], sc.rvars[j] = sc.rvars[j], sc.rvars[i]
		}
		sc.rtags = t.decodeCached(sc, m.pb, 1, sc.scores, sc.rinfo, sc.rents, sc.rvars, sc.rtags[:0])
		sc.back = sc.back[:0]
		for i := n - 1; i >= 0; i-- {
			sc.back = append(sc.back, sc.rtags[i])
		}
		back = sc.back
	}
	sc.tags = decodeFinal(m.p2, sc.scores, sc.info, sc.first, back, sc.tags[:0])
	return sc.tags
}

// tagFormsRef is tagForms without the word cache: every feature of every
// position is scored. Models with a backward final pass take it; for the
// others it is the reference the cached path must equal.
func (t *Tagger) tagFormsRef(sc *scratch) []int {
	n := len(sc.forms)
	m := t.m
	if cap(sc.info) < n {
		sc.info = make([]tokInfo, n)
	}
	sc.info = sc.info[:n]
	sc.buf = analyze(sc.info, sc.forms, sc.buf, m.ambOf, m.lex, false)
	sc.s1, sc.s2 = sc.s1[:0], sc.s2[:0]
	for i := 0; i < n; i++ {
		sc.s1 = static1(sc.s1, sc.info, i)
	}
	if cap(sc.scores) < len(m.xpos) {
		sc.scores = make([]int32, len(m.xpos))
	}
	sc.first = decodeWeights(m.p1, sc.scores, sc.info, sc.s1, nil, nil, 1, sc.first[:0])
	var back []int
	if m.pb != nil {
		// backward pass over the reversed sentence
		if cap(sc.rinfo) < n {
			sc.rinfo = make([]tokInfo, n)
		}
		sc.rinfo = sc.rinfo[:n]
		// a token's facts do not depend on the direction (the
		// sentence-initial flag marks the same token both ways)
		for i := 0; i < n; i++ {
			sc.rinfo[i] = sc.info[n-1-i]
		}
		sc.rs1 = sc.rs1[:0]
		for i := 0; i < n; i++ {
			sc.rs1 = static1(sc.rs1, sc.rinfo, i)
		}
		sc.rtags = decodeWeights(m.pb, sc.scores, sc.rinfo, sc.rs1, nil, nil, 1, sc.rtags[:0])
		sc.back = sc.back[:0]
		for i := n - 1; i >= 0; i-- {
			sc.back = append(sc.back, sc.rtags[i])
		}
		back = sc.back
	}
	for i := 0; i < n; i++ {
		sc.s2 = static2(sc.s2, sc.info, sc.first, back, i)
	}
	if m.p2b == nil || back == nil {
		if back != nil {
			sc.tags = decodeAgree(m.p2, sc.scores, sc.info, sc.s1, sc.s2, sc.first, back, sc.tags[:0])
			return sc.tags
		}
		sc.tags = decodeWeights(m.p2, sc.scores, sc.info, sc.s1, sc.s2, sc.first, 2, sc.tags[:0])
		return sc.tags
	}
	// both final passes: forward, and backward over the reversed sentence
	// (its own first-pass tags are the backward ones, the other direction's
	// the forward ones), scores added
	nc := len(m.xpos)
	sc.fkeep = append(sc.fkeep[:0], make([]int32, n*nc)...)
	sc.bkeep = append(sc.bkeep[:0], make([]int32, n*nc)...)
	sc.tags = decodeKeep(m.p2, sc.scores, sc.fkeep, sc.info, sc.s1, sc.s2, sc.first, 2, sc.tags[:0])
	sc.rfirst = sc.rfirst[:0]
	for i := n - 1; i >= 0; i-- {
		sc.rfirst = append(sc.rfirst, sc.first[i])
	}
	sc.rs2 = sc.rs2[:0]
	for i := 0; i < n; i++ {
		sc.rs2 = static2(sc.rs2, sc.rinfo, sc.rtags, sc.rfirst, i)
	}
	sc.rfinal = decodeKeep(m.p2b, sc.scores, sc.bkeep, sc.rinfo, sc.rs1, sc.rs2, sc.rtags, 2, sc.rfinal[:0])
	sc.tags = combineFinal(sc.fkeep, sc.bkeep, n, nc, sc.tags)
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
		xpos = uposToXPOS(form, upos)
	}
	return t.m.lem.lemma(form, xpos)
}

// uposToXPOS guesses the Penn tag of a word from its UPOS and ending, for
// callers that only know the universal tag.
func uposToXPOS(form, upos string) string {
	low := strings.ToLower(form)
	plural := strings.HasSuffix(low, "s") && !strings.HasSuffix(low, "ss") &&
		!strings.HasSuffix(low, "us") && !strings.HasSuffix(low, "is") && len(low) > 3
	switch upos {
	case "NOUN":
		if plural {
			return "NNS"
		}
		return "NN"
	case "PROPN":
		if plural {
			return "NNPS"
		}
		return "NNP"
	case "VERB", "AUX":
		switch {
		case strings.HasSuffix(low, "ing"):
			return "VBG"
		case strings.HasSuffix(low, "ed"):
			return "VBD"
		case plural:
			return "VBZ"
		}
		return "VB"
	case "ADJ":
		switch {
		case strings.HasSuffix(low, "est") && len(low) > 5:
			return "JJS"
		case strings.HasSuffix(low, "er") && len(low) > 4:
			return "JJR"
		}
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

// decodeFinal is decodeAgree (decodeWeights of the final pass when back
// is nil) computing the static features of the words it decides only.
func decodeFinal(w *weights, scores []int32, info []tokInfo, first, back []int, tags []int) []int {
	scores = scores[:w.nClass]
	var fsArr [nStatic1 + nStatic2 + nDyn]uint64
	for i := range info {
		if back != nil && first[i] == back[i] {
			tags = append(tags, first[i])
			continue
		}
		fs := static1(fsArr[:0], info, i)
		fs = static2(fs, info, first, back, i)
		p1, p2 := prevTags(tags, i)
		fp1 := -3
		if i+1 < len(first) {
			fp1 = first[i+1]
		}
		fs = dynamic(fs, info, i, p1, p2, fp1)
		clear(scores)
		w.score(fs, scores)
		tags = append(tags, argmax(scores))
	}
	return tags
}

// decodeAgree is the final pass that keeps the first passes' tag where
// the forward and backward first passes agree (97% of EWT dev words) and
// decides the others. On EWT dev this is as accurate as retagging every
// word (UPOS 95.55 against 95.52) and the tagger is ~1.6 times as fast.
func decodeAgree(w *weights, scores []int32, info []tokInfo, s1, s2 []uint64, first, back []int, tags []int) []int {
	scores = scores[:w.nClass]
	var fsArr [nStatic1 + nStatic2 + nDyn]uint64
	for i := range info {
		if first[i] == back[i] {
			tags = append(tags, first[i])
			continue
		}
		fs := features(fsArr[:0], info, s1, s2, first, tags, 2, i)
		clear(scores)
		w.score(fs, scores)
		tags = append(tags, argmax(scores))
	}
	return tags
}
