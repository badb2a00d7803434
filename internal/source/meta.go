package source

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/event"
)

// unit is one paragraph of a document: a line, or several hard-wrapped
// lines joined. start and end are byte offsets of its trimmed text in
// Document.Text.
type unit struct {
	start, end int
	text       string // the paragraph with its line breaks turned into spaces
}

// paragraphs splits text into units: each non-empty line, joined with the
// next when the next continues a hard-wrapped sentence (it starts with a
// lower-case letter and the line does not end a sentence).
func paragraphs(text string) []unit {
	var out []unit
	pos := 0
	prevOpen := false // the previous line may continue on this one
	for pos <= len(text) {
		nl := strings.IndexByte(text[pos:], '\n')
		end := len(text)
		if nl >= 0 {
			end = pos + nl
		}
		line := text[pos:end]
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			prevOpen = false
		} else {
			s := pos + strings.Index(line, trimmed)
			e := s + len(trimmed)
			first, _ := utf8.DecodeRuneInString(trimmed)
			if prevOpen && len(out) > 0 && unicode.IsLower(first) {
				u := &out[len(out)-1]
				u.end = e
				u.text += " " + trimmed
			} else {
				out = append(out, unit{start: s, end: e, text: trimmed})
			}
			prevOpen = !endsSentence(trimmed)
		}
		if nl < 0 {
			break
		}
		pos = end + 1
	}
	return out
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"'”’)»」』 `)
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?。！？:", r)
}

// extraction holds what Extract found besides the Document fields.
type extraction struct {
	doc        *event.Document
	zhAuthors  []zhAuthor
	bios       []bio
	byline     []string
	wire       bool // a wire dateline or "Reporting by" credit: news
	opinionCue bool // a views disclaimer or an expert's bio
	published  string
}

// Extract reads the metadata that the text itself states and fills the
// fields of doc that are still empty: Title, Subtitle, ReprintedFrom,
// OriginalTitle, Authors (names, Chinese names, affiliations, roles),
// Published, Dateline, Outlet, Language, HeaderLanguage and Genre; and it
// sets BodyStart/BodyEnd to the title, subtitle and body, leaving out
// reprint headers, metadata lines and trailing bios and notes.
//
// It understands Chinese reprint headers (本文转载自…, 原标题为…, 作者:…,
// 原文首发于…), "Key: value" header lines (Title, Author, Source, Date,
// URL…), genre labels ("Opinion", "Commentary", "社论"…), bylines ("By
// …"), datelines ("TOKYO, July 10 (Reuters) -"), English reprint notes
// ("Originally published in …", "This article first appeared …"),
// contributor bios ("X is a … at …", "The author is …"), wire credits
// ("Reporting by …") and views disclaimers.
func Extract(doc *event.Document) {
	units := paragraphs(doc.Text)
	doc.BodyStart, doc.BodyEnd = 0, len(doc.Text)
	if len(units) == 0 {
		return
	}
	x := &extraction{doc: doc}
	titleIdx, subIdx, lastHeader := -1, -1, -1
	headerText := ""
	body := len(units)
	seenByline := false
top:
	for i := 0; i < len(units) && i < 16; i++ {
		t := units[i].text
		switch {
		case x.keyValue(t):
			lastHeader = i
		case x.zhReprint(t):
			lastHeader = i
			headerText += t + "\n"
		case x.enReprint(t):
			lastHeader = i
			headerText += t + "\n"
		case x.genreLabel(t):
			if titleIdx >= 0 {
				lastHeader = i
			}
		case titleIdx < 0 && (doc.Title == "" && len(t) <= 300 && !reDateline.MatchString(t) || sameTitle(t, doc.Title)):
			titleIdx = i
			if doc.Title == "" {
				doc.Title = strings.TrimSpace(t)
			}
		case titleIdx < 0:
			body = i
			break top
		case x.parseByline(t):
			seenByline = true
		case titleIdx >= 0 && wireOutlets[strings.ToLower(strings.Trim(t, " .-–—"))] != "":
			x.wire = true
			if doc.Outlet == "" {
				doc.Outlet = wireOutlets[strings.ToLower(strings.Trim(t, " .-–—"))]
			}
		case isDateLine(t):
			if p, ok := ParseDate(stripDateLabel(t)); ok && doc.Published.IsZero() {
				doc.Published = p
			}
		case subIdx < 0 && !seenByline && i+1 < len(units) && isSubtitle(t):
			subIdx = i
			if doc.Subtitle == "" {
				doc.Subtitle = t
			}
		default:
			body = i
			break top
		}
	}
	if body == len(units) && titleIdx >= 0 && titleIdx+1 < len(units) {
		body = titleIdx + 1
	}
	// Footer: bios, reprint notes, credits and disclaimers, from the end.
	end := len(units)
	for j := len(units) - 1; j > body && j >= len(units)-8; j-- {
		t := units[j].text
		if x.bioUnit(t) || x.enReprint(t) || x.credit(t) || isCopyright(t) || (len(t) < 300 && x.zhReprint(t)) {
			end = j
			continue
		}
		break
	}
	if body < len(units) {
		x.parseDateline(units[body].text)
	}
	// The span the language pipeline reads: from the title (or, when a
	// header sits between title and body, the first line after it) to the
	// last body paragraph.
	startIdx := body
	if titleIdx >= 0 && titleIdx > lastHeader {
		startIdx = titleIdx
	} else if subIdx >= 0 && subIdx > lastHeader {
		startIdx = subIdx
	} else if lastHeader >= 0 && lastHeader+1 < len(units) && lastHeader+1 < startIdx {
		startIdx = lastHeader + 1
	}
	if startIdx < len(units) {
		doc.BodyStart = units[startIdx].start
	}
	if end > 0 && end-1 >= startIdx && end-1 < len(units) {
		doc.BodyEnd = units[end-1].end
	}
	if doc.BodyEnd < doc.BodyStart {
		doc.BodyStart, doc.BodyEnd = 0, len(doc.Text)
	}
	x.finish(headerText)
}

