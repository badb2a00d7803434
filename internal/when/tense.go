package when

import (
	"strings"

	"github.com/dyad-events/dyad/event"
)

// tense returns the tense of the clause that governs internal tokens
// [i, j): from the dependency tree when there is one, else from the
// nearest verb or cue word.
//
// The phrase itself can overrule the clause: "since" puts the date in the
// past; "upcoming" or "forthcoming" just before it in the future; after
// "before", "until", "by" or "ahead of" a past clause says nothing about
// the date ("days before Nov. 8, the letter set off …").
func (sc *scanner) tense(i, j int) tense {
	p1, p2 := sc.low(i-1), sc.low(i-2)
	if p1 == "since" {
		return tPast
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if sc.toks[k].brk {
			break
		}
		if w := sc.low(k); w == "upcoming" || w == "forthcoming" {
			return tFuture
		}
	}
	tn := tUnknown
	if sc.tree {
		if first, last := sc.tokenRange(i, j); first >= 0 {
			tn = treeTense(sc.s, first, last)
		}
	}
	if tn == tUnknown {
		tn = sc.cueTense(i, j)
	}
	if tn == tPast {
		if p1 == "the" {
			p1, p2 = p2, sc.low(i-3)
		}
		if p1 == "before" || p1 == "until" || p1 == "till" || p1 == "by" || p1 == "of" && p2 == "ahead" {
			return tUnknown
		}
	}
	return tn
}

// headIndex returns the index of token k's head in s, -1 for the root or
// a head out of range. Token IDs are assumed to be index+1 (CoNLL-U).
func headIndex(s *event.Sentence, k int) int {
	h := s.Tokens[k].Head - 1
	if h < 0 || h >= len(s.Tokens) || h == k {
		return -1
	}
	return h
}

// phraseHead returns the token of [first, last] whose head lies outside
// the range (the head of the phrase).
func phraseHead(s *event.Sentence, first, last int) int {
	for k := first; k <= last && k < len(s.Tokens); k++ {
		h := headIndex(s, k)
		if h < first || h > last {
			return k
		}
	}
	return first
}

func isVerbal(t *event.Token) bool {
	return t.UPOS == "VERB" || t.UPOS == "AUX" || strings.HasPrefix(t.XPOS, "VB") || t.XPOS == "MD"
}

// verbForm returns the Penn tag of a verb, from XPOS or else from Feats.
func verbForm(t *event.Token) string {
	if strings.HasPrefix(t.XPOS, "VB") || t.XPOS == "MD" {
		return t.XPOS
	}
	f := t.Feats
	switch {
	case f == "" || f == "_":
		return ""
	case strings.Contains(f, "VerbForm=Fin") && strings.Contains(f, "Tense=Past"):
		return "VBD"
	case strings.Contains(f, "VerbForm=Part") && strings.Contains(f, "Tense=Past"):
		return "VBN"
	case strings.Contains(f, "VerbForm=Ger"), strings.Contains(f, "VerbForm=Part"):
		return "VBG"
	case strings.Contains(f, "VerbForm=Inf"):
		return "VB"
	case strings.Contains(f, "Tense=Pres"):
		return "VBP"
	}
	return ""
}

func lemmaOf(t *event.Token) string {
	if t.Lemma != "" && t.Lemma != "_" {
		return strings.ToLower(t.Lemma)
	}
	return strings.ToLower(t.Form)
}

// intentLemmas head an xcomp whose event lies ahead of the intent: "plans
// to attend", "is expected to visit", "agreed to hold", "is to meet".
var intentLemmas = map[string]bool{
	"plan": true, "intend": true, "expect": true, "aim": true, "hope": true, "seek": true,
	"want": true, "schedule": true, "prepare": true, "set": true, "slate": true, "poise": true,
	"propose": true, "pledge": true, "promise": true, "vow": true, "agree": true, "decide": true,
	"due": true, "likely": true, "go": true, "plot": true, "threaten": true, "offer": true,
	"wish": true, "vote": true, "resolve": true, "arrange": true, "invite": true,
}

