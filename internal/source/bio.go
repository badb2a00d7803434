package source

import (
	"regexp"
	"strings"

	"github.com/dyad-events/dyad/event"
)

// bioName matches a person's name in a bio: two to four capitalized
// words, initials and particles, with an optional title.
const bioName = `(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+)?[A-Z][\p{L}'’\-]+(?:\s+(?:[A-Z]\.|[A-Z][\p{L}'’\-]+|de|van|von|bin|al|el|da|di)){1,3}`

// bio is a contributor note: "X is a research fellow at Y."
type bio struct {
	name, role, affiliation string
	plural                  bool // from a sentence about several people
}

var (
	reBio = regexp.MustCompile(`^(` + bioName + `|The (?:author|writer|columnist)s?)\s+(?:is|was|are|serves as|has been|works as)\s+(.+?)\.?$`)
	// reBioPlural: "A and B are research fellows at …", "A, B and C are …".
	reBioPlural  = regexp.MustCompile(`^(` + bioName + `(?:,\s+` + bioName + `)*,?\s+and\s+` + bioName + `)\s+are\s+(.+?)\.?$`)
	reBioNameSep = regexp.MustCompile(`,\s*(?:and\s+)?|\s+and\s+`)
	// reRoleWords: the predicate of a bio names a position.
	reRoleWords = regexp.MustCompile(`(?i)\b(fellow|professor|lecturer|researcher|director|director-general|scholar|analyst|editor|journalist|correspondent|writer|columnist|president|dean|chair|chairman|founder|member|ambassador|minister|author|expert|student|candidate|head|chief|secretary|officer|advis[eo]r|economist|consultant|partner|associate|scientist|reporter|commentator|historian|diplomat|researcher|specialist|manager|coordinator|principal|executive|lawyer|attorney|physician|teacher|pastor|veteran|activist|strategist|pollster|contributor)s?\b`)
	// reAffBoundary: where the position ends and the institution begins.
	reAffBoundary  = regexp.MustCompile(`\s+(?:with|at)\s+(?:the\s+)?\p{Lu}`)
	reAffBoundary2 = regexp.MustCompile(`\s+(?:of|for|in)\s+(?:the\s+)?\p{Lu}`)
	reAffSplit     = regexp.MustCompile(`\s+(?:at|with)\s+(?:the\s+)?|,\s*(?:the\s+)?|\s+and\s+(?:the\s+)`)
	reArticle      = regexp.MustCompile(`(?i)^(?:a|an|the)\s+`)
	reDanglingPrep = regexp.MustCompile(`(?i)\s+(?:of|at|with|for|in)$`)
)

// notNameStart are capitalized sentence openers that cannot begin a
// person's name.
var notNameStart = map[string]bool{
	"Although": true, "But": true, "And": true, "When": true, "If": true, "While": true, "Because": true,
	"However": true, "Then": true, "This": true, "That": true, "Now": true, "Meanwhile": true, "Still": true,
	"Yet": true, "So": true, "As": true, "Since": true, "After": true, "Before": true, "Today": true, "Here": true,
	"There": true, "What": true, "Who": true, "Which": true, "It": true, "He": true, "She": true, "They": true,
	"We": true, "Our": true, "His": true, "Her": true, "Their": true, "Its": true, "In": true, "On": true, "At": true,
}

// bioUnit reads a paragraph of contributor notes. It reports true when
// at least half of its sentences are bios.
func (x *extraction) bioUnit(t string) bool {
	if len(t) > 1200 {
		return false
	}
	sents := splitSentences(t)
	var found []bio
	for _, s := range sents {
		if bs, ok := parseBios(s); ok {
			found = append(found, bs...)
		}
	}
	if len(found) == 0 || len(found)*2 < len(sents) {
		return false
	}
	x.bios = append(x.bios, found...)
	x.opinionCue = true
	return true
}

