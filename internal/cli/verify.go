package cli

import (
	"context"
	"flag"
	"fmt"

	"sunlight/internal/site"
)

func verifyCmd() *Command {
	return &Command{
		Name:      "verify",
		UsageLine: "verify [-out DIR]",
		Short:     "check a built site against its manifest",
		Long: `Verify checks every file of a built site against the manifest.json that the
build wrote beside it (SHA-256 of every file, and the content commit it was
built from). It lists every changed, missing or unexpected file and exits 1
if there is any, so a published copy can be checked against the build — or
rebuilt from the same commit and compared.`,
		Flags: func(fs *flag.FlagSet, env *Env) func(context.Context, []string) error {
			out := fs.String("out", "public", "the built site")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return usageError{fmt.Sprintf("unexpected argument %q", args[0])}
				}
				problems, m, err := site.Verify(*out)
				if err != nil {
					return err
				}
				for _, p := range problems {
					fmt.Fprintln(env.Stdout, p)
				}
				commit := m.Commit
				if commit == "" {
					commit = "(未记录)"
				}
				if len(problems) > 0 {
					fmt.Fprintf(env.Stderr, "sunlight verify: %d of %d files do not match the manifest (content commit %s)\n", len(problems), len(m.Files), commit)
					return exitError{1}
				}
				fmt.Fprintf(env.Stderr, "sunlight verify: all %d files match the manifest (content commit %s)\n", len(m.Files), commit)
				return nil
			}
		},
	}
}
