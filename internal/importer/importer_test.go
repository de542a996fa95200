package importer

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"sunlight/internal/golden"
)

// summary renders a result as a txtar archive: what was reported, then
// every file written.
func summary(res *Result) []byte {
	ar := &txtar.Archive{}
	add := func(name string, lines []string) {
		if len(lines) > 0 {
			ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(strings.Join(lines, "\n") + "\n")})
		}
	}
	var lines []string
	for _, f := range res.Files {
		lines = append(lines, string(f.Action)+" "+f.Path)
	}
	add("files", lines)
	lines = nil
	for _, p := range res.Problems {
		lines = append(lines, p.String())
	}
	add("problems", lines)
	add("unknown columns", res.Unknown)
	add("kept", res.Kept)
	add("dropped", res.Dropped)
	add("notes", res.Notes)
	add("missing laws", res.MissingLaws)
	for _, f := range res.Files {
		if f.Action != Unchanged {
			ar.Files = append(ar.Files, txtar.File{Name: f.Path, Data: f.New})
		}
	}
	return txtar.Format(ar)
}

func mustImport(t testing.TB, opt Options) *Result {
	t.Helper()
	if opt.Unit == "" {
		opt.Unit = "qingshi"
	}
	if opt.Date.IsZero() {
		opt.Date = testDate
	}
	res, err := Import(opt)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestImportBenchmarkXLSX(t *testing.T) {
	t.Parallel()
	content := newContent(t)
	file := buildXLSX(t, t.TempDir(), "shengtai-jizhun.xlsx", benchmarkSheets(false)...)
	res := mustImport(t, Options{Content: content, Kind: KindBenchmarks, File: file})
	golden.Check(t, "testdata/benchmark-xlsx.txtar", summary(res))
	if res.Rows != 10 {
		t.Errorf("Rows = %d, want 10", res.Rows)
	}
}

func TestImportPowersXLSX(t *testing.T) {
	t.Parallel()
	content := newContent(t)
	file := buildXLSX(t, t.TempDir(), "quanze.xlsx", powerSheets(false)...)
	res := mustImport(t, Options{Content: content, Kind: KindPowers, File: file})
	golden.Check(t, "testdata/powers-xlsx.txtar", summary(res))
}

// The same table saved as UTF-8, UTF-8 with BOM and GBK imports to the
// same file.
func TestImportRisksCSVEncodings(t *testing.T) {
	t.Parallel()
	for name, data := range encodings(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			content := newContent(t)
			file := filepath.Join(t.TempDir(), "fengxian.csv")
			writeFile(t, file, data)
			res := mustImport(t, Options{Content: content, Kind: KindRisks, File: file})
			want := "UTF-8"
			if name == "gbk" {
				want = "GBK/GB18030"
			}
			if res.Encoding != want {
				t.Errorf("Encoding = %q, want %q", res.Encoding, want)
			}
			golden.Check(t, "testdata/risks-csv-"+name+".txtar", summary(res))
		})
	}
}

// Importing the same sheet twice changes nothing.
func TestReimportIsUnchanged(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		kind  string
		build func(t *testing.T, dir string) string
	}{
		{KindBenchmarks, func(t *testing.T, dir string) string {
			return buildXLSX(t, dir, "jizhun.xlsx", benchmarkSheets(false)...)
		}},
		{KindPowers, func(t *testing.T, dir string) string { return buildXLSX(t, dir, "quanze.xlsx", powerSheets(false)...) }},
		{KindRisks, func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "fengxian.csv")
			writeFile(t, p, encodings(t)["gbk"])
			return p
		}},
	} {
		t.Run(c.kind, func(t *testing.T) {
			t.Parallel()
			content := newContent(t)
			file := c.build(t, t.TempDir())
			first := mustImport(t, Options{Content: content, Kind: c.kind, File: file})
			before := snapshot(t, content)
			second := mustImport(t, Options{Content: content, Kind: c.kind, File: file})
			if len(first.Changed()) == 0 {
				t.Fatal("first import changed nothing")
			}
			for _, f := range second.Files {
				if f.Action != Unchanged {
					t.Errorf("second import: %s %s\n%s", f.Action, f.Path, unifiedDiff("a", "b", string(f.Old), string(f.New), false))
				}
			}
			if after := snapshot(t, content); !equalMaps(before, after) {
				t.Error("second import changed the content folder")
			}
		})
	}
}

// A file the importer wrote is a fixed point of its own rendering: read
// back and rendered again, it gives the same bytes.
func TestImportedFilesAreCanonical(t *testing.T) {
	t.Parallel()
	content := newContent(t)
	file := buildXLSX(t, t.TempDir(), "jizhun.xlsx", benchmarkSheets(false)...)
	res := mustImport(t, Options{Content: content, Kind: KindBenchmarks, File: file})
	for _, f := range res.Files {
		v, err := parseContent(f.Path, f.New)
		if err != nil {
			t.Fatal(err)
		}
		if got := render(v, nil, ""); !bytes.Equal(got, f.New) {
			t.Errorf("%s is not canonical:\n%s", f.Path, unifiedDiff("written", "rendered", string(f.New), string(got), false))
		}
	}
}

