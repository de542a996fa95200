// Package site runs the build pipeline — load, link, render, write — and
// is the only package that writes the output directory.
//
// Output is written to a staging directory beside the output directory and
// swapped in atomically (Linux renameat2 RENAME_EXCHANGE; elsewhere two
// renames), so readers see either the old site or the new one, never a
// mixture. If any content error remains, nothing is written and the
// existing output stays exactly as it was. A build killed midway leaves
// only a stale staging directory, removed by the next build.
//
// The output directory carries a marker file, [Marker]; Sunlight refuses to
// replace a non-empty directory without it, so a mistyped -out can never
// wipe out unrelated files.
package site

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"sunlight/internal/bench"
	"sunlight/internal/check"
	"sunlight/internal/diag"
	"sunlight/internal/fine"
	"sunlight/internal/history"
	"sunlight/internal/link"
	"sunlight/internal/load"
	"sunlight/internal/model"
	"sunlight/internal/render"
	"sunlight/internal/search"
	"sunlight/internal/searchindex"
	"sunlight/internal/theme"
	"sunlight/themes"
)

// Options configure a build.
type Options struct {
	Content fs.FS  // the content tree (required)
	Out     string // output directory (required for Build)
	BaseURL string // overrides site.toml's base_url when set
	Theme   fs.FS  // site theme overrides; nil for the default theme alone
	// ContentDir is the content folder on disk, for reading its revision
	// history from git; empty means no history.
	ContentDir string
	// NoSearch leaves out the search index (the search page then lists
	// units and categories only).
	NoSearch bool
	// NoSpare deletes the previous output after the swap instead of
	// keeping it beside the new one as the spare (out + SpareSuffix) for
	// the next build to overwrite in place.
	NoSpare bool
	// Progress, when set, is called as each stage of a build ends.
	Progress func(Stage)
	// PageProgress, when set, is called by Build as each page is
	// rendered, with the pages rendered so far and how many there are;
	// from several goroutines at once, so it must be quick and safe for
	// concurrent use.
	PageProgress func(done, total int)
	// Interpret runs the theme's templates in html/template alone
	// (render.Options.Interpret); for comparing outputs.
	Interpret bool
}

// Stage is one step of a build and how long it took: "load" (read, link
// and check the content), "history", "search" (build the index), "pages"
// (render the pages, with the writers taking them as they come),
// "site-wide" (the rest of the sitemap, feed and open data, which are made
// while the pages render) and "finish" (the last writes, the manifest and
// the swap into place).
type Stage struct {
	Name     string
	Duration time.Duration
}

// stages times the stages of a build for its Progress function.
type stages struct {
	progress func(Stage) // nil: nobody asked
	last     time.Time
}

func newStages(progress func(Stage)) *stages { return &stages{progress: progress, last: time.Now()} }

// end closes the stage that began when the previous one ended.
func (s *stages) end(name string) {
	now := time.Now()
	if s.progress != nil {
		s.progress(Stage{name, now.Sub(s.last)})
	}
	s.last = now
}

// Result summarises a finished build.
type Result struct {
	Site      *model.Site
	Coverage  *check.Coverage
	Bench     *bench.Analysis
	History   *history.History
	Files     []render.Output // all files, from Render (nil after Build)
	FileCount int             // files written or rendered, manifest included
	Pages     int             // pages
	Bytes     int64
	Duration  time.Duration
}

// Load loads, links and checks the content, returning the site, its
// coverage report and every diagnostic. The checks run only when loading
// and linking found no errors.
func Load(opt Options) (*model.Site, *Derived, diag.List) {
	s, diags := load.Load(opt.Content)
	d, f := analyze(s, diags, load.NewLocator(opt.Content), nil)
	return s, d, f.all()
}

// Derived is what the checks and analyses compute from a linked site.
type Derived struct {
	Coverage *check.Coverage
	Bench    *bench.Analysis
	History  *history.History // nil when not read
	// SearchEntry is the search index's entry file, once built.
	SearchEntry string
}

// readHistory reads the content's revision history when opt asks for it.
// A missing repository is not an error: the History says why it is
// unavailable.
func readHistory(ctx context.Context, opt Options) (*history.History, error) {
	if opt.ContentDir == "" {
		return nil, nil
	}
	return history.Read(ctx, opt.ContentDir, history.Options{})
}

// findings are the diagnostics of each stage, kept apart so that a live
// preview can replace one file's share of them.
type findings struct {
	load, link, check, bench diag.List
}