func sameTitle(line, title string) bool {
	if title == "" || len(line) > len(title)+8 || len(line)+8 < len(title) {
		return false
	}
	norm := func(s string) string { return strings.TrimRight(strings.ToLower(strings.TrimSpace(s)), ".:") }
	return norm(line) == norm(title)
}

// finish merges authors, decides language and genre.
func (x *extraction) finish(headerText string) {
	doc := x.doc
	if doc.Language == "" {
		doc.Language = DetectLanguage(doc.Text[doc.BodyStart:doc.BodyEnd])
	}
	if headerText != "" && doc.HeaderLanguage == "" {
		doc.HeaderLanguage = DetectLanguage(headerText)
	}
	if doc.Published.IsZero() && x.published != "" {
		if t, ok := ParseDate(x.published); ok {
			doc.Published = t
		}
	}
	x.mergeAuthors()
	if doc.Genre == "" {
		switch {
		case x.opinionCue:
			doc.Genre = "opinion"
		case x.wire:
			doc.Genre = "news"
		}
	}
}

// --- header lines -------------------------------------------------------

var reKeyValue = regexp.MustCompile(`^(?i)(title|headline|subtitle|author|authors|byline|source|outlet|publisher|published|publication date|date|url|link|language|genre|section|dateline)\s*[:：]\s*(.+)$`)

