package tag

import "github.com/dyad-events/dyad/event"

// Draft tagging.
//
// TagDraft tags with the forward first pass alone: no backward pass, no
// final pass, and morphological features from the (word, tag) lexicon
// without the context model. It is for sentences whose tags are only
// stored or scanned (for actor mentions, dictionary words); Refine turns
// a draft-tagged sentence into exactly what Tag gives, without redoing the
// forward pass, for the sentences that are parsed.
//
// On EWT dev (gold tokens) TagDraft reaches UPOS 95.29, XPOS 94.61,
// UFeats 92.30, lemma 97.17 against Tag's 95.55, 94.84, 95.65, 97.24
// (TestDraftAccuracy). Its CPU a token is ~38 % of Tag's on EWT dev with
// a warm word cache (35-43 % over six paired runs of BenchmarkTag and
// BenchmarkTagDraft) and ~44 % (38-52 %) on PolNeAR from an empty cache
// (BenchmarkTagNews, BenchmarkTagDraftNews), where new words cost more.
// The context model's features would lift UFeats to 95.43 at ~37 % more
// CPU for the draft, so it keeps the lexicon's.

// TagDraft fills UPOS, XPOS, Feats and Lemma of every token from its Form
// with the forward first pass only, at about 40 % of Tag's CPU. The tags
// are those of Tag's forward first pass, the lemmas those of the lemmatizer
// under them; Feats is the lexicon's guess for the word under its tag (the
// features seen most often with it in training, else the tag's).
// Other fields are left alone.
func (t *Tagger) TagDraft(s *event.Sentence) {
	if len(s.Tokens) == 0 {
		return
	}
	m := t.m
	if m.p2b != nil {
		// such models are tagged without the word cache; no draft
		t.Tag(s)
		return
	}
	sc := t.getScratch()
	defer t.putScratch(sc)
	sc.setForms(s)
	sc.cached = true
	t.entries(sc, [2]*weights{m.p1, nil})
	if cap(sc.scores) < len(m.xpos) {
		sc.scores = make([]int32, len(m.xpos))
	}
	sc.first = t.decodeCached(sc, m.p1, 0, sc.scores, sc.info, sc.ents, sc.vars, sc.first[:0])
	t.fill(s, sc, sc.first, false)
}

// Refine gives a sentence that TagDraft tagged the tags, features and
// lemmas Tag would give it. The forward pass's tags are read back from the
// tokens' XPOS and UPOS, so s must be as TagDraft left it (its forms and
// tags unchanged); a sentence with a tag pair the model does not have
// (such as an untagged one) is tagged afresh with Tag.
func (t *Tagger) Refine(s *event.Sentence) {
	if len(s.Tokens) == 0 {
		return
	}
	m := t.m
	if m.p2b != nil {
		t.Tag(s)
		return
	}
	sc := t.getScratch()
	sc.first = sc.first[:0]
	for i := range s.Tokens {
		c := t.classOf(s.Tokens[i].XPOS, s.Tokens[i].UPOS)
		if c < 0 {
			t.putScratch(sc)
			t.Tag(s)
			return
		}
		sc.first = append(sc.first, c)
	}
	defer t.putScratch(sc)
	sc.setForms(s)
	sc.cached = true
	// the forward pass is not run again: its sums are neither computed
	// nor touched (an entry dropped since the draft comes back without)
	t.entries(sc, [2]*weights{nil, m.pb})
	if cap(sc.scores) < len(m.xpos) {
		sc.scores = make([]int32, len(m.xpos))
	}
	t.fill(s, sc, t.afterFirst(sc), true)
}

// classOf returns the class of the tag pair, or -1 (also when the model
// has two classes of the same pair).
func (t *Tagger) classOf(xpos, upos string) int {
	for _, c := range t.classes[xpos] {
		if t.m.upos[c] == upos {
			return c
		}
	}
	return -1
}
