//go:build ignore

// gen converts the MIT-licensed PETRARCH verb dictionaries in the shared
// data folder into dyad's compiled pattern format (petrarch.pat). Run with
// `go generate ./internal/coder` (needs ../shared).
//
//	CAMEO.verbpatterns.150430.txt  PETRARCH-1 (Open Event Data Alliance, MIT)
//	CAMEO.2.0.txt                  PETRARCH-2 (Open Event Data Alliance, MIT)
package main

import (
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/dyad-events/dyad/internal/coder"
	"github.com/dyad-events/dyad/internal/shared"
)

func main() {
	dir, err := shared.Path("data", "phoenix")
	if err != nil {
		log.Fatal(err)
	}
	d := coder.NewDictionary()
	for _, f := range []struct{ file, origin string }{
		{"CAMEO.verbpatterns.150430.txt", "petrarch1"},
		{"CAMEO.2.0.txt", "petrarch2"},
	} {
		r, err := os.Open(filepath.Join(dir, f.file))
		if err != nil {
			log.Fatal(err)
		}
		err = coder.ReadPetrarch(r, d, f.origin)
		r.Close()
		var sk *coder.SkippedError
		if errors.As(err, &sk) {
			log.Printf("%s: %v", f.file, err)
		} else if err != nil {
			log.Fatal(err)
		}
	}
	out, err := os.Create("petrarch.pat")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Fprintln(out, "# dyad verb patterns compiled by gen.go from the PETRARCH dictionaries")
	fmt.Fprintln(out, "# CAMEO.verbpatterns.150430.txt and CAMEO.2.0.txt (github.com/openeventdata,")
	fmt.Fprintln(out, "# MIT License, Copyright (c) 2015 Open Event Data Alliance). Do not edit.")
	fmt.Fprintln(out, "# LEMMA\tCODE\tFRAME\tORIGIN")
	if err := d.WriteCompiled(out); err != nil {
		log.Fatal(err)
	}
	if err := out.Close(); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote petrarch.pat: %d patterns", d.Len())
}
