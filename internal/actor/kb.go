package actor

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dyad-events/dyad/internal/bloom"
)

// Entry kinds. A phrase of the knowledge base names one of these.
const (
	KindCountry = "country" // a country or territory by name, short name or demonym
	KindCapital = "capital" // a capital or seat of power used as a metonym: the government
	KindOrg     = "org"     // an international organization or one of its bodies
	KindPerson  = "person"  // a person holding (or having held) dated offices
	KindRole    = "role"    // a sector noun or title: "ministry", "troops", "prime minister"
	KindGroup   = "group"   // a non-state group or a national institution with a full code
	KindPronoun = "pronoun" // it, its, they … resolved in the document
	KindAnaphor = "anaphor" // "the two sides", "the alliance", "the country" …
)

// Entry flags.
const (
	FlagAcronym  = 1 << iota // all-capital form required in text ("US", "UN", "NATO")
	FlagProper               // first word must be capitalized in text
	FlagAlliance             // a military alliance or bloc ("the alliance" may refer to it)
	FlagDemonym              // an adjective or demonym ("Japanese")
	FlagOpen                 // To is the source's date, not a known end of office
)

// Entry is one meaning of a phrase. Dates are YYYYMMDD, 0 = open.
type Entry struct {
	Kind    string
	Code    string // CAMEO actor code, or for roles the sector code ("GOV", "GOVMIL")
	Country string // ISO 3166 alpha-3
	Org     string // organization short name
	Role    string // CAMEO sector (first agent code)
	Name    string // canonical name of the person or body
	Office  string // office key: hos, hog, leader, fm, dm, sg, vp …
	From    int
	To      int
	Flags   int
	Source  string // curated, mledoze, phoenix, reign, user

	phrase string // the phrase this entry was added under
}

func (e *Entry) validOn(d int) bool {
	return d == 0 || ((e.From == 0 || e.From <= d) && (e.To == 0 || d <= e.To))
}

// KB is the compiled actor knowledge base: phrases, their entries and a
// word trie for longest-match lookup. A KB is safe for concurrent reads
// once loaded; LoadPhoenix must not run concurrently with matching.
type KB struct {
	entries []Entry
	vocab   map[string]int32 // word key → word id (ids start at 1)
	edges   map[uint64]int32 // node<<32 | word id → child node
	words   []string         // word id → word key (words[0] = "")
	root    []int32          // word id → child of the root node, 0 for none
	// bloom tells most words outside the vocabulary without a map lookup
	// (see vocabID)
	bloom *bloom.Filter
	term  [][]int32 // node → entries of the phrase ending there
	terms int       // nodes that end a phrase (distinct phrases)

	nodes int32

	persons  map[string][]int32 // canonical name key → person entries
	surnames map[string][]int32 // surname key → person entries (only persons named with ≥2 words)
	given    map[string]bool    // first words of people's full names that are nothing else ("mark", "ted")
	offices  map[string][]int32 // "JPN|hog" → person entries holding that office
}

//go:embed data/kb.tsv.gz
var embedded []byte

var (
	loadOnce sync.Once
	loaded   *KB
	loadErr  error
)

// Load returns the embedded knowledge base, parsed once and shared. Callers
// that add dictionaries with LoadPhoenix must use New instead.
func Load() (*KB, error) {
	loadOnce.Do(func() { loaded, loadErr = New() })
	return loaded, loadErr
}

// New parses a fresh copy of the embedded knowledge base.
func New() (*KB, error) {
	zr, err := gzip.NewReader(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("embedded actor KB: %w", err)
	}
	kb := newKB()
	if err := kb.readCompiled(zr); err != nil {
		return nil, fmt.Errorf("embedded actor KB: %w", err)
	}
	kb.index()
	return kb, nil
}

func newKB() *KB {
	return &KB{
		entries:  make([]Entry, 0, 64<<10),
		vocab:    make(map[string]int32, 32<<10),
		edges:    make(map[uint64]int32, 96<<10),
		words:    []string{""},
		root:     []int32{0},
		bloom:    bloom.New(14), // 128 KB
		term:     make([][]int32, 1, 128<<10),
		nodes:    1, // node 0 is the root
		persons:  map[string][]int32{},
		surnames: map[string][]int32{},
		given:    map[string]bool{},
		offices:  map[string][]int32{},
	}
}

