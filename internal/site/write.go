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
	out = filepath.Clean(out)
	if err := checkReplaceable(out); err != nil {
		return err
	}
	parent, base := filepath.Dir(out), filepath.Base(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	removeStale(parent, base)
	staging, err := os.MkdirTemp(parent, base+".staging-")
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err := os.Chmod(staging, 0o755); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err := writeAll(staging, files); err != nil {
		os.RemoveAll(staging)
		return err
	}
	if err := swap(staging, out); err != nil {
		os.RemoveAll(staging)
		return err
	}
	return nil
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

func writeAll(root string, files []render.Output) error {
	dirs := map[string]bool{}
	for _, f := range files {
		if err := checkPath(f.Path); err != nil {
			return err
		}
		dirs[path.Dir(f.Path)] = true
	}
	sorted := make([]string, 0, len(dirs))
	for d := range dirs {
		sorted = append(sorted, d)
	}
	sort.Strings(sorted)
	for _, d := range sorted {
		if err := os.MkdirAll(filepath.Join(root, filepath.FromSlash(d)), 0o755); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	all := append([]render.Output{{Path: Marker, Data: []byte("This directory is written by sunlight build; it is replaced on every build.\n")}}, files...)
	var wg sync.WaitGroup
	errs := make(chan error, 1)
	next := make(chan render.Output)
	for w := 0; w < runtime.GOMAXPROCS(0)*2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range next {
				if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(f.Path)), f.Data, 0o644); err != nil {
					select {
					case errs <- fmt.Errorf("write: %w", err):
					default:
					}
				}
			}
		}()
	}
	for _, f := range all {
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
