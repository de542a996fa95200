package check_test

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"sunlight/internal/check"
	"sunlight/internal/diag"
	"sunlight/internal/link"
	"sunlight/internal/load"
)

// complete is a site with one complete unit and one complete penalty item:
// no rule fires on it.
func complete() fstest.MapFS {
	return fstest.MapFS{
		"site.toml":               {Data: []byte("title = \"t\"\nregion = \"示范县\"\norganiser = \"o\"\nsite_code = \"9999000001\"\nbase_url = \"https://x.example.gov.cn/\"\nyear = 2025\n")},
		"laws/cfa.toml":           {Data: []byte("title = \"中华人民共和国行政处罚法\"\nshort = \"行政处罚法\"\nlevel = \"法律\"\neffective = 2021-07-15\n")},
		"laws/old.toml":           {Data: []byte("title = \"环境噪声污染防治法\"\nlevel = \"法律\"\nstatus = \"已废止\"\neffective = 1997-03-01\n")},
		"laws/doc.toml":           {Data: []byte("title = \"示范县城乡环境卫生管理办法\"\nlevel = \"规范性文件\"\neffective = 2020-01-01\n")},
		"units/u/unit.toml":       {Data: []byte("name = \"青石镇人民政府\"\ntype = \"乡镇人民政府\"\ndivision_code = \"990101\"\nfunctions = \"f\"\naddress = \"a\"\nphone = \"0999-5550100\"\nsupervise_phone = \"0999-5550101\"\npublished = 2024-01-01\nreviewed = 2025-02-01\n")},
		"units/u/risks/2025.toml": {Data: []byte("published = 2025-01-01\nreviewed = 2025-01-01\n[[items]]\nobject_type = \"关键岗位\"\nobject = \"执法岗\"\nrisk = \"选择性执法\"\nlevel = \"高\"\nmeasures = [\"轮岗\"]\n")},
		"units/u/flows/f.toml":    {Data: []byte("name = \"流程\"\n[[steps]]\nid = \"a\"\nname = \"立案\"\nnext = [\"b\"]\n[[steps]]\nid = \"b\"\nname = \"决定\"\n")},
		"units/u/benchmarks/b.toml": {Data: []byte("title = \"基准\"\nissuer = \"青石镇\"\neffective = 2024-01-01\npublished = 2024-01-01\nreviewed = 2025-01-01\n" +
			"[[violations]]\nname = \"违法\"\npenalty_basis = [{law = \"cfa\", article = \"第一条\"}]\n" +
			strings.Repeat("[[violations.tiers]]\nlabel = \"阶次\"\nconditions = [\"c\"]\nstandard = \"警告\"\n", 3))},
		"units/u/powers/p.md": {Data: []byte(item(""))},
	}
}

func item(extra string) string {
	return "+++\ncode = \"CF-1\"\nname = \"对某违法行为的处罚\"\ncategory = \"行政处罚\"\noffice = \"执法办\"\nflow = \"f\"\nbenchmark = \"b\"\npublished = 2024-01-01\nreviewed = 2025-02-01\n" + extra +
		"[fee]\ncharged = false\n[time_limit]\nstatutory_days = 90\n[[basis]]\nlaw = \"cfa\"\narticle = \"第一条\"\n" +
		"[[responsibilities]]\nstep = \"立案\"\ncontent = \"及时立案\"\n[[accountabilities]]\nsituation = \"不立案的\"\n" +
		"[[risks]]\ndescription = \"选择性执法\"\nlevel = \"高\"\nmeasures = [\"两人执法\"]\n+++\n"
}

func run(t *testing.T, fsys fstest.MapFS) (diag.List, *check.Coverage) {
	t.Helper()
	s, diags := load.Load(fsys)
	loc := load.NewLocator(fsys)
	diags.Add(link.Link(s, loc)...)
	if diags.HasErrors() {
		t.Fatalf("fixture does not load: %v", diags)
	}
	return check.Check(s, loc)
}

func TestCompleteSiteHasNoFindings(t *testing.T) {
	d, cov := run(t, complete())
	if len(d) > 0 {
		t.Fatalf("unexpected findings:\n%v", d)
	}
	if got := cov.Units[0].Score; got != 100 {
		t.Errorf("score = %d, want 100 (missing %v)", got, cov.Units[0].Missing)
	}
}