// parseBios reads one bio sentence, which may name several people
// ("A and B are research fellows at C"): one bio each, the position in
// the singular. "The authors are …" gives one unnamed bio, plural.
func parseBios(s string) ([]bio, bool) {
	s = strings.TrimSpace(s)
	// reBioPlural needs the words "and" and "are": most sentences have
	// no "are" and skip the regular expression.
	if strings.Contains(s, "are") && strings.Contains(s, "and") {
		if m := reBioPlural.FindStringSubmatch(s); m != nil {
			b, ok := parseBio("Somebody Here is " + m[2])
			if !ok {
				return nil, false
			}
			b.role = singular(b.role)
			var out []bio
			for _, n := range reBioNameSep.Split(m[1], -1) {
				if n = strings.TrimSpace(n); n != "" {
					if notNameStart[strings.Fields(n)[0]] {
						return nil, false
					}
					out = append(out, bio{name: n, role: b.role, affiliation: b.affiliation, plural: true})
				}
			}
			return out, len(out) > 0
		}
	}
	b, ok := parseBio(s)
	if !ok {
		return nil, false
	}
	if b.name == "" && strings.Contains(strings.ToLower(s[:min(len(s), 24)]), "s are ") {
		b.role, b.plural = singular(b.role), true
	}
	return []bio{b}, true
}

// singular turns "research fellows and lecturers" into "research fellow
// and lecturer".
func singular(role string) string {
	parts := strings.Split(role, " and ")
	for i, p := range parts {
		words := strings.Fields(p)
		if len(words) == 0 {
			continue
		}
		w := words[len(words)-1]
		if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3 {
			words[len(words)-1] = strings.TrimSuffix(w, "s")
		}
		parts[i] = strings.Join(words, " ")
	}
	return strings.Join(parts, " and ")
}

func parseBio(s string) (bio, bool) {
	if !strings.Contains(s, " is ") && !strings.Contains(s, " was ") && !strings.Contains(s, " are ") &&
		!strings.Contains(s, " serves as ") && !strings.Contains(s, " has been ") && !strings.Contains(s, " works as ") {
		return bio{}, false
	}
	if !verbEarly(s) {
		return bio{}, false
	}
	m := reBio.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return bio{}, false
	}
	name, pred := m[1], m[2]
	if notNameStart[strings.Fields(name)[0]] || strings.HasPrefix(pred, "not ") || strings.HasPrefix(pred, "also ") {
		return bio{}, false
	}
	loc := reAffBoundary.FindStringIndex(pred)
	if loc == nil {
		loc = reAffBoundary2.FindStringIndex(pred)
	}
	rolePart, affPart := pred, ""
	if loc != nil {
		rolePart = pred[:loc[0]]
		affPart = strings.TrimSpace(pred[loc[0]:])
		affPart = strings.TrimSpace(affPart[strings.IndexByte(affPart, ' '):])
		affPart = reArticle.ReplaceAllString(affPart, "")
	}
	// The position is named early ("a senior fellow", "deputy director of
	// and …"), and a bio is one short sentence.
	if words := strings.Fields(rolePart); len(words) > 8 {
		rolePart0 := strings.Join(words[:8], " ")
		if !reRoleWords.MatchString(rolePart0) {
			return bio{}, false
		}
	}
	if !reRoleWords.MatchString(rolePart) || len(strings.Fields(pred)) > 40 {
		return bio{}, false
	}
	var roles []string
	for _, r := range strings.Split(rolePart, " and ") {
		r = strings.TrimSpace(reArticle.ReplaceAllString(strings.TrimSpace(r), ""))
		r = reDanglingPrep.ReplaceAllString(r, "")
		if r != "" {
			roles = append(roles, r)
		}
	}
	var affs []string
	for _, a := range reAffSplit.Split(affPart, -1) {
		a = strings.Trim(strings.TrimSpace(reArticle.ReplaceAllString(strings.TrimSpace(a), "")), ".")
		if a != "" {
			affs = append(affs, a)
		}
	}
	if strings.HasPrefix(name, "The ") {
		name = ""
	}
	return bio{name: name, role: strings.Join(roles, " and "), affiliation: strings.Join(affs, ", ")}, true
}

// verbEarly reports whether one of the first six words of s (split at
// the white space of \s) begins reBio's verb: its name is at most five
// words (a title, a first name and three more), so without such a word
// reBio cannot match and need not run.
func verbEarly(s string) bool {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }
	i := 0
	for word := 0; word < 6; word++ {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		j := i
		for j < len(s) && !isSpace(s[j]) {
			j++
		}
		switch s[i:j] {
		case "":
			return false
		case "is", "was", "are", "serves", "has", "works":
			return true
		}
		i = j
	}
	return false
}

