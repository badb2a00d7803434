package text

import (
	"fmt"
	"strings"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/conllu"
)

// Scores counts matches of predicted against gold spans (tokens or
// sentences) and derives precision, recall and F1.
type Scores struct {
	Gold, Pred, Match int
	// Units is the number of units scored (sentences for token scores,
	// documents for sentence scores); Exact how many of them came out
	// entirely right; Skipped how many could not be aligned.
	Units, Exact, Skipped int
}

// Precision is Match/Pred (0 when nothing was predicted).
func (s Scores) Precision() float64 { return ratio(s.Match, s.Pred) }

// Recall is Match/Gold.
func (s Scores) Recall() float64 { return ratio(s.Match, s.Gold) }

// F1 is the harmonic mean of precision and recall.
func (s Scores) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s Scores) String() string {
	return fmt.Sprintf("P %.2f R %.2f F1 %.2f (gold %d, pred %d, match %d; %d/%d units exact, %d skipped)",
		100*s.Precision(), 100*s.Recall(), 100*s.F1(), s.Gold, s.Pred, s.Match, s.Exact, s.Units, s.Skipped)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

type span struct{ a, b int }

// goldSpans aligns the gold words of a sentence to its text and returns
// their byte spans; ok is false when a word is not found where expected.
func goldSpans(text string, s *conllu.Sentence, dst []span) ([]span, bool) {
	p := 0
	for _, t := range s.Tokens {
		for p < len(text) {
			r, n := decode(text, p)
			if !isSpace(r) {
				break
			}
			p += n
		}
		if !strings.HasPrefix(text[p:], t.Form) {
			return dst, false
		}
		dst = append(dst, span{p, p + len(t.Form)})
		p += len(t.Form)
	}
	return dst, true
}

// EvalTokens re-tokenizes the text of each gold sentence ("# text") and
// scores the predicted syntactic words against the gold words by exact
// byte span. Sentences whose gold words cannot be aligned with their text
// are counted in Skipped and left out.
func EvalTokens(gold []conllu.Sentence) Scores {
	var sc Scores
	var gs []span
	t := tokenizer{}
	for i := range gold {
		g := &gold[i]
		text := g.Text()
		var ok bool
		gs, ok = goldSpans(text, g, gs[:0])
		if !ok {
			sc.Skipped++
			continue
		}
		t.s, t.out = text, t.out[:0]
		t.run()
		m := matchSpans(gs, t.out)
		sc.Units++
		sc.Gold += len(gs)
		sc.Pred += len(t.out)
		sc.Match += m
		if m == len(gs) && m == len(t.out) {
			sc.Exact++
		}
	}
	return sc
}

// matchSpans counts predicted tokens whose span equals a gold span (both
// lists sorted by position).
func matchSpans(gs []span, toks []event.Token) int {
	m, j := 0, 0
	for _, g := range gs {
		for j < len(toks) && toks[j].Start < g.a {
			j++
		}
		if j < len(toks) && toks[j].Start == g.a && toks[j].End == g.b {
			m++
		}
	}
	return m
}

// Document is one raw-text document re-assembled from gold sentences, with
// the gold sentence spans.
type Document struct {
	ID    string
	Text  string
	Spans [][2]int // gold sentence spans, byte offsets into Text
}

// Documents re-assembles raw documents from gold sentences: "# newdoc"
// starts a document, "# newpar" a paragraph (separated by a blank line),
// and sentences within a paragraph are joined with a space. A corpus
// without markers becomes one document.
func Documents(gold []conllu.Sentence) []Document {
	var docs []Document
	var b strings.Builder
	var cur *Document
	flush := func() {
		if cur != nil {
			cur.Text = b.String()
			docs = append(docs, *cur)
		}
		b.Reset()
	}
	for i := range gold {
		g := &gold[i]
		id, newDoc := g.Comment("newdoc id")
		if !newDoc {
			for _, c := range g.Comments {
				if c == "# newdoc" {
					newDoc = true
				}
			}
		}
		if newDoc || cur == nil {
			flush()
			cur = &Document{ID: id}
		} else {
			newPar := false
			for _, c := range g.Comments {
				if c == "# newpar" || strings.HasPrefix(c, "# newpar ") {
					newPar = true
				}
			}
			if newPar {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		text := g.Text()
		a := b.Len()
		b.WriteString(text)
		cur.Spans = append(cur.Spans, [2]int{a, b.Len()})
	}
	flush()
	return docs
}

// EvalSentences re-assembles raw documents from gold sentences (see
// Documents), splits them with Segment and scores the predicted sentences
// against the gold ones by exact byte span (the CoNLL 2018 shared task's
// "Sentences" measure).
func EvalSentences(gold []conllu.Sentence) Scores {
	return EvalDocuments(Documents(gold))
}

// EvalDocuments splits each document with Segment and scores the predicted
// sentences against the document's gold spans by exact byte span.
func EvalDocuments(docs []Document) Scores {
	var sc Scores
	for _, d := range docs {
		pred := Segment(d.Text)
		m, j := 0, 0
		for _, g := range d.Spans {
			for j < len(pred) && pred[j].Start < g[0] {
				j++
			}
			if j < len(pred) && pred[j].Start == g[0] && pred[j].End == g[1] {
				m++
			}
		}
		sc.Units++
		sc.Gold += len(d.Spans)
		sc.Pred += len(pred)
		sc.Match += m
		if m == len(d.Spans) && m == len(pred) {
			sc.Exact++
		}
	}
	return sc
}
