package lexicon

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// a tiny WordNet-format dict folder, invented for the test
var fakeWordNet = map[string]string{
	"index.noun": "  1 license header line\nrun n 2 1 @ 2 1 00000001 00000002  \ncat n 1 1 @ 1 0 00000003  \nparis n 1 1 @ 1 0 00000004  \nbox n 1 1 @ 1 0 00000005  \nchild n 1 1 @ 1 1 00000006  \nice_cream n 1 1 @ 1 0 00000007  \n",
	"index.verb": "run v 3 1 @ 3 2 00000011 00000012 00000013  \nbox v 1 1 @ 1 0 00000014  \nhope v 1 1 @ 1 0 00000015  \n",
	"index.adj":  "big a 1 1 & 1 1 00000021  \ngood a 1 1 & 1 1 00000022  \n",
	"index.adv":  "fast r 1 1 \\ 1 0 00000031  \n",
	"data.noun":  "  1 license header line\n00000001 04 n 01 run 0 000 | a gloss\n00000003 05 n 02 cat 0 Cat 1 000 | a gloss\n00000004 15 n 01 Paris 0 000 | a gloss\n00000006 18 n 01 child 0 000 | a gloss\n",
	"data.verb":  "00000011 38 v 01 run 0 000 | a gloss\n",
	"data.adj":   "00000021 00 a 01 big(a) 0 000 | a gloss\n",
	"data.adv":   "",
	"noun.exc":   "children child\n",
	"verb.exc":   "ran run\nrunning run\nwent go\n",
	"adj.exc":    "better good\nbest good\nbigger big\n",
	"adv.exc":    "",
}

func buildFake(t *testing.T) *Lexicon {
	t.Helper()
	dir := t.TempDir()
	for name, text := range fakeWordNet {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	st, err := Build(dir, &buf)
	if err != nil {
		t.Fatal(err)
	}
	if st.Lemmas != 9 || st.Proper != 1 {
		t.Errorf("stats %+v, want 9 lemmas (multi-word left out), 1 proper", st)
	}
	var again bytes.Buffer
	if _, err := Build(dir, &again); err != nil || !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Errorf("Build is not deterministic (err %v)", err)
	}
	l, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestBuildAndLookup(t *testing.T) {
	l := buildFake(t)
	for _, tc := range []struct {
		word string
		want string
	}{
		{"run", "nvV"},       // both; verb sense-tagged more often
		{"runs", "sz"},       // no entry of its own: plural noun and verb -s by rule
		{"ran", "d"},         // irregular past from verb.exc
		{"running", "g"},     // verb.exc
		{"hoping", "g"},      // rule ing → e
		{"hoped", "d"},       // rule ed → e
		{"cat", "nNp"},       // listed capitalized and lower-case
		{"cats", "s"},        // plural by rule
		{"paris", "nNP"},     // only capitalized: a proper name
		{"boxes", "sz"},      // xes → x (noun), es → "" (verb)
		{"children", "s"},    // noun.exc
		{"went", ""},         // go is not in this WordNet
		{"better", "c"},      // adj.exc
		{"best", "t"},        // adj.exc
		{"bigger", "c"},      // adj.exc
		{"big", "aA"},        // marker (a) stripped
		{"fast", "rR"},       // adverb; dominant by its sense count
		{"ice_cream", ""},    // multi-word lemmas left out
		{"self-run", "nvVh"}, // the part after the hyphen
		{"xyzzy", ""},
	} {
		if got := l.Lookup([]byte(tc.word)).String(); got != tc.want {
			t.Errorf("Lookup(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

func TestBase(t *testing.T) {
	l := buildFake(t)
	for _, tc := range []struct {
		word string
		pos  Class
		want string
	}{
		{"hoped", Verb, "hope"}, {"boxed", Verb, "box"}, {"boxes", Noun, "box"}, {"cats", Noun, "cat"},
		{"cats", Verb, ""}, {"biggest", Adj, ""} /* doubled consonant: exception lists only */, {"ran", Verb, ""},
	} {
		if got, ok := l.Base([]byte(tc.word), tc.pos); got != tc.want || ok != (tc.want != "") {
			t.Errorf("Base(%q, %s) = %q, %v, want %q", tc.word, tc.pos, got, ok, tc.want)
		}
	}
	if l.Entry([]byte("runs")) != 0 || l.Entry([]byte("run"))&Verb == 0 {
		t.Error("Entry should give the word's own entry only")
	}
}

func TestBuildMissingFolder(t *testing.T) {
	_, err := Build(filepath.Join(t.TempDir(), "none"), &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "index.noun") {
		t.Errorf("error %v, want one naming index.noun", err)
	}
}

func TestReadRejectsBadInput(t *testing.T) {
	for _, text := range []string{"run\n", "run\tnq\n", "\tn\n"} {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(text))
		zw.Close()
		if _, err := Read(&buf); err == nil {
			t.Errorf("Read(%q): no error", text)
		}
	}
	if _, err := Read(strings.NewReader("not gzip")); err == nil {
		t.Error("Read of non-gzip input: no error")
	}
}

func TestEmbedded(t *testing.T) {
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if l.Len() < 50000 {
		t.Errorf("embedded lexicon has %d words, want the WordNet single-word lemmas (> 50000)", l.Len())
	}
	for _, tc := range []struct {
		word string
		has  Class
	}{
		{"ran", VerbPast}, {"children", Plural}, {"monday", Proper | Noun}, {"quickly", Adv},
		{"houses", Plural | Verb3sg}, {"walking", VerbIng}, {"happier", Comparative},
	} {
		if got := l.Lookup([]byte(tc.word)); got&tc.has != tc.has {
			t.Errorf("Lookup(%q) = %s, want at least %s", tc.word, got, tc.has)
		}
	}
	if l.Fingerprint() == 0 {
		t.Error("zero fingerprint")
	}
}

// BenchmarkLookup looks up a mix of listed, inflected, hyphenated and
// unknown words.
func BenchmarkLookup(b *testing.B) {
	l, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	var words [][]byte
	for _, w := range strings.Fields("the house houses running ran happier well-known self-driving xyzzy cities paris quickly walked analyses of to") {
		words = append(words, []byte(w))
	}
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for _, w := range words {
			l.Lookup(w)
		}
	}
}
