package source

import (
	"bytes"
	"fmt"
	"strings"

	"codeberg.org/readeck/go-readability/v2/render"
	"github.com/dyad-events/dyad/event"
	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
)

// ParseFeed reads an RSS or Atom feed: one document per item, its text
// from the item's content (else its description) with HTML markup turned
// into plain text. The feed's title is the outlet. An item without text
// is reported and skipped; a feed that does not parse is one error.
func ParseFeed(name string, data []byte) ([]*event.Document, []error) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, []error{&Error{File: name, Err: fmt.Errorf("broken feed: %v", err)}}
	}
	var docs []*event.Document
	var errs []error
	for i, it := range feed.Items {
		body := it.Content
		if strings.TrimSpace(body) == "" {
			body = it.Description
		}
		body = strings.TrimSpace(htmlToText(body))
		if body == "" {
			errs = append(errs, &Error{File: name, Err: fmt.Errorf("item %d (%q): %w", i+1, it.Title, ErrNoText)})
			continue
		}
		title := strings.TrimSpace(htmlToText(it.Title))
		text := body
		if title != "" && !strings.HasPrefix(body, title) {
			text = title + "\n\n" + body
		}
		doc := &event.Document{
			File:   fmt.Sprintf("%s#%d", name, i+1),
			URL:    it.Link,
			Title:  title,
			Outlet: strings.TrimSpace(feed.Title),
			Text:   normalizeNewlines(text),
		}
		if it.PublishedParsed != nil {
			doc.Published = it.PublishedParsed.UTC()
		} else if it.UpdatedParsed != nil {
			doc.Published = it.UpdatedParsed.UTC()
		}
		for _, p := range it.Authors {
			if p != nil && strings.TrimSpace(p.Name) != "" {
				doc.Authors = append(doc.Authors, event.Author{Name: strings.TrimSpace(p.Name)})
			}
		}
		if feed.Language != "" {
			doc.Language = langTag(feed.Language)
		}
		Extract(doc)
		docs = append(docs, doc)
	}
	if len(feed.Items) == 0 {
		errs = append(errs, &Error{File: name, Err: fmt.Errorf("feed has no items")})
	}
	return docs, errs
}

// htmlToText renders an HTML fragment as plain text (paragraphs on their
// own lines); text without markup is returned unchanged.
func htmlToText(s string) string {
	// Feeds often escape their HTML twice: convert until no markup is left.
	for i := 0; i < 3 && strings.ContainsAny(s, "<&"); i++ {
		t := htmlToText1(s)
		if t == s {
			break
		}
		s = t
	}
	return s
}

func htmlToText1(s string) string {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return s
	}
	return strings.TrimSpace(render.InnerText(doc))
}

// langTag reduces "en-US" to "en".
func langTag(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	return s
}