// all is every diagnostic, sorted.
func (f findings) all() diag.List {
	var all diag.List
	for _, l := range []diag.List{f.load, f.link, f.check, f.bench} {
		all.Add(l...)
	}
	all.Sort()
	return all
}

// analyze links, checks and analyses a loaded site. The checks run only
// when loading and linking found no errors.
func analyze(s *model.Site, loadDiags diag.List, loc *load.Locator, memo *fine.Memo) (*Derived, findings) {
	f := findings{load: loadDiags, link: link.Link(s, loc)}
	d := &Derived{}
	if !f.load.HasErrors() && !f.link.HasErrors() {
		// The checks and the benchmark analysis only read the linked
		// site (the Locator locks its cache), so they run side by side.
		var wg sync.WaitGroup
		wg.Go(func() { f.check, d.Coverage = check.Check(s, loc) })
		d.Bench, f.bench = bench.AnalyzeMemo(s, loc, memo)
		wg.Wait()
	}
	return d, f
}

func newRenderer(s *model.Site, d *Derived, opt Options) (*render.Renderer, error) {
	return render.New(s, render.Options{BaseURL: opt.BaseURL, Theme: theme.Overlay(opt.Theme, themes.Default()),
		Coverage: d.Coverage, Bench: d.Bench, History: d.History, SearchEntry: d.SearchEntry, Interpret: opt.Interpret})
}

// buildSearch indexes the site for search (unless opt.NoSearch) and
// returns the index's files and its entry path.
func buildSearch(s *model.Site, d *Derived, opt Options) ([]render.Output, error) {
	if opt.NoSearch {
		return nil, nil
	}
	idx, err := search.Build(searchindex.Docs(s, d.Bench), search.Options{})
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer idx.Close()
	// The index is built and what its analysis worked with is garbage.
	// Collected before the export lays out the files, the heap peaks at
	// the index and its files alone. 10,000 items, 8 alternating builds:
	// peak RSS 253 → 234 MB (and none at 285 MB, which one build in five
	// reached when a collection during the analysis came late), no
	// slower.
	runtime.GC()
	files, stats, err := idx.Export()
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	d.SearchEntry = stats.Entry
	out := make([]render.Output, len(files))
	for i, f := range files {
		out[i] = render.Output{Path: f.Path, Data: f.Data}
	}
	return out, nil
}

