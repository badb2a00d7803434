package tag

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/internal/conllu"
)

// tinyTreebank is a handful of sentences written for these tests.
const tinyTreebank = `1	The	the	DET	DT	Definite=Def|PronType=Art	2	det	_	_
2	envoys	envoy	NOUN	NNS	Number=Plur	3	nsubj	_	_
3	met	meet	VERB	VBD	Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin	0	root	_	_
4	in	in	ADP	IN	_	5	case	_	_
5	Oslo	Oslo	PROPN	NNP	Number=Sing	3	obl	_	SpaceAfter=No
6	.	.	PUNCT	.	_	3	punct	_	_

1	She	she	PRON	PRP	Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs	2	nsubj	_	_
2	signs	sign	VERB	VBZ	Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin	0	root	_	_
3	the	the	DET	DT	Definite=Def|PronType=Art	4	det	_	_
4	treaties	treaty	NOUN	NNS	Number=Plur	2	obj	_	SpaceAfter=No
5	.	.	PUNCT	.	_	2	punct	_	_

1	They	they	PRON	PRP	Case=Nom|Number=Plur|Person=3|PronType=Prs	2	nsubj	_	_
2	were	be	AUX	VBD	Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin	3	aux:pass	_	_
3	held	hold	VERB	VBN	Tense=Past|VerbForm=Part|Voice=Pass	0	root	_	_
4	in	in	ADP	IN	_	5	case	_	_
5	Lima	Lima	PROPN	NNP	Number=Sing	3	obl	_	SpaceAfter=No
6	.	.	PUNCT	.	_	3	punct	_	_

`

func tinyModel(t testing.TB) *Model {
	t.Helper()
	sents, err := conllu.Read(strings.NewReader(tinyTreebank))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Train(sents, sents[:1], TrainOptions{Epochs: 3, Folds: 2, Prune: -1})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestTrainSaveRead trains a tiny model, saves and re-reads it, and
// expects the same tags from both; training twice gives the same file.
func TestTrainSaveRead(t *testing.T) {
	m := tinyModel(t)
	var buf, buf2 bytes.Buffer
	if err := m.Save(&buf); err != nil {
		t.Fatal(err)
	}
	if err := tinyModel(t).Save(&buf2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Error("training is not deterministic: two runs saved different models")
	}
	m2, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for _, forms := range [][]string{{"The", "envoys", "met", "in", "Lima", "."}, {"She", "met", "them", "."}} {
		a, b := sentence(forms...), sentence(forms...)
		New(m).Tag(a)
		New(m2).Tag(b)
		if fmt.Sprint(a.Tokens) != fmt.Sprint(b.Tokens) {
			t.Errorf("re-read model tags differently:\n%v\n%v", a.Tokens, b.Tokens)
		}
	}
	s := sentence("The", "envoys", "met", "in", "Oslo", ".")
	New(m2).Tag(s)
	if s.Tokens[2].XPOS != "VBD" || s.Tokens[2].Lemma != "meet" {
		t.Errorf("training sentence not learned: %+v", s.Tokens[2])
	}
	if _, err := Read(bytes.NewReader(buf.Bytes()[:buf.Len()/2])); err == nil {
		t.Error("truncated model read without error")
	}
}

func TestTrainErrors(t *testing.T) {
	if _, err := Train(nil, nil, TrainOptions{}); err == nil {
		t.Error("no error for empty training data")
	}
}

// rawModel returns the uncompressed bytes of a saved tiny model.
func rawModel(tb testing.TB) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := tinyModel(tb).Save(&buf); err != nil {
		tb.Fatal(err)
	}
	zr, err := gzip.NewReader(&buf)
	if err != nil {
		tb.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		tb.Fatal(err)
	}
	return raw
}

// FuzzReadRaw mutates the uncompressed bytes of a valid model: Read must
// return an error or a usable model, never panic.
func FuzzReadRaw(f *testing.F) {
	raw := rawModel(f)
	f.Add(raw)
	f.Fuzz(func(t *testing.T, b []byte) {
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		zw.Write(b)
		zw.Close()
		m, err := Read(&z)
		if err != nil {
			return
		}
		New(m).Tag(sentence("The", "envoys", "met", "unseenword", "."))
	})
}

// TestReadCorrupt reads 300 deterministic mutations of a valid model
// (bytes replaced, inserted, deleted, nudged): each must give an error or
// a model that tags without panicking.
func TestReadCorrupt(t *testing.T) {
	raw := rawModel(t)
	rng := rand.New(rand.NewPCG(7, 11))
	failed := 0
	for it := 0; it < 300; it++ {
		b := append([]byte(nil), raw...)
		for k := 0; k < 1+rng.IntN(4); k++ {
			i := rng.IntN(len(b))
			switch rng.IntN(4) {
			case 0:
				b[i] = byte(rng.IntN(256))
			case 1:
				b = append(b[:i], b[i+1:]...)
			case 2:
				b = append(b[:i], append([]byte{byte(rng.IntN(256))}, b[i:]...)...)
			case 3:
				b[i] += byte(rng.IntN(5)) - 2
			}
		}
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		zw.Write(b)
		zw.Close()
		m, err := Read(&z)
		if err != nil {
			failed++
			continue
		}
		New(m).Tag(sentence("The", "envoys", "met", "unseenword", "."))
	}
	t.Logf("%d of 300 corrupt models rejected", failed)
	if failed == 0 {
		t.Error("no corrupt model was rejected")
	}
}
