package site

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"golang.org/x/sys/unix"

	"sunlight/internal/render"
)

// Marker is the file that identifies a directory as Sunlight's output.
const Marker = ".sunlight-output"

// Write writes files into a fresh staging directory next to out and swaps
// it in for out. On any error out is left untouched.
func Write(out string, files []render.Output) error {
	st, err := newStaging(out)
	if err != nil {
		return err
	}
	defer st.abort()
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
	}
	if err := st.mkdirs(paths); err != nil {
		return err
	}
	if err := st.writeAll(files); err != nil {
		return err
	}
	return st.commit()
}

// staging is a build being written beside the output directory.
type staging struct {
	out, dir string
	done     bool
}

// newStaging checks that out may be replaced and creates the staging
// directory next to it.
func newStaging(out string) (*staging, error) {
	out = filepath.Clean(out)
	if err := checkReplaceable(out); err != nil {
		return nil, err
	}
	parent, base := filepath.Dir(out), filepath.Base(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	removeStale(parent, base)
	dir, err := os.MkdirTemp(parent, base+".staging-")
	if err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("write: %w", err)
	}
	st := &staging{out: out, dir: dir}
	return st, st.write(Marker, []byte("This directory is written by sunlight build; it is replaced on every build.\n"))
}

// mkdirs creates the folders of the given output paths.
func (st *staging) mkdirs(paths []string) error {
	dirs := map[string]bool{}
	for _, p := range paths {
		if err := checkPath(p); err != nil {
			return err
		}
		dirs[path.Dir(p)] = true
	}
	sorted := make([]string, 0, len(dirs))
	for d := range dirs {
		sorted = append(sorted, d)
	}
	sort.Strings(sorted)
	for _, d := range sorted {
		if err := os.MkdirAll(filepath.Join(st.dir, filepath.FromSlash(d)), 0o755); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	return nil
}

// write writes one file; safe for concurrent use once its folder exists.
func (st *staging) write(p string, data []byte) error {
	if err := checkPath(p); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(st.dir, filepath.FromSlash(p)), data, 0o644); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// writeAll writes files in parallel.
func (st *staging) writeAll(files []render.Output) error {
	var wg sync.WaitGroup
	errs := make(chan error, 1)
	next := make(chan render.Output)
	for w := 0; w < runtime.GOMAXPROCS(0)*2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range next {
				if err := st.write(f.Path, f.Data); err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}

// commit swaps the staging directory in for the output directory.
func (st *staging) commit() error {
	if err := swap(st.dir, st.out); err != nil {
		return err
	}
	st.done = true
	return nil
}

// abort removes the staging directory unless it was committed.
func (st *staging) abort() {
	if !st.done {
		os.RemoveAll(st.dir)
	}
}

// checkReplaceable refuses to replace anything but a missing path, an
// empty directory or an earlier Sunlight output.
func checkReplaceable(out string) error {
	st, err := os.Stat(out)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if !st.IsDir() {
		return fmt.Errorf("write: %s exists and is not a directory", out)
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err == nil {
		return nil
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if len(entries) > 0 {
		return fmt.Errorf("write: refusing to replace %s: it is not empty and was not built by sunlight (no %s file); choose another -out or empty it", out, Marker)
	}
	return nil
}

// removeStale deletes staging and old directories left by killed builds.
func removeStale(parent, base string) {
	for _, pat := range []string{base + ".staging-*", base + ".old-*"} {
		matches, _ := filepath.Glob(filepath.Join(parent, pat))
		for _, m := range matches {
			os.RemoveAll(m)
		}
	}
}

// checkPath refuses output paths that would escape the output directory.
func checkPath(p string) error {
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") || path.Clean(p) != p || strings.HasPrefix(p, "../") || p == ".." {
		return fmt.Errorf("write: unsafe output path %q", p)
	}
	return nil
}

// swap puts staging in place of out.
func swap(staging, out string) error {
	if _, err := os.Stat(out); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(staging, out); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		return nil
	}
	err := unix.Renameat2(unix.AT_FDCWD, staging, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE)
	if err == nil {
		os.RemoveAll(staging) // now holds the previous site
		return nil
	}
	// No atomic exchange (old kernel, other OS, some file systems).
	old := out + ".old-" + filepath.Base(staging)
	if err := os.Rename(out, old); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err := os.Rename(staging, out); err != nil {
		os.Rename(old, out)
		return fmt.Errorf("write: %w", err)
	}
	os.RemoveAll(old)
	return nil
}

// pool writes files into the staging directory from several goroutines,
// creating folders as needed, so that slow file-system metadata work
// (mkdir, open) overlaps with rendering instead of following it.
type pool struct {
	st   *staging
	jobs chan render.Output
	wg   sync.WaitGroup
	dirs sync.Map // folders already made
	mu   sync.Mutex
	err  error
}

func newPool(st *staging, writers int) *pool {
	p := &pool{st: st, jobs: make(chan render.Output, 4*writers)}
	for i := 0; i < writers; i++ {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for o := range p.jobs {
				if err := p.write(o); err != nil {
					p.mu.Lock()
					if p.err == nil {
						p.err = err
					}
					p.mu.Unlock()
				}
			}
		}()
	}
	return p
}

func (p *pool) write(o render.Output) error {
	if err := checkPath(o.Path); err != nil {
		return err
	}
	dir := path.Dir(o.Path)
	if _, done := p.dirs.Load(dir); !done {
		if err := os.MkdirAll(filepath.Join(p.st.dir, filepath.FromSlash(dir)), 0o755); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		p.dirs.Store(dir, true)
	}
	return p.st.write(o.Path, o.Data)
}

// add queues a file; data must not change afterwards.
func (p *pool) add(o render.Output) { p.jobs <- o }

// wait finishes every queued write and returns the first error.
func (p *pool) wait() error {
	close(p.jobs)
	p.wg.Wait()
	return p.err
}
