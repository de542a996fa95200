package site

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"sunlight/internal/diag"
	"sunlight/internal/history"
	"sunlight/internal/load"
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
	deps   map[string][]string          // page file → deps, from the last good build
	hashes map[string][sha256.Size]byte // output file → hash of what is on disk
	broken bool                         // the last build or rebuild had errors
	hist   *history.History             // read once, by the first build
}

// Rebuilt describes one build or rebuild.
type Rebuilt struct {
	Rendered []string // page files rendered (sorted)
	Written  []string // output files written because their bytes changed (sorted)
	Removed  []string // output files removed (sorted)
	Pages    int      // pages in the site
	Duration time.Duration
}

// NewSession prepares a session; call Build first.
func NewSession(opt Options) *Session {
	return &Session{opt: opt, loader: load.New(opt.Content), loc: load.NewLocator(opt.Content)}
}

// Build does a full build and writes it atomically, as [Build] does.
func (s *Session) Build(ctx context.Context) (*Rebuilt, diag.List, error) {
	start := time.Now()
	site, diags := s.loader.Load()
	s.loc = load.NewLocator(s.opt.Content)
	derived, diags := analyze(site, diags, s.loc)
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
	r, err := newRenderer(site, derived, s.opt)
	if err != nil {
		return nil, diags, err
	}
	pages := r.Plan()
	files, err := renderAll(r, pages)
	if err != nil {
		return nil, diags, err
	}
	files = withManifest(files, s.hist)
	if err := ctx.Err(); err != nil {
		return nil, diags, err
	}
	if err := Write(s.opt.Out, files); err != nil {
		return nil, diags, err
	}
	s.remember(pages, files)
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
	s.deps = map[string][]string{}
	for _, p := range pages {
		s.deps[p.File()] = p.Deps
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
	site, diags := s.loader.Reload(changed)
	s.loc.Forget(changed)
	derived, diags := analyze(site, diags, s.loc)
	if diags.HasErrors() {
		s.broken = true
		return nil, diags, nil
	}
	derived.History = s.hist
	r, err := newRenderer(site, derived, s.opt)
	if err != nil {
		return nil, diags, err
	}
	pages := r.Plan()

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
		old, existed := s.deps[p.File()]
		if everything || !existed || affected(p.Deps) || affected(old) {
			todo = append(todo, p)
		}
	}
	outs, err := r.Pages(todo)
	if err != nil {
		return nil, diags, err
	}
	outs = append(outs, r.Extras(pages)...)
	if err := ctx.Err(); err != nil {
		return nil, diags, err
	}
	// The manifest covers every file: rendered now or kept from before.
	outs = append(outs, s.manifest(outs, pages, r))

	rb := &Rebuilt{Pages: len(pages)}
	for _, p := range todo {
		rb.Rendered = append(rb.Rendered, p.File())
	}
	sort.Strings(rb.Rendered)
	for _, o := range outs {
		h := sha256.Sum256(o.Data)
		if old, ok := s.hashes[o.Path]; ok && old == h {
			continue
		}
		if err := writeFileAtomic(s.opt.Out, o.Path, o.Data); err != nil {
			return nil, diags, err
		}
		s.hashes[o.Path] = h
		rb.Written = append(rb.Written, o.Path)
	}
	keep := map[string]bool{}
	for _, p := range pages {
		keep[p.File()] = true
	}
	for _, o := range r.Extras(nil) {
		keep[o.Path] = true
	}
	keep[ManifestFile] = true
	for f := range s.hashes {
		if !keep[f] {
			if err := removeOutput(s.opt.Out, f); err != nil {
				return nil, diags, err
			}
			delete(s.hashes, f)
			rb.Removed = append(rb.Removed, f)
		}
	}
	sort.Strings(rb.Written)
	sort.Strings(rb.Removed)
	s.files = now
	newDeps := map[string][]string{}
	for _, p := range pages {
		newDeps[p.File()] = p.Deps
	}
	s.deps = newDeps
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

// manifest computes manifest.json after a rebuild: the hashes of the files
// just rendered, and the remembered hashes of the others.
func (s *Session) manifest(outs []render.Output, pages []render.Page, r *render.Renderer) render.Output {
	m := Manifest{Generator: "sunlight", Files: map[string]string{}}
	if s.hist != nil && s.hist.Available {
		m.Commit = s.hist.Head
	}
	fresh := map[string]bool{}
	for _, o := range outs {
		sum := sha256.Sum256(o.Data)
		m.Files[o.Path] = hex.EncodeToString(sum[:])
		fresh[o.Path] = true
	}
	for _, p := range pages {
		if f := p.File(); !fresh[f] {
			if h, ok := s.hashes[f]; ok {
				m.Files[f] = hex.EncodeToString(h[:])
			}
		}
	}
	b, _ := json.MarshalIndent(m, "", " ")
	return render.Output{Path: ManifestFile, Data: append(b, '\n')}
}
