package history

import (
	"strconv"
	"strings"

	"sunlight/internal/fine"
	"sunlight/internal/model"
)

// Title is the display name of an entity read from a content file: a power
// item's full name, a flow's or page's title, a catalogue's title (or
// "2025年度廉政风险防控目录"), a unit's or law's name. It is "" for nil.
func Title(e any) string {
	switch v := e.(type) {
	case *model.Power:
		return v.FullName()
	case *model.Flow:
		return v.Name
	case *model.Benchmark:
		return v.Title
	case *model.RiskCatalogue:
		if v.Title != "" {
			return v.Title
		}
		return strconv.Itoa(v.Year) + "年度廉政风险防控目录"
	case *model.Law:
		return v.Name()
	case *model.Unit:
		return v.Name
	case *model.Page:
		return v.Title
	case *model.Config:
		return v.Title
	}
	return ""
}

// kindLabel names what a content file holds, from its path.
func kindLabel(p string) string {
	parts := strings.Split(p, "/")
	switch {
	case p == "site.toml":
		return "网站配置"
	case parts[0] == "laws":
		return "法规"
	case parts[0] == "pages":
		return "页面"
	case len(parts) == 3 && parts[0] == "units":
		return "单位"
	case len(parts) == 4 && parts[0] == "units":
		switch parts[2] {
		case "powers":
			return "权力事项"
		case "flows":
			return "流程图"
		case "benchmarks":
			return "裁量基准"
		case "risks":
			return "廉政风险防控目录"
		}
	}
	return "文件"
}

// diffEntities lists the changes from a to b (two versions of the same
// file, both non-nil and of the same type). baseline is true when a is
// the previous year's catalogue rather than an earlier version of b.
func diffEntities(laws map[string]string, a, b any, baseline bool) []Change {
	d := &differ{laws: laws}
	switch b := b.(type) {
	case *model.Power:
		if a, ok := a.(*model.Power); ok {
			d.power(a, b)
		}
	case *model.Flow:
		if a, ok := a.(*model.Flow); ok {
			d.flow(a, b)
		}
	case *model.Benchmark:
		if a, ok := a.(*model.Benchmark); ok {
			d.topic = TopicBenchmark
			d.benchmark(a, b)
		}
	case *model.RiskCatalogue:
		if a, ok := a.(*model.RiskCatalogue); ok {
			d.catalogue(a, b, baseline)
		}
	case *model.Law:
		if a, ok := a.(*model.Law); ok {
			d.law(a, b)
		}
	case *model.Unit:
		if a, ok := a.(*model.Unit); ok {
			d.unit(a, b)
		}
	case *model.Page:
		if a, ok := a.(*model.Page); ok {
			d.page(a, b)
		}
	case *model.Config:
		if a, ok := a.(*model.Config); ok {
			d.config(a, b)
		}
	}
	return d.out
}

func categoryName(code string) string {
	if c, ok := model.CategoryByName(code); ok {
		return c.Name
	}
	return code
}

func statusTopic(s string) string {
	switch s {
	case "取消":
		return TopicItemCancelled
	case "暂停":
		return TopicItemSuspended
	case "现行":
		return TopicItemRestored
	}
	return ""
}

