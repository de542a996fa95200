package load_test

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"sunlight/internal/diag"
	"sunlight/internal/load"
	"sunlight/internal/model"
)

// countingFS counts the files opened.
type countingFS struct {
	fs.FS
	opens int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.opens++
	return c.FS.Open(name)
}

// TestLocatorAt places key paths and reads a file only for a key: a
// warning about a whole item (no key) is placed at its start without
// reading the file again (100,000-item builds spent 2 s doing that).
func TestLocatorAt(t *testing.T) {
	fsys := &countingFS{FS: fstest.MapFS{"units/u/powers/a.md": {Data: []byte("+++\ncode = \"a\"\n\nreviewed = 2024-01-01\n+++\nbody\n")}}}
	loc := load.NewLocator(fsys)
	src := model.Source{File: "units/u/powers/a.md", Line: 2}
	start := diag.Position{File: src.File, Line: 2, Col: 1}
	if got := loc.At(src, ""); got != start || fsys.opens != 0 {
		t.Errorf("At(\"\") = %v after %d opens, want %v without opening the file", got, fsys.opens, start)
	}
	if got, want := loc.At(src, "reviewed"), (diag.Position{File: src.File, Line: 4, Col: 1}); got != want {
		t.Errorf("At(reviewed) = %v, want %v", got, want)
	}
	if got := loc.At(src, "missing"); got != start {
		t.Errorf("At(missing) = %v, want the start %v", got, start)
	}
	if fsys.opens != 1 {
		t.Errorf("opened the file %d times, want once", fsys.opens)
	}
}
