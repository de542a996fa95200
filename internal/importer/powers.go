package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"sunlight/internal/load"
	"sunlight/internal/model"
)

// fillDown copies blank cells of the group fields from the row above,
// for every row (always) or only for rows whose key cell is blank: a CSV
// export leaves merged cells empty below their first row.
func fillDown(rows []row, key string, group []string, always bool) {
	for i := 1; i < len(rows); i++ {
		r, prev := rows[i], rows[i-1]
		if !always && r.get(key) != "" {
			continue
		}
		for _, f := range group {
			c, ok := r.t.byField[f]
			if !ok || r.get(f) != "" || prev.get(f) == "" {
				continue
			}
			for len(rows[i].cells) <= c {
				rows[i].cells = append(rows[i].cells, "")
			}
			rows[i].cells[c] = prev.get(f)
		}
	}
}

// powerEntry is one power item gathered from one or more rows.
type powerEntry struct {
	t       *table
	rows    []int
	p       model.Power
	code    string // code cell as written
	name    string
	sub     string
	heading string // category from the section heading above
	seen    map[string]bool
}

func (e *powerEntry) once(key string) bool {
	if e.seen[key] {
		return false
	}
	e.seen[key] = true
	return true
}

var powerGroup = []string{"name", "category", "subject", "office", "level", "mode", "status", "service_object",
	"basis:设定依据", "basis:实施依据", "basis", "conditions", "materials", "accountabilities", "statutory_days", "promised_days", "fee"}

var stepPrefix = regexp.MustCompile(`^(\S{1,8}?)(阶段)?责任\s*[:：]\s*(.+)$`)

func (im *importer) powers(tables []*table) error {
	var entries []*powerEntry
	for _, t := range tables {
		rows := im.rowsOf(t, func(int, string) {})
		headingAt := im.headings(t)
		fillDown(rows, "name", powerGroup, false)
		var cur *powerEntry
		for _, r := range rows {
			code, name, sub := r.get("code"), r.get("name"), r.get("sub_name")
			cont := cur != nil && name == cur.name && (code == "" || code == cur.code) && (sub == "" || sub == cur.sub)
			if !cont {
				cur = &powerEntry{t: t, code: code, name: name, sub: sub, heading: headingAt(r.index), seen: map[string]bool{}}
				entries = append(entries, cur)
			}
			cur.rows = append(cur.rows, r.num)
			im.powerRow(cur, r)
		}
	}
	existing, err := im.existingPowers()
	if err != nil {
		return err
	}
	return im.planPowers(entries, existing)
}

// headings returns, for a grid row, the category named by the last
// section heading above it.
func (im *importer) headings(t *table) func(index int) string {
	type h struct {
		index int
		code  string
	}
	var hs []h
	for r := t.first; r < len(t.s.cells); r++ {
		if k, text := t.classify(r, false); k == rowHeading {
			if c := categoryIn(text); c != "" {
				hs = append(hs, h{r, c})
			}
		}
	}
	return func(index int) string {
		code := ""
		for _, x := range hs {
			if x.index < index {
				code = x.code
			}
		}
		return code
	}
}

