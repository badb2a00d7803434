package text

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dyad-events/dyad/event"
)

func forms(toks []event.Token) string {
	f := make([]string, len(toks))
	for i, t := range toks {
		f[i] = t.Form
	}
	return strings.Join(f, " ")
}

// checkTokens verifies the invariants every tokenization must hold:
// offsets in bounds and increasing, Form equal to the text it spans, IDs
// counting from 1, SpaceAfter matching the text.
func checkTokens(t *testing.T, s string, base int, toks []event.Token) {
	t.Helper()
	prev := base
	for i, tk := range toks {
		if tk.ID != i+1 {
			t.Errorf("%q: token %d has ID %d", s, i, tk.ID)
		}
		if tk.Start < prev || tk.End <= tk.Start || tk.End-base > len(s) {
			t.Fatalf("%q: token %d %q has span [%d,%d) after %d", s, i, tk.Form, tk.Start, tk.End, prev)
		}
		if got := s[tk.Start-base : tk.End-base]; got != tk.Form {
			t.Errorf("%q: token %d Form %q but text %q", s, i, tk.Form, got)
		}
		if want := spaceAt(s, tk.End-base); tk.SpaceAfter != want {
			t.Errorf("%q: token %d %q SpaceAfter %v", s, i, tk.Form, tk.SpaceAfter)
		}
		prev = tk.End
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"negation", "They don't know.", "They do n't know ."},
		{"can't", "We can't stay", "We ca n't stay"},
		{"won't", "It won't rain", "It wo n't rain"},
		{"ain't curly", "That ain’t so", "That ai n’t so"},
		{"cannot", "You cannot win", "You can not win"},
		{"gonna", "I'm gonna go, wanna come? Gotta run", "I 'm gon na go , wan na come ? Got ta run"},
		{"no apostrophe", "i dont know im late", "i do nt know i m late"},
		{"possessive", "the minister's plan and Russia’s army", "the minister 's plan and Russia ’s army"},
		{"plural possessive", "the states' rights", "the states ' rights"},
		{"clitics", "they're, we'll, you've, she'd, I'm", "they 're , we 'll , you 've , she 'd , I 'm"},
		{"let's", "Let's go", "Let 's go"},
		{"detached clitic", "Smith 's dog", "Smith 's dog"},
		{"clitic after abbreviation", "Acme Inc.'s profit and the U.S.'s debt", "Acme Inc. 's profit and the U.S. 's debt"},
		{"name apostrophe", "O'Neill met D'Souza", "O'Neill met D'Souza"},
		{"U.S.", "the U.S. Army and the U.K. government", "the U.S. Army and the U.K. government"},
		{"hyphen U.S.", "non-U.S. citizens", "non-U.S. citizens"},
		{"U.S. final", "They went to the U.S.", "They went to the U.S ."},
		{"etc. final", "apples, pears, etc. The end", "apples , pears , etc . The end"},
		{"etc. inside", "pears, etc. were sold", "pears , etc. were sold"},
		{"month", "on Sept. 11 and Jan. 3", "on Sept. 11 and Jan. 3"},
		{"No. 10", "No. 10 Downing Street", "No. 10 Downing Street"},
		{"no. final", "she said no.", "she said no ."},
		{"titles", "Mr. Smith and Gen. Milley and Dr. Who", "Mr. Smith and Gen. Milley and Dr. Who"},
		{"initials", "J. R. R. Tolkien and George W. Bush", "J. R. R. Tolkien and George W. Bush"},
		{"a.m.", "at 9 a.m. sharp", "at 9 a.m. sharp"},
		{"e.g.", "fruit, e.g. apples", "fruit , e.g. apples"},
		{"company", "Acme Inc. and Foo Corp. agreed", "Acme Inc. and Foo Corp. agreed"},
		{"double period", "sold to Acme, Inc..", "sold to Acme , Inc. ."},
		{"decimal", "grew 3.5 percent", "grew 3.5 percent"},
		{"thousands", "1,000 people and 2,500,000 dollars", "1,000 people and 2,500,000 dollars"},
		{"money percent", "$5 or 12% or €3", "$ 5 or 12 % or € 3"},
		{"time", "at 10:30 or 7:30PM", "at 10:30 or 7:30 PM"},
		{"units", "a 35mm lens, 5pm, the 1980s, 21st", "a 35 mm lens , 5 pm , the 1980s , 21st"},
		{"date slash", "on 9/11 and 11/28/2000", "on 9/11 and 11/28/2000"},
		{"word slash", "and/or", "and / or"},
		{"phone", "call 713-853-3989 or 345-9945", "call 713-853-3989 or 345-9945"},
		{"range", "in 1969-1970 and 3-5 days", "in 1969 - 1970 and 3 - 5 days"},
		{"url", "see http://www.example.org/a/b?c=1.", "see http://www.example.org/a/b?c=1 ."},
		{"url paren", "(see www.example.com/x)", "( see www.example.com/x )"},
		{"email", "mail jane.doe@example.co.uk, please", "mail jane.doe@example.co.uk , please"},
		{"domain", "visit Amazon.com today", "visit Amazon.com today"},
		{"domain capital", "posted via Newsfeed.Com today", "posted via Newsfeed.Com today"},
		{"missing space", "with NATO.Japan's minister", "with NATO . Japan 's minister"},
		{"hyphen names", "Japan-US ties and the Russia-Ukraine war", "Japan - US ties and the Russia - Ukraine war"},
		{"so-called", "the so-called order", "the so - called order"},
		{"prefix", "a non-NATO country, pre-war, e-mail, anti-war", "a non-NATO country , pre-war , e-mail , anti-war"},
		{"AT&T", "AT&T and PG&E", "AT&T and PG&E"},
		{"quotes straight", `he said "yes" and 'no'`, `he said " yes " and ' no '`},
		{"quotes curly", "he said “yes” and ‘no’", "he said “ yes ” and ‘ no ’"},
		{"dashes", "peace—or war – now -- later", "peace — or war – now -- later"},
		{"ellipsis", "wait... what… ok", "wait ... what … ok"},
		{"?!", "Really?! No!!", "Really ?! No !!"},
		{"brackets", "(a) [b] {c}", "( a ) [ b ] { c }"},
		{"emoticon", "great :) really :-(", "great :) really :-("},
		{"hashtag", "join #audiobooks now", "join #audiobooks now"},
		{"handle", "thanks @press_office! #1", "thanks @press_office ! # 1"},
		{"CJK", "本文转载自“China Daily”。", "本文转载自 “ China Daily ” 。"},
		{"CJK date", "首发于2023年7月10日", "首发于 2023 年 7 月 10 日"},
		{"accents", "Müller and Škoda café", "Müller and Škoda café"},
		{"combining", "cafe\u0301 au lait", "cafe\u0301 au lait"},
		{"nbsp", "ten\u00a0dollars", "ten dollars"},
		{"emoji", "great 👍🏽 and 👨‍👩‍👧 ok ❤️!", "great 👍🏽 and 👨‍👩‍👧 ok ❤️ !"},
		{"empty", "", ""},
		{"spaces", " \t\n ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.in, 0)
			if got := forms(toks); got != tt.want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.in, got, tt.want)
			}
			checkTokens(t, tt.in, 0, toks)
		})
	}
}

