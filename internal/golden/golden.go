// Package golden compares test output with golden files and rewrites them
// on request. It is imported only by _test files.
//
// Run `go test ./... -update` in a package that imports golden, or set
// UPDATE_GOLDEN=1 (which works for `go test ./...` across packages that do
// not declare the flag), to rewrite the golden files with the current
// output. On a mismatch, the current output is written next to the golden
// file as <name>.got so it can be inspected and diffed.
package golden

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files with the current output")

// Updating reports whether golden files should be rewritten.
func Updating() bool { return *update || os.Getenv("UPDATE_GOLDEN") == "1" }

// Check compares got with the golden file at path.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if Updating() {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		os.Remove(path + ".got")
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with UPDATE_GOLDEN=1 to create it)", err)
	}
	if !bytes.Equal(got, want) {
		os.WriteFile(path+".got", got, 0o644)
		t.Errorf("%s differs from the current output (written to %s.got):\n%s", path, path, Diff(string(want), string(got)))
		return
	}
	os.Remove(path + ".got")
}

// Diff is a small line diff: the first differing lines with context.
func Diff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w == g {
			continue
		}
		if i < len(wl) {
			b.WriteString("- " + w + "\n")
		}
		if i < len(gl) {
			b.WriteString("+ " + g + "\n")
		}
		if shown++; shown >= 10 {
			b.WriteString("…\n")
			break
		}
	}
	return b.String()
}
