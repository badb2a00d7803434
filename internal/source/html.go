package source

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/dyad-events/dyad/event"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// ParseHTML reads an HTML article page: the main text by go-readability,
// the metadata from <meta> tags (og:title, og:site_name, og:url,
// article:published_time, author, article:section), JSON-LD
// (NewsArticle and its kin: headline, datePublished, author, publisher,
// articleSection, @type) and <time datetime>. The charset comes from a
// BOM, a <meta charset> or http-equiv declaration, else from the bytes
// (UTF-8, GB18030/GBK, Shift_JIS).
func ParseHTML(name string, data []byte) (*event.Document, error) {
	declared := ""
	if !bytesValidUTF8(data) {
		// DetermineEncoding answers windows-1252 both when a <meta>
		// declares it and when nothing is declared: take it only when the
		// page says "charset".
		_, cs, certain := charset.DetermineEncoding(data, "")
		head := bytes.ToLower(data[:min(len(data), 1024)])
		if certain || cs != "windows-1252" || bytes.Contains(head, []byte("charset")) {
			declared = cs
		}
	}
	src, err := Decode(data, declared)
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return nil, &Error{File: name, Err: fmt.Errorf("HTML: %v", err)}
	}
	meta := pageMeta(root)
	art, err := readability.FromDocument(root, nil)
	if err != nil {
		return nil, &Error{File: name, Err: fmt.Errorf("extract main text: %v", err)}
	}
	var body bytes.Buffer
	if art.Node != nil {
		_ = art.RenderText(&body)
	}
	text := strings.TrimSpace(normalizeNewlines(body.String()))
	if text == "" {
		return nil, &Error{File: name, Err: ErrNoText}
	}
	title := firstNonEmpty(meta.title, art.Title())
	if title != "" && !strings.HasPrefix(text, title) {
		text = title + "\n\n" + text
	}
	doc := &event.Document{
		File:      name,
		URL:       meta.url,
		Outlet:    firstNonEmpty(meta.outlet, art.SiteName()),
		Title:     title,
		Text:      text,
		Genre:     meta.genre,
		Language:  langTag(firstNonEmpty(meta.lang, art.Language())),
		Published: meta.published,
	}
	if doc.Published.IsZero() {
		if t, err := art.PublishedTime(); err == nil {
			doc.Published = t.UTC()
		}
	}
	names := meta.authors
	if len(names) == 0 && art.Byline() != "" {
		names = splitNames(strings.TrimPrefix(strings.TrimSpace(art.Byline()), "By "))
	}
	for _, n := range names {
		doc.Authors = append(doc.Authors, event.Author{Name: n})
	}
	Extract(doc)
	return doc, nil
}

func bytesValidUTF8(b []byte) bool { return utf8.Valid(b) }

type htmlMeta struct {
	title, outlet, url, lang, genre string
	authors                         []string
	published                       time.Time
}

// pageMeta collects metadata from <meta>, <link rel=canonical>, <html
// lang>, <time> and JSON-LD scripts. JSON-LD wins over <meta>, <meta>
// over <time>.
func pageMeta(root *html.Node) htmlMeta {
	var m htmlMeta
	var timeAttr string
	var metaDate, ldDate string
	var ld []map[string]any
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html":
				m.lang = attr(n, "lang")
			case "meta":
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				val := strings.TrimSpace(attr(n, "content"))
				if val == "" {
					break
				}
				switch key {
				case "og:title", "twitter:title":
					if m.title == "" {
						m.title = val
					}
				case "og:site_name", "application-name":
					if m.outlet == "" {
						m.outlet = val
					}
				case "og:url":
					m.url = val
				case "article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date":
					if metaDate == "" {
						metaDate = val
					}
				case "author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author":
					if !strings.HasPrefix(val, "http") {
						m.authors = appendUnique(m.authors, splitNames(strings.TrimPrefix(val, "By "))...)
					}
				case "article:section":
					if g := normalizeGenre(val); g != "" && m.genre == "" {
						m.genre = g
					}
				case "og:locale", "language", "content-language":
					if m.lang == "" {
						m.lang = val
					}
				}
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.url == "" {
					m.url = attr(n, "href")
				}
			case "time":
				if timeAttr == "" {
					timeAttr = attr(n, "datetime")
				}
			case "script":
				if strings.EqualFold(attr(n, "type"), "application/ld+json") && n.FirstChild != nil {
					ld = append(ld, jsonLDObjects(n.FirstChild.Data)...)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	for _, o := range ld {
		typ := ldTypes(o["@type"])
		if !isArticleType(typ) {
			continue
		}
		if s, _ := o["headline"].(string); s != "" {
			m.title = strings.TrimSpace(s)
		}
		if s, _ := o["datePublished"].(string); s != "" {
			ldDate = s
		}
		if names := ldNames(o["author"]); len(names) > 0 {
			m.authors = names
		}
		if pubs := ldNames(o["publisher"]); len(pubs) > 0 {
			m.outlet = pubs[0]
		}
		if s, _ := o["url"].(string); s != "" && m.url == "" {
			m.url = s
		}
		for _, t := range typ {
			switch t {
			case "OpinionNewsArticle", "BackgroundNewsArticle":
				m.genre = "opinion"
			case "AnalysisNewsArticle":
				m.genre = "analysis"
			case "ReviewNewsArticle", "Review":
				m.genre = "review"
			case "ReportageNewsArticle":
				m.genre = "news"
			}
		}
		if m.genre == "" {
			if s, _ := o["articleSection"].(string); s != "" {
				m.genre = normalizeGenre(s)
			}
		}
	}
	for _, d := range []string{ldDate, metaDate, timeAttr} {
		if t, ok := ParseDate(d); ok {
			m.published = t
			break
		}
	}
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// jsonLDObjects decodes a JSON-LD script into its objects, flattening
// top-level arrays and @graph lists. Malformed JSON-LD is ignored.
func jsonLDObjects(s string) []map[string]any {
	var v any
	if json.Unmarshal([]byte(s), &v) != nil {
		return nil
	}
	var out []map[string]any
	var add func(any)
	add = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				add(e)
			}
		case map[string]any:
			out = append(out, x)
			if g, ok := x["@graph"]; ok {
				add(g)
			}
		}
	}
	add(v)
	return out
}

func ldTypes(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func isArticleType(types []string) bool {
	for _, t := range types {
		if strings.HasSuffix(t, "Article") || t == "Report" || t == "Review" || t == "BlogPosting" {
			return true
		}
	}
	return false
}

// ldNames reads a JSON-LD author or publisher: a string, a {name} object
// or a list of either.
func ldNames(v any) []string {
	switch x := v.(type) {
	case string:
		return splitNames(x)
	case map[string]any:
		if s, _ := x["name"].(string); strings.TrimSpace(s) != "" {
			return []string{strings.TrimSpace(s)}
		}
	case []any:
		var out []string
		for _, e := range x {
			out = appendUnique(out, ldNames(e)...)
		}
		return out
	}
	return nil
}

func appendUnique(list []string, items ...string) []string {
outer:
	for _, it := range items {
		for _, have := range list {
			if strings.EqualFold(have, it) {
				continue outer
			}
		}
		list = append(list, it)
	}
	return list
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
