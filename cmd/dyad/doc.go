package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dyad-events/dyad/internal/store"
)

func init() {
	register("doc", "show one stored document: metadata and text", runDoc)
}

func runDoc(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("doc", stderr, "[--db FILE] [--format text|json] ID  (any unique prefix of the ID)")
	db := fs.String("db", "", dbFlagUsage)
	format := fs.String("format", "text", "output format: text or json")
	if err := parseFlags(fs, "doc", args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{cmd: "doc", msg: "want exactly one document ID (see dyad docs)"}
	}
	if *format != "text" && *format != "json" {
		return usageError{cmd: "doc", msg: fmt.Sprintf("unknown --format %q (want text or json)", *format)}
	}
	st, err := store.Open(store.Path(*db))
	if err != nil {
		return err
	}
	defer st.Close()
	d, err := st.Document(context.Background(), fs.Arg(0))
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(toJSON(d))
	}
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(stdout, "%-16s %s\n", name+":", value)
		}
	}
	field("id", d.ID)
	field("file", d.File)
	field("url", d.URL)
	field("outlet", d.Outlet)
	field("title", d.Title)
	field("subtitle", d.Subtitle)
	field("reprinted from", d.ReprintedFrom)
	field("original title", d.OriginalTitle)
	for _, a := range d.Authors {
		var parts []string
		for _, p := range []string{a.NameZh, a.Role, a.Affiliation} {
			if p != "" {
				parts = append(parts, p)
			}
		}
		s := a.Name
		if len(parts) > 0 {
			s += " (" + strings.Join(parts, "; ") + ")"
		}
		field("author", s)
	}
	if !d.Published.IsZero() {
		field("published", d.Published.Format(time.DateOnly))
	}
	field("dateline", d.Dateline)
	field("language", d.Language)
	field("header language", d.HeaderLanguage)
	field("genre", d.Genre)
	field("duplicate of", d.DuplicateOf)
	field("ingested", d.IngestedAt.UTC().Format(time.RFC3339))
	fmt.Fprintf(stdout, "%-16s %d..%d of %d bytes\n\n", "body:", d.BodyStart, d.BodyEnd, len(d.Text))
	fmt.Fprintln(stdout, strings.TrimRight(d.Text, "\n"))
	return nil
}
