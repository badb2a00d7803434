package conllu

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzRead: any input gives sentences or an error naming a line, never a
// panic; what Read accepts, Write writes so that Read gives the same
// tokens back.
func FuzzRead(f *testing.F) {
	f.Add("# text = Boats sail.\n1\tBoats\tboat\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_\n2\tsail\tsail\tVERB\tVBP\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n")
	f.Add("1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n2.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n")
	f.Add("1\tx\t_\t_\t_\t_\tnine\t_\t_\t_\n")
	f.Add("# only a comment\n\n\r\n1\ta\tb\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := Read(strings.NewReader(in))
		if err != nil {
			if !strings.Contains(err.Error(), "line ") {
				t.Fatalf("error without a line number: %v", err)
			}
			return
		}
		var buf bytes.Buffer
		if err := Write(&buf, sents); err != nil {
			t.Fatal(err)
		}
		again, err := Read(&buf)
		if err != nil {
			t.Fatalf("re-reading what Write wrote: %v\n%s", err, buf.String())
		}
		if len(again) != len(sents) {
			t.Fatalf("%d sentences, %d after a round trip", len(sents), len(again))
		}
		for i := range sents {
			a, b := sents[i].Tokens, again[i].Tokens
			if len(a) != len(b) {
				t.Fatalf("sentence %d: %d tokens, %d after a round trip", i, len(a), len(b))
			}
			for j := range a {
				if a[j].ID != b[j].ID || a[j].Form != b[j].Form || a[j].Head != b[j].Head || a[j].SpaceAfter != b[j].SpaceAfter {
					t.Fatalf("sentence %d token %d: %+v, after a round trip %+v", i, j, a[j], b[j])
				}
			}
		}
	})
}
