package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/event"
)

// Tokens are stored in sentences.tokens (a BLOB) in a compact binary form
// that leans on the document text and on tables of the usual tags:
//
//	0x01 (format), uvarint token count, then per token:
//	flags byte
//	  bit 0    SpaceAfter
//	  bit 1    Form written out (else Form = text[Start:End])
//	  bits 2-3 Lemma: 0 = Form, 1 = strings.ToLower(Form), 2 = written out
//	  bit 4    ID written out (else its position, 1, 2, …)
//	  bit 5    unparsed: Head 0 and Deprel "_", neither written
//	  bits 6-7 Start: 0 = the previous token's End (the sentence start for
//	           the first), 1 = that + 1, 2 = written out as a delta
//	[ID uvarint] [Start delta zigzag varint] End-Start zigzag varint
//	[Form string] [Lemma string] UPOS, XPOS, Feats as a tag
//	[Head uvarint, Deprel as a tag]
//
// A string is a uvarint length and its bytes; a tag is a uvarint k, the
// k-th entry of the field's table below for k > 0, else a string. About
// six bytes a token instead of about fifty for the tab-separated lines
// (one token a line: ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL START END
// SPACEAFTER(0|1)) that schema version 2 wrote, or the JSON list before
// it; both still read (a value starting with '[' is JSON, with a digit
// tab-separated lines).
//
// The tables are part of the format: entries may be appended, never
// removed, changed or reordered.
const tokensFormat = 0x01

