// Package watch turns file-system events under a set of folders into
// batches of changed paths, for live preview.
//
// It watches folders recursively (folders created later are added as they
// appear), drops editor noise (swap, backup and temporary files; see
// [Ignore]), and batches bursts: a batch is delivered once no event has
// arrived for the quiet window, or when the burst has lasted the maximum
// wait, so a git checkout touching hundreds of files gives one rebuild.
// Paths in a batch are relative to the folder they were seen under,
// use /, and are sorted and unique. This is the only package that imports
// fsnotify.
package watch

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Batch is one set of changes under one root.
type Batch struct {
	Root  string   // the watched folder, as given to New
	Paths []string // changed paths relative to Root, with /
}

// Options tune batching.
type Options struct {
	Quiet   time.Duration // quiet window (default 10 ms: an editor's save — write, rename, chmod — takes well under a millisecond)
	MaxWait time.Duration // longest a burst is held (default 300 ms)
}

// Ignore reports whether a file name is editor or system noise that must
// not trigger a rebuild: hidden files (.foo, .foo.swp, .#lock), backups
// (foo~, foo.bak, foo.orig), Emacs autosaves (#foo#), vim's write test
// file (4913), sed -i's sedXXXXXX, JetBrains (foo___jb_tmp___) and other temporaries (.tmp,
// .swp, .swx, .crdownload, .part), and OS metadata (Thumbs.db,
// desktop.ini).
func Ignore(name string) bool {
	base := filepath.Base(name)
	lower := strings.ToLower(base)
	switch {
	case base == "" || base == "." || base == "..":
		return true
	case strings.HasPrefix(base, "."), strings.HasSuffix(base, "~"):
		return true
	case strings.HasPrefix(base, "#") && strings.HasSuffix(base, "#"):
		return true
	case base == "4913", lower == "thumbs.db", lower == "desktop.ini":
		return true
	case len(base) == 9 && strings.HasPrefix(base, "sed") && !strings.Contains(base, "."):
		return true // GNU sed -i writes sedXXXXXX next to the file
	case strings.HasSuffix(base, "___jb_tmp___"), strings.HasSuffix(base, "___jb_old___"):
		return true
	}
	for _, ext := range []string{".swp", ".swx", ".swo", ".tmp", ".temp", ".bak", ".orig", ".crdownload", ".part", ".kate-swp"} {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}

// Watcher delivers batches of changes.
type Watcher struct {
	fs    *fsnotify.Watcher
	roots []string
	opt   Options
	C     <-chan Batch
	c     chan Batch
	Errs  <-chan error
	errs  chan error
}

// New watches the given folders (recursively) until ctx is done.
func New(ctx context.Context, opt Options, roots ...string) (*Watcher, error) {
	if opt.Quiet <= 0 {
		opt.Quiet = 10 * time.Millisecond
	}
	if opt.MaxWait <= 0 {
		opt.MaxWait = 300 * time.Millisecond
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{fs: fw, opt: opt, c: make(chan Batch, 16), errs: make(chan error, 16)}
	w.C, w.Errs = w.c, w.errs
	for _, r := range roots {
		abs, err := filepath.Abs(r)
		if err != nil {
			fw.Close()
			return nil, err
		}
		w.roots = append(w.roots, abs)
		if err := w.addTree(abs); err != nil {
			fw.Close()
			return nil, err
		}
	}
	go w.loop(ctx)
	return w, nil
}

func (w *Watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil // vanished meanwhile
		}
		if d.IsDir() {
			if p != dir && Ignore(d.Name()) {
				return filepath.SkipDir
			}
			return folderError(p, w.fs.Add(p))
		}
		return nil
	})
}

// LimitError is the error of a folder the system would not watch: its
// limit on watched folders (one per folder of the content) is reached,
// which a province's content can do on systems with a low default.
type LimitError struct {
	Dir string
	Err error
}

func (e *LimitError) Error() string {
	return "cannot watch " + e.Dir + ": the system's limit on watched folders (fs.inotify.max_user_watches) is reached\n" +
		"    hint: raise it, for example with sudo sysctl fs.inotify.max_user_watches=524288, or preview a smaller content folder"
}

func (e *LimitError) Unwrap() error { return e.Err }

// folderError is the error of watching dir: a *LimitError when the
// system's limit is reached.
func folderError(dir string, err error) error {
	if errors.Is(err, syscall.ENOSPC) {
		return &LimitError{Dir: dir, Err: err}
	}
	return err
}

// rootOf finds the watched root containing p.
func (w *Watcher) rootOf(p string) (root, rel string, ok bool) {
	for _, r := range w.roots {
		if rel, err := filepath.Rel(r, p); err == nil && !strings.HasPrefix(rel, "..") {
			return r, filepath.ToSlash(rel), true
		}
	}
	return "", "", false
}

func (w *Watcher) loop(ctx context.Context) {
	defer w.fs.Close()
	defer close(w.c)
	pending := map[string]map[string]bool{} // root → rel paths
	var quiet, maxWait <-chan time.Time
	flush := func() {
		roots := make([]string, 0, len(pending))
		for r := range pending {
			roots = append(roots, r)
		}
		sort.Strings(roots)
		for _, r := range roots {
			var paths []string
			for p := range pending[r] {
				paths = append(paths, p)
			}
			sort.Strings(paths)
			select {
			case w.c <- Batch{Root: r, Paths: paths}:
			case <-ctx.Done():
				return
			}
		}
		pending = map[string]map[string]bool{}
		quiet, maxWait = nil, nil
	}
	for {
		select {
		case <-ctx.Done():
			return
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			select {
			case w.errs <- err:
			default:
			}
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if Ignore(ev.Name) || ev.Op == fsnotify.Chmod {
				continue
			}
			if ev.Op&fsnotify.Create != 0 {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					// A new folder: watch it and everything in it.
					if err := w.addTree(ev.Name); err != nil {
						select {
						case w.errs <- err:
						default:
						}
					}
				}
			}
			root, rel, ok := w.rootOf(ev.Name)
			if !ok {
				continue
			}
			if pending[root] == nil {
				pending[root] = map[string]bool{}
			}
			pending[root][rel] = true
			quiet = time.After(w.opt.Quiet)
			if maxWait == nil {
				maxWait = time.After(w.opt.MaxWait)
			}
		case <-quiet:
			flush()
		case <-maxWait:
			flush()
		}
	}
}
