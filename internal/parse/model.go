package parse

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math"
)

// Model file: gzip of
//
//	"DYADPRS" version(uint8)
//	featureSet uint32
//	labels: count uint32, then each as uint16 length + bytes
//	root uint16, beam width uint16, flags uint16 (version 3: bit 0 = right to left)
//	two linear models (transitions, labels): K uint32, scale float32,
//	rows uint32, fingerprints [rows]uint32, weights [rows·K]int16
//
// all little-endian.

const (
	magic   = "DYADPRS"
	version = 3
	// featureSet is the newest feature set; it changes whenever the
	// templates change, so that a model never runs with features it was
	// not trained on. Set 1: the Zhang & Nivre style templates; set 2 adds
	// coarse-tag (NOUN = PROPN, ADP = SCONJ …) and word-pair backoffs that
	// make the parser less sensitive to tagging errors; set 3 adds
	// punctuation counts between stack and buffer words and punctuation
	// attachment templates.
	featureSet = 3

	flagRTL = 1 // the model parses the reversed sentence
)

// Write saves the model gzip'd.
func (p *Parser) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	bw.WriteByte(version)
	put32(bw, uint32(p.fset))
	put32(bw, uint32(len(p.labels)))
	for _, l := range p.labels {
		binary.Write(bw, binary.LittleEndian, uint16(len(l)))
		bw.WriteString(l)
	}
	binary.Write(bw, binary.LittleEndian, uint16(p.root))
	binary.Write(bw, binary.LittleEndian, uint16(max(p.beam, 1)))
	var flags uint16
	if p.rtl {
		flags |= flagRTL
	}
	binary.Write(bw, binary.LittleEndian, flags)
	for _, m := range []*linear{p.trans, p.label} {
		keys, ws := m.dense()
		put32(bw, uint32(m.K))
		put32(bw, math.Float32bits(m.scale))
		put32(bw, uint32(len(keys)))
		buf := make([]byte, 4*len(keys))
		for i, k := range keys {
			binary.LittleEndian.PutUint32(buf[4*i:], k)
		}
		bw.Write(buf)
		buf = make([]byte, 2*len(ws))
		for i, v := range ws {
			binary.LittleEndian.PutUint16(buf[2*i:], uint16(v))
		}
		bw.Write(buf)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func put32(w *bufio.Writer, v uint32) {
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], v)
	w.Write(b[:])
}

// Read loads a model written by Write.
func Read(r io.Reader) (*Parser, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errFormat, err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	head := make([]byte, len(magic)+1)
	if _, err := io.ReadFull(br, head); err != nil || string(head[:len(magic)]) != magic {
		return nil, errFormat
	}
	ver := head[len(magic)]
	if ver < 1 || ver > version { // version 1 had no beam width (greedy), 2 no flags
		return nil, fmt.Errorf("parser model version %d, want %d", head[len(magic)], version)
	}
	var fset, nl uint32
	if err := binary.Read(br, binary.LittleEndian, &fset); err != nil {
		return nil, err
	}
	if fset < 1 || fset > featureSet {
		return nil, fmt.Errorf("parser model has feature set %d, this build knows 1 to %d: retrain it", fset, featureSet)
	}
	if err := binary.Read(br, binary.LittleEndian, &nl); err != nil {
		return nil, err
	}
	if nl == 0 || nl > 1000 {
		return nil, fmt.Errorf("parser model: %d labels", nl)
	}
	p := &Parser{fset: int(fset)}
	for i := uint32(0); i < nl; i++ {
		var ln uint16
		if err := binary.Read(br, binary.LittleEndian, &ln); err != nil {
			return nil, err
		}
		b := make([]byte, ln)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, err
		}
		p.labels = append(p.labels, string(b))
	}
	var root uint16
	if err := binary.Read(br, binary.LittleEndian, &root); err != nil {
		return nil, err
	}
	if uint32(root) >= nl {
		return nil, fmt.Errorf("parser model: root label %d of %d", root, nl)
	}
	p.root = int16(root)
	beam := uint16(1)
	if ver >= 2 {
		if err := binary.Read(br, binary.LittleEndian, &beam); err != nil {
			return nil, err
		}
	}
	if beam == 0 || beam > 256 {
		return nil, fmt.Errorf("parser model: beam width %d", beam)
	}
	p.beam = int(beam)
	if ver >= 3 {
		var flags uint16
		if err := binary.Read(br, binary.LittleEndian, &flags); err != nil {
			return nil, err
		}
		if flags&^flagRTL != 0 {
			return nil, fmt.Errorf("parser model: unknown flags %#x", flags)
		}
		p.rtl = flags&flagRTL != 0
	}
	var buf [1 << 14]byte
	for i := 0; i < 2; i++ {
		var hdr [3]uint32
		if err := binary.Read(br, binary.LittleEndian, &hdr); err != nil {
			return nil, fmt.Errorf("parser model: %w", err)
		}
		K, rows := int(hdr[0]), int(hdr[2])
		if K <= 0 || K > 1000 || rows > 1<<26 || rows*K > 1<<28 {
			return nil, fmt.Errorf("parser model: bad table %d×%d", rows, K)
		}
		m := &linear{K: K, scale: math.Float32frombits(hdr[1])}
		// read through a small buffer: a whole-table one would double
		// the memory a model needs while it loads
		m.keys = make([]uint32, rows)
		if err := readChunks(br, buf[:], 4, rows, func(b []byte, j int) {
			for i := 0; i < len(b); i += 4 {
				m.keys[j+i/4] = binary.LittleEndian.Uint32(b[i:])
			}
		}); err != nil {
			return nil, fmt.Errorf("parser model: %w", err)
		}
		m.w = make([]int16, rows*K)
		if err := readChunks(br, buf[:], 2, rows*K, func(b []byte, j int) {
			for i := 0; i < len(b); i += 2 {
				m.w[j+i/2] = int16(binary.LittleEndian.Uint16(b[i:]))
			}
		}); err != nil {
			return nil, fmt.Errorf("parser model: %w", err)
		}
		m.build()
		m.keys, m.w = nil, nil // decoding reads the table; Write rebuilds them (dense)
		if i == 0 {
			if K != numActs {
				return nil, fmt.Errorf("parser model: %d transitions", K)
			}
			p.trans = m
		} else {
			if K != int(nl) {
				return nil, fmt.Errorf("parser model: %d label classes for %d labels", K, nl)
			}
			p.label = m
		}
	}
	return p, nil
}

// readChunks reads n items of size bytes each from r through buf, handing
// put each chunk read with the index of its first item.
func readChunks(r io.Reader, buf []byte, size, n int, put func(b []byte, j int)) error {
	per := len(buf) / size
	for j := 0; j < n; j += per {
		b := buf[:min(per, n-j)*size]
		if _, err := io.ReadFull(r, b); err != nil {
			return err
		}
		put(b, j)
	}
	return nil
}
