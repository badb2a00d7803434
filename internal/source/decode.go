package source

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// magic numbers of common binary formats, for a clearer error message.
var magics = []struct {
	prefix, name string
}{
	{"%PDF", "PDF"},
	{"\x89PNG", "PNG image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF8", "GIF image"},
	{"PK\x03\x04", "ZIP archive (or .docx/.xlsx)"},
	{"\x7fELF", "executable"},
	{"\xd0\xcf\x11\xe0", "MS Office document"},
	{"SQLite format 3", "SQLite database"},
	{"DUCK", "DuckDB database"},
}

// Decode turns raw bytes into UTF-8 text. declared is a charset name or
// Content-Type the container declares ("" when none). UTF-8 (with or
// without BOM) and UTF-16 with BOM are taken as they are; a declared
// charset is honoured; otherwise GB18030 (a superset of GBK) and
// Shift_JIS are tried, and a decoding is accepted only when it is clean
// and reads as CJK text. Binary data gives ErrBinary, undecodable bytes
// ErrEncoding.
func Decode(data []byte, declared string) (string, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", ErrEmpty
	}
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		dec := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil || !plausibleText(string(out)) {
			return "", fmt.Errorf("%w (not valid UTF-16 either)", ErrEncoding)
		}
		data = out
	}
	if err := checkBinary(data); err != nil {
		return "", err
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	if declared != "" {
		if enc, name := charset.Lookup(declaredCharset(declared)); enc != nil {
			out, err := enc.NewDecoder().Bytes(data)
			if err == nil && utf8.Valid(out) {
				return string(out), nil
			}
			return "", fmt.Errorf("%w (declared %s)", ErrEncoding, name)
		}
	}
	best, bestScore := "", 0.0
	for _, enc := range []encoding.Encoding{simplifiedchinese.GB18030, japanese.ShiftJIS} {
		out, ok := strictDecode(enc, data)
		if !ok {
			continue
		}
		if s := cjkScore(out, enc == japanese.ShiftJIS); s > bestScore {
			best, bestScore = out, s
		}
	}
	if bestScore >= 0.9 {
		return best, nil
	}
	return "", ErrEncoding
}

// plausibleText reports whether decoded text is made of printable
// characters and white space (no replacement characters, private-use
// or unassigned code points).
func plausibleText(s string) bool {
	for _, r := range s {
		if r == utf8.RuneError || unicode.Is(unicode.Co, r) || (!unicode.IsPrint(r) && !unicode.IsSpace(r)) {
			return false
		}
	}
	return true
}

// declaredCharset takes the charset out of a Content-Type value.
func declaredCharset(s string) string {
	if i := bytes.Index([]byte(s), []byte("charset=")); i >= 0 {
		s = s[i+len("charset="):]
	}
	return s
}

// checkBinary rejects data with NUL bytes or many control characters in
// its first 8 KB.
func checkBinary(data []byte) error {
	for _, m := range magics {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return fmt.Errorf("%w (%s)", ErrBinary, m.name)
		}
	}
	head := data[:min(len(data), 8192)]
	ctrl := 0
	for _, b := range head {
		switch {
		case b == 0:
			return ErrBinary
		case b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b:
			ctrl++
		}
	}
	if ctrl*100 > len(head) {
		return ErrBinary
	}
	return nil
}

// strictDecode decodes data and reports false when any byte sequence was
// invalid (the decoder's replacement character appears where the input
// had none).
func strictDecode(enc encoding.Encoding, data []byte) (string, bool) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(out) || bytes.ContainsRune(out, utf8.RuneError) {
		return "", false
	}
	return string(out), true
}

// cjkScore is the share of non-ASCII runes of s that are common CJK
// characters, kana or CJK punctuation. For Japanese (kana required) the
// text must also contain kana, which Chinese text decoded as Shift_JIS
// lacks.
func cjkScore(s string, japaneseText bool) float64 {
	var nonASCII, good, kana int
	for _, r := range s {
		if r < 0x80 {
			continue
		}
		nonASCII++
		switch {
		case r >= 0x3040 && r <= 0x30ff:
			kana++
			good++
		case r >= 0x4e00 && r <= 0x9fff, r >= 0x3000 && r <= 0x303f, r >= 0xff00 && r <= 0xffef,
			r == '“' || r == '”' || r == '‘' || r == '’' || r == '…' || r == '—' || r == '·':
			good++
		}
	}
	if nonASCII == 0 {
		return 0
	}
	score := float64(good) / float64(nonASCII)
	if japaneseText {
		if kana*10 < nonASCII {
			return 0
		}
		score += 0.01 // prefer Shift_JIS when both decode cleanly and kana abound
	}
	return score
}
