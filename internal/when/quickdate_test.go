package when

import (
	"fmt"
	"testing"

	"github.com/dyad-events/dyad/event"
)

// sscanDate is how Time read every value before quickDate.
func sscanDate(v, prec string) (y, m, d int, ok bool) {
	switch prec {
	case event.PrecisionDay, event.PrecisionWeek:
		_, err := fmt.Sscanf(v, "%d-%d-%d", &y, &m, &d)
		return y, m, d, err == nil
	case event.PrecisionMonth:
		_, err := fmt.Sscanf(v, "%d-%d", &y, &m)
		return y, m, 1, err == nil
	case event.PrecisionYear, event.PrecisionDecade:
		_, err := fmt.Sscanf(v, "%d", &y)
		return y, 1, 1, err == nil
	}
	return 0, 0, 0, false
}

func TestQuickDateAsSscanf(t *testing.T) {
	values := []string{"2023-07-10", "2023-07", "2023", "1980", "0099-1-2", "2023-07-10-", "2023--07", "-2023", "2023-", "", "20x3", "2023-07-10x", "12345678901", "2023-7"}
	precs := []string{event.PrecisionDay, event.PrecisionWeek, event.PrecisionMonth, event.PrecisionYear, event.PrecisionDecade, "doc", ""}
	for _, v := range values {
		for _, p := range precs {
			y, m, d, ok := quickDate(v, p)
			if !ok {
				continue // Time falls back to Sscanf
			}
			y2, m2, d2, ok2 := sscanDate(v, p)
			if !ok2 || y != y2 || m != m2 || d != d2 {
				t.Errorf("quickDate(%q, %q) = %d %d %d, Sscanf %d %d %d %v", v, p, y, m, d, y2, m2, d2, ok2)
			}
		}
	}
	for _, c := range []struct{ v, p string }{{"2023-07-10", event.PrecisionDay}, {"2023-07", event.PrecisionMonth}, {"1980", event.PrecisionDecade}} {
		if _, _, _, ok := quickDate(c.v, c.p); !ok {
			t.Errorf("quickDate(%q, %q) not read", c.v, c.p)
		}
	}
}
