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
type featurizer struct {
	strs []string
	word *table   // key(lower form, class) → strs index
	def  []uint32 // class → strs index
}

func featKey(lower string, class int) uint64 {
	return mix(hashString(tWord, lower), uint64(class))
}

func trainFeaturizer(forms []string, classes []int, feats []string, nClass int) *featurizer {
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
	z := &featurizer{}
	intern := map[string]uint32{}
	str := func(s string) uint32 {
		if i, ok := intern[s]; ok {
			return i
		}
		i := uint32(len(z.strs))
		z.strs = append(z.strs, s)
		intern[s] = i
		return i
	}
	str("_")
	z.def = make([]uint32, nClass)
	for c := range byClass {
		if len(byClass[c]) == 0 {
			z.def[c] = 0
			continue
		}
		z.def[c] = str(byClass[c].best())
	}
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
	if len(z.def) != nClass {
		return errors.New("feature defaults disagree with class table")
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
}

func (d *dec) featurizer() *featurizer {
	z := &featurizer{}
	z.strs = d.strs()
	z.word = d.table()
	z.def = d.u32s()
	return z
}
