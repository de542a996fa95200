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
	"time"

	"sunlight/internal/diag"
	"sunlight/internal/serve"
	"sunlight/internal/site"
)

func serveCmd() *Command {
	return &Command{
		Name:      "serve",
		UsageLine: "serve [-content DIR] [-addr 127.0.0.1:1313] [-out DIR] [-base-url URL] [-theme DIR]",
		Short:     "build the portal and preview it on this computer",
		Long: `Serve builds the portal and serves it at http://127.0.0.1:1313/ (only this
computer can see it). The site is built into a temporary directory unless
-out is given, so the published output is never touched. Press Ctrl-C to stop.`,
		Flags: func(fs *flag.FlagSet, env *Env) func(context.Context, []string) error {
			var sf siteFlags
			sf.register(fs)
			addr := fs.String("addr", "127.0.0.1:1313", "address to listen on")
			out := fs.String("out", "", "output directory (default: a temporary directory)")
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
					opt.Out = tmp + "/public"
				}
				// Preview links point at this server, under the site's path.
				s, _, diags := site.Load(opt)
				basePath := "/"
				if !diags.HasErrors() {
					base := opt.BaseURL
					if base == "" {
						base = s.Config.BaseURL
					}
					if u, err := url.Parse(base); err == nil && u.Path != "" {
						basePath = u.Path
					}
				}
				local := "http://" + ln.Addr().String() + basePath
				opt.BaseURL = local
				res, diags, err := site.Build(ctx, opt)
				printDiags(env, diags)
				if err != nil {
					return err
				}
				if res == nil {
					fmt.Fprintf(env.Stderr, "sunlight: %d 个错误,请改正后重新运行\n", diags.Count(diag.Error))
					return exitError{1}
				}
				fmt.Fprintf(env.Stderr, "sunlight: built %d pages in %d ms\n", res.Pages, res.Duration.Milliseconds())
				fmt.Fprintf(env.Stdout, "Serving at %s (Ctrl-C to stop)\n", local)
				srv := &http.Server{Handler: serve.Handler(opt.Out, basePath), ReadHeaderTimeout: 10 * time.Second}
				errc := make(chan error, 1)
				go func() { errc <- srv.Serve(ln) }()
				select {
				case <-ctx.Done():
					shut, cancel := context.WithTimeout(context.Background(), 3*time.Second)
					defer cancel()
					srv.Shutdown(shut)
					fmt.Fprintln(env.Stderr, "sunlight: stopped")
					return nil
				case err := <-errc:
					if errors.Is(err, http.ErrServerClosed) {
						return nil
					}
					return err
				}
			}
		},
	}
}
