package actor

import (
	"bufio"
	"compress/gzip"
	"embed"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
)

//go:embed data/curated/*.tsv
var curatedFS embed.FS

// Vintages of the sources: an office left open in a source is known to be
// held only up to the source's date, and is closed there.
const (
	phoenixVintage = 20140130 // Phoenix.Countries.actors.txt generated 2014-01-30
	reignVintage   = 20210301 // REIGN March 2021 update
)

// officeFirstWords start Phoenix entries that name an office rather than a
// person or body ("PRESIDENT_OF_THE_UNITED_STATES"); titles and the office
// tables cover them.
var officeFirstWords = map[string]bool{"president": true, "prime": true, "minister": true, "king": true, "queen": true,
	"chancellor": true, "secretary": true, "premier": true, "foreign": true, "defense": true, "defence": true, "vice": true}

// roleCodes are the CAMEO sector codes recognized inside actor codes.
var roleCodes = map[string]bool{}

func init() {
	for _, c := range strings.Fields("GOV MIL COP JUD LEG OPP REB INS BUS MED EDU NGO CVL LAB AGR DEV ELI HLH REF CRM SPY UAF MOD RAD HRI ENV REL SET AMN IRC GRP") {
		roleCodes[c] = true
	}
}

// BuildStats counts what Build compiled.
type BuildStats struct {
	Lines    int            // compiled entries
	Phrases  int            // distinct phrases
	BySource map[string]int // entries per source
	ByKind   map[string]int // entries per kind
}

// builder accumulates compiled lines.
type builder struct {
	lines      map[string]bool
	countries  map[string]bool   // ISO alpha-3 codes
	groups     map[string]string // CAMEO known-group code → short name
	orgShort   map[string]string // curated org code → short name
	curatedPpl map[string]bool   // normalized names of curated office holders
	// "JPN|kishida": surnames of curated office holders by country
	curatedSurname map[string]bool
	stems          []stemEntry     // agent phrases ending in a stem
	acronyms       map[string]bool // organizations' acronyms ("ECOWAS"), kept in capitals in names
}

type stemEntry struct {
	phrase string
	e      Entry
}

// Build compiles the knowledge base from the shared data folder (the
// countries, phoenix, leaders, gdelt and icews folders of ../shared) and
// the curated tables embedded in this package, and writes the compiled,
// gzip-compressed form to w. The output depends only on its inputs: lines
// are sorted and the gzip header carries no time or name.
func Build(sharedDir string, w io.Writer) (BuildStats, error) {
	b := &builder{
		lines:      map[string]bool{},
		countries:  map[string]bool{},
		groups:     map[string]string{},
		orgShort:   map[string]string{},
		curatedPpl: map[string]bool{},

		curatedSurname: map[string]bool{},
		acronyms:       map[string]bool{},
	}
	p := func(elem ...string) string { return filepath.Join(append([]string{sharedDir}, elem...)...) }
	steps := []struct {
		name string
		fn   func() error
	}{
		{"known groups", func() error { return b.readGroups(p("data", "gdelt", "lookups", "CAMEO.knowngroup.txt")) }},
		{"countries", func() error { return b.mledoze(p("data", "countries", "mledoze-countries.json")) }},
		{"curated names", func() error { return b.curatedNames("data/curated/names.tsv") }},
		{"curated offices", func() error { return b.curatedOffices("data/curated/offices.tsv") }},
		{"igos", func() error { return b.igos(p("data", "igos", "dieghernan-CountrycodesOrgs.csv")) }},
		{"phoenix countries", func() error { return b.phoenixActors(p("data", "phoenix", "Phoenix.Countries.actors.txt")) }},
		{"phoenix international", func() error { return b.phoenixActors(p("data", "phoenix", "Phoenix.International.actors.txt")) }},
		{"phoenix non-state", func() error { return b.phoenixActors(p("data", "phoenix", "Phoenix.MilNonState.actors.txt")) }},
		{"phoenix agents", func() error { return b.phoenixAgents(p("data", "phoenix", "Phoenix.agents.txt")) }},
		{"reign", func() error {
			return b.reign(p("data", "leaders", "REIGN_leaderlist_3_21.csv"), p("data", "icews", "text_to_CAMEO.countrynames.txt"))
		}},
		{"archigos", func() error {
			return b.archigos(p("data", "leaders", "archigos_4.1_arch_annual.txt.gz"), p("data", "icews", "text_to_CAMEO.countrynames.txt"))
		}},
	}
	for _, s := range steps {
		if err := s.fn(); err != nil {
			return BuildStats{}, fmt.Errorf("build %s: %w", s.name, err)
		}
	}
	return b.write(w)
}

