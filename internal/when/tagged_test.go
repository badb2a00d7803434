package when

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/event"
)

// sent builds a sentence from "form/XPOS" or "form/XPOS/head/deprel"
// items separated by spaces (heads are 1-based token IDs, 0 the root);
// forms are joined by single spaces and offsets start at base. An XPOS of
// "." as head attaches a token to the root; "_" as XPOS leaves the token untagged; "Feats=…" in place of the XPOS sets Feats
// instead.
func sent(t *testing.T, base int, spec string) *event.Sentence {
	t.Helper()
	s := &event.Sentence{Start: base}
	var text strings.Builder
	for i, item := range strings.Fields(spec) {
		parts := strings.Split(item, "/")
		// the form may itself hold "/" (e.g. "./."): take fields from the right
		var form, xpos, deprel string
		head := 0
		switch {
		case len(parts) >= 4:
			n := len(parts)
			form, xpos, deprel = strings.Join(parts[:n-3], "/"), parts[n-3], parts[n-1]
			if parts[n-2] == "." {
				head = -1 // "./././punct": attach to the root
			} else {
				h, err := strconv.Atoi(parts[n-2])
				if err != nil {
					t.Fatalf("bad head in %q", item)
				}
				head = h
			}
		case len(parts) >= 2:
			n := len(parts)
			form, xpos = strings.Join(parts[:n-1], "/"), parts[n-1]
		default:
			t.Fatalf("bad token %q", item)
		}
		if i > 0 {
			text.WriteByte(' ')
		}
		start := base + text.Len()
		text.WriteString(form)
		tk := event.Token{ID: i + 1, Form: form, Start: start, End: start + len(form), SpaceAfter: true, Head: head, Deprel: deprel}
		switch {
		case strings.HasPrefix(xpos, "Feats="):
			tk.Feats = strings.TrimPrefix(xpos, "Feats=")
			tk.UPOS = "VERB"
		case xpos != "_":
			tk.XPOS = xpos
		}
		s.Tokens = append(s.Tokens, tk)
	}
	root := 0
	for _, tk := range s.Tokens {
		if tk.Head == 0 && tk.Deprel != "" {
			root = tk.ID
		}
	}
	for k := range s.Tokens {
		if s.Tokens[k].Head < 0 {
			s.Tokens[k].Head = root
		}
	}
	s.Text = text.String()
	s.End = base + len(s.Text)
	return s
}

var pub = time.Date(2023, 7, 10, 0, 0, 0, 0, time.UTC) // a Monday

