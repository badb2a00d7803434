package coder

import (
	"fmt"
	"io"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/nlp"
	"github.com/dyad-events/dyad/internal/when"
)

// Pipeline codes raw documents: language pipeline (sentences, tags,
// trees), actor mentions, time expressions, then the coder. It is safe for
// concurrent use: per-document state lives in CodeDocument.
type Pipeline struct {
	NLP   *nlp.Pipeline
	KB    *actor.KB
	Coder *Coder
	// Failures counts sentences a stage failed on (a recovered panic in
	// the actor or time recognizer); such a sentence yields no events.
	Failures atomic.Int64
	// Discards, when set, skips stories and sentences with discard
	// phrases (PETRARCH's discard dictionary).
	Discards *Discards
	// Trace, when set, receives each sentence's tokens, tree, mentions and
	// time expressions (CoNLL-U-like), for looking into a coding.
	Trace io.Writer
	// SkipIdle, when set, parses only the sentences that can yield an
	// event or change the document state a later event depends on; the
	// others are tagged, not parsed (see AnnotateDocument). The events are
	// the same either way. Ignored while tracing.
	SkipIdle bool
	// OnDemand, with SkipIdle (and no Trace), parses no sentence up
	// front: CodeAnnotated first codes the tagged sentences without trees,
	// which resolves the actor mentions, and parses only the sentences
	// that then have mentions of two different actors and a word the
	// dictionaries may code, then codes the document again (see
	// CodeAnnotated). Such a sentence is a few in a hundred of news text;
	// the others keep no tree. The events can differ from SkipIdle's
	// alone where a tree changes the mentions a sentence resolves (an
	// anaphor's antecedent is a subject); `dyad bench code --check-skip`
	// counts the differences.
	OnDemand bool
	// Fast, when set with OnDemand, is a faster, less accurate language
	// pipeline (the greedy parser) that parses the sentences first; only
	// those that then yield an event are parsed again with NLP's parser
	// and the document is coded again (see CodeAnnotated).
	Fast *nlp.Pipeline
	// ShortBeam: with Fast, a sentence of at most this many tokens is
	// parsed with NLP's parser right away (the beam's cost grows with the
	// length, and a short sentence costs little either way).
	ShortBeam int
	// Parsed counts the sentences OnDemand parsed (with Fast when set),
	// Confirmed those Fast's trees gave an event and NLP parsed again, and
	// ParseTime the time both took (nanoseconds).
	Parsed, Confirmed, ParseTime atomic.Int64
}

// onDemand reports whether CodeAnnotated parses the sentences.
func (p *Pipeline) onDemand() bool { return p.OnDemand && p.SkipIdle && p.Trace == nil }

// LoadPipeline loads the embedded models and dictionaries with c as the
// coder (Default() when nil), and the built-in discard phrases
// (DefaultDiscards). The language pipeline is nlp.LoadCoding's.
func LoadPipeline(c *Coder) (*Pipeline, error) {
	if c == nil {
		var err error
		if c, err = Default(); err != nil {
			return nil, err
		}
	}
	n, err := nlp.LoadCoding()
	if err != nil {
		return nil, err
	}
	kb, err := actor.Load()
	if err != nil {
		return nil, err
	}
	d, err := DefaultDiscards()
	if err != nil {
		return nil, err
	}
	return &Pipeline{NLP: n, KB: kb, Coder: c, Discards: d}, nil
}

// DefaultShortBeam is UseFast's ShortBeam. Measured with 0, 15, 20 and 25
// (dyad eval; dyad bench code on PolNeAR): PETRARCH unit suite 201, 204,
// 205, 205 records right; codebook examples with an event 110, 111, 115,
// 118; PolNeAR events 332, 332, 335, 338, whose parsing costs ~0, ~0,
// ~1.2 and ~1.4 CPU-s more than 0 (a loaded machine).
const DefaultShortBeam = 15

// UseFast sets p to parse on demand (OnDemand, SkipIdle) with the fast
// pipeline first and p.NLP's parser where the fast trees give an event
// (Fast = nlp.LoadFast()): the default of dyad code, ingest and bench
// code.
func (p *Pipeline) UseFast() error {
	f, err := nlp.LoadFast()
	if err != nil {
		return err
	}
	p.SkipIdle, p.OnDemand, p.Fast, p.ShortBeam = true, true, f, DefaultShortBeam
	return nil
}

// Body returns the part of the document the language pipeline reads and
// its offset in doc.Text.
func Body(doc *event.Document) (string, int) {
	start, end := doc.BodyStart, doc.BodyEnd
	if end <= start || end > len(doc.Text) || start < 0 {
		return doc.Text, 0
	}
	return doc.Text[start:end], start
}

