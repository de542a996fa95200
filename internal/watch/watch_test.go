package watch

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
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