// renderAll renders every page and the extra files, sorted by path.
func renderAll(r *render.Renderer, pages []render.Page) ([]render.Output, error) {
	files, err := r.Pages(pages)
	if err != nil {
		return nil, err
	}
	files = append(files, r.Extras(pages)...)
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// prepared is a site ready to render: loaded, linked, checked, with its
// history read and its search index built.
type prepared struct {
	site   *model.Site
	d      *Derived
	r      *render.Renderer
	search []render.Output
}

// prepare does everything before rendering. With content errors it returns
// nil and the diagnostics.
func prepare(ctx context.Context, opt Options, st *stages) (*prepared, diag.List, error) {
	s, d, diags := Load(opt)
	// Each stage before the pages leaves its working memory behind (the
	// files' bytes, the index under construction), and the collector's
	// goal, twice the live heap it last saw, still counts it: the heap
	// would grow towards it. Collecting between stages starts the next
	// from what stays live. 10,000 items: peak RSS 272 → 243 MB, no
	// slower (4 alternating builds each); 100,000 items: no change.
	runtime.GC()
	st.end("load")
	if diags.HasErrors() {
		return nil, diags, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, diags, err
	}
	h, err := readHistory(ctx, opt)
	if err != nil {
		return nil, diags, err
	}
	d.History = h
	st.end("history")
	searchFiles, err := buildSearch(s, d, opt)
	if err != nil {
		return nil, diags, err
	}
	if !opt.NoSearch {
		runtime.GC() // the index under construction is garbage now
	}
	st.end("search")
	r, err := newRenderer(s, d, opt)
	if err != nil {
		return nil, diags, err
	}
	return &prepared{s, d, r, searchFiles}, diags, nil
}

func (p *prepared) result() *Result {
	return &Result{Site: p.site, Coverage: p.d.Coverage, Bench: p.d.Bench, History: p.d.History}
}

// Render loads, links and renders the site in memory without writing.
// When the content has errors it returns them and no files.
func Render(ctx context.Context, opt Options) (*Result, diag.List, error) {
	start := time.Now()
	p, diags, err := prepare(ctx, opt, newStages(nil))
	if p == nil || err != nil {
		return nil, diags, err
	}
	files, err := renderAll(p.r, p.r.Plan())
	if err != nil {
		return nil, diags, err
	}
	files = withManifest(append(files, p.search...), p.d.History)
	res := p.result()
	res.Files, res.FileCount = files, len(files)
	for _, f := range files {
		res.Bytes += int64(len(f.Data))
		if strings.HasSuffix(f.Path, ".html") {
			res.Pages++
		}
	}
	res.Duration = time.Since(start)
	return res, diags, nil
}

// Build renders the site and writes it to opt.Out atomically. Pages are
// written to the staging directory as they are rendered, so the site is
// never held in memory whole. When the content has errors it writes
// nothing and returns the diagnostics; Result.Files is nil.
func Build(ctx context.Context, opt Options) (*Result, diag.List, error) {
	start := time.Now()
	if opt.Out == "" {
		return nil, nil, fmt.Errorf("site: no output directory")
	}
	stages := newStages(opt.Progress)
	p, diags, err := prepare(ctx, opt, stages)
	if p == nil || err != nil {
		return nil, diags, err
	}
	r, h := p.r, p.d.History
	pages := r.Plan()
	st, err := newStaging(opt.Out, !opt.NoSpare)
	if err != nil {
		return nil, diags, err
	}
	defer st.abort()
	res := p.result()
	res.Pages = len(pages)
	var mu sync.Mutex
	sums := make([]render.Output, 0, len(pages)+len(p.search)+64) // path and hash only, for the manifest
	recordSum := func(p string, sum []byte, n int64) {
		mu.Lock()
		sums = append(sums, render.Output{Path: p, Data: sum})
		res.Bytes += n
		mu.Unlock()
	}
	record := func(o render.Output) {
		sum := sha256.Sum256(o.Data)
		recordSum(o.Path, sum[:], int64(len(o.Data)))
	}
	// Files are handed to the writers as soon as they exist and dropped
	// once written: the search index, fed from its own goroutine so that
	// rendering starts at once (the writers interleave both), the pages as
	// they are rendered, then the site-wide files.
	w := newPool(st, writers)
	searchFiles := p.search
	p.search = nil
	searchDone := make(chan struct{})
	go func() {
		defer close(searchDone)
		for i, o := range searchFiles {
			record(o)
			w.add(o)
			searchFiles[i] = render.Output{} // the writer holds it now
		}
	}()
	// The site-wide files need only the site and the list of pages, so
	// they are made while the pages render, on one goroutine that takes
	// the cores the page workers leave idle; made after the pages, they
	// kept one core busy and the other waiting.
	siteWide := make(chan error, 1)
	go func() {
		for _, e := range r.PageExtras(pages) {
			record(e)
			w.add(e)
		}
		// The open-data files are the largest (tens of megabytes each at
		// 10,000 items): they go to disk row by row.
		siteWide <- r.WriteDataFiles(func(p string) (io.WriteCloser, error) {
			if err := ctx.Err(); err != nil {
				return nil, err // interrupted: the pages stop too
			}
			return w.create(p, func(sum []byte, n int64) { recordSum(p, sum, n) })
		})
	}()
	var rendered atomic.Int64
	err = r.Each(pages, func(_ int, o render.Output) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		record(o)
		w.addCopy(o)
		if opt.PageProgress != nil {
			opt.PageProgress(int(rendered.Add(1)), len(pages))
		}
		return nil
	})
	<-searchDone
	stages.end("pages")
	if werr := <-siteWide; err == nil {
		err = werr
	}
	stages.end("site-wide")
	if werr := w.wait(); err == nil {
		err = werr
	}
	if err != nil {
		return nil, diags, err
	}
	m := manifestOf(sums, h)
	if err := st.write(m.Path, m.Data); err != nil {
		return nil, diags, err
	}
	if err := ctx.Err(); err != nil {
		return nil, diags, err
	}
	if err := st.commit(); err != nil {
		return nil, diags, err
	}
	res.FileCount = len(sums) + 1
	stages.end("finish")
	res.Duration = time.Since(start)
	return res, diags, nil
}

// withManifest adds manifest.json to the (sorted) files.
func withManifest(files []render.Output, h *history.History) []render.Output {
	sums := make([]render.Output, len(files))
	for i, f := range files {
		sum := sha256.Sum256(f.Data)
		sums[i] = render.Output{Path: f.Path, Data: sum[:]}
	}
	files = append(files, manifestOf(sums, h))
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files
}
