package importer

import (
	"fmt"
	"strings"

	"sunlight/internal/model"
)

// violationEntry is one 违法行为 gathered from its tier rows.
type violationEntry struct {
	t         *table
	rows      []int
	v         model.Violation
	name      string
	basisCell string
	nos       []string
	remarks   []string
	seen      map[string]bool
}

func (e *violationEntry) once(key string) bool {
	if e.seen[key] {
		return false
	}
	e.seen[key] = true
	return true
}

var benchGroup = []string{"no", "name", "violated", "penalty_basis", "statutory"}

func (im *importer) benchmarks(tables []*table) error {
	var entries []*violationEntry
	for _, t := range tables {
		rows := im.rowsOf(t, func(int, string) {})
		fillDown(rows, "name", benchGroup, false)
		var cur *violationEntry
		for _, r := range rows {
			name, pb := r.get("name"), r.get("penalty_basis")
			if cur == nil || name != cur.name || pb != "" && pb != cur.basisCell {
				cur = &violationEntry{t: t, name: name, basisCell: pb, seen: map[string]bool{}}
				entries = append(entries, cur)
			}
			cur.rows = append(cur.rows, r.num)
			im.violationRow(cur, r)
		}
	}
	var violations []model.Violation
	has := map[string]bool{}
	for _, t := range tables {
		for f := range t.byField {
			has[f] = true
		}
	}
	for _, e := range entries {
		sheet, row := e.t.s.name, e.rows[0]
		v := &e.v
		v.Name = e.name
		switch {
		case v.Name == "":
			im.problem(sheet, row, true, "缺少违法行为名称(%d 行)", len(e.rows))
			continue
		case len(v.PenaltyBasis) == 0:
			im.problem(sheet, row, true, "违法行为 %q 没有可导入的处罚依据(%d 行)", clip(v.Name), len(e.rows))
			continue
		}
		v.No = commonNo(e.nos)
		v.Remarks = strings.Join(e.remarks, "\n")
		violations = append(violations, *v)
		im.res.Rows += len(e.rows)
	}
	if len(violations) == 0 {
		im.problem(tables[0].s.name, 0, true, "没有可导入的违法行为")
		return nil
	}
	title := im.opt.Title
	if title == "" {
		title = tables[0].title
	}
	if title == "" {
		title = im.unit.DisplayName() + "行政处罚裁量基准"
	}
	rel := "units/" + im.opt.Unit + "/benchmarks/" + im.opt.ID + ".toml"
	old, err := im.readFile(rel)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	var oldB *model.Benchmark
	if old != nil {
		v, err := parseContent(rel, old)
		if err != nil {
			return err
		}
		oldB = v.(*model.Benchmark)
	}
	sp := benchmarkSpec(has)
	date := im.date
	issuer := im.unit.Name
	src := &model.Benchmark{Violations: violations}
	im.plans = append(im.plans, &plan{path: rel, old: old, build: func() ([]byte, []byte, error) {
		comments := leadingComments(string(old))
		rend := func(v any) []byte { return render(v, comments, "") }
		merged := &model.Benchmark{Title: title, Issuer: issuer, Effective: date, Published: date, Reviewed: date}
		var oldCanon []byte
		if oldB != nil {
			merged = cloneValue(reflectOf(oldB)).Interface().(*model.Benchmark)
			oldCanon = rend(oldB)
		}
		merge(merged, src, sp, rel+": ", &im.rep)
		nb, err := normalize(rel, rend, merged)
		return nb, oldCanon, err
	}})
	return nil
}

