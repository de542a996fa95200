// Package check applies the publishing rules to a linked site: what must
// be correct before anything is published (errors) and what a complete
// disclosure contains (warnings, which also feed the coverage report).
//
// # Rules
//
// Errors (block the build):
//
//	penalty-basis-level   a 行政处罚 item's 设定依据 must be a 法律, 法规 or 规章,
//	                      never a 规范性文件 (行政处罚法 第十六条)
//
// Warnings (completeness; `check -strict` fails on them):
//
//	basis-missing         no legal basis, or none with an article number
//	time-limit-missing    no statutory or promised time limit
//	fee-missing           no fee statement ([fee] charged = false means 不收费)
//	flow-missing          no flowchart
//	risk-missing          no risk point on the item or its flow
//	measure-missing       a risk point without a prevention measure
//	benchmark-missing     a 行政处罚 item without a discretion benchmark (own or upstream)
//	benchmark-tiers       a benchmark violation with fewer tiers than min_tiers (default 3)
//	repealed-law          a reference to a law marked 已废止
//	not-reviewed          an item not reviewed in the current annual cycle (site.toml year)
//	unit-contact          a unit without 监督电话 (supervise_phone)
//	risk-catalogue        a unit without a risk catalogue for the current year
//	responsibility-missing  no 责任事项
//	accountability-missing  no 追责情形
//
// The same rules produce the per-unit [Coverage] shown on the coverage
// dashboard and printed by `sunlight check -coverage`.
package check

import (
	"fmt"
	"sort"

	"sunlight/internal/diag"
	"sunlight/internal/load"
	"sunlight/internal/model"
	"sunlight/internal/par"
)

// Check applies every rule to site and returns the diagnostics (sorted)
// and the coverage report.
//
// The units are checked on every core: a unit's checks read the site and
// write only their own findings. Most of their time goes into placing
// warnings, which reads the files again (see [load.Locator]): one core
// took 65 ms at 10,000 items, after the other had finished the benchmark
// analysis.
func Check(site *model.Site, loc *load.Locator) (diag.List, *Coverage) {
	cov := &Coverage{Year: site.Config.Year, Units: make([]*UnitCoverage, len(site.Units))}
	perUnit := make([]diag.List, len(site.Units))
	par.Do(len(site.Units), 0, func(i int) { perUnit[i], cov.Units[i] = Unit(site, site.Units[i], loc) })
	var diags diag.List
	for _, d := range perUnit {
		diags = append(diags, d...)
	}
	diags.Sort()
	return diags, cov
}

// Unit checks one unit's files (its profile, items and benchmarks) and
// computes its coverage; [Check] is Unit over every unit. Its diagnostics
// are all in the unit's folder. A live preview whose edit touched one
// unit's items checks only that unit again.
func Unit(site *model.Site, u *model.Unit, loc *load.Locator) (diag.List, *UnitCoverage) {
	c := &checker{site: site, loc: loc}
	minTiers := site.Config.MinTiers
	if minTiers <= 0 {
		minTiers = 3
	}
	uc := &UnitCoverage{Unit: u}
	c.unit(u, uc)
	for _, p := range u.Powers {
		c.power(p, uc)
	}
	for _, b := range u.Benchmarks {
		c.benchmark(b, minTiers)
	}
	uc.finish()
	return c.diags, uc
}

type checker struct {
	site  *model.Site
	loc   *load.Locator
	diags diag.List
}

