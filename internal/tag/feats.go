package tag

import (
	"errors"
	"sort"
	"strings"
)

// featurizer predicts the UD morphological features of a tagged word:
// the features seen most often with (lower-cased form, tag class) in
// training, else the most frequent features of the tag class (NNS →
// Number=Plur, VBD → Mood=Ind|…|Tense=Past|VerbForm=Fin).
//
// A context model then chooses among the feature sets seen with the tag
// class: an averaged perceptron over the lexicon's guess, the word, the
// neighbouring words and tags, the nearest preceding nominal (the likely
// subject: "I went" → Person=1) and the nearest preceding auxiliary
// ("was taken" → Voice=Pass). It fixes what a lookup cannot: imperative
// against infinitive, nominative against accusative "you"/"it", gerund
// against participle.
type featurizer struct {
	strs []string
	word *table   // key(lower form, class) → strs index
	def  []uint32 // class → strs index
	// context model
	cstart []uint32 // class c's candidates are cands[cstart[c]:cstart[c+1]]
	cands  []uint32
	kind   []uint8 // per class: kindNominal, kindAux, kindPunct or 0
	w      *weights
}

const (
	kindNominal = 1 + iota
	kindAux
	kindPunct
)

func classKind(xpos, upos string) uint8 {
	switch {
	case upos == "AUX":
		return kindAux
	case upos == "PUNCT":
		return kindPunct
	case upos == "PRON" || upos == "NOUN" || upos == "PROPN" || xpos == "EX":
		return kindNominal
	}
	return 0
}

// Template seeds of the context model.
const (
	zBias = 100 + iota
	zLex
	zW
	zM1
	zM2
	zM2M1
	zWm1
	zWm2
	zP1
	zWp1
	zSubjW
	zSubjC
	zAuxW
	zStart
	zSuf
	zLexWm1
)

// ctxFeats appends the context-model features of token i; cls are the tag
// classes of the sentence and lex the lexicon's guesses.
func (z *featurizer) ctxFeats(out []uint64, info []tokInfo, cls []int, lex []uint32, i int) []uint64 {
	c := uint64(cls[i])
	cl := func(j int) uint64 {
		if j < 0 || j >= len(cls) {
			return 1 << 20
		}
		return uint64(cls[j])
	}
	subjW, subjC, auxW := uint64(1), uint64(1<<20), uint64(1)
	for j := i - 1; j >= 0 && j >= i-6; j-- {
		k := z.kind[cls[j]]
		if k == kindPunct {
			break
		}
		if k == kindNominal && subjC == 1<<20 {
			subjW, subjC = info[j].w, uint64(cls[j])
		}
		if k == kindAux && auxW == 1 {
			auxW = info[j].w
		}
	}
	start := uint64(0)
	if i == 0 || z.kind[cls[i-1]] == kindPunct {
		start = 1
	}
	m1, m2 := at(info, i-1), at(info, i-2)
	out = append(out,
		mix(zBias, c),
		mix3(zLex, c, uint64(lex[i])),
		mix3(zW, c, info[i].w),
		mix3(zM1, c, cl(i-1)),
		mix3(zM2, c, cl(i-2)),
		mix(mix3(zM2M1, c, cl(i-2)), cl(i-1)),
		mix3(zWm1, c, m1.w),
		mix3(zWm2, c, m2.w),
		mix3(zP1, c, cl(i+1)),
		mix3(zWp1, c, at(info, i+1).w),
		mix3(zSubjW, c, subjW),
		mix3(zSubjC, c, subjC),
		mix3(zAuxW, c, auxW),
		mix3(zStart, c, start),
		mix3(zSuf, c, info[i].suf[2]),
		mix(mix3(zLexWm1, c, uint64(lex[i])), m1.w),
	)
	return out
}

// lexicon returns the lexicon's features index for a word and class.
func (z *featurizer) lexicon(lower string, class int) uint32 {
	return z.lexiconKey(featKey(lower, class), class)
}

// lexiconBytes is lexicon for a lower-cased word in a byte slice.
func (z *featurizer) lexiconBytes(lower []byte, class int) uint32 {
	return z.lexiconKey(mix(hashBytes(tWord, lower), uint64(class)), class)
}

func (z *featurizer) lexiconKey(key uint64, class int) uint32 {
	if i, ok := z.word.get(key); ok {
		return i
	}
	if class < len(z.def) {
		return z.def[class]
	}
	return 0
}

// predict chooses the features of token i among the candidates of its
// class; scores is scratch of len(z.strs).
func (z *featurizer) predict(info []tokInfo, cls []int, lex []uint32, i int, fs []uint64, scores []int32) (uint32, []uint64) {
	c := cls[i]
	cands := z.cands[z.cstart[c]:z.cstart[c+1]]
	if z.w == nil || len(cands) <= 1 {
		return lex[i], fs
	}
	fs = z.ctxFeats(fs[:0], info, cls, lex, i)
	for _, k := range cands {
		scores[k] = 0
	}
	z.w.score(fs, scores)
	best := cands[0]
	for _, k := range cands[1:] {
		if scores[k] > scores[best] {
			best = k
		}
	}
	return best, fs
}

