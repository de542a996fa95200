package site

import (
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"sunlight/internal/diag"
	"sunlight/internal/fine"
	"sunlight/internal/history"
	"sunlight/internal/load"
	"sunlight/internal/model"
	"sunlight/internal/permalink"
	"sunlight/internal/render"
)

// Session keeps a site built and rebuilds, after an edit, only what the
// edit touches: it reloads the changed files, links and checks the whole
// site again (cheap), re-renders the pages whose dependencies changed, and
// writes only the files whose bytes differ. `sunlight serve` uses it.
//
// A rebuild's output is always identical to a full build of the same
// content; the tests hold it to that. A rebuild that finds content errors
// writes nothing, so the last good site stays in place.
type Session struct {
	opt    Options
	loader *load.Loader
	loc    *load.Locator
	files  map[string]bool              // content files of the last good build
	hashes map[string][sha256.Size]byte // output file → hash of what is on disk
	broken bool                         // the last build or rebuild had errors
	hist   *history.History             // read once, by the first build
	memo   fine.Memo                    // benchmark texts read so far
	// search holds the search index as written; rebuilds re-index the site
	// (see DeferSearch).
	search      []render.Output
	searchEntry string
	searchStale bool      // DeferSearch: the pages changed since the index and the site-wide files were written
	last        *analysis // the site of the last good build or rebuild

	// DeferSearch makes Rebuild leave the search index as it was, so pages
	// reload at once; RefreshSearch then brings the index up to date.
	// Re-indexing takes seconds on a large portal, too long to hold a
	// preview up.
	DeferSearch bool
}

// analysis is a loaded, linked and analysed site, with what an edit of
// item text needs to update it in place (see [Session.Rebuild]).
type analysis struct {
	site     *model.Site
	derived  *Derived
	findings findings
	renderer *render.Renderer
	pages    []render.Page
	deps     map[string][]string     // page file → its dependencies
	powers   map[string]*model.Power // content file → power item
	shownOn  map[string][]int        // content file → pages that show it (indexes into pages)
	summary  []int                   // pages that summarise the whole site (render.DepAll)
}

func newAnalysis(site *model.Site, d *Derived, f findings, r *render.Renderer, pages []render.Page) *analysis {
	a := &analysis{site: site, derived: d, findings: f, renderer: r, pages: pages,
		deps: map[string][]string{}, powers: map[string]*model.Power{}, shownOn: map[string][]int{}}
	for _, u := range site.Units {
		for _, p := range u.Powers {
			a.powers[p.Src.File] = p
		}
	}
	for i, p := range pages {
		a.deps[p.File()] = p.Deps
		for _, dep := range p.Deps {
			switch {
			case dep == render.DepAll:
				a.summary = append(a.summary, i)
			case dep != render.DepStructure:
				if on := a.shownOn[dep]; len(on) == 0 || on[len(on)-1] != i {
					a.shownOn[dep] = append(on, i)
				}
			}
		}
	}
	return a
}

// Rebuilt describes one build or rebuild.
type Rebuilt struct {
	Rendered []string // page files rendered (sorted)
	Written  []string // output files written because their bytes changed (sorted)
	Removed  []string // output files removed (sorted)
	Pages    int      // pages in the site
	Duration time.Duration
	// InPlace is set when the edit changed only the text of existing items
	// and the rebuild updated the model in place, keeping the links, the
	// benchmark analysis and the page plan of the previous build.
	InPlace bool
}

// NewSession prepares a session; call Build first.
func NewSession(opt Options) *Session {
	return &Session{opt: opt, loader: load.New(opt.Content), loc: load.NewLocator(opt.Content)}
}

// Build does a full build and writes it atomically, as [Build] does.
func (s *Session) Build(ctx context.Context) (*Rebuilt, diag.List, error) {
	start := time.Now()
	site, loadDiags := s.loader.Load()
	s.loc = load.NewLocator(s.opt.Content)
	derived, found := analyze(site, loadDiags, s.loc, &s.memo)
	diags := found.all()
	if diags.HasErrors() {
		s.broken = true
		return nil, diags, nil
	}
	if s.hist == nil {
		h, err := readHistory(ctx, s.opt)
		if err != nil {
			return nil, diags, err
		}
		s.hist = h
	}
	derived.History = s.hist
	searchFiles, err := buildSearch(site, derived, s.opt)
	if err != nil {
		return nil, diags, err
	}
	s.search = searchFiles
	s.searchEntry = derived.SearchEntry
	r, err := newRenderer(site, derived, s.opt)
	if err != nil {
		return nil, diags, err
	}
	pages := r.Plan()
	files, err := renderAll(r, pages)
	if err != nil {
		return nil, diags, err
	}
	files = withManifest(append(files, s.search...), s.hist)
	if err := ctx.Err(); err != nil {
		return nil, diags, err
	}
	if err := Write(s.opt.Out, files); err != nil {
		return nil, diags, err
	}
	s.remember(pages, files)
	s.last = newAnalysis(site, derived, found, r, pages)
	rb := &Rebuilt{Pages: len(pages), Duration: time.Since(start)}
	for _, p := range pages {
		rb.Rendered = append(rb.Rendered, p.File())
	}
	for _, f := range files {
		rb.Written = append(rb.Written, f.Path)
	}
	sort.Strings(rb.Rendered)
	s.broken = false
	return rb, diags, nil
}

