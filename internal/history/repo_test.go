package history_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// requireGit skips the test when git is missing, unless CI is set.
func requireGit(tb testing.TB) {
	tb.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") == "" {
			tb.Skip("git is not installed")
		}
		tb.Fatalf("git is required in CI: %v", err)
	}
}

// testRepo is a git repository in a temporary folder, independent of the
// user's and the system's git configuration.
type testRepo struct {
	tb  testing.TB
	dir string
}

func newRepo(tb testing.TB) *testRepo {
	tb.Helper()
	requireGit(tb)
	r := &testRepo{tb: tb, dir: tb.TempDir()}
	r.git("", "init", "-q", "-b", "main")
	r.git("", "config", "user.name", "测试员")
	r.git("", "config", "user.email", "test@example.gov.cn")
	r.git("", "config", "commit.gpgsign", "false")
	return r
}

// git runs git in the repository; date, when set, is both the author and
// the committer date (or "author|committer").
func (r *testRepo) git(date string, args ...string) string {
	r.tb.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = r.dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1", "LC_ALL=C")
	if date != "" {
		author, committer, ok := strings.Cut(date, "|")
		if !ok {
			committer = author
		}
		cmd.Env = append(cmd.Env, "GIT_AUTHOR_DATE="+author, "GIT_COMMITTER_DATE="+committer)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.tb.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func (r *testRepo) write(name, content string) {
	r.tb.Helper()
	p := filepath.Join(r.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.tb.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		r.tb.Fatal(err)
	}
}

// edit replaces old by new in a file, which must contain old exactly once.
func (r *testRepo) edit(name, old, new string) {
	r.tb.Helper()
	b, err := os.ReadFile(filepath.Join(r.dir, filepath.FromSlash(name)))
	if err != nil {
		r.tb.Fatal(err)
	}
	if n := strings.Count(string(b), old); n != 1 {
		r.tb.Fatalf("edit %s: %q occurs %d times", name, old, n)
	}
	r.write(name, strings.Replace(string(b), old, new, 1))
}

func (r *testRepo) commit(date, msg string) {
	r.tb.Helper()
	r.git("", "add", "-A")
	r.git(date, "commit", "-q", "-m", msg)
}
