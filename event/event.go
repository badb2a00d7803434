// Package event holds dyad's domain: documents, sentences, tokens, actor
// mentions and coded events. Every pipeline stage takes these types from the
// stage before it and fills in more of them; no stage reaches back.
//
// Byte offsets (Start, End, Span) always index Document.Text, half-open
// [start, end). Dates are calendar dates without time zone unless stated.
package event

import "time"

// Author is one author of a document, as found in bylines, reprint headers
// and contributor bios.
type Author struct {
	Name        string `json:"name"`                  // romanized / English name
	NameZh      string `json:"name_zh,omitempty"`     // name in Chinese script when given
	Affiliation string `json:"affiliation,omitempty"` // institution(s), comma separated
	Role        string `json:"role,omitempty"`        // position held there
}

// Document is one article with its metadata.
type Document struct {
	ID            string   `json:"id"`   // hex SHA-256 of the normalized text
	File          string   `json:"file"` // path or URL it was read from ("-" for stdin)
	URL           string   `json:"url,omitempty"`
	Outlet        string   `json:"outlet,omitempty"`
	Title         string   `json:"title"`
	Subtitle      string   `json:"subtitle,omitempty"`
	ReprintedFrom string   `json:"reprinted_from,omitempty"`
	OriginalTitle string   `json:"original_title,omitempty"`
	Authors       []Author `json:"authors,omitempty"`
	// Published is the first publication date (UTC midnight when only the
	// day is known); zero when unknown.
	Published      time.Time `json:"-"`
	Dateline       string    `json:"dateline,omitempty"` // e.g. "TOKYO"
	Language       string    `json:"language,omitempty"` // ISO 639-1 of the body
	HeaderLanguage string    `json:"header_language,omitempty"`
	Genre          string    `json:"genre,omitempty"` // news, opinion, analysis, …
	// Text is the whole article text as stored (UTF-8, "\n" line ends).
	Text string `json:"-"`
	// BodyStart, BodyEnd delimit the part of Text that the language
	// pipeline reads (title, subtitle and body; reprint headers and
	// author bios excluded).
	BodyStart   int       `json:"-"`
	BodyEnd     int       `json:"-"`
	DuplicateOf string    `json:"duplicate_of,omitempty"` // ID of the first copy of a reprint
	IngestedAt  time.Time `json:"-"`
}

// Token is one syntactic word (a UD "word"): its form, offsets and the
// annotations the tagger, lemmatizer and parser add.
type Token struct {
	ID         int    // 1-based position in the sentence (CoNLL-U ID)
	Form       string // the word as written (may differ from Text[Start:End] for normalized quotes)
	Start, End int    // byte offsets into the document text; -1 when unknown
	SpaceAfter bool   // whether whitespace follows in the text
	Lemma      string
	UPOS       string // Universal POS tag
	XPOS       string // Penn Treebank tag
	Feats      string // UD features, "Tense=Past|VerbForm=Fin", "_" when none
	Head       int    // ID of the head token, 0 for the root
	Deprel     string // UD relation with subtype, e.g. "obl:tmod"
}

// Sentence is one sentence with its tokens.
type Sentence struct {
	Index      int // 0-based position in the document
	Start, End int // byte offsets into the document text
	Text       string
	Tokens     []Token
}

// Actor is one participant of an event as coded (the "source" and "target"
// of the JSON contract).
type Actor struct {
	Text    string `json:"text"`
	Code    string `json:"code"`    // CAMEO actor code, e.g. "JPNGOV", "IGOWSTNAT"
	Country string `json:"country"` // ISO 3166 alpha-3 or ""
	Org     string `json:"org"`     // organization short name ("NATO") or ""
	Role    string `json:"role"`    // CAMEO sector: GOV, MIL, EDU … or ""
	Name    string `json:"name"`    // canonical person or body name when known
}

// Evidence is the word or phrase that states an event.
type Evidence struct {
	Text string `json:"text"`
	Span [2]int `json:"span"`
}

// Modality values.
const (
	Asserted     = "asserted"
	Planned      = "planned"
	Ongoing      = "ongoing"
	Negated      = "negated"
	Hypothetical = "hypothetical"
)

// Date precisions. PrecisionDoc marks an event dated by its document's
// publication date because the text gives no date.
const (
	PrecisionDay    = "day"
	PrecisionWeek   = "week"
	PrecisionMonth  = "month"
	PrecisionYear   = "year"
	PrecisionDecade = "decade"
	PrecisionDoc    = "doc"
)

// Event is one coded event. Its JSON form is the contract of `dyad code`.
type Event struct {
	Doc       string   `json:"doc"`
	Sentence  int      `json:"sentence"`
	Text      string   `json:"text"`
	Span      [2]int   `json:"span"`
	Source    Actor    `json:"source"`
	Target    Actor    `json:"target"`
	CAMEO     string   `json:"cameo"`
	Root      string   `json:"root"`
	Quad      int      `json:"quad"`
	Goldstein float64  `json:"goldstein"`
	PLOVER    string   `json:"plover"`
	Date      string   `json:"date"`      // "YYYY", "YYYY-MM" or "YYYY-MM-DD"
	Precision string   `json:"precision"` // day|week|month|year|decade|doc
	Modality  string   `json:"modality"`
	Evidence  Evidence `json:"evidence"`
	Published string   `json:"published,omitempty"` // document publication date, YYYY-MM-DD
	Coder     string   `json:"coder,omitempty"`     // coder and dictionary version
	Mentions  int      `json:"mentions,omitempty"`  // copies of the article stating it
}
