package coder

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// ReadPetrarch converts a PETRARCH verb dictionary (PETRARCH-1
// CAMEO.verbpatterns.*.txt, PETRARCH-2 CAMEO.2.0.txt or a validation verb
// file) into patterns added to d, all marked with origin.
//
// The format, as PETRARCH's read_verb_dictionary reads it:
//
//	&NAME            starts a synset; following "+WORD" lines are its members
//	--- NAME [CODE] ---   starts a verb block; CODE is its default ("---": none)
//	WORD {FORMS} [CODE]   a verb of the block (irregular forms in braces);
//	                      "+WORD_PART" is a multi-word verb (ask for)
//	- PRE * POST [CODE] # comment   a pattern: "*" is the verb, "$" the
//	                      source, "+" the target, "%" a compound actor,
//	                      "^" skips a word, "(PREP …)" a prepositional
//	                      phrase, "{A B}" a phrase, "&SYN" any synset member,
//	                      "_" joins words that follow each other.
//
// Patterns are attached to every verb of their block. Lines that cannot be
// read are skipped and counted in the returned error list (nil when all
// were read).
func ReadPetrarch(r io.Reader, d *Dictionary, origin string) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	var (
		curSyn    string
		blockCode string
		blockPair string
		blockHead string
		verbs     []verbEntry
		pats      []rawPattern
		bad       []string
		ln        int
	)
	flush := func() {
		// bare verbs: one pattern per (code, particle)
		type key struct {
			code, pair, prt string
			own             bool // the verbs' own code, not the block's
		}
		var keys []key
		bare := map[key][]string{}
		byPrt := map[string][]string{}
		var prts []string
		for _, v := range verbs {
			code, pair := v.code, v.pair
			if code == "" {
				code, pair = blockCode, blockPair
			}
			bk := v.lemma + "_" + v.prt
			if v.code != "" {
				d.explicitBare[bk] = true
			} else if d.explicitBare[bk] {
				// a verb given its own code elsewhere ("+ASK_FOR [020]")
				// keeps it against a block default met later
				code = ""
			}
			if code != "" && (code != "---" || v.prt != "") {
				k := key{code, pair, v.prt, v.code != ""}
				if _, ok := bare[k]; !ok {
					keys = append(keys, k)
				}
				bare[k] = appendStr(bare[k], v.lemma)
			}
			if _, ok := byPrt[v.prt]; !ok {
				prts = append(prts, v.prt)
			}
			byPrt[v.prt] = appendStr(byPrt[v.prt], v.lemma)
		}
		syn := func(lemmas []string) string {
			if len(lemmas) > 1 && blockHead != "" {
				return blockHead
			}
			return ""
		}
		for _, k := range keys {
			p := &Pattern{Lemmas: bare[k], Code: k.code, Pair: k.pair, Prt: k.prt, Origin: origin}
			if !k.own && k.prt == "" {
				p.Syn = syn(p.Lemmas)
			}
			d.Add(p)
		}
		for _, prt := range prts {
			for _, rp := range pats {
				p, ok := rp.compile(d)
				if !ok {
					continue
				}
				p.Lemmas = byPrt[prt]
				if prt != "" {
					if p.Prt != "" && p.Prt != prt {
						continue // "break off" patterns are not for "break down"
					}
					p.Prt = prt
				}
				p.Origin = origin
				if p.bare() || p.functionFrame() {
					p.Syn = syn(p.Lemmas)
				}
				d.Add(p)
			}
		}
		verbs, pats = nil, nil
	}
	for sc.Scan() {
		ln++
		raw := sc.Text()
		line := strings.TrimSpace(raw)
		if strings.HasPrefix(line, "<!--") || strings.HasPrefix(line, "#") || line == "" {
			if line == "" {
				curSyn = ""
			}
			continue
		}
		if i := strings.Index(line, "#"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" {
			continue
		}
		switch {
		case strings.HasPrefix(line, "&"):
			flush()
			curSyn = synName(strings.Fields(line)[0])
			blockCode = ""
		case curSyn != "" && strings.HasPrefix(line, "+"):
			m := strings.TrimSpace(line[1:])
			if strings.HasPrefix(m, "&") {
				m = synName(strings.Fields(m)[0])
			} else {
				m = strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(m, "_", " ")), "_"))
			}
			if m != "" {
				d.AddSynset(curSyn, []string{m})
			}
		case strings.HasPrefix(line, "---"):
			flush()
			curSyn = ""
			blockCode, blockPair = "---", ""
			blockHead = ""
			if f := strings.Fields(strings.Trim(line, "- ")); len(f) > 0 && !strings.ContainsAny(f[0], "+[&") {
				blockHead = strings.Trim(strings.ToLower(f[0]), "_")
			}
			if m := codeRE.FindStringSubmatch(line); m != nil {
				blockCode, blockPair = pickCode(m[1]), pairCode(m[1])
			}
		case strings.HasPrefix(line, "-"):
			curSyn = ""
			m := codeRE.FindStringSubmatch(line)
			if m == nil {
				bad = append(bad, fmt.Sprintf("line %d: pattern without [code]", ln))
				continue
			}
			body := strings.TrimSpace(line[1:strings.Index(line, "[")])
			if !strings.Contains(body, "*") {
				bad = append(bad, fmt.Sprintf("line %d: pattern without *", ln))
				continue
			}
			pats = append(pats, rawPattern{body: body, code: pickCode(m[1]), pair: pairCode(m[1])})
		default:
			curSyn = ""
			if blockCode == "" {
				continue // text outside any block
			}
			v, ok := parseVerbLine(line)
			if !ok {
				bad = append(bad, fmt.Sprintf("line %d: unreadable verb %q", ln, line))
				continue
			}
			verbs = append(verbs, v)
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return err
	}
	if len(bad) > 0 {
		return &SkippedError{Lines: bad}
	}
	return nil
}

