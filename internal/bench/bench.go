package bench

import (
	"fmt"
	"math"
	"strings"

	"sunlight/internal/cite"
	"sunlight/internal/diag"
	"sunlight/internal/fine"
	"sunlight/internal/load"
	"sunlight/internal/model"
)

// Rule codes of the diagnostics Analyze reports.
const (
	CodeUnparsed          = "fine-unparsed"       // warning: a tier's standard text has a clause that cannot be read
	CodeOverride          = "penalty-override"    // error: an author's [[…penalties]] entry is invalid
	CodeOrder             = "tier-order"          // error: a tier is lighter than the one before it
	CodeGap               = "tier-gap"            // warning: adjacent tiers leave a hole in the statutory range
	CodeOverlap           = "tier-overlap"        // warning: adjacent tiers overlap by more than their end point
	CodeBeyondStatute     = "tier-beyond-statute" // error: a tier's range is outside the statutory range
	CodeStatutoryUnparsed = "statutory-unparsed"  // warning: a violation's statutory text cannot be fully read
	CodeBasisArticle      = "basis-article"       // warning: a penalty_basis article cannot be read
)

// Analysis is what pages need to show benchmarks as numbers and to compare
// them across units. Maps are keyed by pointers into the site's slices,
// which do not move after loading.
type Analysis struct {
	// Tiers holds the parsed penalties of every tier of every benchmark.
	Tiers map[*model.Tier]*TierInfo
	// Violations holds the statutory range of every violation.
	Violations map[*model.Violation]*ViolationInfo
	// Provisions are all legal provisions applied by at least one
	// benchmark violation, sorted by law title and article number.
	Provisions []*Provision
	// ByBenchmark lists, for every benchmark with violations, the
	// provisions it applies (sorted as Provisions).
	ByBenchmark map[*model.Benchmark][]*Provision
}

// Compared returns the provisions applied by two or more units: the ones
// that get a comparison page.
func (a *Analysis) Compared() []*Provision {
	var out []*Provision
	for _, p := range a.Provisions {
		if p.Units >= 2 {
			out = append(out, p)
		}
	}
	return out
}

// Provision returns the provision with the given slug, or nil.
func (a *Analysis) Provision(slug string) *Provision {
	for _, p := range a.Provisions {
		if p.Slug() == slug {
			return p
		}
	}
	return nil
}

// TierInfo is one tier read as numbers.
//
// FineMin and FineMax summarise the tier's 罚款 in 元 (all targets and
// conditions together): FineMin is the lowest stated minimum and is nil
// when some fine states no minimum ("一万元以下", which reaches down to
// nothing); FineMax is the highest stated maximum and is nil when some
// fine states no maximum ("五千元以上"). Both are nil when the tier states
// no fine in 元. MultMin and MultMax do the same for fines that are a
// multiple of Base (MultUnit 倍, or % when every such fine is in %); they
// are nil when the tier names none, or several different bases.
type TierInfo struct {
	Tier       *model.Tier
	Penalties  []fine.Penalty
	Unparsed   []fine.Span // clauses of Standard that were not read (never when Overridden)
	FineMin    *float64
	FineMax    *float64
	MultMin    *float64
	MultMax    *float64
	MultUnit   string
	Base       string
	Overridden bool // Penalties come from the author's [[…penalties]], not from Standard
	// Measures (责令改正, 限期拆除 …) and Notes (不予行政处罚, 依法予以赔偿 …)
	// are what Standard says besides penalties; empty when Overridden.
	Measures []string
	Notes    []string
}

// Known reports whether the tier's penalties are completely known: the
// author stated them, or the whole standard text was read.
func (t *TierInfo) Known() bool { return t.Overridden || len(t.Unparsed) == 0 }

// HasFine reports whether the tier states a fine in 元.
func (t *TierInfo) HasFine() bool { return t.FineMin != nil || t.FineMax != nil }