func TestDryRunWritesNothing(t *testing.T) {
	t.Parallel()
	content := newContent(t)
	file := buildXLSX(t, t.TempDir(), "jizhun.xlsx", benchmarkSheets(false)...)
	before := snapshot(t, content)
	res := mustImport(t, Options{Content: content, Kind: KindBenchmarks, File: file, DryRun: true})
	if after := snapshot(t, content); !equalMaps(before, after) {
		t.Error("dry run wrote files")
	}
	if len(res.Changed()) != 1 || res.Changed()[0].Action != Create {
		t.Fatalf("dry run changes = %+v, want one create", res.Changed())
	}
	d := res.Diff()
	if !strings.HasPrefix(d, "--- /dev/null\n+++ b/units/qingshi/benchmarks/jizhun.toml\n@@ -0,0 +1,") {
		t.Errorf("Diff() starts %q", d[:min(len(d), 120)])
	}
}

// -map names a column the synonyms do not know, or drops it on purpose.
func TestMapColumns(t *testing.T) {
	t.Parallel()
	content := newContent(t)
	file := buildXLSX(t, t.TempDir(), "jizhun.xlsx", benchmarkSheets(false)...)
	res := mustImport(t, Options{Content: content, Kind: KindBenchmarks, File: file, Sheet: "生态环境类",
		Map: map[string]string{"内部编号": Ignore, "违则": "penalty_basis", "处罚依据": "violated"}})
	if len(res.Unknown) != 0 {
		t.Errorf("Unknown = %q, want none", res.Unknown)
	}
	got := string(res.Files[0].New)
	for _, want := range []string{
		`violated = [{law = "daqi-wuran-fangzhi-fa", article = "第一百一十九条第二款", role = "违反条款"}]`,
		`penalty_basis = [{law = "daqi-wuran-fangzhi-fa", article = "第八十二条第一款", role = "处罚依据"}]`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("mapped file lacks %s", want)
		}
	}
	if strings.Contains(got, "村庄") {
		t.Error("-sheet 生态环境类 also imported 城乡建设类")
	}
	if _, err := Import(Options{Content: content, Unit: "qingshi", Kind: KindBenchmarks, File: file, Map: map[string]string{"x": "nosuch"}}); err == nil {
		t.Error("unknown -map field: no error")
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	content := newContent(t)
	dir := t.TempDir()
	file := buildXLSX(t, dir, "jizhun.xlsx", benchmarkSheets(false)...)
	empty := filepath.Join(dir, "empty.csv")
	writeFile(t, empty, []byte("甲,乙\n1,2\n"))
	broken := filepath.Join(content, "units/qingshi/benchmarks/jizhun.toml")
	for _, c := range []struct {
		name string
		opt  Options
		want string
	}{
		{"unknown unit", Options{Unit: "nosuch", Kind: KindBenchmarks, File: file}, `unit "nosuch" does not exist`},
		{"unknown kind", Options{Kind: "flows", File: file}, `unknown kind "flows"`},
		{"unknown sheet", Options{Kind: KindBenchmarks, File: file, Sheet: "无此表"}, `工作表 "无此表" 不存在;文件中的工作表: 生态环境类、城乡建设类、填写说明`},
		{"no header", Options{Kind: KindBenchmarks, File: empty}, "没有可导入的表格"},
		{"xls", Options{Kind: KindBenchmarks, File: filepath.Join(dir, "old.xls")}, "no such file"},
		{"bad id", Options{Kind: KindBenchmarks, File: file, ID: "Bad_ID"}, `invalid benchmark id "Bad_ID"`},
	} {
		c.opt.Content = content
		if c.opt.Unit == "" {
			c.opt.Unit = "qingshi"
		}
		if _, err := Import(c.opt); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
	// an existing file with errors is not merged into
	writeFile(t, broken, []byte("title = \"x\"\nissuer = \"y\"\nnmae = 1\n"))
	_, err := Import(Options{Content: content, Unit: "qingshi", Kind: KindBenchmarks, File: file, Date: testDate})
	var fe *FileError
	if err == nil || !errors.As(err, &fe) || !strings.Contains(err.Error(), `units/qingshi/benchmarks/jizhun.toml:3:1: error: 未知的键 "nmae"`) {
		t.Errorf("broken existing file: err = %v", err)
	}
}

func snapshot(t testing.TB, root string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if !d.IsDir() {
			b, _ := os.ReadFile(p)
			m[p] = string(b)
		}
		return nil
	})
	return m
}

func equalMaps(a, b map[string]string) bool {
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
