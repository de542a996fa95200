package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"sunlight/internal/diag"
	"sunlight/internal/permalink"
	"sunlight/internal/printpdf"
	"sunlight/internal/serve"
	"sunlight/internal/site"
)

func printCmd() *Command {
	return &Command{
		Name:      "print",
		UsageLine: "print [-content DIR] [-unit ID] [-year YEAR] [-posters] [-to DIR] [-base-url URL]",
		Short:     "print year-end volumes and notice-board posters to PDF (needs Chromium)",
		Long: `Print builds the portal and prints, with headless Chromium, each unit's
year-end bound volume (装订成册, A4) — or only the unit named by -unit — and,
with -posters, the notice-board poster (A3, with a QR code to the item's page)
of every power item and flow of those units. PDFs are written to -to:
<unit>-<year>.pdf and posters/<unit>/<code>.pdf.

The pages are the same as the portal's print pages (units/<unit>/volume/<year>/
and …/poster/), so any browser can also print them with its print dialog.
Chromium comes from the Debian package chromium (apt-get install chromium);
the text needs a CJK font such as fonts-noto-cjk.`,
		Flags: func(fs *flag.FlagSet, env *Env) func(context.Context, []string) error {
			var sf siteFlags
			sf.register(fs)
			unit := fs.String("unit", "", "print only this unit (id, the folder name under units/)")
			year := fs.Int("year", 0, "year of the volume (default: year in site.toml)")
			posters := fs.Bool("posters", false, "also print the notice-board posters")
			to := fs.String("to", "print", "folder for the PDF files")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return usageError{fmt.Sprintf("unexpected argument %q", args[0])}
				}
				chromium, err := printpdf.FindChromium()
				if err != nil {
					return err
				}
				opt, err := sf.options()
				if err != nil {
					return err
				}
				tmp, err := os.MkdirTemp("", "sunlight-print-")
				if err != nil {
					return err
				}
				defer os.RemoveAll(tmp)
				opt.Out = filepath.Join(tmp, "public")
				res, diags, err := site.Build(ctx, opt)
				if err != nil {
					return err
				}
				if res == nil {
					printDiags(env, diags)
					fmt.Fprintf(env.Stderr, "sunlight: %d 个错误,请先改正\n", diags.Count(diag.Error))
					return exitError{1}
				}
				s := res.Site
				if s.Config.NoPrint {
					return usageError{"site.toml sets no_print = true: the print pages are not built"}
				}
				y := *year
				if y == 0 {
					y = s.Config.Year
				}
				base := opt.BaseURL
				if base == "" {
					base = s.Config.BaseURL
				}
				basePath := basePath(base)
				ln, err := net.Listen("tcp", "127.0.0.1:0")
				if err != nil {
					return err
				}
				srv := &http.Server{Handler: serve.Handler(opt.Out, basePath), ReadHeaderTimeout: 10 * time.Second}
				go srv.Serve(ln)
				defer srv.Close()
				local := "http://" + ln.Addr().String() + basePath

				type job struct{ page, out, paper string }
				var jobs []job
				found := false
				for _, u := range s.Units {
					if *unit != "" && u.ID != *unit {
						continue
					}
					found = true
					if _, err := os.Stat(filepath.Join(opt.Out, filepath.FromSlash(permalink.File(permalink.Volume(u, y))))); err != nil {
						return usageError{fmt.Sprintf("no %d volume for unit %q (years: the year in site.toml and the years of its risk catalogues)", y, u.ID)}
					}
					jobs = append(jobs, job{permalink.Volume(u, y), filepath.Join(*to, u.ID+"-"+strconv.Itoa(y)+".pdf"), "A4"})
					if *posters {
						for _, p := range u.Powers {
							if p.Status != "取消" {
								jobs = append(jobs, job{permalink.Poster(p), filepath.Join(*to, "posters", u.ID, p.Code+".pdf"), "A3"})
							}
						}
						for _, f := range u.Flows {
							jobs = append(jobs, job{permalink.FlowPoster(f), filepath.Join(*to, "posters", u.ID, "flow-"+f.ID+".pdf"), "A3"})
						}
					}
				}
				if !found {
					return usageError{fmt.Sprintf("unknown unit %q", *unit)}
				}
				for i, j := range jobs {
					if err := os.MkdirAll(filepath.Dir(j.out), 0o755); err != nil {
						return err
					}
					err := printpdf.Print(ctx, printpdf.Options{Chromium: chromium, Page: local + escapeURLPath(j.page), Out: j.out, Paper: j.paper})
					if err != nil {
						if errors.Is(err, context.Canceled) {
							return err
						}
						return fmt.Errorf("print %s: %w", j.page, err)
					}
					fmt.Fprintf(env.Stderr, "sunlight: [%d/%d] %s\n", i+1, len(jobs), j.out)
					fmt.Fprintln(env.Stdout, j.out)
				}
				return nil
			}
		},
	}
}

// escapeURLPath percent-encodes a site path for a URL (item codes may hold
// Chinese characters).
func escapeURLPath(p string) string { return (&url.URL{Path: p}).EscapedPath() }