func (s *Session) remember(pages []render.Page, files []render.Output) {
	s.files = map[string]bool{}
	for _, f := range s.loader.Files() {
		s.files[f] = true
	}
	s.hashes = map[string][sha256.Size]byte{}
	for _, f := range files {
		s.hashes[f.Path] = sha256.Sum256(f.Data)
	}
}

// Rebuild reloads the changed content paths (files or folders, relative to
// the content root; created, modified or deleted) and updates the output
// in place. themeChanged forces every page to be rendered again.
func (s *Session) Rebuild(ctx context.Context, changed []string, themeChanged bool) (*Rebuilt, diag.List, error) {
	if s.hashes == nil {
		return s.Build(ctx)
	}
	start := time.Now()
	if rb, diags, err, done := s.rebuildInPlace(ctx, changed, themeChanged); done {
		if rb != nil {
			rb.Duration = time.Since(start)
		}
		return rb, diags, err
	}
	site, loadDiags := s.loader.Reload(changed)
	s.loc.Forget(changed)
	derived, found := analyze(site, loadDiags, s.loc, &s.memo)
	diags := found.all()
	if diags.HasErrors() {
		s.broken = true
		return nil, diags, nil
	}
	derived.History = s.hist
	var searchOuts []render.Output
	if s.DeferSearch {
		derived.SearchEntry = s.searchEntry
		s.searchStale = true
	} else {
		var err error
		if searchOuts, err = buildSearch(site, derived, s.opt); err != nil {
			return nil, diags, err
		}
	}
	r, err := newRenderer(site, derived, s.opt)
	if err != nil {
		return nil, diags, err
	}
	pages := r.Plan()
	searchChanged := !s.DeferSearch && derived.SearchEntry != s.searchEntry

	// Which content files changed, and did the set of files change?
	now := map[string]bool{}
	for _, f := range s.loader.Files() {
		now[f] = true
	}
	touched := map[string]bool{}
	structural := len(now) != len(s.files)
	for _, c := range changed {
		c = path.Clean(c)
		for f := range union(now, s.files) {
			if f == c || strings.HasPrefix(f, c+"/") {
				touched[f] = true
				if now[f] != s.files[f] {
					structural = true
				}
			}
		}
	}
	everything := themeChanged || s.broken
	for f := range touched {
		if f == "site.toml" || strings.HasPrefix(f, "pages/") {
			everything = true // every page shows the site config and the page list
		}
	}
	affected := func(deps []string) bool {
		for _, d := range deps {
			if d == render.DepAll || d == render.DepStructure && structural || touched[d] {
				return true
			}
		}
		return false
	}
	var todo []render.Page
	for _, p := range pages {
		old, existed := s.last.deps[p.File()]
		if everything || !existed || affected(p.Deps) || affected(old) || searchChanged && p.Path == permalink.Search {
			todo = append(todo, p)
		}
	}
	outs, err := r.Pages(todo)
	if err != nil {
		return nil, diags, err
	}
	if s.DeferSearch {
		outs = append(outs, r.Assets()...) // the feed, sitemap, data files and manifest follow in RefreshSearch
	} else {
		outs = append(outs, r.Extras(pages)...)
	}
	if !s.DeferSearch {
		outs = append(outs, searchOuts...)
		s.search, s.searchEntry = searchOuts, derived.SearchEntry
	}
	if err := ctx.Err(); err != nil {
		return nil, diags, err
	}

	rb := &Rebuilt{Pages: len(pages)}
	for _, p := range todo {
		rb.Rendered = append(rb.Rendered, p.File())
	}
	sort.Strings(rb.Rendered)
	if rb.Written, err = s.writeChanged(outs); err != nil {
		return nil, diags, err
	}
	keep := map[string]bool{}
	for _, p := range pages {
		keep[p.File()] = true
	}
	for _, p := range r.ExtraPaths() {
		keep[p] = true
	}
	keep[ManifestFile] = true
	for _, f := range s.search {
		keep[f.Path] = true
	}
	for f := range s.hashes {
		if !keep[f] {
			if err := removeOutput(s.opt.Out, f); err != nil {
				return nil, diags, err
			}
			delete(s.hashes, f)
			rb.Removed = append(rb.Removed, f)
		}
	}
	// The manifest covers every file on disk, rendered now or kept.
	if !s.DeferSearch {
		written, err := s.writeChanged([]render.Output{s.manifest()})
		if err != nil {
			return nil, diags, err
		}
		rb.Written = append(rb.Written, written...)
	}
	sort.Strings(rb.Written)
	sort.Strings(rb.Removed)
	s.last = newAnalysis(site, derived, found, r, pages)
	s.files = now
	s.broken = false
	rb.Duration = time.Since(start)
	return rb, diags, nil
}