func TestRules(t *testing.T) {
	replace := func(old, new string) func(fstest.MapFS) {
		return func(fs fstest.MapFS) {
			fs["units/u/powers/p.md"] = &fstest.MapFile{Data: []byte(strings.Replace(item(""), old, new, 1))}
		}
	}
	tests := []struct {
		name   string
		change func(fstest.MapFS)
		code   string
		sev    diag.Severity
		want   string // message
		pos    string
	}{
		{"penalty set by a normative document", replace(`law = "cfa"`, `law = "doc"`), "penalty-basis-level", diag.Error,
			"行政处罚事项的设定依据《示范县城乡环境卫生管理办法》是规范性文件", "units/u/powers/p.md:15:1"},
		{"repealed law", replace(`law = "cfa"`, `law = "old"`), "repealed-law", diag.Warning, "依据的《环境噪声污染防治法》已废止", "units/u/powers/p.md:15:1"},
		{"no article", replace(`article = "第一条"`, `article = ""`), "basis-missing", diag.Warning, "没有写明具体条款的法律依据", "units/u/powers/p.md:14:1"},
		{"no time limit", replace("statutory_days = 90", ""), "time-limit-missing", diag.Warning, "没有办理时限", "units/u/powers/p.md:12:1"},
		{"no fee", replace("[fee]\ncharged = false\n", ""), "fee-missing", diag.Warning, "没有收费说明", "units/u/powers/p.md:2:1"},
		{"no flow", replace("flow = \"f\"\n", ""), "flow-missing", diag.Warning, "没有权力运行流程图", "units/u/powers/p.md:2:1"},
		{"no benchmark", replace("benchmark = \"b\"\n", ""), "benchmark-missing", diag.Warning, "行政处罚事项没有裁量基准", "units/u/powers/p.md:2:1"},
		{"no measures", replace(`measures = ["两人执法"]`, `measures = []`), "measure-missing", diag.Warning, `风险点 "选择性执法" 没有防控措施`, "units/u/powers/p.md:22:1"},
		{"no risks", replace("[[risks]]\ndescription = \"选择性执法\"\nlevel = \"高\"\nmeasures = [\"两人执法\"]\n", ""), "risk-missing", diag.Warning, "没有廉政风险点", "units/u/powers/p.md:2:1"},
		{"no responsibilities", replace("[[responsibilities]]\nstep = \"立案\"\ncontent = \"及时立案\"\n", ""), "responsibility-missing", diag.Warning, "没有责任事项", "units/u/powers/p.md:2:1"},
		{"no accountabilities", replace("[[accountabilities]]\nsituation = \"不立案的\"\n", ""), "accountability-missing", diag.Warning, "没有追责情形", "units/u/powers/p.md:2:1"},
		{"not reviewed this year", replace("reviewed = 2025-02-01", "reviewed = 2024-06-30"), "not-reviewed", diag.Warning, "本事项最近审核于 2024-06-30,未在 2025 年度复核", "units/u/powers/p.md:9:1"},
		{"no supervise phone", func(fs fstest.MapFS) {
			fs["units/u/unit.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(fs["units/u/unit.toml"].Data), "supervise_phone = \"0999-5550101\"\n", "", 1))}
		}, "unit-contact", diag.Warning, "单位没有公开监督电话", "units/u/unit.toml:1:1"},
		{"no risk catalogue this year", func(fs fstest.MapFS) {
			fs["units/u/risks/2024.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(fs["units/u/risks/2025.toml"].Data), "2025", "2024", -1))}
			delete(fs, "units/u/risks/2025.toml")
		}, "risk-catalogue", diag.Warning, "单位没有 2025 年度廉政风险防控目录", "units/u/unit.toml:1:1"},
		{"too few tiers", func(fs fstest.MapFS) {
			b := string(fs["units/u/benchmarks/b.toml"].Data)
			fs["units/u/benchmarks/b.toml"] = &fstest.MapFile{Data: []byte(b[:strings.LastIndex(b, "[[violations.tiers]]")])}
		}, "benchmark-tiers", diag.Warning, `违法行为 "违法" 只有 2 个裁量阶次`, "units/u/benchmarks/b.toml:6:1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs := complete()
			tc.change(fs)
			d, cov := run(t, fs)
			if len(d) != 1 {
				t.Fatalf("got %d findings, want exactly one (%s):\n%v", len(d), tc.code, d)
			}
			g := d[0]
			if g.Code != tc.code || g.Severity != tc.sev || g.Msg != tc.want || g.Pos.String() != tc.pos {
				t.Errorf("got %s [%s %v]\nwant %s: %v: %s [%s]", g, g.Code, g.Severity, tc.pos, tc.sev, tc.want, tc.code)
			}
			if g.Hint == "" {
				t.Error("no hint")
			}
			if tc.sev == diag.Warning && tc.code != "repealed-law" && tc.code != "basis-missing" && tc.code != "responsibility-missing" &&
				tc.code != "accountability-missing" && tc.code != "measure-missing" && tc.code != "time-limit-missing" && tc.code != "fee-missing" &&
				tc.code != "benchmark-tiers" && cov.Units[0].Score == 100 {
				t.Errorf("coverage score stayed 100 despite %s", tc.code)
			}
		})
	}
}

// TestUnitFindingsStayInTheUnitFolder checks, on the demo portal, that
// check.Unit reports only in the unit's own folder and that Check is Unit
// over every unit: a live preview replaces one unit's share of the
// findings by the folder.
func TestUnitFindingsStayInTheUnitFolder(t *testing.T) {
	fsys := os.DirFS("../../content")
	s, diags := load.Load(fsys)
	loc := load.NewLocator(fsys)
	diags.Add(link.Link(s, loc)...)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	all, cov := check.Check(s, loc)
	var joined diag.List
	findings := 0
	for i, u := range s.Units {
		d, uc := check.Unit(s, u, loc)
		for _, f := range d {
			if !strings.HasPrefix(f.Pos.File, "units/"+u.ID+"/") {
				t.Errorf("unit %s: finding outside its folder: %v", u.ID, f)
			}
		}
		if !reflect.DeepEqual(uc, cov.Units[i]) {
			t.Errorf("unit %s: coverage %+v, Check gives %+v", u.ID, uc, cov.Units[i])
		}
		findings += len(d)
		joined.Add(d...)
	}
	joined.Sort()
	if findings == 0 || !reflect.DeepEqual(joined, all) {
		t.Errorf("Unit over every unit gives %d findings, Check %d", findings, len(all))
	}
}