// Len is the number of entries (phrase meanings).
func (kb *KB) Len() int { return len(kb.entries) }

// Phrases is the number of distinct phrases.
func (kb *KB) Phrases() int { return kb.terms }

// lookup returns the entries of a phrase key (words joined by spaces).
func (kb *KB) lookup(phrase string) []int32 {
	node := int32(0)
	for rest, more := phrase, true; more; {
		var w string
		w, rest, more = strings.Cut(rest, " ")
		var ok bool
		if node, ok = kb.step(node, w); !ok {
			return nil
		}
	}
	return kb.term[node]
}

// add records one phrase → entry; it does not update the indexes.
func (kb *KB) add(phrase string, e Entry) {
	if phrase == "" {
		return
	}
	id := int32(len(kb.entries))
	e.phrase = phrase
	kb.entries = append(kb.entries, e)
	kb.insert(phrase, id)
}

func (kb *KB) insert(phrase string, id int32) {
	node := int32(0)
	for rest, more := phrase, true; more; {
		var w string
		w, rest, more = strings.Cut(rest, " ")
		wid, ok := kb.vocab[w]
		if !ok {
			wid = int32(len(kb.vocab) + 1)
			kb.vocab[w] = wid
			kb.words = append(kb.words, w)
			kb.root = append(kb.root, 0)
			kb.bloom.Add(w)
		}
		k := uint64(node)<<32 | uint64(wid)
		child, ok := kb.edges[k]
		if !ok {
			child = kb.nodes
			kb.nodes++
			kb.edges[k] = child
			kb.term = append(kb.term, nil)
			if node == 0 {
				kb.root[wid] = child
			}
		}
		node = child
	}
	if len(kb.term[node]) == 0 {
		kb.terms++
	}
	kb.term[node] = append(kb.term[node], id)
}

// vocabID returns the vocabulary id of a word key, 0 when it has none.
func (kb *KB) vocabID(w string) int32 {
	if !kb.bloom.MayHave(w) {
		return 0
	}
	return kb.vocab[w]
}

// index builds the person, surname and office indexes and adds surnames to
// the trie.
func (kb *KB) index() {
	clear(kb.persons)
	clear(kb.offices)
	clear(kb.surnames)
	clear(kb.given)
	nameKeys := map[string]string{}
	for i := range kb.entries {
		id, e := int32(i), &kb.entries[i]
		if e.Kind != KindPerson {
			continue
		}
		key, ok := nameKeys[e.Name]
		if !ok {
			key = normalizePhrase(e.Name)
			nameKeys[e.Name] = key
		}
		if key != e.phrase {
			continue // an alias: indexed by its own phrase only
		}
		kb.persons[key] = append(kb.persons[key], id)
		if e.Office != "" {
			holder := e.Country
			if holder == "" {
				holder = e.Org
			}
			ok := holder + "|" + e.Office
			kb.offices[ok] = append(kb.offices[ok], id)
		}
		// surnames come from a person's own full name only, and only for
		// people with a country or organization
		if e.Country == "" && e.Org == "" {
			continue
		}
		i := strings.LastIndexByte(key, ' ')
		if i < 0 {
			continue
		}
		if g := key[:strings.IndexByte(key, ' ')]; len(g) >= 3 && !stopSurname[g] && !functionWords[g] && !titleWords[g] && !kb.hasNonPerson(g) {
			kb.given[g] = true
		}
		sur := key[i+1:]
		if len(sur) < 3 || stopSurname[sur] || kb.hasNonPerson(sur) {
			continue
		}
		kb.surnames[sur] = append(kb.surnames[sur], id)
	}
	for _, m := range []map[string][]int32{kb.persons, kb.offices, kb.surnames} {
		for k, ids := range m {
			m[k] = dedupe(ids)
		}
	}
}

// hasNonPerson reports whether a phrase has a reading other than a person.
func (kb *KB) hasNonPerson(phrase string) bool {
	for _, id := range kb.lookup(phrase) {
		if kb.entries[id].Kind != KindPerson {
			return true
		}
	}
	return false
}