// keyValue reads a "Key: value" metadata line.
func (x *extraction) keyValue(t string) bool {
	m := reKeyValue.FindStringSubmatch(t)
	if m == nil || len(t) > 400 {
		return false
	}
	doc, v := x.doc, strings.TrimSpace(m[2])
	switch strings.ToLower(m[1]) {
	case "title", "headline":
		if doc.Title == "" {
			doc.Title = v
		}
	case "subtitle":
		if doc.Subtitle == "" {
			doc.Subtitle = v
		}
	case "author", "authors", "byline":
		if len(doc.Authors) == 0 {
			for _, n := range x.names(strings.TrimPrefix(v, "By ")) {
				doc.Authors = append(doc.Authors, event.Author{Name: n})
			}
		}
	case "source", "outlet", "publisher":
		if doc.Outlet == "" {
			doc.Outlet = v
		}
	case "published", "publication date", "date":
		if t, ok := ParseDate(v); ok {
			if doc.Published.IsZero() {
				doc.Published = t
			}
		} else {
			return false
		}
	case "url", "link":
		if doc.URL == "" {
			doc.URL = v
		}
	case "language":
		if doc.Language == "" {
			doc.Language = langTag(v)
		}
	case "genre", "section":
		if g := normalizeGenre(v); g != "" && doc.Genre == "" {
			doc.Genre = g
		}
	case "dateline":
		if doc.Dateline == "" {
			doc.Dateline = v
		}
	}
	return true
}

var genreWords = map[string]string{
	"opinion": "opinion", "op-ed": "opinion", "oped": "opinion", "commentary": "opinion", "comment": "opinion",
	"editorial": "editorial", "viewpoint": "opinion", "column": "opinion", "perspective": "opinion",
	"perspectives": "opinion", "opinions": "opinion", "letters": "opinion", "letter to the editor": "opinion",
	"analysis": "analysis", "news analysis": "analysis", "explainer": "analysis",
	"interview": "interview", "feature": "feature", "review": "review", "news": "news", "world news": "news",
	"评论": "opinion", "时评": "opinion", "观点": "opinion", "社评": "editorial", "社论": "editorial", "分析": "analysis",
}

// normalizeGenre maps a section or label to dyad's genre names; "" when
// the label names no genre.
func normalizeGenre(s string) string {
	s = strings.ToLower(strings.Trim(strings.TrimSpace(s), "[]()|:-–—*_ "))
	return genreWords[s]
}

// genreLabel reads a line that is only a genre label, or a title
// prefixed with one ("Opinion | …", "Commentary: …").
func (x *extraction) genreLabel(t string) bool {
	if len(t) < 40 {
		if g := normalizeGenre(t); g != "" {
			if x.doc.Genre == "" {
				x.doc.Genre = g
			}
			return true
		}
	}
	if i := strings.IndexAny(t[:min(len(t), 32)], "|:："); i > 0 && i < 30 {
		if g := normalizeGenre(t[:i]); g != "" && g != "news" && x.doc.Genre == "" {
			x.doc.Genre = g
		}
	}
	return false
}

var reDateOnly = regexp.MustCompile(`(?i)^(?:(?:published|updated|posted|date)[:\s]+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:` + monthRe + `\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+` + monthRe + `,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{4}年\d{1,2}月\d{1,2}日)(?:[ ,]+\d{1,2}:\d{2}.*)?$`)

func isDateLine(t string) bool { return len(t) < 80 && reDateOnly.MatchString(t) }

func stripDateLabel(t string) string {
	for _, p := range []string{"published", "updated", "posted", "date"} {
		if len(t) > len(p) && strings.EqualFold(t[:len(p)], p) {
			return strings.TrimLeft(t[len(p):], ": ")
		}
	}
	return t
}

// isSubtitle: a standfirst line after the title — not a sentence of the
// body (it does not end with sentence punctuation), several words long.
func isSubtitle(t string) bool {
	if len(t) < 20 || len(t) > 300 || endsSentence(t) || reDateline.MatchString(t) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(first) && !strings.ContainsRune("\"“‘'", first) && !unicode.Is(unicode.Han, first) {
		return false // "(after extra time)", "- score" …
	}
	return len(strings.Fields(t)) >= 5
}

// --- bylines and datelines ---------------------------------------------

var reByline = regexp.MustCompile(`^(?:By|BY|Written by|Words by|Text by|Story by)[:\s]+(.{2,160})$`)

// parseByline reads a "By …" line.
func (x *extraction) parseByline(t string) bool {
	m := reByline.FindStringSubmatch(t)
	if m == nil {
		return false
	}
	names := x.names(m[1])
	if len(names) == 0 && x.doc.Outlet == "" {
		return false
	}
	x.byline = names
	return true
}

