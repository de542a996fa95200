package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"sunlight/internal/search"
)

func searchCmd() *Command {
	return &Command{
		Name:      "search",
		UsageLine: "search [-out DIR] [-unit U] [-category C] [-type T] [-level L] [-year Y] [-page N] [-json] QUERY",
		Short:     "search a built portal's static index from the command line",
		Long: `Search answers a query from the static search index of a built portal (the
same files the browser downloads, with the same analysis and ranking, so the
results are the ones the search page shows). A Chinese phrase matches where
its characters are adjacent; a code or number matches only as a whole; when
nothing matches exactly, the closest items are listed and marked as such.

Filters: -unit (unit id), -category (行政许可 …), -type (权力事项, 裁量基准,
风险点, 流程, 单位, 法规, 页面), -level (高/中/低), -year.`,
		Flags: func(fs *flag.FlagSet, env *Env) func(context.Context, []string) error {
			var q search.Query
			out := fs.String("out", "public", "the built site")
			fs.StringVar(&q.Unit, "unit", "", "only this unit (id)")
			fs.StringVar(&q.Category, "category", "", "only this category")
			fs.StringVar(&q.Type, "type", "", "only this item type")
			fs.StringVar(&q.Level, "level", "", "only this risk level")
			fs.IntVar(&q.Year, "year", 0, "only this year")
			fs.IntVar(&q.Page, "page", 1, "result page")
			asJSON := fs.Bool("json", false, "print the results as JSON")
			return func(ctx context.Context, args []string) error {
				// Flags may also follow the query: sunlight search 罚款 -type 裁量基准
				var words []string
				for len(args) > 0 {
					if strings.HasPrefix(args[0], "-") && len(args[0]) > 1 {
						if err := fs.Parse(args); err != nil {
							return usageError{err.Error()}
						}
						args = fs.Args()
						continue
					}
					words, args = append(words, args[0]), args[1:]
				}
				if len(words) == 0 {
					return usageError{"give a query"}
				}
				q.Text = strings.Join(words, " ")
				s, err := search.OpenDir(*out)
				if err != nil {
					return fmt.Errorf("%w (build the site first, without -no-search)", err)
				}
				res, err := s.Search(q)
				if err != nil {
					return err
				}
				if *asJSON {
					enc := json.NewEncoder(env.Stdout)
					enc.SetIndent("", "  ")
					return enc.Encode(res)
				}
				switch {
				case res.Fallback:
					fmt.Fprintf(env.Stdout, "没有完全匹配“%s”的结果。以下是最接近的内容:\n", q.Text)
				case len(res.Hits) == 0:
					fmt.Fprintf(env.Stdout, "没有找到“%s”。\n", q.Text)
				default:
					about := ""
					if !res.TotalExact {
						about = "最多 "
					}
					fmt.Fprintf(env.Stdout, "“%s”:%s%d 条结果,第 %d/%d 页\n", q.Text, about, res.Total, res.Page, res.Pages)
				}
				for i, h := range res.Hits {
					fmt.Fprintf(env.Stdout, "%2d. [%s] %s  %s\n    %s\n", (res.Page-1)*len(res.Hits)+i+1, h.Type, h.Title, h.UnitName, h.URL)
				}
				return nil
			}
		},
	}
}
