package coder

import (
	"strings"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/when"
)

// Unparsed is the Deprel every token of a sentence AnnotateDocument tagged
// but did not parse carries (Head 0): CoNLL-U's "no value". The stages that
// read trees (actor appositions, time-expression tense) take such a
// sentence for one without a tree.
const Unparsed = "_"

// AnnotateDocument splits, tags and parses the document's body. With
// SkipIdle (and no Trace) it parses only the sentences that matter for
// the events and returns parsed[i] false for the others (parsed is nil
// when every sentence was parsed); such a sentence keeps its tokens, tags
// and lemmas, and its tokens have Head 0 and Deprel Unparsed. With
// OnDemand it parses none and tags with the tagger's draft (forward pass
// only, tag.Tagger.TagDraft): parsed marks the sentences CodeAnnotated
// considers, and CodeAnnotated refines the tags of those that may yield
// an event to the full tagger's and parses them.
//
// Why skipping is safe. A sentence's events come from a verb or noun whose
// lemma (or form, or regular-inflection stem) the dictionary lists
// (codeVerb, codeNoun: mayTrigger) and need two actors
// (actor.KB.MentionBound ≥ 2); both are read from tags and lemmas, not
// from the tree. Its mentions and dates also depend on the document state
// the sentences before it left: the actor Doc (changed only by a sentence
// with a dictionary hit, MentionBound > 0) and the time Doc (changed only
// by a sentence with a time expression, which needs a number or a time
// word, when.MayFind). So a sentence is parsed when it is not discarded,
// comes no later than the last sentence that may yield an event, and has a
// dictionary hit or a possible time expression. Every other sentence
// yields no event and leaves both states as they were for every sentence
// that may yield one. (A new way for the coder to find an event must be
// added to mayTrigger; TestSkipIdle* and bench code --check-skip compare
// the events with and without SkipIdle.)
func (p *Pipeline) AnnotateDocument(doc *event.Document) ([]event.Sentence, []bool) {
	body, base := Body(doc)
	if !p.SkipIdle || p.Trace != nil {
		return p.NLP.Annotate(body, base), nil
	}
	sents := nlp.Split(body, base)
	for i := range sents {
		if p.onDemand() {
			// draft tags (the forward pass only) for the sentences that
			// stay unparsed; CodeAnnotated refines those it parses
			p.NLP.Tagger.TagDraft(&sents[i])
		} else {
			p.NLP.Tag(&sents[i])
		}
	}
	parsed := make([]bool, len(sents))
	if !p.Discards.StoryDiscarded(doc.Text) {
		mayMatter := make([]bool, len(sents))
		last := -1
		for i := range sents {
			s := &sents[i]
			if p.Discards.SentenceDiscarded(s.Text) {
				continue
			}
			actors := p.KB.MentionBound(s)
			mayMatter[i] = actors > 0 || when.MayFind(s)
			if actors >= 2 && p.Coder.mayTrigger(s) {
				last = i
			}
		}
		for i := 0; i <= last; i++ {
			parsed[i] = mayMatter[i]
		}
	}
	for i := range sents {
		if parsed[i] && !p.onDemand() {
			p.NLP.Parse(&sents[i])
			continue
		}
		for k := range sents[i].Tokens {
			t := &sents[i].Tokens[k]
			t.Head, t.Deprel = 0, Unparsed
		}
	}
	return sents, parsed
}

// mayTrigger reports whether some token of the tagged sentence s could be
// coded as an event. Code tries a verb (codeVerb) only at a token tagged
// VERB, or tagged NOUN, ADJ or PROPN with verb patterns under its lemma
// (verbLike), and looks its patterns up under the lemma, the lower-case
// form and a stem guessLemma tries; it tries a noun (codeNoun) only at a
// token tagged NOUN or PROPN, under its lemma. A verb pattern coded "---"
// or "" and a noun pattern coded "---" yield no event. mayTrigger over-approximates these look-ups, on the
// same tags and lemmas (the parser changes neither).
func (c *Coder) mayTrigger(s *event.Sentence) bool {
	for i := range s.Tokens {
		tok := &s.Tokens[i]
		l := tok.Lemma
		if l == "" || l == "_" {
			l = tok.Form
		}
		lemma := strings.ToLower(l)
		lower := strings.ToLower(tok.Form)
		switch tok.UPOS {
		case "VERB":
			if c.verbMayCode(lemma) || c.verbMayCode(lower) || c.stemMayCode(lower) {
				return true
			}
		case "NOUN", "PROPN", "ADJ":
			if len(c.dict.Verb(lemma)) > 0 && (c.verbMayCode(lemma) || c.verbMayCode(lower)) {
				return true
			}
			if tok.UPOS != "ADJ" && nounMayCode(c.dict.Noun(lemma)) {
				return true
			}
		}
	}
	return false
}

// verbMayCode reports whether a verb pattern under key codes an event.
func (c *Coder) verbMayCode(key string) bool { return codes(c.dict.Verb(key)) }

// stemMayCode is verbMayCode for every stem guessLemma may return for the
// lower-case form w.
func (c *Coder) stemMayCode(w string) bool {
	for _, suf := range []string{"d", "ed", "s", "es", "ing"} {
		if b, ok := strings.CutSuffix(w, suf); ok && len(b) > 2 {
			if c.verbMayCode(b) || c.verbMayCode(b+"e") {
				return true
			}
		}
	}
	if b, ok := strings.CutSuffix(w, "ied"); ok && c.verbMayCode(b+"y") {
		return true
	}
	return false
}

// codes reports whether one of the verb patterns gives an event code.
func codes(pats []*Pattern) bool {
	for _, p := range pats {
		if p.Code != "---" && p.Code != "" {
			return true
		}
	}
	return false
}

// nounMayCode is codes for noun patterns (codeNoun lets "" through).
func nounMayCode(pats []*Pattern) bool {
	for _, p := range pats {
		if p.Code != "---" {
			return true
		}
	}
	return false
}
