package history_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sunlight/internal/history"
)

// genItem is a generated power item in its current state.
type genItem struct {
	path     string
	code     string
	name     string
	level    string
	promised int
	measures []string
	reviewed time.Time
	versions int
}

var genMeasures = []string{"两人以上执法", "全过程记录", "法制审核前置", "集体讨论决定", "结果公示", "定期轮岗", "廉政谈话", "系统留痕"}

func (it *genItem) render() string {
	return fmt.Sprintf(`+++
code = %q
name = %q
category = "行政处罚"
office = "综合行政执法办公室"
published = 2020-01-01
reviewed = %s
flow = "chufa"

[time_limit]
statutory_days = 90
promised_days = %d

[[basis]]
law = "xingzheng-chufa-fa"
article = "第二十二条"
role = "实施依据"

[[risks]]
step = "调查取证"
description = "选择性执法、随意取证"
level = %q
measures = [%s]
owner = "执法岗"
+++

## 办理须知

%s由综合行政执法办公室依法查处。当事人可以依法申请行政复议或者提起行政诉讼。
`, it.code, it.name, it.reviewed.Format("2006-01-02"), it.promised, it.level, quoteList(it.measures), it.name)
}

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, v := range s {
		q[i] = fmt.Sprintf("%q", v)
	}
	return strings.Join(q, ", ")
}

// genRepo writes, with one `git fast-import`, a repository whose first
// commit adds items power items (in 20 units) and whose commits-1 later
// commits each change a few fields of 2–5 items, about one in fifty of
// them renaming an item. It returns the repository and the items.
func genRepo(tb testing.TB, items, commits int) (*testRepo, []*genItem) {
	tb.Helper()
	r := newRepo(tb)
	rng := rand.New(rand.NewPCG(1, 2))
	all := make([]*genItem, items)
	for i := range all {
		all[i] = &genItem{
			path:     fmt.Sprintf("content/units/u%02d/powers/CF-%05d.md", i%20, i),
			code:     fmt.Sprintf("990101-CF-%05d", i),
			name:     fmt.Sprintf("对违反第%d项管理规定行为的行政处罚", i),
			level:    []string{"高", "中", "低"}[rng.IntN(3)],
			promised: 10 + rng.IntN(20),
			measures: []string{genMeasures[rng.IntN(4)], genMeasures[4+rng.IntN(4)]},
			reviewed: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
			versions: 1,
		}
	}
	var buf bytes.Buffer
	when := time.Date(2020, 1, 1, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	data := func(s string) { fmt.Fprintf(&buf, "data %d\n%s\n", len(s), s) }
	for c := 0; c < commits; c++ {
		fmt.Fprintf(&buf, "commit refs/heads/main\n")
		fmt.Fprintf(&buf, "author 测试员 <test@example.gov.cn> %d +0800\n", when.Unix())
		fmt.Fprintf(&buf, "committer 测试员 <test@example.gov.cn> %d +0800\n", when.Unix())
		if c == 0 {
			data("初次发布权责清单")
			for _, it := range all {
				fmt.Fprintf(&buf, "M 100644 inline %s\n", it.path)
				data(it.render())
			}
		} else {
			data(fmt.Sprintf("第%d次调整", c))
			for k := 2 + rng.IntN(4); k > 0; k-- {
				it := all[rng.IntN(len(all))]
				switch rng.IntN(4) {
				case 0:
					it.level = []string{"高", "中", "低"}[(strings.Index("高中低", it.level)/3+1+rng.IntN(2))%3]
				case 1:
					it.promised = max(1, it.promised-1-rng.IntN(3))
				case 2:
					it.measures = append(it.measures[:len(it.measures):len(it.measures)], genMeasures[rng.IntN(len(genMeasures))])
				case 3:
					it.name += "(修订)"
				}
				it.reviewed = when
				if rng.IntN(50) == 0 {
					old := it.path
					it.path = strings.Replace(it.path, ".md", "-x.md", 1)
					fmt.Fprintf(&buf, "R %s %s\n", old, it.path)
				}
				fmt.Fprintf(&buf, "M 100644 inline %s\n", it.path)
				data(it.render())
				it.versions++
			}
		}
		buf.WriteString("\n")
		when = when.Add(17 * time.Hour)
	}
	cmd := exec.Command("git", "fast-import", "--quiet")
	cmd.Dir = r.dir
	cmd.Stdin = &buf
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("git fast-import: %v\n%s", err, out)
	}
	// The history is read from the repository; the work tree only needs
	// the content folder to exist.
	r.write("content/.keep", "")
	return r, all
}

// TestGeneratedRepo checks the benchmark's generator on a small scale:
// every item has one version per commit that changed it (a commit that
// changes an item twice counts once, so at most that many).
func TestGeneratedRepo(t *testing.T) {
	t.Parallel()
	r, items := genRepo(t, 200, 60)
	h, err := history.Read(context.Background(), filepath.Join(r.dir, "content"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Files) != len(items) || len(h.Removed) != 0 {
		t.Fatalf("%d files, %d removed; want %d, 0", len(h.Files), len(h.Removed), len(items))
	}
	changed := 0
	for _, it := range items {
		fh := h.Files[strings.TrimPrefix(it.path, "content/")]
		if fh == nil {
			t.Fatalf("no history for %s", it.path)
		}
		if n := len(fh.Versions); n < 1 || n > it.versions {
			t.Errorf("%s: %d versions, want 1..%d", it.path, n, it.versions)
		}
		for _, v := range fh.Versions {
			if v.Entity == nil || len(v.Changes) == 0 {
				t.Errorf("%s %s: entity %v, %d changes", it.path, v.Short, v.Entity, len(v.Changes))
			}
		}
		if len(fh.Versions) > 1 {
			changed++
		}
	}
	if changed < 50 {
		t.Errorf("only %d items changed", changed)
	}
}

// BenchmarkRead reads a history of 2,000 commits over 10,000 power items.
//
//	go test ./internal/history/ -run '^$' -bench Read -benchtime 3x
func BenchmarkRead(b *testing.B) {
	start := time.Now()
	r, _ := genRepo(b, 10000, 2000)
	b.Logf("generated the repository in %v", time.Since(start).Round(time.Millisecond))
	dir := filepath.Join(r.dir, "content")
	var versions int
	for b.Loop() {
		h, err := history.Read(context.Background(), dir, history.Options{})
		if err != nil {
			b.Fatal(err)
		}
		versions = 0
		for _, fh := range h.Files {
			versions += len(fh.Versions)
		}
	}
	b.ReportMetric(float64(versions), "versions")
}