// treeTense walks up from the phrase [first, last] to the clause that
// governs it and reads its tense.
func treeTense(s *event.Sentence, first, last int) tense {
	h := phraseHead(s, first, last)
	prev := h
	cur := headIndex(s, h)
	for steps := 0; cur >= 0 && steps < 16; steps++ {
		t := &s.Tokens[cur]
		link := s.Tokens[prev].Deprel
		if isVerbal(t) || hasAux(s, cur) {
			if prev != h || isVerbal(&s.Tokens[prev]) {
				if link == "xcomp" && (intentLemmas[lemmaOf(t)] || intentForms[strings.ToLower(t.Form)]) {
					return tFuture
				}
				if link == "xcomp" && lemmaOf(t) == "be" {
					return tFuture // "is to attend"
				}
			}
			if tn, ok := clauseTense(s, cur); ok {
				return tn
			}
		}
		switch link := s.Tokens[cur].Deprel; {
		case strings.HasPrefix(link, "acl:relcl"), link == "parataxis":
			// a relative or parallel clause does not share the tense of
			// the clause it hangs on
			if isVerbal(t) {
				return tUnknown
			}
		}
		prev = cur
		cur = headIndex(s, cur)
	}
	return tUnknown
}

// hasAux reports whether token v has aux or cop children.
func hasAux(s *event.Sentence, v int) bool {
	for k := range s.Tokens {
		if headIndex(s, k) == v {
			if r := s.Tokens[k].Deprel; strings.HasPrefix(r, "aux") || r == "cop" {
				return true
			}
		}
	}
	return false
}

// clauseTense reads the tense of clause head v from its auxiliaries and
// verb form; ok is false for non-finite clauses (their tense comes from
// above).
func clauseTense(s *event.Sentence, v int) (tense, bool) {
	var future, modal, perfect, past, present, nonfinite bool
	for k := range s.Tokens {
		if headIndex(s, k) != v {
			continue
		}
		a := &s.Tokens[k]
		if r := a.Deprel; !strings.HasPrefix(r, "aux") && r != "cop" {
			continue
		}
		switch f := strings.ToLower(a.Form); f {
		case "will", "shall", "'ll", "ll", "wo", "’ll":
			future = true
		case "would", "could", "might", "may", "should", "must", "'d":
			modal = true
		case "can", "ca":
			present = true
		case "have", "has", "'ve", "’ve", "having":
			perfect = true
		case "had":
			past = true
		case "was", "were", "did":
			past = true
		case "is", "are", "am", "'s", "'re", "’s", "’re", "do", "does":
			present = true
		case "be", "been", "being", "to":
			// "to be published", "to have signed": non-finite unless a
			// modal or "will" stands with it
			nonfinite = true
		default:
			switch verbForm(a) {
			case "VBD":
				past = true
			case "VBZ", "VBP":
				present = true
			case "MD":
				if f != "can" && f != "cannot" {
					modal = true
				}
			}
		}
	}
	vf := verbForm(&s.Tokens[v])
	if nonfinite && !future && !modal && !past && !present && !perfect {
		return tUnknown, false
	}
	switch {
	case future && !perfect:
		return tFuture, true
	case (modal || future) && perfect:
		return tPast, true // "should have been", "will have" read as past
	case modal:
		return tFuture, true
	case perfect, past:
		return tPast, true
	case vf == "VBD":
		return tPast, true
	case vf == "MD":
		switch strings.ToLower(s.Tokens[v].Form) {
		case "will", "shall", "'ll", "would", "could", "may", "might", "wo":
			return tFuture, true
		}
	case present, vf == "VBZ" || vf == "VBP":
		if scheduleLemmas[lemmaOf(&s.Tokens[v])] {
			return tFuture, true // "the talks are scheduled for Wednesday"
		}
		return tPresent, true
	case vf == "VBN":
		return tPast, true // a reduced passive: "the treaty signed in 1987"
	}
	return tUnknown, false
}

