package cli

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"sunlight/internal/htmlcheck"
)

// TestStatusLine: updates overwrite one line at most once per interval
// unless forced, and clear removes it once.
func TestStatusLine(t *testing.T) {
	var buf bytes.Buffer
	clock := time.Unix(0, 0)
	s := &status{w: &buf, now: func() time.Time { return clock }, interval: statusInterval}
	const erase = "\r\033[K"
	steps := []struct {
		do   func()
		want string // what the step writes
	}{
		{func() { s.clear() }, ""},                           // nothing shown yet
		{func() { s.show(false, "a %d", 1) }, erase + "a 1"}, // the first update always shows
		{func() { s.show(false, "b") }, ""},                  // within the interval
		{func() { clock = clock.Add(statusInterval); s.show(false, "c") }, erase + "c"},
		{func() { s.show(true, "d") }, erase + "d"}, // forced
		{func() { s.clear() }, erase},
		{func() { s.clear() }, ""},
	}
	for i, st := range steps {
		buf.Reset()
		st.do()
		if got := buf.String(); got != st.want {
			t.Errorf("step %d wrote %q, want %q", i, got, st.want)
		}
	}
}

// TestStatusOnlyOnTerminals: a file, /dev/null and a buffer get no status
// line; the slave side of a pseudo-terminal does.
func TestStatusOnlyOnTerminals(t *testing.T) {
	file, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	for name, w := range map[string]io.Writer{"file": file, "/dev/null": null, "buffer": &bytes.Buffer{}} {
		if isTerminal(w) {
			t.Errorf("%s is taken for a terminal", name)
		}
	}
	_, slave := openPTY(t)
	if !isTerminal(slave) {
		t.Error("a pseudo-terminal is not taken for a terminal")
	}
}

// TestBuildShowsProgressOnTerminal builds the demo with stderr on a
// pseudo-terminal: the status line counts the pages up to the last and is
// erased before the summary, or before the errors of a failed build; with
// stderr in a buffer there is none.
func TestBuildShowsProgressOnTerminal(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	code, stderr := runOnPTY(t, "build", "-content", "../../content", "-out", out, "-no-history")
	if code != 0 {
		t.Fatalf("build exited %d:\n%s", code, stderr)
	}
	pages, err := htmlcheck.CountPages(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"读取内容…", "建立搜索索引…", fmt.Sprintf("生成页面 %d/%d", pages, pages), "写入开放数据…"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("the terminal never showed %q:\n%q", want, stderr)
		}
	}
	if rest := afterStatus(stderr); !strings.HasPrefix(rest, "sunlight: wrote") && !strings.Contains(rest, ": warning: ") {
		t.Errorf("the status line is not erased before the summary:\n%q", stderr)
	}

	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "site.toml"), []byte("title = 1\n"), 0o644)
	code, stderr = runOnPTY(t, "build", "-content", bad, "-out", filepath.Join(bad, "out"))
	if code != 1 {
		t.Fatalf("a build of bad content exited %d:\n%s", code, stderr)
	}
	if rest := afterStatus(stderr); !strings.HasPrefix(rest, "site.toml:1:1: error:") {
		t.Errorf("the status line is not erased before the errors:\n%q", stderr)
	}

	code, _, plain := run("build", "-content", "../../content", "-out", out, "-no-history")
	if code != 0 || strings.Contains(plain, "\r") || strings.Contains(plain, "生成页面") {
		t.Errorf("with stderr in a buffer, build exited %d and wrote a status line:\n%q", code, plain)
	}
}

// runOnPTY runs sunlight with stderr on a pseudo-terminal and returns
// what the terminal got.
func runOnPTY(t *testing.T, args ...string) (code int, stderr string) {
	t.Helper()
	master, slave := openPTY(t)
	got := make(chan string)
	go func() {
		b, _ := io.ReadAll(master) // until the slave is closed (EIO)
		got <- string(b)
	}()
	var stdout bytes.Buffer
	code = Main(context.Background(), args, &stdout, slave)
	slave.Close()
	return code, <-got
}

// afterStatus is what a terminal shows after the status line's last
// erase: the command's own lines.
func afterStatus(s string) string {
	const erase = "\r\033[K"
	return s[strings.LastIndex(s, erase)+len(erase):]
}

// TestCheckAndGenShowStatusOnTerminal: check and gen say what they are
// doing on a terminal, and erase it before their summary.
func TestCheckAndGenShowStatusOnTerminal(t *testing.T) {
	tests := []struct {
		args          []string
		status, after string
	}{
		{[]string{"check", "-content", "../../content"}, "读取并检查内容…", "sunlight check: 0 errors"},
		{[]string{"gen", "-units", "2", "-items", "50", "-out", filepath.Join(t.TempDir(), "g")}, "生成 50 个事项…", "sunlight gen: 50 items"},
	}
	for _, tc := range tests {
		code, stderr := runOnPTY(t, tc.args...)
		if code != 0 || !strings.Contains(stderr, tc.status) || !strings.HasPrefix(afterStatus(stderr), tc.after) {
			t.Errorf("sunlight %v on a terminal exited %d and showed\n%q\nwant %q, then %q after the erase", tc.args, code, stderr, tc.status, tc.after)
		}
	}
}

// openPTY opens a pseudo-terminal pair: /dev/ptmx and its slave.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("no pseudo-terminals here: %v", err)
	}
	t.Cleanup(func() { m.Close() })
	if err := unix.IoctlSetPointerInt(int(m.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatalf("unlockpt: %v", err)
	}
	n, err := unix.IoctlGetInt(int(m.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatalf("ptsname: %v", err)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("open the slave: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return m, s
}
