package source

import (
	"encoding/json"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeArticle fills a from one JSON line. Most lines are flat objects
// of strings, which fastArticle reads in one pass; anything it is not
// sure of (invalid UTF-8, a lone surrogate, a key that only matches a
// field case-insensitively, a value of the wrong type, a syntax error)
// is left to encoding/json, whose result and errors are the reference.
func decodeArticle(raw []byte, a *jsonArticle) error {
	if fastArticle(raw, a) {
		return nil
	}
	*a = jsonArticle{}
	return json.Unmarshal(raw, a)
}

// jsonKey identifies a field of jsonArticle.
type jsonKey uint8

const (
	keyNone jsonKey = iota
	keyURL
	keyLink
	keyTitle
	keyHeadline
	keyText
	keyBody
	keyContent
	keyPublished
	keyPublicationDate
	keyDate
	keyDatePublished
	keyOutlet
	keyPublisher
	keySource
	keySite
	keyLang
	keyLanguage
	keyGenre
	keySection
	keyAuthors
	keyAuthor
	keyByline
)

// jsonKeys are the JSON names of jsonArticle's fields (its struct tags).
var jsonKeys = map[string]jsonKey{
	"url": keyURL, "link": keyLink, "title": keyTitle, "headline": keyHeadline,
	"text": keyText, "body": keyBody, "content": keyContent,
	"published": keyPublished, "publication_date": keyPublicationDate, "date": keyDate, "datePublished": keyDatePublished,
	"outlet": keyOutlet, "publisher": keyPublisher, "source": keySource, "site": keySite,
	"lang": keyLang, "language": keyLanguage, "genre": keyGenre, "section": keySection,
	"authors": keyAuthors, "author": keyAuthor, "byline": keyByline,
}

// foldedKeys are the lower-cased JSON names: a key that is not a name
// but lower-cases to one would be matched by encoding/json (which folds
// case), so the fast path leaves such lines alone.
var foldedKeys = func() map[string]bool {
	m := map[string]bool{}
	for k := range jsonKeys {
		m[asciiLower(k)] = true
	}
	return m
}()

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func (a *jsonArticle) stringField(k jsonKey) **string {
	switch k {
	case keyURL:
		return &a.URL
	case keyLink:
		return &a.Link
	case keyTitle:
		return &a.Title
	case keyHeadline:
		return &a.Headline
	case keyText:
		return &a.Text
	case keyBody:
		return &a.Body
	case keyContent:
		return &a.Content
	case keyPublished:
		return &a.Published
	case keyPublicationDate:
		return &a.PublicationDate
	case keyDate:
		return &a.Date
	case keyDatePublished:
		return &a.DatePublished
	case keyOutlet:
		return &a.Outlet
	case keyPublisher:
		return &a.Publisher
	case keySource:
		return &a.Source
	case keySite:
		return &a.Site
	case keyLang:
		return &a.Lang
	case keyLanguage:
		return &a.Language
	case keyGenre:
		return &a.Genre
	case keySection:
		return &a.Section
	}
	return nil
}

func (a *jsonArticle) rawField(k jsonKey) *json.RawMessage {
	switch k {
	case keyAuthors:
		return &a.Authors
	case keyAuthor:
		return &a.Author
	case keyByline:
		return &a.Byline
	}
	return nil
}

// fastArticle decodes raw into a as encoding/json would and reports
// true, or reports false (a then holds partial values) when the line
// needs encoding/json.
func fastArticle(raw []byte, a *jsonArticle) bool {
	if !utf8.Valid(raw) {
		return false // encoding/json replaces invalid bytes; leave it that work
	}
	scratch := scratchPool.Get().(*[]byte)
	p := jsonParser{b: raw, scratch: *scratch}
	defer func() {
		*scratch = p.scratch[:0]
		scratchPool.Put(scratch)
	}()
	p.space()
	if !p.byte('{') {
		return false
	}
	p.space()
	if p.peek() == '}' {
		p.i++
	} else {
		for {
			p.space()
			key, ok := p.str()
			if !ok {
				return false
			}
			p.space()
			if !p.byte(':') {
				return false
			}
			p.space()
			k, known := jsonKeys[key]
			if !known && foldedKeys[asciiLower(key)] || !known && hasNonASCII(key) {
				return false // a case-insensitive match (or a Unicode fold): encoding/json's call
			}
			switch {
			case !known:
				if !p.skipValue(0) {
					return false
				}
			case a.rawField(k) != nil:
				start := p.i
				if !p.skipValue(0) {
					return false
				}
				v := make(json.RawMessage, p.i-start)
				copy(v, raw[start:p.i])
				*a.rawField(k) = v
			default:
				f := a.stringField(k)
				if p.literal("null") {
					*f = nil
					break
				}
				s, ok := p.str()
				if !ok {
					return false // not a string: a type error for encoding/json to word
				}
				*f = &s
			}
			p.space()
			if p.byte(',') {
				continue
			}
			if p.byte('}') {
				break
			}
			return false
		}
	}
	p.space()
	return p.i == len(p.b)
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// jsonParser reads JSON from b at i; its methods report false (and may
// leave i anywhere) on anything unexpected.
type jsonParser struct {
	b       []byte
	i       int
	scratch []byte // where str builds values with escapes
}

// scratchPool recycles the parsers' scratch buffers.
var scratchPool = sync.Pool{New: func() any { return new([]byte) }}

func (p *jsonParser) peek() byte {
	if p.i < len(p.b) {
		return p.b[p.i]
	}
	return 0
}

func (p *jsonParser) space() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonParser) byte(c byte) bool {
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *jsonParser) literal(lit string) bool {
	if len(p.b)-p.i >= len(lit) && string(p.b[p.i:p.i+len(lit)]) == lit {
		p.i += len(lit)
		return true
	}
	return false
}

// strPlain marks the bytes a JSON string holds as they are: not the
// closing quote, not a backslash, not a control character.
var strPlain = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// str reads a string (the input is valid UTF-8) and returns its value.
func (p *jsonParser) str() (string, bool) {
	if !p.byte('"') {
		return "", false
	}
	start := p.i
	for p.i < len(p.b) && strPlain[p.b[p.i]] {
		p.i++
	}
	if p.i < len(p.b) && p.b[p.i] == '"' {
		p.i++
		return string(p.b[start : p.i-1]), true
	}
	// Escapes: build the value.
	out := append(p.scratch[:0], p.b[start:p.i]...)
	defer func() { p.scratch = out[:0] }()
	for p.i < len(p.b) {
		c := p.b[p.i]
		switch {
		case c == '"':
			p.i++
			return string(out), true
		case c < 0x20:
			return "", false
		case c != '\\':
			j := p.i
			for p.i < len(p.b) && strPlain[p.b[p.i]] {
				p.i++
			}
			out = append(out, p.b[j:p.i]...)
			continue
		}
		if p.i+1 >= len(p.b) {
			return "", false
		}
		e := p.b[p.i+1]
		p.i += 2
		switch e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := p.hex4()
			if !ok {
				return "", false
			}
			if utf16.IsSurrogate(r) {
				// Only a well-formed pair is decoded here.
				if !p.literal(`\u`) {
					return "", false
				}
				r2, ok := p.hex4()
				if !ok {
					return "", false
				}
				r = utf16.DecodeRune(r, r2)
				if r == utf8.RuneError {
					return "", false
				}
			}
			out = utf8.AppendRune(out, r)
		default:
			return "", false
		}
	}
	return "", false
}

