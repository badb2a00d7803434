package source

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/event"
)

// FormatReuters is the SGML of the Reuters-21578 collection (Lewis DTD):
// many <REUTERS> stories a file.
const FormatReuters Format = "reuters-sgml"

var (
	reNewID   = regexp.MustCompile(`NEWID="(\d+)"`)
	reSGMLTag = regexp.MustCompile(`(?s)<[^>]+>`)
)

// sgmlField returns the content of the first <tag>…</tag> in s.
func sgmlField(s, tag string) (string, bool) {
	open := "<" + tag
	i := strings.Index(s, open)
	if i < 0 {
		return "", false
	}
	j := strings.IndexByte(s[i:], '>')
	if j < 0 {
		return "", false
	}
	start := i + j + 1
	end := strings.Index(s[start:], "</"+tag+">")
	if end < 0 {
		return s[start:], true
	}
	return s[start : start+end], true
}

// sgmlText unescapes entities and drops the control characters the
// collection carries (&#2;, &#3;, &#5; …).
func sgmlText(s string) string {
	s = html.UnescapeString(s)
	// Drop control characters (but newlines and tabs) and invalid bytes;
	// printable ASCII is copied without decoding.
	i := 0
	for i < len(s) && keptASCII(s[i]) {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if keptASCII(c) {
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsControl(r) && r != utf8.RuneError {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// keptASCII reports whether sgmlText keeps the ASCII byte c: printable,
// a tab or a newline.
func keptASCII(c byte) bool {
	return c >= 0x20 && c <= 0x7e || c == '\n' || c == '\t'
}

// ParseReuters reads a Reuters-21578 SGML file: one document per
// <REUTERS> story, with its title, dateline, date (<DATE>) and body; a
// story without <BODY> (a brief) keeps its title as its text. The files
// are 8-bit text: bytes that are not UTF-8 are dropped. The outlet is
// Reuters.
func ParseReuters(name string, data []byte) ([]*event.Document, []error) {
	if !utf8.Valid(data) {
		data = bytes.ToValidUTF8(data, nil)
	}
	src := string(data)
	var docs []*event.Document
	var errs []error
	line, counted, stories := 1, 0, 0
	for pos := 0; ; {
		i := strings.Index(src[pos:], "<REUTERS")
		if i < 0 {
			break
		}
		start := pos + i
		gt := strings.IndexByte(src[start:], '>')
		if gt < 0 {
			break
		}
		end := strings.Index(src[start:], "</REUTERS>")
		if end < 0 {
			end = len(src) - start
		}
		attrs, story := src[start+len("<REUTERS"):start+gt], src[min(start+gt+1, start+end):start+end]
		pos = min(len(src), start+end+len("</REUTERS>"))
		stories++
		line += strings.Count(src[counted:start], "\n")
		counted = start
		id := ""
		if a := reNewID.FindStringSubmatch(attrs); a != nil {
			id = a[1]
		}
		title, _ := sgmlField(story, "TITLE")
		title = strings.Join(strings.Fields(sgmlText(title)), " ")
		dateline, _ := sgmlField(story, "DATELINE")
		dateline = strings.TrimSpace(sgmlText(dateline))
		body, ok := sgmlField(story, "BODY")
		if !ok {
			if t, ok := sgmlField(story, "TEXT"); ok {
				if tt, ok := sgmlField(t, "TITLE"); ok {
					t = strings.Replace(t, tt, "", 1)
				}
				body = strings.Trim(sgmlText(reSGMLTag.ReplaceAllString(t, "")), "* \n\t")
			}
		}
		body = strings.TrimSpace(sgmlText(body))
		body = strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(body, "Reuter")), "REUTER")
		body = strings.TrimSpace(body)
		var text strings.Builder
		if title != "" {
			text.WriteString(title)
			text.WriteString("\n\n")
		}
		if body != "" && body != title {
			if dateline != "" {
				text.WriteString(dateline)
				text.WriteByte(' ')
			}
			text.WriteString(body)
			text.WriteByte('\n')
		}
		if strings.TrimSpace(text.String()) == "" {
			errs = append(errs, &Error{File: name, Line: line, Err: fmt.Errorf("story NEWID=%s: %w", id, ErrNoText)})
			continue
		}
		doc := &event.Document{
			File:   fmt.Sprintf("%s#%s", name, id),
			Title:  title,
			Outlet: "Reuters",
			Text:   text.String(),
		}
		if d, ok := sgmlField(story, "DATE"); ok {
			if t, ok := ParseDate(strings.TrimSpace(d)); ok {
				doc.Published = t
			}
		}
		Extract(doc)
		docs = append(docs, doc)
	}
	if stories == 0 {
		errs = append(errs, &Error{File: name, Err: fmt.Errorf("no <REUTERS> stories in SGML")})
	}
	return docs, errs
}
