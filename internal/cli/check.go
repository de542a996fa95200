package cli

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"

	"sunlight/internal/check"
	"sunlight/internal/diag"
	"sunlight/internal/site"
)

func checkCmd() *Command {
	return &Command{
		Name:      "check",
		UsageLine: "check [-content DIR] [-format text|json|github] [-strict] [-coverage]",
		Short:     "check every content file and report problems and disclosure coverage",
		Long: `Check reads the whole content tree and reports every problem at once,
sorted by file and line, as path:line:col: severity: message plus a hint.
Errors block publishing; warnings are completeness gaps (missing flowchart,
benchmark, risk points, annual review …). It writes nothing.

-format json prints the diagnostics as a JSON array for tools; -format github
prints GitHub Actions workflow commands so CI annotates the files. -coverage
also prints each unit's disclosure completeness.

Exit status: 0 when there are no errors (and, with -strict, no warnings);
1 otherwise.`,
		Flags: func(fs *flag.FlagSet, env *Env) func(context.Context, []string) error {
			var sf siteFlags
			sf.register(fs)
			format := fs.String("format", "text", "output format: text, json or github")
			strict := fs.Bool("strict", false, "fail on warnings too")
			coverage := fs.Bool("coverage", false, "print each unit's disclosure coverage")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return usageError{fmt.Sprintf("unexpected argument %q", args[0])}
				}
				if *format != "text" && *format != "json" && *format != "github" {
					return usageError{fmt.Sprintf("unknown -format %q (want text, json or github)", *format)}
				}
				opt, err := sf.options()
				if err != nil {
					return err
				}
				line := newStatus(env.Stderr)
				line.show(true, "sunlight check: 读取并检查内容…")
				_, derived, diags := site.Load(opt)
				line.clear()
				cov := derived.Coverage
				switch *format {
				case "json":
					err = diags.WriteJSON(env.Stdout)
				case "github":
					err = diags.WriteGitHub(env.Stdout)
				default:
					err = diags.WriteText(env.Stdout)
				}
				if err != nil {
					return err
				}
				if *coverage && cov != nil {
					printCoverage(env, cov)
				}
				nerr, nwarn := diags.Count(diag.Error), diags.Count(diag.Warning)
				fmt.Fprintf(env.Stderr, "sunlight check: %d errors, %d warnings\n", nerr, nwarn)
				if nerr > 0 || (*strict && nwarn > 0) {
					return exitError{1}
				}
				return nil
			}
		},
	}
}

func printCoverage(env *Env, cov *check.Coverage) {
	fmt.Fprintf(env.Stdout, "\n%d 年度公开完整度(由低到高)\n", cov.Year)
	tw := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "单位\t完整度\t事项\t流程图\t裁量基准\t风险点\t风险目录\t已复核\t待改进")
	for _, u := range cov.Sorted() {
		cat := "缺少"
		if u.RiskCatalogue {
			cat = "有"
		}
		missing := ""
		for i, m := range u.Missing {
			if i > 0 {
				missing += ";"
			}
			missing += m
		}
		fmt.Fprintf(tw, "%s\t%d%%\t%d\t%d/%d\t%d/%d\t%d/%d\t%s\t%d/%d\t%s\n", u.Unit.DisplayName(), u.Score, u.Powers,
			u.WithFlow, u.Powers, u.PenaltiesWithBenchmark, u.Penalties, u.WithRisks, u.Powers, cat, u.ReviewedThisYear, u.Powers, missing)
	}
	tw.Flush()
}
