// Package cameo holds the CAMEO event code table: every code with its name,
// Goldstein value (GDELT's table by default; ICEWS and Phoenix selectable),
// QuadClass (GDELT, ICEWS or Phoenix convention) and the PLOVER category and
// mode of the 2021 CAMEO→PLOVER crosswalk.
//
// The table is versioned data with provenance: cameo.tsv is compiled by
// gen.go (`go generate ./internal/cameo`) from the shared data folder and
// embedded; its header names the sources and their licenses.
package cameo

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:generate go run gen.go

//go:embed cameo.tsv
var tableTSV string

// Convention selects a Goldstein table and a QuadClass rule.
type Convention int

// Conventions. GDELT is the default.
const (
	GDELT Convention = iota
	ICEWS
	Phoenix
)

// ParseConvention reads "gdelt", "icews" or "phoenix".
func ParseConvention(s string) (Convention, error) {
	switch strings.ToLower(s) {
	case "", "gdelt":
		return GDELT, nil
	case "icews":
		return ICEWS, nil
	case "phoenix":
		return Phoenix, nil
	}
	return GDELT, fmt.Errorf("unknown CAMEO convention %q (want gdelt, icews or phoenix)", s)
}

// Code is one CAMEO event code.
type Code struct {
	Code string // "042"
	Name string
	// Goldstein values by table; HasGoldstein tells which are given.
	goldstein    [3]float64
	hasGoldstein [3]bool
	PLOVER       string // PLOVER category, e.g. "CONSULT"; "" when the crosswalk has none
	PLOVERMode   string // PLOVER mode, e.g. "visit"; often ""
	PLOVERCtx    string // PLOVER context, e.g. "diplomatic"
}

// Root is the two-digit root of the code ("04" for "042").
func (c Code) Root() string { return Root(c.Code) }

// Goldstein returns the code's Goldstein value (-10 … +10) in convention
// conv, falling back to GDELT's table, then ICEWS's, when conv gives none.
func (c Code) Goldstein(conv Convention) float64 {
	for _, k := range []Convention{conv, GDELT, ICEWS, Phoenix} {
		if c.hasGoldstein[k] {
			return c.goldstein[k]
		}
	}
	return 0
}

// Quad returns the code's QuadClass in convention conv (see QuadClass).
func (c Code) Quad(conv Convention) int { return QuadClass(c.Code, conv) }

// PLOVERLabel is "CATEGORY" or "CATEGORY/mode", "" when unmapped.
func (c Code) PLOVERLabel() string {
	if c.PLOVER == "" || c.PLOVERMode == "" {
		return c.PLOVER
	}
	return c.PLOVER + "/" + c.PLOVERMode
}

// Version is the version of the embedded table.
func Version() string { load(); return version }

var (
	once    sync.Once
	codes   map[string]*Code
	sorted  []string
	version string
)

func load() {
	once.Do(func() {
		codes = map[string]*Code{}
		for _, line := range strings.Split(tableTSV, "\n") {
			if strings.HasPrefix(line, "# version: ") {
				version = strings.TrimPrefix(line, "# version: ")
				continue
			}
			if line == "" || line[0] == '#' || strings.HasPrefix(line, "code\t") {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) < 8 {
				panic("cameo: malformed embedded table line: " + line) // build-time data, not user input
			}
			c := &Code{Code: f[0], Name: f[1], PLOVER: f[5], PLOVERMode: f[6], PLOVERCtx: f[7]}
			for i := 0; i < 3; i++ {
				if v, err := strconv.ParseFloat(f[2+i], 64); err == nil {
					c.goldstein[i], c.hasGoldstein[i] = v, true
				}
			}
			codes[c.Code] = c
			sorted = append(sorted, c.Code)
		}
		sort.Strings(sorted)
		// PLOVER is given at root level for many codes: inherit it.
		for _, k := range sorted {
			c := codes[k]
			if c.PLOVER != "" {
				continue
			}
			for p := k[:len(k)-1]; len(p) >= 2; p = p[:len(p)-1] {
				if pc, ok := codes[p]; ok && pc.PLOVER != "" {
					c.PLOVER, c.PLOVERCtx = pc.PLOVER, pc.PLOVERCtx
					break
				}
			}
		}
	})
}

// Lookup returns the code's entry.
func Lookup(code string) (Code, bool) {
	load()
	c, ok := codes[code]
	if !ok {
		return Code{}, false
	}
	return *c, true
}

// Valid reports whether code is a CAMEO event code of the table.
func Valid(code string) bool { _, ok := Lookup(code); return ok }

// All returns every code in the table, sorted.
func All() []Code {
	load()
	out := make([]Code, len(sorted))
	for i, k := range sorted {
		out[i] = *codes[k]
	}
	return out
}

// Root is the two-digit root of a CAMEO code; "" for a malformed code.
func Root(code string) string {
	if len(code) < 2 {
		return ""
	}
	return code[:2]
}

// QuadClass returns the QuadClass of a code:
// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
// 4 material conflict, 0 neutral (Phoenix only), -1 for a malformed code.
//
//   - GDELT: roots 01–05 → 1, 06–08 → 2, 09–13 → 3, 14–20 → 4.
//   - ICEWS: as GDELT but protests (14) count as verbal conflict:
//     01–05 → 1, 06–08 → 2, 09–14 → 3, 15–20 → 4.
//   - Phoenix: statements and appeals (01, 02) are neutral (0); the rest as GDELT.
func QuadClass(code string, conv Convention) int {
	r, err := strconv.Atoi(Root(code))
	if err != nil || r < 1 || r > 20 {
		return -1
	}
	switch {
	case conv == Phoenix && r <= 2:
		return 0
	case r <= 5:
		return 1
	case r <= 8:
		return 2
	case r <= 13 || (conv == ICEWS && r == 14):
		return 3
	}
	return 4
}
