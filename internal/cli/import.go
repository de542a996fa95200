package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"sunlight/internal/diag"
	"sunlight/internal/importer"
	"sunlight/internal/load"
	"sunlight/internal/site"
)

// mapFlag collects repeated -map 'column=field' options.
type mapFlag map[string]string

func (m mapFlag) String() string { return "" }

func (m mapFlag) Set(v string) error {
	col, field, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(col) == "" || strings.TrimSpace(field) == "" {
		return fmt.Errorf("want 'column=field', got %q", v)
	}
	m[strings.TrimSpace(col)] = strings.TrimSpace(field)
	return nil
}

func importCmd() *Command {
	return &Command{
		Name:      "import",
		UsageLine: "import -unit ID -kind powers|benchmarks|risks [-sheet NAME] [-map 'column=field'] [-dry-run] [-content DIR] FILE",
		Short:     "import a power list, benchmark table or risk catalogue from .xlsx or .csv",
		Long: `Import reads a table a unit already keeps (.xlsx, or .csv in UTF-8, UTF-8 with
BOM or GBK) and writes canonical content files under content/units/ID/.
Columns are recognised by the header names used in real tables (事项名称,
职权类别, 设定依据, 违法行为, 裁量阶次, 适用条件, 裁量标准, 风险等级, 防控措施 …);
merged cells, two-row headers, 1-1 numbering, blank and notes rows are
handled. Columns it does not know are reported; -map 'column=field' (repeat
it) assigns them, and -map 'column=-' ignores one.

Importing the same table again changes nothing; importing an updated table
updates what came from the table and keeps what authors added by hand (the
Markdown text of an item, manual fine overrides …). -dry-run prints what
would change without writing. Rows that cannot be imported are listed with
sheet, row and reason, and nothing is written half-way. After an import the
content is checked and the problems in the imported files are printed.

The field names for -map are listed in the package documentation:
go doc ./internal/importer.`,
		Flags: func(fs *flag.FlagSet, env *Env) func(context.Context, []string) error {
			var opt importer.Options
			m := mapFlag{}
			fs.StringVar(&opt.Content, "content", "content", "content directory")
			fs.StringVar(&opt.Unit, "unit", "", "unit id (folder under units/; required)")
			fs.StringVar(&opt.Kind, "kind", "", "what the table is: powers, benchmarks or risks (required)")
			fs.StringVar(&opt.Sheet, "sheet", "", "import only this worksheet of an .xlsx file")
			fs.Var(m, "map", "assign a column to a field: 'column=field' (repeatable; field - ignores the column)")
			fs.BoolVar(&opt.DryRun, "dry-run", false, "show what would change, write nothing")
			fs.StringVar(&opt.ID, "id", "", "benchmark id (file name) for -kind benchmarks (default: from the file name)")
			fs.StringVar(&opt.Title, "title", "", "title of a new benchmark or risk catalogue")
			fs.IntVar(&opt.Year, "year", 0, "year of the risk catalogue (default: year in site.toml)")
			return func(ctx context.Context, args []string) error {
				if len(args) != 1 {
					return usageError{"give exactly one .xlsx or .csv file"}
				}
				if opt.Unit == "" || opt.Kind == "" {
					return usageError{"-unit and -kind are required"}
				}
				if opt.Kind != importer.KindPowers && opt.Kind != importer.KindBenchmarks && opt.Kind != importer.KindRisks {
					return usageError{fmt.Sprintf("-kind %q: want powers, benchmarks or risks", opt.Kind)}
				}
				opt.File, opt.Map = args[0], m
				res, err := importer.Import(opt)
				if err != nil {
					return err
				}
				for _, p := range res.Problems {
					fmt.Fprintln(env.Stderr, p.String())
				}
				for _, c := range res.Unknown {
					fmt.Fprintf(env.Stderr, "未识别的列 %q 未导入;可用 -map '%s=字段名' 指定(字段名见 go doc ./internal/importer)\n", c, c)
				}
				for _, l := range res.MissingLaws {
					fmt.Fprintf(env.Stderr, "法规库中没有《%s》:请先在 content/laws/ 中登记,再重新导入\n", l)
				}
				if opt.DryRun {
					fmt.Fprint(env.Stdout, res.Diff())
				}
				changed := 0
				for _, f := range res.Files {
					if f.Action != importer.Unchanged {
						changed++
						if !opt.DryRun {
							fmt.Fprintf(env.Stdout, "%s %s\n", f.Action, f.Path)
						}
					}
				}
				verb := "wrote"
				if opt.DryRun {
					verb = "would write"
				}
				fmt.Fprintf(env.Stderr, "sunlight import: %d rows; %s %d of %d files (the rest unchanged)\n", res.Rows, verb, changed, len(res.Files))
				if opt.DryRun {
					return nil
				}
				// Check the imported files as `sunlight check` would.
				_, _, diags := site.Load(site.Options{Content: load.DirFS(opt.Content)})
				imported := map[string]bool{}
				for _, f := range res.Files {
					imported[f.Path] = true
				}
				var mine diag.List
				for _, d := range diags {
					if imported[d.Pos.File] {
						mine = append(mine, d)
					}
				}
				mine.WriteText(env.Stderr)
				fmt.Fprintf(env.Stderr, "sunlight check: %d errors, %d warnings in the imported files\n", mine.Count(diag.Error), mine.Count(diag.Warning))
				if mine.HasErrors() {
					return exitError{1}
				}
				return nil
			}
		},
	}
}