var (
	uposTable = []string{"NOUN", "PUNCT", "VERB", "PROPN", "ADP", "DET", "ADJ", "PRON", "AUX", "ADV", "PART", "CCONJ",
		"SCONJ", "NUM", "SYM", "INTJ", "X"}
	xposTable = []string{"NN", "IN", "NNP", "DT", "JJ", ",", "NNS", ".", "RB", "VBD", "PRP", "VB", "CC", "VBZ", "VBN",
		"VBG", "CD", "TO", "VBP", "``", "''", "PRP$", "MD", "POS", "HYPH", "WP", "WDT", "NNPS", "WRB", "JJR", "RP",
		":", "JJS", "-LRB-", "RBR", "-RRB-", "EX", "$", "UH", "RBS", "NFP", "PDT", "WP$", "SYM", "ADD", "GW", "LS",
		"FW", "AFX", "XX", "_"}
	deprelTable = []string{"_", "case", "punct", "det", "amod", "nsubj", "nmod", "compound", "obl", "obj", "advmod",
		"mark", "conj", "root", "cc", "nmod:poss", "aux", "flat", "advcl", "ccomp", "xcomp", "cop", "acl:relcl",
		"appos", "acl", "nmod:desc", "nummod", "parataxis", "aux:pass", "obl:unmarked", "nsubj:pass", "fixed",
		"compound:prt", "obl:agent", "nmod:unmarked", "iobj", "expl", "cc:preconj", "csubj", "nsubj:outer", "list",
		"det:predet", "discourse", "vocative", "advcl:relcl", "dislocated", "reparandum", "orphan", "goeswith",
		"csubj:pass", "dep", "obl:tmod", "obl:npmod", "nmod:tmod", "nmod:npmod", "flat:foreign", "csubj:outer",
		"expl:pv", "det:poss", "compound:redup", "flat:name"}
	featsTable = []string{"_", "Number=Sing", "Degree=Pos", "Number=Plur", "Definite=Def|PronType=Art", "VerbForm=Inf",
		"Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin", "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin",
		"Definite=Ind|PronType=Art", "Tense=Pres|VerbForm=Part", "Tense=Past|VerbForm=Part|Voice=Pass", "PronType=Rel",
		"NumForm=Digit|NumType=Card", "VerbForm=Fin", "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin",
		"Tense=Past|VerbForm=Part", "Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs", "Polarity=Neg",
		"VerbForm=Ger", "Number=Sing|PronType=Dem", "NumForm=Word|NumType=Card",
		"Case=Gen|Gender=Masc|Number=Sing|Person=3|Poss=Yes|PronType=Prs",
		"Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin", "Degree=Cmp",
		"Case=Nom|Gender=Neut|Number=Sing|Person=3|PronType=Prs", "PronType=Int",
		"Case=Nom|Number=Sing|Person=1|PronType=Prs", "Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs",
		"Case=Nom|Number=Plur|Person=3|PronType=Prs", "PronType=Ind", "Mood=Ind|Number=Sing|Person=1|Tense=Pres|VerbForm=Fin",
		"Degree=Sup", "PronType=Tot", "Case=Nom|Number=Plur|Person=1|PronType=Prs", "PronType=Dem",
		"Case=Gen|Gender=Fem|Number=Sing|Person=3|Poss=Yes|PronType=Prs", "Case=Gen|Number=Plur|Person=3|Poss=Yes|PronType=Prs",
		"Mood=Imp|VerbForm=Fin", "Case=Nom|Person=2|PronType=Prs", "Mood=Ind|Number=Plur|Person=1|Tense=Pres|VerbForm=Fin",
		"PronType=Neg", "Number=Plur|PronType=Dem", "Case=Acc|Gender=Neut|Number=Sing|Person=3|PronType=Prs",
		"Case=Acc|Gender=Masc|Number=Sing|Person=3|PronType=Prs", "Degree=Pos|NumForm=Word|NumType=Ord",
		"Mood=Ind|Number=Sing|Person=2|Tense=Pres|VerbForm=Fin", "Case=Gen|Gender=Neut|Number=Sing|Person=3|Poss=Yes|PronType=Prs",
		"Mood=Ind|Number=Sing|Person=1|Tense=Past|VerbForm=Fin", "Case=Gen|Number=Plur|Person=1|Poss=Yes|PronType=Prs",
		"Case=Acc|Number=Plur|Person=3|PronType=Prs", "Number=Sing|PronType=Ind",
		"Case=Acc|Gender=Fem|Number=Sing|Person=3|PronType=Prs", "Number=Ptan", "Case=Gen|Number=Sing|Person=1|Poss=Yes|PronType=Prs",
		"ExtPos=ADP|Tense=Pres|VerbForm=Part", "Case=Acc|Number=Sing|Person=1|PronType=Prs",
		"Case=Acc|Number=Plur|Person=1|PronType=Prs", "Mood=Ind|Number=Plur|Person=1|Tense=Past|VerbForm=Fin",
		"Case=Gen|Person=2|Poss=Yes|PronType=Prs", "ExtPos=ADV", "Case=Acc|Person=2|PronType=Prs", "Number=Sing|PronType=Tot",
		"Number=Sing|PronType=Neg", "Abbr=Yes|Number=Sing", "Degree=Cmp|ExtPos=ADV", "ExtPos=ADP", "NumForm=Word|NumType=Ord",
		"NumForm=Word|NumType=Mult", "Case=Acc|Gender=Masc|Number=Sing|Person=3|PronType=Prs|Reflex=Yes",
		"Degree=Pos|ExtPos=ADP", "Poss=Yes|PronType=Rel", "NumForm=Digit|NumType=Frac", "Number=Sing|NumForm=Word|NumType=Frac",
		"ExtPos=CCONJ", "ExtPos=SCONJ"}

	uposIndex, xposIndex, deprelIndex, featsIndex = tableIndex(uposTable), tableIndex(xposTable), tableIndex(deprelTable), tableIndex(featsTable)
)

func tableIndex(t []string) map[string]uint64 {
	m := make(map[string]uint64, len(t))
	for i, s := range t {
		if _, dup := m[s]; dup {
			panic("store: token table entry twice: " + s)
		}
		m[s] = uint64(i + 1)
	}
	return m
}

const (
	tokSpaceAfter = 1 << 0
	tokForm       = 1 << 1
	tokLemmaShift = 2
	tokLemmaMask  = 3 << tokLemmaShift
	tokID         = 1 << 4
	tokUnparsed   = 1 << 5
	tokStartShift = 6
)

