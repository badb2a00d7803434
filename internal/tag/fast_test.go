package tag

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/shared"
)

// TestFeaturePartition: selfFeats, nbFeats of the four neighbours and
// pairFeats together are exactly static1 (as multisets), and dynTagFeats
// and dynRestFeats a first pass's dynamic, so that the cached sums score
// the same features.
func TestFeaturePartition(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	m := tg.m
	for _, line := range []string{"The Acme Corp. sold 1,200 well-known widgets to Paris .", "hello", "ALL CAPS HEADLINE HERE NOW", "a b", "Über café 3.5 %"} {
		forms := strings.Fields(line)
		info := make([]tokInfo, len(forms))
		analyze(info, forms, nil, m.ambOf, m.lex, false)
		for i := range info {
			want := static1(nil, info, i)
			got := selfFeats(nil, &info[i])
			got = nbFeats(got, at(info, i-1), nbM1)
			got = nbFeats(got, at(info, i-2), nbM2)
			got = nbFeats(got, at(info, i+1), nbP1)
			got = nbFeats(got, at(info, i+2), nbP2)
			got = pairFeats(got, info, i)
			if len(got) != nStatic1 || len(selfFeats(nil, &info[i]))+nPair+4+1+4+2 != nStatic1 {
				t.Fatalf("%q token %d: %d features, static1 has %d", line, i, len(got), nStatic1)
			}
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%q token %d: partition differs from static1", line, i)
			}
			for _, p := range [][2]int{{-1, -1}, {3, -1}, {0, 7}, {len(m.xpos) - 1, len(m.xpos) - 1}} {
				a, b := uint64(p[0]+2), uint64(p[1]+2)
				want := dynamic(nil, info, i, p[0], p[1], -1)
				got := dynRestFeats(dynTagFeats(nil, a, b), info, i, a)
				slices.Sort(want)
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Errorf("%q token %d tags %v: partition differs from dynamic", line, i, p)
				}
			}
		}
	}
	// packed sums hold 24 bits of weight: at most 2^8 features of 2^15
	if n := len(selfFeats(nil, &bosInfo)); n<<15 >= maxPacked {
		t.Errorf("%d self features may overflow a packed sum", n)
	}
}

// TestCachedEqualsReference: the word-cached first passes give the tags
// of scoring every feature (tagFormsRef), in both passes and the final
// one, on the test sentences and on EWT dev when available.
func TestCachedEqualsReference(t *testing.T) {
	tg, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	var sents [][]string
	f, err := os.Open(filepath.Join("testdata", "sentences.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			sents = append(sents, strings.Fields(line))
		}
	}
	// repeated and re-cased words exercise cache hits and variants
	sents = append(sents, []string{"the", "the", "THE", "The"}, []string{"The"}, []string{"x"},
		[]string{"US", "TROOPS", "LEAVE", "IRAQ"}, []string{"us", "troops", "leave", "iraq", "today"})
	if p, err := shared.Path("data", "ud", "english-ewt", "en_ewt-ud-dev.conllu.gz"); err == nil {
		gold, err := conllu.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range gold {
			var fs []string
			for _, tok := range g.Tokens {
				fs = append(fs, tok.Form)
			}
			sents = append(sents, fs)
		}
	} else {
		t.Logf("EWT dev not available (%v): test sentences only", err)
	}
	// a tiny cache generation: entries are dropped, reused and moved back
	defer func(n int) { maxWords = n }(maxWords)
	maxWords = 16
	fast, ref := &scratch{}, &scratch{}
	diff := 0
	for _, forms := range sents {
		fast.forms, ref.forms = forms, forms
		got := slices.Clone(tg.tagForms(fast))
		want := tg.tagFormsRef(ref)
		if !slices.Equal(got, want) || !slices.Equal(fast.first, ref.first) || !slices.Equal(fast.back, ref.back) {
			diff++
			if diff <= 5 {
				t.Errorf("%q: cached %v %v %v, reference %v %v %v", strings.Join(forms, " "), fast.first, fast.back, got, ref.first, ref.back, want)
			}
		}
	}
	if diff > 0 {
		t.Errorf("%d of %d sentences differ", diff, len(sents))
	}
}

// TestCachedEqualsReferenceTiny: the same on tiny trained models, with and
// without the backward first pass (without it the final pass decides every
// word).
func TestCachedEqualsReferenceTiny(t *testing.T) {
	sents, err := conllu.Read(strings.NewReader(tinyTreebank))
	if err != nil {
		t.Fatal(err)
	}
	for _, noBack := range []bool{false, true} {
		m, err := Train(sents, sents[:1], TrainOptions{Epochs: 3, Folds: 2, Prune: -1, NoBackward: noBack})
		if err != nil {
			t.Fatal(err)
		}
		if (m.pb == nil) != noBack {
			t.Fatalf("NoBackward %v: model has backward pass %v", noBack, m.pb != nil)
		}
		tg := New(m)
		fast, ref := &scratch{}, &scratch{}
		for _, line := range []string{"The envoys met in Lima .", "She met them .", "Talks were held in Oslo", "met met met", "."} {
			fast.forms = strings.Fields(line)
			ref.forms = fast.forms
			got := slices.Clone(tg.tagForms(fast))
			if want := tg.tagFormsRef(ref); !slices.Equal(got, want) || !slices.Equal(fast.first, ref.first) {
				t.Errorf("NoBackward %v, %q: cached %v (first %v), reference %v (first %v)", noBack, line, got, fast.first, want, ref.first)
			}
		}
	}
}