// ViolationInfo is the statutory side of one violation.
type ViolationInfo struct {
	// Statutory are the penalties of the statute, read from the
	// violation's statutory text or, when that is empty, from the text
	// of the cited penalty_basis articles in the law registry.
	Statutory []fine.Penalty
	// Source names where Statutory was read: "法定处罚幅度" (the
	// statutory key) or the canonical citation, 《大气污染防治法》第一百一十九条第二款.
	Source string
	// Known is set when the source text was found and read completely;
	// only then are tiers checked against it.
	Known bool
	// Provisions are the provisions the violation applies.
	Provisions []*Provision
}

// Analyze parses every tier of every benchmark in site, applies the rules
// of the package documentation and groups the benchmarks by provision.
// The diagnostics are sorted; loc gives their positions.
func Analyze(site *model.Site, loc *load.Locator) (*Analysis, diag.List) {
	return AnalyzeMemo(site, loc, nil)
}

// AnalyzeMemo is [Analyze] with texts parsed through memo, which may be
// kept across analyses of successive versions of a site.
func AnalyzeMemo(site *model.Site, loc *load.Locator, memo *fine.Memo) (*Analysis, diag.List) {
	if memo == nil {
		memo = &fine.Memo{} // for this analysis: equal texts are parsed once
	}
	memo.Prefill(penaltyTexts(site))
	an := &analyzer{
		site: site,
		loc:  loc,
		memo: memo,
		a: &Analysis{
			Tiers:       map[*model.Tier]*TierInfo{},
			Violations:  map[*model.Violation]*ViolationInfo{},
			ByBenchmark: map[*model.Benchmark][]*Provision{},
		},
		provs: map[string]*Provision{},
	}
	for ui, u := range site.Units {
		for _, b := range u.Benchmarks {
			for i := range b.Violations {
				an.violation(ui, u, b, i)
			}
		}
	}
	an.finishProvisions()
	an.diags.Sort()
	return an.a, an.diags
}

// penaltyTexts are the texts the analysis parses with fine.Parse: each
// violation's statutory range and each tier's standard, unless the tier
// lists its penalties.
func penaltyTexts(site *model.Site) []string {
	var out []string
	for _, u := range site.Units {
		for _, b := range u.Benchmarks {
			for _, v := range b.Violations {
				if strings.TrimSpace(v.Statutory) != "" {
					out = append(out, v.Statutory)
				}
				for _, t := range v.Tiers {
					if len(t.Penalties) == 0 {
						out = append(out, t.Standard)
					}
				}
			}
		}
	}
	return out
}

type analyzer struct {
	site  *model.Site
	loc   *load.Locator
	a     *Analysis
	diags diag.List
	provs map[string]*Provision
	memo  *fine.Memo
}