func (d *differ) power(a, b *model.Power) {
	d.scalar("事项编码", a.Code, b.Code)
	d.scalar("名称", a.Name, b.Name)
	d.scalar("子项名称", a.SubName, b.SubName)
	d.scalar("事项类型", categoryName(a.Category), categoryName(b.Category))
	d.scalar("实施主体", a.Subject, b.Subject)
	d.scalar("承办机构", a.Office, b.Office)
	d.scalar("行使层级", a.Level, b.Level)
	d.scalar("行使方式", a.Mode, b.Mode)
	if a.Status != b.Status {
		d.scalarT("状态", a.Status, b.Status, statusTopic(b.Status))
	}
	d.scalar("实施对象", a.ServiceObject, b.ServiceObject)
	d.refs("法律依据", a.Basis, b.Basis)
	d.timeLimit("办理时限(法定)", a.TimeLimit.StatutoryDays, a.TimeLimit.Unit, b.TimeLimit.StatutoryDays, b.TimeLimit.Unit)
	d.timeLimit("办理时限(承诺)", a.TimeLimit.PromisedDays, a.TimeLimit.Unit, b.TimeLimit.PromisedDays, b.TimeLimit.Unit)
	d.scalar("办理时限说明", a.TimeLimit.Note, b.TimeLimit.Note)
	fa, fb := fee(a.Fee), fee(b.Fee)
	d.scalar("收费", fa.charged, fb.charged)
	d.scalar("收费标准", fa.Standard, fb.Standard)
	d.scalar("收费依据", fa.Basis, fb.Basis)
	d.scalar("流程图", a.Flow, b.Flow)
	d.scalar("裁量基准", a.Benchmark, b.Benchmark)
	d.set("申请条件", a.Conditions, b.Conditions, "", "")
	d.set("申请材料", a.Materials, b.Materials, "", "")
	d.set("责任事项", responsibilities(a.Responsibilities), responsibilities(b.Responsibilities), "", "")
	d.accountabilities(a.Accountabilities, b.Accountabilities)
	d.riskPoints(a.Risks, b.Risks)
	d.body(a.Body, b.Body)
	d.date("生效日期", a.Effective, b.Effective, "")
	d.date("发布日期", a.Published, b.Published, "")
	d.date("审核日期", a.Reviewed, b.Reviewed, TopicReviewed)
}

type feeText struct {
	model.Fee
	charged string
}

func fee(f *model.Fee) feeText {
	if f == nil {
		return feeText{}
	}
	t := feeText{Fee: *f, charged: "不收费"}
	if f.Charged {
		t.charged = "收费"
	}
	return t
}

func responsibilities(rs []model.Responsibility) []string {
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		s := strings.TrimSpace(r.Content)
		if st := strings.TrimSpace(r.Step); st != "" {
			s = st + ":" + s
		}
		out = append(out, s)
	}
	return out
}

func (d *differ) accountabilities(old, new []model.Accountability) {
	key := func(_ int, a model.Accountability) string { return strings.TrimSpace(a.Situation) }
	partner, gone := match(old, new, key, nil)
	for j, b := range new {
		if i := partner[j]; i < 0 {
			d.added("追责情形", strings.TrimSpace(b.Situation), "")
		} else {
			d.within("追责情形「"+strings.TrimSpace(b.Situation)+"」", func() { d.refs("追责依据", old[i].Basis, b.Basis) })
		}
	}
	for _, i := range gone {
		d.removed("追责情形", strings.TrimSpace(old[i].Situation), "")
	}
}

