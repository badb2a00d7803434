package cameo

import "testing"

func TestLookup(t *testing.T) {
	tests := []struct {
		code      string
		gold      float64
		quad      int
		plover    string
		nameStart string
	}{
		{"042", 1.9, 1, "CONSULT/visit", "Make a visit"},
		{"057", 8.0, 1, "SUPPORT", "Sign formal agreement"},
		{"062", 7.4, 2, "COOPERATE", "Cooperate militarily"},
		{"111", -2.0, 3, "ACCUSE/disapprove", "Criticize or denounce"},
		{"190", -10.0, 4, "ASSAULT", "Use conventional military force"},
		{"1246", -4.0, 3, "REJECT/yield", "Refuse to de-escalate"},
	}
	for _, tt := range tests {
		c, ok := Lookup(tt.code)
		if !ok {
			t.Errorf("Lookup(%s) missing", tt.code)
			continue
		}
		if c.Goldstein(GDELT) != tt.gold {
			t.Errorf("%s Goldstein = %v, want %v", tt.code, c.Goldstein(GDELT), tt.gold)
		}
		if c.Quad(GDELT) != tt.quad {
			t.Errorf("%s quad = %d, want %d", tt.code, c.Quad(GDELT), tt.quad)
		}
		if c.PLOVERLabel() != tt.plover {
			t.Errorf("%s PLOVER = %q, want %q", tt.code, c.PLOVERLabel(), tt.plover)
		}
		if tt.nameStart != "" && (len(c.Name) < len(tt.nameStart) || c.Name[:len(tt.nameStart)] != tt.nameStart) {
			t.Errorf("%s name = %q, want prefix %q", tt.code, c.Name, tt.nameStart)
		}
	}
}

func TestQuadConventions(t *testing.T) {
	tests := []struct {
		code         string
		gdelt, icews int
		phoenix      int
	}{
		{"010", 1, 1, 0},
		{"020", 1, 1, 0},
		{"036", 1, 1, 1},
		{"070", 2, 2, 2},
		{"090", 3, 3, 3},
		{"141", 4, 3, 4},
		{"193", 4, 4, 4},
		{"x", -1, -1, -1},
		{"21", -1, -1, -1},
	}
	for _, tt := range tests {
		if g, i, p := QuadClass(tt.code, GDELT), QuadClass(tt.code, ICEWS), QuadClass(tt.code, Phoenix); g != tt.gdelt || i != tt.icews || p != tt.phoenix {
			t.Errorf("QuadClass(%s) = %d/%d/%d, want %d/%d/%d", tt.code, g, i, p, tt.gdelt, tt.icews, tt.phoenix)
		}
	}
}

func TestTableComplete(t *testing.T) {
	all := All()
	if len(all) < 300 {
		t.Fatalf("table has %d codes, want every CAMEO code (≥300)", len(all))
	}
	roots := map[string]bool{}
	for _, c := range all {
		if c.Name == "" {
			t.Errorf("%s has no name", c.Code)
		}
		roots[c.Root()] = true
		if g := c.Goldstein(GDELT); g < -10 || g > 10 {
			t.Errorf("%s Goldstein %v out of range", c.Code, g)
		}
	}
	if len(roots) != 20 {
		t.Errorf("%d roots, want 20", len(roots))
	}
	if Version() == "" {
		t.Error("no version")
	}
}

func TestGoldsteinTablesDiffer(t *testing.T) {
	c, _ := Lookup("016") // one of the codes where the tables disagree
	if c.Goldstein(GDELT) == c.Goldstein(ICEWS) {
		t.Errorf("016: GDELT and ICEWS values should differ, both %v", c.Goldstein(GDELT))
	}
}

func BenchmarkLookup(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Lookup("0311")
	}
}

func TestPhoenixTable(t *testing.T) {
	c, _ := Lookup("1246")
	if got := c.Goldstein(Phoenix); got != -5 {
		t.Errorf("1246 Phoenix Goldstein = %v, want -5", got)
	}
}