func featKey(lower string, class int) uint64 {
	return mix(hashString(tWord, lower), uint64(class))
}

func trainFeaturizer(forms []string, classes []int, feats []string, nClass int, kind []uint8) *featurizer {
	byWord := map[string]map[int]counter{}
	byClass := make([]counter, nClass)
	for i := range byClass {
		byClass[i] = counter{}
	}
	for i, f := range forms {
		c, ft := classes[i], feats[i]
		if ft == "" {
			ft = "_"
		}
		l := strings.ToLower(f)
		if byWord[l] == nil {
			byWord[l] = map[int]counter{}
		}
		if byWord[l][c] == nil {
			byWord[l][c] = counter{}
		}
		byWord[l][c][ft]++
		byClass[c][ft]++
	}
	z := &featurizer{kind: kind}
	str := interner(&z.strs)
	str("_")
	z.def = make([]uint32, nClass)
	for c := range byClass {
		if len(byClass[c]) == 0 {
			z.def[c] = 0
			continue
		}
		z.def[c] = str(byClass[c].best())
	}
	z.cstart = make([]uint32, 0, nClass+1)
	for c := range byClass {
		z.cstart = append(z.cstart, uint32(len(z.cands)))
		fts := make([]string, 0, len(byClass[c]))
		for f := range byClass[c] {
			fts = append(fts, f)
		}
		sort.Strings(fts)
		for _, f := range fts {
			z.cands = append(z.cands, str(f))
		}
	}
	z.cstart = append(z.cstart, uint32(len(z.cands)))
	words := make([]string, 0, len(byWord))
	for w := range byWord {
		words = append(words, w)
	}
	sort.Strings(words)
	n := 0
	for _, w := range words {
		n += len(byWord[w])
	}
	z.word = newTable(n)
	for _, w := range words {
		cs := make([]int, 0, len(byWord[w]))
		for c := range byWord[w] {
			cs = append(cs, c)
		}
		sort.Ints(cs)
		for _, c := range cs {
			b := str(byWord[w][c].best())
			if b != z.def[c] {
				z.word.put(featKey(w, c), b)
			}
		}
	}
	return z
}

// feats returns the features of form tagged with class.
func (z *featurizer) feats(lower string, class int) string {
	if i, ok := z.word.get(featKey(lower, class)); ok {
		return z.strs[i]
	}
	if class < len(z.def) {
		return z.strs[z.def[class]]
	}
	return "_"
}

func (z *featurizer) check(nClass int) error {
	if len(z.def) != nClass || len(z.kind) != nClass || len(z.cstart) != nClass+1 {
		return errors.New("feature tables disagree with class table")
	}
	for i, v := range z.cstart {
		if int(v) > len(z.cands) || (i > 0 && v < z.cstart[i-1]) {
			return errors.New("feature candidates out of range")
		}
	}
	for _, v := range z.cands {
		if int(v) >= len(z.strs) {
			return errors.New("feature candidate out of range")
		}
	}
	if z.w != nil {
		if z.w.nClass != len(z.strs) {
			return errors.New("feature weights disagree with feature table")
		}
		for _, e := range z.w.ent {
			if int(e.c) >= z.w.nClass {
				return errors.New("feature weight class out of range")
			}
		}
	}
	for _, v := range z.def {
		if int(v) >= len(z.strs) {
			return errors.New("feature index out of range")
		}
	}
	for i, k := range z.word.keys {
		if k != 0 && int(z.word.vals[i]) >= len(z.strs) {
			return errors.New("feature index out of range")
		}
	}
	return nil
}

func (e *enc) featurizer(z *featurizer) {
	e.strs(z.strs)
	e.table(z.word)
	e.u32s(z.def)
	e.u32s(z.cstart)
	e.u32s(z.cands)
	e.bytes([]byte{byte(len(z.kind)), byte(len(z.kind) >> 8)})
	e.bytes(z.kind)
	if z.w == nil {
		e.bytes([]byte{0})
		return
	}
	e.bytes([]byte{1})
	e.weights(z.w)
}

func (d *dec) featurizer() *featurizer {
	z := &featurizer{}
	z.strs = d.strs()
	z.word = d.table()
	z.def = d.u32s()
	z.cstart = d.u32s()
	z.cands = d.u32s()
	nb := d.bytesN(2)
	if d.err != nil {
		return z
	}
	z.kind = d.bytesN(int(nb[0]) | int(nb[1])<<8)
	if b := d.bytesN(1); d.err == nil && b[0] == 1 {
		z.w = d.weights()
	}
	return z
}
