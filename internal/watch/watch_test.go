package watch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestIgnore(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"cf-001.md", false}, {"unit.toml", false}, {"临时 建筑.md", false}, {"2025.toml", false},
		{".cf-001.md.swp", true}, {"cf-001.md~", true}, {"#cf-001.md#", true}, {".#cf-001.md", true},
		{"4913", true}, {"cf-001.md.tmp", true}, {"unit.toml___jb_tmp___", true}, {".DS_Store", true},
		{"Thumbs.db", true}, {"x.crdownload", true}, {"a/b/.git", true}, {"a.bak", true}, {"a.orig", true}, {"sedRaSkRD", true}, {"sediment.md", false},
	}
	for _, tc := range tests {
		if got := Ignore(tc.name); got != tc.want {
			t.Errorf("Ignore(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestWatcherBatchesAndFollowsNewFolders(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "units", "a"), 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w, err := New(ctx, Options{Quiet: 50 * time.Millisecond, MaxWait: time.Second}, dir)
	if err != nil {
		t.Fatal(err)
	}
	next := func() Batch {
		t.Helper()
		select {
		case b := <-w.C:
			return b
		case <-time.After(5 * time.Second):
			t.Fatal("no batch")
		}
		return Batch{}
	}
	// A burst with editor noise gives one batch without the noise.
	os.WriteFile(filepath.Join(dir, "units", "a", ".x.md.swp"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "units", "a", "x.md"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "units", "a", "y.md"), []byte("y"), 0o644)
	os.WriteFile(filepath.Join(dir, "units", "a", "x.md~"), []byte("x"), 0o644)
	b := next()
	abs, _ := filepath.Abs(dir)
	if b.Root != abs || !reflect.DeepEqual(b.Paths, []string{"units/a/x.md", "units/a/y.md"}) {
		t.Fatalf("batch = %+v", b)
	}
	// A new folder is watched, and files created in it are seen.
	if err := os.MkdirAll(filepath.Join(dir, "units", "b", "powers"), 0o755); err != nil {
		t.Fatal(err)
	}
	next() // the folder itself
	time.Sleep(100 * time.Millisecond)
	os.WriteFile(filepath.Join(dir, "units", "b", "powers", "z.md"), []byte("z"), 0o644)
	b = next()
	if !reflect.DeepEqual(b.Paths, []string{"units/b/powers/z.md"}) {
		t.Fatalf("batch = %+v", b)
	}
}

// TestLimitErrorSaysWhatToDo: a folder the system will not watch because
// its limit is reached (inotify_add_watch's ENOSPC, "no space left on
// device", which says nothing useful) becomes a *LimitError naming the
// folder, the limit and how to raise it; other errors pass unchanged.
func TestLimitErrorSaysWhatToDo(t *testing.T) {
	full := folderError("content/units/a", fmt.Errorf("inotify_add_watch: %w", syscall.ENOSPC))
	var le *LimitError
	if !errors.As(full, &le) || le.Dir != "content/units/a" || !errors.Is(full, syscall.ENOSPC) {
		t.Fatalf("folderError(ENOSPC) = %#v, want a *LimitError for the folder wrapping ENOSPC", full)
	}
	for _, want := range []string{"content/units/a", "fs.inotify.max_user_watches", "hint: ", "sysctl"} {
		if !strings.Contains(full.Error(), want) {
			t.Errorf("%q lacks %q", full.Error(), want)
		}
	}
	other := fmt.Errorf("inotify_add_watch: %w", syscall.EACCES)
	if got := folderError("x", other); got != other {
		t.Errorf("folderError(EACCES) = %v, want it unchanged", got)
	}
	if got := folderError("x", nil); got != nil {
		t.Errorf("folderError(nil) = %v", got)
	}
}
