//go:build deps

// Package deps pins the third-party modules dyad builds on, so that go.mod
// keeps them while the packages that use them are written.
package deps

import (
	_ "codeberg.org/readeck/go-readability/v2"
	_ "github.com/duckdb/duckdb-go/v2"
	_ "github.com/mmcdole/gofeed"
	_ "github.com/schollz/progressbar/v3"
	_ "golang.org/x/net/html/charset"
	_ "golang.org/x/term"
	_ "golang.org/x/text/encoding/simplifiedchinese"
	_ "gonum.org/v1/gonum/stat"
)