func (d *differ) flow(a, b *model.Flow) {
	d.scalar("名称", a.Name, b.Name)
	d.scalar("事项类型", categoryName(a.Category), categoryName(b.Category))
	d.scalar("标准模板", a.Template, b.Template)
	d.scalar("说明", a.Note, b.Note)
	key := func(_ int, s model.Step) string { return s.ID }
	fb := func(_ int, s model.Step) string { return strings.TrimSpace(s.Name) }
	partner, gone := match(a.Steps, b.Steps, key, fb)
	stepName := func(s model.Step) string {
		if n := strings.TrimSpace(s.Name); n != "" {
			return n
		}
		return s.ID
	}
	var oldOrder, newOrder []int
	for j, s := range b.Steps {
		i := partner[j]
		if i < 0 {
			d.added("步骤", stepName(s), "")
			continue
		}
		newOrder = append(newOrder, i)
		o := a.Steps[i]
		d.within("步骤「"+stepName(o)+"」", func() {
			d.scalar("编号", o.ID, s.ID)
			d.scalar("名称", o.Name, s.Name)
			d.scalar("类型", o.Kind, s.Kind)
			d.scalar("责任岗位", o.Post, s.Post)
			d.scalar("时限", o.TimeText(), s.TimeText())
			d.scalar("依据", o.Basis, s.Basis)
			d.riskPoints(o.Risks, s.Risks)
		})
	}
	for _, i := range gone {
		d.removed("步骤", stepName(a.Steps[i]), "")
	}
	// Order of the steps kept.
	kept := map[int]bool{}
	for _, i := range newOrder {
		kept[i] = true
	}
	for i := range a.Steps {
		if kept[i] {
			oldOrder = append(oldOrder, i)
		}
	}
	if !equalInts(oldOrder, newOrder) {
		names := func(idx []int) string {
			var s []string
			for _, i := range idx {
				s = append(s, stepName(a.Steps[i]))
			}
			return strings.Join(s, "、")
		}
		d.changed("步骤顺序", names(oldOrder), names(newOrder), "")
	}
	rename := map[string]string{} // old step id → new id of the same step
	for j, i := range partner {
		if i >= 0 {
			rename[a.Steps[i].ID] = b.Steps[j].ID
		}
	}
	d.edges(a, b, rename, stepName)
	d.date("发布日期", a.Published, b.Published, "")
	d.date("审核日期", a.Reviewed, b.Reviewed, TopicReviewed)
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

type edge struct{ from, to, label, text string }

// edges compares the connections between steps, by the steps they join
// (old ids are translated through rename, so renumbering a step is not a
// change of its edges).
func (d *differ) edges(a, b *model.Flow, rename map[string]string, stepName func(model.Step) string) {
	list := func(f *model.Flow, ids map[string]string) []edge {
		names := map[string]string{}
		for _, s := range f.Steps {
			names[s.ID] = stepName(s)
		}
		name := func(id string) string {
			if n, ok := names[id]; ok {
				return n
			}
			return id
		}
		var out []edge
		for _, s := range f.Steps {
			for _, e := range s.Next {
				from, to := s.ID, e.To
				if n, ok := ids[from]; ok {
					from = n
				}
				if n, ok := ids[to]; ok {
					to = n
				}
				out = append(out, edge{from, to, strings.TrimSpace(e.Label), name(s.ID) + " → " + name(e.To)})
			}
		}
		return out
	}
	ea, eb := list(a, rename), list(b, nil)
	withLabel := func(e edge) string {
		if e.label != "" {
			return e.text + "(" + e.label + ")"
		}
		return e.text
	}
	key := func(_ int, e edge) string { return e.from + "\x00" + e.to }
	partner, gone := match(ea, eb, key, nil)
	for j, e := range eb {
		if i := partner[j]; i < 0 {
			d.added("连线", withLabel(e), "")
		} else {
			d.within("连线「"+ea[i].text+"」", func() { d.scalar("标注", ea[i].label, e.label) })
		}
	}
	for _, i := range gone {
		d.removed("连线", withLabel(ea[i]), "")
	}
}

func (d *differ) benchmark(a, b *model.Benchmark) {
	d.scalar("名称", a.Title, b.Title)
	d.scalar("制定机关", a.Issuer, b.Issuer)
	d.scalar("文号", a.DocNo, b.DocNo)
	d.scalar("基准类型", a.Style, b.Style)
	d.scalar("采用上级基准", a.Source, b.Source)
	d.date("生效日期", a.Effective, b.Effective, "")
	d.date("有效期至", a.Expires, b.Expires, "")
	key := func(_ int, v model.Violation) string { return strings.TrimSpace(v.Name) }
	fb := func(_ int, v model.Violation) string { return strings.TrimSpace(v.No) }
	partner, gone := match(a.Violations, b.Violations, key, fb)
	single := len(a.Violations) == 1 && len(b.Violations) == 1
	for j, v := range b.Violations {
		i := partner[j]
		if i < 0 {
			d.added("违法行为", strings.TrimSpace(v.Name), "")
			continue
		}
		o := a.Violations[i]
		ctx := "违法行为「" + strings.TrimSpace(o.Name) + "」"
		if single {
			ctx = ""
		}
		d.within(ctx, func() { d.violation(o, v) })
	}
	for _, i := range gone {
		d.removed("违法行为", strings.TrimSpace(a.Violations[i].Name), "")
	}
	d.date("发布日期", a.Published, b.Published, "")
	d.date("审核日期", a.Reviewed, b.Reviewed, TopicReviewed)
}

func (d *differ) violation(a, b model.Violation) {
	d.scalar("编号", a.No, b.No)
	d.scalar("违法行为", a.Name, b.Name)
	d.refs("违反条款", a.Violated, b.Violated)
	d.refs("处罚依据", a.PenaltyBasis, b.PenaltyBasis)
	d.scalar("法定处罚幅度", a.Statutory, b.Statutory)
	key := func(_ int, t model.Tier) string { return strings.TrimSpace(t.Label) }
	fb := func(i int, _ model.Tier) string { return strconv.Itoa(i) }
	partner, gone := match(a.Tiers, b.Tiers, key, fb)
	tierName := func(i int, t model.Tier) string {
		return "裁量阶次 " + strconv.Itoa(i+1) + "(" + strings.TrimSpace(t.Label) + ")"
	}
	for j, t := range b.Tiers {
		i := partner[j]
		if i < 0 {
			d.added(tierName(j, t), strings.TrimSpace(t.Standard), "")
			continue
		}
		o := a.Tiers[i]
		d.within(tierName(i, o), func() { d.tier(o, t) })
	}
	for _, i := range gone {
		d.removed(tierName(i, a.Tiers[i]), strings.TrimSpace(a.Tiers[i].Standard), "")
	}
	d.scalar("备注", a.Remarks, b.Remarks)
}

func (d *differ) tier(a, b model.Tier) {
	d.scalar("阶次名称", a.Label, b.Label)
	d.scalar("阶次类型", a.Kind, b.Kind)
	d.set("适用条件", a.Conditions, b.Conditions, "", "")
	d.scalar("裁量标准", a.Standard, b.Standard)
	if strings.TrimSpace(a.Standard) == strings.TrimSpace(b.Standard) && penaltiesEqual(a.Penalties, b.Penalties) {
		return
	}
	// Ranges read from the standard (or stated by the author), compared
	// where a penalty of the same type, target, unit and base is the only
	// one of its kind in both versions.
	pa, pb := penalties(a), penalties(b)
	ka, kb := byPenaltyKey(pa), byPenaltyKey(pb)
	for _, q := range pb {
		k := penaltyKey(q)
		if len(ka[k]) != 1 || len(kb[k]) != 1 {
			continue
		}
		p := ka[k][0]
		if !p.HasRange() || !q.HasRange() {
			continue
		}
		name := q.Type
		if q.Target != "" {
			name += "(" + q.Target + ")"
		}
		value := func(v *float64) string { return q.Base + fine.FormatValue(*v, q.Unit) }
		if exact(p) && exact(q) {
			if *p.Min != *q.Min {
				d.changed(name, value(p.Min), value(q.Min), "")
			}
			continue
		}
		if p.Min != nil && q.Min != nil && *p.Min != *q.Min {
			d.changed(q.Type+"下限"+strings.TrimPrefix(name, q.Type), value(p.Min), value(q.Min), "")
		}
		if p.Max != nil && q.Max != nil && *p.Max != *q.Max {
			d.changed(q.Type+"上限"+strings.TrimPrefix(name, q.Type), value(p.Max), value(q.Max), "")
		}
	}
}

func exact(p fine.Penalty) bool { return p.Min != nil && p.Max != nil && *p.Min == *p.Max }

func penaltyKey(p fine.Penalty) string {
	return p.Type + "\x00" + p.Target + "\x00" + p.Unit + "\x00" + p.Base
}

func byPenaltyKey(ps []fine.Penalty) map[string][]fine.Penalty {
	m := map[string][]fine.Penalty{}
	for _, p := range ps {
		m[penaltyKey(p)] = append(m[penaltyKey(p)], p)
	}
	return m
}

// penalties are the author's structured penalties when given, else those
// read from the standard text.
func penalties(t model.Tier) []fine.Penalty {
	if len(t.Penalties) == 0 {
		return fine.Parse(t.Standard).Penalties
	}
	out := make([]fine.Penalty, 0, len(t.Penalties))
	for _, p := range t.Penalties {
		out = append(out, fine.Penalty{Type: p.Type, Target: p.Target, Min: p.Min, Max: p.Max, Unit: p.Unit, Base: p.Base})
	}
	return out
}

func penaltiesEqual(a, b []model.Penalty) bool {
	if len(a) != len(b) {
		return false
	}
	eq := func(x, y *float64) bool { return (x == nil) == (y == nil) && (x == nil || *x == *y) }
	for i := range a {
		p, q := a[i], b[i]
		if p.Type != q.Type || p.Target != q.Target || p.Unit != q.Unit || p.Base != q.Base || !eq(p.Min, q.Min) || !eq(p.Max, q.Max) {
			return false
		}
	}
	return true
}

// catalogue compares risk catalogues. Rows are matched by object and risk
// text, else by object when that is unambiguous. Against the previous
// year's catalogue (baseline) the year, title and dates are not compared.
func (d *differ) catalogue(a, b *model.RiskCatalogue, baseline bool) {
	if !baseline {
		d.number("年度", a.Year, b.Year)
		d.scalar("标题", a.Title, b.Title)
	}
	key := func(_ int, r model.RiskItem) string {
		return strings.TrimSpace(r.Object) + "\x00" + strings.TrimSpace(r.Risk)
	}
	fb := func(_ int, r model.RiskItem) string { return strings.TrimSpace(r.Object) }
	partner, gone := match(a.Items, b.Items, key, fb)
	row := func(r model.RiskItem) string {
		return strings.TrimSpace(r.Risk) + "(" + strings.TrimSpace(r.Object) + ",风险等级 " + r.Level + ")"
	}
	for j, r := range b.Items {
		i := partner[j]
		if i < 0 {
			d.added("风险点", row(r), TopicRiskAdded)
			continue
		}
		o := a.Items[i]
		d.within("风险点「"+strings.TrimSpace(o.Risk)+"」("+strings.TrimSpace(o.Object)+")", func() {
			d.scalar("风险点", o.Risk, r.Risk)
			d.scalar("防控对象类型", o.ObjectType, r.ObjectType)
			d.scalar("风险类别", o.Category, r.Category)
			d.scalar("表现形式", o.Manifestation, r.Manifestation)
			d.scalarT("风险等级", o.Level, r.Level, riskTopic(o.Level, r.Level))
			d.set("防控措施", o.Measures, r.Measures, TopicMeasureAdded, TopicMeasureRemoved)
			d.scalar("责任部门", o.Owner, r.Owner)
			d.scalar("责任领导", o.Leader, r.Leader)
		})
	}
	for _, i := range gone {
		d.removed("风险点", row(a.Items[i]), TopicRiskRemoved)
	}
	if !baseline {
		d.date("发布日期", a.Published, b.Published, "")
		d.date("审核日期", a.Reviewed, b.Reviewed, TopicReviewed)
	}
}

func (d *differ) law(a, b *model.Law) {
	d.scalar("名称", a.Title, b.Title)
	d.scalar("简称", a.Short, b.Short)
	d.scalar("效力层级", a.Level, b.Level)
	d.scalar("制定机关", a.Issuer, b.Issuer)
	d.scalar("文号", a.DocNo, b.DocNo)
	d.scalar("状态", a.Status, b.Status)
	d.date("通过日期", a.Adopted, b.Adopted, "")
	d.date("施行日期", a.Effective, b.Effective, "")
	dates := func(ds []model.Date) []string {
		var out []string
		for _, x := range ds {
			out = append(out, x.String())
		}
		return out
	}
	d.set("修订日期", dates(a.Revised), dates(b.Revised), "", "")
	key := func(_ int, x model.Article) string { return strings.TrimSpace(x.Number) }
	partner, gone := match(a.Articles, b.Articles, key, nil)
	for j, x := range b.Articles {
		if i := partner[j]; i < 0 {
			d.added(strings.TrimSpace(x.Number), strings.TrimSpace(x.Text), "")
		} else {
			d.scalar(strings.TrimSpace(x.Number), a.Articles[i].Text, x.Text)
		}
	}
	for _, i := range gone {
		d.removed(strings.TrimSpace(a.Articles[i].Number), strings.TrimSpace(a.Articles[i].Text), "")
	}
}

func (d *differ) unit(a, b *model.Unit) {
	d.scalar("名称", a.Name, b.Name)
	d.scalar("简称", a.Short, b.Short)
	d.scalar("单位类型", a.Type, b.Type)
	d.scalar("行政区划代码", a.DivisionCode, b.DivisionCode)
	d.scalar("上级单位", a.Parent, b.Parent)
	d.scalar("统一社会信用代码", a.CreditCode, b.CreditCode)
	d.scalar("地址", a.Address, b.Address)
	d.scalar("办公时间", a.OfficeHours, b.OfficeHours)
	d.scalar("电话", a.Phone, b.Phone)
	d.scalar("监督电话", a.SupervisePhone, b.SupervisePhone)
	d.scalar("投诉邮箱", a.ComplaintEmail, b.ComplaintEmail)
	d.scalar("投诉网址", a.ComplaintURL, b.ComplaintURL)
	d.scalar("主要职责", a.Functions, b.Functions)
	d.set("内设机构", a.Offices, b.Offices, "", "")
	key := func(_ int, l model.Leader) string { return strings.TrimSpace(l.Title) }
	fb := func(_ int, l model.Leader) string { return strings.TrimSpace(l.Name) }
	partner, gone := match(a.Leaders, b.Leaders, key, fb)
	leader := func(l model.Leader) string {
		return strings.TrimSpace(strings.TrimSpace(l.Title) + " " + strings.TrimSpace(l.Name))
	}
	for j, l := range b.Leaders {
		i := partner[j]
		if i < 0 {
			d.added("领导", leader(l), "")
			continue
		}
		o := a.Leaders[i]
		d.within("领导「"+leader(o)+"」", func() {
			d.scalar("职务", o.Title, l.Title)
			d.scalar("姓名", o.Name, l.Name)
			d.scalar("分工", o.Duties, l.Duties)
		})
	}
	for _, i := range gone {
		d.removed("领导", leader(a.Leaders[i]), "")
	}
	d.date("发布日期", a.Published, b.Published, "")
	d.date("审核日期", a.Reviewed, b.Reviewed, TopicReviewed)
}

func (d *differ) page(a, b *model.Page) {
	d.scalar("标题", a.Title, b.Title)
	d.scalar("摘要", a.Summary, b.Summary)
	d.body(a.Body, b.Body)
	d.date("发布日期", a.Published, b.Published, "")
	d.date("审核日期", a.Reviewed, b.Reviewed, TopicReviewed)
}

func (d *differ) config(a, b *model.Config) {
	d.scalar("网站名称", a.Title, b.Title)
	d.scalar("地区", a.Region, b.Region)
	d.scalar("主办单位", a.Organiser, b.Organiser)
	d.scalar("承办单位", a.Undertaker, b.Undertaker)
	d.number("年度", a.Year, b.Year)
	d.scalar("网站简介", a.Description, b.Description)
	d.scalar("监督举报说明", a.Supervision, b.Supervision)
	d.scalar("举报电话", a.SupervisePhone, b.SupervisePhone)
	d.scalar("举报网站", a.SuperviseURL, b.SuperviseURL)
	d.scalar("网站地址", a.BaseURL, b.BaseURL)
}