func (b *builder) emit(phrase string, e Entry) {
	if phrase == "" || strings.ContainsAny(phrase, "\t\n") {
		return
	}
	b.lines[compiledLine(phrase, e)] = true
}

// expandStems adds, for each agent phrase ending in a stem, the phrases
// with the words of the knowledge base that complete the stem by up to
// four letters ("finance minist" → "finance minister", "finance
// ministry"…).
func (b *builder) expandStems() {
	seen := map[string]bool{}
	for l := range b.lines {
		phrase, _, _ := strings.Cut(l, "\t")
		for _, w := range strings.Fields(phrase) {
			seen[w] = true
		}
	}
	vocab := make([]string, 0, len(seen))
	for w := range seen {
		vocab = append(vocab, w)
	}
	sort.Strings(vocab)
	for _, st := range b.stems {
		i := strings.LastIndexByte(st.phrase, ' ')
		stem := st.phrase[i+1:]
		if len(stem) < 4 {
			continue
		}
		for k := sort.SearchStrings(vocab, stem); k < len(vocab) && strings.HasPrefix(vocab[k], stem); k++ {
			if v := vocab[k]; v != stem && len(v)-len(stem) <= 4 {
				b.emit(st.phrase[:i+1]+v, st.e)
			}
		}
	}
}

func (b *builder) write(w io.Writer) (BuildStats, error) {
	b.expandStems()
	st := BuildStats{BySource: map[string]int{}, ByKind: map[string]int{}}
	lines := make([]string, 0, len(b.lines))
	for l := range b.lines {
		lines = append(lines, l)
	}
	sort.Strings(lines)
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return st, err
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintln(bw, "# dyad actor knowledge base, compiled by `dyad build-dict`; do not edit.")
	fmt.Fprintln(bw, compiledHeader)
	phrases := map[string]bool{}
	for _, l := range lines {
		bw.WriteString(l)
		bw.WriteByte('\n')
		f := strings.Split(l, "\t")
		phrases[f[0]] = true
		st.ByKind[f[1]]++
		st.BySource[f[11]]++
	}
	st.Lines = len(lines)
	st.Phrases = len(phrases)
	if err := bw.Flush(); err != nil {
		return st, err
	}
	return st, zw.Close()
}

// readGroups reads the CODE<TAB>LABEL table of CAMEO known groups, keeping
// the short name in parentheses when the label has one.
func (b *builder) readGroups(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for _, line := range strings.Split(string(data), "\n") {
		code, label, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if !ok || code == "CODE" {
			continue
		}
		short := label
		if i := strings.LastIndexByte(label, '('); i >= 0 && strings.HasSuffix(label, ")") {
			short = label[i+1 : len(label)-1]
		}
		b.groups[code] = short
	}
	return nil
}

type mledozeCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA3         string   `json:"cca3"`
	Independent  bool     `json:"independent"`
	Capital      []string `json:"capital"`
	AltSpellings []string `json:"altSpellings"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

func (b *builder) mledoze(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var cs []mledozeCountry
	if err := json.Unmarshal(data, &cs); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	for _, c := range cs {
		if len(c.CCA3) != 3 {
			continue
		}
		b.countries[c.CCA3] = true
	}
	for _, c := range cs {
		if len(c.CCA3) != 3 {
			continue
		}
		e := Entry{Kind: KindCountry, Code: c.CCA3, Country: c.CCA3, Name: c.Name.Common, Flags: FlagProper, Source: "mledoze"}
		names := append([]string{c.Name.Common, c.Name.Official}, c.AltSpellings...)
		for _, n := range names {
			if len([]rune(n)) <= 3 {
				continue // two-letter codes and the like: too ambiguous
			}
			b.emit(normalizePhrase(n), e)
		}
		if d, ok := c.Demonyms["eng"]; ok {
			de := e
			de.Flags |= FlagDemonym
			for _, n := range []string{d.M, d.F} {
				if n != "" {
					b.emit(normalizePhrase(n), de)
				}
			}
		}
		if c.Independent {
			for _, cap := range c.Capital {
				if normalizePhrase(cap) == normalizePhrase(c.Name.Common) {
					continue // a city-state: the name is the country's
				}
				ce := Entry{Kind: KindCapital, Code: c.CCA3 + "GOV", Country: c.CCA3, Role: "GOV", Name: c.Name.Common, Flags: FlagProper, Source: "mledoze"}
				b.emit(normalizePhrase(cap), ce)
			}
		}
	}
	return nil
}

// split derives country, organization short name and role from a CAMEO
// actor code.
func (b *builder) split(code string) (country, org, role string) {
	rest := code
	if len(rest) >= 3 && b.countries[rest[:3]] {
		country = rest[:3]
		rest = rest[3:]
	} else if strings.HasPrefix(rest, "IGO") || strings.HasPrefix(rest, "NGO") || strings.HasPrefix(rest, "NGM") || strings.HasPrefix(rest, "IMG") {
		best := ""
		for c := range b.orgShort {
			if strings.HasPrefix(code, c) && len(c) > len(best) {
				best = c
			}
		}
		if best != "" {
			org = b.orgShort[best]
			rest = code[len(best):]
		} else {
			rest = rest[3:]
			for len(rest) >= 3 {
				ch := rest[:3]
				rest = rest[3:]
				if g, ok := b.groups[ch]; ok {
					org = g
					break
				}
			}
		}
	}
	for len(rest) >= 3 {
		ch := rest[:3]
		rest = rest[3:]
		if roleCodes[ch] {
			role = ch
			break
		}
	}
	return country, org, role
}

func (b *builder) curatedNames(name string) error {
	return curatedRows(name, 7, func(i int, f []string) error {
		kind, code, canon, phrases, office, flags := f[0], f[1], strings.TrimSpace(f[2]), f[3], strings.TrimSpace(f[4]), f[5]
		e := Entry{Kind: kind, Code: code, Name: canon, Office: office, Flags: parseFlagLetters(flags), Source: "curated"}
		switch kind {
		case KindCountry:
			e.Country = code
		case KindCapital:
			e.Country, _, e.Role = b.split(code)
		case KindOrg:
			if len(code) > 3 {
				b.orgShort[code] = canon // generic "IGO" rows name only themselves
			}
			e.Org = canon
			_, _, e.Role = b.split(code)
		case "body":
			e.Kind = KindOrg
			_, e.Org, e.Role = b.split(code)
		case KindRole:
			e.Role = code[:3]
		case "natrole":
			if len(code) < 6 {
				return fmt.Errorf("%s:%d: natrole code %q wants country and sector", name, i+1, code)
			}
			e.Kind, e.Country, e.Code, e.Role = KindRole, code[:3], code[3:], code[3:6]
		}
		for _, ph := range strings.Split(phrases, "|") {
			b.emit(normalizePhrase(ph), e)
		}
		return nil
	})
}

func parseISODate(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, err
	}
	return dateInt(t), nil
}

func (b *builder) curatedOffices(name string) error {
	return curatedRows(name, 7, func(i int, f []string) error {
		from, err := parseISODate(f[3])
		if err != nil {
			return fmt.Errorf("%s:%d: %w", name, i+1, err)
		}
		to, err := parseISODate(f[4])
		if err != nil {
			return fmt.Errorf("%s:%d: %w", name, i+1, err)
		}
		e := Entry{Kind: KindPerson, Name: f[2], Office: f[1], From: from, To: to, Flags: FlagProper, Source: "curated"}
		if len(f[0]) == 3 {
			e.Country, e.Code, e.Role = f[0], f[0]+"GOV", "GOV"
			if e.Office == "dm" {
				e.Code += "MIL" // defence ministers: GOVMIL, as in the Phoenix dictionaries
			}
		} else {
			e.Code = f[0]
			e.Country, e.Org, e.Role = b.split(f[0])
		}
		b.curatedPpl[normalizePhrase(f[2])] = true
		if words := strings.Fields(normalizePhrase(f[2])); len(f[0]) == 3 && len(words) > 1 {
			b.curatedSurname[f[0]+"|"+words[len(words)-1]] = true
		}
		b.emit(normalizePhrase(f[2]), e)
		for _, a := range strings.Split(f[5], "|") {
			if a = strings.TrimSpace(a); a != "" {
				b.emit(normalizePhrase(a), e)
			}
		}
		return nil
	})
}

func (b *builder) phoenixActors(path string) error {
	es, err := ParsePhoenixFile(path)
	if err != nil {
		return err
	}
	for _, pe := range es {
		for _, e := range b.fromPhoenix(pe, "phoenix") {
			for _, ph := range pe.Phrases {
				b.emit(ph, e)
			}
		}
	}
	return nil
}

// fromPhoenix turns one Phoenix actor entry into KB entries: a person when
// any code is dated, else a country, organization or group.
func (b *builder) fromPhoenix(pe PhoenixEntry, source string) []Entry {
	if len(pe.Codes) == 0 || len(pe.Phrases) == 0 {
		return nil
	}
	// a person carries dated codes with a sector (JPNGOV, IGOWSTNAT …);
	// dated bare country codes are a country's own history (GEORGIA)
	dated := false
	for _, c := range pe.Codes {
		if c.From != 0 || c.To != 0 {
			if country, org, role := b.split(c.Code); org != "" || (country != "" && role != "") {
				dated = true
			}
		}
	}
	if officeFirstWords[strings.SplitN(pe.Phrases[0], " ", 2)[0]] {
		// "PRESIDENT_OF_THE_UNITED_STATES": an office, which titles
		// and the office tables already cover
		return nil
	}
	var out []Entry
	for _, c := range pe.Codes {
		if dated && c.From == 0 && c.To == 0 && len(c.Code) == 3 && roleCodes[c.Code] {
			continue // "[ELI]" after dated offices: a fallback we derive ourselves
		}
		country, org, role := b.split(c.Code)
		e := Entry{Code: c.Code, Country: country, Org: org, Role: role, From: c.From, To: c.To, Flags: FlagProper, Source: source}
		switch {
		case dated:
			e.Kind = KindPerson
			e.Name = b.displayName(pe)
			if e.From != 0 && e.To == 0 {
				e.To = phoenixVintage // open-ended: known to hold only up to the file's date
				e.Flags |= FlagOpen
			}
		case len(c.Code) == 3 && country != "":
			e.Kind = KindCountry
		case strings.HasPrefix(c.Code, "IGO") || strings.HasPrefix(c.Code, "NGO"):
			e.Kind = KindOrg
			e.Name = b.displayName(pe)
		default:
			e.Kind = KindGroup
			e.Name = b.displayName(pe)
		}
		out = append(out, e)
	}
	return out
}

// smallWords stay lowercase inside names ("Organization for Economic …").
var smallWords = map[string]bool{"of": true, "for": true, "and": true, "the": true, "in": true, "on": true, "de": true, "du": true, "la": true, "al": true, "bin": true, "von": true, "der": true, "van": true, "to": true}

// displayName is a readable name for a Phoenix entry: acronyms stay in
// capitals ("BBC"), other words are capitalized ("George W. Bush").
func (b *builder) displayName(pe PhoenixEntry) string {
	raw := pe.Display
	if raw == "" {
		raw = pe.Phrases[0]
	}
	words := strings.Fields(raw)
	if len(words) == 1 && (len(words[0]) <= 4 || b.acronyms[words[0]]) && strings.ToUpper(words[0]) == words[0] {
		return words[0]
	}
	for i, w := range words {
		if i > 0 && smallWords[strings.ToLower(w)] {
			words[i] = strings.ToLower(w)
			continue
		}
		r := []rune(strings.ToLower(w))
		for k := range r {
			if k == 0 || r[k-1] == '-' || r[k-1] == '\'' && k > 1 && r[k-2] != 'n' {
				r[k] = unicode.ToUpper(r[k])
			}
		}
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

func (b *builder) phoenixAgents(path string) error {
	es, err := ParsePhoenixFile(path)
	if err != nil {
		return err
	}
	for _, pe := range es {
		for _, c := range pe.Codes {
			if len(c.Code) < 3 || !roleCodes[c.Code[:3]] {
				continue
			}
			e := Entry{Kind: KindRole, Code: c.Code, Role: c.Code[:3], Source: "phoenix"}
			for _, ph := range pe.Phrases {
				b.emit(ph, e)
				b.emit(pluralPhrase(ph), e)
				if pe.Stems[ph] {
					b.stems = append(b.stems, stemEntry{ph, e})
				}
			}
		}
	}
	return nil
}

// pluralPhrase makes the regular plural of a phrase's last word (the
// agents file lists singulars only).
func pluralPhrase(ph string) string {
	i := strings.LastIndexByte(ph, ' ')
	w := ph[i+1:]
	if len(w) < 3 {
		return ""
	}
	switch {
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		w += "es"
	case strings.HasSuffix(w, "y") && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		w = w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "man"):
		w = w[:len(w)-3] + "men"
	default:
		w += "s"
	}
	return ph[:i+1] + w
}

// igos reads the list of international organizations (acronym, full
// name): each becomes an organization under both; the CAMEO code is the
// generic IGO (IGOUNO for United Nations bodies) since the list has none —
// the curated and Phoenix entries, ranked first, give the proper codes for
// the organizations they know.
func (b *builder) igos(path string) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	r := csv.NewReader(fh)
	rows, err := r.ReadAll()
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if len(rows) == 0 {
		return fmt.Errorf("read %s: empty", path)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	ni, ai := col["org_name"], col["org_id"]
	if ni == 0 && ai == 0 {
		return fmt.Errorf("read %s: no org_name/org_id columns", path)
	}
	for _, row := range rows[1:] {
		if len(row) <= max(ni, ai) {
			continue
		}
		name, acr := strings.TrimSpace(row[ni]), strings.TrimSpace(row[ai])
		if name == "" {
			continue
		}
		e := Entry{Kind: KindOrg, Code: "IGO", Org: acr, Name: name, Flags: FlagProper, Source: "igos"}
		if strings.HasPrefix(name, "United Nations") {
			e.Code, e.Org = "IGOUNO", "UN"
		}
		if !isAcronym(acr) {
			e.Org = name
		} else {
			b.acronyms[acr] = true
			a := e
			a.Flags = FlagAcronym
			b.emit(normalizePhrase(acr), a)
		}
		b.emit(normalizePhrase(name), e)
	}
	return nil
}

// isAcronym accepts 3 to 8 capitals (hyphen allowed) that are not an
// English word written in capitals ("CAN").
func isAcronym(s string) bool {
	if len(s) < 3 || len(s) > 8 || functionWords[strings.ToLower(s)] || s == "CAN" {
		return false
	}
	for _, r := range s {
		if (r < 'A' || r > 'Z') && r != '-' && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// reign reads REIGN's leader list (effective heads of government, COW
// country numbers mapped to ISO through the text_to_CAMEO country table).
// cowToISO reads text_to_CAMEO's country table into Correlates-of-War
// number → ISO alpha-3.
func cowToISO(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	cow := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Split(strings.TrimSpace(line), "\t")
		if len(f) == 3 && len(f[1]) == 3 && f[2] != "000" {
			if _, dup := cow[strings.TrimLeft(f[2], "0")]; !dup {
				cow[strings.TrimLeft(f[2], "0")] = f[1]
			}
		}
	}
	return cow, nil
}

func (b *builder) reign(path, cowPath string) error {
	cow, err := cowToISO(cowPath)
	if err != nil {
		return err
	}
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	r := csv.NewReader(fh)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	for i, row := range rows {
		if i == 0 || len(row) < 9 {
			continue
		}
		iso := cow[strings.TrimLeft(row[1], "0")]
		if iso == "" || !b.countries[iso] {
			continue
		}
		name := strings.TrimSpace(row[3])
		key := normalizePhrase(name)
		if key == "" || b.curatedPpl[key] || stopSurname[key] || b.curatedSurname[iso+"|"+key] {
			continue // covered by the curated table, or a common word ("May")
		}
		sd, _ := strconv.Atoi(row[4])
		sm, _ := strconv.Atoi(row[5])
		sy, _ := strconv.Atoi(row[6])
		em, _ := strconv.Atoi(row[7])
		ey, _ := strconv.Atoi(row[8])
		if sy == 0 {
			continue
		}
		e := Entry{Kind: KindPerson, Code: iso + "GOV", Country: iso, Role: "GOV", Name: name, Office: "leader",
			From: sy*10000 + max(sm, 1)*100 + max(sd, 1), Flags: FlagProper, Source: "reign"}
		e.To = reignVintage // still in office when REIGN was released
		e.Flags |= FlagOpen
		if ey > 0 {
			e.Flags &^= FlagOpen
			if em < 1 {
				em = 12
			}
			e.To = ey*10000 + em*100 + lastDay(ey, em)
		}
		b.emit(key, e)
	}
	return nil
}

func lastDay(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// archigos reads Archigos 4.1's leader-years (1875–2015), collapsed into
// tenures: the effective leader of each country, named by the full name of
// the leader's DBpedia resource when there is one ("Winston Churchill"),
// else by Archigos's own (usually the surname).
func (b *builder) archigos(path, cowPath string) error {
	cow, err := cowToISO(cowPath)
	if err != nil {
		return err
	}
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	zr, err := gzip.NewReader(fh)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	type tenure struct {
		iso, name  string
		from, to   int
		open       bool
		firstOrder int
	}
	tenures := map[string]*tenure{}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		f := strings.Split(sc.Text(), "\t")
		if n == 1 || len(f) < 18 {
			continue
		}
		iso := cow[strings.TrimLeft(f[2], "0")]
		from, err1 := parseISODate(f[5])
		to, err2 := parseISODate(f[6])
		if iso == "" || !b.countries[iso] || err1 != nil || err2 != nil {
			continue
		}
		name := strings.TrimSpace(f[4])
		if uri := f[17]; strings.HasPrefix(uri, "http://dbpedia.org/resource/") {
			full := strings.ReplaceAll(strings.TrimPrefix(uri, "http://dbpedia.org/resource/"), "_", " ")
			if i := strings.IndexByte(full, '('); i > 0 {
				full = strings.TrimSpace(full[:i])
			}
			if !strings.ContainsAny(full, "%,") && full != "" {
				name = full
			}
		}
		t, ok := tenures[f[0]]
		if !ok {
			t = &tenure{iso: iso, name: name, from: from, to: to, firstOrder: n}
			tenures[f[0]] = t
		}
		t.from, t.to = min(t.from, from), max(t.to, to)
		if f[8] == "Still in Office" {
			t.open = true // still in office when the data end (2015)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	for _, t := range tenures {
		key := normalizePhrase(t.name)
		if key == "" || b.curatedPpl[key] || stopSurname[key] || b.curatedSurname[t.iso+"|"+key] {
			continue
		}
		e := Entry{Kind: KindPerson, Code: t.iso + "GOV", Country: t.iso, Role: "GOV", Name: t.name, Office: "leader",
			From: t.from, To: t.to, Flags: FlagProper, Source: "archigos"}
		if t.open {
			e.Flags |= FlagOpen
		}
		b.emit(key, e)
	}
	return nil
}

// curatedRows calls fn with the 0-based line index and the tab-separated
// fields of every row of a curated table, skipping blank and "#" lines; a
// row with another number of fields than want is an error naming the line.
func curatedRows(name string, want int, fn func(line int, f []string) error) error {
	data, err := curatedFS.ReadFile(name)
	if err != nil {
		return err
	}
	for i, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != want {
			return fmt.Errorf("%s:%d: %d fields, want %d", name, i+1, len(f), want)
		}
		if err := fn(i, f); err != nil {
			return err
		}
	}
	return nil
}
