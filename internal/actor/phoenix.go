package actor

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// PhoenixEntry is one entry of a PETRARCH/TABARI-format dictionary
// (Phoenix.*.actors.txt or Phoenix.agents.txt): its phrases (the primary
// name and its "+" synonyms, normalized to match keys) and its codes.
type PhoenixEntry struct {
	Display string   // the first name as written, '_' made spaces ("GEORGE W. BUSH")
	Phrases []string // normalized phrases: lowercase words joined by one space
	// Stems holds the phrases whose last word is a stem: written without
	// the closing '_', it matches any word it begins ("FINANCE_MINIST"
	// matches "finance minister", "finance ministry").
	Stems   map[string]bool
	Codes   []DatedCode // empty when the entry carried no usable code
	Comment string      // the text after '#' on the entry's first line
	Line    int         // 1-based line of the entry's first line
}

// DatedCode is a CAMEO code valid from From to To inclusive. Dates are
// YYYYMMDD integers; 0 means open (no bound).
type DatedCode struct {
	Code     string
	From, To int
}

// ParsePhoenix reads a PETRARCH-format actors or agents dictionary.
// Lines between "<!--" and "-->" are skipped; codes are read in upper case.
//
// The grammar handled: '#' comments (whole line or trailing); an entry line
// "NAME_ [CODE] [CODE DATE-DATE]…" where '_' joins words; "+SYNONYM" lines
// that add names to the entry above; indented "[CODE …]" lines that add
// codes; "{PLURAL_FORMS}" after agent names; "!SET! = A, B" substitution
// sets used as "!SET!" inside agent names; "[~GOV]" agent codes (returned
// without the '~'). Dates are YYMMDD (years < 30 read as 20YY) or YYYYMMDD,
// with "<DATE" (until) and ">DATE" (from). Null codes ("---") and lines that
// make no sense are skipped; errors come only from the reader.
func ParsePhoenix(r io.Reader) ([]PhoenixEntry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	subst := map[string][]string{}
	var out []PhoenixEntry
	cur := -1
	lineNo := 0
	inXMLComment := false
	for sc.Scan() {
		lineNo++
		raw := sc.Text()
		// PETRARCH's validation files wrap notes in <!-- … -->
		if inXMLComment || strings.HasPrefix(strings.TrimSpace(raw), "<!--") {
			inXMLComment = !strings.Contains(raw, "-->")
			cur = -1
			continue
		}
		line := raw
		comment := ""
		if i := strings.IndexByte(line, '#'); i >= 0 {
			comment = strings.TrimSpace(line[i+1:])
			line = line[:i]
		}
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			if strings.TrimSpace(raw) == "" {
				cur = -1 // a blank line ends the entry
			}
			continue
		}
		switch {
		case trimmed[0] == '!' && strings.Contains(trimmed, "=") && !strings.Contains(trimmed, "["):
			name, list, _ := strings.Cut(trimmed, "=")
			var forms []string
			for _, f := range strings.Split(list, ",") {
				if f = strings.TrimSpace(f); f != "" {
					forms = append(forms, f)
				}
			}
			subst[strings.TrimSpace(name)] = forms
		case trimmed[0] == '+':
			if cur < 0 {
				continue
			}
			namePart, codes := splitCodes(trimmed[1:])
			out[cur].Phrases = appendPhrases(out[cur].Phrases, namePart, subst)
			markStems(&out[cur], namePart, subst)
			out[cur].Codes = append(out[cur].Codes, codes...)
		case trimmed[0] == '[' && (raw[0] == ' ' || raw[0] == '\t' || cur >= 0):
			if cur < 0 {
				continue
			}
			_, codes := splitCodes(trimmed)
			out[cur].Codes = append(out[cur].Codes, codes...)
		default:
			namePart, codes := splitCodes(trimmed)
			e := PhoenixEntry{Codes: codes, Comment: comment, Line: lineNo}
			e.Phrases = appendPhrases(nil, namePart, subst)
			markStems(&e, namePart, subst)
			if d, _, _ := strings.Cut(namePart, "|"); !strings.Contains(d, "!") {
				e.Display = strings.Join(strings.Fields(strings.ReplaceAll(d, "_", " ")), " ")
			}
			if len(e.Phrases) == 0 {
				cur = -1
				continue
			}
			out = append(out, e)
			cur = len(out) - 1
		}
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("line %d: %w", lineNo, err)
	}
	return out, nil
}