// SkippedError lists dictionary lines that could not be read.
type SkippedError struct{ Lines []string }

func (e *SkippedError) Error() string {
	s := e.Lines
	more := ""
	if len(s) > 3 {
		more = fmt.Sprintf(" (and %d more)", len(s)-3)
		s = s[:3]
	}
	return fmt.Sprintf("%d dictionary lines skipped: %s%s", len(e.Lines), strings.Join(s, "; "), more)
}

var codeRE = regexp.MustCompile(`\[([^\]]*)\]`)

// functionWords are the words of a frame that say nothing of a verb's
// sense: the prepositions of PETRARCH's &PREPOSIT1 and auxiliaries
// (&AUXVERB…, &TOBEVERB).
var functionWords = map[string]bool{
	"against": true, "in": true, "on": true, "by": true, "near": true, "at": true,
	"was": true, "were": true, "been": true, "will": true, "would": true, "is_to": true,
	"is": true, "are": true, "am": true, "be": true, "have": true, "has": true, "had": true,
}

// functionFrame reports whether the pattern is a verb whose frame words
// are all function words ("* &PREPOSIT1 $": take on X, held on): like a
// frameless verb, it says nothing of the verb's sense. Prepositions that
// name a partner or recipient ("contribute troops to Y") are no such
// words.
func (p *Pattern) functionFrame() bool {
	if p.Noun || p.Prt != "" || len(p.PP) > 0 || len(p.Obj)+len(p.Pre) == 0 {
		return false
	}
	for _, alts := range append(append([][]string(nil), p.Obj...), p.Pre...) {
		for _, a := range alts {
			if strings.HasPrefix(a, "&") {
				switch a {
				case "&PREPOSIT1", "&AUXVERB1", "&AUXVERB2", "&AUXVERB3", "&TOBEVERB":
					continue
				}
				return false
			}
			if !functionWords[a] {
				return false
			}
		}
	}
	return true
}

// pickCode turns "042:043" into "042", ":173" into "173", "023?" (a code
// marked as doubtful) into "023".
func pickCode(s string) string {
	s = strings.TrimSpace(s)
	a, b, _ := strings.Cut(s, ":")
	a, b = cleanCode(a), cleanCode(b)
	if a != "" {
		return a
	}
	if b != "" {
		return b
	}
	return "---"
}

// pairCode is the second code of a paired code "032:033" (TABARI's
// convention: the first codes the source's act on the target, the second
// the target's act on the source: a visit and its hosting), "" when the
// code is not paired.
func pairCode(s string) string {
	a, b, ok := strings.Cut(strings.TrimSpace(s), ":")
	a, b = cleanCode(a), cleanCode(b)
	if !ok || a == "" || b == "" || a == "---" || b == "---" {
		return ""
	}
	return b
}

