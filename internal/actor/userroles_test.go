package actor

import (
	"reflect"
	"testing"
	"time"
)

// A user's agents file may name sectors of its own; with OnlyUserRoles
// the built-in role nouns no longer make mentions.
func TestOnlyUserRoles(t *testing.T) {
	kb, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if err := kb.LoadPhoenix("", "testdata/user.agents.txt"); err != nil {
		t.Fatal(err)
	}
	date := time.Date(2021, 5, 1, 0, 0, 0, 0, time.UTC)
	codes := func(text string) []string {
		var out []string
		for _, m := range runDoc(kb, text, date) {
			out = append(out, m.Code)
		}
		return out
	}
	cases := []struct {
		text       string
		all, users []string
	}{
		{"The French lantern keepers met the harbor wardens.", []string{"FRALKP", "COP"}, []string{"FRALKP", "COP"}},
		{"The mayor of Lyon met the harbor wardens.", []string{"FRAGOV", "COP"}, []string{"FRA", "COP"}},
	}
	for _, c := range cases {
		if got := codes(c.text); !reflect.DeepEqual(got, c.all) {
			t.Errorf("%s: got %q, want %q", c.text, got, c.all)
		}
	}
	kb.OnlyUserRoles()
	for _, c := range cases {
		if got := codes(c.text); !reflect.DeepEqual(got, c.users) {
			t.Errorf("OnlyUserRoles: %s: got %q, want %q", c.text, got, c.users)
		}
	}
}
