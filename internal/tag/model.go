package tag

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"

	"github.com/dyad-events/dyad/internal/lexicon"
)

// Model is a trained tagger: two greedy averaged-perceptron passes over
// joint XPOS+UPOS classes, a feature lexicon and a lemmatizer.
type Model struct {
	xpos, upos []string // class i is (xpos[i], upos[i])
	// ambiguity classes: normalized word → index into ambH (the hash of
	// the word's set of XPOS tags in training).
	amb  *table
	ambH []uint64
	ambK []uint64 // keys of amb, for saving
	ambV []uint32
	p1   *weights
	p2   *weights
	pb   *weights // backward (right-to-left) first pass; nil when absent
	p2b  *weights // backward final pass; nil when absent (needs pb)
	lem  *lemmatizer
	fts  *featurizer
	info string // training summary
	lex  *lexicon.Lexicon
}

// Info describes how the model was trained.
func (m *Model) Info() string { return m.info }

// ambOf returns the ambiguity-class hash of a normalized word key.
func (m *Model) ambOf(k uint64) uint64 {
	if i, ok := m.amb.get(k); ok {
		return m.ambH[i]
	}
	return 0
}

const magic = "dyad-tagger-5\n"

// magicV4 marks the earlier layout without the backward final pass.
const magicV4 = "dyad-tagger-4\n"

// featureSet numbers the feature templates of features.go. A model holds
// the weights of the templates it was trained with, so Read refuses a model
// of another set: change it with every change to the templates.
const featureSet = 2

// Save writes the model (gzip-compressed binary).
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	e := &enc{w: bw}
	e.bytes([]byte(magic))
	e.u32(featureSet)
	e.u64(m.lex.Fingerprint())
	e.str(m.info)
	e.strs(m.xpos)
	e.strs(m.upos)
	e.u64s(m.ambK)
	e.u32s(m.ambV)
	e.u64s(m.ambH)
	for _, p := range []*weights{m.p1, m.p2} {
		e.weights(p)
	}
	for _, p := range []*weights{m.pb, m.p2b} {
		if p == nil {
			e.bytes([]byte{0})
		} else {
			e.bytes([]byte{1})
			e.weights(p)
		}
	}
	e.lemmatizer(m.lem)
	e.featurizer(m.fts)
	if e.err != nil {
		return e.err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Read reads a model written by Save.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("tagger model: %w", err)
	}
	d := &dec{r: bufio.NewReaderSize(zr, 1<<16)}
	mg := string(d.bytesN(len(magic)))
	if mg != magic && mg != magicV4 {
		if d.err != nil {
			return nil, fmt.Errorf("tagger model: %w", d.err)
		}
		return nil, errors.New("tagger model: bad magic (not a dyad tagger model)")
	}
	if v := d.u32(); d.err == nil && v != featureSet {
		return nil, fmt.Errorf("tagger model: feature set %d, this dyad computes set %d (retrain with dyad train tagger)", v, featureSet)
	}
	m := &Model{}
	fp := d.u64()
	if d.err == nil {
		if m.lex, err = lexicon.Load(); err != nil {
			return nil, fmt.Errorf("tagger model: %w", err)
		}
		if fp != m.lex.Fingerprint() {
			return nil, errors.New("tagger model: trained with another word-class lexicon than the embedded one (retrain with dyad train tagger)")
		}
	}
	m.info = d.str()
	m.xpos = d.strs()
	m.upos = d.strs()
	m.ambK = d.u64s()
	m.ambV = d.u32s()
	m.ambH = d.u64s()
	m.p1 = d.weights()
	m.p2 = d.weights()
	if b := d.bytesN(1); d.err == nil && b[0] == 1 {
		m.pb = d.weights()
	}
	if mg == magic {
		if b := d.bytesN(1); d.err == nil && b[0] == 1 {
			m.p2b = d.weights()
		}
	}
	m.lem = d.lemmatizer()
	m.lem.lex = m.lex
	m.fts = d.featurizer()
	if d.err != nil {
		return nil, fmt.Errorf("tagger model: %w", d.err)
	}
	if len(m.xpos) != len(m.upos) || len(m.xpos) == 0 || len(m.xpos) > 256 || len(m.ambK) != len(m.ambV) {
		return nil, errors.New("tagger model: inconsistent class tables")
	}
	for _, v := range m.ambV {
		if int(v) >= len(m.ambH) {
			return nil, errors.New("tagger model: ambiguity class out of range")
		}
	}
	if m.p2b != nil && m.pb == nil {
		return nil, errors.New("tagger model: backward final pass without backward first pass")
	}
	ws := []*weights{m.p1, m.p2}
	for _, p := range []*weights{m.pb, m.p2b} {
		if p != nil {
			ws = append(ws, p)
		}
	}
	for _, p := range ws {
		if p.nClass != len(m.xpos) {
			return nil, errors.New("tagger model: weight classes disagree with class table")
		}
		for _, e := range p.ent {
			if int(e.c) >= p.nClass {
				return nil, errors.New("tagger model: weight class out of range")
			}
		}
	}
	if err := m.lem.check(); err != nil {
		return nil, fmt.Errorf("tagger model: %w", err)
	}
	if err := m.fts.check(len(m.xpos)); err != nil {
		return nil, fmt.Errorf("tagger model: %w", err)
	}
	m.amb = newTable(len(m.ambK))
	for i, k := range m.ambK {
		m.amb.put(k, m.ambV[i])
	}
	return m, nil
}