// CodeDocument annotates the document's body and codes every sentence; it
// returns the annotated sentences and the events in text order.
func (p *Pipeline) CodeDocument(doc *event.Document) ([]event.Sentence, []event.Event) {
	sents, parsed := p.AnnotateDocument(doc)
	return sents, p.CodeAnnotated(doc, sents, parsed)
}

// CodeSentences codes already annotated sentences of doc, in order.
func (p *Pipeline) CodeSentences(doc *event.Document, sents []event.Sentence) []event.Event {
	return p.CodeAnnotated(doc, sents, nil)
}

// CodeAnnotated is CodeSentences for the result of AnnotateDocument: it
// passes over the sentences parsed marks false (nil: all were parsed).
// With OnDemand the marked sentences are tagged but not parsed yet: it
// codes them without trees, parses (in place) each sentence that then may
// yield an event — one with mentions of two different actors and a word
// the dictionaries may code (mayTrigger) — and codes the document again,
// until no more sentences need a tree (a tree can change the mentions of
// a later sentence). A sentence without a tree is not coded: without two
// actors and a codable word it yields no event (Code needs two mentions
// of different actors), and with them it is parsed first. With Fast, the
// sentences are parsed with Fast's parser first, and once no more need a
// tree, each sentence that yields an event is parsed again with NLP's
// parser and the document coded again (until no new sentence yields
// one): events come from accurate trees, found where fast trees show
// them. Sentences that yield no event on the fast tree keep it. A
// sentence of at most ShortBeam tokens gets NLP's tree right away.
func (p *Pipeline) CodeAnnotated(doc *event.Document, sents []event.Sentence, parsed []bool) []event.Event {
	if !p.onDemand() || parsed == nil {
		evs := p.codeAll(doc, sents, parsed, nil, nil)
		propagateDates(evs)
		return dedupe(evs)
	}
	first := p.NLP
	if p.Fast != nil {
		first = p.Fast
	}
	maybe := make([]bool, len(sents))
	names := make([][]int, len(sents))
	done := make([]bool, len(sents))
	var confirmed []bool
	if p.Fast != nil {
		confirmed = make([]bool, len(sents))
	}
	evs := p.codeAll(doc, sents, parsed, maybe, names)
	for {
		n, again := 0, 0
		t0 := time.Now()
		for i := range sents {
			if maybe[i] && !done[i] {
				done[i] = true
				p.NLP.Tagger.Refine(&sents[i]) // draft tags → the full tagger's
				properNames(&sents[i], names[i])
				if confirmed != nil && len(sents[i].Tokens) <= p.ShortBeam {
					p.NLP.Parse(&sents[i])
					confirmed[i] = true
				} else {
					first.Parse(&sents[i])
				}
				n++
			}
		}
		if n == 0 && confirmed != nil {
			// the fast trees are settled: the sentences they give an event
			// get the accurate parser's tree
			for _, e := range evs {
				if i := e.Sentence; i >= 0 && i < len(sents) && !confirmed[i] {
					confirmed[i], done[i] = true, true
					p.NLP.Parse(&sents[i])
					again++
				}
			}
		}
		if n+again == 0 {
			break
		}
		p.Parsed.Add(int64(n))
		p.Confirmed.Add(int64(again))
		p.ParseTime.Add(int64(time.Since(t0)))
		clear(maybe)
		evs = p.codeAll(doc, sents, parsed, maybe, names)
	}
	propagateDates(evs)
	return dedupe(evs)
}

// misTaggedNames appends to dst the head tokens of the mentions ms that
// name an actor, are capitalized and are tagged NOUN or VERB.
func misTaggedNames(s *event.Sentence, ms []actor.Mention, dst []int) []int {
	for _, m := range ms {
		switch m.Kind {
		case actor.KindPerson, actor.KindCountry, actor.KindCapital, actor.KindOrg, actor.KindGroup:
		default:
			continue
		}
		if m.Head < 0 || m.Head >= len(s.Tokens) {
			continue
		}
		t := &s.Tokens[m.Head]
		if r, _ := utf8.DecodeRuneInString(t.Form); !unicode.IsUpper(r) || (t.UPOS != "NOUN" && t.UPOS != "VERB") {
			continue
		}
		dst = append(dst, m.Head)
	}
	return dst
}

// properNames tags the tokens heads (from misTaggedNames, on the
// sentence's tags then) as proper nouns, if they are still tagged NOUN or
// VERB, before the sentence is parsed: the parser attaches a name read as
// a verb as the clause's predicate. The actor dictionaries know better
// than a tagger trained on web text of the 2000s that "Trump" opening a
// sentence is a name.
func properNames(s *event.Sentence, heads []int) {
	for _, h := range heads {
		t := &s.Tokens[h]
		if t.UPOS != "NOUN" && t.UPOS != "VERB" {
			continue
		}
		x, f := "NNP", "Number=Sing"
		if t.XPOS == "NNS" {
			x, f = "NNPS", "Number=Plur"
		}
		t.UPOS, t.XPOS, t.Lemma, t.Feats = "PROPN", x, t.Form, f
	}
}

