package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"sunlight/internal/gen"
)

func genCmd() *Command {
	return &Command{
		Name:      "gen",
		UsageLine: "gen [-units N] [-items M] [-seed S] [-year Y] [-hugo] -out DIR",
		Short:     "generate a realistic portal of any size (for benchmarks and tests)",
		Long: `Gen writes a deterministic, realistic content tree: units, power items in
every category with legal references to real statute articles, flows,
discretion benchmarks with tiers and risk catalogues. The same options always
give byte-identical files. With -hugo it writes the same corpus as a Hugo
site (content with TOML front matter and a minimal theme with the same
pages), so both generators can be measured on the same content.`,
		Flags: func(fs *flag.FlagSet, env *Env) func(context.Context, []string) error {
			var opt gen.Options
			fs.IntVar(&opt.Units, "units", 0, "number of units (default: items/100)")
			fs.IntVar(&opt.Items, "items", 1000, "number of power items")
			fs.Int64Var(&opt.Seed, "seed", 1, "random seed")
			fs.IntVar(&opt.Year, "year", 2025, "current year of the portal")
			hugo := fs.Bool("hugo", false, "write a Hugo site instead of Sunlight content")
			out := fs.String("out", "", "output directory (must not exist or be empty)")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return usageError{fmt.Sprintf("unexpected argument %q", args[0])}
				}
				if *out == "" {
					return usageError{"-out is required"}
				}
				if opt.Items <= 0 || opt.Units < 0 {
					return usageError{"-items must be positive and -units not negative"}
				}
				if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
					return usageError{fmt.Sprintf("%s is not empty", *out)}
				}
				start := time.Now()
				line := newStatus(env.Stderr)
				line.show(true, "sunlight gen: 生成 %d 个事项…", opt.Items)
				w := gen.DirWriter(*out)
				var err error
				if *hugo {
					err = gen.GenerateHugo(opt, w)
				} else {
					err = gen.Generate(opt, w)
				}
				line.clear()
				if err != nil {
					return err
				}
				n := opt.Normalized()
				fmt.Fprintf(env.Stderr, "sunlight gen: %d items in %d units written to %s in %d ms\n", n.Items, n.Units, *out, time.Since(start).Milliseconds())
				return nil
			}
		},
	}
}
