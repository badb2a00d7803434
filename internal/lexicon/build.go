package lexicon

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Stats describe a compiled lexicon.
type Stats struct {
	Words, Lemmas, Exceptions, Proper int
}

var posFiles = []struct {
	name     string
	pos, dom Class
	inf      func(form string) Class // inflection bit of an exception-list form
}{
	{"noun", Noun, DomNoun, func(string) Class { return Plural }},
	{"verb", Verb, DomVerb, func(f string) Class {
		switch {
		case strings.HasSuffix(f, "ing"):
			return VerbIng
		case strings.HasSuffix(f, "s") && !strings.HasSuffix(f, "ss"):
			return Verb3sg
		}
		return VerbPast
	}},
	{"adj", Adj, DomAdj, degree},
	{"adv", Adv, DomAdv, degree},
}

func degree(f string) Class {
	if strings.HasSuffix(f, "st") {
		return Superlative
	}
	return Comparative
}

// Build compiles the WordNet 3.0 dict folder dir (index.*, data.*, *.exc)
// into the lexicon format and writes it gzip'd to w. Multi-word lemmas are
// left out; no glosses or examples are copied. The output is deterministic.
func Build(dir string, w io.Writer) (Stats, error) {
	var st Stats
	words := map[string]Class{}
	tagged := map[string][4]int{} // sense-tagged counts per part of speech
	caps := map[string][2]int{}   // [capitalized, lower-case] uses
	for k, pf := range posFiles {
		err := eachLine(filepath.Join(dir, "index."+pf.name), func(f []string) error {
			// lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offsets...
			if len(f) < 4 {
				return fmt.Errorf("short index line")
			}
			lemma := f[0]
			if strings.Contains(lemma, "_") {
				return nil
			}
			pc, err := strconv.Atoi(f[3])
			if err != nil || len(f) < 6+pc {
				return fmt.Errorf("bad pointer count %q", f[3])
			}
			synsets, err1 := strconv.Atoi(f[2])
			tcnt, err2 := strconv.Atoi(f[5+pc])
			if err1 != nil || err2 != nil {
				return fmt.Errorf("bad sense counts")
			}
			words[lemma] |= pf.pos
			t := tagged[lemma]
			// tagged senses first; the number of senses breaks ties
			t[k] = tcnt*1000 + min(synsets, 999)
			tagged[lemma] = t
			return nil
		})
		if err != nil {
			return st, err
		}
		err = eachLine(filepath.Join(dir, "data."+pf.name), func(f []string) error {
			// offset lex_filenum ss_type w_cnt(hex) word lex_id ...
			if len(f) < 4 {
				return fmt.Errorf("short data line")
			}
			n, err := strconv.ParseInt(f[3], 16, 32)
			if err != nil || len(f) < 4+2*int(n) {
				return fmt.Errorf("bad word count %q", f[3])
			}
			for i := 0; i < int(n); i++ {
				word := f[4+2*i]
				if j := strings.IndexByte(word, '('); j > 0 { // adjective markers: galore(ip)
					word = word[:j]
				}
				if strings.Contains(word, "_") {
					continue
				}
				low := strings.ToLower(word)
				c := caps[low]
				if low != word {
					c[0]++
				} else {
					c[1]++
				}
				caps[low] = c
			}
			return nil
		})
		if err != nil {
			return st, err
		}
	}
	st.Lemmas = len(words)
	for w, t := range tagged {
		best, bi := 0, -1
		for k, v := range t {
			if v > best {
				best, bi = v, k
			}
		}
		if bi >= 0 {
			words[w] |= posFiles[bi].dom
		}
	}
	for w, c := range caps {
		if _, ok := words[w]; !ok {
			continue
		}
		switch {
		case c[0] > 0 && c[1] == 0:
			words[w] |= Proper
			st.Proper++
		case c[0] > 0:
			words[w] |= MixedCase
		}
	}
	for _, pf := range posFiles {
		err := eachLine(filepath.Join(dir, pf.name+".exc"), func(f []string) error {
			// form base [base...]
			if len(f) < 2 || strings.Contains(f[0], "_") {
				return nil
			}
			for _, b := range f[1:] {
				if words[b]&pf.pos != 0 {
					words[f[0]] |= pf.inf(f[0])
					st.Exceptions++
					return nil
				}
			}
			return nil
		})
		if err != nil {
			return st, err
		}
	}
	keys := make([]string, 0, len(words))
	for k := range words {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return st, err
	}
	bw := bufio.NewWriter(zw)
	for _, k := range keys {
		fmt.Fprintf(bw, "%s\t%s\n", k, words[k])
	}
	if err := bw.Flush(); err != nil {
		return st, err
	}
	if err := zw.Close(); err != nil {
		return st, err
	}
	st.Words = len(keys)
	return st, nil
}

// eachLine calls fn with the space-separated fields of every line of a
// WordNet file, skipping the license header (lines starting with a space).
func eachLine(path string, fn func([]string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("wordnet: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || line[0] == ' ' {
			continue
		}
		if err := fn(strings.Fields(line)); err != nil {
			return fmt.Errorf("wordnet %s line %d: %w", filepath.Base(path), n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("wordnet %s: %w", filepath.Base(path), err)
	}
	return nil
}
