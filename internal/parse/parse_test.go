package parse

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/conllu"
	"github.com/dyad-events/dyad/internal/shared"
)

func loadOrSkip(tb testing.TB) *Parser {
	tb.Helper()
	p, err := Load()
	if err != nil {
		tb.Skipf("no embedded model: %v", err)
	}
	return p
}

// loadSingleOrSkip returns the embedded beam model alone (not the
// combination Load may return).
func loadSingleOrSkip(tb testing.TB) *Parser {
	tb.Helper()
	p, err := LoadModel(ModelFile)
	if err != nil {
		tb.Skipf("no embedded model: %v", err)
	}
	return p
}

// checkTree fails unless heads form one tree: heads in range, exactly one
// root, no cycles, every relation named.
func checkTree(t testing.TB, toks []event.Token) {
	t.Helper()
	n := len(toks)
	roots := 0
	for i, tk := range toks {
		if tk.Head < 0 || tk.Head > n || tk.Head == i+1 {
			t.Fatalf("token %d: head %d out of range (n=%d)", i+1, tk.Head, n)
		}
		if tk.Head == 0 {
			roots++
			if tk.Deprel != "root" {
				t.Fatalf("token %d: root attached as %q", i+1, tk.Deprel)
			}
		} else if tk.Deprel == "" || tk.Deprel == "root" {
			t.Fatalf("token %d: relation %q under head %d", i+1, tk.Deprel, tk.Head)
		}
	}
	if n > 0 && roots != 1 {
		t.Fatalf("%d roots", roots)
	}
	for i := range toks {
		h, steps := i+1, 0
		for h != 0 {
			h = toks[h-1].Head
			if steps++; steps > n {
				t.Fatalf("cycle through token %d", i+1)
			}
		}
	}
}

// tokens builds a tagged sentence from "form/UPOS/XPOS[/lemma[/feats]]"
// items; the lemma defaults to the lowercased form.
func tokens(spec string) []event.Token {
	var out []event.Token
	for i, f := range strings.Fields(spec) {
		p := strings.Split(f, "/")
		t := event.Token{ID: i + 1, Form: p[0], Lemma: strings.ToLower(p[0]), UPOS: p[1], XPOS: p[2], Feats: "_"}
		if len(p) > 3 {
			t.Lemma = p[3]
		}
		if len(p) > 4 {
			t.Feats = p[4]
		}
		out = append(out, t)
	}
	return out
}

