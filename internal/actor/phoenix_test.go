package actor

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/shared"
)

func TestParsePhoenix(t *testing.T) {
	in := `# a comment line
!TITLE! = ENVOY, ENVOYS

RURITANIA_  [RUR]
+RURITANIAN_
+KINGDOM_OF_RURITANIA_ # trailing comment

ANNA_VESTERGAARD_  # made-up person for this test
	[RURGOV 990101-031231]
	[RURELI >040101]
	[ELI]
J._DOE_	[IGOWSTNAT 151205-201006] [---]
HARBOR_WATCH_ {HARBOR_WATCHES} [~COP]
!TITLE! OF_PEACE [~GOV]
BAD_DATE_ [RURGOV 99x101-031231]
`
	es, err := ParsePhoenix(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []PhoenixEntry{
		{Phrases: []string{"ruritania", "ruritanian", "kingdom of ruritania"}, Codes: []DatedCode{{Code: "RUR"}}},
		{Phrases: []string{"anna vestergaard"}, Codes: []DatedCode{{"RURGOV", 19990101, 20031231}, {"RURELI", 20040101, 0}, {Code: "ELI"}}},
		{Phrases: []string{"j doe"}, Codes: []DatedCode{{"IGOWSTNAT", 20151205, 20201006}}},
		{Phrases: []string{"harbor watch", "harbor watches"}, Codes: []DatedCode{{Code: "COP"}}},
		{Phrases: []string{"envoy of peace", "envoys of peace"}, Codes: []DatedCode{{Code: "GOV"}}},
		{Phrases: []string{"bad date"}},
	}
	if len(es) != len(want) {
		t.Fatalf("got %d entries, want %d: %+v", len(es), len(want), es)
	}
	for i := range want {
		if !reflect.DeepEqual(es[i].Phrases, want[i].Phrases) {
			t.Errorf("entry %d phrases = %q, want %q", i, es[i].Phrases, want[i].Phrases)
		}
		if len(es[i].Codes) != len(want[i].Codes) || (len(want[i].Codes) > 0 && !reflect.DeepEqual(es[i].Codes, want[i].Codes)) {
			t.Errorf("entry %d codes = %+v, want %+v", i, es[i].Codes, want[i].Codes)
		}
	}
}

func TestParsePhoenixDate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"070901", 20070901}, {"451024", 19451024}, {"20041207", 20041207}, {"", 0},
		{"071301", -1}, {"0709", -1}, {"abc", -1}, {"070932", -1},
	} {
		if got := parsePhoenixDate(c.in, false); got != c.want {
			t.Errorf("parsePhoenixDate(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

// TestParseSharedPhoenix reads the real dictionaries: every file parses,
// with the entry counts and a few entries they are known to hold.
func TestParseSharedPhoenix(t *testing.T) {
	dir := shared.TestPath(t, "data", "phoenix")
	for _, c := range []struct {
		file   string
		min    int
		phrase string
		code   string
	}{
		{"Phoenix.Countries.actors.txt", 10000, "japan", "JPN"},
		{"Phoenix.International.actors.txt", 1000, "nato", "IGOWSTNAT"},
		{"Phoenix.MilNonState.actors.txt", 300, "", ""},
		{"Phoenix.agents.txt", 1500, "riot police", "COP"},
	} {
		es, err := ParsePhoenixFile(filepath.Join(dir, c.file))
		if err != nil {
			t.Fatal(err)
		}
		if len(es) < c.min {
			t.Errorf("%s: %d entries, want ≥ %d", c.file, len(es), c.min)
		}
		if c.phrase == "" {
			continue
		}
		found := false
		for _, e := range es {
			for _, p := range e.Phrases {
				if p == c.phrase {
					for _, cd := range e.Codes {
						found = found || cd.Code == c.code
					}
				}
			}
		}
		if !found {
			t.Errorf("%s: %q → %s not found", c.file, c.phrase, c.code)
		}
	}
}

// TestLoadPhoenix adds a user's dictionaries and checks that their
// entries are recognized, dated, and take precedence.
func TestLoadPhoenix(t *testing.T) {
	kb, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if err := kb.LoadPhoenix("testdata/user.actors.txt", "testdata/user.agents.txt"); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		date time.Time
		text string
		want []string
	}{
		{time.Date(2021, 5, 1, 0, 0, 0, 0, time.UTC), "Marta Quillfeather met the harbor wardens.",
			[]string{"Marta Quillfeather | FRAGOV | Marta Quillfeather", "harbor wardens | COP | "}},
		{time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), "Marta Quillfeather spoke for the Blue Lantern Society.",
			[]string{"Marta Quillfeather | NGO | Marta Quillfeather", "Blue Lantern Society | NGO | Blue Lantern Society"}},
	}
	for _, c := range cases {
		var got []string
		for _, m := range runDoc(kb, c.text, c.date) {
			got = append(got, normWant(describe(m)))
		}
		want := make([]string, len(c.want))
		for i, w := range c.want {
			want[i] = normWant(w)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s (%s):\n got %q\nwant %q", c.text, c.date.Format("2006-01-02"), got, want)
		}
	}
	if err := kb.LoadPhoenix("testdata/does-not-exist.txt", ""); err == nil || !os.IsNotExist(errUnwrapAll(err)) {
		t.Errorf("missing file: err = %v", err)
	}
}

func errUnwrapAll(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return err
		}
		err = u.Unwrap()
	}
}

// FuzzParsePhoenix: the dictionary parser never panics and every code it
// returns is well formed.
func FuzzParsePhoenix(f *testing.F) {
	f.Add("RURITANIA_ [RUR]\n+RURITANIAN_\n")
	f.Add("A_B_\n\t[RURGOV 990101-031231]\n\t[ELI]\n")
	f.Add("!X! = A, B\n!X! OF_C [~GOV]\n")
	f.Add("NAME_ {NAMES} [~COP] # c\n[ORPHAN]\n+ORPHAN\n")
	f.Add("[CODE >1]\nX [Y <99999999] [Z 1-2]")
	f.Fuzz(func(t *testing.T, in string) {
		es, err := ParsePhoenix(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, e := range es {
			for _, c := range e.Codes {
				if c.Code == "" || !isCode(c.Code) || c.From < 0 || c.To < 0 {
					t.Fatalf("bad code %+v from %q", c, in)
				}
			}
			for _, p := range e.Phrases {
				if p == "" || strings.Contains(p, "  ") {
					t.Fatalf("bad phrase %q from %q", p, in)
				}
			}
		}
	})
}
