package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/dyad-events/dyad/internal/actor"
	"github.com/dyad-events/dyad/internal/shared"
)

func init() {
	register("build-dict", "rebuild the embedded actor knowledge base from ../shared and the curated tables", runBuildDict)
}

func runBuildDict(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("build-dict", stderr, "[--shared DIR] [--out FILE]")
	dir := fs.String("shared", "", "shared data folder (default: ../shared found from the working directory, or $DYAD_SHARED)")
	out := fs.String("out", filepath.Join("internal", "actor", "data", "kb.tsv.gz"), "compiled knowledge base to write")
	if err := parseFlags(fs, "build-dict", args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{cmd: "build-dict", msg: "unexpected arguments"}
	}
	if *dir == "" {
		d, err := shared.Dir()
		if err != nil {
			return err
		}
		*dir = d
	}
	var buf bytes.Buffer
	st, err := actor.Build(*dir, &buf)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", *out, err)
	}
	fmt.Fprintf(stdout, "wrote %s: %d entries, %d phrases, %d bytes\n", *out, st.Lines, st.Phrases, buf.Len())
	for _, m := range []struct {
		name string
		m    map[string]int
	}{{"source", st.BySource}, {"kind", st.ByKind}} {
		keys := make([]string, 0, len(m.m))
		for k := range m.m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(stdout, "  %s %-10s %7d\n", m.name, k, m.m[k])
		}
	}
	return nil
}
