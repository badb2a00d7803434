package tag

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/internal/lexicon"
)

// lemmatizer maps (form, XPOS) to a lemma, learned from a treebank:
//
//  1. an exception lexicon of (form, XPOS) → lemma, exact then lower-cased,
//     for every pair seen in training (irregular verbs, clitics, frequent
//     words: "met"/VBD → "meet", "n't"/RB → "not");
//  2. for unseen words, suffix-rewrite rules learned per XPOS: the longest
//     suffix of the lower-cased form seen in training with that tag picks the
//     most frequent rewrite "cut k bytes, append s" ("-ies" → "-y",
//     "-pping" → "-p", "-ating" → "-ate");
//  3. a casing decision per (XPOS, case pattern): proper nouns and acronyms
//     keep their case, other words are lower-cased as the treebank does.
type lemmatizer struct {
	strs   []string
	exact  *table // key(form, xpos) → strs index
	lower  *table // key(lower, xpos) → strs index
	rules  []lemmaRule
	suffix *table // key(xpos, suffix) → rules index
	keep   *table // key(xpos, case class) → 1 when the case is kept
	maxSuf int
	// lex (may be nil) checks the rules' lemmas of unseen inflected words
	// against WordNet; see wordNetLemma.
	lex *lexicon.Lexicon
}

type lemmaRule struct {
	cut int    // bytes removed from the end of the form
	add string // appended after the cut
}

const maxLemmaSuffix = 7

// minRuleSupport is the number of word types that must agree on a suffix
// rule before it is kept.
var minRuleSupport = 2

func lemKey(form, xpos string) uint64 {
	return mix(hashString(tLemma, form), hashString(tLemma+1, xpos))
}

func sufKey(xpos, suf string) uint64 {
	return mix(hashString(tLemma+2, xpos), hashString(tLemma+3, suf))
}

func caseKey(xpos string, cc int) uint64 { return mix(hashString(tLemma+4, xpos), uint64(cc)) }

