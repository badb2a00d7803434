package coder

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/dyad-events/dyad/internal/bloom"
)

// Pattern is one compiled verb or noun pattern: a lemma and the frame of
// dependents it needs, and the CAMEO code it yields. dyad's compiled format
// is one pattern a line, tab separated:
//
//	LEMMAS <TAB> CODE <TAB> FRAME <TAB> ORIGIN
//
// LEMMAS is a comma-separated list of the verbs (or nouns) sharing the
// pattern. A line "&NAME <TAB> w1|w2|…" defines a synset that frames refer
// to as &NAME (members may be "a_b" phrases or other &synsets).
//
// FRAME is a space-separated list of items, all required ("-" for none):
//
//	obj=W|W2      one of the words in the verb's object region (after the
//	              verb, inside its clause, outside the subject)
//	pp=P          a preposition P heading a dependent of the verb's clause
//	pp=P:W|W2     … whose phrase contains one of the words
//	pre=W|W2      one of the words before the verb (subject side)
//	prt=P         a particle or preposition right after the verb (ask for)
//	tgt=pp:P      take the target from the P phrase (default: object, then
//	              the first phrase with an actor)
//	src=obj|pp:P  the source follows the verb ("received aid from X"); the
//	              subject is then the target
//	skip=P        an actor in the P phrase is skipped: it is not the target
//	              ("celebrated Iftar in X with Y")
//	noun          LEMMA is a noun (nominal event: "the visit of …")
//	syn=W         the lemmas other than W are synonyms the dictionary
//	              listed under W's block, not coded for themselves: used
//	              without a frame word they are often another sense (ease
//	              credit, take a place, link the breach to Y)
//
// Words are lower-case lemmas or forms. CODE "---" marks a pattern that
// blocks coding (PETRARCH's null code).
type Pattern struct {
	Lemmas []string
	Code   string
	// Pair is the code of the target's reciprocal act, from a paired
	// PETRARCH code "032:033" (a visit and its hosting); "" for none.
	Pair   string
	Obj    [][]string // each: alternatives, one must match
	PP     []PPReq
	Pre    [][]string
	Prt    string
	Target string // "", "obj" or "pp:P"
	Source string // "" (the subject), "obj" or "pp:P": where the source is when it follows the verb
	// Skip lists prepositions whose phrase an actor fills that is not the
	// target (PETRARCH's "IN ^ +": the target follows the skipped actor)
	Skip []string
	Noun bool
	// Syn is the name of the dictionary block the pattern's lemmas were
	// listed under as synonyms ("---  FACILITATE [060] ---" with EASE,
	// IMPROVE …; "OVERSEE_MANAGE": two verbs), set on a frameless pattern
	// they share; "" when the lemmas were each coded for themselves.
	Syn    string
	Origin string
	order  int
	// frame with synsets resolved and compiled
	rObj, rPre []*altSet
	rPP        []ppSet
}

type ppSet struct {
	Prep  string
	Words *altSet // nil: any phrase
}

// altSet is a compiled list of alternatives: by first word, the remaining
// words of each phrase (empty for a single word).
type altSet struct {
	first map[string][][]string
	// ids are the dictionary's numbers of the first words (Dictionary.words),
	// ascending; rests[i] are the remaining words of the phrases that start
	// with word ids[i] (first[word]).
	ids   []int32
	rests [][][]string
}

func (d *Dictionary) newAltSet(alts []string) *altSet {
	a := &altSet{first: make(map[string][][]string, len(alts))}
	for _, w := range alts {
		parts := strings.Split(w, "_")
		var rest []string
		if len(parts) > 1 {
			rest = parts[1:]
		}
		a.first[parts[0]] = append(a.first[parts[0]], rest)
	}
	a.ids = make([]int32, 0, len(a.first))
	for w := range a.first {
		a.ids = append(a.ids, d.intern(w))
	}
	slices.Sort(a.ids)
	a.rests = make([][][]string, len(a.ids))
	for i, id := range a.ids {
		a.rests[i] = a.first[d.wordList[id]]
	}
	return a
}