func first(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

func (im *importer) powerRow(e *powerEntry, r row) {
	sheet := r.t.s.name
	problem := func(skipped bool, format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		if e.once("problem\x00" + msg) {
			im.problem(sheet, r.num, skipped, "%s", msg)
		}
	}
	p := &e.p
	first(&p.Code, r.get("code"))
	first(&p.Name, r.get("name"))
	first(&p.SubName, r.get("sub_name"))
	first(&p.Subject, r.get("subject"))
	first(&p.Office, r.get("office"))
	first(&p.Level, r.get("level"))
	first(&p.ServiceObject, r.get("service_object"))
	if v := r.get("category"); v != "" && p.Category == "" {
		if c, ok := normCategory(v); ok {
			p.Category = c
		} else {
			problem(false, "事项类型 %q 无法识别;可用: %s", v, strings.Join(model.CategoryNames(), "、"))
		}
	}
	if v := r.get("mode"); v != "" && p.Mode == "" {
		if m, ok := normMode(v); ok {
			p.Mode = m
		} else {
			problem(false, "行使方式 %q 无法识别,未导入;可用: %s", v, strings.Join(model.ExerciseModes(), "、"))
		}
	}
	if v := r.get("status"); v != "" && p.Status == "" {
		if s, ok := normStatus(v); ok {
			p.Status = s
		} else {
			problem(false, "状态 %q 无法识别,未导入;可用: %s", v, strings.Join(model.PowerStatuses(), "、"))
		}
	}
	for _, b := range []struct{ field, role string }{{"basis:设定依据", "设定依据"}, {"basis:实施依据", "实施依据"}, {"basis", ""}} {
		cell := r.get(b.field)
		if cell == "" {
			continue
		}
		res := im.refs(cell, b.role, false)
		for _, msg := range res.problems {
			problem(false, "%s", msg)
		}
		for _, ref := range res.refs {
			if e.once("basis\x00" + refKey(ref)) {
				p.Basis = append(p.Basis, ref)
			}
		}
	}
	for _, c := range splitList(r.get("conditions")) {
		if e.once("cond\x00" + c) {
			p.Conditions = append(p.Conditions, c)
		}
	}
	for _, c := range splitList(r.get("materials")) {
		if e.once("mat\x00" + c) {
			p.Materials = append(p.Materials, c)
		}
	}
	for _, c := range splitList(r.get("accountabilities")) {
		if e.once("acc\x00" + c) {
			p.Accountabilities = append(p.Accountabilities, model.Accountability{Situation: c})
		}
	}
	step := r.get("step")
	for _, c := range splitList(r.get("responsibilities")) {
		// "受理责任：…" names its step; otherwise the row's 环节 (the
		// first row's, when the cell is merged over several)
		resp := model.Responsibility{Step: step, Content: c}
		if m := stepPrefix.FindStringSubmatch(c); m != nil {
			resp = model.Responsibility{Step: m[1], Content: m[3]}
		}
		if e.once("resp\x00" + resp.Content) {
			p.Responsibilities = append(p.Responsibilities, resp)
		}
	}
	im.timeLimit(e, r, problem)
	if v := r.get("fee"); v != "" && p.Fee == nil {
		p.Fee = &model.Fee{Charged: !noFee(v), Standard: v}
	}
	risk, man := r.get("risk"), r.get("manifestation")
	if risk == "" && man == "" && r.get("risk_level") == "" && len(p.Risks) > 0 {
		// measures continued on a row of their own
		last := &p.Risks[len(p.Risks)-1]
		for _, m := range splitList(r.get("measures")) {
			if e.once("measure\x00" + last.Step + "\x00" + last.Description + "\x00" + m) {
				last.Measures = append(last.Measures, m)
			}
		}
	}
	if risk != "" || man != "" {
		desc := risk
		switch {
		case desc == "":
			desc = man
		case man != "" && man != risk:
			desc = risk + "：" + man
		}
		rp := model.RiskPoint{Step: step, Description: desc, Measures: splitList(r.get("measures")), Owner: r.get("owner")}
		lv, ok := model.NormalizeRiskLevel(r.get("risk_level"))
		cat, catOK := normRiskCategory(r.get("risk_category"))
		switch {
		case r.get("risk_level") == "":
			problem(true, "风险点 %q 缺少风险等级", clip(desc))
		case !ok:
			problem(true, "风险等级 %q 无法识别(写 高、中、低,或 一级/二级/三级、★★★/★★/★)", r.get("risk_level"))
		default:
			rp.Level = lv
			if !catOK {
				problem(false, "风险类别 %q 无法识别,未导入;可用: %s", r.get("risk_category"), strings.Join(model.RiskCategories(), "、"))
			}
			rp.Category = cat
			if e.once("risk\x00" + rp.Step + "\x00" + rp.Description) {
				p.Risks = append(p.Risks, rp)
			}
		}
	}
}

func (im *importer) timeLimit(e *powerEntry, r row, problem func(bool, string, ...any)) {
	tl := &e.p.TimeLimit
	st, pr := r.get("statutory_days"), r.get("promised_days")
	if st == "" && pr == "" || tl.StatutoryDays != 0 || tl.PromisedDays != 0 || tl.Note != "" {
		return // the first row with a time limit gives it
	}
	var notes []string
	if i := strings.Index(st, "承诺"); i > 0 && pr == "" {
		st, pr = st[:i], st[i:] // 法定20个工作日，承诺10个工作日
	}
	for _, x := range []struct {
		cell string
		days *int
	}{{st, &tl.StatutoryDays}, {pr, &tl.PromisedDays}} {
		if x.cell == "" {
			continue
		}
		n, unit, exact, ok := parseDays(x.cell)
		if ok {
			*x.days = n
			if tl.Unit == "" {
				tl.Unit = unit
			}
		}
		if !exact {
			notes = append(notes, x.cell)
		}
	}
	tl.Note = strings.Join(notes, "")
	if tl.StatutoryDays > 0 && tl.PromisedDays > tl.StatutoryDays {
		problem(false, "承诺时限 %d 天超过法定时限 %d 天,承诺时限未导入", tl.PromisedDays, tl.StatutoryDays)
		tl.PromisedDays = 0
	}
}

func refKey(r model.LegalRef) string { return r.Law + "|" + r.Article + "|" + r.Role }

// existingPower is a power file already in the unit's folder.
type existingPower struct {
	path  string
	bytes []byte
	p     *model.Power
}

type powerIndex struct {
	byCode map[string]*existingPower
	byName map[string]*existingPower
	codes  map[string]bool
}

func (im *importer) existingPowers() (*powerIndex, error) {
	ix := &powerIndex{byCode: map[string]*existingPower{}, byName: map[string]*existingPower{}, codes: map[string]bool{}}
	dir := filepath.Join(im.opt.Content, "units", im.opt.Unit, "powers")
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		return nil, fmt.Errorf("import: %w", err)
	}
	for _, de := range entries {
		if de.IsDir() || !strings.HasSuffix(de.Name(), ".md") || strings.HasPrefix(de.Name(), ".") {
			continue
		}
		rel := "units/" + im.opt.Unit + "/powers/" + de.Name()
		b, err := os.ReadFile(filepath.Join(dir, de.Name()))
		if err != nil {
			return nil, fmt.Errorf("import: %w", err)
		}
		v, err := parseContent(rel, b)
		if err != nil {
			return nil, err
		}
		ep := &existingPower{path: rel, bytes: b, p: v.(*model.Power)}
		ix.byCode[ep.p.Code] = ep
		ix.codes[ep.p.Code] = true
		if _, dup := ix.byName[nameKey(ep.p.Name, ep.p.SubName)]; !dup {
			ix.byName[nameKey(ep.p.Name, ep.p.SubName)] = ep
		}
	}
	return ix, nil
}