func (an *analyzer) add(sev diag.Severity, src model.Source, path, code, hint, format string, args ...any) {
	an.diags.Add(diag.Diagnostic{Pos: an.loc.At(src, path), Severity: sev, Code: code, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

func vpath(i int) string       { return fmt.Sprintf("violations[%d]", i) }
func tpath(i, j int) string    { return fmt.Sprintf("violations[%d].tiers[%d]", i, j) }
func ppath(i, j, k int) string { return fmt.Sprintf("violations[%d].tiers[%d].penalties[%d]", i, j, k) }

func (an *analyzer) violation(ui int, u *model.Unit, b *model.Benchmark, i int) {
	v := &b.Violations[i]
	arts := make([][]cite.Article, len(v.PenaltyBasis))
	for k := range v.PenaltyBasis {
		arts[k], _ = an.articles(b, i, k)
	}
	vi := an.statutory(b, i, arts)
	an.a.Violations[v] = vi
	infos := make([]*TierInfo, len(v.Tiers))
	for j := range v.Tiers {
		ti := an.tier(b, i, j)
		fillBase(ti, vi)
		ti.summarise()
		infos[j] = ti
		an.a.Tiers[&v.Tiers[j]] = ti
	}
	if vi.Known {
		for j, ti := range infos {
			an.checkStatute(b, i, j, ti, vi)
		}
	}
	if b.Style != "factor" {
		an.checkAdjacent(b, i, infos, vi)
	}
	an.provisions(ui, u, b, i, arts, infos, vi)
}

// tier reads one tier: the author's penalties if given, else the standard.
func (an *analyzer) tier(b *model.Benchmark, i, j int) *TierInfo {
	t := &b.Violations[i].Tiers[j]
	ti := &TierInfo{Tier: t}
	if len(t.Penalties) > 0 {
		ti.Overridden = true
		for k, mp := range t.Penalties {
			if p, ok := an.override(b, i, j, k, mp); ok {
				ti.Penalties = append(ti.Penalties, p)
			}
		}
		return ti
	}
	r := an.memo.Parse(t.Standard)
	ti.Penalties, ti.Unparsed, ti.Notes = r.Penalties, r.Unparsed, r.Notes
	for _, m := range r.Measures {
		ti.Measures = append(ti.Measures, m.Text)
	}
	for _, s := range r.Unparsed {
		an.add(diag.Warning, b.Src, tpath(i, j)+".standard", CodeUnparsed,
			"改写为“处一万元以上三万元以下的罚款”这样的写法,或用 [[violations.tiers.penalties]] 写明处罚种类和幅度(type、target、min、max、unit)",
			"裁量标准中 “%s” 无法解析为处罚幅度", s.Text)
	}
	return ti
}

// override converts and checks one author-stated penalty. Invalid ones
// are reported and dropped.
func (an *analyzer) override(b *model.Benchmark, i, j, k int, mp model.Penalty) (fine.Penalty, bool) {
	path := ppath(i, j, k)
	bad := func(key, hint, format string, args ...any) (fine.Penalty, bool) {
		an.add(diag.Error, b.Src, path+"."+key, CodeOverride, hint, format, args...)
		return fine.Penalty{}, false
	}
	p := fine.Penalty{Type: mp.Type, Target: mp.Target, Min: mp.Min, Max: mp.Max, Unit: mp.Unit, Base: mp.Base, Text: "(作者填写)"}
	if !fine.IsType(p.Type) {
		return bad("type", "可用的处罚种类:"+strings.Join(penaltyTypes, "、"), "处罚种类 %q 不是《行政处罚法》第九条规定的种类", p.Type)
	}
	switch p.Target {
	case "", fine.TargetUnit, fine.TargetPerson:
	default:
		return bad("target", "target 写 单位 或 个人,对任何人适用时不写", "处罚对象 %q 无法识别", p.Target)
	}
	switch p.Unit {
	case "":
		if p.HasRange() {
			switch p.Type {
			case fine.TypeFine:
				p.Unit = fine.UnitYuan
			case fine.TypeDetention:
				p.Unit = fine.UnitDay
			default:
				return bad("unit", "写明 unit = \"元\"、\"倍\"、\"%\" 或 \"日\"", "处罚幅度缺少单位")
			}
		}
	case fine.UnitYuan, fine.UnitTimes, fine.UnitPercent, fine.UnitDay:
		if !p.HasRange() {
			return bad("unit", "写明 min 或 max,或删去 unit", "写了单位 %q 但没有幅度", p.Unit)
		}
	default:
		return bad("unit", "unit 只能是 \"元\"、\"倍\"、\"%\" 或 \"日\"", "处罚幅度单位 %q 无法识别", p.Unit)
	}
	if p.Base != "" && p.Unit != fine.UnitTimes && p.Unit != fine.UnitPercent {
		return bad("base", "base(计算基数,如 违法所得)只用于 unit = \"倍\" 或 \"%\"", "计算基数 %q 只能与倍数或百分比一起使用", p.Base)
	}
	for _, e := range []struct {
		key string
		v   *float64
	}{{"min", p.Min}, {"max", p.Max}} {
		if e.v != nil && (*e.v < 0 || math.IsNaN(*e.v) || math.IsInf(*e.v, 0)) {
			return bad(e.key, "幅度必须是非负数", "处罚幅度 %s = %v 无效", e.key, *e.v)
		}
	}
	if p.Min != nil && p.Max != nil && *p.Min > *p.Max {
		return bad("min", "min 是下限,max 是上限", "处罚幅度下限 %s 大于上限 %s", fine.FormatValue(*p.Min, p.Unit), fine.FormatValue(*p.Max, p.Unit))
	}
	return p, true
}

var penaltyTypes = []string{
	fine.TypeWarning, fine.TypeCriticism, fine.TypeFine, fine.TypeConfiscate, fine.TypeSeize,
	fine.TypeSuspendCert, fine.TypeDowngrade, fine.TypeRevoke, fine.TypeRestrict, fine.TypeSuspend,
	fine.TypeClose, fine.TypeBan, fine.TypeDetention, fine.TypeOther,
}

// fillBase gives multiples that name no base ("一倍以上三倍以下") the
// base of the statute, when the statute names exactly one.
func fillBase(ti *TierInfo, vi *ViolationInfo) {
	if !vi.Known {
		return
	}
	bases := map[string]bool{}
	for _, s := range vi.Statutory {
		if s.Type == fine.TypeFine && isMultiple(s.Unit) && s.Base != "" {
			bases[s.Base] = true
		}
	}
	if len(bases) != 1 {
		return
	}
	for base := range bases {
		for k := range ti.Penalties {
			p := &ti.Penalties[k]
			if p.Type == fine.TypeFine && isMultiple(p.Unit) && p.Base == "" {
				p.Base = base
			}
		}
	}
}

func isMultiple(unit string) bool { return unit == fine.UnitTimes || unit == fine.UnitPercent }

// summarise fills the Fine* and Mult* fields from Penalties.
func (ti *TierInfo) summarise() {
	var fines, mults []fine.Penalty
	for _, p := range ti.Penalties {
		if p.Type != fine.TypeFine || !p.HasRange() {
			continue
		}
		switch {
		case p.Unit == fine.UnitYuan:
			fines = append(fines, p)
		case isMultiple(p.Unit):
			mults = append(mults, p)
		}
	}
	ti.FineMin, ti.FineMax = span(fines)
	if len(mults) == 0 {
		return
	}
	allPercent := true
	for _, p := range mults {
		if p.Base != mults[0].Base {
			return
		}
		allPercent = allPercent && p.Unit == fine.UnitPercent
	}
	if !allPercent {
		for k := range mults {
			mults[k] = asTimes(mults[k])
		}
	}
	ti.MultMin, ti.MultMax = span(mults)
	ti.MultUnit, ti.Base = mults[0].Unit, mults[0].Base
}

// span is the lowest minimum and highest maximum of ps, nil where one of
// them is open.
func span(ps []fine.Penalty) (lo, hi *float64) {
	if len(ps) == 0 {
		return nil, nil
	}
	openLo, openHi := false, false
	for _, p := range ps {
		if p.Min == nil {
			openLo = true
		} else if lo == nil || *p.Min < *lo {
			lo = ptr(*p.Min)
		}
		if p.Max == nil {
			openHi = true
		} else if hi == nil || *p.Max > *hi {
			hi = ptr(*p.Max)
		}
	}
	if openLo {
		lo = nil
	}
	if openHi {
		hi = nil
	}
	return lo, hi
}

func ptr(v float64) *float64 { return &v }

// asTimes converts a % range to 倍 so that it compares with 倍 ranges.
func asTimes(p fine.Penalty) fine.Penalty {
	if p.Unit != fine.UnitPercent {
		return p
	}
	conv := func(v *float64) *float64 {
		if v == nil {
			return nil
		}
		return ptr(math.Round(*v/100*1e6) / 1e6)
	}
	p.Min, p.Max, p.Unit = conv(p.Min), conv(p.Max), fine.UnitTimes
	return p
}

// statutory finds and reads the statutory range of violation i.
// arts are the articles of each penalty_basis reference (nil where they
// could not be read).
func (an *analyzer) statutory(b *model.Benchmark, i int, arts [][]cite.Article) *ViolationInfo {
	v := &b.Violations[i]
	vi := &ViolationInfo{}
	if strings.TrimSpace(v.Statutory) != "" {
		r := an.memo.Parse(v.Statutory)
		vi.Statutory, vi.Source, vi.Known = r.Penalties, "法定处罚幅度", len(r.Unparsed) == 0
		for _, s := range r.Unparsed {
			an.add(diag.Warning, b.Src, vpath(i)+".statutory", CodeStatutoryUnparsed,
				"按条文原文填写法定处罚幅度(如“处一万元以上十万元以下的罚款”),或删去 statutory 以采用法规库中的条文",
				"法定处罚幅度中 “%s” 无法解析,未检查各阶次是否在法定幅度内", s.Text)
		}
		return vi
	}
	var sources []string
	known := len(v.PenaltyBasis) > 0
	for k, r := range v.PenaltyBasis {
		if len(arts[k]) == 0 || r.LawRef == nil {
			known = false
			continue
		}
		c := cite.Citation{Law: cite.NormalizeLawTitle(r.LawRef.Title), Articles: arts[k]}
		sources = append(sources, c.String())
		for _, a := range arts[k] {
			text, found := articleText(r.LawRef, a)
			if !found {
				known = false
				continue
			}
			res := an.memo.Parse(text)
			if len(res.Unparsed) > 0 {
				known = false
			}
			vi.Statutory = append(vi.Statutory, res.Penalties...)
		}
	}
	vi.Source = strings.Join(sources, "、")
	vi.Known = known
	if !known {
		vi.Statutory = nil
	}
	return vi
}

// articles reads the article of penalty_basis[k] of violation i. It
// accepts an article ("第一百一十九条第一款", "第119条第1款") or a whole
// citation of the same law ("《中华人民共和国大气污染防治法》第一百一十九条第一款").
// Unreadable articles are reported once per reference.
func (an *analyzer) articles(b *model.Benchmark, i, k int) ([]cite.Article, bool) {
	r := b.Violations[i].PenaltyBasis[k]
	if arts, err := cite.ParseArticle(r.Article); err == nil {
		return arts, true
	}
	if cs, bad := cite.ParseCitation(r.Article); len(cs) == 1 && len(bad) == 0 && len(cs[0].Articles) > 0 &&
		(r.LawRef == nil || cs[0].Law == cite.NormalizeLawTitle(r.LawRef.Title)) {
		return cs[0].Articles, true
	}
	if strings.TrimSpace(r.Article) != "" { // the loader reports a missing article
		an.add(diag.Warning, b.Src, fmt.Sprintf("%s.penalty_basis[%d].article", vpath(i), k), CodeBasisArticle,
			"写成“第一百一十九条第一款”或“第119条第1款”",
			"处罚依据条款 “%s” 无法识别,该违法行为不参加跨单位比较,也不按条文检查法定幅度", r.Article)
	}
	return nil, false
}

// articleText returns the text of article a of law: the cited paragraph
// when a names one (paragraphs are the non-empty lines of the text), else
// the whole article. found is false if the law registry lacks it.
func articleText(law *model.Law, a cite.Article) (string, bool) {
	for _, la := range law.Articles {
		arts, err := cite.ParseArticle(la.Number)
		if err != nil || len(arts) != 1 || arts[0].Article != a.Article || arts[0].Sub != a.Sub {
			continue
		}
		var paras []string
		for _, line := range strings.Split(la.Text, "\n") {
			if line = strings.Trim(line, " \t\r\u3000"); line != "" {
				paras = append(paras, stripArticleNumber(line))
			}
		}
		if len(paras) == 0 {
			return "", false
		}
		if a.Paragraph == 0 {
			return strings.Join(paras, "\n"), true
		}
		if a.Paragraph > len(paras) {
			return "", false
		}
		return paras[a.Paragraph-1], true
	}
	return "", false
}

// stripArticleNumber removes a leading "第一百一十九条 " from a paragraph,
// so that Arabic article numbers are not read as amounts.
func stripArticleNumber(s string) string {
	if !strings.HasPrefix(s, "第") {
		return s
	}
	rs := []rune(s)
	for n := 1; n < len(rs) && n <= 16; n++ {
		if rs[n] != '条' {
			continue
		}
		if _, err := cite.ParseArticle(string(rs[:n+1])); err != nil {
			return s
		}
		rest := strings.TrimLeft(string(rs[n+1:]), " \t\u3000")
		if rest == string(rs[n+1:]) {
			return s // no space: "第十条规定…" is part of the sentence
		}
		return rest
	}
	return s
}
