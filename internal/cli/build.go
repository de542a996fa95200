package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"sunlight/internal/diag"
	"sunlight/internal/load"
	"sunlight/internal/site"
)

// siteFlags are the flags shared by commands that load a site.
type siteFlags struct {
	content, baseURL, theme string
	noHistory               bool
}

func (f *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.content, "content", "content", "content directory")
	fs.StringVar(&f.baseURL, "base-url", "", "public URL of the portal, may be a sub-path (default: base_url in site.toml)")
	fs.StringVar(&f.theme, "theme", "", "directory with theme files that override the default theme (layouts/, assets/)")
	fs.BoolVar(&f.noHistory, "no-history", false, "do not read the revision history of the content from git")
}

func (f *siteFlags) options() (site.Options, error) {
	st, err := os.Stat(f.content)
	if err != nil || !st.IsDir() {
		return site.Options{}, usageError{fmt.Sprintf("content directory %q not found", f.content)}
	}
	opt := site.Options{Content: load.DirFS(f.content), BaseURL: f.baseURL}
	if !f.noHistory {
		opt.ContentDir = f.content
	}
	if f.theme != "" {
		if st, err := os.Stat(f.theme); err != nil || !st.IsDir() {
			return site.Options{}, usageError{fmt.Sprintf("theme directory %q not found", f.theme)}
		}
		opt.Theme = os.DirFS(f.theme)
	}
	return opt, nil
}

func buildCmd() *Command {
	return &Command{
		Name:      "build",
		UsageLine: "build [-content DIR] [-out DIR] [-base-url URL] [-theme DIR] [-no-search] [-no-history] [-no-spare] [-v] [-cpuprofile FILE] [-memprofile FILE]",
		Short:     "build the portal into a directory of static files",
		Long: `Build reads the content directory, checks every file, and writes the
whole portal as static files. If any content error is found, every error is
printed as path:line:col with a hint, nothing is written, and the previous
output stays as it was (exit status 1). The output is swapped in atomically.

The previous output is kept beside the new one as OUT.spare, and the next
build writes into it (overwriting files is much faster than creating them)
before swapping it in; -no-spare deletes it instead, to save the space.

When stderr is a terminal, a status line shows what the build is doing and
how many pages it has rendered; in a log or a pipe only the results appear.`,
		Flags: func(fs *flag.FlagSet, env *Env) func(context.Context, []string) error {
			var sf siteFlags
			sf.register(fs)
			out := fs.String("out", "public", "output directory")
			noSearch := fs.Bool("no-search", false, "leave out the search index")
			noSpare := fs.Bool("no-spare", false, "delete the previous output instead of keeping it as OUT.spare for the next build to overwrite")
			cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file (for go tool pprof)")
			verbose := fs.Bool("v", false, "print each stage of the build as it ends, with its time and the memory in use")
			memProfile := fs.String("memprofile", "", "write a heap profile to this file once the pages are rendered (for go tool pprof)")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return usageError{fmt.Sprintf("unexpected argument %q", args[0])}
				}
				opt, err := sf.options()
				if err != nil {
					return err
				}
				if *cpuProfile != "" {
					f, err := os.Create(*cpuProfile)
					if err != nil {
						return err
					}
					defer f.Close()
					if err := pprof.StartCPUProfile(f); err != nil {
						return err
					}
					defer pprof.StopCPUProfile()
				}
				opt.Out, opt.NoSearch, opt.NoSpare = *out, *noSearch, *noSpare
				defer gcFloor(gcFloorBytes)()
				var profileErr error
				line := newStatus(env.Stderr)
				line.show(true, "sunlight: 读取内容…")
				opt.Progress = func(st site.Stage) {
					line.clear()
					if next := nextStage(st.Name, opt.ContentDir != "", !*noSearch); next != "" {
						defer line.show(true, "sunlight: %s", next)
					}
					if *verbose {
						var m runtime.MemStats
						runtime.ReadMemStats(&m)
						fmt.Fprintf(env.Stderr, "sunlight: %-9s %7.2f s  (heap %d MB)\n", st.Name, st.Duration.Seconds(), m.HeapInuse>>20)
					}
					if *memProfile != "" && st.Name == "pages" {
						profileErr = writeHeapProfile(*memProfile)
					}
				}
				opt.PageProgress = func(done, total int) {
					line.show(done == total, "sunlight: 生成页面 %d/%d", done, total)
				}
				res, diags, err := site.Build(ctx, opt)
				line.clear()
				printBuildDiags(env, diags)
				if err == nil {
					err = profileErr
				}
				if err != nil {
					return err
				}
				if res == nil {
					fmt.Fprintf(env.Stderr, "sunlight: %d 个错误,未生成网站(%s 保持不变)\n", diags.Count(diag.Error), *out)
					return exitError{1}
				}
				if h := res.History; h != nil && !h.Available {
					fmt.Fprintf(env.Stderr, "sunlight: 没有修订记录:%s\n", h.Reason)
				}
				fmt.Fprintf(env.Stderr, "sunlight: wrote %d pages (%d files, %.1f MB) to %s in %d ms",
					res.Pages, res.FileCount, float64(res.Bytes)/1e6, *out, res.Duration.Milliseconds())
				if n := diags.Count(diag.Warning); n > 0 {
					fmt.Fprintf(env.Stderr, "; %d warnings", n)
				}
				fmt.Fprintln(env.Stderr)
				return nil
			}
		},
	}
}

// nextStage is what the status line shows once the stage ended of a
// build ends: the work that follows it ("" when the next stage shows its
// own, as the pages show their count).
func nextStage(ended string, history, search bool) string {
	switch ended {
	case "load":
		if history {
			return "读取修订记录…"
		}
	case "history":
		if search {
			return "建立搜索索引…"
		}
	case "pages":
		return "写入开放数据…"
	case "site-wide":
		return "写入文件清单…"
	}
	return ""
}

// writeHeapProfile writes the live heap, as of the last collection, to file.
func writeHeapProfile(file string) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// shownWarnings is how many warnings a build prints: a province's build
// can have tens of thousands, and `sunlight check` lists them all.
const shownWarnings = 30

// printBuildDiags prints every error and the first warnings, then how many
// warnings were left out.
func printBuildDiags(env *Env, diags diag.List) {
	var shown diag.List
	hidden := 0
	for _, d := range diags {
		if d.Severity == diag.Warning {
			if hidden++; hidden > shownWarnings {
				continue
			}
		}
		shown = append(shown, d)
	}
	printDiags(env, shown)
	if hidden > shownWarnings {
		fmt.Fprintf(env.Stderr, "sunlight: %d more warnings not shown; sunlight check lists them all\n", hidden-shownWarnings)
	}
}

func printDiags(env *Env, diags diag.List) {
	if len(diags) > 0 {
		diags.WriteText(env.Stderr)
	}
}
