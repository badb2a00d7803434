// Package demo holds the example articles that `dyad demo` ingests. They
// were written for dyad, in its own words, about real public events (the
// 2015 Iran nuclear agreement, the 2018 inter-Korean summit and a
// reprint of its report under a Chinese header, NATO's 2022 Madrid
// summit, the 2023 Camp David summit) and show the forms dyad reads:
// bylines, datelines, wire credits, a reprint header, a genre label,
// contributor bios and a first-appeared note.
package demo

import (
	"embed"
	"io/fs"
	"sort"
)

//go:embed articles/*.txt
var articles embed.FS

// Article is one example article.
type Article struct {
	Name string // file name, e.g. "2018-04-27-panmunjom-summit.txt"
	Data []byte
}

// Articles returns the example articles in name order.
func Articles() ([]Article, error) {
	entries, err := fs.ReadDir(articles, "articles")
	if err != nil {
		return nil, err
	}
	var out []Article
	for _, e := range entries {
		data, err := articles.ReadFile("articles/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, Article{Name: e.Name(), Data: data})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}
