package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

func init() {
	register("version", "print dyad's version", func(args []string, stdout, stderr io.Writer) error {
		fs := newFlagSet("version", stderr, "")
		if err := parseFlags(fs, "version", args); err != nil {
			return err
		}
		v := "(devel)"
		if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
			v = bi.Main.Version
		}
		fmt.Fprintln(stdout, "dyad", v)
		return nil
	})
}