func cleanCode(s string) string { return strings.TrimRight(strings.TrimSpace(s), "?") }

type verbEntry struct{ lemma, prt, code, pair string }

func parseVerbLine(line string) (verbEntry, bool) {
	var v verbEntry
	if m := codeRE.FindStringSubmatch(line); m != nil {
		v.code, v.pair = pickCode(m[1]), pairCode(m[1])
		line = line[:strings.Index(line, "[")]
	}
	if i := strings.Index(line, "{"); i >= 0 {
		line = line[:i]
	}
	f := strings.Fields(line)
	if len(f) == 0 {
		return v, false
	}
	w := strings.ToLower(f[0])
	if strings.HasPrefix(w, "+") {
		parts := strings.Split(strings.Trim(w[1:], "_"), "_")
		if len(parts) < 1 || parts[0] == "" || strings.ContainsAny(parts[0], "+&") {
			return v, false
		}
		v.lemma = parts[0]
		if len(parts) > 1 {
			v.prt = parts[1]
		}
		return v, true
	}
	if strings.ContainsAny(w, "+&_") {
		return v, false
	}
	v.lemma = w
	return v, true
}

type rawPattern struct{ body, code, pair string }

var particles = map[string]bool{"up": true, "out": true, "off": true, "down": true, "back": true, "away": true, "forward": true, "over": true, "aside": true}

var preps = map[string]bool{"to": true, "with": true, "against": true, "on": true, "in": true, "at": true, "for": true, "from": true, "by": true, "into": true, "about": true, "over": true, "of": true, "between": true, "toward": true, "towards": true, "under": true, "through": true, "across": true, "among": true, "upon": true, "before": true, "after": true, "near": true, "along": true, "behind": true}

var dropWords = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true, "and": true}

// compile turns a raw pattern into a Pattern for the verb lemma.
func (rp rawPattern) compile(d *Dictionary) (*Pattern, bool) {
	p := &Pattern{Code: rp.code, Pair: rp.pair}
	// Words joined by "_" must follow each other. A joined phrase naming
	// a synset ("NEW_&TIETYPES_RELATIONS") is kept as one phrase, its
	// synsets expanded when the dictionary compiles it; other joined
	// words are read one by one, as before.
	var fields []string
	for _, f := range strings.Fields(rp.body) {
		// "*_ON": a preposition or particle joined to the verb follows
		// it directly: a phrasal verb ("called on Y"), not a place phrase
		if w, ok := strings.CutPrefix(f, "*_"); ok && p.Prt == "" {
			if lw := strings.ToLower(w); preps[lw] || particles[lw] {
				p.Prt = lw
				fields = append(fields, "*")
				continue
			}
		}
		if ph, ok := synPhrase(f, d); ok {
			f = ph
		} else if ph, ok := wordPhrase(f); ok {
			f = ph
		} else {
			f = strings.ReplaceAll(f, "_", " ")
		}
		fields = append(fields, f)
	}
	body := strings.NewReplacer("(", " ( ", ")", " ) ", "{", " { ", "}", " } ").Replace(strings.Join(fields, " "))
	toks := strings.Fields(body)
	star := -1
	for i, t := range toks {
		if t == "*" || strings.HasSuffix(t, "*") || strings.HasPrefix(t, "*") {
			star = i
			break
		}
	}
	if star < 0 {
		return nil, false
	}
	// Before the verb.
	for _, t := range toks[:star] {
		if alt := expand(t); alt != nil {
			p.Pre = append(p.Pre, alt)
		}
	}
	// After the verb.
	rest := toks[star+1:]
	first := true
	skipped := false // a "^" was met: a following "+" is not a slot of its own
	for i := 0; i < len(rest); i++ {
		t := rest[i]
		switch t {
		case "^":
			skipped = true
			continue
		case "(":
			j := i + 1
			var inner []string
			for ; j < len(rest) && rest[j] != ")"; j++ {
				inner = append(inner, rest[j])
			}
			i = j
			if len(inner) == 0 {
				continue
			}
			prep := strings.ToLower(inner[0])
			if strings.HasPrefix(prep, "&") || prep == "+" || prep == "$" {
				continue
			}
			req := PPReq{Prep: prep}
			for _, w := range inner[1:] {
				if w == "+" {
					p.Target = "pp:" + prep
					continue
				}
				if w == "$" {
					p.Source = "pp:" + prep
					continue
				}
				if alt := expand(w); alt != nil && len(req.Words) == 0 {
					req.Words = alt
				}
			}
			p.PP = append(p.PP, req)
			first = false
			continue
		case "{", "}", ")":
			continue
		case "+":
			if p.Target == "" && !skipped {
				p.Target = "obj"
			}
			continue
		case "$":
			if p.Source == "" {
				p.Source = "obj" // "X received money from Y": Y is the source
			}
			continue
		}
		lw := strings.ToLower(t)
		if first && particles[lw] && p.Prt == "" {
			p.Prt = lw
			first = false
			continue
		}
		first = false
		if preps[lw] {
			// PETRARCH-1 linear form: PREP followed by + or a word.
			req := PPReq{Prep: lw}
			if i+1 < len(rest) {
				nx := rest[i+1]
				if nx == "+" {
					p.Target = "pp:" + lw
					i++
				} else if nx == "$" {
					p.Source = "pp:" + lw
					i++
				} else if nx == "^" {
					// "IN ^ +": the actor of the IN phrase is skipped
					p.Skip = appendStr(p.Skip, lw)
				} else if alt := expand(nx); alt != nil && nx != "(" && nx != "{" {
					req.Words = alt
					i++
				}
			}
			p.PP = append(p.PP, req)
			continue
		}
		if alt := expand(t); alt != nil {
			p.Obj = append(p.Obj, alt)
		}
	}
	return p, true
}

