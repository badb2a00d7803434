package text

import "testing"

// TestWrapWidth: hard-wrapped text reports its line width; text whose
// line breaks end paragraphs, or with too few or too short lines, is 0.
func TestWrapWidth(t *testing.T) {
	wrapped := "The harbour board said on Tuesday that the new\n" +
		"cranes would be delivered in the spring and that\n" +
		"work on the eastern quay would start soon after,\n" +
		"once the dredging of the channel had finished.\n"
	tests := []struct {
		name, in string
		want     int
	}{
		{"hard-wrapped", wrapped, 48},
		{"hard-wrapped, CRLF", "The harbour board said on Tuesday that the new\r\n" +
			"cranes would be delivered in the spring and that\r\n" +
			"work on the eastern quay would start soon after,\r\n" +
			"once the dredging of the channel had finished.", 48},
		{"blank lines between", "The harbour board said on Tuesday that the new\n\n" +
			"cranes would be delivered in the spring and that\n\n" +
			"work on the eastern quay would start soon after,\n\n" +
			"once the dredging of the channel had finished.\n", 48},
		{"three lines", "The harbour board said on Tuesday that the new\n" +
			"cranes would be delivered in the spring and that\n" +
			"work on the eastern quay would start soon after.\n", 0},
		{"paragraph per line", "The harbour board met on Tuesday.\n" +
			"It said that the new cranes would be delivered in the spring, and that work on the eastern quay would start soon after.\n" +
			"Dredging goes on.\nNo date was set.\n", 0},
		{"short lines", "one\ntwo\nthree\nfour\nfive\n", 0},
		{"ragged", "The harbour board said on Tuesday that the new\nyes\nno\nmaybe\nlater\n", 0},
		{"empty", "", 0},
	}
	for _, tc := range tests {
		if got := wrapWidth(tc.in); got != tc.want {
			t.Errorf("%s: wrapWidth = %d, want %d", tc.name, got, tc.want)
		}
	}
}
