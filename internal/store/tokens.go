package store

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/event"
)

// Tokens are stored in sentences.tokens as CoNLL-U-like text, one token a
// line, eleven tab-separated fields:
//
//	ID  FORM  LEMMA  UPOS  XPOS  FEATS  HEAD  DEPREL  START  END  SPACEAFTER(0|1)
//
// About a third of the size of the JSON list it replaces (which the store
// still reads: a value starting with '[' is JSON), and readable by any
// engine that splits strings. A sentence whose fields hold a tab or a line
// break (the tokenizer never makes one) is stored as JSON instead.

// encodeTokens returns the stored form of toks.
func encodeTokens(toks []event.Token) (string, error) {
	var b strings.Builder
	b.Grow(len(toks) * 48)
	for i := range toks {
		t := &toks[i]
		for _, f := range [...]string{t.Form, t.Lemma, t.UPOS, t.XPOS, t.Feats, t.Deprel} {
			if strings.ContainsAny(f, "\t\n\r") {
				j, err := json.Marshal(toks)
				return string(j), err
			}
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strconv.Itoa(t.ID))
		for _, f := range [...]string{t.Form, t.Lemma, t.UPOS, t.XPOS, t.Feats} {
			b.WriteByte('\t')
			b.WriteString(f)
		}
		b.WriteByte('\t')
		b.WriteString(strconv.Itoa(t.Head))
		b.WriteByte('\t')
		b.WriteString(t.Deprel)
		b.WriteByte('\t')
		b.WriteString(strconv.Itoa(t.Start))
		b.WriteByte('\t')
		b.WriteString(strconv.Itoa(t.End))
		if t.SpaceAfter {
			b.WriteString("\t1")
		} else {
			b.WriteString("\t0")
		}
	}
	return b.String(), nil
}

// decodeTokens reads the stored form (tab-separated lines, or the JSON list
// older stores hold).
func decodeTokens(s string) ([]event.Token, error) {
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
