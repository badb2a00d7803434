package conllu

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sample = `# sent_id = t1
# text = They didn't go.
1	They	they	PRON	PRP	Case=Nom|Number=Plur	4	nsubj	4:nsubj	_
2-3	didn't	_	_	_	_	_	_	_	_
2	did	do	AUX	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	4	aux	4:aux	_
3	n't	not	PART	RB	_	4	advmod	4:advmod	_
4	go	go	VERB	VB	VerbForm=Inf	0	root	0:root	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	4:punct	_

`

func TestRoundTrip(t *testing.T) {
	sents, err := Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 1 || len(sents[0].Tokens) != 5 {
		t.Fatalf("got %d sentences", len(sents))
	}
	s := sents[0]
	if s.Text() != "They didn't go." || s.Tokens[3].Head != 0 || s.Tokens[3].SpaceAfter || s.Tokens[2].Lemma != "not" {
		t.Fatalf("bad parse: %+v", s.Tokens)
	}
	var buf bytes.Buffer
	if err := Write(&buf, sents); err != nil {
		t.Fatal(err)
	}
	// DEPS is not kept: compare all columns but the ninth.
	want := strings.Split(sample, "\n")
	got := strings.Split(buf.String(), "\n")
	if len(want) != len(got) {
		t.Fatalf("lines: got %d want %d\n%s", len(got), len(want), buf.String())
	}
	for i := range want {
		w, g := strings.Split(want[i], "\t"), strings.Split(got[i], "\t")
		if len(w) == 10 {
			w[8], g[8] = "", ""
		}
		if strings.Join(w, "\t") != strings.Join(g, "\t") {
			t.Errorf("line %d: got %q want %q", i+1, got[i], want[i])
		}
	}
}

func TestBadLine(t *testing.T) {
	_, err := Read(strings.NewReader("1\tx\n"))
	if err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Fatalf("want line error, got %v", err)
	}
}

func TestEWT(t *testing.T) {
	p := filepath.Join("..", "..", "..", "shared", "data", "ud", "english-ewt", "en_ewt-ud-dev.conllu.gz")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("UD English-EWT not found at %s (../shared absent): %v", p, err)
	}
	sents, err := ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range sents {
		n += len(s.Tokens)
	}
	if len(sents) != 2001 || n != 25147 {
		t.Fatalf("dev: %d sentences, %d words; SOURCE.txt says 2001 and 25147", len(sents), n)
	}
}