func TestTokenizeBase(t *testing.T) {
	s := "He didn't."
	toks := Tokenize(s, 100)
	checkTokens(t, s, 100, toks)
	if toks[0].Start != 100 || toks[len(toks)-1].End != 100+len(s) {
		t.Errorf("offsets not shifted by base: %+v", toks)
	}
	// The parts of a multiword token share its span without gaps.
	if toks[1].Form != "did" || toks[2].Form != "n't" || toks[1].End != toks[2].Start || toks[1].SpaceAfter {
		t.Errorf("multiword token split wrong: %+v %+v", toks[1], toks[2])
	}
}

func TestTokenizeInvalidUTF8(t *testing.T) {
	s := "ab\xff\xfecd \xe6\x97 日本\x80"
	toks := Tokenize(s, 0)
	checkTokens(t, s, 0, toks)
	for _, tk := range toks {
		if utf8.ValidString(tk.Form) {
			continue
		}
		for _, r := range tk.Form {
			if r != utf8.RuneError {
				t.Errorf("token %q mixes valid and invalid UTF-8", tk.Form)
			}
		}
	}
	var b strings.Builder
	for _, tk := range toks {
		b.WriteString(tk.Form)
	}
	if got, want := b.String(), strings.Join(strings.Fields(s), ""); got != want {
		t.Errorf("tokens lose bytes: %q, want %q", got, want)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"They don't know the U.S. plan.", "NATO.Japan's", "J. R. R. Tolkien", "3.5% of $1,000",
		"http://x.org/a.", "a@b.co", "本文“China”。", "\xff\xfe", "'s n't", "Inc..", "5pm 1980s",
		"“quoted”—dash…", "713-853-3989", ":-) #tag", "non-NATO so-called",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s, 7)
		checkTokens(t, s, 7, toks)
		for _, sent := range Segment(s) {
			if sent.Start < 0 || sent.End > len(s) || sent.Start >= sent.End || s[sent.Start:sent.End] != sent.Text {
				t.Fatalf("bad sentence span [%d,%d) in %q", sent.Start, sent.End, s)
			}
			for _, tk := range sent.Tokens {
				if tk.Start < sent.Start || tk.End > sent.End || s[tk.Start:tk.End] != tk.Form {
					t.Fatalf("token %q [%d,%d) outside its sentence [%d,%d)", tk.Form, tk.Start, tk.End, sent.Start, sent.End)
				}
			}
		}
	})
}

// TestTokenizeAllocs checks that tokenizing allocates only the token slice
// (forms are substrings; no per-token allocation): at most one growth of
// the slice beyond its estimated size, for a sentence dense in punctuation.
func TestTokenizeAllocs(t *testing.T) {
	s := "Japan's minister didn't attend the U.S.-Japan talks on Sept. 11, 2001; they're gonna meet 3.5 times at 10:30 a.m. (e-mail: a@b.org)."
	if n := testing.AllocsPerRun(100, func() { Tokenize(s, 0) }); n > 2 {
		t.Errorf("Tokenize allocates %.0f times per call, want at most 2", n)
	}
	if n := testing.AllocsPerRun(100, func() { Segment(s) }); n > 3 {
		t.Errorf("Segment allocates %.0f times per call, want at most 3", n)
	}
	long := strings.Repeat(s+" ", 50)
	if n := testing.AllocsPerRun(10, func() { Segment(long) }); n > 4 {
		t.Errorf("Segment of %d bytes allocates %.0f times, want at most 4", len(long), n)
	}
}