// intern returns the number of a pattern word that starts an
// alternative, adding it (and the token lemmas whose keys it matches,
// see tree) when new.
func (d *Dictionary) intern(w string) int32 {
	if id, ok := d.words[w]; ok {
		return id
	}
	id := int32(len(d.wordList))
	d.words[w] = id
	d.wordList = append(d.wordList, w)
	// a token's keys are its lemma, its form, and for a lemma of three
	// letters or more lemma+"s", lemma+"es" and (lemma ending in y)
	// lemma-y+"ies": index w under every lemma with w among its keys
	d.addLemma(w, id)
	if l, ok := strings.CutSuffix(w, "s"); ok && len(l) >= 3 {
		d.addLemma(l, id)
	}
	if l, ok := strings.CutSuffix(w, "es"); ok && len(l) >= 3 {
		d.addLemma(l, id)
	}
	if l, ok := strings.CutSuffix(w, "ies"); ok && len(l)+1 >= 3 {
		d.addLemma(l+"y", id)
	}
	return id
}

func (d *Dictionary) addLemma(l string, id int32) {
	d.byLemma[l] = append(d.byLemma[l], id)
	d.bloom.Add(l)
}

// mayBeLemma reports whether l may be a key of byLemma (every word is
// one); false means it is not.
func (d *Dictionary) mayBeLemma(l string) bool {
	return d.bloom.MayHave(l)
}

// lemmaIDs returns byLemma[l], ruling most words out by the bloom filter.
func (d *Dictionary) lemmaIDs(l string) []int32 {
	if !d.mayBeLemma(l) {
		return nil
	}
	return d.byLemma[l]
}

// find returns the index in a.ids of word id, -1 when absent.
func (a *altSet) find(id int32) int {
	ids := a.ids
	if len(ids) <= 8 {
		for i, x := range ids {
			if x == id {
				return i
			}
		}
		return -1
	}
	if i, ok := slices.BinarySearch(ids, id); ok {
		return i
	}
	return -1
}

// meets reports whether a has a first word among ids (ascending).
func (a *altSet) meets(ids []int32) bool {
	if len(ids) == 0 || len(a.ids) == 0 {
		return false
	}
	if len(ids) < len(a.ids)/4 {
		for _, id := range ids {
			if a.find(id) >= 0 {
				return true
			}
		}
		return false
	}
	// merge
	i, j := 0, 0
	for i < len(ids) && j < len(a.ids) {
		switch {
		case ids[i] == a.ids[j]:
			return true
		case ids[i] < a.ids[j]:
			i++
		default:
			j++
		}
	}
	return false
}

// PPReq is a prepositional phrase a pattern requires.
type PPReq struct {
	Prep  string
	Words []string // alternatives; empty = any phrase
}

// phraseLen is the number of words of a pattern word written as a phrase
// with a synset inside (1 for a word or a synset).
func phraseLen(alts []string) int {
	if len(alts) == 1 && isPhraseAlt(alts[0]) {
		return len(phraseWords(alts[0]))
	}
	if len(alts) == 1 && !strings.HasPrefix(alts[0], "&") && strings.Contains(alts[0], "_") {
		return len(strings.Split(alts[0], "_")) // "death_total": two words
	}
	return 1
}

// isPhraseAlt reports whether a pattern alternative is a phrase naming a
// synset among lower-case words ("new_&TIETYPES_relations"); synset names
// are upper case and may contain "_" themselves ("&DY_MEETING").
func isPhraseAlt(a string) bool {
	return strings.Contains(a, "&") && strings.Contains(a, "_") && strings.ToUpper(a) != a
}

// phraseWords splits a phrase alternative into its words and synset names.
func phraseWords(a string) []string {
	parts := strings.Split(a, "_")
	var out []string
	for i := 0; i < len(parts); i++ {
		w := parts[i]
		if strings.HasPrefix(w, "&") {
			for i+1 < len(parts) && parts[i+1] != "" && strings.ToUpper(parts[i+1]) == parts[i+1] && strings.ToLower(parts[i+1]) != parts[i+1] {
				i++
				w += "_" + parts[i]
			}
		}
		out = append(out, w)
	}
	return out
}

// bare reports whether the pattern is a verb that requires no word of
// its frame (it may still name where the target is: "GET +").
func (p *Pattern) bare() bool {
	return !p.Noun && p.Prt == "" && len(p.Obj) == 0 && len(p.PP) == 0 && len(p.Pre) == 0
}

// synonymOf reports whether the pattern codes verb lemma (or form) only as
// a synonym listed under another verb's block (see Syn).
func (p *Pattern) synonymOf(lemma, form string) bool {
	if p.Syn == "" {
		return false
	}
	// a block may be named by two verbs or a meaning (OVERSEE_MANAGE,
	// PHYSICAL_CONFLICT): any of its words is its own verb
	for _, w := range strings.Split(p.Syn, "_") {
		if w == lemma || w == form {
			return false
		}
	}
	return true
}

