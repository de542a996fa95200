// Package render plans every page of the portal and executes the theme's
// templates for them, in parallel, returning the files to write. It does no
// disk I/O: package site writes what it returns.
//
// Each page is planned as a path, a layout name and a [View]. Templates get
// the functions documented on [Funcs].
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/url"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"

	"sunlight/internal/bench"
	"sunlight/internal/check"
	"sunlight/internal/flowchart"
	"sunlight/internal/history"
	"sunlight/internal/markdown"
	"sunlight/internal/model"
	"sunlight/internal/opendata"
	"sunlight/internal/permalink"
	"sunlight/internal/theme"
)

// Options control rendering.
type Options struct {
	// BaseURL overrides site.toml's base_url (e.g. https://x.gov.cn/lzfk/).
	BaseURL string
	// Theme is the theme's files (an overlay of the site's theme over the
	// default theme); required.
	Theme fs.FS
	// Workers is the number of pages rendered at once (default: GOMAXPROCS).
	Workers int
	// Coverage is the disclosure coverage report for the dashboard page;
	// nil omits the page.
	Coverage *check.Coverage
	// Bench is the analysis of the discretion benchmarks (parsed tiers,
	// provisions compared across units); nil omits the comparison pages.
	Bench *bench.Analysis
	// SearchEntry is the site path of the search index's entry file
	// (search/index.<hash>.json); empty when the site has no search index.
	SearchEntry string
	// History is the content's revision history; nil or unavailable omits
	// the revision sections, snapshot pages and annual pages.
	History *history.History
	// Interpret runs the templates in html/template alone instead of
	// compiling them (theme.Theme.Interpret): the same pages, slower.
	Interpret bool
}

// Output is one file of the built site.
type Output struct {
	Path string // relative to the output root, with /
	Data []byte
}

// Crumb is one breadcrumb link.
type Crumb struct {
	Title string
	Path  string
}

// Column carries the list-page <meta> tags of government-website
// inspections (ColumnName, ColumnDescription, ColumnKeywords, ColumnType).
type Column struct {
	Name, Description, Keywords, Type string
}

// Article carries the item-page <meta> tags (ArticleTitle, PubDate,
// ContentSource).
type Article struct {
	Title, PubDate, Source string
}

// View is what every template receives.
type View struct {
	Site    *model.Site
	Cfg     *model.Config
	Path    string // this page's site-relative path
	Title   string
	Desc    string
	Crumbs  []Crumb
	Column  *Column
	Article *Article
	Main    any // the page type's own data
}

// Nav is what the cached site header receives ({{cached "site-header"
// .Nav}}): the site, and the page's path as Current when the page is at
// the top of the site ("", "units/", "search/"). Deeper pages, which no
// navigation link points at, get Current "-" and so share one rendering
// of the header.
type Nav struct {
	Site    *model.Site
	Current string
}

// Nav returns the header's data for the page.
func (v *View) Nav() Nav {
	cur := v.Path
	if strings.Contains(strings.TrimSuffix(cur, "/"), "/") {
		cur = "-"
	}
	return Nav{Site: v.Site, Current: cur}
}

// Page is one planned page.
type Page struct {
	Path   string // URL path ("units/x/") or file path ("404.html")
	Layout string
	View   *View
	// Deps are the content files whose text the page shows, besides
	// site.toml and pages/*.md, which every page shows (header, footer).
	// DepAll means the page summarises the whole site; DepStructure means
	// it lists items, so adding or removing any content file affects it.
	Deps []string
}

// Dependency markers in [Page.Deps].
const (
	DepAll       = "*"
	DepStructure = "+"
)

// File is the output file of the page.
func (p Page) File() string { return permalink.File(p.Path) }

// Render renders every page of site and the site-wide files (assets,
// sitemap.xml), sorted by path.
func Render(site *model.Site, opt Options) ([]Output, error) {
	r, err := New(site, opt)
	if err != nil {
		return nil, err
	}
	pages := r.Plan()
	outs, err := r.Pages(pages)
	if err != nil {
		return nil, err
	}
	outs = append(outs, r.Extras(pages)...)
	sort.Slice(outs, func(i, j int) bool { return outs[i].Path < outs[j].Path })
	for i := 1; i < len(outs); i++ {
		if outs[i].Path == outs[i-1].Path {
			return nil, fmt.Errorf("render: two pages write %s", outs[i].Path)
		}
	}
	return outs, nil
}