func (im *importer) violationRow(e *violationEntry, r row) {
	sheet := r.t.s.name
	problem := func(skipped bool, format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		if e.once("problem\x00" + msg) {
			im.problem(sheet, r.num, skipped, "%s", msg)
		}
	}
	v := &e.v
	if no := r.get("no"); no != "" {
		e.nos = append(e.nos, no)
	}
	first(&v.Statutory, r.get("statutory"))
	if rm := r.get("remarks"); rm != "" && e.once("remark\x00"+rm) {
		e.remarks = append(e.remarks, rm)
	}
	for _, b := range []struct {
		field, role string
		require     bool
		dst         *[]model.LegalRef
	}{{"penalty_basis", "处罚依据", true, &v.PenaltyBasis}, {"violated", "违反条款", false, &v.Violated}} {
		cell := r.get(b.field)
		if cell == "" {
			continue
		}
		res := im.refs(cell, b.role, b.require)
		for _, msg := range res.problems {
			problem(false, "%s", msg)
		}
		for _, ref := range res.refs {
			if e.once(b.field + "\x00" + refKey(ref)) {
				*b.dst = append(*b.dst, ref)
			}
		}
	}
	label, cond, std := r.get("tier"), r.get("conditions"), r.get("standard")
	if label == "" && cond == "" && std == "" {
		return
	}
	if label == "" && std == "" && len(v.Tiers) > 0 {
		// conditions continued on a row of their own
		last := &v.Tiers[len(v.Tiers)-1]
		for _, c := range splitList(cond) {
			if e.once("cond\x00" + last.Label + "\x00" + c) {
				last.Conditions = append(last.Conditions, c)
			}
		}
		return
	}
	if label == "" {
		label = "阶次" + itoa(len(v.Tiers)+1)
	}
	tier := model.Tier{Label: tierLabel(label), Conditions: splitList(cond), Standard: std}
	if k := r.get("kind"); k != "" {
		if model.In(k, model.TierKinds()) {
			tier.Kind = k
		} else {
			problem(false, "阶次类型 %q 无法识别,未导入;可用: %s", k, strings.Join(model.TierKinds(), "、"))
		}
	} else {
		tier.Kind = tierKind(label)
	}
	switch {
	case std == "":
		problem(true, "阶次 %q 缺少裁量标准", tier.Label)
		return
	case len(tier.Conditions) == 0:
		problem(true, "阶次 %q 缺少适用条件(裁量情节)", tier.Label)
		return
	}
	if e.once("tier\x00" + tier.Label + "\x00" + cond + "\x00" + std) {
		v.Tiers = append(v.Tiers, tier)
	}
}

// commonNo is a violation's number from the numbers of its rows: the
// shared number, or the shared part before the last "-" when each tier row
// is numbered (3-1, 3-2), or the first.
func commonNo(nos []string) string {
	if len(nos) == 0 {
		return ""
	}
	same := true
	for _, n := range nos {
		if n != nos[0] {
			same = false
		}
	}
	if same {
		return nos[0]
	}
	i := strings.LastIndex(nos[0], "-")
	if i > 0 {
		prefix := nos[0][:i+1]
		ok := true
		for _, n := range nos {
			if !strings.HasPrefix(n, prefix) {
				ok = false
			}
		}
		if ok {
			return nos[0][:i]
		}
	}
	return nos[0]
}

// benchmarkSpec says which keys of a benchmark file the sheet owns: the
// violations (matched by name; ones the sheet no longer has are kept and
// reported) and, in each, the fields it has columns for and its tiers
// (matched by label; a tier's penalties and other hand-added keys stay).
func benchmarkSpec(has map[string]bool) *spec {
	tier := newSpec("label", "conditions", "standard")
	if has["kind"] {
		tier.own["kind"] = true
	} else {
		tier.set["kind"] = true
	}
	vio := newSpec("name")
	for _, k := range []string{"no", "statutory", "remarks"} {
		if has[k] {
			vio.own[k] = true
		}
	}
	ref := newSpec("law", "article", "role")
	ref.set["quote"] = true
	refList := &listSpec{elem: ref, key: func(v any) string { return refKey(v.(model.LegalRef)) },
		name: func(v any) string { r := v.(model.LegalRef); return "依据 " + r.Law + " " + r.Article }}
	vio.lists["penalty_basis"] = refList
	if has["violated"] {
		vio.lists["violated"] = refList
	}
	vio.lists["tiers"] = &listSpec{elem: tier, key: func(v any) string { return v.(model.Tier).Label },
		name: func(v any) string { return "阶次 " + quoted(v.(model.Tier).Label) }}
	sp := newSpec()
	sp.lists["violations"] = &listSpec{elem: vio, keep: true, key: func(v any) string { return v.(model.Violation).Name },
		name: func(v any) string { return "违法行为 " + quoted(clip(v.(model.Violation).Name)) }}
	return sp
}