// Specificity orders patterns: the most specific matching one wins.
func (p *Pattern) Specificity() int {
	n := 0
	for _, o := range p.Obj {
		// a phrase of adjacent words ("new_&TIETYPES_relations") counts
		// as many words
		n += 2 * phraseLen(o)
	}
	for _, pp := range p.PP {
		switch {
		case len(pp.Words) > 0:
			n += 4
		case p.Target == "pp:"+pp.Prep || p.Source == "pp:"+pp.Prep:
			n++
		case pp.Prep == "in" || pp.Prep == "at" || pp.Prep == "on" || pp.Prep == "near":
			// a bare place or time phrase says little about the act:
			// weaker than the verb's own default ("arrested X in a raid")
			n--
		default:
			n++
		}
	}
	for _, o := range p.Pre {
		n += 2 * phraseLen(o)
	}
	if p.Prt != "" {
		n += 3
	}
	if p.Origin == "dyad" {
		n++ // curated for dyad: wins over an equally specific generic pattern
	}
	return n
}

// Dictionary holds patterns by lemma.
type Dictionary struct {
	verbs   map[string][]*Pattern
	nouns   map[string][]*Pattern
	all     []*Pattern
	synsets map[string][]string
	synList []string
	sets    map[string]*altSet // compiled alternatives, shared by patterns
	// explicitBare marks verbs (lemma_particle) a PETRARCH file gave a
	// code of their own
	explicitBare map[string]bool
	// words numbers the first words of all compiled alternatives
	// (wordList[id] is the word); byLemma lists, for a token lemma, the
	// numbers of the words among its keys (see intern)
	words    map[string]int32
	wordList []string
	byLemma  map[string][]int32
	bloom    *bloom.Filter // the keys of byLemma (see lemmaIDs)
	// verbIdx and nounIdx index the patterns of each lemma (patList)
	verbIdx, nounIdx map[string]*patList
}

// NewDictionary returns an empty dictionary.
func NewDictionary() *Dictionary {
	return &Dictionary{verbs: map[string][]*Pattern{}, nouns: map[string][]*Pattern{}, synsets: map[string][]string{}, sets: map[string]*altSet{}, explicitBare: map[string]bool{},
		words: map[string]int32{}, byLemma: map[string][]int32{}, verbIdx: map[string]*patList{}, nounIdx: map[string]*patList{},
		bloom: bloom.New(12)} // 32 KB
}

// AddSynset defines (or extends) synset name ("&WEAPON") with members;
// members naming other synsets are flattened.
func (d *Dictionary) AddSynset(name string, members []string) {
	if _, ok := d.synsets[name]; !ok {
		d.synList = append(d.synList, name)
	}
	for _, m := range members {
		if strings.HasPrefix(m, "&") {
			d.synsets[name] = append(d.synsets[name], d.synsets[m]...)
			continue
		}
		d.synsets[name] = append(d.synsets[name], m)
	}
}

// compile resolves synsets in alts and compiles them, sharing equal sets.
func (d *Dictionary) compile(alts []string) *altSet {
	key := strings.Join(alts, "|")
	if a, ok := d.sets[key]; ok {
		return a
	}
	a := d.newAltSet(d.resolve(alts))
	d.sets[key] = a
	return a
}

func (d *Dictionary) resolve(alts []string) []string {
	for i, a := range alts {
		if isPhraseAlt(a) {
			// a phrase with synsets inside ("new_&TIETYPES_relations"):
			// every combination of their members
			out := append([]string(nil), alts[:i]...)
			for _, b := range alts[i:] {
				out = append(out, d.expandPhrase(b)...)
			}
			return d.resolve(out)
		}
	}
	if len(alts) == 1 && strings.HasPrefix(alts[0], "&") {
		return d.synsets[alts[0]]
	}
	for _, a := range alts {
		if strings.HasPrefix(a, "&") {
			var out []string
			for _, b := range alts {
				if strings.HasPrefix(b, "&") {
					out = append(out, d.synsets[b]...)
				} else {
					out = append(out, b)
				}
			}
			return out
		}
	}
	return alts
}

// maxPhraseAlts bounds the combinations a phrase with synsets expands to.
const maxPhraseAlts = 512

// expandPhrase turns a phrase whose words may name synsets into the
// phrases of their members; a plain word or synset is returned as is.
func (d *Dictionary) expandPhrase(a string) []string {
	if !isPhraseAlt(a) {
		return []string{a}
	}
	out := []string{""}
	for _, w := range phraseWords(a) {
		ms := []string{w}
		if strings.HasPrefix(w, "&") {
			ms = d.synsets[w]
		}
		var next []string
		for _, o := range out {
			for _, m := range ms {
				if strings.Contains(m, "&") {
					continue
				}
				if o != "" {
					m = o + "_" + m
				}
				if len(next) < maxPhraseAlts {
					next = append(next, m)
				}
			}
		}
		out = next
	}
	return out
}