// splitSentences splits a paragraph at ". " (or ! ?) before a capital
// letter, not after a single initial or a title abbreviation.
func splitSentences(t string) []string {
	var out []string
	start := 0
	for i := 0; i+2 < len(t); i++ {
		c := t[i]
		if (c != '.' && c != '!' && c != '?') || t[i+1] != ' ' {
			continue
		}
		j := i + 2
		for j < len(t) && t[j] == ' ' {
			j++
		}
		if j >= len(t) || !(t[j] >= 'A' && t[j] <= 'Z') {
			continue
		}
		word := t[strings.LastIndexByte(t[:i], ' ')+1 : i]
		if len(word) == 1 || word == "Dr" || word == "Mr" || word == "Ms" || word == "Mrs" || word == "Prof" || word == "St" || word == "Jr" {
			continue
		}
		out = append(out, strings.TrimSpace(t[start:i+1]))
		start = j
	}
	if rest := strings.TrimSpace(t[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// mergeAuthors combines the authors that the header (Chinese names), the
// byline and the bios name: bios pair with header authors by pinyin
// romanization, then by order; with byline authors by name.
func (x *extraction) mergeAuthors() {
	doc := x.doc
	fromZh := false
	if len(doc.Authors) == 0 {
		switch {
		case len(x.zhAuthors) > 0:
			fromZh = true
			for _, z := range x.zhAuthors {
				name, _ := Romanize(z.nameZh)
				doc.Authors = append(doc.Authors, event.Author{Name: name, NameZh: z.nameZh, Affiliation: z.affiliation, Role: z.roleEn})
			}
		case len(x.byline) > 0:
			for _, n := range x.byline {
				doc.Authors = append(doc.Authors, event.Author{Name: n})
			}
		default:
			for _, b := range x.bios {
				if b.name != "" {
					doc.Authors = append(doc.Authors, event.Author{Name: b.name, Affiliation: b.affiliation, Role: b.role})
				}
			}
			return
		}
	}
	used := make([]bool, len(x.bios))
	matched := make([]bool, len(doc.Authors))
	apply := func(i, j int) {
		a, b := &doc.Authors[i], x.bios[j]
		used[j], matched[i] = true, true
		if b.name != "" && (fromZh || a.Name == "") {
			a.Name = b.name
		}
		if b.affiliation != "" && (fromZh || a.Affiliation == "") {
			a.Affiliation = b.affiliation
		}
		if b.role != "" && (fromZh || a.Role == "") {
			a.Role = b.role
		}
	}
	for i, a := range doc.Authors {
		for j, b := range x.bios {
			if used[j] || b.name == "" {
				continue
			}
			if strings.EqualFold(a.Name, b.name) || (a.NameZh != "" && pinyinMatches(a.NameZh, b.name)) || sameSurnameGiven(a.Name, b.name) {
				apply(i, j)
				break
			}
		}
	}
	// Pair the rest by order when the counts agree, and an unnamed bio
	// ("The author is …") with a sole author.
	var freeA, freeB []int
	for i := range doc.Authors {
		if !matched[i] {
			freeA = append(freeA, i)
		}
	}
	for j := range x.bios {
		if !used[j] {
			freeB = append(freeB, j)
		}
	}
	if len(freeB) == 1 && x.bios[freeB[0]].name == "" && x.bios[freeB[0]].plural && len(freeA) > 1 {
		// "The authors are research fellows at …": all of them.
		for _, i := range freeA {
			apply(i, freeB[0])
		}
		return
	}
	if len(freeA) == len(freeB) {
		for k := range freeA {
			if x.bios[freeB[k]].name == "" || doc.Authors[freeA[k]].NameZh != "" {
				apply(freeA[k], freeB[k])
			}
		}
	}
}

// sameSurnameGiven matches "Jane Q. Doe" with "Jane Doe".
func sameSurnameGiven(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) < 2 || len(fb) < 2 {
		return false
	}
	return strings.EqualFold(fa[0], fb[0]) && strings.EqualFold(fa[len(fa)-1], fb[len(fb)-1])
}
