package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"sunlight/internal/diag"
	"sunlight/internal/load"
	"sunlight/internal/model"
	"sunlight/internal/serve"
	"sunlight/internal/site"
	"sunlight/internal/watch"
)

// refreshQuiet is how long serve waits after the last rebuild before it
// brings the search index and the open-data files up to date.
const refreshQuiet = 1500 * time.Millisecond

func serveCmd() *Command {
	return &Command{
		Name:      "serve",
		UsageLine: "serve [-content DIR] [-addr 127.0.0.1:1313] [-out DIR] [-base-url URL] [-theme DIR] [-no-search]",
		Short:     "preview the portal with live reload while you edit",
		Long: `Serve builds the portal, serves it at http://127.0.0.1:1313/ (only this
computer can see it), and watches the content (and -theme) folders. When a
file is saved, it rebuilds only the pages the change touches and the open
pages reload themselves. If the content has errors, they are printed here and
shown over the page in the browser, and the last good version stays in place
until the file is fixed. The site is built into a temporary directory unless
-out is given, so the published output is never touched. Press Ctrl-C to stop.`,
		Flags: func(fs *flag.FlagSet, env *Env) func(context.Context, []string) error {
			var sf siteFlags
			sf.register(fs)
			addr := fs.String("addr", "127.0.0.1:1313", "address to listen on")
			out := fs.String("out", "", "output directory (default: a temporary directory)")
			noSearch := fs.Bool("no-search", false, "leave out the search index (faster rebuilds on a very large portal)")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return usageError{fmt.Sprintf("unexpected argument %q", args[0])}
				}
				opt, err := sf.options()
				if err != nil {
					return err
				}
				ln, err := net.Listen("tcp", *addr)
				if err != nil {
					return fmt.Errorf("listen on %s: %w", *addr, err)
				}
				defer ln.Close()
				if opt.Out = *out; opt.Out == "" {
					tmp, err := os.MkdirTemp("", "sunlight-serve-")
					if err != nil {
						return err
					}
					defer os.RemoveAll(tmp)
					opt.Out = filepath.Join(tmp, "public")
				}
				basePath := previewBase(opt)
				local := "http://" + ln.Addr().String() + basePath
				opt.BaseURL = local

				opt.NoSearch = *noSearch
				sess := site.NewSession(opt)
				sess.DeferSearch = true
				rb, diags, err := sess.Build(ctx)
				printBuildDiags(env, diags)
				if err != nil {
					return err
				}
				if rb == nil {
					fmt.Fprintf(env.Stderr, "sunlight: %d 个错误,请改正后重新运行\n", diags.Count(diag.Error))
					return exitError{1}
				}
				fmt.Fprintf(env.Stderr, "sunlight: built %d pages in %d ms\n", rb.Pages, rb.Duration.Milliseconds())

				roots := []string{sf.content}
				if sf.theme != "" {
					roots = append(roots, sf.theme)
				}
				w, err := watch.New(ctx, watch.Options{}, roots...)
				if err != nil {
					return fmt.Errorf("watch: %w", err)
				}
				themeRoot, _ := filepath.Abs(sf.theme)

				live := serve.NewLive(opt.Out, basePath)
				srv := &http.Server{Handler: live, ReadHeaderTimeout: 10 * time.Second}
				errc := make(chan error, 1)
				go func() { errc <- srv.Serve(ln) }()
				fmt.Fprintf(env.Stdout, "Serving at %s (Ctrl-C to stop)\n", local)
				var refresh <-chan time.Time
				for {
					select {
					case <-ctx.Done():
						shut, cancel := context.WithTimeout(context.Background(), 3*time.Second)
						srv.Shutdown(shut)
						cancel()
						fmt.Fprintln(env.Stderr, "sunlight: stopped")
						return nil
					case err := <-errc:
						if errors.Is(err, http.ErrServerClosed) {
							return nil
						}
						return err
					case err := <-w.Errs:
						fmt.Fprintf(env.Stderr, "sunlight: watch: %v\n", err)
					case b, ok := <-w.C:
						if !ok {
							return nil
						}
						themeChanged := sf.theme != "" && b.Root == themeRoot
						paths := b.Paths
						if themeChanged {
							paths = nil
						}
						rb, diags, err := sess.Rebuild(ctx, paths, themeChanged)
						if err != nil {
							fmt.Fprintf(env.Stderr, "sunlight: rebuild: %v\n", err)
							continue
						}
						if diags.HasErrors() {
							var errs diag.List
							for _, d := range diags {
								if d.Severity == diag.Error {
									errs = append(errs, d)
								}
							}
							errs.WriteText(env.Stderr)
							fmt.Fprintf(env.Stderr, "sunlight: %d 个错误;浏览器中仍显示上一次正确的版本\n", len(errs))
							live.Problem(errs.Error())
							continue
						}
						fmt.Fprintf(env.Stderr, "sunlight: %s changed: rendered %d pages, wrote %d files, removed %d in %d ms\n",
							strings.Join(b.Paths, ", "), len(rb.Rendered), len(rb.Written), len(rb.Removed), rb.Duration.Milliseconds())
						live.Reload(append(rb.Written, rb.Removed...))
						// The search index and the open-data files follow
						// once the edits pause.
						refresh = time.After(refreshQuiet)
					case <-refresh:
						refresh = nil
						if sr, err := sess.RefreshSearch(ctx); err != nil {
							fmt.Fprintf(env.Stderr, "sunlight: search: %v\n", err)
						} else if sr != nil {
							fmt.Fprintf(env.Stderr, "sunlight: search index and open data updated in %d ms\n", sr.Duration.Milliseconds())
							live.Reload(append(sr.Written, sr.Removed...))
						}
					}
				}
			}
		},
	}
}

// previewBase is the path the site lives under (from -base-url or
// site.toml), so the preview has the same links as the published site.
func previewBase(opt site.Options) string {
	base := opt.BaseURL
	if base == "" { // read site.toml alone: the build that follows reads the rest
		if data, err := fs.ReadFile(opt.Content, "site.toml"); err == nil {
			if v, _ := load.ParseFile("site.toml", data); v != nil {
				base = v.(*model.Config).BaseURL
			}
		}
	}
	return basePath(base)
}

// basePath is the path part of a base URL, ending in "/".
func basePath(baseURL string) string {
	if u, err := url.Parse(baseURL); err == nil && u.Path != "" {
		p := u.Path
		if !strings.HasSuffix(p, "/") {
			p += "/"
		}
		return p
	}
	return "/"
}
