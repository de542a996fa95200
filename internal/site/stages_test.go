package site_test

import (
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"sunlight/internal/bench"
	"sunlight/internal/check"
	"sunlight/internal/flowchart"
	"sunlight/internal/flowmodel"
	"sunlight/internal/gen"
	"sunlight/internal/link"
	"sunlight/internal/load"
	"sunlight/internal/render"
	"sunlight/internal/search"
	"sunlight/internal/searchindex"
	"sunlight/internal/site"
	"sunlight/internal/theme"
	"sunlight/themes"
)

// generated returns an in-memory generated portal of SUNLIGHT_BENCH_ITEMS
// items (default 10,000).
func generated(b *testing.B) fs.FS {
	b.Helper()
	items := 10000
	if v, err := strconv.Atoi(os.Getenv("SUNLIGHT_BENCH_ITEMS")); err == nil && v > 0 {
		items = v
	}
	w := gen.MapWriter{}
	if err := gen.Generate(gen.Options{Items: items, Seed: 1}, w); err != nil {
		b.Fatal(err)
	}
	return newListedFS(w.FS())
}

// listedFS is a MapFS whose folder listings are made once. fstest.MapFS
// scans every file to list or stat a folder, which made loading 100,000
// generated items quadratic in the benchmark (100 s) though not on disk.
type listedFS struct {
	fstest.MapFS
	dirs map[string][]fs.DirEntry
}

func newListedFS(m fstest.MapFS) *listedFS {
	l := &listedFS{MapFS: m, dirs: map[string][]fs.DirEntry{}}
	seen := map[string]bool{}
	for name := range m {
		for child, dir := name, path.Dir(name); ; child, dir = dir, path.Dir(dir) {
			if !seen[child] {
				seen[child] = true
				e, err := fs.Stat(onlyFile{m, child}, child)
				if err == nil {
					l.dirs[dir] = append(l.dirs[dir], fs.FileInfoToDirEntry(e))
				}
			}
			if dir == "." {
				break
			}
		}
	}
	for _, es := range l.dirs {
		slices.SortFunc(es, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	}
	return l
}

// onlyFile stats a file of m, or a folder as a folder, without listing it.
type onlyFile struct {
	m    fstest.MapFS
	name string
}

func (o onlyFile) Open(name string) (fs.File, error) {
	if f, ok := o.m[name]; ok {
		return fstest.MapFS{path.Base(name): f}.Open(path.Base(name))
	}
	return fstest.MapFS{path.Base(name) + "/x": {}}.Open(path.Base(name))
}

func (l *listedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if es, ok := l.dirs[name]; ok {
		return slices.Clone(es), nil
	}
	return l.MapFS.ReadDir(name)
}

func (l *listedFS) Stat(name string) (fs.FileInfo, error) {
	if _, ok := l.MapFS[name]; !ok {
		if _, ok := l.dirs[name]; ok {
			return fs.Stat(onlyFile{l.MapFS, name}, name)
		}
	}
	return l.MapFS.Stat(name)
}

// BenchmarkStages measures each stage of the pipeline on its own on a
// generated portal (10,000 items by default; SUNLIGHT_BENCH_ITEMS to
// change), so a regression in one stage shows on its own:
//
//	go test ./internal/site -run '^$' -bench Stages -benchtime 1x
func BenchmarkStages(b *testing.B) {
	fsys := generated(b)
	s, diags := load.Load(fsys)
	loc := load.NewLocator(fsys)
	diags.Add(link.Link(s, loc)...)
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	_, cov := check.Check(s, loc)
	an, _ := bench.Analyze(s, loc)
	opt := render.Options{Theme: theme.Overlay(nil, themes.Default()), Coverage: cov, Bench: an}
	b.Run("load", func(b *testing.B) {
		for b.Loop() {
			load.Load(fsys)
		}
	})
	b.Run("link", func(b *testing.B) {
		for b.Loop() {
			link.Link(s, loc)
		}
	})
	b.Run("check", func(b *testing.B) {
		for b.Loop() {
			check.Check(s, loc)
			bench.Analyze(s, loc)
		}
	})
	renderAll := func(b *testing.B, opt render.Options) {
		for b.Loop() {
			r, err := render.New(s, opt)
			if err != nil {
				b.Fatal(err)
			}
			var n atomic.Int64 // Each calls back from its workers
			if err := r.Each(r.Plan(), func(int, render.Output) error { n.Add(1); return nil }); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(n.Load()), "pages")
		}
	}
	b.Run("render", func(b *testing.B) { renderAll(b, opt) })
	// The same pages with the templates run by html/template alone, not
	// compiled (package tmplexec): the gain of compiling them, side by side.
	b.Run("render-html-template", func(b *testing.B) {
		interpreted := opt
		interpreted.Interpret = true
		renderAll(b, interpreted)
	})
	b.Run("flowcharts", func(b *testing.B) {
		for b.Loop() {
			var cache flowchart.Cache
			n := 0
			for _, u := range s.Units {
				for _, f := range u.Flows {
					if _, err := cache.Render(flowmodel.ToChart(f.ID, f.Name, f.Effective()), flowchart.RenderOptions{}); err != nil {
						b.Fatal(err)
					}
					n++
				}
				for _, p := range u.Powers { // every page asks again; the cache answers
					if p.FlowRef != nil {
						cache.Render(flowmodel.ToChart(p.FlowRef.ID, p.FlowRef.Name, p.FlowRef.Effective()), flowchart.RenderOptions{})
					}
				}
			}
			b.ReportMetric(float64(n), "flows")
		}
	})
	b.Run("search", func(b *testing.B) {
		for b.Loop() {
			idx, err := search.Build(searchindex.Docs(s, an), search.Options{})
			if err != nil {
				b.Fatal(err)
			}
			files, _, err := idx.Export()
			if err != nil {
				b.Fatal(err)
			}
			idx.Close()
			b.ReportMetric(float64(len(files)), "files")
		}
	})
	b.Run("write", func(b *testing.B) {
		res, _, err := site.Render(context.Background(), site.Options{Content: fsys, NoSearch: true})
		if err != nil || res == nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if err := site.Write(filepath.Join(b.TempDir(), "public"), res.Files); err != nil {
				b.Fatal(err)
			}
		}
	})
}
