package load

import (
	"bytes"
	"io/fs"
	"strings"
	"sync"

	"sunlight/internal/diag"
	"sunlight/internal/model"
	"sunlight/internal/tomlpos"
)

// Locator maps a key path inside an entity's source back to a position.
// Later stages use it for cross-file diagnostics; it re-reads and indexes a
// file only when a diagnostic needs it, so loading keeps no per-key data.
type Locator struct {
	fsys  fs.FS
	mu    sync.Mutex
	cache map[string]*tomlpos.Index
}

// NewLocator returns a Locator reading from fsys.
func NewLocator(fsys fs.FS) *Locator {
	return &Locator{fsys: fsys, cache: map[string]*tomlpos.Index{}}
}

// At returns the position of path (e.g. "basis[1].law") in src, or of its
// nearest written ancestor, or of the entity's start.
func (l *Locator) At(src model.Source, path string) diag.Position {
	start := src.Pos()
	if l == nil || l.fsys == nil || path == "" {
		return start // no need to read the file
	}
	l.mu.Lock()
	ix, ok := l.cache[src.File]
	if !ok {
		if b, err := fs.ReadFile(l.fsys, src.File); err == nil {
			text := string(bytes.TrimPrefix(b, []byte("\ufeff")))
			if src.Line > 1 { // front matter: index only the TOML part
				_, rest, _ := strings.Cut(text, "\n")
				if end := strings.Index(rest, "\n+++"); end >= 0 {
					rest = rest[:end+1]
				}
				text = rest
			}
			ix = tomlpos.Scan(text)
		}
		l.cache[src.File] = ix
	}
	l.mu.Unlock()
	if ix == nil {
		return start
	}
	p, _ := ix.Lookup(path)
	if p.Line == 0 {
		return start
	}
	return diag.Position{File: src.File, Line: src.Line - 1 + p.Line, Col: p.Col}
}

// Forget drops the cached index of the given paths (files or folders), so
// the next lookup reads them again.
func (l *Locator) Forget(paths []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, p := range paths {
		for f := range l.cache {
			if f == p || strings.HasPrefix(f, p+"/") {
				delete(l.cache, f)
			}
		}
	}
}