// ParsePhoenixFile is ParsePhoenix on a file.
func ParsePhoenixFile(path string) ([]PhoenixEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	es, err := ParsePhoenix(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return es, nil
}

// splitCodes splits "NAME {PLURALS} [CODE …][CODE …]" into the name part
// (with the plural forms appended after a '|') and the parsed codes.
func splitCodes(s string) (string, []DatedCode) {
	name := s
	if i := strings.IndexByte(s, '['); i >= 0 {
		name = s[:i]
	}
	plurals := ""
	if i := strings.IndexByte(name, '{'); i >= 0 {
		j := strings.IndexByte(name[i:], '}')
		if j > 0 {
			plurals = name[i+1 : i+j]
		}
		name = name[:i]
	}
	var codes []DatedCode
	rest := s[len(name):]
	for {
		i := strings.IndexByte(rest, '[')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], ']')
		if j < 0 {
			j = len(rest) - i
		}
		if c, ok := parseCode(rest[i+1 : i+j]); ok {
			codes = append(codes, c)
		}
		if i+j+1 > len(rest) {
			break
		}
		rest = rest[i+j+1:]
	}
	if strings.TrimSpace(plurals) != "" {
		name += "|" + plurals
	}
	return name, codes
}

// parseCode reads "CODE", "~CODE", "CODE DATE-DATE", "CODE >DATE" or
// "CODE <DATE".
func parseCode(s string) (DatedCode, bool) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return DatedCode{}, false
	}
	code := strings.ToUpper(strings.TrimPrefix(f[0], "~"))
	if code == "" || strings.Trim(code, "-") == "" || !isCode(code) {
		return DatedCode{}, false
	}
	c := DatedCode{Code: code}
	if len(f) > 1 {
		d := strings.Join(f[1:], "")
		switch {
		case strings.HasPrefix(d, ">"):
			c.From = parsePhoenixDate(d[1:], false)
		case strings.HasPrefix(d, "<"):
			c.To = parsePhoenixDate(d[1:], true)
		default:
			a, b, ok := strings.Cut(d, "-")
			if !ok {
				return DatedCode{}, false
			}
			c.From = parsePhoenixDate(a, false)
			c.To = parsePhoenixDate(b, true)
		}
		if c.From < 0 || c.To < 0 {
			return DatedCode{}, false
		}
	}
	return c, true
}

func isCode(s string) bool {
	for i := 0; i < len(s); i++ {
		b := s[i]
		if !(b >= 'A' && b <= 'Z') && !(b >= '0' && b <= '9') {
			return false
		}
	}
	return true
}

// parsePhoenixDate reads YYMMDD or YYYYMMDD into YYYYMMDD; -1 when malformed.
func parsePhoenixDate(s string, end bool) int {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return -1
	}
	switch len(s) {
	case 6:
		yy := n / 10000
		if yy < 30 {
			n += 20000000
		} else {
			n += 19000000
		}
	case 8:
	default:
		return -1
	}
	if m := n / 100 % 100; m < 1 || m > 12 {
		return -1
	}
	if d := n % 100; d < 1 || d > 31 {
		return -1
	}
	return n
}

// appendPhrases normalizes a dictionary name ("NORTH_ATLANTIC_TREATY_
// ORGANIZATION_", "!MINIST! OF_DEFENSE", "RIOT_POLICE|RIOT_POLICES") into
// match keys, expanding substitution sets.
func appendPhrases(dst []string, name string, subst map[string][]string) []string {
	for _, alt := range strings.Split(name, "|") {
		for _, form := range expandSubst(alt, subst, 0) {
			if p := normalizePhrase(strings.ReplaceAll(form, "_", " ")); p != "" {
				dst = append(dst, p)
			}
		}
	}
	return dst
}

// markStems records which of a name's phrases end in a stem.
func markStems(e *PhoenixEntry, name string, subst map[string][]string) {
	for _, alt := range strings.Split(name, "|") {
		for _, form := range expandSubst(alt, subst, 0) {
			form = strings.TrimSpace(form)
			if form == "" || strings.HasSuffix(form, "_") {
				continue
			}
			if p := normalizePhrase(strings.ReplaceAll(form, "_", " ")); p != "" {
				if e.Stems == nil {
					e.Stems = map[string]bool{}
				}
				e.Stems[p] = true
			}
		}
	}
}