func (c *checker) warn(src model.Source, path, code, hint, format string, args ...any) {
	c.diags = append(c.diags, diag.Diagnostic{Pos: c.loc.At(src, path), Severity: diag.Warning, Code: code, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

func (c *checker) error(src model.Source, path, code, hint, format string, args ...any) {
	c.diags = append(c.diags, diag.Diagnostic{Pos: c.loc.At(src, path), Severity: diag.Error, Code: code, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

func idx(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }

func (c *checker) unit(u *model.Unit, uc *UnitCoverage) {
	year := c.site.Config.Year
	uc.Profile = u.Functions != "" && u.Address != "" && u.Phone != ""
	uc.Contact = u.SupervisePhone != ""
	if !uc.Contact {
		c.warn(u.Src, "", "unit-contact", "在 unit.toml 中填写 supervise_phone(监督电话),群众才能投诉举报", "单位没有公开监督电话")
	}
	for _, rc := range u.Risks {
		if rc.Year == year {
			uc.RiskCatalogue = true
		}
	}
	if !uc.RiskCatalogue {
		c.warn(u.Src, "", "risk-catalogue", fmt.Sprintf("在 units/%s/risks/%d.toml 中编制本年度廉政风险防控目录", u.ID, year),
			"单位没有 %d 年度廉政风险防控目录", year)
	}
	uc.Reviewed = u.Reviewed.Year() >= year
}

func (c *checker) power(p *model.Power, uc *UnitCoverage) {
	year := c.site.Config.Year
	if p.Status == "取消" {
		return // a cancelled item is kept for the record but owes nothing
	}
	uc.Powers++
	src := p.Src
	hasArticle := false
	for i, r := range p.Basis {
		if r.Article != "" {
			hasArticle = true
		}
		if r.LawRef != nil && r.LawRef.Status == "已废止" {
			c.warn(src, idx("basis", i)+".law", "repealed-law", "核对现行有效的法律依据并更新", "依据的《%s》已废止", r.LawRef.Name())
		}
		if p.Category == "CF" && (r.Role == "" || r.Role == "设定依据") && r.LawRef != nil &&
			(r.LawRef.Level == "规范性文件" || r.LawRef.Level == "党内法规") {
			c.error(src, idx("basis", i)+".law", "penalty-basis-level", "行政处罚只能由法律、法规、规章设定(《行政处罚法》第十六条);请引用上位法的条款",
				"行政处罚事项的设定依据《%s》是%s", r.LawRef.Name(), r.LawRef.Level)
		}
	}
	if !hasArticle {
		c.warn(src, "basis", "basis-missing", "用 [[basis]] 写出法律依据,包括 law 和 article(如 \"第四十条\")", "没有写明具体条款的法律依据")
	} else {
		uc.WithBasis++
	}
	if p.TimeLimit.StatutoryDays == 0 && p.TimeLimit.PromisedDays == 0 && p.TimeLimit.Note == "" {
		c.warn(src, "time_limit", "time-limit-missing", "在 [time_limit] 中填写 statutory_days(法定时限)和 promised_days(承诺时限)", "没有办理时限")
	} else {
		uc.WithTimeLimit++
	}
	if p.Fee == nil {
		c.warn(src, "", "fee-missing", "用 [fee] 写明是否收费;不收费写 charged = false", "没有收费说明")
	} else {
		uc.WithFee++
	}
	if p.FlowRef == nil {
		c.warn(src, "", "flow-missing", "用 flow = \"流程编号\" 引用本单位 flows/ 中的流程", "没有权力运行流程图")
	} else {
		uc.WithFlow++
	}
	risks := len(p.Risks)
	for i, r := range p.Risks {
		if len(r.Measures) == 0 {
			c.warn(src, idx("risks", i), "measure-missing", "用 measures = [\"…\"] 写出至少一条防控措施", "风险点 %q 没有防控措施", r.Description)
		}
	}
	if p.FlowRef != nil {
		for _, s := range p.FlowRef.Effective() {
			risks += len(s.Risks)
		}
	}
	if risks == 0 {
		c.warn(src, "", "risk-missing", "用 [[risks]] 标出廉政风险点、等级和防控措施", "没有廉政风险点")
	} else {
		uc.WithRisks++
	}
	if len(p.Responsibilities) == 0 {
		c.warn(src, "", "responsibility-missing", "用 [[responsibilities]] 写出各环节的责任事项", "没有责任事项")
	}
	if len(p.Accountabilities) == 0 {
		c.warn(src, "", "accountability-missing", "用 [[accountabilities]] 写出追责情形及依据", "没有追责情形")
	}
	if p.Category == "CF" {
		uc.Penalties++
		if p.BenchmarkRef == nil {
			c.warn(src, "", "benchmark-missing", "用 benchmark = \"基准编号\" 引用本单位或上级单位(\"单位/基准\")的裁量基准", "行政处罚事项没有裁量基准")
		} else {
			uc.PenaltiesWithBenchmark++
		}
	}
	if p.Reviewed.Year() < year {
		c.warn(src, "reviewed", "not-reviewed", fmt.Sprintf("按年度动态管理,请在 %d 年内复核本事项并更新 reviewed 日期", year),
			"本事项最近审核于 %s,未在 %d 年度复核", p.Reviewed, year)
	} else {
		uc.ReviewedThisYear++
	}
}

func (c *checker) benchmark(b *model.Benchmark, minTiers int) {
	for i, v := range b.Violations {
		p := idx("violations", i)
		if b.Style != "factor" && len(v.Tiers) < minTiers {
			c.warn(b.Src, p, "benchmark-tiers", fmt.Sprintf("每个违法行为至少细化为 %d 个裁量阶次", minTiers),
				"违法行为 %q 只有 %d 个裁量阶次", v.Name, len(v.Tiers))
		}
		for j, r := range v.PenaltyBasis {
			if r.LawRef != nil && r.LawRef.Status == "已废止" {
				c.warn(b.Src, idx(p+".penalty_basis", j)+".law", "repealed-law", "核对现行有效的处罚依据并更新", "处罚依据《%s》已废止", r.LawRef.Name())
			}
		}
	}
}

// Coverage is the disclosure completeness of every unit.
type Coverage struct {
	Year  int
	Units []*UnitCoverage
}

// UnitCoverage is one unit's completeness.
type UnitCoverage struct {
	Unit                   *model.Unit
	Profile, Contact       bool
	RiskCatalogue          bool
	Reviewed               bool
	Powers                 int // items in force (取消 items are not counted)
	WithBasis              int
	WithTimeLimit          int
	WithFee                int
	WithFlow               int
	WithRisks              int
	ReviewedThisYear       int
	Penalties              int
	PenaltiesWithBenchmark int
	Score                  int      // 0–100
	Missing                []string // what is missing, in words
}

func pct(n, of int) float64 {
	if of == 0 {
		return 1
	}
	return float64(n) / float64(of)
}

func (uc *UnitCoverage) finish() {
	parts := []struct {
		ok   float64
		what string
	}{
		{b2f(uc.Profile), "单位概况或联系方式不完整"},
		{b2f(uc.Contact), "未公开监督电话"},
		{b2f(uc.Powers > 0), "未公开权责清单"},
		{pct(uc.WithFlow, uc.Powers), "部分事项缺少流程图"},
		{pct(uc.PenaltiesWithBenchmark, uc.Penalties), "部分行政处罚事项缺少裁量基准"},
		{pct(uc.WithRisks, uc.Powers), "部分事项缺少廉政风险点"},
		{b2f(uc.RiskCatalogue), "缺少本年度廉政风险防控目录"},
		{pct(uc.ReviewedThisYear, uc.Powers), "部分事项本年度未复核"},
	}
	total := 0.0
	for _, p := range parts {
		total += p.ok
		if p.ok < 1 {
			uc.Missing = append(uc.Missing, p.what)
		}
	}
	uc.Score = int(total / float64(len(parts)) * 100)
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// Sorted returns the units ordered from least to most complete.
func (c *Coverage) Sorted() []*UnitCoverage {
	out := append([]*UnitCoverage(nil), c.Units...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score < out[j].Score })
	return out
}
