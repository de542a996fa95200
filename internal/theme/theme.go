// Package theme loads a theme: HTML templates and static assets.
//
// # Layout
//
//	layouts/base.html     the page frame: <head> with the government-website
//	                      <meta> tags, header, breadcrumbs, footer; it calls
//	                      {{template "content" .}} and {{template "head" .}}
//	layouts/partials/*.html  partials shared by every page ({{define "…"}} blocks)
//	layouts/<page>.html   one per page type, each defining "content":
//	                      home, units, unit, power, flow, benchmark,
//	                      benchmarks, risks, categories, category, laws, law,
//	                      page, search, sitemap, 404
//	assets/*              copied to the output's assets/ folder as they are
//
// A page layout that defines "document" replaces the frame of base.html
// with its own (the print pages: volume, poster).
//
// Parts shared by many pages are rendered once per build with the cached
// function: {{cached "site-header" .Nav}}, {{cached "site-footer" .Site}},
// and in the item page a flow's steps and a benchmark's tiers. A cached
// part is a partial: it must be defined in base.html or layouts/partials/
// (a layout's own definitions are not seen), and may use only the data it
// is given ([Theme.Partial]).
//
// # Overrides
//
// A site overrides any file by placing a file with the same path in its
// theme directory (`sunlight build -theme DIR`); files it does not have come
// from the default theme embedded in the binary. Lookup order: DIR, then the
// default theme.
//
// # Execution
//
// Page layouts run through [tmplexec]: after html/template has escaped
// a layout (on its first page), its templates are compiled, which renders
// the rest of the pages several times faster with the same output.
//
// # Template functions
//
// The functions available to templates are documented on render.Funcs, which
// supplies them; for example {{url "units/"}} gives a link under the base
// path and {{date .Reviewed}} formats a date as 2025-03-01.
package theme

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"

	"sunlight/internal/tmplexec"
)

// Overlay returns a file system that serves files from top when it has
// them and from base otherwise. A nil top means base alone.
func Overlay(top, base fs.FS) fs.FS {
	if top == nil {
		return base
	}
	return overlay{top, base}
}

type overlay struct{ top, base fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if err == nil {
		return f, nil
	}
	return o.base.Open(name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]fs.DirEntry{}
	for _, fsys := range []fs.FS{o.base, o.top} {
		es, err := fs.ReadDir(fsys, name)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		for _, e := range es {
			seen[e.Name()] = e
		}
	}
	if len(seen) == 0 {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	out := make([]fs.DirEntry, 0, len(seen))
	for _, e := range seen {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// Theme is a parsed theme.
type Theme struct {
	pages        map[string]*page
	partials     *template.Template // base.html and the partials, for Partial
	partialsExec *tmplexec.Set
	Assets       []Asset
	// Interpret runs the page layouts in html/template alone, without
	// compiling them: slower, and the reference the compiled execution is
	// tested against.
	Interpret bool
}

// page is a page layout's template set (base.html, the partials and the
// layout) and its compiled execution.
type page struct {
	t    *template.Template
	exec *tmplexec.Set
}

// Asset is a static file of the theme.
type Asset struct {
	Path string // relative to the output root, e.g. assets/sunlight.css
	Data []byte
}

// Load parses every layout of fsys with funcs and reads its assets; the
// compiled layouts call methods directly (see [tmplexec.Method]).
func Load(fsys fs.FS, funcs tmplexec.FuncMap, methods ...tmplexec.Method) (*Theme, error) {
	entries, err := fs.ReadDir(fsys, "layouts")
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	root := template.New("base.html").Funcs(funcs.Template())
	parse := func(t *template.Template, file string) error {
		b, err := fs.ReadFile(fsys, file)
		if err != nil {
			return fmt.Errorf("theme: %w", err)
		}
		if _, err := t.Parse(string(b)); err != nil {
			return fmt.Errorf("theme: %s: %w", file, err)
		}
		return nil
	}
	if err := parse(root, "layouts/base.html"); err != nil {
		return nil, err
	}
	partials, err := fs.ReadDir(fsys, "layouts/partials")
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("theme: %w", err)
	}
	for _, e := range partials {
		if !e.IsDir() && path.Ext(e.Name()) == ".html" {
			if err := parse(root.New("partials/"+e.Name()), "layouts/partials/"+e.Name()); err != nil {
				return nil, err
			}
		}
	}
	var pageFiles []string
	for _, e := range entries {
		if name := e.Name(); !e.IsDir() && path.Ext(name) == ".html" && name != "base.html" {
			pageFiles = append(pageFiles, name)
		}
	}
	if root.Lookup("base.html") == nil || root.Lookup("base.html").Tree == nil {
		return nil, errors.New("theme: layouts/base.html is missing")
	}
	shared, err := root.Clone()
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	th := &Theme{pages: map[string]*page{}, partials: shared, partialsExec: tmplexec.New(shared, funcs, methods...)}
	for _, name := range pageFiles {
		b, err := fs.ReadFile(fsys, "layouts/"+name)
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		t, err := root.Clone()
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		if _, err := t.New(name).Parse(string(b)); err != nil {
			return nil, fmt.Errorf("theme: layouts/%s: %w", name, err)
		}
		th.pages[strings.TrimSuffix(name, ".html")] = &page{t, tmplexec.New(t, funcs, methods...)}
	}
	err = fs.WalkDir(fsys, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		th.Assets = append(th.Assets, Asset{Path: p, Data: b})
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("theme: %w", err)
	}
	return th, nil
}

// Partial appends the template name defined in base.html or a partial
// (not a layout's own definitions) applied to data to buf, in HTML text
// context.
func (t *Theme) Partial(buf *bytes.Buffer, name string, data any) error {
	if t.partials.Lookup(name) == nil {
		return fmt.Errorf("theme: no partial %q", name)
	}
	if t.Interpret {
		return t.partials.ExecuteTemplate(buf, name, data)
	}
	return t.partialsExec.Execute(buf, name, data)
}

// Has reports whether the theme has a page layout.
func (t *Theme) Has(page string) bool { return t.pages[page] != nil }

// Execute appends the page layout page ("power", "unit", …) applied to
// data to buf: base.html's frame around the layout's "content", or the
// layout's own "document".
func (t *Theme) Execute(buf *bytes.Buffer, page string, data any) error {
	p := t.pages[page]
	if p == nil {
		return fmt.Errorf("theme: layouts/%s.html is missing", page)
	}
	name := "base.html"
	if p.t.Lookup("document") != nil { // a layout with its own frame (print pages)
		name = "document"
	}
	if t.Interpret {
		return p.t.ExecuteTemplate(buf, name, data)
	}
	return p.exec.Execute(buf, name, data)
}