func expandSubst(s string, subst map[string][]string, depth int) []string {
	i := strings.IndexByte(s, '!')
	if i < 0 || depth > 3 {
		return []string{s}
	}
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return []string{s}
	}
	key := s[i : i+j+2]
	forms, ok := subst[key]
	if !ok {
		return []string{s[:i] + s[i+j+2:]}
	}
	var out []string
	for _, f := range forms {
		out = append(out, expandSubst(s[:i]+f+" "+s[i+j+2:], subst, depth+1)...)
	}
	return out
}

// LoadPhoenix adds user dictionaries in Phoenix/PETRARCH format to the
// knowledge base: an actors file (names with CAMEO codes, optionally dated)
// and an agents file (role nouns with "[~GOV]"-style codes). Either path may
// be empty. User entries take precedence over the built-in ones when both
// name the same phrase. LoadPhoenix must not run while the KB is in use;
// call it on a KB from New, not the shared one from Load.
// OnlyUserRoles drops the built-in role nouns ("mayor", "villagers",
// "television"), keeping those of the user's agents file, for coding with
// a user's dictionaries alone as PETRARCH does. Countries, organizations
// and people stay.
func (kb *KB) OnlyUserRoles() {
	for n, ids := range kb.term {
		var keep []int32
		for _, id := range ids {
			if e := &kb.entries[id]; e.Kind != KindRole || e.Source == "user" {
				keep = append(keep, id)
			}
		}
		kb.term[n] = keep
	}
}

func (kb *KB) LoadPhoenix(actorsPath, agentsPath string) error {
	b := &builder{lines: map[string]bool{}, countries: map[string]bool{}, groups: map[string]string{}, orgShort: map[string]string{}, acronyms: map[string]bool{}}
	for i := range kb.entries {
		e := &kb.entries[i]
		if e.Country != "" {
			b.countries[e.Country] = true
		}
		if e.Kind == KindOrg && e.Source == "curated" && len(e.Code) > 3 {
			b.orgShort[e.Code] = e.Org
		}
	}
	if actorsPath != "" {
		es, err := ParsePhoenixFile(actorsPath)
		if err != nil {
			return err
		}
		// a user's bare three-letter codes are countries (PETRARCH's
		// convention), even when they are not ISO codes
		for _, pe := range es {
			for _, c := range pe.Codes {
				if len(c.Code) == 3 && !roleCodes[c.Code] && c.Code != "IGO" && c.Code != "NGO" {
					b.countries[c.Code] = true
				}
			}
		}
		for _, pe := range es {
			for _, e := range b.fromPhoenix(pe, "user") {
				for _, ph := range pe.Phrases {
					kb.add(ph, e)
				}
			}
		}
	}
	if agentsPath != "" {
		es, err := ParsePhoenixFile(agentsPath)
		if err != nil {
			return err
		}
		for _, pe := range es {
			for _, c := range pe.Codes {
				// a user's agent file may name sectors of its own ("[~MOP]")
				if len(c.Code) < 3 || len(c.Code)%3 != 0 || strings.ToUpper(c.Code) != c.Code {
					continue
				}
				e := Entry{Kind: KindRole, Code: c.Code, Role: c.Code[:3], Source: "user"}
				for _, ph := range pe.Phrases {
					kb.add(ph, e)
					kb.add(pluralPhrase(ph), e)
					if pe.Stems[ph] {
						for _, v := range kb.completions(ph) {
							kb.add(v, e)
						}
					}
				}
			}
		}
	}
	kb.index()
	return nil
}

// completions are the phrase with its last word (a stem) completed by up
// to four letters to words the knowledge base knows.
func (kb *KB) completions(phrase string) []string {
	i := strings.LastIndexByte(phrase, ' ')
	stem := phrase[i+1:]
	if len(stem) < 4 {
		return nil
	}
	var out []string
	for w := range kb.vocab {
		if w != stem && strings.HasPrefix(w, stem) && len(w)-len(stem) <= 4 {
			out = append(out, phrase[:i+1]+w)
		}
	}
	sort.Strings(out)
	return out
}
