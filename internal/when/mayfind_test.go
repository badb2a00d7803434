package when

import (
	"os"
	"testing"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/shared"
	"github.com/dyad-events/dyad/internal/text"
)

func TestMayFind(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"The minister met his counterpart.", false},
		{"They talked about the weather and the trade deal.", false},
		{"The minister met his counterpart on Monday.", true},
		{"The war began in 2014.", true},
		{"Talks resumed yesterday.", true},
		{"Three weeks later, the talks resumed.", true},
		{"会谈于三月举行。", true},
		{"", false},
	} {
		s := &event.Sentence{Text: c.text}
		if got := MayFind(s); got != c.want {
			t.Errorf("MayFind(%q) = %v, want %v", c.text, got, c.want)
		}
		if !c.want {
			if ex := NewDoc(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)).Find(s); len(ex) > 0 {
				t.Errorf("MayFind(%q) false but Find gives %v", c.text, ex)
			}
		}
	}
	if MayFind(nil) {
		t.Error("MayFind(nil) = true")
	}
}

// TestMayFindSafe: over the seed article, a sentence MayFind rejects
// yields no expression and leaves the Doc's date anaphora state as it was,
// and MayFind accepts every sentence that yields one.
func TestMayFindSafe(t *testing.T) {
	b, err := os.ReadFile(shared.TestPath(t, "seed", "a-dangerous-trend.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d := NewDoc(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC))
	rejected := 0
	for _, s := range text.Segment(string(b)) {
		may := MayFind(&s)
		before := *d
		ex := d.Find(&s)
		if !may {
			rejected++
			if len(ex) > 0 || d.ref != before.ref || d.refP != before.refP || d.hasRef != before.hasRef {
				t.Errorf("MayFind false for %q, but Find gives %d expressions or moves the reference date", s.Text, len(ex))
			}
		}
	}
	if rejected == 0 {
		t.Error("MayFind rejected no sentence of the seed article")
	}
}
