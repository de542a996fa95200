package gen

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing/fstest"
)

// Options size and seed a generated portal.
type Options struct {
	Units int   // number of publishing units; 0 means Items/100 (at least 1)
	Items int   // number of power items; 0 means 1000
	Seed  int64 // the same options give byte-identical output
	Year  int   // current review year (site.toml year); 0 means 2025
}

// Normalized returns the options with defaults applied: Items 1000, Units
// Items/100 (at least 1, at most Items), Year 2025.
func (o Options) Normalized() Options {
	if o.Items <= 0 {
		o.Items = 1000
	}
	if o.Units <= 0 {
		o.Units = max(1, o.Items/100)
	}
	o.Units = min(o.Units, o.Items)
	if o.Year <= 0 {
		o.Year = 2025
	}
	return o
}

// Writer receives the generated files. Paths are relative to the content
// (or Hugo site) root and use /. Generate calls it from one goroutine.
type Writer interface {
	WriteFile(path string, data []byte) error
}

// DirWriter writes files under root, creating folders as needed. (Writing
// from several goroutines was measured and is slower: file creation
// contends in the kernel.)
func DirWriter(root string) Writer { return &dirWriter{root: root, made: map[string]bool{}} }

type dirWriter struct {
	root string
	made map[string]bool
}

func (w *dirWriter) WriteFile(p string, data []byte) error {
	if !validPath(p) {
		return fmt.Errorf("gen: invalid path %q", p)
	}
	full := filepath.Join(w.root, filepath.FromSlash(p))
	dir := filepath.Dir(full)
	if !w.made[dir] {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		w.made[dir] = true
	}
	return os.WriteFile(full, data, 0o644)
}

// validPath reports whether p is a clean relative slash path.
func validPath(p string) bool {
	return p != "" && !strings.HasPrefix(p, "/") && path.Clean(p) == p && p != "." && !strings.HasPrefix(p, "../")
}

// MapWriter collects the files in memory; FS returns them as an fs.FS.
type MapWriter map[string][]byte

func (m MapWriter) WriteFile(p string, data []byte) error {
	if !validPath(p) {
		return fmt.Errorf("gen: invalid path %q", p)
	}
	m[p] = append([]byte(nil), data...)
	return nil
}

// FS returns the collected files as an in-memory file system.
func (m MapWriter) FS() fstest.MapFS {
	fsys := fstest.MapFS{}
	for p, d := range m {
		fsys[p] = &fstest.MapFile{Data: d, Mode: 0o644}
	}
	return fsys
}

// Paths returns the collected paths, sorted.
func (m MapWriter) Paths() []string {
	out := make([]string, 0, len(m))
	for p := range m {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// Generate writes a Sunlight content tree: site.toml, laws/, units/ and
// pages/. Units are generated and written one at a time, so memory does
// not grow with the corpus.
func Generate(opt Options, w Writer) error {
	s := newSite(opt)
	em := &sunlightEmitter{w: w, s: s}
	err := em.header()
	if err == nil {
		err = s.eachUnit(func(d *unitDoc) error { return em.unit(d) })
	}
	return err
}

// GenerateHugo writes the same corpus as a Hugo site: config.toml, content/,
// data/ and a minimal theme in layouts/ (see the package documentation for
// the mapping).
func GenerateHugo(opt Options, w Writer) error {
	s := newSite(opt)
	em := &hugoEmitter{w: w, s: s}
	err := em.header()
	if err == nil {
		err = s.eachUnit(func(d *unitDoc) error { return em.unit(d) })
	}
	return err
}
