package demo

import (
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/internal/source"
)

// TestArticles reads every example article and checks the metadata each
// form should yield.
func TestArticles(t *testing.T) {
	arts, err := Articles()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		title, outlet, dateline, genre, reprinted, published string
		authors                                              []string
	}{
		"2015-07-14-vienna-nuclear-deal.txt":      {"Iran and six powers agree on limits to nuclear programme", "Dyad Demo Wire", "VIENNA", "news", "", "2015-07-14", []string{"Dana Whitfield", "Omid Farahani"}},
		"2018-04-27-panmunjom-summit.txt":         {"Leaders of the two Koreas pledge to end war at border summit", "Dyad Demo Wire", "PANMUNJOM", "news", "", "2018-04-27", []string{"Grace Han"}},
		"2018-04-28-panmunjom-summit-reprint.txt": {"Leaders of the two Koreas pledge to end war at border summit", "Dyad Demo Wire", "PANMUNJOM", "news", "Dyad Demo Wire", "2018-04-27", []string{"Han Jia"}},
		"2022-06-29-nato-madrid.txt":              {"NATO invites Finland and Sweden to join after Turkey lifts veto", "Dyad Demo Wire", "MADRID", "news", "", "2022-06-29", []string{"Lars Ekdahl"}},
		"2023-08-21-camp-david-opinion.txt":       {"Camp David gives Asia's democracies a standing habit of talking", "", "", "opinion", "The Dyad Review", "2023-08-21", []string{"Maya Sorensen", "Kenji Arakawa"}},
	}
	if len(arts) != len(want) {
		t.Fatalf("%d articles, want %d", len(arts), len(want))
	}
	for _, a := range arts {
		w, ok := want[a.Name]
		if !ok {
			t.Errorf("unexpected article %s", a.Name)
			continue
		}
		docs, errs := source.Parse(a.Name, a.Data)
		if len(errs) > 0 || len(docs) != 1 {
			t.Fatalf("%s: %v", a.Name, errs)
		}
		d := docs[0]
		var names []string
		for _, au := range d.Authors {
			names = append(names, au.Name)
		}
		got := []string{d.Title, d.Outlet, d.Dateline, d.Genre, d.ReprintedFrom, d.Published.Format(time.DateOnly), strings.Join(names, "; ")}
		exp := []string{w.title, w.outlet, w.dateline, w.genre, w.reprinted, w.published, strings.Join(w.authors, "; ")}
		for i := range got {
			if got[i] != exp[i] {
				t.Errorf("%s: field %d = %q, want %q", a.Name, i, got[i], exp[i])
			}
		}
		if d.Language != "en" {
			t.Errorf("%s: language %q", a.Name, d.Language)
		}
	}
}
