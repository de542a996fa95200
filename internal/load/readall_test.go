package load

import (
	"bytes"
	"errors"
	"io/fs"
	"strconv"
	"strings"
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
