package site

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"hash/fnv"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/sys/unix"

	"sunlight/internal/render"
)

// Marker is the file that identifies a directory as Sunlight's output.
const Marker = ".sunlight-output"

// Write writes files into a staging directory next to out and swaps it in
// for out, keeping the previous output as the spare. On any error out is
// left untouched.
func Write(out string, files []render.Output) error {
	st, err := newStaging(out, true)
	if err != nil {
		return err
	}
	defer st.abort()
	w := newPool(st, writers)
	for _, f := range files {
		w.add(f)
	}
	if err := w.wait(); err != nil {
		return err
	}
	return st.commit()
}

// SpareSuffix names the spare: the output before the last build, kept
// beside it (public.spare for public) so that the next build can write
// into its files instead of creating new ones. On ext4 a rebuild then
// allocates almost no inodes and deletes nothing; the price is a second
// copy of the site on disk (build -no-spare).
const SpareSuffix = ".spare"

// staging is a build being written beside the output directory: a new
// folder, or the spare, whose files are then overwritten in place and
// whose files the build did not write are pruned before the swap.
type staging struct {
	out, dir  string
	keepSpare bool // keep the replaced output as the spare
	reused    bool // dir is the spare

	mu      sync.Mutex
	written map[string]bool // when reused: files and folders written
	done    bool
}

// newStaging checks that out may be replaced and prepares the staging
// directory next to it: the spare when there is one and keepSpare is set,
// else a new folder (and any spare is deleted).
func newStaging(out string, keepSpare bool) (*staging, error) {
	out = filepath.Clean(out)
	if err := checkReplaceable(out); err != nil {
		return nil, err
	}
	parent, base := filepath.Dir(out), filepath.Base(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	removeStale(parent, base)
	spare := out + SpareSuffix
	if !isOutput(spare) {
		spare = ""
	} else if !keepSpare {
		os.RemoveAll(spare)
		spare = ""
	}
	dir, err := os.MkdirTemp(parent, base+".staging-")
	if err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	st := &staging{out: out, dir: dir, keepSpare: keepSpare}
	// rename(2) may replace an empty folder (os.Rename refuses to).
	if spare != "" && unix.Rename(spare, dir) == nil {
		st.reused, st.written = true, map[string]bool{}
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("write: %w", err)
	}
	return st, st.write(Marker, []byte("This directory is written by sunlight build; it is replaced on every build.\n"))
}

// isOutput reports whether dir is a real directory (not a link) holding a
// Sunlight output.
func isOutput(dir string) bool {
	fi, err := os.Lstat(dir)
	if err != nil || !fi.IsDir() {
		return false
	}
	m, err := os.Lstat(filepath.Join(dir, Marker))
	return err == nil && m.Mode().IsRegular()
}

// record notes p (slash-separated) as written by this build, so that
// prune keeps it.
func (st *staging) record(p string) {
	if st.reused {
		st.mu.Lock()
		st.written[p] = true
		st.mu.Unlock()
	}
}

// write writes one file; safe for concurrent use once its folder exists.
func (st *staging) write(p string, data []byte) error {
	if err := checkPath(p); err != nil {
		return err
	}
	name := filepath.Join(st.dir, filepath.FromSlash(p))
	err := st.retry(name, func() error { return writeFile(name, data) })
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	st.record(p)
	return nil
}

// retry calls f, and when the spare has a folder or a link where this
// build has a file, or a file someone made read-only, removes it and
// calls f again.
func (st *staging) retry(name string, f func() error) error {
	err := f()
	if err != nil && st.reused && (errors.Is(err, unix.EISDIR) || errors.Is(err, unix.ELOOP) || errors.Is(err, unix.EACCES)) {
		os.RemoveAll(name)
		err = f()
	}
	return err
}

// stream is a file of the staging directory written piece by piece; Close
// ends it and hands its size and SHA-256 to done.
type stream struct {
	fd   int
	name string
	hash hash.Hash
	n    int64
	done func(sum []byte, n int64)
}

// create opens the file p (slash-separated, its folder made already) for
// a stream; safe for concurrent use.
func (st *staging) create(p string, done func(sum []byte, n int64)) (*stream, error) {
	if err := checkPath(p); err != nil {
		return nil, err
	}
	name := filepath.Join(st.dir, filepath.FromSlash(p))
	var fd int
	err := st.retry(name, func() (err error) { fd, err = openFile(name); return err })
	if err != nil {
		return nil, fmt.Errorf("write: %w", err)
	}
	st.record(p)
	return &stream{fd: fd, name: name, hash: sha256.New(), done: done}, nil
}

func (s *stream) Write(b []byte) (int, error) {
	if err := writeAll(s.fd, s.name, b); err != nil {
		return 0, fmt.Errorf("write: %w", err)
	}
	s.hash.Write(b)
	s.n += int64(len(b))
	return len(b), nil
}

func (s *stream) Close() error {
	if err := unix.Close(s.fd); err != nil {
		return fmt.Errorf("write: %w", &os.PathError{Op: "close", Path: s.name, Err: err})
	}
	s.done(s.hash.Sum(nil), s.n)
	return nil
}

// mkdir makes the folder p (slash-separated, relative to the staging
// directory, its parent made already). In the spare an existing entry must
// be a real folder: a file or a link there is replaced, so that nothing is
// ever written through a link.
func (st *staging) mkdir(p string) error {
	name := filepath.Join(st.dir, filepath.FromSlash(p))
	for range 3 {
		err := ignoringEINTR(func() error { return unix.Mkdir(name, 0o755) })
		if err == nil || (err == unix.EEXIST && !st.reused) {
			st.record(p)
			return nil
		}
		if err != unix.EEXIST {
			return fmt.Errorf("write: %w", &os.PathError{Op: "mkdir", Path: name, Err: err})
		}
		if fi, err := os.Lstat(name); err == nil && fi.IsDir() {
			st.record(p)
			return nil
		}
		os.Remove(name)
	}
	return fmt.Errorf("write: cannot make the folder %s", name)
}

// prune deletes what the spare had and this build did not write.
func (st *staging) prune() error {
	if !st.reused {
		return nil
	}
	return filepath.WalkDir(st.dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(st.dir, name)
		if err != nil || rel == "." {
			return err
		}
		if st.written[filepath.ToSlash(rel)] {
			return nil
		}
		if d.IsDir() {
			if err := os.RemoveAll(name); err != nil {
				return err
			}
			return filepath.SkipDir
		}
		return os.Remove(name)
	})
}

