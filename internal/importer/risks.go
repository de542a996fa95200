package importer

import (
	"fmt"
	"strconv"
	"strings"

	"sunlight/internal/model"
)

// riskGroup are the risk catalogue columns a blank cell inherits from the
// row above (merged 单位/科室, 责任领导 cells exported to CSV).
var riskGroup = []string{"object_type", "object", "object:关键岗位", "object:重点领域", "object:重点对象", "category", "owner", "leader"}

type riskEntry struct {
	t    *table
	rows []int
	it   model.RiskItem
	man  []string
	seen map[string]bool
}

func (e *riskEntry) add(num int, man string, measures []string) {
	e.rows = append(e.rows, num)
	if man != "" && !e.seen["m\x00"+man] {
		e.seen["m\x00"+man] = true
		e.man = append(e.man, man)
	}
	for _, m := range measures {
		if !e.seen["x\x00"+m] {
			e.seen["x\x00"+m] = true
			e.it.Measures = append(e.it.Measures, m)
		}
	}
}

func (im *importer) risks(tables []*table) error {
	var entries []*riskEntry
	has := map[string]bool{}
	for _, t := range tables {
		for f := range t.byField {
			has[f] = true
		}
		rows := im.rowsOf(t, func(int, string) {})
		fillDown(rows, "", riskGroup, true)
		var cur *riskEntry
		for _, r := range rows {
			// a row without its own risk point continues the one above (a
			// 风险点 cell merged over several 表现形式 rows)
			if cur != nil && r.t.has("risk") && r.get("risk") == "" {
				cur.add(r.num, r.get("manifestation"), splitList(r.get("measures")))
				continue
			}
			it, ok := im.riskItem(r)
			if !ok {
				cur = nil
				continue
			}
			if cur != nil && it.Risk == cur.it.Risk && it.Object == cur.it.Object {
				cur.add(r.num, it.Manifestation, it.Measures)
				continue
			}
			cur = &riskEntry{t: t, rows: []int{r.num}, it: it, seen: map[string]bool{}}
			if it.Manifestation != "" {
				cur.man = []string{it.Manifestation}
				cur.seen["m\x00"+it.Manifestation] = true
			}
			for _, m := range it.Measures {
				cur.seen["x\x00"+m] = true
			}
			entries = append(entries, cur)
		}
	}
	var items []model.RiskItem
	for _, e := range entries {
		e.it.Manifestation = strings.Join(e.man, "\n")
		if len(e.it.Measures) == 0 {
			im.problem(e.t.s.name, e.rows[0], true, "风险点 %q 没有防控措施", clip(e.it.Risk))
			continue
		}
		items = append(items, e.it)
		im.res.Rows += len(e.rows)
	}
	if len(items) == 0 {
		im.problem(tables[0].s.name, 0, true, "没有可导入的风险点")
		return nil
	}
	year := im.opt.Year
	title := im.opt.Title
	if title == "" {
		title = tables[0].title
	}
	if title == "" {
		title = im.unit.Name + strconv.Itoa(year) + "年度廉政风险防控目录"
	}
	rel := "units/" + im.opt.Unit + "/risks/" + strconv.Itoa(year) + ".toml"
	old, err := im.readFile(rel)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	var oldC *model.RiskCatalogue
	if old != nil {
		v, err := parseContent(rel, old)
		if err != nil {
			return err
		}
		oldC = v.(*model.RiskCatalogue)
	}
	sp := riskSpec(has)
	date := im.date
	src := &model.RiskCatalogue{Items: items}
	im.plans = append(im.plans, &plan{path: rel, old: old, build: func() ([]byte, []byte, error) {
		comments := leadingComments(string(old))
		rend := func(v any) []byte { return render(v, comments, "") }
		merged := &model.RiskCatalogue{Year: year, Title: title, Published: date, Reviewed: date}
		var oldCanon []byte
		if oldC != nil {
			merged = cloneValue(reflectOf(oldC)).Interface().(*model.RiskCatalogue)
			oldCanon = rend(oldC)
		}
		merge(merged, src, sp, rel+": ", &im.rep)
		nb, err := normalize(rel, rend, merged)
		return nb, oldCanon, err
	}})
	return nil
}

// riskItem reads one row of a risk catalogue; rows it cannot use are
// reported.
func (im *importer) riskItem(r row) (model.RiskItem, bool) {
	sheet := r.t.s.name
	it := model.RiskItem{
		Risk:          r.get("risk"),
		Manifestation: r.get("manifestation"),
		Measures:      splitList(r.get("measures")),
		Owner:         r.get("owner"),
		Leader:        r.get("leader"),
	}
	it.Object = r.get("object")
	objType := ""
	for _, ot := range model.RiskObjectTypes() {
		if v := r.get("object:" + ot); v != "" && it.Object == "" {
			it.Object, objType = v, ot
		}
	}
	if v := r.get("object_type"); v != "" {
		t, ok := normObjectType(v)
		if !ok {
			im.problem(sheet, r.num, true, "防控对象类型 %q 无法识别;可用: %s", v, strings.Join(model.RiskObjectTypes(), "、"))
			return it, false
		}
		objType = t
	}
	if it.Risk == "" && it.Manifestation != "" && !r.t.has("risk") {
		it.Risk = firstLine(it.Manifestation)
	}
	if it.Risk == "" {
		im.problem(sheet, r.num, true, "缺少风险点")
		return it, false
	}
	if it.Object == "" {
		it.Object = it.Risk // a catalogue of areas: the risk point names the area
	}
	if objType == "" {
		objType = "重点领域"
	}
	it.ObjectType = objType
	if c, ok := normRiskCategory(r.get("category")); ok {
		it.Category = c
	} else {
		im.problem(sheet, r.num, false, "风险类别 %q 无法识别,未导入;可用: %s", r.get("category"), strings.Join(model.RiskCategories(), "、"))
	}
	lv := r.get("level")
	n, ok := model.NormalizeRiskLevel(lv)
	switch {
	case lv == "":
		im.problem(sheet, r.num, true, "风险点 %q 缺少风险等级", clip(it.Risk))
		return it, false
	case !ok:
		im.problem(sheet, r.num, true, "风险等级 %q 无法识别(写 高、中、低,或 一级/二级/三级、★★★/★★/★)", lv)
		return it, false
	}
	it.Level = n
	return it, true
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return clip(l)
}

// riskSpec says which keys of a risk catalogue the sheet owns: the items
// (matched by object and risk point; ones the sheet no longer has are kept
// and reported) and, in each, the fields it has columns for.
func riskSpec(has map[string]bool) *spec {
	el := newSpec("object_type", "object", "risk", "level", "measures")
	for _, k := range []struct{ field, key string }{{"manifestation", "manifestation"}, {"category", "category"}, {"owner", "owner"}, {"leader", "leader"}} {
		if has[k.field] {
			el.own[k.key] = true
		}
	}
	sp := newSpec()
	sp.lists["items"] = &listSpec{elem: el, keep: true,
		key: func(v any) string { it := v.(model.RiskItem); return it.Object + "\x00" + it.Risk },
		name: func(v any) string {
			it := v.(model.RiskItem)
			return "风险点 " + quoted(clip(it.Object)+" / "+clip(it.Risk))
		}}
	return sp
}
