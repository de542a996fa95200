package site_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sunlight/internal/site"
)

// gitRepo turns dir into a git repository with a fixed identity.
func gitRun(t *testing.T, dir string, env []string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_SYSTEM=/dev/null",
		"GIT_AUTHOR_NAME=示范县纪委", "GIT_AUTHOR_EMAIL=lzfk@sfx.example.gov.cn",
		"GIT_COMMITTER_NAME=示范县纪委", "GIT_COMMITTER_EMAIL=lzfk@sfx.example.gov.cn")
	cmd.Env = append(cmd.Env, env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func commitAt(t *testing.T, dir, date, msg string) {
	t.Helper()
	gitRun(t, dir, nil, "add", "-A")
	gitRun(t, dir, []string{"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + date}, "commit", "-q", "-m", msg)
}

// TestBuildPublishesHistory commits the small site, revises it in a
// later year (a risk level raised, a measure added, a risk catalogue row
// lowered) and builds with the history: the item page lists both
// versions with field-level changes, the old version has a snapshot page
// marked superseded, the unit's annual page lists the year's changes, and
// the manifest names the commit and verifies.
func TestBuildPublishesHistory(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("git is missing")
		}
		t.Skip("git is missing")
	}
	content := writeTxtar(t, "small.txtar")
	gitRun(t, content, nil, "init", "-q", "-b", "main")
	commitAt(t, content, "2024-03-01T10:00:00+08:00", "2024年首次公开")
	replaceIn(t, content, "units/qingshi/powers/cf-001.md", `level = "★★★"
measures = ["严格执行裁量基准", "法制审核"]`, `level = "★★★"
measures = ["严格执行裁量基准", "法制审核", "重大案件集体讨论"]`)
	replaceIn(t, content, "units/qingshi/powers/cf-001.md", "reviewed = 2025-03-01", "reviewed = 2025-03-20")
	replaceIn(t, content, "units/qingshi/risks/2025.toml", `level = "★★"`, `level = "低"`)
	commitAt(t, content, "2025-03-20T09:30:00+08:00", "2025年度复核:完善防控措施,调整风险等级")

	out := filepath.Join(t.TempDir(), "public")
	res, diags, err := site.Build(context.Background(), site.Options{Content: os.DirFS(content), Out: out, ContentDir: content})
	if err != nil || res == nil {
		t.Fatalf("build: %v %v", err, diags)
	}
	if !res.History.Available {
		t.Fatalf("history unavailable: %s", res.History.Reason)
	}
	files := readTree(t, out)
	page := string(files["units/qingshi/powers/990101-001-CF-001-00/index.html"])
	for _, want := range []string{"修订记录", "2025-03-20", "2025年度复核:完善防控措施,调整风险等级", `风险点「擅自改变处罚种类、幅度」新增防控措施: 重大案件集体讨论`, "审核日期: 2025-03-01 → 2025-03-20", "2024年首次公开", "(当前版本)"} {
		if !strings.Contains(page, want) {
			t.Errorf("power page lacks %q", want)
		}
	}
	var snapshot string
	for f, b := range files {
		if strings.HasPrefix(f, "units/qingshi/powers/990101-001-CF-001-00/history/") {
			snapshot = string(b)
		}
	}
	if !strings.Contains(snapshot, "这是已被取代的历史版本") || strings.Contains(snapshot, "重大案件集体讨论") || !strings.Contains(snapshot, "法制审核") {
		t.Errorf("snapshot page of the 2024 version is wrong or missing:\n%.600s", snapshot)
	}
	annual := string(files["units/qingshi/changes/2025/index.html"])
	if testing.Verbose() {
		t.Log(annual)
	}
	for _, want := range []string{"风险等级调低", `风险点「违规审批」(村镇规划建设)风险等级: 中 → 低`, "新增防控措施", "重大案件集体讨论"} {
		if !strings.Contains(annual, want) {
			t.Errorf("annual page lacks %q", want)
		}
	}
	// The manifest names the commit and verifies; one altered byte fails.
	problems, m, err := site.Verify(out)
	if err != nil || len(problems) > 0 || len(m.Commit) != 40 {
		t.Fatalf("verify: %v %v commit %q", err, problems, m.Commit)
	}
	f := filepath.Join(out, "units", "qingshi", "index.html")
	b, _ := os.ReadFile(f)
	b[len(b)/2] ^= 1
	os.WriteFile(f, b, 0o644)
	problems, _, _ = site.Verify(out)
	if len(problems) != 1 || !strings.HasPrefix(problems[0], "units/qingshi/index.html: changed") {
		t.Errorf("verify after altering one byte = %v", problems)
	}
}