// wireOutlets are news agencies named in bylines and datelines.
var wireOutlets = map[string]string{
	"reuters": "Reuters", "ap": "Associated Press", "associated press": "Associated Press", "the associated press": "Associated Press",
	"afp": "AFP", "agence france-presse": "AFP", "xinhua": "Xinhua", "kyodo": "Kyodo News", "kyodo news": "Kyodo News",
	"yonhap": "Yonhap", "bloomberg": "Bloomberg", "upi": "UPI", "dpa": "dpa", "ansa": "ANSA", "efe": "EFE",
	"tass": "TASS", "itar-tass": "TASS", "ria novosti": "RIA Novosti", "pti": "PTI", "ians": "IANS", "bernama": "Bernama",
	"anadolu": "Anadolu Agency", "pa": "PA Media",
}

var reNameSplit = regexp.MustCompile(`\s*(?:,\s*and\s+|,|;|\s+and\s+|\s*&\s*|\s*\|\s*)\s*`)
var staffWords = regexp.MustCompile(`(?i)\b(staff|agencies|correspondent|reporter|writer|editor|bureau|desk|team|contributor|news service|wire)s?\b`)

// names splits a byline into person names; news agencies named in it
// become the outlet when none is known.
func (x *extraction) names(s string) []string {
	var out []string
	for _, part := range splitNames(s) {
		if w, ok := wireOutlets[strings.ToLower(part)]; ok {
			x.wire = true
			if x.doc.Outlet == "" {
				x.doc.Outlet = w
			}
			continue
		}
		if strings.HasPrefix(part, "The ") { // "By Jane Doe | The Herald"
			if x.doc.Outlet == "" {
				x.doc.Outlet = part
			}
			continue
		}
		out = append(out, part)
	}
	return out
}

// splitNames splits "A, B and C" into names, dropping words that are not
// names (staff titles, "in CITY" suffixes).
func splitNames(s string) []string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, " in "); i > 0 {
		s = s[:i]
	}
	var out []string
	for _, p := range reNameSplit.Split(s, -1) {
		p = strings.Trim(strings.TrimSpace(p), ".-–—:*_")
		if p == "" || len(strings.Fields(p)) > 5 {
			continue
		}
		if staffWords.MatchString(p) && wireOutlets[strings.ToLower(p)] == "" {
			continue
		}
		out = append(out, p)
	}
	return out
}

// reDateline matches "TOKYO, July 10 (Reuters) - ", "SEOUL, South Korea
// (AP) — ", "WASHINGTON — ", "BEIJING, July 10, 2023 (Xinhua) -- ".
var reDateline = regexp.MustCompile(`^((?:[A-Z][A-Z'./\-]+)(?:\s[A-Z][A-Z'./\-]+){0,3})(?:,\s*((?:[A-Z][a-z.]+)(?:\s[A-Z][a-z.]+){0,2}))?(?:,?\s+(` + monthRe + `\s+\d{1,2}(?:,\s*\d{4})?))?\s*(?:\(([A-Za-z][A-Za-z .&\-]{0,30})\))?\s*(?:-{1,2}|–|—|:)\s+`)

// reAgencyOnly matches a dateline without a place: "(CNN) — ".
var reAgencyOnly = regexp.MustCompile(`^\(([A-Z][A-Za-z .&\-]{1,30})\)\s*(?:-{1,2}|–|—)\s+`)

func (x *extraction) parseDateline(t string) {
	if m := reAgencyOnly.FindStringSubmatch(t); m != nil {
		agency := strings.TrimSpace(m[1])
		if w, ok := wireOutlets[strings.ToLower(agency)]; ok {
			agency = w
		}
		if x.doc.Outlet == "" {
			x.doc.Outlet = agency
		}
		x.wire = true
		return
	}
	m := reDateline.FindStringSubmatch(t)
	if m == nil || len(m[1]) < 2 {
		return
	}
	// An all-caps first word that is a common word ("THE", "A") is not a place.
	if w := strings.Fields(m[1])[0]; w == "THE" || w == "A" || w == "I" {
		return
	}
	doc := x.doc
	if doc.Dateline == "" {
		doc.Dateline = m[1]
	}
	x.wire = x.wire || m[4] != "" || m[3] != ""
	if m[4] != "" {
		agency := strings.TrimSpace(m[4])
		if w, ok := wireOutlets[strings.ToLower(agency)]; ok {
			agency = w
		}
		if doc.Outlet == "" {
			doc.Outlet = agency
		}
	}
	if m[3] != "" && doc.Published.IsZero() {
		if t, ok := ParseDate(m[3]); ok {
			doc.Published = t
		}
	}
}

