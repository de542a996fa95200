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
	"io/fs"
	"net/url"
	"runtime"
	"sort"
	"strings"
	"sync"

	"sunlight/internal/check"
	"sunlight/internal/markdown"
	"sunlight/internal/model"
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

type page struct {
	path   string // URL path ("units/x/") or file path ("404.html")
	layout string
	view   *View
}

// Render renders every page of site.
func Render(site *model.Site, opt Options) ([]Output, error) {
	r, err := newRenderer(site, opt)
	if err != nil {
		return nil, err
	}
	pages := r.plan()
	outs := make([]Output, len(pages))
	errs := make([]error, len(pages))
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for i := range next {
				buf.Reset()
				errs[i] = r.execute(&buf, pages[i])
				outs[i] = Output{Path: file(pages[i].path), Data: bytes.Clone(buf.Bytes())}
			}
		}()
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("render %s: %w", pages[i].path, err)
		}
	}
	for _, a := range r.theme.Assets {
		outs = append(outs, Output{Path: a.Path, Data: a.Data})
	}
	outs = append(outs, Output{Path: "sitemap.xml", Data: r.sitemapXML(pages)})
	sort.Slice(outs, func(i, j int) bool { return outs[i].Path < outs[j].Path })
	for i := 1; i < len(outs); i++ {
		if outs[i].Path == outs[i-1].Path {
			return nil, fmt.Errorf("render: two pages write %s", outs[i].Path)
		}
	}
	return outs, nil
}

type renderer struct {
	site    *model.Site
	base    string // base path, "/" or "/lzfk/"
	baseURL string // absolute, ending in /
	md      *markdown.Renderer
	theme   *theme.Theme
	cov     *check.Coverage
}

func newRenderer(site *model.Site, opt Options) (*renderer, error) {
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
	r := &renderer{site: site, base: base, baseURL: baseURL, md: markdown.New(base), cov: opt.Coverage}
	if opt.Theme == nil {
		return nil, fmt.Errorf("render: no theme")
	}
	th, err := theme.Load(opt.Theme, r.Funcs())
	if err != nil {
		return nil, err
	}
	r.theme = th
	return r, nil
}

func (r *renderer) execute(buf *bytes.Buffer, p page) error {
	t, err := r.theme.Template(p.layout)
	if err != nil {
		return err
	}
	return t.ExecuteTemplate(buf, "base.html", p.view)
}

func (r *renderer) markdown(src string) template.HTML { return r.markdownShift(1, src) }

func (r *renderer) markdownShift(shift int, src string) template.HTML {
	h, err := r.md.RenderShift(src, shift)
	if err != nil {
		return template.HTML(template.HTMLEscapeString(src))
	}
	return h
}