// Pages renders the given pages in parallel, in order.
func (r *Renderer) Pages(pages []Page) ([]Output, error) {
	outs := make([]Output, len(pages))
	err := r.Each(pages, func(i int, o Output) error {
		o.Data = bytes.Clone(o.Data)
		outs[i] = o
		return nil
	})
	if err != nil {
		return nil, err
	}
	return outs, nil
}

// Each renders the pages in parallel and hands each result to fn, from
// the rendering goroutine, as soon as it is ready; o.Data is only valid
// during the call. It stops at the first error. A build streams pages to
// disk this way instead of holding the whole site in memory.
func (r *Renderer) Each(pages []Page, fn func(i int, o Output) error) error {
	workers := r.workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	r.resetMemo()
	defer r.resetMemo() // the memo is one pass long; it need not outlive it
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	fail := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
	}
	failed := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return firstErr != nil
	}
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for i := range next {
				if failed() {
					continue
				}
				buf.Reset()
				if err := r.execute(&buf, pages[i]); err != nil {
					fail(fmt.Errorf("render %s: %w", pages[i].Path, err))
					continue
				}
				if err := fn(i, Output{Path: pages[i].File(), Data: buf.Bytes()}); err != nil {
					fail(err)
				}
			}
		}()
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()
	return firstErr
}

// resetMemo empties the cached func's memo.
func (r *Renderer) resetMemo() {
	r.fragMu.Lock()
	r.frags, r.fragBytes = map[fragKey]template.HTML{}, 0
	r.fragMu.Unlock()
}

// Extras returns the files that are not pages: the theme's assets and
// sitemap.xml (which lists pages).
func (r *Renderer) Extras(pages []Page) []Output {
	return append(r.PageExtras(pages), r.DataFiles()...)
}

// PageExtras are the extras that follow the pages: the theme's assets,
// the Atom feed and sitemap.xml.
func (r *Renderer) PageExtras(pages []Page) []Output {
	outs := r.Assets()
	outs = append(outs, Output{Path: "feed.xml", Data: r.atom()})
	return append(outs, Output{Path: "sitemap.xml", Data: r.sitemapXML(pages)})
}

// DataFiles are the open-data files (CSV and JSON of every dataset).
// They cover the whole site, so a live preview refreshes them after the
// pages, as it does the search index.
func (r *Renderer) DataFiles() []Output {
	var outs []Output
	for _, f := range opendata.Files(r.site, r.bench, r.absURL) {
		outs = append(outs, Output{Path: f.Path, Data: f.Data})
	}
	return outs
}

// WriteDataFiles writes the files of DataFiles, in the same order, row by
// row into the files create makes (see [opendata.Write]): a province's
// open data is hundreds of megabytes, which need not be in memory.
func (r *Renderer) WriteDataFiles(create func(path string) (io.WriteCloser, error)) error {
	return opendata.Write(r.site, r.bench, r.absURL, create)
}

// absURL is the absolute URL of a site path.
func (r *Renderer) absURL(p string) string { return r.baseURL + escapePath(p) }

// Assets are the theme's asset files.
func (r *Renderer) Assets() []Output {
	var outs []Output
	for _, a := range r.theme.Assets {
		outs = append(outs, Output{Path: a.Path, Data: a.Data})
	}
	return outs
}

// ExtraPaths lists the paths of [Renderer.Extras] without rendering them.
func (r *Renderer) ExtraPaths() []string {
	var out []string
	for _, a := range r.theme.Assets {
		out = append(out, a.Path)
	}
	return append(append(out, "feed.xml", "sitemap.xml"), opendata.Paths()...)
}

