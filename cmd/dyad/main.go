// Command dyad turns news text into event data and measures how pairs of
// actors trend. Each subcommand lives in its own file and registers itself
// in commands; this file only dispatches.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
)

// command is one subcommand: its one-line summary and its entry point.
// Run gets the arguments after the command name and returns an error to be
// printed as "Error: …"; errSilent exits 1 without printing (the command
// has already reported its failures).
type command struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) error
}

var commands = map[string]command{}

// register adds a subcommand; called from init in each command's file.
func register(name, summary string, run func(args []string, stdout, stderr io.Writer) error) {
	if _, dup := commands[name]; dup {
		panic("dyad: command registered twice: " + name)
	}
	commands[name] = command{summary: summary, run: run}
}

// errSilent makes dyad exit 1 after a command printed its own report.
var errSilent = errors.New("failed")

// usageError is returned for wrong flags or arguments; dyad prints it with
// a hint to the command's help.
type usageError struct{ cmd, msg string }

func (e usageError) Error() string { return e.msg }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "Error: unknown command %q\nTry: dyad help\n", args[0])
		return 2
	}
	err := cmd.run(args[1:], stdout, stderr)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errSilent):
		return 1
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "Error: %s\nTry: dyad %s -h\n", ue.msg, ue.cmd)
		return 2
	}
	fmt.Fprintf(stderr, "Error: %v\n", err)
	return 1
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "dyad turns news text into event data: who did what to whom, when.")
	fmt.Fprintln(w, "\nUsage: dyad COMMAND [flags] [args]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-12s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'dyad COMMAND -h' for a command's flags.")
}

// newFlagSet makes a FlagSet for a subcommand that writes its help to
// stderr and returns errors instead of exiting.
func newFlagSet(name string, stderr io.Writer, usageLine string) *flag.FlagSet {
	fs := flag.NewFlagSet("dyad "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: dyad %s %s\n", name, usageLine)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and turns a flag error into a usageError.
func parseFlags(fs *flag.FlagSet, name string, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{cmd: name, msg: err.Error()}
	}
	return nil
}
