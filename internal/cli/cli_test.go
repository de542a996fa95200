package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = Main(context.Background(), args, &o, &e)
	return code, o.String(), e.String()
}

func TestCommandLine(t *testing.T) {
	bad := t.TempDir()
	os.WriteFile(filepath.Join(bad, "site.toml"), []byte("title = 1\n"), 0o644)
	tests := []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{nil, 2, "", "Usage:"},
		{[]string{"-h"}, 0, "Commands:", ""},
		{[]string{"help", "build"}, 0, "Usage: sunlight build", ""},
		{[]string{"version"}, 0, "sunlight " + Version, ""},
		{[]string{"version", "x"}, 2, "", "version takes no arguments"},
		{[]string{"nope"}, 2, "", `unknown command "nope"`},
		{[]string{"build", "-h"}, 0, "-base-url", ""},
		{[]string{"check", "-h"}, 0, "-format", ""},
		{[]string{"serve", "-h"}, 0, "-addr", ""},
		{[]string{"build", "-nope"}, 2, "", "flag provided but not defined: -nope"},
		{[]string{"build", "-content", filepath.Join(bad, "missing")}, 2, "", "not found"},
		{[]string{"check", "-format", "xml", "-content", bad}, 2, "", "unknown -format"},
		{[]string{"check", "-content", bad}, 1, "site.toml:1:1: error: title 的值类型不对:写的是整数,应当是文字", "1 errors"},
		{[]string{"build", "-content", bad, "-out", filepath.Join(bad, "out")}, 1, "", "未生成网站"},
	}
	for _, tc := range tests {
		code, stdout, stderr := run(tc.args...)
		if code != tc.code || !strings.Contains(stdout, tc.stdout) || !strings.Contains(stderr, tc.stderr) {
			t.Errorf("sunlight %v = %d\nstdout: %s\nstderr: %s\nwant %d, stdout ∋ %q, stderr ∋ %q", tc.args, code, stdout, stderr, tc.code, tc.stdout, tc.stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(bad, "out")); err == nil {
		t.Error("a failed build wrote output")
	}
}

func TestCheckFormats(t *testing.T) {
	content := "../../content"
	code, stdout, _ := run("check", "-content", content, "-format", "json")
	if code != 0 {
		t.Fatalf("check on the demo content exited %d", code)
	}
	var diags []map[string]any
	if err := json.Unmarshal([]byte(stdout), &diags); err != nil || len(diags) == 0 {
		t.Fatalf("json output: %v, %d diagnostics", err, len(diags))
	}
	if diags[0]["severity"] != "warning" || diags[0]["pos"] == nil || diags[0]["message"] == "" {
		t.Errorf("first diagnostic = %v", diags[0])
	}
	code, stdout, _ = run("check", "-content", content, "-format", "github")
	if code != 0 || !strings.HasPrefix(stdout, "::warning file=") {
		t.Errorf("github output: %d %.100s", code, stdout)
	}
	if code, _, _ = run("check", "-content", content, "-strict"); code != 1 {
		t.Errorf("-strict with warnings exited %d, want 1", code)
	}
	code, stdout, _ = run("check", "-content", content, "-coverage")
	if code != 0 || !strings.Contains(stdout, "白沙乡") || !strings.Contains(stdout, "缺少本年度廉政风险防控目录") {
		t.Errorf("coverage output lacks the incomplete unit:\n%s", stdout)
	}
}

// TestBuildShowsFirstWarnings: a build prints the first warnings and says
// how many it left out; check lists them all.
func TestBuildShowsFirstWarnings(t *testing.T) {
	content := "../../content"
	_, stdout, _ := run("check", "-content", content, "-format", "json")
	var diags []map[string]any
	if err := json.Unmarshal([]byte(stdout), &diags); err != nil {
		t.Fatal(err)
	}
	warnings := 0
	for _, d := range diags {
		if d["severity"] == "warning" {
			warnings++
		}
	}
	if warnings <= shownWarnings {
		t.Skipf("the demo content has only %d warnings", warnings)
	}
	code, _, stderr := run("build", "-content", content, "-out", filepath.Join(t.TempDir(), "public"), "-no-history", "-no-search")
	if code != 0 {
		t.Fatalf("build exited %d: %s", code, stderr)
	}
	if got := strings.Count(stderr, ": warning: "); got != shownWarnings {
		t.Errorf("build printed %d warnings, want %d", got, shownWarnings)
	}
	if want := fmt.Sprintf("%d more warnings not shown", warnings-shownWarnings); !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
}