// Lemma and Start modes.
const (
	lemmaForm, lemmaLower, lemmaOwn = 0, 1, 2
	startPrev, startNext, startOwn  = 0, 1, 2
)

// encodeTokens returns the stored form of toks, whose offsets point into
// text; base is the sentence's start offset. Decoding needs the same text
// and base. No tokens store as nil.
func encodeTokens(toks []event.Token, text string, base int) []byte {
	if len(toks) == 0 {
		return nil
	}
	b := make([]byte, 0, 8+len(toks)*7)
	b = append(b, tokensFormat)
	b = binary.AppendUvarint(b, uint64(len(toks)))
	prev := base
	for i := range toks {
		t := &toks[i]
		var flags byte
		if t.SpaceAfter {
			flags |= tokSpaceAfter
		}
		ownForm := t.Start < 0 || t.Start > t.End || t.End > len(text) || text[t.Start:t.End] != t.Form
		if ownForm {
			flags |= tokForm
		}
		lemma := lemmaOwn
		if t.Lemma == t.Form {
			lemma = lemmaForm
		} else if lowerEqual(t.Lemma, t.Form) {
			lemma = lemmaLower
		}
		flags |= byte(lemma) << tokLemmaShift
		if t.ID != i+1 {
			flags |= tokID
		}
		unparsed := t.Head == 0 && t.Deprel == "_"
		if unparsed {
			flags |= tokUnparsed
		}
		start := startOwn
		switch t.Start - prev {
		case 0:
			start = startPrev
		case 1:
			start = startNext
		}
		flags |= byte(start) << tokStartShift
		b = append(b, flags)
		if t.ID != i+1 {
			b = binary.AppendUvarint(b, uint64(t.ID))
		}
		if start == startOwn {
			b = binary.AppendVarint(b, int64(t.Start-prev))
		}
		b = binary.AppendVarint(b, int64(t.End-t.Start))
		if ownForm {
			b = appendString(b, t.Form)
		}
		if lemma == lemmaOwn {
			b = appendString(b, t.Lemma)
		}
		b = appendTag(b, uposIndex, t.UPOS)
		b = appendTag(b, xposIndex, t.XPOS)
		b = appendTag(b, featsIndex, t.Feats)
		if !unparsed {
			b = binary.AppendUvarint(b, uint64(t.Head))
			b = appendTag(b, deprelIndex, t.Deprel)
		}
		prev = t.End
	}
	return b
}