// writeFile creates or truncates name and writes data to it with plain
// system calls: os.WriteFile would also register the file with the
// runtime's poller (four more calls per file, all failing on a regular
// file), which a build pays tens of thousands of times.
func writeFile(name string, data []byte) error {
	fd, err := openFile(name)
	if err != nil {
		return err
	}
	if err := writeAll(fd, name, data); err != nil {
		unix.Close(fd)
		return err
	}
	if err := unix.Close(fd); err != nil {
		return &os.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

// openFile creates or truncates name for writing, never through a link.
func openFile(name string) (int, error) {
	var fd int
	err := ignoringEINTR(func() (err error) {
		fd, err = unix.Open(name, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC|unix.O_CLOEXEC|unix.O_NOFOLLOW, 0o644)
		return err
	})
	if err != nil {
		return -1, &os.PathError{Op: "open", Path: name, Err: err}
	}
	return fd, nil
}

// writeAll writes data to fd, the file name.
func writeAll(fd int, name string, data []byte) error {
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return &os.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	return nil
}

func ignoringEINTR(f func() error) error {
	for {
		if err := f(); err != unix.EINTR {
			return err
		}
	}
}

// commit swaps the staging directory in for the output directory.
func (st *staging) commit() error {
	if err := st.prune(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err := swap(st.dir, st.out, st.keepSpare); err != nil {
		return err
	}
	st.done = true
	return nil
}

// abort removes the staging directory unless it was committed. A spare
// that was being rewritten is removed too: it is half of two builds.
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

// swap puts staging in place of out. The previous output becomes the
// spare when keepSpare is set, else it is deleted.
func swap(staging, out string, keepSpare bool) error {
	if _, err := os.Stat(out); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(staging, out); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		return nil
	}
	old := staging // after the exchange it holds the previous site
	if err := unix.Renameat2(unix.AT_FDCWD, staging, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE); err != nil {
		// No atomic exchange (old kernel, other OS, some file systems).
		old = out + ".old-" + filepath.Base(staging)
		if err := os.Rename(out, old); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		if err := os.Rename(staging, out); err != nil {
			os.Rename(old, out)
			return fmt.Errorf("write: %w", err)
		}
	}
	if !keepSpare || os.Rename(old, out+SpareSuffix) != nil {
		os.RemoveAll(old)
	}
	return nil
}

// writers is the number of goroutines that write a build's files. File
// system calls block their thread, so more writers than cores keep the
// cores busy rendering while the kernel creates files.
const writers = 8

// pool writes files into the staging directory from several goroutines,
// creating folders as needed, so that slow file-system metadata work
// (mkdir, open) overlaps with rendering instead of following it.
//
// Each file goes to the writer chosen by the folder in which writing it
// creates a new entry: its own folder, or, while that folder does not
// exist yet, the parent, where the folder will be made. So two writers
// rarely create entries in one folder at the same time: a create holds
// the folder's lock while the file system looks for a free inode (slow on
// ext4 after many deletions), and a second writer would wait for it,
// spinning on the lock, on a core that could be rendering.
//
// Pages are copied into buffers that the pool takes back once they are
// written (addCopy), so rendering thousands of pages reuses a few dozen
// buffers instead of leaving a page's worth of garbage each.
type pool struct {
	st   *staging
	jobs []chan job
	free chan []byte // written buffers, for addCopy to reuse
	wg   sync.WaitGroup
	dirs sync.Map // folders already made
	mu   sync.Mutex
	err  error
}

// job is a file to write; reuse says its buffer goes back to the pool's
// free list once written.
type job struct {
	render.Output
	reuse bool
}

// Buffers of recycled pages: enough for every file in flight, and none
// larger than maxReused (a few site-wide pages are megabytes).
const (
	freeBuffers = 64
	maxReused   = 1 << 20
)

func newPool(st *staging, n int) *pool {
	p := &pool{st: st, jobs: make([]chan job, n), free: make(chan []byte, freeBuffers)}
	for i := range p.jobs {
		jobs := make(chan job, 4)
		p.jobs[i] = jobs
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for j := range jobs {
				p.fail(p.write(j.Output))
				if j.reuse && cap(j.Data) <= maxReused {
					select {
					case p.free <- j.Data[:0]:
					default:
					}
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
	if err := p.dir(path.Dir(o.Path)); err != nil {
		return err
	}
	return p.st.write(o.Path, o.Data)
}

// dir makes the folder d and its parents, each once per build.
func (p *pool) dir(d string) error {
	if d == "." {
		return nil
	}
	if _, done := p.dirs.Load(d); done {
		return nil
	}
	if err := p.dir(path.Dir(d)); err != nil {
		return err
	}
	if err := p.st.mkdir(d); err != nil {
		return err
	}
	p.dirs.Store(d, true)
	return nil
}

// fail keeps err if it is the first error.
func (p *pool) fail(err error) {
	if err == nil {
		return
	}
	p.mu.Lock()
	if p.err == nil {
		p.err = err
	}
	p.mu.Unlock()
}

// create opens file for writing piece by piece (see staging.create),
// making its folder first.
func (p *pool) create(file string, done func(sum []byte, n int64)) (*stream, error) {
	if err := checkPath(file); err != nil {
		return nil, err
	}
	if err := p.dir(path.Dir(file)); err != nil {
		return nil, err
	}
	return p.st.create(file, done)
}

// add queues a file; data must not change afterwards.
func (p *pool) add(o render.Output) { p.queue(job{Output: o}) }

// addCopy queues a copy of o, made in a buffer the pool reuses once the
// file is written; o.Data may change as soon as it returns.
func (p *pool) addCopy(o render.Output) {
	var b []byte
	select {
	case b = <-p.free:
	default:
	}
	p.queue(job{Output: render.Output{Path: o.Path, Data: append(b, o.Data...)}, reuse: true})
}

func (p *pool) queue(j job) {
	folder := path.Dir(j.Path)
	if _, done := p.dirs.Load(folder); !done {
		folder = path.Dir(folder)
	}
	h := fnv.New32a()
	h.Write([]byte(folder))
	p.jobs[h.Sum32()%uint32(len(p.jobs))] <- j
}

// wait finishes every queued write and returns the first error.
func (p *pool) wait() error {
	for _, jobs := range p.jobs {
		close(jobs)
	}
	p.wg.Wait()
	return p.err
}