// --- footers -------------------------------------------------------------

var reReprintEn = regexp.MustCompile(`(?i)^\W*(?:this (?:article|story|piece|essay|column|op-ed|commentary|interview|post|report)\s+(?:was\s+|is\s+)?(?:first|originally)\s+(?:appeared|published|ran|posted|run)|(?:it was\s+)?(?:originally|first)\s+(?:published|appeared|ran|posted)|a version of this (?:article|story|piece|essay)\s+(?:first\s+|originally\s+)?(?:appeared|was published|ran)|(?:this (?:article|story|piece) is\s+)?(?:reprinted|republished)(?:\s+with (?:the\s+)?permission)?)\s+(?:of\s+|in\s+|on\s+|by\s+|at\s+|from\s+)(.+)$`)

var reOnDate = regexp.MustCompile(`(?i)\s+(?:on|dated)\s+(.+)$`)

// enReprint reads "Originally published in X on DATE." and its kin.
func (x *extraction) enReprint(t string) bool {
	if len(t) > 300 {
		return false
	}
	m := reReprintEn.FindStringSubmatch(t)
	if m == nil {
		return false
	}
	rest := strings.TrimSpace(m[1])
	if d := reOnDate.FindStringSubmatchIndex(rest); d != nil {
		if date, ok := ParseDate(strings.TrimRight(rest[d[2]:d[3]], ". ")); ok {
			x.published = date.Format("2006-01-02")
		}
		rest = rest[:d[0]]
	}
	if i := strings.Index(rest, ". "); i > 0 {
		rest = rest[:i]
	}
	if i := strings.IndexAny(rest, ",;("); i > 0 {
		if date, ok := ParseDate(rest[i+1:]); ok {
			x.published = date.Format("2006-01-02")
		}
		rest = rest[:i]
	}
	rest = strings.Trim(strings.TrimSpace(rest), ".*_\"“”")
	if rest != "" && x.doc.ReprintedFrom == "" {
		x.doc.ReprintedFrom = rest
	}
	return true
}

var reCredit = regexp.MustCompile(`(?i)^\(?\s*(?:additional\s+)?reporting by\s+([^;)]+)`)
var reDisclaimer = regexp.MustCompile(`(?i)(?:views|opinions)\s+expressed.*(?:author|writer|own)|(?:do(?:es)? not|don't)\s+necessarily\s+(?:reflect|represent)`)

// credit reads wire credits ("(Reporting by …; Editing by …)") and views
// disclaimers.
func (x *extraction) credit(t string) bool {
	if len(t) > 400 {
		return false
	}
	l := strings.ToLower(t)
	if !strings.Contains(l, "reporting by") && !strings.Contains(l, "expressed") && !strings.Contains(l, "necessarily") && !strings.Contains(l, "editing by") {
		return false
	}
	if m := reCredit.FindStringSubmatch(t); m != nil {
		x.wire = true
		if len(x.byline) == 0 {
			x.byline = x.names(m[1])
		}
		return true
	}
	if reDisclaimer.MatchString(t) {
		x.opinionCue = true
		return true
	}
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") && strings.Contains(strings.ToLower(t), "editing by") {
		x.wire = true
		return true
	}
	return false
}

func isCopyright(t string) bool {
	if len(t) >= 200 {
		return false
	}
	l := strings.ToLower(t)
	return strings.HasPrefix(l, "©") || strings.HasPrefix(l, "copyright") || strings.Contains(l, "all rights reserved")
}