// lowerEqual reports whether lemma == strings.ToLower(form), allocating
// only when form has upper-case letters.
func lowerEqual(lemma, form string) bool {
	if len(lemma) != len(form) {
		return lemma == strings.ToLower(form)
	}
	for i := 0; i < len(form); i++ {
		c := form[i]
		if c >= 0x80 {
			return lemma == strings.ToLower(form)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if lemma[i] != c {
			return false
		}
	}
	return true
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendTag(b []byte, index map[string]uint64, s string) []byte {
	if k, ok := index[s]; ok {
		return binary.AppendUvarint(b, k)
	}
	b = append(b, 0)
	return appendString(b, s)
}

// tokenReader reads the binary form; the first error sticks.
type tokenReader struct {
	b   []byte
	err error
}

var errTruncated = errors.New("truncated")

func (r *tokenReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errTruncated
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *tokenReader) varint() int {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 || v != int64(int(v)) {
		r.err = errTruncated
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *tokenReader) int() int {
	v := r.uvarint()
	if v > uint64(^uint(0)>>1) {
		r.err = errors.New("integer out of range")
		return 0
	}
	return int(v)
}

func (r *tokenReader) str() string {
	n := r.uvarint()
	if r.err != nil {
		return ""
	}
	if n > uint64(len(r.b)) {
		r.err = errTruncated
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *tokenReader) tag(table []string) string {
	k := r.uvarint()
	if r.err != nil {
		return ""
	}
	if k == 0 {
		return r.str()
	}
	if k > uint64(len(table)) {
		r.err = fmt.Errorf("tag %d not in the table", k)
		return ""
	}
	return table[k-1]
}

// decodeTokens reads the stored form: the binary form (whose offsets point
// into text; base is the sentence's start offset), or the tab-separated
// lines or JSON list that older versions stored.
func decodeTokens(s []byte, text string, base int) ([]event.Token, error) {
	if len(s) == 0 {
		return nil, nil
	}
	if s[0] != tokensFormat {
		return decodeTokenText(string(s))
	}
	r := tokenReader{b: s[1:]}
	n := r.uvarint()
	if r.err != nil {
		return nil, fmt.Errorf("token count: %w", r.err)
	}
	if n > uint64(len(r.b)) { // every token takes at least two bytes
		return nil, fmt.Errorf("%d tokens in %d bytes", n, len(s))
	}
	toks := make([]event.Token, n)
	prev := base
	for i := range toks {
		t := &toks[i]
		if len(r.b) == 0 {
			return nil, fmt.Errorf("token %d: %w", i+1, errTruncated)
		}
		flags := r.b[0]
		r.b = r.b[1:]
		t.SpaceAfter = flags&tokSpaceAfter != 0
		t.ID = i + 1
		if flags&tokID != 0 {
			t.ID = r.int()
		}
		switch flags >> tokStartShift {
		case startPrev:
			t.Start = prev
		case startNext:
			t.Start = prev + 1
		case startOwn:
			t.Start = prev + r.varint()
		default:
			return nil, fmt.Errorf("token %d: bad start mode", i+1)
		}
		t.End = t.Start + r.varint()
		if flags&tokForm != 0 {
			t.Form = r.str()
		} else if r.err == nil {
			if t.Start < 0 || t.Start > t.End || t.End > len(text) {
				return nil, fmt.Errorf("token %d: offsets %d-%d outside the text (%d bytes)", i+1, t.Start, t.End, len(text))
			}
			t.Form = text[t.Start:t.End]
		}
		switch (flags & tokLemmaMask) >> tokLemmaShift {
		case lemmaForm:
			t.Lemma = t.Form
		case lemmaLower:
			t.Lemma = strings.ToLower(t.Form)
		case lemmaOwn:
			t.Lemma = r.str()
		default:
			return nil, fmt.Errorf("token %d: bad lemma mode", i+1)
		}
		t.UPOS = r.tag(uposTable)
		t.XPOS = r.tag(xposTable)
		t.Feats = r.tag(featsTable)
		if flags&tokUnparsed != 0 {
			t.Deprel = "_"
		} else {
			t.Head = r.int()
			t.Deprel = r.tag(deprelTable)
		}
		if r.err != nil {
			return nil, fmt.Errorf("token %d: %w", i+1, r.err)
		}
		prev = t.End
	}
	if len(r.b) != 0 {
		return nil, fmt.Errorf("%d bytes after the last token", len(r.b))
	}
	return toks, nil
}

// decodeTokenText reads what schema versions 1 and 2 stored: the JSON
// list, or tab-separated lines.
func decodeTokenText(s string) ([]event.Token, error) {
	if s == "" || s == "null" {
		return nil, nil
	}
	if s[0] == '[' {
		var toks []event.Token
		if err := json.Unmarshal([]byte(s), &toks); err != nil {
			return nil, err
		}
		return toks, nil
	}
	toks := make([]event.Token, 0, strings.Count(s, "\n")+1)
	for n, line := range strings.Split(s, "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 11 {
			return nil, fmt.Errorf("token line %d: %d fields, want 11", n+1, len(f))
		}
		var t event.Token
		var err error
		ints := [...]*int{&t.ID, &t.Head, &t.Start, &t.End}
		for k, col := range [...]int{0, 6, 8, 9} {
			if *ints[k], err = strconv.Atoi(f[col]); err != nil {
				return nil, fmt.Errorf("token line %d: field %d: %w", n+1, col+1, err)
			}
		}
		t.Form, t.Lemma, t.UPOS, t.XPOS, t.Feats, t.Deprel = f[1], f[2], f[3], f[4], f[5], f[7]
		t.SpaceAfter = f[10] == "1"
		toks = append(toks, t)
	}
	return toks, nil
}
