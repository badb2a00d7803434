package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Some commands group subcommands ("dyad train tagger", "dyad eval parse",
// "dyad bench code"). Each subcommand registers itself with registerSub
// from its own file; the group command dispatches on the first argument.
// A subcommand registered under the name "" runs when the first argument
// names no subcommand (e.g. plain "dyad eval --gold FILE").

var groups = map[string]map[string]command{}

var groupSummaries = map[string]string{
	"train": "train a model (tagger, parser) from UD CoNLL-U files",
	"eval":  "score dyad against gold files (events; parse)",
	"bench": "measure speed and memory of a pipeline stage",
}

func registerSub(group, name, summary string, run func(args []string, stdout, stderr io.Writer) error) {
	g, ok := groups[group]
	if !ok {
		g = map[string]command{}
		groups[group] = g
		sum := groupSummaries[group]
		register(group, sum, func(args []string, stdout, stderr io.Writer) error {
			return runGroup(group, args, stdout, stderr)
		})
	}
	if _, dup := g[name]; dup {
		panic("dyad: subcommand registered twice: " + group + " " + name)
	}
	g[name] = command{summary: summary, run: run}
}

func runGroup(group string, args []string, stdout, stderr io.Writer) error {
	g := groups[group]
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		groupUsage(group, stdout)
		return nil
	}
	if len(args) > 0 {
		if c, ok := g[args[0]]; ok && args[0] != "" {
			return c.run(args[1:], stdout, stderr)
		}
	}
	if c, ok := g[""]; ok {
		return c.run(args, stdout, stderr)
	}
	if len(args) == 0 {
		return usageError{cmd: group, msg: "which one? " + strings.Join(subNames(group), ", ")}
	}
	return usageError{cmd: group, msg: fmt.Sprintf("unknown %s subcommand %q (have %s)", group, args[0], strings.Join(subNames(group), ", "))}
}

func subNames(group string) []string {
	var names []string
	for n := range groups[group] {
		if n != "" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

func groupUsage(group string, w io.Writer) {
	fmt.Fprintf(w, "Usage: dyad %s SUBCOMMAND [flags]\n\n", group)
	if c, ok := groups[group][""]; ok {
		fmt.Fprintf(w, "  %-12s %s\n", "(none)", c.summary)
	}
	for _, n := range subNames(group) {
		fmt.Fprintf(w, "  %-12s %s\n", n, groups[group][n].summary)
	}
}