func dedupe(ids []int32) []int32 {
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	out := ids[:0]
	for i, id := range ids {
		if i == 0 || id != ids[i-1] {
			out = append(out, id)
		}
	}
	return out
}

// stopSurname holds last words of names that are also common capitalized
// words (months, weekdays, titles), never taken alone as a surname.
var stopSurname = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
jr sr ii iii iv junior senior king queen prince princess sultan emir sheikh president minister general
new north south east west the and of van von der den de del la le al bin ibn abu
will said long young little black white green brown rice bush bank church some law english
street house city union party state states army court`) {
		stopSurname[w] = true
	}
}

// Compiled format: one entry per line, tab separated:
//
//	phrase kind code country org role name office from to flags source
//
// Lines starting with '#' are comments. from/to are YYYYMMDD or empty;
// flags are letters: A acronym, P proper, L alliance, D demonym, O open
// (the office was still held at the source's date).
const compiledHeader = "# phrase\tkind\tcode\tcountry\torg\trole\tname\toffice\tfrom\tto\tflags\tsource"

func (kb *KB) readCompiled(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		var f [12]string
		rest := line
		for i := 0; i < len(f)-1; i++ {
			var ok bool
			if f[i], rest, ok = strings.Cut(rest, "\t"); !ok {
				return fmt.Errorf("line %d: %d fields, want 12", n, i+1)
			}
			switch i {
			case 1, 2, 3, 4, 5, 7, 10: // kind, code, country, org, role, office, flags: few values
				f[i] = intern(f[i])
			}
		}
		if strings.Contains(rest, "\t") {
			return fmt.Errorf("line %d: more than 12 fields", n)
		}
		f[11] = intern(rest)
		e := Entry{Kind: f[1], Code: f[2], Country: f[3], Org: f[4], Role: f[5], Name: f[6], Office: f[7], Source: f[11]}
		var err error
		if e.From, err = atoiEmpty(f[8]); err != nil {
			return fmt.Errorf("line %d: from: %w", n, err)
		}
		if e.To, err = atoiEmpty(f[9]); err != nil {
			return fmt.Errorf("line %d: to: %w", n, err)
		}
		e.Flags = parseFlagLetters(f[10])
		kb.add(f[0], e)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("line %d: %w", n, err)
	}
	return nil
}

func atoiEmpty(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	return strconv.Atoi(s)
}

func parseFlagLetters(s string) int {
	f := 0
	for _, c := range s {
		switch c {
		case 'A':
			f |= FlagAcronym
		case 'P':
			f |= FlagProper
		case 'L':
			f |= FlagAlliance
		case 'D':
			f |= FlagDemonym
		case 'O':
			f |= FlagOpen
		}
	}
	return f
}

func flagLetters(f int) string {
	var b []byte
	if f&FlagAcronym != 0 {
		b = append(b, 'A')
	}
	if f&FlagProper != 0 {
		b = append(b, 'P')
	}
	if f&FlagAlliance != 0 {
		b = append(b, 'L')
	}
	if f&FlagDemonym != 0 {
		b = append(b, 'D')
	}
	if f&FlagOpen != 0 {
		b = append(b, 'O')
	}
	return string(b)
}

func itoaEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// compiledLine renders one entry in the compiled format.
func compiledLine(phrase string, e Entry) string {
	return strings.Join([]string{phrase, e.Kind, e.Code, e.Country, e.Org, e.Role, e.Name, e.Office,
		itoaEmpty(e.From), itoaEmpty(e.To), flagLetters(e.Flags), e.Source}, "\t")
}

// dateInt turns a time into YYYYMMDD (0 for the zero time).
func dateInt(t time.Time) int {
	if t.IsZero() {
		return 0
	}
	return t.Year()*10000 + int(t.Month())*100 + t.Day()
}

// interned holds the short strings that repeat across entries (kinds,
// codes, sources, names), so that each is stored once.
var (
	internMu sync.Mutex
	interned = map[string]string{}
)

func intern(s string) string {
	if len(s) > 40 {
		return s
	}
	internMu.Lock()
	defer internMu.Unlock()
	if v, ok := interned[s]; ok {
		return v
	}
	interned[s] = s
	return s
}
