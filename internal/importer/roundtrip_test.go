package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sunlight/internal/check"
	"sunlight/internal/diag"
	"sunlight/internal/link"
	"sunlight/internal/load"
	"sunlight/internal/model"
)

// Imported files load and link with no errors (and pass check without
// errors), and every imported row is found among the loaded entities.
func TestRoundTripLoadsAndLinks(t *testing.T) {
	t.Parallel()
	content, dir := newContent(t), t.TempDir()
	mustImport(t, Options{Content: content, Kind: KindBenchmarks, File: buildXLSX(t, dir, "jizhun.xlsx", benchmarkSheets(false)...)})
	mustImport(t, Options{Content: content, Kind: KindPowers, File: buildXLSX(t, dir, "quanze.xlsx", powerSheets(false)...)})
	csv := filepath.Join(dir, "fengxian.csv")
	writeFile(t, csv, encodings(t)["gbk"])
	mustImport(t, Options{Content: content, Kind: KindRisks, File: csv})

	fsys := os.DirFS(content)
	site, diags := load.Load(fsys)
	loc := load.NewLocator(fsys)
	diags.Add(link.Link(site, loc)...)
	cd, _ := check.Check(site, loc)
	diags.Add(cd...)
	for _, d := range diags {
		if d.Severity == diag.Error {
			t.Errorf("%s", d)
		}
	}
	u := site.UnitByID["qingshi"]
	if u == nil {
		t.Fatal("unit qingshi not loaded")
	}

	// benchmark: every violation with its tiers, in sheet order
	if len(u.Benchmarks) != 1 {
		t.Fatalf("benchmarks = %d, want 1", len(u.Benchmarks))
	}
	b := u.Benchmarks[0]
	wantViolations := []struct {
		no, name string
		tiers    []string
		law      string
	}{
		{"1-1", "在人口集中地区焚烧沥青", []string{"阶次1", "阶次2", "阶次3", "阶次4"}, "daqi-wuran-fangzhi-fa"},
		{"1-2", "露天焚烧秸秆", []string{"从轻处罚", "一般", "从重处罚"}, "daqi-wuran-fangzhi-fa"},
		{"2-1", "擅自在村庄、集镇规划区内", []string{"情节轻微", "情节一般", "情节严重"}, "cunzhuang-jizhen-guihua-tiaoli"},
	}
	if len(b.Violations) != len(wantViolations) {
		t.Fatalf("violations = %d, want %d", len(b.Violations), len(wantViolations))
	}
	for i, w := range wantViolations {
		v := b.Violations[i]
		if v.No != w.no || !strings.HasPrefix(v.Name, w.name) {
			t.Errorf("violation %d = %s %s, want %s %s…", i, v.No, v.Name, w.no, w.name)
		}
		var labels []string
		for _, tr := range v.Tiers {
			labels = append(labels, tr.Label)
			if tr.Standard == "" || len(tr.Conditions) == 0 {
				t.Errorf("violation %s tier %s lost its standard or conditions", v.No, tr.Label)
			}
		}
		if strings.Join(labels, ",") != strings.Join(w.tiers, ",") {
			t.Errorf("violation %s tiers = %v, want %v", v.No, labels, w.tiers)
		}
		if len(v.PenaltyBasis) == 0 || v.PenaltyBasis[0].LawRef == nil || v.PenaltyBasis[0].LawRef.ID != w.law {
			t.Errorf("violation %s penalty basis not linked to %s: %+v", v.No, w.law, v.PenaltyBasis)
		}
	}

	// powers: every item, linked to its laws
	wantPowers := map[string]struct {
		name, sub, cat string
		risks          int
	}{
		"qingshi-XK-001": {"乡村建设规划许可", "", "XK", 2},
		"qingshi-CF-001": {"对损坏村庄和集镇的房屋、公共设施的处罚", "损坏房屋", "CF", 1},
		"qingshi-CF-002": {"对损坏村庄和集镇的房屋、公共设施的处罚", "损坏公共设施", "CF", 0},
	}
	if len(u.Powers) != len(wantPowers) {
		t.Errorf("powers = %d, want %d", len(u.Powers), len(wantPowers))
	}
	for _, p := range u.Powers {
		w, ok := wantPowers[p.Code]
		if !ok {
			t.Errorf("unexpected power %s", p.Code)
			continue
		}
		if p.Name != w.name || p.SubName != w.sub || p.Category != w.cat || len(p.Risks) != w.risks {
			t.Errorf("power %s = %s/%s/%s/%d risks, want %+v", p.Code, p.Name, p.SubName, p.Category, len(p.Risks), w)
		}
		for _, r := range p.Basis {
			if r.LawRef == nil {
				t.Errorf("power %s basis %s not linked", p.Code, r.Law)
			}
		}
		if p.Fee == nil || p.Fee.Charged || p.TimeLimit.StatutoryDays == 0 {
			t.Errorf("power %s lost fee or time limit: %+v %+v", p.Code, p.Fee, p.TimeLimit)
		}
	}

	// risks: every item of the catalogue
	if len(u.Risks) != 1 || u.Risks[0].Year != 2025 {
		t.Fatalf("risk catalogues = %+v, want 2025", u.Risks)
	}
	var got []string
	for _, it := range u.Risks[0].Items {
		got = append(got, it.ObjectType+"/"+it.Object+"/"+it.Risk+"/"+it.Level)
	}
	want := []string{"关键岗位/公车管理员/公车使用管理/低", "关键岗位/财务人员/重大经济事项决策/高", "关键岗位/审批人员/宅基地审批/中"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("risk items:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var _ model.Site
}