func (p *jsonParser) hex4() (rune, bool) {
	if len(p.b)-p.i < 4 {
		return 0, false
	}
	var r rune
	for _, c := range p.b[p.i : p.i+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	p.i += 4
	return r, true
}

// maxDepth bounds the nesting skipValue follows; deeper values are left
// to encoding/json (which refuses them beyond its own limit).
const maxDepth = 64

// skipValue steps over any JSON value, checking its syntax; depth is
// how deeply the value is nested.
func (p *jsonParser) skipValue(depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch c := p.peek(); {
	case c == '"':
		_, ok := p.str()
		return ok
	case c == '{':
		p.i++
		p.space()
		if p.byte('}') {
			return true
		}
		for {
			p.space()
			if _, ok := p.str(); !ok {
				return false
			}
			p.space()
			if !p.byte(':') {
				return false
			}
			p.space()
			if !p.skipValue(depth + 1) {
				return false
			}
			p.space()
			if p.byte(',') {
				continue
			}
			return p.byte('}')
		}
	case c == '[':
		p.i++
		p.space()
		if p.byte(']') {
			return true
		}
		for {
			p.space()
			if !p.skipValue(depth + 1) {
				return false
			}
			p.space()
			if p.byte(',') {
				continue
			}
			return p.byte(']')
		}
	case c == 't':
		return p.literal("true")
	case c == 'f':
		return p.literal("false")
	case c == 'n':
		return p.literal("null")
	case c == '-' || c >= '0' && c <= '9':
		start := p.i
		for p.i < len(p.b) {
			c := p.b[p.i]
			if c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' || c >= '0' && c <= '9' {
				p.i++
				continue
			}
			break
		}
		return validNumber(string(p.b[start:p.i]))
	}
	return false
}

// validNumber reports whether s is a JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func validNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case digits() == 0:
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}