// ---- binary encoding ----

type enc struct {
	w   *bufio.Writer
	err error
	b   [8]byte
}

func (e *enc) u64(v uint64) {
	binary.LittleEndian.PutUint64(e.b[:], v)
	e.bytes(e.b[:8])
}
func (e *enc) u32(v uint32) {
	binary.LittleEndian.PutUint32(e.b[:], v)
	e.bytes(e.b[:4])
}
func (e *enc) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}
func (e *enc) str(s string) { e.u32(uint32(len(s))); e.bytes([]byte(s)) }
func (e *enc) strs(ss []string) {
	e.u32(uint32(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}
func (e *enc) u64s(v []uint64) {
	e.u32(uint32(len(v)))
	for _, x := range v {
		e.u64(x)
	}
}
func (e *enc) u32s(v []uint32) {
	e.u32(uint32(len(v)))
	for _, x := range v {
		e.u32(x)
	}
}
func (e *enc) weights(w *weights) {
	e.u32(uint32(w.nClass))
	e.u32(math.Float32bits(w.scale))
	// keys are sorted: store deltas? plain is simpler and gzip copes.
	e.u64s(w.keys)
	e.u32s(w.start)
	e.u32(uint32(len(w.ent)))
	// classes then weights, column-wise (compresses better)
	for _, x := range w.ent {
		e.bytes([]byte{byte(x.c), byte(x.c >> 8)})
	}
	for _, x := range w.ent {
		e.bytes([]byte{byte(uint16(x.w)), byte(uint16(x.w) >> 8)})
	}
}
func (e *enc) table(t *table) {
	var ks []uint64
	var vs []uint32
	for i, k := range t.keys {
		if k != 0 {
			ks = append(ks, k)
			vs = append(vs, t.vals[i])
		}
	}
	// sort by key for a deterministic file
	idx := make([]int, len(ks))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return ks[idx[a]] < ks[idx[b]] })
	sk := make([]uint64, len(ks))
	sv := make([]uint32, len(ks))
	for i, j := range idx {
		sk[i], sv[i] = ks[j], vs[j]
	}
	e.u64s(sk)
	e.u32s(sv)
}

type dec struct {
	r   *bufio.Reader
	err error
	b   [8]byte
}

// maxLen bounds every length read from a model file (guards corrupt input).
const maxLen = 1 << 27

