package main

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// sunlightBinary builds the command once for the end-to-end tests.
func sunlightBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "sunlight")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func treeHash(t *testing.T, root string) map[string][32]byte {
	t.Helper()
	m := map[string][32]byte{}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(root, p)
			m[rel] = sha256.Sum256(b)
		}
		return nil
	})
	return m
}

// TestKilledBuildNeverLeavesAHalfWrittenSite kills `sunlight build` at
// different moments while it rebuilds the demo portal over a previous
// build, and checks every time that the output directory is the complete
// previous site, byte for byte, or the complete new one.
func TestKilledBuildNeverLeavesAHalfWrittenSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the demo portal repeatedly")
	}
	bin := sunlightBinary(t)
	out := filepath.Join(t.TempDir(), "public")
	build := func(args ...string) *exec.Cmd {
		return exec.Command(bin, append([]string{"build", "-content", "../../content", "-out", out}, args...)...)
	}
	if b, err := build().CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, b)
	}
	old := treeHash(t, out)
	// A build for another base URL changes every page, so a mixture of old
	// and new files would show.
	if b, err := build("-base-url", "https://x.example.gov.cn/other/").CombinedOutput(); err != nil {
		t.Fatalf("second build: %v\n%s", err, b)
	}
	fresh := treeHash(t, out)
	if b, err := build().CombinedOutput(); err != nil { // back to the first
		t.Fatalf("third build: %v\n%s", err, b)
	}
	killedMidway := 0
	for i, delay := range []time.Duration{5, 30, 80, 150, 250, 400, 600, 900} {
		cmd := build("-base-url", "https://x.example.gov.cn/other/")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		if err != nil {
			killedMidway++
		}
		got := treeHash(t, out)
		delete(got, ".sunlight-output")
		wantOld, wantNew := equal(got, old), equal(got, fresh)
		if !wantOld && !wantNew {
			t.Fatalf("kill %d after %v left a mixed or partial site (%d files)", i, delay, len(got))
		}
		if wantNew { // it finished: go back to the old site for the next round
			if b, err := build().CombinedOutput(); err != nil {
				t.Fatalf("rebuild: %v\n%s", err, b)
			}
		}
	}
	if killedMidway == 0 {
		t.Log("no build was killed before it finished; the machine is fast")
	}
	// The next build cleans up what killed builds left beside the output.
	if b, err := build().CombinedOutput(); err != nil {
		t.Fatalf("final build: %v\n%s", err, b)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".staging-") || strings.Contains(e.Name(), ".old-") {
			t.Errorf("leftover %s after a good build", e.Name())
		}
	}
}

func equal(a, b map[string][32]byte) bool {
	delete(b, ".sunlight-output")
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