// twoActors reports whether the mentions name two different actors.
func twoActors(ms []Mention) bool {
	for i := 1; i < len(ms); i++ {
		if ms[i].Actor.Code != ms[0].Actor.Code || actorRoot(ms[i].Actor) != actorRoot(ms[0].Actor) {
			return true
		}
	}
	return false
}

// codeAll codes the sentences in order (one document state), without
// merging restated events. With maybe, it marks the sentences that have
// two resolved mentions of different actors and a word the dictionaries
// may code: those that could yield an event on another tree.
//
// With names, it also lists for each marked sentence the head tokens of
// its mentions that name an actor (a person, country, organization,
// capital or group, capitalized) but are tagged as a common noun or a
// verb: "Trump" opening a sentence, read as the noun or verb "trump".
func (p *Pipeline) codeAll(doc *event.Document, sents []event.Sentence, parsed []bool, maybe []bool, names [][]int) []event.Event {
	wd := when.NewDoc(doc.Published)
	ad := p.KB.NewDoc(doc.Published)
	var evs []event.Event
	if p.Discards.StoryDiscarded(doc.Text) {
		return nil
	}
	for i := range sents {
		s := &sents[i]
		if parsed != nil && !parsed[i] {
			continue
		}
		if p.Discards.SentenceDiscarded(s.Text) {
			continue
		}
		exprs, err := safeFind(wd, s)
		if err != nil {
			p.Failures.Add(1)
			continue
		}
		in := Input{DocID: doc.ID, Published: doc.Published, Sent: s}
		date := time.Time{}
		for _, e := range exprs {
			if e.Value == "" || e.First < 0 {
				continue
			}
			in.Times = append(in.Times, TimeExpr{Text: e.Text, Span: e.Span, First: e.First, Last: e.Last, Value: e.Value, Precision: e.Precision})
			if t, ok := e.Time(); ok && date.IsZero() {
				date = t
			}
		}
		in.Governing = func(v int) (TimeExpr, bool) {
			e, ok := when.Governing(s, exprs, v)
			if !ok || e.Value == "" {
				return TimeExpr{}, false
			}
			return TimeExpr{Text: e.Text, Span: e.Span, First: e.First, Last: e.Last, Value: e.Value, Precision: e.Precision}, true
		}
		ms, err := safeMentions(ad, s, date)
		if err != nil {
			p.Failures.Add(1)
			continue
		}
		for _, m := range ms {
			in.Mentions = append(in.Mentions, FromActor(m)...)
		}
		if maybe != nil {
			if twoActors(in.Mentions) && p.Coder.mayTrigger(s) {
				maybe[i] = true
				if names != nil {
					names[i] = misTaggedNames(s, ms, names[i][:0])
				}
			}
			if len(s.Tokens) > 0 && s.Tokens[0].Deprel == Unparsed {
				continue // not parsed yet: without two actors and a codable word it yields no event; with them it is parsed and coded next round
			}
		}
		got, why, err := p.safeCode(&in)
		if err != nil {
			p.Failures.Add(1)
			continue
		}
		if p.Trace != nil {
			trace(p.Trace, &in, got, why)
		}
		evs = append(evs, got...)
	}
	return evs
}

// dedupe keeps one event per pair (by country or organization), code,
// date and modality in a document: an article that restates an event
// ("… took part in the exercise. … By taking part in the exercise in June
// …") reports it once, as GDELT counts one event per article.
func dedupe(evs []event.Event) []event.Event {
	seen := map[string]bool{}
	out := evs[:0]
	for _, e := range evs {
		k := actorRoot(e.Source) + ">" + actorRoot(e.Target) + " " + e.CAMEO + " " + e.Date + " " + e.Modality
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, e)
	}
	return out
}

// sectors are the CAMEO agent codes that name a kind of actor, not an
// actor: a code made only of them ("MED", "GOVMED") has no country or
// organization to code a dyad with.
var sectors = map[string]bool{"GOV": true, "MIL": true, "REB": true, "OPP": true, "PTY": true, "COP": true, "JUD": true, "SPY": true,
	"MED": true, "EDU": true, "BUS": true, "CRM": true, "CVL": true, "HLH": true, "REF": true, "LEG": true, "ELI": true, "LAB": true,
	"AGR": true, "ENV": true, "RAD": true, "REL": true, "SET": true, "MOD": true, "UAF": true, "INS": true, "HRI": true, "DEV": true,
	"IMG": true}

