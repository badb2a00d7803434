// Package conllu reads and writes CoNLL-U (Universal Dependencies) files.
//
// Multiword-token lines (IDs like "3-4") and empty nodes ("5.1") are kept
// aside in Sentence.Extra so that writing reproduces them; the tokens of a
// Sentence are the syntactic words. Files ending in ".gz" are decompressed.
package conllu

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/event"
)

// Sentence is one CoNLL-U sentence: comment lines, words and the
// multiword/empty-node lines that were read with it.
type Sentence struct {
	Comments []string // without the leading "# "... kept verbatim incl. "#"
	Tokens   []event.Token
	// Misc holds each token's MISC column (index-aligned with Tokens).
	Misc []string
	// Extra holds multiword-token and empty-node lines keyed by the ID of
	// the word they precede.
	Extra map[int][]string
}

// Text returns the "# text = …" comment, or the forms joined by their
// SpaceAfter flags.
func (s *Sentence) Text() string {
	for _, c := range s.Comments {
		if t, ok := strings.CutPrefix(c, "# text = "); ok {
			return t
		}
	}
	var b strings.Builder
	for _, t := range s.Tokens {
		b.WriteString(t.Form)
		if t.SpaceAfter {
			b.WriteByte(' ')
		}
	}
	return strings.TrimSpace(b.String())
}

// Comment returns the value of a "# key = value" comment.
func (s *Sentence) Comment(key string) (string, bool) {
	p := "# " + key + " = "
	for _, c := range s.Comments {
		if v, ok := strings.CutPrefix(c, p); ok {
			return v, true
		}
	}
	return "", false
}

// ReadFile reads all sentences of a CoNLL-U file (gzip when named *.gz).
// Its errors name the file.
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		defer gz.Close()
		r = gz
	}
	sents, err := Read(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return sents, nil
}

// Read parses CoNLL-U from r. Errors name the line number.
func Read(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	cur := Sentence{}
	flush := func() {
		if len(cur.Tokens) > 0 || len(cur.Comments) > 0 {
			if len(cur.Tokens) > 0 {
				out = append(out, cur)
			}
		}
		cur = Sentence{}
	}
	line := 0
	for sc.Scan() {
		line++
		l := strings.TrimRight(sc.Text(), "\r")
		if l == "" {
			flush()
			continue
		}
		if strings.HasPrefix(l, "#") {
			cur.Comments = append(cur.Comments, l)
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) != 10 {
			return out, fmt.Errorf("line %d: %d columns, want 10", line, len(cols))
		}
		if strings.ContainsAny(cols[0], "-.") {
			if cur.Extra == nil {
				cur.Extra = map[int][]string{}
			}
			k := len(cur.Tokens) + 1
			cur.Extra[k] = append(cur.Extra[k], l)
			continue
		}
		id, err := strconv.Atoi(cols[0])
		if err != nil {
			return out, fmt.Errorf("line %d: bad ID %q", line, cols[0])
		}
		head := 0
		if cols[6] != "_" {
			head, err = strconv.Atoi(cols[6])
			if err != nil {
				return out, fmt.Errorf("line %d: bad HEAD %q", line, cols[6])
			}
		}
		cur.Tokens = append(cur.Tokens, event.Token{
			ID: id, Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4], Feats: cols[5],
			Head: head, Deprel: cols[7], Start: -1, End: -1,
			SpaceAfter: !strings.Contains(cols[9], "SpaceAfter=No"),
		})
		cur.Misc = append(cur.Misc, cols[9])
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("line %d: %w", line, err)
	}
	flush()
	return out, nil
}

// Write writes sentences in CoNLL-U. DEPS is written as "_"; MISC is taken
// from Misc when present, else derived from SpaceAfter.
func Write(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	for i := range sents {
		s := &sents[i]
		for _, c := range s.Comments {
			bw.WriteString(c)
			bw.WriteByte('\n')
		}
		for j, t := range s.Tokens {
			for _, e := range s.Extra[j+1] {
				bw.WriteString(e)
				bw.WriteByte('\n')
			}
			misc := "_"
			if j < len(s.Misc) {
				misc = s.Misc[j]
			} else if !t.SpaceAfter {
				misc = "SpaceAfter=No"
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t_\t%s\n",
				t.ID, t.Form, dash(t.Lemma), dash(t.UPOS), dash(t.XPOS), dash(t.Feats), t.Head, dash(t.Deprel), misc)
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

func dash(s string) string {
	if s == "" {
		return "_"
	}
	return s
}