// cueTense finds the nearest tense cue around internal tokens [i, j)
// within the sentence. Present-tense cues count as farther away: a past or
// future verb a little farther off decides more often than an "is".
func (sc *scanner) cueTense(i, j int) tense {
	best, bestScore := tUnknown, 1<<30
	// left
	for k, dist := i-1, 1; k >= 0 && dist <= 20; k, dist = k-1, dist+1 {
		if sc.toks[k].brk {
			break
		}
		if tn, ok := sc.cueAt(k); ok {
			score := dist
			if tn == tPresent {
				score += 4
			}
			if score < bestScore {
				best, bestScore = tn, score
			}
			break
		}
	}
	// right
	for k, dist := j, 1; k < len(sc.toks) && dist <= 20; k, dist = k+1, dist+1 {
		if tn, ok := sc.cueAt(k); ok {
			score := dist + 1
			if tn == tPresent {
				score += 4
			}
			if score < bestScore {
				best, bestScore = tn, score
			}
			break
		}
		if sc.toks[k].brk {
			break
		}
	}
	return best
}

// cueAt returns the tense signalled by token k, if any: from its Penn tag
// when the sentence is tagged, else from word lists.
func (sc *scanner) cueAt(k int) (tense, bool) {
	t := &sc.toks[k]
	if t.kind == kHan {
		switch t.r {
		case '了', '曾', '已', '过':
			return tPast, true
		case '将', '拟':
			return tFuture, true
		case '计', '预':
			if n := k + 1; n < len(sc.toks) && (sc.toks[n].r == '划' || sc.toks[n].r == '计' || sc.toks[n].r == '定') {
				return tFuture, true
			}
		}
		return tUnknown, false
	}
	if t.kind != kWord {
		return tUnknown, false
	}
	w := t.low
	next := ""
	if k+1 < len(sc.toks) && sc.toks[k+1].kind == kWord {
		next = sc.toks[k+1].low
	}
	// future markers and intent verbs hold with or without tags
	switch {
	case w == "will" || w == "shall" || w == "would" || w == "upcoming" || w == "forthcoming":
		if w == "would" && sc.perfectAhead(k) {
			return tPast, true
		}
		return tFuture, true
	case w == "ll" && k > 0 && sc.toks[k-1].kind == kPunct && adjacent(&sc.toks[k-1], t):
		return tFuture, true
	case w == "wo" && k+1 < len(sc.toks) && adjacent(t, &sc.toks[k+1]):
		return tFuture, true
	case next == "to" && intentForms[w]:
		return tFuture, true
	case (w == "is" || w == "are" || w == "am") && next == "to":
		return tFuture, true
	case scheduleForms[w] && (next == "for" || w == "due" && (next == "on" || next == "in")):
		return tFuture, true
	}
	if sc.tagged && t.st >= 0 {
		st := &sc.s.Tokens[t.st]
		switch verbForm(st) {
		case "VBD":
			return tPast, true
		case "MD":
			return tFuture, true
		case "VBZ", "VBP":
			if w == "has" || w == "have" || w == "'ve" {
				if sc.perfectAhead(k) {
					return tPast, true
				}
			}
			if beForms[w] && nextIntent(sc, k) {
				return tUnknown, false // "is expected to": the next word decides
			}
			return tPresent, true
		case "VBN":
			if beForms[sc.low(k-1)] {
				return tUnknown, false
			}
			return tPast, true
		}
		if isVerbal(st) || st.XPOS != "" {
			return tUnknown, false
		}
	}
	switch {
	case w == "has" || w == "have" || w == "'ve":
		if sc.perfectAhead(k) {
			return tPast, true
		}
		return tPresent, true
	case beForms[w]:
		if nextIntent(sc, k) {
			return tUnknown, false
		}
		return tPresent, true
	}
	if tn, ok := cueWords[w]; ok && tn != tUnknown {
		return tn, true
	}
	if irregularPast[w] {
		return tPast, true
	}
	if isRegularPast(w) {
		switch sc.low(k - 1) {
		case "the", "a", "an", "is", "are", "am", "be", "been", "being", "this", "that", "its", "their", "his", "her":
			return tUnknown, false // an adjective or a present passive
		}
		return tPast, true
	}
	return tUnknown, false
}