func sectorOnly(code string) bool {
	if len(code) < 3 || len(code)%3 != 0 {
		return false
	}
	for i := 0; i < len(code); i += 3 {
		if !sectors[code[i:i+3]] {
			return false
		}
	}
	return true
}

// safeCode codes one sentence; a failure of the coder on a sentence it
// cannot read (a bug) costs that sentence, not the ingest.
func (p *Pipeline) safeCode(in *Input) (evs []event.Event, why []string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("coding sentence %d: %v", in.Sent.Index, r)
		}
	}()
	if p.Trace != nil {
		evs, why = p.Coder.Explain(*in)
		return evs, why, nil
	}
	return p.Coder.Code(*in), nil, nil
}

// safeFind and safeMentions keep a failure of the time or actor
// recognizer on one sentence from stopping a whole ingest.
func safeFind(wd *when.Doc, s *event.Sentence) (exprs []when.Expr, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("time expressions of sentence %d: %v", s.Index, r)
		}
	}()
	return wd.Find(s), nil
}

func safeMentions(ad *actor.Doc, s *event.Sentence, date time.Time) (ms []actor.Mention, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("actor mentions of sentence %d: %v", s.Index, r)
		}
	}()
	return ad.Mentions(s, date), nil
}

// propagateDates gives an event the text gives no date for the date of
// the same event restated elsewhere in the document (same source, target
// and code with a date of its own): "X took part in the exercise. … By
// taking part in the exercise in June, X …".
func propagateDates(evs []event.Event) {
	key := func(e *event.Event) string {
		return actorRoot(e.Source) + ">" + actorRoot(e.Target) + " " + e.CAMEO
	}
	dated := map[string]*event.Event{}
	for i := range evs {
		if e := &evs[i]; e.Precision != event.PrecisionDoc && e.Modality == event.Asserted {
			if _, ok := dated[key(e)]; !ok {
				dated[key(e)] = e
			}
		}
	}
	for i := range evs {
		e := &evs[i]
		if e.Precision != event.PrecisionDoc || e.Modality != event.Asserted {
			continue
		}
		if d, ok := dated[key(e)]; ok {
			e.Date, e.Precision = d.Date, d.Precision
		}
	}
}

func actorRoot(a event.Actor) string {
	if a.Org != "" {
		return a.Org
	}
	if a.Country != "" {
		return a.Country
	}
	return a.Code
}

// FromActor converts an actor mention: one coder mention per actor it
// stands for (a plural anaphor such as "the two sides" gives one per
// referent, sharing the span); none for an unresolved or ambiguous one.
func FromActor(m actor.Mention) []Mention {
	if m.Ambiguous {
		return nil
	}
	if len(m.Refs) > 0 && m.Code == "" {
		out := make([]Mention, 0, len(m.Refs))
		for _, a := range m.Refs {
			a.Text = m.Text
			out = append(out, Mention{Actor: a, First: m.First, Last: m.Last, Head: m.Head, Group: len(m.Refs)})
		}
		return out
	}
	if m.Code == "" || (m.Country == "" && m.Org == "" && (m.Kind == actor.KindRole || sectorOnly(m.Code))) {
		return nil // unresolved, or a bare sector ("officials", "the media") with no country
	}
	return []Mention{{Actor: m.Actor(), First: m.First, Last: m.Last, Head: m.Head, Place: m.Loc && m.Kind == actor.KindCapital}}
}

func trace(w io.Writer, in *Input, evs []event.Event, why []string) {
	s := in.Sent
	fmt.Fprintf(w, "# sentence %d: %s\n", s.Index, s.Text)
	for _, m := range in.Mentions {
		fmt.Fprintf(w, "# mention %d-%d head %d: %q %s\n", m.First+1, m.Last+1, m.Head+1, m.Actor.Text, m.Actor.Code)
	}
	for _, e := range in.Times {
		fmt.Fprintf(w, "# time %d-%d: %q %s %s\n", e.First+1, e.Last+1, e.Text, e.Value, e.Precision)
	}
	for i, t := range s.Tokens {
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%d\t%s\n", i+1, t.Form, t.Lemma, t.UPOS, t.XPOS, t.Head, t.Deprel)
	}
	for _, y := range why {
		fmt.Fprintf(w, "# pattern %s\n", y)
	}
	for _, e := range evs {
		fmt.Fprintf(w, "# event %s>%s %s %s %s %q\n", e.Source.Code, e.Target.Code, e.CAMEO, e.Modality, e.Date, e.Evidence.Text)
	}
	fmt.Fprintln(w)
}