// expand turns a pattern word into its alternatives: a synset reference
// or the word; nil for markers and words that carry no meaning.
func expand(t string) []string {
	t = strings.Trim(t, "(){}")
	switch t {
	case "", "$", "+", "%", "^", "*":
		return nil
	}
	if isPhraseAlt(t) {
		return []string{t} // made by synPhrase
	}
	if strings.HasPrefix(t, "&") {
		return []string{synName(t)}
	}
	w := strings.ToLower(strings.Trim(t, "$+%^"))
	if w == "" || dropWords[w] || strings.ContainsAny(w, "&*") {
		return nil
	}
	return []string{w}
}

// synPhrase reads a pattern token of words joined by "_" with a synset
// among them ("NEW_&TIETYPES_RELATIONS": a synset, not a synset named
// TIETYPES_RELATIONS, when d knows no such synset) as one phrase of
// adjacent words, lower case with the synset names upper case.
func synPhrase(t string, d *Dictionary) (string, bool) {
	if !strings.Contains(t, "_") || !strings.Contains(t, "&") || strings.ContainsAny(t, "*(){}+$%^") {
		return "", false
	}
	parts := strings.Split(t, "_")
	var ws []string
	for i := 0; i < len(parts); i++ {
		w := parts[i]
		if w == "" || w == "&" {
			return "", false
		}
		if !strings.HasPrefix(w, "&") {
			ws = append(ws, strings.ToLower(w))
			continue
		}
		// the longest known synset name starting here
		name, end := synName(w), i
		for j := i + 1; j < len(parts); j++ {
			if n := synName(strings.Join(parts[i:j+1], "_")); d != nil && len(d.synsets[n]) > 0 {
				name, end = n, j
			}
		}
		ws = append(ws, name)
		i = end
	}
	if len(ws) < 2 {
		return "", false
	}
	ph := strings.Join(ws, "_")
	return ph, isPhraseAlt(ph)
}

// wordPhrase reads a pattern token of plain words joined by "_"
// ("DEATH_TOTAL", a closed phrase: the words follow each other) as one
// lower-case phrase; tokens with markers or brackets are no such phrase.
func wordPhrase(t string) (string, bool) {
	if !strings.Contains(t, "_") || strings.ContainsAny(t, "*(){}+$%^&~") {
		return "", false
	}
	parts := strings.Split(strings.ToLower(t), "_")
	if len(parts) < 2 {
		return "", false
	}
	for _, w := range parts {
		if w == "" {
			return "", false
		}
	}
	return strings.Join(parts, "_"), true
}

func synName(s string) string { return "&" + strings.ToUpper(strings.Trim(s, "&_")) }

func appendStr(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}