var beForms = map[string]bool{"is": true, "are": true, "am": true, "says": true, "say": true}

// nextIntent reports whether "expected to", "set to", "due to", "going
// to" … follows the be-form at k.
func nextIntent(sc *scanner, k int) bool {
	w := sc.low(k + 1)
	if w == "not" || w == "also" || w == "now" || w == "still" {
		k++
		w = sc.low(k + 1)
	}
	return intentForms[w] && sc.low(k+2) == "to"
}

// perfectAhead reports whether a past participle follows within three
// words ("has long been", "have recently signed").
func (sc *scanner) perfectAhead(k int) bool {
	for n := 1; n <= 3 && k+n < len(sc.toks); n++ {
		t := &sc.toks[k+n]
		if t.kind != kWord {
			return false
		}
		if sc.tagged && t.st >= 0 {
			if verbForm(&sc.s.Tokens[t.st]) == "VBN" {
				return true
			}
		}
		if participles[t.low] || isRegularPast(t.low) || irregularPast[t.low] {
			return true
		}
		if !perfectSkip[t.low] {
			return false
		}
	}
	return false
}

// isRegularPast is a cheap guess at a regular past form: "-ed" words of
// five letters or more that are not common non-verbs.
func isRegularPast(w string) bool {
	return len(w) >= 5 && strings.HasSuffix(w, "ed") && !notPast[w]
}

func isVerbForm(w string) bool {
	return irregularPast[w] || isRegularPast(w) || cueWords[w] != tUnknown
}

var notPast = map[string]bool{
	"indeed": true, "united": true, "speed": true, "breed": true, "greed": true, "creed": true,
	"succeed": true, "proceed": true, "exceed": true, "embed": true, "hundred": true, "kindred": true,
	"sacred": true, "naked": true, "wicked": true, "rugged": true, "beloved": true, "aged": true,
	"advanced": true, "limited": true, "armed": true, "so-called": true, "concerned": true,
	"related": true, "based": true, "detailed": true, "interested": true, "experienced": true,
	"sophisticated": true, "dedicated": true, "unprecedented": true, "unified": true, "varied": true,
	"alleged": true, "supposed": true, "unexpected": true, "unlimited": true, "coordinated": true,
	"institutionalized": true, "need": true, "seed": true, "weed": true, "feed": true, "heed": true,
	"bleed": true, "shed": true, "bed": true, "red": true,
}

// scheduleLemmas put a present-tense clause's date ahead: "the vote is
// set for Monday", "the talks are scheduled for Wednesday".
var scheduleLemmas = map[string]bool{
	"schedule": true, "set": true, "slate": true, "due": true, "plan": true, "book": true,
	"reschedule": true, "postpone": true, "delay": true,
}

// scheduleForms are their participles, read without tags before "for".
var scheduleForms = map[string]bool{
	"scheduled": true, "slated": true, "set": true, "planned": true, "due": true, "booked": true,
	"rescheduled": true, "postponed": true, "delayed": true,
}

