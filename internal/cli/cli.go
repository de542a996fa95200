// Package cli is the sunlight command line: a table of commands, each with
// its own flag set, returning errors instead of exiting.
//
// Exit codes: 0 success, 1 content errors (or warnings under check -strict),
// 2 usage errors, 3 internal or I/O errors. Results go to stdout;
// diagnostics and progress go to stderr.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// Version is the program version printed by `sunlight version`.
const Version = "0.1.0"

// Command is one subcommand.
type Command struct {
	Name      string
	UsageLine string
	Short     string
	Long      string
	// Flags registers the command's flags and returns the function that
	// runs it once the flags are parsed.
	Flags func(fs *flag.FlagSet, env *Env) func(ctx context.Context, args []string) error
}

// Env is what commands read and write.
type Env struct {
	Stdout, Stderr io.Writer
}

// exitError carries an exit code without printing more.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func commands() []*Command {
	return []*Command{buildCmd(), checkCmd(), serveCmd(), searchCmd(), importCmd(), printCmd(), verifyCmd(), genCmd(), versionCmd()}
}

// Main runs the command line args and returns the exit code.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	env := &Env{Stdout: stdout, Stderr: stderr}
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		if len(args) > 1 {
			for _, c := range cmds {
				if c.Name == args[1] {
					printCommandHelp(stdout, c, nil)
					return 0
				}
			}
		}
		w := stdout
		code := 0
		if len(args) == 0 {
			w, code = stderr, 2
		}
		printUsage(w, cmds)
		return code
	}
	var cmd *Command
	for _, c := range cmds {
		if c.Name == args[0] {
			cmd = c
		}
	}
	if cmd == nil {
		fmt.Fprintf(stderr, "sunlight: unknown command %q\nhint: run 'sunlight -h' to see the commands\n", args[0])
		return 2
	}
	fs := flag.NewFlagSet("sunlight "+cmd.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	run := cmd.Flags(fs, env)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printCommandHelp(stdout, cmd, fs)
			return 0
		}
		fmt.Fprintf(stderr, "sunlight %s: %v\nhint: run 'sunlight %s -h' for usage\n", cmd.Name, err, cmd.Name)
		return 2
	}
	err := run(ctx, fs.Args())
	var ee exitError
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "sunlight %s: %s\nhint: run 'sunlight %s -h' for usage\n", cmd.Name, ue.msg, cmd.Name)
		return 2
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(stderr, "sunlight %s: interrupted\n", cmd.Name)
		return 130
	default:
		fmt.Fprintf(stderr, "sunlight %s: error: %v\n", cmd.Name, err)
		return 3
	}
}

func printUsage(w io.Writer, cmds []*Command) {
	fmt.Fprintf(w, "Sunlight builds a county's integrity-risk transparency portal (廉政风险防控公开) from content files.\n\nUsage:\n\n\tsunlight <command> [flags]\n\nCommands:\n\n")
	for _, c := range cmds {
		fmt.Fprintf(w, "\t%-10s %s\n", c.Name, c.Short)
	}
	fmt.Fprintf(w, "\nRun 'sunlight <command> -h' for a command's flags.\n")
}

func printCommandHelp(w io.Writer, c *Command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: sunlight %s\n\n%s\n", c.UsageLine, strings.TrimSpace(c.Long))
	if fs == nil {
		fs = flag.NewFlagSet(c.Name, flag.ContinueOnError)
		c.Flags(fs, &Env{Stdout: io.Discard, Stderr: io.Discard})
	}
	has := false
	fs.VisitAll(func(*flag.Flag) { has = true })
	if has {
		fmt.Fprintf(w, "\nFlags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
	}
}

func versionCmd() *Command {
	return &Command{
		Name: "version", UsageLine: "version", Short: "print the version",
		Long: "Version prints the version of sunlight.",
		Flags: func(fs *flag.FlagSet, env *Env) func(context.Context, []string) error {
			return func(_ context.Context, args []string) error {
				if len(args) > 0 {
					return usageError{"version takes no arguments"}
				}
				fmt.Fprintf(env.Stdout, "sunlight %s\n", Version)
				return nil
			}
		},
	}
}
