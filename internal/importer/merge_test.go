package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sunlight/internal/golden"
)

// edit applies textual edits to a content file, as an author would.
func edit(t *testing.T, path string, pairs ...string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("%s has no %q", path, pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	writeFile(t, path, []byte(s))
}

// An updated sheet updates what came from the sheet and keeps what the
// author added: comments at the top, keys the sheet has no column for, a
// hand-set tier kind, quotes, [[violations.tiers.penalties]] overrides,
// and violations the sheet no longer lists (kept and reported). A tier
// that left the sheet goes, and its penalties with it (reported).
func TestMergeKeepsHandEditsInBenchmark(t *testing.T) {
	t.Parallel()
	content, dir := newContent(t), t.TempDir()
	mustImport(t, Options{Content: content, Kind: KindBenchmarks, File: buildXLSX(t, dir, "v1.xlsx", benchmarkSheets(false)...), ID: "jizhun"})
	path := filepath.Join(content, "units/qingshi/benchmarks/jizhun.toml")
	edit(t, path,
		"title = ", "# 表格由综合行政执法办公室维护;文号和罚款结构化数据为手工补充\ntitle = ",
		"issuer = \"示范县青石镇人民政府\"\n", "issuer = \"示范县青石镇人民政府\"\ndoc_no = \"青政〔2025〕3号\"\n",
		`penalty_basis = [{law = "daqi-wuran-fangzhi-fa", article = "第一百一十九条第二款", role = "处罚依据"}]`,
		`penalty_basis = [{law = "daqi-wuran-fangzhi-fa", article = "第一百一十九条第二款", role = "处罚依据", quote = "焚烧沥青……的，由县级以上地方人民政府确定的监督管理部门责令改正，对单位处一万元以上十万元以下的罚款"}]`,
		"standard = \"处一万元以上二万元以下的罚款\"\n", "standard = \"处一万元以上二万元以下的罚款\"\n\n[[violations.tiers.penalties]]\ntype = \"罚款\"\ntarget = \"单位\"\nmin = 10000.0\nmax = 20000.0\nunit = \"元\"\n",
		"label = \"阶次2\"\n", "label = \"阶次2\"\nkind = \"一般\"\n",
		"standard = \"责令限期拆除，并处临时建设工程造价百分之五十以上一倍以下的罚款\"\n", "standard = \"责令限期拆除，并处临时建设工程造价百分之五十以上一倍以下的罚款\"\npenalties = [{type = \"罚款\", min = 0.5, max = 1.0, unit = \"倍\", base = \"工程造价\"}]\n",
	)
	changed := benchmarkSheets(true)
	changed[1].rows[3][3] = "情节较重" // 情节严重 is renamed
	res := mustImport(t, Options{Content: content, Kind: KindBenchmarks, File: buildXLSX(t, dir, "v2.xlsx", changed...), ID: "jizhun"})
	golden.Check(t, "testdata/benchmark-merge.txtar", summary(res))
	got := string(res.Files[0].New)
	for _, want := range []string{
		"# 表格由综合行政执法办公室维护",
		`doc_no = "青政〔2025〕3号"`,
		`quote = "焚烧沥青`,
		"penalties = [{type = \"罚款\", target = \"单位\", min = 10000.0, max = 20000.0, unit = \"元\"}]",
		"label = \"阶次2\"\nkind = \"一般\"",
		"处二万元以上五万元以下的罚款",
		"label = \"阶次5\"",
		"露天焚烧秸秆",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("merged file lacks %q", want)
		}
	}
	if strings.Contains(got, "处二万元以上四万元以下的罚款") {
		t.Error("merged file keeps the old standard of tier 2")
	}
	if len(res.Kept) != 1 || !strings.Contains(res.Kept[0], "露天焚烧秸秆") {
		t.Errorf("Kept = %q, want violation 1-2", res.Kept)
	}
	if len(res.Dropped) != 1 || !strings.Contains(res.Dropped[0], "情节严重") || !strings.Contains(res.Dropped[0], "penalties") {
		t.Errorf("Dropped = %q, want tier 情节严重 with its penalties", res.Dropped)
	}
	again := mustImport(t, Options{Content: content, Kind: KindBenchmarks, File: buildXLSX(t, dir, "v3.xlsx", changed...), ID: "jizhun"})
	if again.Files[0].Action != Unchanged {
		t.Errorf("third import: %s\n%s", again.Files[0].Action, again.Diff())
	}
}

// A power file keeps its Markdown body, keys the sheet has no column for,
// an accountability's basis and a quote when the sheet changes.
func TestMergeKeepsHandEditsInPowers(t *testing.T) {
	t.Parallel()
	content, dir := newContent(t), t.TempDir()
	mustImport(t, Options{Content: content, Kind: KindPowers, File: buildXLSX(t, dir, "v1.xlsx", powerSheets(false)...)})
	path := filepath.Join(content, "units/qingshi/powers/qingshi-XK-001.md")
	edit(t, path,
		"office = \"村镇建设办公室\"\n", "office = \"村镇建设办公室\"\nservice_object = \"农村村民\"\n",
		"article = \"第十二条\"\nrole = \"设定依据\"\n", "article = \"第十二条\"\nrole = \"设定依据\"\nquote = \"下列事项可以设定行政许可\"\n",
		"situation = \"不在法定期限内作出决定的\"\n", "situation = \"不在法定期限内作出决定的\"\nbasis = [{law = \"xingzheng-xuke-fa\", article = \"第七十四条\", role = \"追责依据\"}]\n",
		"+++\n", "+++\n",
	)
	b, _ := os.ReadFile(path)
	writeFile(t, path, append(b, "\n## 办理须知\n\n申请人应当提交身份证明和建设工程设计方案。\n"...))
	res := mustImport(t, Options{Content: content, Kind: KindPowers, File: buildXLSX(t, dir, "v2.xlsx", powerSheets(true)...)})
	golden.Check(t, "testdata/powers-merge.txtar", summary(res))
	var got string
	for _, f := range res.Files {
		if strings.HasSuffix(f.Path, "qingshi-XK-001.md") {
			got = string(f.New)
			if f.Action != Update {
				t.Errorf("%s: %s, want update", f.Path, f.Action)
			}
		} else if f.Action != Unchanged {
			t.Errorf("%s: %s, want unchanged", f.Path, f.Action)
		}
	}
	for _, want := range []string{
		`office = "自然资源和规划办公室"`,
		`service_object = "农村村民"`,
		`quote = "下列事项可以设定行政许可"`,
		`basis = [{law = "xingzheng-xuke-fa", article = "第七十四条", role = "追责依据"}]`,
		"+++\n\n## 办理须知\n\n申请人应当提交身份证明和建设工程设计方案。\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("merged power lacks %q:\n%s", want, got)
		}
	}
}
