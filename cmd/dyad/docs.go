package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/internal/store"
)

func init() {
	register("docs", "list the stored documents with their metadata", runDocs)
}

// docJSON is a document's metadata as `dyad docs --format json` and
// `dyad doc --format json` print it (the fields of seed/document.json
// plus id, url, outlet, dateline, duplicate_of and ingested_at).
type docJSON struct {
	ID             string         `json:"id"`
	File           string         `json:"file"`
	URL            string         `json:"url,omitempty"`
	Outlet         string         `json:"outlet,omitempty"`
	Title          string         `json:"title"`
	Subtitle       string         `json:"subtitle,omitempty"`
	ReprintedFrom  string         `json:"reprinted_from,omitempty"`
	OriginalTitle  string         `json:"original_title,omitempty"`
	Authors        []event.Author `json:"authors,omitempty"`
	Published      string         `json:"published,omitempty"`
	Dateline       string         `json:"dateline,omitempty"`
	Language       string         `json:"language,omitempty"`
	HeaderLanguage string         `json:"header_language,omitempty"`
	Genre          string         `json:"genre,omitempty"`
	DuplicateOf    string         `json:"duplicate_of,omitempty"`
	IngestedAt     string         `json:"ingested_at"`
	Text           string         `json:"text,omitempty"`
}

func toJSON(d *event.Document) docJSON {
	j := docJSON{ID: d.ID, File: d.File, URL: d.URL, Outlet: d.Outlet, Title: d.Title, Subtitle: d.Subtitle,
		ReprintedFrom: d.ReprintedFrom, OriginalTitle: d.OriginalTitle, Authors: d.Authors, Dateline: d.Dateline,
		Language: d.Language, HeaderLanguage: d.HeaderLanguage, Genre: d.Genre, DuplicateOf: d.DuplicateOf,
		IngestedAt: d.IngestedAt.UTC().Format(time.RFC3339), Text: d.Text}
	if !d.Published.IsZero() {
		j.Published = d.Published.Format(time.DateOnly)
	}
	return j
}

func runDocs(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("docs", stderr, "[--db FILE] [--format table|json]")
	db := fs.String("db", "", dbFlagUsage)
	format := fs.String("format", "table", "output format: table or json (one object a line)")
	if err := parseFlags(fs, "docs", args); err != nil {
		return err
	}
	if *format != "table" && *format != "json" {
		return usageError{cmd: "docs", msg: fmt.Sprintf("unknown --format %q (want table or json)", *format)}
	}
	if fs.NArg() > 0 {
		return usageError{cmd: "docs", msg: "docs takes no arguments (use dyad doc ID for one document)"}
	}
	st, err := store.Open(store.Path(*db))
	if err != nil {
		return err
	}
	defer st.Close()
	docs, err := st.Documents(context.Background())
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		for _, d := range docs {
			if err := enc.Encode(toJSON(d)); err != nil {
				return err
			}
		}
		return nil
	}
	return docsTable(stdout, docs)
}

// docsTable prints one line per document.
func docsTable(w io.Writer, docs []*event.Document) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPUBLISHED\tOUTLET\tGENRE\tLANG\tAUTHORS\tTITLE")
	for _, d := range docs {
		pub := "-"
		if !d.Published.IsZero() {
			pub = d.Published.Format(time.DateOnly)
		}
		var names []string
		for _, a := range d.Authors {
			names = append(names, a.Name)
		}
		title := d.Title
		if d.DuplicateOf != "" {
			title = fmt.Sprintf("%s  (duplicate of %.12s)", title, d.DuplicateOf)
		}
		fmt.Fprintf(tw, "%.12s\t%s\t%s\t%s\t%s\t%s\t%s\n", d.ID, pub, orDash(clip(d.Outlet, 24)), orDash(d.Genre), orDash(d.Language),
			orDash(clip(strings.Join(names, ", "), 32)), clip(title, 80))
	}
	return tw.Flush()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// clip shortens s to n runes with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
