package text

import (
	"strings"
	"testing"
)

func TestSegment(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // sentence texts
	}{
		{"simple", "The talks ended. Both sides left.", []string{"The talks ended.", "Both sides left."}},
		{"question exclamation", "Is it over? Yes! It is.", []string{"Is it over?", "Yes!", "It is."}},
		{"?!", "Really?! We never knew.", []string{"Really?!", "We never knew."}},
		{"titles", "Gen. Ortiz met Sen. Blake and Mr. Doe. Dr. Roe came later.",
			[]string{"Gen. Ortiz met Sen. Blake and Mr. Doe.", "Dr. Roe came later."}},
		{"military ranks", "Lt. Col. Amos Reed spoke. Capt. Ng agreed.",
			[]string{"Lt. Col. Amos Reed spoke.", "Capt. Ng agreed."}},
		{"initials", "The book by J. R. R. Tolkien sold well. George W. Bush read it.",
			[]string{"The book by J. R. R. Tolkien sold well.", "George W. Bush read it."}},
		{"months", "It began on Sept. 11, 2001. Talks resumed in Jan. The deal held.",
			[]string{"It began on Sept. 11, 2001.", "Talks resumed in Jan.", "The deal held."}},
		{"company", "She joined Acme Corp. in May. Acme Inc. The firm grew.",
			[]string{"She joined Acme Corp. in May.", "Acme Inc.", "The firm grew."}},
		{"U.S.", "The U.S. Navy sailed. It reached the U.S. The crew rested.",
			[]string{"The U.S. Navy sailed.", "It reached the U.S.", "The crew rested."}},
		{"U.N. a.m.", "The U.N. vote is at 10 a.m. on Monday. Few expect a deal.",
			[]string{"The U.N. vote is at 10 a.m. on Monday.", "Few expect a deal."}},
		{"e.g. vs.", "Big states, e.g. Texas, voted. It was Smith vs. Jones. Jones won.",
			[]string{"Big states, e.g. Texas, voted.", "It was Smith vs. Jones.", "Jones won."}},
		{"No.", "He lives at No. 10 Downing Street. No. It is not.",
			[]string{"He lives at No. 10 Downing Street.", "No.", "It is not."}},
		{"quote after period", `He said, "We will go." Then he left.`,
			[]string{`He said, "We will go."`, "Then he left."}},
		{"curly quote after period", "She said: “It is over.” The room was silent.",
			[]string{"She said: “It is over.”", "The room was silent."}},
		{"quote then speech verb", `"Are you sure?" she asked. He nodded.`,
			[]string{`"Are you sure?" she asked.`, "He nodded."}},
		{"bracket after period", "It failed. (Nobody was hurt.) Work resumed.",
			[]string{"It failed.", "(Nobody was hurt.)", "Work resumed."}},
		{"enumeration", "1. Stop the war. 2. Start talks.",
			[]string{"1. Stop the war.", "2. Start talks."}},
		{"enumeration lines", "Goals:\n(a) growth\n(b) peace",
			[]string{"Goals:", "(a) growth", "(b) peace"}},
		{"headline", "Talks Collapse in Geneva\nThe talks collapsed on Monday.",
			[]string{"Talks Collapse in Geneva", "The talks collapsed on Monday."}},
		{"blank line", "First paragraph ends here\n\nSecond one.", []string{"First paragraph ends here", "Second one."}},
		{"missing space", "It signed a pact with NATO.Japan's envoy was there.",
			[]string{"It signed a pact with NATO.", "Japan's envoy was there."}},
		{"ellipsis inside", "We waited... and waited. Then it came.",
			[]string{"We waited... and waited.", "Then it came."}},
		{"ellipsis end", "We waited… Nothing happened.", []string{"We waited…", "Nothing happened."}},
		{"spaced ellipsis", "It stopped . . . Then it rained.", []string{"It stopped . . .", "Then it rained."}},
		{"spaced ellipsis inside", "They tried . . . to stop it.", []string{"They tried . . . to stop it."}},
		{"decimal", "Growth was 3.5 percent. Prices rose.", []string{"Growth was 3.5 percent.", "Prices rose."}},
		{"CJK", "本文转载自“China Daily”。作者:张梅。", []string{"本文转载自“China Daily”。", "作者:张梅。"}},
		{"emoticon", "Thanks a lot!! :-) See you.", []string{"Thanks a lot!! :-)", "See you."}},
		{"no final punctuation", "just a fragment", []string{"just a fragment"}},
		{"empty", "  \n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents := Segment(tt.in)
			var got []string
			for i, s := range sents {
				got = append(got, s.Text)
				if s.Index != i {
					t.Errorf("sentence %d has Index %d", i, s.Index)
				}
				if s.Text != tt.in[s.Start:s.End] {
					t.Errorf("sentence %d Text %q differs from its span", i, s.Text)
				}
				checkTokens(t, tt.in, 0, s.Tokens)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Segment(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestSegmentCapped checks that appending to one sentence's tokens does not
// overwrite the next sentence.
func TestSegmentCapped(t *testing.T) {
	sents := Segment("One. Two.")
	if len(sents) != 2 {
		t.Fatalf("got %d sentences", len(sents))
	}
	_ = append(sents[0].Tokens, sents[0].Tokens[0])
	if sents[1].Tokens[0].Form != "Two" {
		t.Errorf("append to sentence 0 clobbered sentence 1: %q", sents[1].Tokens[0].Form)
	}
}