// Len is the number of patterns.
func (d *Dictionary) Len() int { return len(d.all) }

// Add adds a pattern for each of its lemmas. Of two equally specific
// matching patterns the one added later wins (user dictionaries are added
// after the built-in ones). Synset references (&NAME) in the frame must be
// defined before.
func (d *Dictionary) Add(p *Pattern) {
	p.order = len(d.all)
	d.all = append(d.all, p)
	p.rObj = make([]*altSet, len(p.Obj))
	for i, a := range p.Obj {
		p.rObj[i] = d.compile(a)
	}
	p.rPre = make([]*altSet, len(p.Pre))
	for i, a := range p.Pre {
		p.rPre[i] = d.compile(a)
	}
	p.rPP = make([]ppSet, len(p.PP))
	for i, pp := range p.PP {
		p.rPP[i] = ppSet{Prep: pp.Prep}
		if len(pp.Words) > 0 {
			p.rPP[i].Words = d.compile(pp.Words)
		}
	}
	m, idx := d.verbs, d.verbIdx
	if p.Noun {
		m, idx = d.nouns, d.nounIdx
	}
	for _, l := range p.Lemmas {
		m[l] = append(m[l], p)
		pl := idx[l]
		if pl == nil {
			pl = &patList{byWord: map[int32][]int32{}}
			idx[l] = pl
		}
		pl.add(p)
	}
}

// patList is the patterns of one lemma (Dictionary.verbs or nouns, in
// the same order) indexed by the words their frames need: a pattern is
// listed under the first words of its most selective word list (object,
// pre-verb or phrase words), so that only patterns with such a word in
// the sentence need to be tried; always lists the patterns that need no
// word.
type patList struct {
	pats   []*Pattern
	always []int32
	byWord map[int32][]int32         // word id → indexes into pats
	sorted atomic.Pointer[wordIndex] // byWord as sorted arrays, built on first use
}

// wordIndex is patList.byWord sorted by word id: lists[i] are the
// patterns filed under words[i].
type wordIndex struct {
	words []int32
	lists [][]int32
}

// index returns byWord sorted, building it once (concurrent builders
// build the same).
func (pl *patList) index() *wordIndex {
	if wi := pl.sorted.Load(); wi != nil {
		return wi
	}
	wi := &wordIndex{words: make([]int32, 0, len(pl.byWord))}
	for id := range pl.byWord {
		wi.words = append(wi.words, id)
	}
	slices.Sort(wi.words)
	wi.lists = make([][]int32, len(wi.words))
	for i, id := range wi.words {
		wi.lists[i] = pl.byWord[id]
	}
	pl.sorted.Store(wi)
	return wi
}

func (pl *patList) add(p *Pattern) {
	pl.sorted.Store(nil)
	i := int32(len(pl.pats))
	pl.pats = append(pl.pats, p)
	var key *altSet
	consider := func(a *altSet) {
		if key == nil || len(a.ids) < len(key.ids) {
			key = a
		}
	}
	for _, a := range p.rObj {
		consider(a)
	}
	for _, a := range p.rPre {
		consider(a)
	}
	for _, pp := range p.rPP {
		if pp.Words != nil {
			consider(pp.Words)
		}
	}
	if key == nil {
		pl.always = append(pl.always, i)
		return
	}
	for _, id := range key.ids {
		// (a set without words never matches: the pattern is listed nowhere)
		pl.byWord[id] = append(pl.byWord[id], i)
	}
}

// Merge adds every synset and pattern of o to d.
func (d *Dictionary) Merge(o *Dictionary) {
	for _, n := range o.synList {
		d.AddSynset(n, o.synsets[n])
	}
	for _, p := range o.all {
		c := *p
		d.Add(&c)
	}
}

// Verb returns the patterns of a verb lemma.
func (d *Dictionary) Verb(lemma string) []*Pattern { return d.verbs[lemma] }

// Noun returns the patterns of a noun lemma.
func (d *Dictionary) Noun(lemma string) []*Pattern { return d.nouns[lemma] }

