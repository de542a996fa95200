package bench

import (
	"cmp"
	"math"
	"strings"

	"sunlight/internal/diag"
	"sunlight/internal/fine"
	"sunlight/internal/model"
)

// lighterKinds are the tier kinds that may go below the statutory minimum
// (行政处罚法 第三十二条, 第三十三条) and are left out of gap and overlap checks.
var lighterKinds = map[string]bool{"不予处罚": true, "免予处罚": true, "减轻处罚": true}

func lighter(t *model.Tier) bool {
	return lighterKinds[t.Kind] || strings.Contains(t.Label, "减轻") || strings.Contains(t.Label, "不予") || strings.Contains(t.Label, "免予")
}

// where is the key path of a tier's penalty for diagnostics: the
// standard text, or the author's penalty entry.
func where(ti *TierInfo, i, j int) string {
	if ti.Overridden {
		return tpath(i, j) + ".penalties"
	}
	return tpath(i, j) + ".standard"
}

// candidates are the statutory ranges a tier penalty q must lie in: same
// type and unit, compatible target, and the same base when both name one.
func candidates(stat []fine.Penalty, q fine.Penalty) []fine.Penalty {
	var out []fine.Penalty
	for _, s := range stat {
		if !s.HasRange() {
			continue
		}
		s = asTimes(s)
		if s.Type != q.Type || s.Unit != q.Unit ||
			(s.Base != "" && q.Base != "" && s.Base != q.Base) ||
			(s.Target != "" && q.Target != "" && s.Target != q.Target) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// checkStatute reports the ranged penalties of tier j that lie outside
// every statutory range they could fall under.
func (an *analyzer) checkStatute(b *model.Benchmark, i, j int, ti *TierInfo, vi *ViolationInfo) {
	t := ti.Tier
	for _, p := range ti.Penalties {
		if !p.HasRange() {
			continue
		}
		q := asTimes(p)
		cs := candidates(vi.Statutory, q)
		if len(cs) == 0 {
			continue
		}
		qlo, qhi := q.Bounds()
		lo, hi := math.Inf(1), math.Inf(-1)
		ok := false
		for _, c := range cs {
			clo, chi := c.Bounds()
			lo, hi = math.Min(lo, clo), math.Max(hi, chi)
			if (clo <= qlo || lighter(t)) && qhi <= chi {
				ok = true
			}
		}
		if ok {
			continue
		}
		var descs []string
		for _, c := range cs {
			descs = append(descs, describe(c))
		}
		hint := "法定幅度:" + strings.Join(descs, ";") + "(" + vi.Source + ")"
		what := whatOf(q)
		switch {
		case qhi > hi && q.Max == nil:
			an.add(diag.Error, b.Src, where(ti, i, j), CodeBeyondStatute, hint,
				"裁量阶次 “%s” 的%s未写上限(%s),法定最高额为 %s", t.Label, what, rangeText(q), fine.FormatValue(hi, q.Unit))
		case qhi > hi:
			an.add(diag.Error, b.Src, where(ti, i, j), CodeBeyondStatute, hint,
				"裁量阶次 “%s” 的%s上限 %s 超过法定最高额 %s", t.Label, what, fine.FormatValue(qhi, q.Unit), fine.FormatValue(hi, q.Unit))
		case qlo < lo && !lighter(t):
			hint += ";减轻处罚可以低于法定最低额,如属减轻处罚请写 kind = \"减轻处罚\""
			if q.Min == nil {
				an.add(diag.Error, b.Src, where(ti, i, j), CodeBeyondStatute, hint,
					"裁量阶次 “%s” 的%s未写下限(%s),法定最低额为 %s", t.Label, what, rangeText(q), fine.FormatValue(lo, q.Unit))
			} else {
				an.add(diag.Error, b.Src, where(ti, i, j), CodeBeyondStatute, hint,
					"裁量阶次 “%s” 的%s下限 %s 低于法定最低额 %s", t.Label, what, fine.FormatValue(qlo, q.Unit), fine.FormatValue(lo, q.Unit))
			}
		default:
			an.add(diag.Error, b.Src, where(ti, i, j), CodeBeyondStatute, hint,
				"裁量阶次 “%s” 的%s(%s)不在法定幅度内", t.Label, what, rangeText(q))
		}
	}
}

// rangeKey identifies penalties whose ranges adjacent tiers should order:
// same type, target, unit and base.
type rangeKey struct{ typ, target, unit, base string }

func keyOf(p fine.Penalty) rangeKey { return rangeKey{p.Type, p.Target, p.Unit, p.Base} }

// checkAdjacent orders the tiers of violation i and, where the statute
// gives one range, looks for gaps and overlaps between adjacent tiers.
// Each kind of range (type, target, unit, base) is followed on its own
// through the tiers that state exactly one range of that kind; a tier
// that states two (a conditional second fine) ends the sequence.
func (an *analyzer) checkAdjacent(b *model.Benchmark, i int, infos []*TierInfo, vi *ViolationInfo) {
	type last struct {
		j int
		p fine.Penalty
	}
	prev := map[rangeKey]*last{}
	for j, ti := range infos {
		if !ti.Known() {
			clear(prev) // an unread clause may hold a range of any kind
			continue
		}
		count := map[rangeKey]int{}
		for _, p := range ti.Penalties {
			if p.HasRange() {
				count[keyOf(asTimes(p))]++
			}
		}
		for _, p := range ti.Penalties {
			if !p.HasRange() {
				continue
			}
			q := asTimes(p)
			k := keyOf(q)
			if count[k] != 1 {
				delete(prev, k)
				continue
			}
			if l := prev[k]; l != nil {
				an.pair(b, i, l.j, j, infos, l.p, q, vi)
			}
			prev[k] = &last{j, q}
		}
	}
}

// pair checks tier j against the previous tier pj that states a range of
// the same kind.
func (an *analyzer) pair(b *model.Benchmark, i, pj, j int, infos []*TierInfo, a, q fine.Penalty, vi *ViolationInfo) {
	ta, tq := infos[pj].Tier, infos[j].Tier
	what := whatOf(q)
	if lighterRange(q, a) {
		an.add(diag.Error, b.Src, where(infos[j], i, j), CodeOrder,
			"裁量阶次应按处罚幅度从轻到重排列;请调整阶次顺序或核对金额",
			"裁量阶次 “%s” 的%s(%s)轻于上一阶次 “%s”(%s)", tq.Label, what, rangeText(q), ta.Label, rangeText(a))
		return
	}
	if !vi.Known || len(candidates(vi.Statutory, q)) != 1 || lighter(ta) || lighter(tq) {
		return
	}
	tol := 0.0
	if q.Unit == fine.UnitYuan || q.Unit == fine.UnitDay {
		tol = 1 // whole 元 and days: 一千元以下 and 一千零一元以上 touch
	}
	if lo, hi, ok := fine.Gap(a, q); ok && hi-lo > tol {
		an.add(diag.Warning, b.Src, where(infos[j], i, j), CodeGap,
			"相邻阶次的幅度应首尾相接,如“一万元以上三万元以下”与“三万元以上七万元以下”",
			"裁量阶次 “%s” 与 “%s” 之间的%s幅度有空档:高于 %s、低于 %s 的%s不属于任何阶次",
			ta.Label, tq.Label, what, fine.FormatValue(lo, q.Unit), fine.FormatValue(hi, q.Unit), what)
		return
	}
	if lo, hi, ok := fine.Overlap(a, q); ok && hi > lo {
		an.add(diag.Warning, b.Src, where(infos[j], i, j), CodeOverlap,
			"相邻阶次只应在端点处相接;请核对金额,避免同一情节可以适用两个阶次",
			"裁量阶次 “%s” 与 “%s” 的%s幅度重叠:%s至%s同时属于两个阶次",
			ta.Label, tq.Label, what, fine.FormatValue(lo, q.Unit), fine.FormatValue(hi, q.Unit))
	}
}

// lighterRange reports whether q is lighter than a: neither end higher
// and one end lower. Lower ends are compared only when both are stated: a
// range without a minimum ("工程造价百分之十以下", as a statute's second
// branch is often quoted) is not lighter than one with the same maximum.
func lighterRange(q, a fine.Penalty) bool {
	lo := 0
	if q.Min != nil && a.Min != nil {
		lo = cmp.Compare(*q.Min, *a.Min)
	}
	_, qhi := q.Bounds()
	_, ahi := a.Bounds()
	hi := cmp.Compare(qhi, ahi)
	return lo <= 0 && hi <= 0 && (lo < 0 || hi < 0)
}

// whatOf names a penalty's kind for messages: "罚款", "对单位的罚款".
func whatOf(p fine.Penalty) string {
	if p.Target != "" {
		return "对" + p.Target + "的" + p.Type
	}
	return p.Type
}

// rangeText writes a penalty's range the statutory way:
// "1万元以上3万元以下", "1万元以下", "违法所得1倍以上3倍以下", "500元".
func rangeText(p fine.Penalty) string {
	f := func(v float64) string { return fine.FormatValue(v, p.Unit) }
	s := p.Base
	switch {
	case p.Min != nil && p.Max != nil && *p.Min == *p.Max:
		s += f(*p.Min)
	case p.Min != nil && p.Max != nil:
		s += f(*p.Min) + "以上" + f(*p.Max) + "以下"
	case p.Min != nil:
		s += f(*p.Min) + "以上"
	case p.Max != nil:
		s += f(*p.Max) + "以下"
	}
	return s
}

// describe writes a penalty with its kind: "对单位罚款1万元以上10万元以下",
// "警告".
func describe(p fine.Penalty) string {
	s := p.Type
	if p.Target != "" {
		s = "对" + p.Target + p.Type
	}
	if p.HasRange() {
		s += rangeText(p)
	}
	return s
}