// intentForms are the words before "to" that put what follows ahead.
var intentForms = map[string]bool{
	"plan": true, "plans": true, "planning": true, "planned": true, "intend": true, "intends": true,
	"intended": true, "intending": true, "aim": true, "aims": true, "aiming": true, "expected": true,
	"expects": true, "expect": true, "hopes": true, "hope": true, "hoping": true, "seeks": true,
	"seeking": true, "set": true, "due": true, "likely": true, "going": true, "scheduled": true,
	"slated": true, "poised": true, "prepares": true, "preparing": true, "pledged": true,
	"pledges": true, "promised": true, "promises": true, "vowed": true, "vows": true, "agreed": true,
	"agrees": true, "decided": true, "decides": true, "wants": true, "want": true, "wanted": true,
	"proposed": true, "proposes": true, "threatened": true, "threatens": true, "invited": true,
}

// cueWords are tense cues that need no tag.
var cueWords = map[string]tense{
	"was": tPast, "were": tPast, "had": tPast, "did": tPast, "ago": tPast, "yesterday": tPast,
	"tomorrow": tFuture, "next": tFuture, "does": tPresent, "do": tPresent,
}

// irregularPast are unambiguous irregular past forms.
var irregularPast = map[string]bool{
	"said": true, "met": true, "held": true, "took": true, "made": true, "went": true, "came": true,
	"became": true, "began": true, "gave": true, "saw": true, "told": true, "left": true, "won": true,
	"lost": true, "led": true, "sent": true, "spoke": true, "brought": true, "fought": true,
	"built": true, "bought": true, "paid": true, "kept": true, "found": true, "thought": true,
	"felt": true, "stood": true, "sat": true, "ran": true, "fell": true, "rose": true, "grew": true,
	"drew": true, "wrote": true, "broke": true, "chose": true, "drove": true, "flew": true,
	"knew": true, "threw": true, "struck": true, "sought": true, "taught": true, "caught": true,
	"meant": true, "heard": true, "understood": true, "withdrew": true, "undertook": true,
	"overtook": true, "forgot": true, "froze": true, "hid": true, "shook": true, "swore": true,
	"tore": true, "wore": true, "woke": true, "arose": true, "bore": true, "forbade": true,
	"forgave": true, "laid": true, "slid": true, "spent": true, "fled": true, "stole": true,
	"sold": true, "dealt": true, "oversaw": true,
	"overthrew": true, "rode": true, "sang": true, "sank": true, "sprang": true, "swam": true,
	"shot": true, "lent": true, "bent": true, "bled": true, "bred": true, "fed": true, "got": true,
	"ate": true, "drank": true, "shrank": true, "stuck": true, "underwent": true, "overcame": true,
	"withheld": true, "upheld": true, "foresaw": true, "mistook": true, "misled": true, "rebuilt": true,
	"retook": true, "outlined": true, "swept": true, "slept": true, "wept": true, "crept": true,
	"leapt": true, "dug": true, "clung": true, "flung": true, "hung": true, "stung": true, "swung": true,
	"spun": true, "strove": true, "strode": true, "befell": true,
}

// participles are irregular past participles (after have/has).
var participles = map[string]bool{
	"been": true, "done": true, "gone": true, "taken": true, "given": true, "seen": true,
	"become": true, "begun": true, "written": true, "spoken": true, "chosen": true, "broken": true,
	"driven": true, "flown": true, "known": true, "shown": true, "grown": true, "drawn": true,
	"thrown": true, "risen": true, "fallen": true, "forgotten": true, "frozen": true, "hidden": true,
	"withdrawn": true, "undertaken": true, "overtaken": true, "stolen": true, "sworn": true,
	"worn": true, "torn": true, "woken": true, "arisen": true, "borne": true, "forbidden": true,
	"forgiven": true, "ridden": true, "sung": true, "sunk": true, "sprung": true, "swum": true,
	"eaten": true, "drunk": true, "shrunk": true, "come": true, "run": true,
}

// perfectSkip are adverbs between "have" and its participle.
var perfectSkip = map[string]bool{
	"long": true, "already": true, "recently": true, "now": true, "also": true, "just": true,
	"not": true, "never": true, "since": true, "always": true, "still": true, "yet": true,
	"repeatedly": true, "previously": true, "increasingly": true, "n": true, "t": true,
}