// String renders a pattern in the compiled format.
func (p *Pattern) String() string {
	var items []string
	if p.Noun {
		items = append(items, "noun")
	}
	if p.Prt != "" {
		items = append(items, "prt="+p.Prt)
	}
	for _, w := range p.Pre {
		items = append(items, "pre="+strings.Join(w, "|"))
	}
	for _, w := range p.Obj {
		items = append(items, "obj="+strings.Join(w, "|"))
	}
	for _, pp := range p.PP {
		s := "pp=" + pp.Prep
		if len(pp.Words) > 0 {
			s += ":" + strings.Join(pp.Words, "|")
		}
		items = append(items, s)
	}
	if p.Target != "" {
		items = append(items, "tgt="+p.Target)
	}
	if p.Source != "" {
		items = append(items, "src="+p.Source)
	}
	for _, w := range p.Skip {
		items = append(items, "skip="+w)
	}
	if p.Syn != "" {
		items = append(items, "syn="+p.Syn)
	}
	frame := strings.Join(items, " ")
	if frame == "" {
		frame = "-"
	}
	return strings.Join(p.Lemmas, ",") + "\t" + p.Code + "\t" + frame + "\t" + p.Origin
}

// WriteCompiled writes every pattern in the compiled format.
func (d *Dictionary) WriteCompiled(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, n := range d.synList {
		if _, err := fmt.Fprintf(bw, "%s\t%s\n", n, strings.Join(d.synsets[n], "|")); err != nil {
			return err
		}
	}
	for _, p := range d.all {
		if _, err := fmt.Fprintln(bw, p.String()); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// ReadCompiled reads patterns in the compiled format; '#' starts a comment
// line. Problems are collected with their line numbers.
func ReadCompiled(r io.Reader, d *Dictionary) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	var errs []string
	ln := 0
	for sc.Scan() {
		ln++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] == '&' {
			name, members, ok := strings.Cut(line, "\t")
			if !ok {
				errs = append(errs, fmt.Sprintf("line %d: synset without members", ln))
				continue
			}
			d.AddSynset(strings.TrimSpace(name), splitAlt(strings.TrimSpace(members)))
			continue
		}
		p, err := parseCompiledLine(line)
		if err != nil {
			errs = append(errs, fmt.Sprintf("line %d: %v", ln, err))
			continue
		}
		d.Add(p)
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if len(errs) > 0 {
		if len(errs) > 5 {
			errs = append(errs[:5], fmt.Sprintf("and %d more", len(errs)-5))
		}
		return fmt.Errorf("patterns: %s", strings.Join(errs, "; "))
	}
	return nil
}

func parseCompiledLine(line string) (*Pattern, error) {
	f := strings.Split(line, "\t")
	if len(f) < 3 {
		return nil, fmt.Errorf("want LEMMA, CODE, FRAME separated by tabs")
	}
	p := &Pattern{Lemmas: splitList(f[0]), Code: strings.TrimSpace(f[1])}
	if len(f) > 3 {
		p.Origin = strings.TrimSpace(f[3])
	}
	if len(p.Lemmas) == 0 || p.Code == "" {
		return nil, fmt.Errorf("empty lemma or code")
	}
	if strings.TrimSpace(f[2]) == "-" {
		return p, nil
	}
	for _, it := range strings.Fields(f[2]) {
		k, v, _ := strings.Cut(it, "=")
		switch k {
		case "noun":
			p.Noun = true
		case "prt":
			p.Prt = v
		case "pre":
			p.Pre = append(p.Pre, splitAlt(v))
		case "obj":
			p.Obj = append(p.Obj, splitAlt(v))
		case "pp":
			prep, words, _ := strings.Cut(v, ":")
			if prep == "" {
				return nil, fmt.Errorf("pp without preposition in %q", it)
			}
			p.PP = append(p.PP, PPReq{Prep: prep, Words: splitAlt(words)})
		case "tgt":
			p.Target = v
		case "src":
			p.Source = v
		case "skip":
			p.Skip = append(p.Skip, strings.ToLower(v))
		case "syn":
			p.Syn = strings.ToLower(v)
		default:
			return nil, fmt.Errorf("unknown frame item %q", it)
		}
		if v == "" && k != "noun" {
			return nil, fmt.Errorf("empty value in %q", it)
		}
	}
	return p, nil
}

func splitAlt(s string) []string {
	if s == "" {
		return nil
	}
	out := strings.Split(s, "|")
	for i, w := range out {
		if !strings.HasPrefix(w, "&") {
			out[i] = strings.ToLower(w)
		}
	}
	return out
}

func splitList(s string) []string {
	var out []string
	for _, w := range strings.Split(s, ",") {
		if w = strings.ToLower(strings.TrimSpace(w)); w != "" {
			out = append(out, w)
		}
	}
	return out
}