func TestParseSimple(t *testing.T) {
	p := loadOrSkip(t)
	cases := []struct {
		spec string
		want map[int]string // token → "head relation"
	}{
		{"Ministers/NOUN/NNS signed/VERB/VBD the/DET/DT treaty/NOUN/NN ./PUNCT/.",
			map[int]string{1: "2 nsubj", 2: "0 root", 3: "4 det", 4: "2 obj", 5: "2 punct"}},
		{"The/DET/DT talks/NOUN/NNS were/AUX/VBD/be/Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin held/VERB/VBN/hold/Tense=Past|VerbForm=Part|Voice=Pass in/ADP/IN Oslo/PROPN/NNP ./PUNCT/.",
			map[int]string{2: "4 nsubj:pass", 3: "4 aux:pass", 4: "0 root", 5: "6 case", 6: "4 obl"}},
		{"She/PRON/PRP gave/VERB/VBD up/ADP/RP ./PUNCT/.",
			map[int]string{1: "2 nsubj", 2: "0 root", 3: "2 compound:prt"}},
	}
	for _, c := range cases {
		s := event.Sentence{Tokens: tokens(c.spec)}
		p.Parse(&s)
		checkTree(t, s.Tokens)
		for id, want := range c.want {
			tk := s.Tokens[id-1]
			got := strings.Join([]string{itoa(tk.Head), tk.Deprel}, " ")
			if got != want {
				t.Errorf("%q token %d %s: got %q want %q", c.spec, id, tk.Form, got, want)
			}
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestLoadTime(t *testing.T) {
	b, err := modelFS.ReadFile(ModelFile)
	if err != nil {
		t.Skip("no embedded model")
	}
	t0 := time.Now()
	p, err := Read(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("model %.1f MB, %d+%d feature rows, %d labels, loaded in %v",
		float64(len(b))/1e6, len(p.trans.keys), len(p.label.keys), len(p.labels), time.Since(t0))
}

// smallModel keeps the first rows of p's tables: a model that writes and
// reads fast but still parses.
func smallModel(p *Parser, rows int) *Parser {
	tk, tw := p.trans.dense()
	lk, lw := p.label.dense()
	rt, rl := min(rows, len(tk)), min(rows, len(lk))
	K := len(p.labels)
	tr := &linear{K: numActs, scale: p.trans.scale, keys: append([]uint32(nil), tk[:rt]...), w: append([]int16(nil), tw[:rt*numActs]...)}
	lb := &linear{K: K, scale: p.label.scale, keys: append([]uint32(nil), lk[:rl]...), w: append([]int16(nil), lw[:rl*K]...)}
	tr.build()
	lb.build()
	return &Parser{trans: tr, label: lb, labels: p.labels, root: p.root, beam: p.beam, fset: p.fset}
}

func TestRoundTrip(t *testing.T) {
	p := smallModel(loadSingleOrSkip(t), 5000)
	var buf bytes.Buffer
	if err := p.Write(&buf); err != nil {
		t.Fatal(err)
	}
	q, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	s1 := event.Sentence{Tokens: tokens("We/PRON/PRP met/VERB/VBD them/PRON/PRP today/NOUN/NN ./PUNCT/.")}
	s2 := event.Sentence{Tokens: append([]event.Token(nil), s1.Tokens...)}
	p.Parse(&s1)
	q.Parse(&s2)
	for i := range s1.Tokens {
		if s1.Tokens[i] != s2.Tokens[i] {
			t.Fatalf("token %d differs after write/read: %+v vs %+v", i+1, s1.Tokens[i], s2.Tokens[i])
		}
	}
	// a model Read keeps only its tables; written again (rows rebuilt
	// from them) and read back it parses the same
	if q.trans.keys != nil || q.label.keys != nil {
		t.Error("Read kept the dense rows beside the tables")
	}
	var buf2 bytes.Buffer
	if err := q.Write(&buf2); err != nil {
		t.Fatal(err)
	}
	r, err := Read(&buf2)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.trans.b3) != len(q.trans.b3) || len(r.label.nz) != len(q.label.nz) {
		t.Errorf("tables differ after a second write/read: %d/%d slots, %d/%d weights", len(r.trans.b3), len(q.trans.b3), len(r.label.nz), len(q.label.nz))
	}
	s3 := event.Sentence{Tokens: append([]event.Token(nil), s1.Tokens...)}
	r.Parse(&s3)
	for i := range s1.Tokens {
		if s1.Tokens[i] != s3.Tokens[i] {
			t.Fatalf("token %d differs after a second write/read: %+v vs %+v", i+1, s1.Tokens[i], s3.Tokens[i])
		}
	}
	if _, err := Read(strings.NewReader("not a model")); err == nil {
		t.Fatal("garbage read as a model")
	}
}

// TestDevAccuracy parses EWT dev with gold tags; the floor sits a little
// below what the shipped model reaches, to catch regressions.
func TestDevAccuracy(t *testing.T) {
	p := loadOrSkip(t)
	path := shared.TestPath(t, "data", "ud", "english-ewt", "en_ewt-ud-dev.conllu.gz")
	sents, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	gold := make([][]event.Token, len(sents))
	for i := range sents {
		gold[i] = sents[i].Tokens
	}
	m := Evaluate(p, gold)
	t.Logf("EWT dev, gold tags: UAS %.2f LAS %.2f (%d words)", m.UAS(), m.LAS(), m.Words)
	if m.UAS() < 87.0 || m.LAS() < 85.0 {
		t.Errorf("UAS %.2f LAS %.2f below the floor 87.0/85.0", m.UAS(), m.LAS())
	}
}

func TestConcurrent(t *testing.T) {
	p := loadOrSkip(t)
	spec := "The/DET/DT council/NOUN/NN will/AUX/MD vote/VERB/VB on/ADP/IN Monday/PROPN/NNP ./PUNCT/."
	want := event.Sentence{Tokens: tokens(spec)}
	p.Parse(&want)
	done := make(chan []event.Token)
	for g := 0; g < 4; g++ {
		go func() {
			var s event.Sentence
			for k := 0; k < 50; k++ {
				s = event.Sentence{Tokens: tokens(spec)}
				p.Parse(&s)
			}
			done <- s.Tokens
		}()
	}
	for g := 0; g < 4; g++ {
		got := <-done
		for i := range got {
			if got[i] != want.Tokens[i] {
				t.Fatalf("concurrent parse differs at %d", i+1)
			}
		}
	}
}

var fuzzTags = []string{"NOUN", "VERB", "ADJ", "ADP", "DET", "PRON", "PUNCT", "AUX", "PROPN", "X", ""}

// FuzzParse feeds arbitrary words and tags: Parse must never panic and
// must always return one tree.
func FuzzParse(f *testing.F) {
	p, err := Load()
	if err != nil {
		f.Skip("no embedded model")
	}
	pb := p.WithBeam(3)
	if p.Beam() > 1 {
		pb = p.WithBeam(1)
	}
	f.Add("the cat sat", []byte{4, 0, 1})
	f.Add("", []byte{})
	f.Add(". . . , ,", []byte{6, 6, 6, 6, 6})
	f.Add("a b c d e f g h i j k l m n o p q r s t u v w x y z", []byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, words string, tags []byte) {
		fields := strings.Fields(words)
		if len(fields) > 300 {
			fields = fields[:300]
		}
		s := event.Sentence{}
		for i, w := range fields {
			tg := ""
			if len(tags) > 0 {
				tg = fuzzTags[int(tags[i%len(tags)])%len(fuzzTags)]
			}
			s.Tokens = append(s.Tokens, event.Token{Form: w, Lemma: w, UPOS: tg, XPOS: tg})
		}
		p.Parse(&s)
		checkTree(t, s.Tokens)
		pb.Parse(&s)
		checkTree(t, s.Tokens)
	})
}

// BenchmarkParse measures the default parser (the combination) on EWT dev
// sentences with gold tags; BenchmarkParseBeam the best single (beam)
// model at its own width (8) and at width 4; BenchmarkParseGreedy the fast
// greedy model. One op parses all of dev (so -benchtime 3x is three passes).
func BenchmarkParse(b *testing.B) { benchParse(b, loadOrSkip(b)) }

func BenchmarkParseBeam(b *testing.B) { benchParse(b, loadSingleOrSkip(b)) }

func BenchmarkParseBeam4(b *testing.B) { benchParse(b, loadSingleOrSkip(b).WithBeam(4)) }

func BenchmarkParseGreedy(b *testing.B) {
	p, err := LoadGreedy()
	if err != nil {
		b.Skip(err)
	}
	benchParse(b, p)
}

func benchParse(b *testing.B, p *Parser) {
	path := shared.TestPath(b, "data", "ud", "english-ewt", "en_ewt-ud-dev.conllu.gz")
	sents, err := conllu.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	in := make([]event.Sentence, len(sents))
	words := 0
	for i := range sents {
		in[i].Tokens = sents[i].Tokens
		words += len(sents[i].Tokens)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := range in {
			p.Parse(&in[j])
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(b.N*words)/sec, "tokens/s")
	b.ReportMetric(float64(b.N*len(in))/sec, "sents/s")
}

// FuzzRead feeds arbitrary bytes (and truncated or corrupted models) to
// Read: it must fail cleanly, never panic.
func FuzzRead(f *testing.F) {
	var buf bytes.Buffer
	if p, err := LoadModel(ModelFile); err == nil {
		small := smallModel(p, 10)
		small.Write(&buf)
		f.Add(buf.Bytes())
		f.Add(buf.Bytes()[:buf.Len()/2])
	}
	f.Add([]byte("DYADPRS\x02"))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := Read(bytes.NewReader(b))
		if err == nil {
			s := event.Sentence{Tokens: tokens("A/DET/DT test/NOUN/NN")}
			p.Parse(&s)
		}
	})
}

// TestBeamOneIsGreedy: the beam decoder with width 1 must build the same
// trees as the greedy decoder (same model, same tie-breaking).
func TestBeamOneIsGreedy(t *testing.T) {
	p := loadSingleOrSkip(t)
	path := shared.TestPath(t, "data", "ud", "english-ewt", "en_ewt-ud-dev.conllu.gz")
	sents, err := conllu.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	g := p.WithBeam(1)
	sc := &scratch{c: ctx{fset: p.fset}, scores: make([]int32, len(p.labels))}
	for i, cs := range sents {
		if i == 300 {
			break
		}
		s := event.Sentence{Tokens: append([]event.Token(nil), cs.Tokens...)}
		g.Parse(&s)
		sc.c.setTokens(cs.Tokens)
		best, _, _ := sc.bm.run(&sc.c, 1, p.trans, func(st *state, h, d int32) int16 {
			return p.predictLabel(sc, st, h, d)
		}, nil)
		for k := range s.Tokens {
			h := int(best.st.heads[k]) + 1
			if h == len(s.Tokens)+1 {
				h = 0
			}
			if h != s.Tokens[k].Head || p.labels[best.st.labels[k]] != s.Tokens[k].Deprel {
				t.Fatalf("sentence %d token %d: beam-1 %d %s, greedy %d %s", i, k+1, h, p.labels[best.st.labels[k]], s.Tokens[k].Head, s.Tokens[k].Deprel)
			}
		}
	}
}

// TestModelSwap: training evaluates each epoch's model through the same
// Parser and its pooled scratch space, so the feature cache must not
// return the previous model's weights.
func TestModelSwap(t *testing.T) {
	big := loadSingleOrSkip(t)
	small := smallModel(big, 1000)
	sc := big.get()
	big.load(sc, tokens("The/DET/DT council/NOUN/NN will/AUX/MD vote/VERB/VB on/ADP/IN Monday/PROPN/NNP ./PUNCT/."))
	sc.st.reset(len(sc.c.tok) - 1)
	sc.st.apply(actShift, -1)
	keys := transFeatures(&sc.st, &sc.c, nil)
	var got, want [numActs]int32
	big.trans.score3(keys, got[:], &sc.tc)
	big.trans.score(keys, want[:])
	if got != want {
		t.Fatalf("cached scores %v, table %v", got, want)
	}
	small.trans.score3(keys, got[:], &sc.tc)
	small.trans.score(keys, want[:])
	if got != want {
		t.Fatalf("after the model changed: cached scores %v, table %v", got, want)
	}
	// the same through Parse, at each beam width, with an empty model
	empty := smallModel(big, 0)
	spec := "The/DET/DT council/NOUN/NN will/AUX/MD vote/VERB/VB on/ADP/IN Monday/PROPN/NNP ./PUNCT/."
	for _, k := range []int{1, 4} {
		p := big.WithBeam(k)
		s := event.Sentence{Tokens: tokens(spec)}
		p.Parse(&s)
		p.trans, p.label = empty.trans, empty.label
		p.Parse(&s)
		want := event.Sentence{Tokens: tokens(spec)}
		empty.WithBeam(k).Parse(&want)
		for i := range want.Tokens {
			if s.Tokens[i] != want.Tokens[i] {
				t.Fatalf("beam %d, token %d after the model changed: %+v, a fresh parser %+v", k, i+1, s.Tokens[i], want.Tokens[i])
			}
		}
	}
}