// Renderer renders the pages of one linked site.
type Renderer struct {
	site    *model.Site
	base    string // base path, "/" or "/lzfk/"
	baseURL string // absolute, ending in /
	md      *markdown.Renderer
	theme   *theme.Theme
	cov     *check.Coverage
	workers int
	charts  *flowchart.Cache
	bench   *bench.Analysis
	history *history.History // nil unless available
	search  string           // search entry path, or ""

	changesOnce sync.Once
	changesData *ChangesData
	pagesOnce   sync.Once
	pagesOf     map[string]pageOf // content file → page showing it
	yearsOnce   sync.Once
	years       map[string][]int // unit id → years with changes
	annualMu    sync.Mutex
	annuals     map[string]*AnnualData // "unit/year" → changes

	fragMu    sync.Mutex
	frags     map[fragKey]template.HTML // the cached func's memo, one pass long
	fragBytes int                       // the memo's size
}

// fragBudget bounds the cached func's memo. Pages are rendered unit by
// unit, and most cached parts (a flow's steps, a benchmark's tiers) are
// shared within a unit, so a memo that starts over when it is full keeps
// nearly every hit while its memory stays flat at any size of site.
const fragBudget = 16 << 20

// fragKey names a rendered partial: its name and the data it was given.
type fragKey struct {
	name string
	data any
}

// cached renders the partial name with data once per pass of [Renderer.Each]
// and returns the same HTML for every page of the pass that asks again.
// data must be comparable (a pointer into the model, typically): it is the
// memo's key, so the partial may depend on nothing but data and the site.
// Within a pass the model does not change; between passes (a rebuild after
// an edit) the memo starts empty.
func (r *Renderer) cached(name string, data any) (template.HTML, error) {
	if t := reflect.TypeOf(data); t == nil || !t.Comparable() {
		return "", fmt.Errorf("cached %q: the data must be comparable (a pointer), not %T", name, data)
	}
	k := fragKey{name, data}
	r.fragMu.Lock()
	h, ok := r.frags[k]
	r.fragMu.Unlock()
	if ok {
		return h, nil
	}
	var b bytes.Buffer
	if err := r.theme.Partial(&b, name, data); err != nil {
		return "", err
	}
	h = template.HTML(b.String())
	r.fragMu.Lock()
	if r.fragBytes+len(h) > fragBudget {
		r.frags, r.fragBytes = map[fragKey]template.HTML{}, 0
	}
	r.frags[k] = h
	r.fragBytes += len(h)
	r.fragMu.Unlock()
	return h, nil
}

// New prepares rendering site: it parses the theme once.
func New(site *model.Site, opt Options) (*Renderer, error) {
	baseURL := opt.BaseURL
	if baseURL == "" {
		baseURL = site.Config.BaseURL
	}
	if baseURL == "" {
		baseURL = "/"
	}
	if !strings.HasSuffix(baseURL, "/") {
		baseURL += "/"
	}
	u, err := url.Parse(baseURL)
	if err != nil {
		return nil, fmt.Errorf("render: base URL %q: %w", baseURL, err)
	}
	base := u.Path
	if base == "" {
		base = "/"
	}
	r := &Renderer{site: site, base: base, baseURL: baseURL, md: markdown.New(base), cov: opt.Coverage, workers: opt.Workers, charts: &flowchart.Cache{}, bench: opt.Bench, search: opt.SearchEntry, frags: map[fragKey]template.HTML{}}
	if opt.History != nil && opt.History.Available {
		r.history = opt.History
	}
	if opt.Theme == nil {
		return nil, fmt.Errorf("render: no theme")
	}
	th, err := theme.Load(opt.Theme, r.Funcs(), templateMethods()...)
	if err != nil {
		return nil, err
	}
	th.Interpret = opt.Interpret
	r.theme = th
	return r, nil
}

func (r *Renderer) execute(buf *bytes.Buffer, p Page) error {
	v := p.View
	if f, ok := v.Main.(lazy); ok {
		c := *v
		c.Main = f()
		v = &c
	}
	return r.theme.Execute(buf, p.Layout, v)
}

func (r *Renderer) markdown(src string) template.HTML { return r.markdownShift(1, src) }

func (r *Renderer) markdownShift(shift int, src string) template.HTML {
	h, err := r.md.RenderShift(src, shift)
	if err != nil {
		return template.HTML(template.HTMLEscapeString(src))
	}
	return h
}
