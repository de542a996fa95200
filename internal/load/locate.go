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
//
// It is safe for concurrent use; a file is indexed once, and files are read
// and indexed outside its lock, several at a time.
type Locator struct {
	fsys  fs.FS
	mu    sync.Mutex
	cache map[string]*located
}

// located is a file's index, made once.
type located struct {
	once sync.Once
	ix   *tomlpos.Index // nil when the file cannot be read
}

// NewLocator returns a Locator reading from fsys.
func NewLocator(fsys fs.FS) *Locator {
	return &Locator{fsys: fsys, cache: map[string]*located{}}
}

// At returns the position of path (e.g. "basis[1].law") in src, or of its
// nearest written ancestor, or of the entity's start.
func (l *Locator) At(src model.Source, path string) diag.Position {
	start := src.Pos()
	if l == nil || l.fsys == nil || path == "" {
		return start // no need to read the file
	}
	l.mu.Lock()
	e := l.cache[src.File]
	if e == nil {
		e = &located{}
		l.cache[src.File] = e
	}
	l.mu.Unlock()
	e.once.Do(func() { e.ix = l.index(src) })
	ix := e.ix
	if ix == nil {
		return start
	}
	p, _ := ix.Lookup(path)
	if p.Line == 0 {
		return start
	}
	return diag.Position{File: src.File, Line: src.Line - 1 + p.Line, Col: p.Col}
}

// index reads the file of src and indexes its TOML: the front matter of a
// Markdown file, or the whole file.
func (l *Locator) index(src model.Source) *tomlpos.Index {
	b, err := fs.ReadFile(l.fsys, src.File)
	if err != nil {
		return nil
	}
	text := string(bytes.TrimPrefix(b, []byte("\ufeff")))
	if src.Line > 1 { // front matter: index only the TOML part
		_, rest, _ := strings.Cut(text, "\n")
		if end := strings.Index(rest, "\n+++"); end >= 0 {
			rest = rest[:end+1]
		}
		text = rest
	}
	return tomlpos.Scan(text)
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