func union(a, b map[string]bool) map[string]bool {
	u := make(map[string]bool, len(a)+len(b))
	for k := range a {
		u[k] = true
	}
	for k := range b {
		u[k] = true
	}
	return u
}

// writeFileAtomic replaces one output file through a temporary file, so a
// reader never sees it half-written.
func writeFileAtomic(root, rel string, data []byte) error {
	if err := checkPath(rel); err != nil {
		return err
	}
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("write: %w", err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write: %w", err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// removeOutput deletes one output file and any folders it leaves empty.
func removeOutput(root, rel string) error {
	if err := checkPath(rel); err != nil {
		return err
	}
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("write: %w", err)
	}
	for dir := filepath.Dir(p); dir != filepath.Clean(root); dir = filepath.Dir(dir) {
		if os.Remove(dir) != nil {
			break
		}
	}
	return nil
}

// writeChanged writes the outputs whose bytes differ from what is on disk
// and returns their paths.
func (s *Session) writeChanged(outs []render.Output) ([]string, error) {
	var written []string
	for _, o := range outs {
		h := sha256.Sum256(o.Data)
		if old, ok := s.hashes[o.Path]; ok && old == h {
			continue
		}
		if err := writeFileAtomic(s.opt.Out, o.Path, o.Data); err != nil {
			return written, err
		}
		s.hashes[o.Path] = h
		written = append(written, o.Path)
	}
	return written, nil
}

// manifest computes manifest.json from the hashes of what is on disk.
func (s *Session) manifest() render.Output {
	sums := make([]render.Output, 0, len(s.hashes))
	for p, h := range s.hashes {
		if p != ManifestFile {
			sums = append(sums, render.Output{Path: p, Data: h[:]})
		}
	}
	return manifestOf(sums, s.hist)
}

// RefreshSearch re-indexes the site of the last rebuild when DeferSearch
// left the index stale, writes the index files that changed, removes the
// old ones, re-renders the search page and rewrites the open-data files. It returns the files written
// and removed (nil when the index was up to date).
func (s *Session) RefreshSearch(ctx context.Context) (*Rebuilt, error) {
	if !s.searchStale || s.last == nil {
		return nil, nil
	}
	start := time.Now()
	d := *s.last.derived
	outs, err := buildSearch(s.last.site, &d, s.opt)
	if err != nil {
		return nil, err
	}
	r, err := newRenderer(s.last.site, &d, s.opt)
	if err != nil {
		return nil, err
	}
	var searchPage []render.Page
	plan := r.Plan()
	for _, p := range plan {
		if p.Path == permalink.Search {
			searchPage = append(searchPage, p)
		}
	}
	pages, err := r.Pages(searchPage)
	if err != nil {
		return nil, err
	}
	pages = append(append(pages, r.PageExtras(plan)...), r.DataFiles()...)
	rb := &Rebuilt{Rendered: []string{permalink.File(permalink.Search)}}
	keep := map[string]bool{}
	for _, o := range outs {
		keep[o.Path] = true
	}
	if rb.Written, err = s.writeChanged(append(outs, pages...)); err != nil {
		return nil, err
	}
	for _, old := range s.search {
		if !keep[old.Path] {
			if err := removeOutput(s.opt.Out, old.Path); err != nil {
				return nil, err
			}
			delete(s.hashes, old.Path)
			rb.Removed = append(rb.Removed, old.Path)
		}
	}
	s.search, s.searchEntry, s.searchStale = outs, d.SearchEntry, false
	written, err := s.writeChanged([]render.Output{s.manifest()})
	if err != nil {
		return nil, err
	}
	rb.Written = append(rb.Written, written...)
	sort.Strings(rb.Written)
	sort.Strings(rb.Removed)
	rb.Duration = time.Since(start)
	return rb, nil
}
