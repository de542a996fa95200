package load

import (
	"io"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"
)

// DirFS is os.DirFS(dir) for a content tree, with files read by plain
// system calls. os.Open readies every file for the network poller: two
// fcntl calls to make it non-blocking, an epoll_ctl that a regular file
// refuses, two more fcntl calls to undo the first: with the open, fstat,
// two reads and close of a small file, ten system calls where five do.
// Everything but reading a whole file is os.DirFS's.
func DirFS(dir string) fs.FS { return dirFS{FS: os.DirFS(dir), dir: dir} }

type dirFS struct {
	fs.FS // os.DirFS(dir)
	dir   string
}

// The interfaces os.DirFS implements besides fs.FS, so that fs.Stat,
// fs.ReadDir, fs.ReadFile and the rest take its short ways.

func (d dirFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(d.FS, name) }
func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.FS, name) }
func (d dirFS) ReadFile(name string) ([]byte, error)       { return fs.ReadFile(d.FS, name) }
func (d dirFS) Lstat(name string) (fs.FileInfo, error)     { return fs.Lstat(d.FS, name) }
func (d dirFS) ReadLink(name string) (string, error)       { return fs.ReadLink(d.FS, name) }

// readLimited reads the file name whole, as readAll does: past limit
// bytes it returns no bytes and the size.
func (d dirFS) readLimited(name string, limit int64) ([]byte, int64, error) {
	if !fs.ValidPath(name) || d.dir == "" {
		return nil, 0, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	full := d.dir + "/" + name
	if d.dir[len(d.dir)-1] == '/' {
		full = d.dir + name
	}
	var fd int
	err := retryEINTR(func() (err error) {
		fd, err = unix.Open(full, unix.O_RDONLY|unix.O_CLOEXEC, 0)
		return err
	})
	if err != nil {
		return nil, 0, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	size := int64(-1)
	if retryEINTR(func() error { return unix.Fstat(fd, &st) }) == nil {
		if st.Size > limit {
			return nil, st.Size, nil
		}
		size = st.Size
	}
	read := func(b []byte) (n int, err error) {
		err = retryEINTR(func() (err error) {
			n, err = unix.Read(fd, b)
			return err
		})
		switch {
		case err != nil:
			return 0, err // n is -1
		case n == 0:
			return 0, io.EOF
		}
		return n, nil
	}
	b, n, err := readUpTo(read, size, limit)
	if err != nil {
		err = &fs.PathError{Op: "read", Path: name, Err: err}
	}
	return b, n, err
}

func retryEINTR(f func() error) error {
	for {
		if err := f(); err != unix.EINTR {
			return err
		}
	}
}