func nameKey(name, sub string) string { return name + "\x00" + sub }

func (im *importer) planPowers(entries []*powerEntry, ix *powerIndex) error {
	date := im.date
	targets := map[string]*powerEntry{}
	names := map[string]*powerEntry{}
	next := map[string]int{} // generated code counters by prefix
	for _, e := range entries {
		p := &e.p
		sheet, row := e.t.s.name, e.rows[0]
		skip := func(format string, args ...any) {
			im.problem(sheet, row, true, format, args...)
		}
		if p.Category == "" {
			p.Category = e.heading
		}
		switch {
		case p.Name == "":
			skip("缺少事项名称")
			continue
		case p.Category == "":
			skip("事项 %q 缺少事项类型(没有类型列,上方也没有写明类别的分组标题)", clip(p.Name))
			continue
		case p.Code != "" && !load.ValidCode(p.Code):
			skip("事项编码 %q 含有不允许的字符(只能用字母、数字、汉字和 - _ .)", p.Code)
			continue
		}
		if other := names[nameKey(p.Name, p.SubName)]; other != nil && (e.code == "" || other.code == "") {
			skip("事项 %q 与第 %d 行的事项重复", clip(p.FullName()), other.rows[0])
			continue
		}
		var ex *existingPower
		if p.Code != "" {
			ex = ix.byCode[p.Code]
		}
		if ex == nil {
			ex = ix.byName[nameKey(p.Name, p.SubName)]
		}
		if p.Office == "" && (ex == nil || ex.p.Office == "") {
			skip("事项 %q 缺少承办机构", clip(p.Name))
			continue
		}
		if p.Code == "" {
			if ex != nil {
				p.Code = ex.p.Code
			} else {
				p.Code = im.newCode(p.Category, ix, next)
			}
		}
		rel := "units/" + im.opt.Unit + "/powers/" + p.Code + ".md"
		if ex != nil {
			rel = ex.path
		}
		if other := targets[rel]; other != nil {
			skip("事项 %q(编码 %s)与第 %d 行的事项重复", clip(p.Name), p.Code, other.rows[0])
			continue
		}
		targets[rel] = e
		names[nameKey(p.Name, p.SubName)] = e
		im.res.Rows += len(e.rows)
		sp := powerSpec(e)
		ex2 := ex
		e2 := e
		pl := &plan{path: rel}
		if ex2 != nil {
			pl.old = ex2.bytes
		}
		pl.build = func() ([]byte, []byte, error) {
			var comments []string
			body := ""
			merged := &model.Power{Published: date, Reviewed: date}
			var oldCanon []byte
			if ex2 != nil {
				front, b := splitPower(ex2.bytes)
				comments, body = leadingComments(front), b
				merged = cloneValue(reflectOf(ex2.p)).Interface().(*model.Power)
			}
			rend := func(v any) []byte { return render(v, comments, body) }
			if ex2 != nil {
				oldCanon = rend(ex2.p)
			}
			merge(merged, &e2.p, sp, rel+": ", &im.rep)
			nb, err := normalize(rel, rend, merged)
			return nb, oldCanon, err
		}
		im.plans = append(im.plans, pl)
	}
	return nil
}