func TestFindTagged(t *testing.T) {
	tests := []struct {
		name string
		spec string
		want []string // rendered expressions
	}{
		{"future aux in the tree",
			"The/DT/2/det leaders/NNS/4/nsubj will/MD/4/aux meet/VB/0/root on/IN/6/case Friday/NNP/4/obl ./././punct",
			[]string{"Friday => 2023-07-14 day"}},
		{"tree beats the nearest cue",
			"In/IN/2/case March/NNP/9/obl the/DT/4/det committee/NN/9/nsubj:pass that/WDT/7/nsubj will/MD/7/aux oversee/VB/4/acl:relcl was/VBD/9/aux:pass formed/VBN/0/root ./././punct",
			[]string{"March => 2023-03 month"}},
		{"present perfect is past",
			"Chile/NNP/3/nsubj has/VBZ/3/aux joined/VBN/0/root the/DT/5/det talks/NNS/3/obj in/IN/7/case September/NNP/3/obl ./././punct",
			[]string{"September => 2022-09 month"}},
		{"is expected to",
			"The/DT/2/det king/NN/4/nsubj:pass is/VBZ/4/aux:pass expected/VBN/0/root to/TO/6/mark visit/VB/4/xcomp in/IN/8/case March/NNP/6/obl ./././punct",
			[]string{"March => 2024-03 month"}},
		{"plans to, date on the object noun",
			"Ruto/NNP/2/nsubj plans/VBZ/0/root to/TO/4/mark open/VB/2/xcomp the/DT/6/det port/NN/4/obj in/IN/8/case July/NNP/6/nmod ./././punct",
			[]string{"July => 2023-07 month"}},
		{"reduced relative participle",
			"The/DT/2/det treaty/NN/6/nsubj signed/VBN/2/acl in/IN/5/case November/NNP/3/obl expired/VBD/0/root ./././punct",
			[]string{"November => 2022-11 month"}},
		{"tense from Feats without XPOS",
			"Rebels/_/2/nsubj attacked/Feats=Mood=Ind|Tense=Past|VerbForm=Fin/0/root on/_/4/case Thursday/_/2/obl ./_/2/punct",
			[]string{"Thursday => 2023-07-06 day"}},
		{"tags without a tree: nearest verb",
			"The/DT leaders/NNS will/MD meet/VB on/IN Friday/NNP ./.",
			[]string{"Friday => 2023-07-14 day"}},
		{"untagged tokens",
			"Talks/_ ended/_ on/_ Friday/_ ./_",
			[]string{"Friday => 2023-07-07 day"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := sent(t, 100, tc.spec)
			var got []string
			for _, e := range NewDoc(pub).Find(s) {
				got = append(got, render(e))
				if e.First < 0 || e.Last < e.First || e.Last >= len(s.Tokens) {
					t.Errorf("%q: token range %d..%d", e.Text, e.First, e.Last)
					continue
				}
				if s.Tokens[e.First].Start != e.Span[0] || s.Tokens[e.Last].End != e.Span[1] {
					t.Errorf("%q: span %v does not match tokens %d..%d", e.Text, e.Span, e.First, e.Last)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestGoverning(t *testing.T) {
	long := "In/IN/2/case March/NNP/5/obl ,/,/5/punct Lula/NNP/5/nsubj toured/VBD/0/root Angola/NNP/5/obj " +
		"and/CC/8/cc signed/VBD/5/conj deals/NNS/8/obj ,/,/13/punct and/CC/13/cc Lourenco/NNP/13/nsubj hopes/VBZ/5/conj " +
		"to/TO/15/mark visit/VB/13/xcomp the/DT/17/det capital/NN/15/obj in/IN/19/case July/NNP/15/obl ./././punct"
	attacks := "After/IN/5/case the/DT/5/det Nov./NNP/5/compound 26/CD/3/nummod raids/NNS/10/obl in/IN/7/case " +
		"2008/CD/5/nmod ,/,/10/punct India/NNP/10/nsubj tightened/VBD/0/root security/NN/10/obj ./././punct"
	following := "Following/VBG/9/advcl the/DT/4/det floods/NNS/1/obj in/IN/6/case 2019/CD/4/nmod ,/,/1/punct " +
		"the/DT/8/det army/NN/9/nsubj delivered/VBD/0/root tents/NNS/9/obj ./././punct"
	marked := "After/IN/3/mark they/PRP/3/nsubj met/VBD/9/advcl in/IN/5/case 2017/CD/3/obl ,/,/3/punct " +
		"the/DT/8/det pair/NN/9/nsubj married/VBD/0/root ./././punct"
	because := "Because/IN/3/mark prices/NNS/3/nsubj rose/VBD/7/advcl in/IN/5/case 2021/CD/3/obl ,/,/3/punct " +
		"voters/NNS/7/nsubj left/VBD/0/root ./././punct"
	relcl := "The/DT/2/det pact/NN/8/nsubj ,/,/5/punct signed/VBN/2/acl in/IN/6/case 2010/CD/4/obl ,/,/5/punct " +
		"lapsed/VBD/0/root ./././punct"
	tests := []struct {
		name string
		spec string
		verb int
		want string // expression text, "" for none
	}{
		{"own obl", long, 4, "March"},
		{"conjunct shares its first conjunct's date", long, 7, "March"},
		{"down into the xcomp", long, 12, "July"},
		{"xcomp verb itself", long, 14, "July"},
		{"time beats name modifier", attacks, 9, "2008"},
		{"date of a participle clause is its own", relcl, 7, ""},
		{"participle clause", relcl, 3, "2010"},
		{"temporal 'following' clause dates the main verb", following, 8, "2019"},
		{"temporal 'after' clause dates the main verb", marked, 8, "2017"},
		{"causal clause does not", because, 6, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := sent(t, 0, tc.spec)
			exprs := NewDoc(pub).Find(s)
			e, ok := Governing(s, exprs, tc.verb)
			got := ""
			if ok {
				got = e.Text
			}
			if got != tc.want {
				t.Errorf("Governing(%s) = %q, want %q (exprs %v)", s.Tokens[tc.verb].Form, got, tc.want, exprs)
			}
		})
	}
	// no tree: no answer
	s := sent(t, 0, "Talks/NNS ended/VBD in/IN 2010/CD ./.")
	if _, ok := Governing(s, NewDoc(pub).Find(s), 1); ok {
		t.Error("Governing without a tree found an expression")
	}
}

func TestTreeTenseNonFinite(t *testing.T) {
	tests := []struct{ spec, want string }{
		{"Officials/NNS/2/nsubj expect/VBP/0/root the/DT/4/det report/NN/2/obj to/TO/7/mark be/VB/7/aux:pass published/VBN/2/xcomp in/IN/9/case June/NNP/7/obl ./././punct",
			"June => 2024-06 month"},
		{"The/DT/2/det report/NN/5/nsubj:pass has/VBZ/5/aux been/VBN/5/aux:pass published/VBN/0/root in/IN/7/case September/NNP/5/obl ./././punct",
			"September => 2022-09 month"},
	}
	for _, tc := range tests {
		s := sent(t, 0, tc.spec)
		var got []string
		for _, e := range NewDoc(time.Date(2023, 8, 1, 0, 0, 0, 0, time.UTC)).Find(s) {
			got = append(got, render(e))
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("%s: got %q, want %q", s.Text, got, tc.want)
		}
	}
}
