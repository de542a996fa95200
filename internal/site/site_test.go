package site_test

import (
	"bytes"
	"context"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/tools/txtar"

	"golang.org/x/net/html"

	"sunlight/internal/htmlcheck"
	"sunlight/internal/site"
)

// writeTxtar unpacks a txtar archive from testdata into a temp dir.
func writeTxtar(t testing.TB, name string) string {
	t.Helper()
	a, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range a.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// build builds content into out and fails the test on any error.
func build(t testing.TB, content, out, baseURL string) *site.Result {
	t.Helper()
	res, diags, err := site.Build(context.Background(), site.Options{Content: os.DirFS(content), Out: out, BaseURL: baseURL})
	if err != nil {
		t.Fatal(err)
	}
	if res == nil {
		t.Fatalf("build failed:\n%v", diags)
	}
	return res
}

func parse(t *testing.T, out, file string) *htmlcheck.Doc {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(file)))
	if err != nil {
		t.Fatal(err)
	}
	d, err := htmlcheck.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestEveryPageTypeIsRendered(t *testing.T) {
	content := writeTxtar(t, "small.txtar")
	out := filepath.Join(t.TempDir(), "public")
	build(t, content, out, "")

	type check struct {
		sel  string
		want string // substring of the text; "" = must exist
	}
	pages := []struct {
		file   string
		checks []check
	}{
		{"index.html", []check{{"main h1", "示范县廉政风险防控公开平台"}, {".stats", "2 项权力事项"}, {"#h-cats", "按类别浏览"}, {".recent", "对擅自在集镇规划区内的街道修建临时建筑物的处罚"}, {"meta[name=ColumnName]", ""}}},
		{"units/index.html", []check{{"main h1", "单位"}, {"main .cards", "示范县青石镇人民政府"}}},
		{"units/qingshi/index.html", []check{{"main h1", "示范县青石镇人民政府"}, {"table caption", "青石镇行政许可事项"}, {"#h-risks", "廉政风险防控目录"}, {"dl.facts", "上级单位示范县人民政府"}, {".dates", "最近审核:2025-03-01"}}},
		{"units/qingshi/powers/990101-001-CF-001-00/index.html", []check{
			{"main h1", "对擅自在集镇规划区内的街道修建临时建筑物的处罚"},
			{".dates", "发布日期:2024-01-05 · 最近审核:2025-03-01"},
			{".refs", "《村庄和集镇规划建设管理条例》第四十条"},
			{".refs blockquote", "由乡级人民政府责令限期拆除"},
			{"ol.steps", "调查取证"},
			{"table.tiers", "并处五百元以上二千元以下的罚款"},
			{"#h-risk", "廉政风险点"},
			{".badge.risk-high", "高风险"},
			{".prose h3", "注意事项"},
			{".supervise", "0999-5550101"},
			{"meta[name=ArticleTitle]", ""},
			{"meta[name=PubDate]", ""},
		}},
		{"units/qingshi/powers/990101-001-XK-001-00/index.html", []check{{".status", "暂停"}, {"dd", "不收费"}}},
		{"units/qingshi/flows/cf/index.html", []check{{"main h1", "行政处罚普通程序"}, {"ol.steps li", "立案"}, {"#h-used", "使用本流程的事项(1 项)"}}},
		{"units/qingshi/benchmarks/linshi-jianzhu/index.html", []check{{"main h1", "擅自修建临时建筑物行政处罚裁量基准"}, {"table.tiers tbody", "情节严重"}, {"dl.facts", "青政〔2024〕3号"}}},
		{"units/qingshi/risks/2025/index.html", []check{{"main h1", "青石镇2025年度廉政风险防控目录"}, {"table", "选择性执法"}, {".badge.risk-medium", "中风险"}}},
		{"categories/index.html", []check{{"main .cards", "行政许可"}}},
		{"categories/cf/index.html", []check{{"main h1", "行政处罚"}, {"table", "990101-001-CF-001-00"}}},
		{"categories/gg/index.html", []check{{"main", "暂无此类事项"}}},
		{"benchmarks/index.html", []check{{"table", "擅自修建临时建筑物行政处罚裁量基准"}}},
		{"laws/index.html", []check{{"table", "中华人民共和国行政处罚法"}}},
		{"laws/cunzhuang-tiaoli/index.html", []check{{"main h1", "村庄和集镇规划建设管理条例"}, {"#h-cited", "引用本法的事项(1 项)"}, {".article", "第四十条"}}},
		{"pages/about/index.html", []check{{"main h1", "关于本平台"}, {"main h2", "平台简介"}}},
		{"search/index.html", []check{{"form[role=search]", ""}, {"main", "按单位浏览全部事项"}}},
		{"sitemap/index.html", []check{{"main .tree", "示范县青石镇人民政府"}}},
		{"404.html", []check{{"main h1", "页面未找到"}}},
	}
	for _, p := range pages {
		t.Run(p.file, func(t *testing.T) {
			d := parse(t, out, p.file)
			if got := htmlcheck.Attr(d.First("html"), "lang"); got != "zh-CN" {
				t.Errorf("lang = %q", got)
			}
			for _, meta := range []string{"SiteName", "SiteDomain", "SiteIDCode"} {
				if htmlcheck.Attr(d.First("meta[name="+meta+"]"), "content") == "" {
					t.Errorf("meta %s missing", meta)
				}
			}
			if len(d.Find("h1")) != 1 {
				t.Errorf("%d h1 elements, want 1", len(d.Find("h1")))
			}
			if f := htmlcheck.Text(d.First("footer")); !strings.Contains(f, "网站标识码:9999000001") || !strings.Contains(f, "示ICP备00000000号") || !strings.Contains(f, "主办单位") {
				t.Errorf("footer lacks government-website elements: %q", f)
			}
			for _, c := range p.checks {
				ns := d.Find(c.sel)
				if len(ns) == 0 {
					t.Errorf("no element matches %q", c.sel)
					continue
				}
				if c.want == "" {
					continue
				}
				found := false
				for _, n := range ns {
					if strings.Contains(htmlcheck.Text(n), c.want) {
						found = true
					}
				}
				if !found {
					t.Errorf("%q text = %q, want it to contain %q", c.sel, htmlcheck.Text(ns[0]), c.want)
				}
			}
		})
	}
	sm, err := os.ReadFile(filepath.Join(out, "sitemap.xml"))
	if err != nil || !bytes.Contains(sm, []byte("<loc>https://lzfk.sfx.example.gov.cn/units/qingshi/powers/990101-001-CF-001-00/</loc>")) {
		t.Errorf("sitemap.xml lacks the power page: %v\n%s", err, sm)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	content := writeTxtar(t, "small.txtar")
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	build(t, content, a, "")
	build(t, content, b, "")
	fa, fb := readTree(t, a), readTree(t, b)
	if len(fa) != len(fb) {
		t.Fatalf("%d files vs %d files", len(fa), len(fb))
	}
	for p, data := range fa {
		if !bytes.Equal(data, fb[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

func readTree(t testing.TB, root string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		m[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestFailedBuildLeavesOutputUntouched(t *testing.T) {
	content := writeTxtar(t, "small.txtar")
	out := filepath.Join(t.TempDir(), "public")
	build(t, content, out, "")
	before := readTree(t, out)

	// Break one file, and change another so a partial write would show.
	broken := filepath.Join(content, "units/qingshi/powers/cf-001.md")
	if err := os.WriteFile(broken, []byte("+++\ncode = \"x\"\ncategory = \"不存在\"\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(content, "pages/about.md"), []byte("+++\ntitle = \"改过的标题\"\n+++\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, diags, err := site.Build(context.Background(), site.Options{Content: os.DirFS(content), Out: out})
	if err != nil || res != nil || !diags.HasErrors() {
		t.Fatalf("broken build: res=%v err=%v diags=%v", res, err, diags)
	}
	after := readTree(t, out)
	if len(after) != len(before) {
		t.Fatalf("output changed: %d files before, %d after", len(before), len(after))
	}
	for p, b := range before {
		if !bytes.Equal(b, after[p]) {
			t.Errorf("%s changed by a failed build", p)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("stray files beside the output: %v", entries)
	}
}

func TestSuccessfulRebuildReplacesOutputAndLeavesNoStaging(t *testing.T) {
	content := writeTxtar(t, "small.txtar")
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	spare := out + site.SpareSuffix
	build(t, content, out, "")
	first := readTree(t, out)
	page := filepath.Join(out, "index.html")
	firstInode := inode(t, page)
	// A stray file must disappear: the swap replaces the whole tree, and a
	// build into the spare prunes what it did not write.
	if err := os.WriteFile(filepath.Join(out, "stale.html"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A killed build's staging directory is cleaned up.
	if err := os.Mkdir(out+".staging-123", 0o755); err != nil {
		t.Fatal(err)
	}
	build(t, content, out, "") // the first output becomes the spare
	if got := entries(t, parent); got != "public public.spare" {
		t.Errorf("beside the output after a rebuild: %s, want public and its spare", got)
	}
	// The spare gets in the way of the next build: a folder where a file
	// goes, a file where a folder goes, and a link to a folder outside,
	// which must not be written through.
	outside := t.TempDir()
	for _, f := range []func() error{
		func() error { return os.Remove(filepath.Join(spare, "sitemap.xml")) },
		func() error { return os.Mkdir(filepath.Join(spare, "sitemap.xml"), 0o755) },
		func() error { return os.RemoveAll(filepath.Join(spare, "units")) },
		func() error { return os.WriteFile(filepath.Join(spare, "units"), []byte("x"), 0o644) },
		func() error { return os.RemoveAll(filepath.Join(spare, "laws")) },
		func() error { return os.Symlink(outside, filepath.Join(spare, "laws")) },
		// Read-only (stops a write unless the tests run as root).
		func() error { return os.Chmod(filepath.Join(spare, "feed.xml"), 0o444) },
	} {
		if err := f(); err != nil {
			t.Fatal(err)
		}
	}
	build(t, content, out, "") // written into the spare, in place
	if got := readTree(t, out); !equalTrees(got, first) {
		t.Errorf("a build into the spare differs from a fresh build (%d files vs %d)", len(got), len(first))
	}
	if inode(t, page) != firstInode {
		t.Error("index.html was created anew, not overwritten in the spare")
	}
	if left, _ := os.ReadDir(outside); len(left) > 0 {
		t.Errorf("the build wrote through a link in the spare: %v", left)
	}
	if got := entries(t, parent); got != "public public.spare" {
		t.Errorf("beside the output: %s", got)
	}
	// -no-spare deletes it.
	if _, _, err := site.Build(context.Background(), site.Options{Content: os.DirFS(content), Out: out, NoSpare: true}); err != nil {
		t.Fatal(err)
	}
	if got := entries(t, parent); got != "public" {
		t.Errorf("beside the output with NoSpare: %s", got)
	}
}

func inode(t *testing.T, name string) uint64 {
	t.Helper()
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Sys().(*syscall.Stat_t).Ino
}

// entries lists a folder's names, folders marked with /.
func entries(t *testing.T, dir string) string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return strings.Join(names, " ")
}

func equalTrees(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for p, x := range a {
		if y, ok := b[p]; !ok || !bytes.Equal(x, y) {
			return false
		}
	}
	return true
}

func TestRefusesToReplaceForeignDirectory(t *testing.T) {
	content := writeTxtar(t, "small.txtar")
	out := t.TempDir()
	if err := os.WriteFile(filepath.Join(out, "thesis.docx"), []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := site.Build(context.Background(), site.Options{Content: os.DirFS(content), Out: out})
	if err == nil || !strings.Contains(err.Error(), "refusing to replace") {
		t.Fatalf("err = %v, want a refusal", err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "thesis.docx")); string(b) != "precious" {
		t.Error("foreign file was touched")
	}
}

// checkLinks verifies that every internal link and asset reference of
// every HTML page resolves to a file in out, including #fragments. It
// returns the number of links checked.
func checkLinks(t *testing.T, out, basePath string) int {
	t.Helper()
	files := readTree(t, out)
	ids := map[string]map[string]bool{}
	idsOf := func(file string) map[string]bool {
		if m, ok := ids[file]; ok {
			return m
		}
		m := map[string]bool{}
		if d, err := htmlcheck.Parse(files[file]); err == nil {
			htmlcheck.Walk(d.Root, func(n *html.Node) {
				if id := htmlcheck.Attr(n, "id"); id != "" {
					m[id] = true
				}
			})
		}
		ids[file] = m
		return m
	}
	checked := 0
	for file, data := range files {
		if path.Ext(file) != ".html" {
			continue
		}
		d, err := htmlcheck.Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for _, link := range d.Links() {
			u, err := url.Parse(link)
			if err != nil {
				t.Errorf("%s: bad URL %q", file, link)
				continue
			}
			if u.Scheme != "" || u.Host != "" {
				continue // external
			}
			target := file
			if u.Path != "" {
				if !strings.HasPrefix(u.Path, basePath) {
					t.Errorf("%s: link %q is outside the base path %q", file, link, basePath)
					continue
				}
				target = strings.TrimPrefix(u.Path, basePath)
				if target == "" || strings.HasSuffix(target, "/") {
					target += "index.html"
				}
			}
			checked++
			if _, ok := files[target]; !ok {
				t.Errorf("%s: broken link %q (no %s)", file, link, target)
				continue
			}
			if u.Fragment != "" && !idsOf(target)[u.Fragment] {
				t.Errorf("%s: link %q points to a missing #%s", file, link, u.Fragment)
			}
		}
	}
	return checked
}

func TestNoBrokenLinks(t *testing.T) {
	content := writeTxtar(t, "small.txtar")
	for _, tc := range []struct{ baseURL, basePath string }{
		{"", "/"},
		{"https://www.sfx.example.gov.cn/zwgk/lzfk/", "/zwgk/lzfk/"},
	} {
		t.Run(tc.basePath, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			build(t, content, out, tc.baseURL)
			if n := checkLinks(t, out, tc.basePath); n < 100 {
				t.Errorf("only %d links checked", n)
			}
		})
	}
}