// caseClass: 0 lower, 1 initial capital, 2 all capitals, 3 other (digits,
// mixed case, no letters).
func caseClass(form string) int {
	letters, upper := 0, 0
	for _, r := range form {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	switch {
	case letters == 0:
		return 3
	case upper == 0:
		return 0
	case upper == letters && letters > 1:
		return 2
	case upper == 1:
		if r, _ := utf8.DecodeRuneInString(form); unicode.IsUpper(r) {
			return 1
		}
	}
	return 3
}

// rewrite computes the rule that turns form into lemma (both lower-cased).
func rewrite(form, lemma string) lemmaRule {
	p := 0
	for p < len(form) && p < len(lemma) && form[p] == lemma[p] {
		p++
	}
	for p > 0 && p < len(form) && !utf8.RuneStart(form[p]) {
		p--
	}
	return lemmaRule{cut: len(form) - p, add: lemma[p:]}
}

type counter map[string]int

func (c counter) best() string {
	b, bn := "", -1
	for k, n := range c {
		if n > bn || (n == bn && k < b) {
			b, bn = k, n
		}
	}
	return b
}

// trainLemmatizer learns the lexicons and rules from (form, xpos, lemma)
// triples.
func trainLemmatizer(forms, xposs, lemmas []string) *lemmatizer {
	exact := map[[2]string]counter{}
	lower := map[[2]string]counter{}
	type caseCount struct{ keep, low int }
	cases := map[[2]string]*caseCount{}
	for i, f := range forms {
		x, l := xposs[i], lemmas[i]
		if l == "_" || l == "" {
			continue
		}
		k := [2]string{f, x}
		if exact[k] == nil {
			exact[k] = counter{}
		}
		exact[k][l]++
		lk := [2]string{strings.ToLower(f), x}
		if lower[lk] == nil {
			lower[lk] = counter{}
		}
		lower[lk][l]++
		ck := [2]string{x, string(rune('0' + caseClass(f)))}
		cc := cases[ck]
		if cc == nil {
			cc = &caseCount{}
			cases[ck] = cc
		}
		r := rewrite(strings.ToLower(f), strings.ToLower(l))
		if applyCase(f, r, true) == l {
			cc.keep++
		} else if applyCase(f, r, false) == l {
			cc.low++
		}
	}
	m := &lemmatizer{maxSuf: maxLemmaSuffix}
	str := interner(&m.strs)
	// deterministic order
	keysOf := func(mm map[[2]string]counter) [][2]string {
		ks := make([][2]string, 0, len(mm))
		for k := range mm {
			ks = append(ks, k)
		}
		sort.Slice(ks, func(i, j int) bool {
			if ks[i][0] != ks[j][0] {
				return ks[i][0] < ks[j][0]
			}
			return ks[i][1] < ks[j][1]
		})
		return ks
	}
	ek, lk := keysOf(exact), keysOf(lower)
	m.exact = newTable(len(ek))
	for _, k := range ek {
		m.exact.put(lemKey(k[0], k[1]), str(exact[k].best()))
	}
	m.lower = newTable(len(lk))
	// suffix rules from word types (lower-cased form, xpos) → best lemma
	ruleCounts := map[[2]string]counter{}
	for _, k := range lk {
		l := lower[k].best()
		m.lower.put(lemKey(k[0], k[1]), str(l))
		f := k[0]
		r := rewrite(f, strings.ToLower(l))
		rs := ruleString(r)
		for n := 0; n <= maxLemmaSuffix && n < len(f); n++ {
			s := len(f) - n
			if n > 0 && !utf8.RuneStart(f[s]) {
				continue
			}
			if r.cut >= len(f) {
				// a rule that rewrites the whole word (was → be) belongs
				// to that word only
				continue
			}
			sk := [2]string{k[1], f[s:]}
			if ruleCounts[sk] == nil {
				ruleCounts[sk] = counter{}
			}
			ruleCounts[sk][rs]++
		}
	}
	rk := keysOf(ruleCounts)
	m.suffix = newTable(len(rk))
	ruleIdx := map[string]uint32{}
	for _, k := range rk {
		rs := ruleCounts[k].best()
		if k[1] != "" && ruleCounts[k][rs] < minRuleSupport {
			// one word type is no evidence for a suffix rule: leave
			// the decision to a shorter, better attested suffix
			continue
		}
		i, ok := ruleIdx[rs]
		if !ok {
			i = uint32(len(m.rules))
			m.rules = append(m.rules, parseRule(rs))
			ruleIdx[rs] = i
		}
		m.suffix.put(sufKey(k[0], k[1]), i)
	}
	m.keep = newTable(len(cases))
	for k, c := range cases {
		if c.keep > c.low {
			m.keep.put(caseKey(k[0], int(k[1][0]-'0')), 1)
		}
	}
	return m
}

func ruleString(r lemmaRule) string { return string(rune('0'+r.cut)) + r.add }

func parseRule(s string) lemmaRule {
	r, size := utf8.DecodeRuneInString(s)
	return lemmaRule{cut: int(r - '0'), add: s[size:]}
}

// applyCase applies rule r to form, keeping the form's case or lower-casing.
func applyCase(form string, r lemmaRule, keep bool) string {
	base := form
	if !keep {
		base = strings.ToLower(form)
	}
	if r.cut > len(base) || r.cut > 0 && r.cut < len(base) && !utf8.RuneStart(base[len(base)-r.cut]) {
		// a rule learned on other letters would cut a character in two
		return base
	}
	return base[:len(base)-r.cut] + r.add
}

// lemma returns the lemma of form tagged xpos. A form written with a
// typographic apostrophe ("’s", "they’re", "don’t"), as news text mostly
// is, is looked up as with a straight one, which the treebank uses.
func (m *lemmatizer) lemma(form, xpos string) string {
	if strings.Contains(form, "’") {
		straight := strings.ReplaceAll(form, "’", "'")
		if i, ok := m.exact.get(lemKey(straight, xpos)); ok {
			return m.strs[i]
		}
		if i, ok := m.lower.get(lemKey(strings.ToLower(straight), xpos)); ok {
			return m.strs[i]
		}
	}
	if i, ok := m.exact.get(lemKey(form, xpos)); ok {
		return m.strs[i]
	}
	low := strings.ToLower(form)
	if i, ok := m.lower.get(lemKey(low, xpos)); ok {
		return m.strs[i]
	}
	if len(low) != len(form) { // case mapping changed byte lengths: no rules
		return form
	}
	r := lemmaRule{}
	for n := min(m.maxSuf, len(low)-1); n >= 0; n-- {
		s := len(low) - n
		if n > 0 && !utf8.RuneStart(low[s]) {
			continue
		}
		if i, ok := m.suffix.get(sufKey(xpos, low[s:])); ok {
			r = m.rules[i]
			break
		}
	}
	_, keep := m.keep.get(caseKey(xpos, caseClass(form)))
	if r.cut >= len(form) {
		r = lemmaRule{}
	}
	if m.lex != nil {
		if w, ok := m.wordNetLemma(low, xpos, r); ok {
			r = rewrite(low, w)
		}
	}
	return applyCase(form, r, keep)
}

// inflectedPOS is the WordNet part of speech of the inflected Penn tags.
var inflectedPOS = map[string]lexicon.Class{
	"NNS": lexicon.Noun, "VBD": lexicon.Verb, "VBN": lexicon.Verb, "VBG": lexicon.Verb, "VBZ": lexicon.Verb,
	"JJR": lexicon.Adj, "JJS": lexicon.Adj,
}

// wordNetLemma returns WordNet's base of an unseen inflected word when the
// suffix rule r gives no WordNet lemma of the tag's part of speech but
// morphy's rules do ("provoked": the rule's "provok" → "provoke").
func (m *lemmatizer) wordNetLemma(low, xpos string, r lemmaRule) (string, bool) {
	pos, ok := inflectedPOS[xpos]
	if !ok || r.cut > len(low) {
		return "", false
	}
	cand := low[:len(low)-r.cut] + r.add
	if m.lex.Entry([]byte(cand))&pos != 0 {
		return "", false
	}
	return m.lex.Base([]byte(low), pos)
}
