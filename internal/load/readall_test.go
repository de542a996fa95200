package load

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
)

// TestReadAll: readAll gives fs.ReadFile's bytes up to MaxFileSize, and
// past it no bytes and the size; a missing file is fs.ErrNotExist.
func TestReadAll(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, n := range []int{0, 1, 510, 511, 512, 4096, MaxFileSize} {
		fsys[strings.Repeat("a", 1+n%7)+"/"+strconv.Itoa(n)] = &fstest.MapFile{Data: bytes.Repeat([]byte("权"), n/3+1)[:n]}
	}
	fsys["big"] = &fstest.MapFile{Data: make([]byte, MaxFileSize+1)}
	for p, f := range fsys {
		b, size, err := readAll(fsys, p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if size != int64(len(f.Data)) {
			t.Errorf("%s: size %d, want %d", p, size, len(f.Data))
		}
		if len(f.Data) > MaxFileSize {
			if b != nil {
				t.Errorf("%s: %d bytes of a file past the limit", p, len(b))
			}
			continue
		}
		if want, _ := fs.ReadFile(fsys, p); !bytes.Equal(b, want) {
			t.Errorf("%s: %d bytes, want %d", p, len(b), len(want))
		}
	}
	if _, _, err := readAll(fsys, "missing"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
}

// TestDirFSReadAll: through DirFS, readAll reads real files with its own
// system calls and gives what os.ReadFile gives, with os.DirFS's errors.
func TestDirFSReadAll(t *testing.T) {
	dir := t.TempDir()
	sizes := []int{0, 1, 511, 512, 513, 70000, MaxFileSize, MaxFileSize + 1}
	for _, n := range sizes {
		data := bytes.Repeat([]byte("权"), n/3+1)[:n]
		if err := os.WriteFile(filepath.Join(dir, strconv.Itoa(n)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "folder"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, root := range []string{dir, dir + "/"} {
		fsys := DirFS(root)
		for _, n := range sizes {
			p := strconv.Itoa(n)
			b, size, err := readAll(fsys, p)
			if err != nil || size != int64(n) {
				t.Errorf("%s: size %d, error %v; want %d, nil", p, size, err, n)
				continue
			}
			if n > MaxFileSize {
				if b != nil {
					t.Errorf("%s: %d bytes of a file past the limit", p, len(b))
				}
				continue
			}
			if want, _ := os.ReadFile(filepath.Join(dir, p)); !bytes.Equal(b, want) {
				t.Errorf("%s: %d bytes, want %d", p, len(b), len(want))
			}
		}
		for _, c := range []struct {
			path string
			want error
		}{
			{"missing", fs.ErrNotExist},
			{"../" + filepath.Base(dir) + "/1", fs.ErrInvalid},
			{"/1", fs.ErrInvalid},
			{"folder", syscall.EISDIR},
		} {
			_, _, err := readAll(fsys, c.path)
			var pe *fs.PathError
			if !errors.Is(err, c.want) || !errors.As(err, &pe) || pe.Path != c.path {
				t.Errorf("%s: error %v, want a PathError for it that is %v", c.path, err, c.want)
			}
		}
	}
}

// TestDirFSInterfaces: DirFS keeps the interfaces of os.DirFS, so that
// the fs package's helpers take the same ways through it.
func TestDirFSInterfaces(t *testing.T) {
	fsys := DirFS(t.TempDir())
	if _, ok := fsys.(fs.StatFS); !ok {
		t.Error("not an fs.StatFS")
	}
	if _, ok := fsys.(fs.ReadDirFS); !ok {
		t.Error("not an fs.ReadDirFS")
	}
	if _, ok := fsys.(fs.ReadFileFS); !ok {
		t.Error("not an fs.ReadFileFS")
	}
	if _, ok := fsys.(fs.ReadLinkFS); !ok {
		t.Error("not an fs.ReadLinkFS")
	}
}
