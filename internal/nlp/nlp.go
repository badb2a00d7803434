// Package nlp chains dyad's language stages into one pipeline: sentence
// splitting and tokenization (internal/text), tagging and lemmatization
// (internal/tag) and dependency parsing (internal/parse).
//
// A Pipeline is safe for concurrent use; every stage keeps its scratch
// space in a pool, so annotating costs no per-token maps.
package nlp

import (
	"fmt"
	"sync"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/parse"
	"github.com/dyad-events/dyad/internal/tag"
	"github.com/dyad-events/dyad/internal/text"
)

// Pipeline runs text → sentences and tokens → tags and lemmas → trees.
type Pipeline struct {
	Tagger *tag.Tagger
	Parser *parse.Parser
}

var (
	once    sync.Once
	loaded  *Pipeline
	loadErr error
)

// Load returns the pipeline with the embedded models, loaded on first use.
func Load() (*Pipeline, error) {
	once.Do(func() {
		t, err := tag.Load()
		if err != nil {
			loadErr = fmt.Errorf("nlp: %w", err)
			return
		}
		p, err := parse.Load()
		if err != nil {
			loadErr = fmt.Errorf("nlp: %w", err)
			return
		}
		loaded = &Pipeline{Tagger: t, Parser: p}
	})
	return loaded, loadErr
}

var (
	codingOnce sync.Once
	coding     *Pipeline
	codingErr  error
)

// LoadCoding returns the pipeline the event coder reads: the tagger and
// the single beam-8 parser (parse.ModelFile) instead of Load's vote of
// five models. The vote parses EWT better (test UAS 87.44 against
// 86.00) but the coder, whose rules were written on the single model's
// trees, codes fewer PETRARCH unit-suite records right with it (199
// against 207 of 284), at a fifth of the speed and with 400 MB more heap.
func LoadCoding() (*Pipeline, error) {
	codingOnce.Do(func() {
		t, err := tag.Load()
		if err != nil {
			codingErr = fmt.Errorf("nlp: %w", err)
			return
		}
		p, err := parse.LoadModel(parse.ModelFile)
		if err != nil {
			codingErr = fmt.Errorf("nlp: %w", err)
			return
		}
		coding = &Pipeline{Tagger: t, Parser: p}
	})
	return coding, codingErr
}

// LoadFast returns the fast pipeline: the tagger and the greedy parser
// (LoadBeam(1)), ~6 times as fast as the coding pipeline's beam and ~1
// point of EWT dev LAS below it. The coder parses with it first and with
// LoadCoding's parser only where its trees show an event
// (coder.Pipeline.Fast). Both models are read once and shared.
func LoadFast() (*Pipeline, error) { return LoadBeam(1) }

// LoadBeam is Load with the parser decoding at beam width k: k ≤ 0 the
// default model as trained, k = 1 the fast greedy model alone (the
// default model is then not loaded), k > 1 the default model at width k.
func LoadBeam(k int) (*Pipeline, error) {
	if k != 1 {
		p, err := Load()
		if err != nil {
			return nil, err
		}
		return p.WithBeam(k), nil
	}
	t, err := tag.Load()
	if err != nil {
		return nil, fmt.Errorf("nlp: %w", err)
	}
	g, err := parse.LoadGreedy()
	if err != nil {
		return nil, fmt.Errorf("nlp: %w", err)
	}
	return &Pipeline{Tagger: t, Parser: g}, nil
}

// WithBeam returns a pipeline whose parser decodes with beam width k;
// k ≤ 0 keeps p as it is, k = 1 uses the fast greedy model.
func (p *Pipeline) WithBeam(k int) *Pipeline {
	switch {
	case k <= 0:
		return p
	case k == 1:
		if g, err := parse.LoadGreedy(); err == nil {
			return &Pipeline{Tagger: p.Tagger, Parser: g}
		}
	}
	return &Pipeline{Tagger: p.Tagger, Parser: p.Parser.WithBeam(k)}
}

// Annotate splits text into sentences, tags and parses them. Every offset
// (Sentence.Start/End, Token.Start/End) is shifted by base, so passing the
// position of text inside a document gives offsets into the document.
func (p *Pipeline) Annotate(txt string, base int) []event.Sentence {
	sents := Split(txt, base)
	for i := range sents {
		p.AnnotateSentence(&sents[i])
	}
	return sents
}

// Split splits text into sentences and tokens without tagging or parsing
// them; offsets are shifted by base as in Annotate.
func Split(txt string, base int) []event.Sentence {
	sents := text.Segment(txt)
	if base == 0 {
		return sents
	}
	for i := range sents {
		s := &sents[i]
		s.Start += base
		s.End += base
		for k := range s.Tokens {
			if s.Tokens[k].Start >= 0 {
				s.Tokens[k].Start += base
				s.Tokens[k].End += base
			}
		}
	}
	return sents
}

// AnnotateSentence tags and parses an already tokenized sentence: it keeps
// the tokens and their forms and replaces Lemma, UPOS, XPOS, Feats, Head
// and Deprel.
func (p *Pipeline) AnnotateSentence(s *event.Sentence) {
	p.Tagger.Tag(s)
	p.Parser.Parse(s)
}

// Tag tags and lemmatizes a tokenized sentence (Lemma, UPOS, XPOS, Feats);
// Parse then adds the tree. Tag and Parse together are AnnotateSentence.
func (p *Pipeline) Tag(s *event.Sentence) { p.Tagger.Tag(s) }

// Parse adds the dependency tree (Head, Deprel) to a tagged sentence.
func (p *Pipeline) Parse(s *event.Sentence) { p.Parser.Parse(s) }