func (d *dec) bytesN(n int) []byte {
	if d.err != nil || n < 0 || n > maxLen {
		if d.err == nil {
			d.err = errors.New("length out of range")
		}
		return nil
	}
	if n <= 1<<16 {
		b := make([]byte, n)
		_, d.err = io.ReadFull(d.r, b)
		return b
	}
	// large: grow with the data actually there, so that a corrupt length
	// costs no huge allocation
	var bb bytes.Buffer
	if _, err := io.CopyN(&bb, d.r, int64(n)); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		d.err = err
		return nil
	}
	return bb.Bytes()
}
func (d *dec) u32() uint32 {
	if d.err != nil {
		return 0
	}
	if _, d.err = io.ReadFull(d.r, d.b[:4]); d.err != nil {
		return 0
	}
	return binary.LittleEndian.Uint32(d.b[:4])
}
func (d *dec) u64() uint64 {
	if d.err != nil {
		return 0
	}
	if _, d.err = io.ReadFull(d.r, d.b[:8]); d.err != nil {
		return 0
	}
	return binary.LittleEndian.Uint64(d.b[:8])
}
func (d *dec) n() int {
	v := d.u32()
	if v > maxLen {
		if d.err == nil {
			d.err = errors.New("length out of range")
		}
		return 0
	}
	return int(v)
}
func (d *dec) str() string { return string(d.bytesN(d.n())) }
func (d *dec) strs() []string {
	n := d.n()
	var out []string
	for i := 0; i < n && d.err == nil; i++ {
		out = append(out, d.str())
	}
	return out
}
func (d *dec) u64s() []uint64 {
	b := d.bytesN(8 * d.n())
	out := make([]uint64, len(b)/8)
	for i := range out {
		out[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return out
}
func (d *dec) u32s() []uint32 {
	b := d.bytesN(4 * d.n())
	out := make([]uint32, len(b)/4)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out
}
func (d *dec) weights() *weights {
	w := &weights{}
	w.nClass = d.n()
	w.scale = math.Float32frombits(d.u32())
	w.keys = d.u64s()
	w.start = d.u32s()
	n := d.n()
	cs := d.bytesN(2 * n)
	ws := d.bytesN(2 * n)
	if d.err != nil {
		return w
	}
	if len(w.start) != len(w.keys)+1 || w.start[0] != 0 || int(w.start[len(w.start)-1]) != n {
		d.err = errors.New("weight rows inconsistent")
		return w
	}
	for i := 1; i < len(w.start); i++ {
		if w.start[i] <= w.start[i-1] {
			d.err = errors.New("weight rows empty or out of order")
			return w
		}
	}
	w.ent = make([]went, n)
	for i := range w.ent {
		w.ent[i] = went{c: uint16(cs[2*i]) | uint16(cs[2*i+1])<<8, w: int16(uint16(ws[2*i]) | uint16(ws[2*i+1])<<8)}
	}
	// a row holds each class once, in order (the word cache's packed sums
	// rely on it)
	for r := 0; r+1 < len(w.start); r++ {
		for i := w.start[r] + 1; i < w.start[r+1]; i++ {
			if w.ent[i].c <= w.ent[i-1].c {
				d.err = errors.New("weight row classes out of order")
				return w
			}
		}
	}
	if err := w.index(); err != nil {
		d.err = err
	}
	return w
}
func (d *dec) table() *table {
	ks := d.u64s()
	vs := d.u32s()
	if d.err == nil && len(ks) != len(vs) {
		d.err = errors.New("table keys and values disagree")
	}
	t := newTable(len(ks))
	if d.err != nil {
		return t
	}
	for i, k := range ks {
		t.put(k, vs[i])
	}
	return t
}

func (e *enc) lemmatizer(m *lemmatizer) {
	e.strs(m.strs)
	e.table(m.exact)
	e.table(m.lower)
	rs := make([]string, len(m.rules))
	for i, r := range m.rules {
		rs[i] = ruleString(r)
	}
	e.strs(rs)
	e.table(m.suffix)
	e.table(m.keep)
	e.u32(uint32(m.maxSuf))
}

func (d *dec) lemmatizer() *lemmatizer {
	m := &lemmatizer{}
	m.strs = d.strs()
	m.exact = d.table()
	m.lower = d.table()
	for _, s := range d.strs() {
		m.rules = append(m.rules, parseRule(s))
	}
	m.suffix = d.table()
	m.keep = d.table()
	m.maxSuf = d.n()
	return m
}

func (m *lemmatizer) check() error {
	for _, t := range []*table{m.exact, m.lower} {
		for i, k := range t.keys {
			if k != 0 && int(t.vals[i]) >= len(m.strs) {
				return errors.New("lemma index out of range")
			}
		}
	}
	for i, k := range m.suffix.keys {
		if k != 0 && int(m.suffix.vals[i]) >= len(m.rules) {
			return errors.New("lemma rule index out of range")
		}
	}
	for _, r := range m.rules {
		if r.cut < 0 || r.cut > 64 {
			return errors.New("lemma rule out of range")
		}
	}
	if m.maxSuf > 64 {
		return errors.New("lemma suffix length out of range")
	}
	return nil
}