// newCode makes a code for an item the sheet gives none: <unit>-<CAT>-NNN,
// numbered after the highest such code in use.
func (im *importer) newCode(cat string, ix *powerIndex, next map[string]int) string {
	prefix := im.opt.Unit + "-" + cat + "-"
	if _, ok := next[prefix]; !ok {
		n := 0
		var codes []string
		for c := range ix.codes {
			codes = append(codes, c)
		}
		sort.Strings(codes)
		for _, c := range codes {
			if s, ok := strings.CutPrefix(c, prefix); ok {
				if v, err := strconv.Atoi(s); err == nil && v > n {
					n = v
				}
			}
		}
		next[prefix] = n
	}
	next[prefix]++
	return fmt.Sprintf("%s%03d", prefix, next[prefix])
}

// powerSpec says which keys of a power file the entry's sheet owns.
func powerSpec(e *powerEntry) *spec {
	t := e.t
	sp := newSpec("code", "name", "category")
	for _, k := range []struct{ field, key string }{
		{"sub_name", "sub_name"}, {"subject", "subject"}, {"level", "level"}, {"mode", "mode"}, {"status", "status"},
		{"service_object", "service_object"}, {"conditions", "conditions"}, {"materials", "materials"},
	} {
		if t.has(k.field) {
			sp.own[k.key] = true
		}
	}
	if t.has("office") && e.p.Office != "" {
		sp.own["office"] = true
	}
	if e.p.Mode == "" {
		delete(sp.own, "mode") // unreadable or blank: keep the author's
	}
	if e.p.Status == "" {
		delete(sp.own, "status")
	}
	roles := map[string]bool{}
	for _, b := range []struct{ field, role string }{{"basis:设定依据", "设定依据"}, {"basis:实施依据", "实施依据"}, {"basis", ""}} {
		if t.has(b.field) {
			roles[b.role] = true
		}
	}
	if len(roles) > 0 {
		ref := newSpec("law", "article", "role")
		ref.set["quote"] = true
		sp.lists["basis"] = &listSpec{elem: ref, key: func(v any) string { return refKey(v.(model.LegalRef)) },
			owns: func(v any) bool { return roles[v.(model.LegalRef).Role] }}
	}
	if t.has("responsibilities") {
		el := newSpec("content")
		if t.has("step") {
			el.own["step"] = true
		} else {
			el.set["step"] = true
		}
		sp.lists["responsibilities"] = &listSpec{elem: el, key: func(v any) string {
			r := v.(model.Responsibility)
			return r.Step + "\x00" + r.Content
		}}
	}
	if t.has("accountabilities") {
		sp.lists["accountabilities"] = &listSpec{elem: newSpec("situation"), key: func(v any) string {
			return v.(model.Accountability).Situation
		}, name: func(v any) string { return "追责情形 " + quoted(clip(v.(model.Accountability).Situation)) }}
	}
	if t.has("risk") || t.has("manifestation") {
		el := newSpec("description", "level", "measures")
		for _, k := range []struct{ field, key string }{{"step", "step"}, {"owner", "owner"}, {"risk_category", "category"}} {
			if t.has(k.field) {
				el.own[k.key] = true
			}
		}
		sp.lists["risks"] = &listSpec{elem: el, key: func(v any) string {
			r := v.(model.RiskPoint)
			return r.Step + "\x00" + r.Description
		}, name: func(v any) string { return "风险点 " + quoted(clip(v.(model.RiskPoint).Description)) }}
	}
	if t.has("statutory_days") || t.has("promised_days") {
		tl := newSpec()
		if t.has("statutory_days") {
			tl.own["statutory_days"] = true
		}
		if t.has("promised_days") || t.has("statutory_days") && e.p.TimeLimit.PromisedDays > 0 {
			tl.own["promised_days"] = true
		}
		tl.set["unit"], tl.set["note"] = true, true
		sp.subs["time_limit"] = tl
	}
	if t.has("fee") {
		sp.subs["fee"] = newSpec("charged", "standard")
	}
	return sp
}
