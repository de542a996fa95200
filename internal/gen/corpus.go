package gen

import (
	"math"
	"strconv"
	"strings"
)

// The corpus of one unit, independent of the output format. Both emitters
// (Sunlight and Hugo) write exactly these values.

type leader struct{ Name, Title, Duties string }

type unitDoc struct {
	u                   *unit
	s                   *site
	r                   *rng
	quota               [11]int
	creditCode, address string
	hours, phone, super string
	email               string
	functions           string
	offices             []string
	leaders             []leader
	published, reviewed date
	flows               []*flowDoc
	catalogue           *catalogueDoc
}

type stepDoc struct {
	ID, Name, Kind, Post string
	Days                 int
	DayUnit              string
	Basis                string
	Next                 []edge
	Risks                []riskDoc
}

type flowDoc struct {
	ID, Name, Cat, Note string
	Steps               []stepDoc
	Published, Reviewed date
}

type riskDoc struct {
	Step, Desc, Level, Cat, Owner string
	Measures                      []string
}

type catalogueDoc struct {
	Year                int
	Title               string
	Published, Reviewed date
	Items               []catalogueItem
}

type tierDoc struct {
	Label, Kind, Standard string
	Conds                 []string
}

type benchDoc struct {
	ID, Title, Issuer, DocNo string
	Effective, Expires       date
	Published, Reviewed      date
	V                        *violation
	Tiers                    []tierDoc
	Remarks                  string
}

type timeLimit struct {
	Stat, Prom int
	Unit, Note string
}

type powerDoc struct {
	Code, Name, Sub, Cat           string
	Subject, Office, Level, Mode   string
	Object, Flow, Bench            string
	Conds, Mats                    []string
	Published, Reviewed, Effective date
	Basis                          []ref
	TL                             timeLimit
	FeeBasis                       string
	Resp                           []stepText
	Accts                          []acct
	Risks                          []riskDoc
	Body                           string
	Weight                         int // position in the unit's list
	seq, sub                       int
}

// sortWeight orders a unit's items as Sunlight lists them: by category,
// then by code (whose variable part is the sequence and sub-item numbers).
func (p *powerDoc) sortWeight() int {
	return categoryIndex(p.Cat)*1000000000 + p.seq*10000 + p.sub
}

// FullName is the name with the sub-item, as Sunlight shows it.
func (p *powerDoc) FullName() string {
	if p.Sub != "" && p.Sub != p.Name {
		return p.Name + "(" + p.Sub + ")"
	}
	return p.Name
}

// cand is a possible power item of a domain.
type cand struct {
	Cat, Name, Sub string
	V              *violation
	T              *tmpl
}

// candidates lists, for a domain, every item it can publish by category.
func (s *site) candidates(dom string) map[string][]cand {
	if c, ok := s.cands[dom]; ok {
		return c
	}
	out := map[string][]cand{}
	var permits []*tmpl
	for i := range templates {
		t := &templates[i]
		if !hasDomain(t.Domains, dom) {
			continue
		}
		if t.Cat == "XK" {
			permits = append(permits, t)
		}
		if len(t.Subs) == 0 {
			out[t.Cat] = append(out[t.Cat], cand{Cat: t.Cat, Name: t.Name, T: t})
		}
		for _, sub := range t.Subs {
			out[t.Cat] = append(out[t.Cat], cand{Cat: t.Cat, Name: t.Name, Sub: sub, T: t})
		}
	}
	for i := range violations {
		v := &violations[i]
		if hasDomain(v.Domains, dom) {
			out["CF"] = append(out["CF"], cand{Cat: "CF", Name: "对" + v.Phrase + "的处罚", V: v})
		}
	}
	if len(permits) > 1 {
		permits = permits[:1] // listed for the unit's main permit only
	}
	for i := range permitViolations {
		v := &permitViolations[i]
		for _, t := range permits {
			out["CF"] = append(out["CF"], cand{Cat: "CF", Name: "对" + v.Phrase + "的处罚", Sub: t.Name, V: v})
		}
	}
	s.cands[dom] = out
	return out
}

// Variants used as sub-items when a unit needs more items of a category
// than there are distinct templates.
var variants = map[string][]string{
	"CF": {"单位实施", "个人实施", "首次违法", "再次违法"},
	"XK": {"新办", "变更", "延续", "注销", "补证"},
	"QZ": {"查封", "扣押", "当场实施"},
	"JC": {"日常检查", "专项检查", "双随机抽查", "投诉举报核查"},
	"":   {"首次办理", "变更", "补办", "注销"},
}

func variant(cat string, round int) string {
	vs := variants[cat]
	if vs == nil {
		vs = variants[""]
	}
	if round <= len(vs) {
		return vs[round-1]
	}
	return "其他情形" + cn(round-len(vs))
}

var roads = []string{"人民路", "解放路", "建设路", "中山路", "文化路", "新华路", "迎宾大道", "府前街", "滨河路", "胜利路", "和平路", "振兴大道"}

// genUnit generates the unit's profile, flows and risk catalogue; its
// items are generated on demand by powers.
func (s *site) genUnit(u *unit) *unitDoc {
	y := s.opt.Year
	r := newRNG(s.opt.Seed, 1, uint64(u.idx))
	d := &unitDoc{u: u, s: s, r: r, quota: s.quotas(u)}
	dom := domains[u.domain]
	c := u.county
	d.creditCode = creditCode(r, c.division)
	if u.domain == domXZ {
		d.address = c.name + u.place + pick(r, roads) + itoa(r.between(1, 200)) + "号"
	} else {
		d.address = c.name + pick(r, roads) + itoa(r.between(1, 300)) + "号"
	}
	d.hours = "周一至周五 上午8:30—12:00，下午14:30—17:30（法定节假日除外）"
	d.phone = c.area + "-" + itoa(r.between(2, 8)) + pad(r.intn(1000000), 6)
	d.super = c.area + "-" + itoa(r.between(2, 8)) + pad(r.intn(1000000), 6)
	d.email = u.id + "@lzfk.example.gov.cn"
	var fb strings.Builder
	for i, f := range dom.Functions {
		fb.WriteString(itoa(i+1) + ". " + f + "\n")
	}
	d.functions = strings.TrimRight(fb.String(), "\n")
	d.offices = dom.Offices
	for _, l := range leaderTitles[u.typ] {
		d.leaders = append(d.leaders, leader{Name: pick(r, surnames) + pick(r, givenNames), Title: l.Title, Duties: l.Duties})
	}
	d.published = r.date(ymd(y-2, 1, 1), ymd(y-2, 12, 31))
	d.reviewed = r.date(ymd(y, 1, 1), ymd(y, 3, 31))

	// Flows: one per category the unit publishes (and the simple
	// procedure next to the ordinary one).
	var used []string
	for i, cat := range categories {
		if d.quota[i] == 0 {
			continue
		}
		f := flowFor(cat.Code)
		if f == nil || contains(used, f.ID) {
			continue
		}
		used = append(used, f.ID)
		if cat.Code == "CF" {
			used = append(used, "xzcf-jianyi")
		}
	}
	for _, id := range used {
		d.flows = append(d.flows, d.genFlow(flowByID(id)))
	}

	// Risk catalogue for the year.
	cat := &catalogueDoc{Year: y, Title: u.displayName() + itoa(y) + "年度廉政风险防控目录"}
	cat.Published = r.date(ymd(y, 1, 5), ymd(y, 3, 31))
	cat.Reviewed = r.date(cat.Published, ymd(y, 6, 30))
	for _, it := range pickN(r, catalogue, r.between(6, 10)) {
		it.Owner = d.officeNamed(it.Owner, dom.Enforce)
		cat.Items = append(cat.Items, it)
	}
	d.catalogue = cat
	return d
}

func (u *unit) displayName() string {
	if u.short != "" {
		return u.short
	}
	return u.name
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// officeNamed maps a catalogue owner ("办公室", "财务室", "") to one of the
// unit's offices.
func (d *unitDoc) officeNamed(want, def string) string {
	if want == "" {
		return def
	}
	for _, o := range d.offices {
		if strings.Contains(o, want) || want == "财务室" && strings.Contains(o, "财") {
			return o
		}
	}
	return def
}

// post qualifies a role with the office that holds it: 执法人员 →
// 自然资源执法监察大队执法人员.
func (d *unitDoc) post(role, cat string) string {
	dom := domains[d.u.domain]
	switch role {
	case "执法人员":
		return dom.Enforce + role
	case "承办人", "窗口受理人员":
		return dom.officeFor(cat) + role
	}
	return role
}

func (d *unitDoc) genFlow(t *flowTmpl) *flowDoc {
	r, y := d.r, d.s.opt.Year
	cat := t.Cats[0]
	f := &flowDoc{ID: t.ID, Name: t.Name, Cat: categoryName(cat)}
	f.Published = r.date(ymd(y-2, 1, 1), ymd(y-1, 12, 31))
	f.Reviewed = r.date(ymd(y, 1, 1), ymd(y, 6, 30))
	pool := risks[t.ID]
	for _, st := range t.Steps {
		sd := stepDoc{ID: st.ID, Name: st.Name, Kind: st.Kind, Post: d.post(st.Post, cat), Days: st.Days, DayUnit: st.DayUnit, Basis: st.Basis, Next: st.Next}
		if st.Risk {
			var match []riskTmpl
			for _, rt := range pool {
				if rt.Step == st.Name {
					match = append(match, rt)
				}
			}
			if len(match) > 0 {
				rt := pick(r, match)
				sd.Risks = []riskDoc{{Desc: rt.Desc, Level: rt.Level, Cat: rt.Cat, Measures: rt.Measures, Owner: d.post(rt.Owner, cat)}}
			}
		}
		f.Steps = append(f.Steps, sd)
	}
	return f
}

// creditCode makes a valid 统一社会信用代码 (GB 32100) for a 机关: 1 1,
// the division code, an organisation code MB… with its GB 11714 check
// character, and the final check character.
func creditCode(r *rng, division string) string {
	org := "MB" + pad(r.intn(1000000), 6)
	weights := [8]int{3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		c := org[i]
		n := int(c - '0')
		if c >= 'A' && c <= 'Z' {
			n = int(c-'A') + 10
		}
		sum += n * w
	}
	switch ck := (11 - sum%11) % 11; ck {
	case 10:
		org += "X"
	default:
		org += itoa(ck)
	}
	const chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	code := "11" + division + org
	sum, w := 0, 1
	for i := 0; i < 17; i++ {
		sum += strings.IndexByte(chars, code[i]) * w
		w = w * 3 % 31
	}
	return code + string(chars[(31-sum%31)%31])
}

// powers generates the unit's items in order (by category, then by
// candidate) and hands each, with its benchmark if it has one, to fn.
func (d *unitDoc) powers(fn func(*powerDoc, *benchDoc) error) error {
	u, r := d.u, d.r
	avail := d.s.candidates(u.domain)
	weight := 0
	for ci, c := range categories {
		n := d.quota[ci]
		if n == 0 {
			continue
		}
		cands := avail[c.Code]
		order := make([]int, len(cands))
		for i := range order {
			order[i] = i
		}
		shuffle(r, order)
		seqOf := map[string]int{}
		subs := map[string]int{}
		for i := 0; i < n; i++ {
			cd := cands[order[i%len(cands)]]
			if round := i / len(cands); round > 0 {
				v := variant(c.Code, round)
				if cd.Sub == "" {
					cd.Sub = v
				} else {
					cd.Sub += "（" + v + "）"
				}
			}
			seq, ok := seqOf[cd.Name]
			if !ok {
				seq = len(seqOf) + 1
				seqOf[cd.Name] = seq
			}
			sub := 0
			if cd.Sub != "" {
				subs[cd.Name]++
				sub = subs[cd.Name]
			}
			weight++
			p, b := d.genPower(cd, seq, sub, weight)
			if err := fn(p, b); err != nil {
				return err
			}
		}
	}
	return nil
}

func (d *unitDoc) genPower(cd cand, seq, sub, weight int) (*powerDoc, *benchDoc) {
	u, r, y := d.u, d.r, d.s.opt.Year
	dom := domains[u.domain]
	p := &powerDoc{Name: cd.Name, Sub: cd.Sub, Cat: cd.Cat, Weight: weight, seq: seq, sub: sub}
	p.Code = u.county.division + "-" + u.code3 + "-" + cd.Cat + "-" + pad(seq, 3) + "-" + pad(sub, 2)
	p.Office = dom.officeFor(cd.Cat)
	p.Level = "县级"
	if u.domain == domXZ {
		p.Level = "乡级"
	}
	p.Mode = "法定"
	flow := flowFor(cd.Cat)
	var b *benchDoc
	switch {
	case cd.V != nil:
		v := cd.V
		p.Object = v.Object
		if u.domain == domXZ && v.TownMode != "" {
			p.Mode = v.TownMode
			if v.TownMode == "委托" {
				for _, dd := range strings.Fields(v.Domains) {
					if dd != domXZ {
						p.Subject = u.county.name + domains[dd].Name
						break
					}
				}
			}
		}
		p.Basis = append(p.Basis, ref{v.Law, v.Art, "处罚依据"})
		if v.Violated != "" {
			p.Basis = append(p.Basis, ref{v.Law, v.Violated, "违反条款"})
		}
		if v.Law == lawXK && v.Art == "第七十八条" {
			flow = flowByID("xzcf-jianyi")
			p.TL = timeLimit{Stat: 90, Prom: 1, Unit: "自然日", Note: "适用简易程序的，当场作出行政处罚决定"}
		} else {
			p.TL = timeLimit{Stat: 90, Prom: 5 * r.between(6, 15), Unit: "自然日", Note: "自立案之日起计算"}
		}
		if (v.Fine.Unit != "" || v.Ladder != nil) && r.chance(92) {
			b = d.genBench(p, v, seq, sub)
			p.Bench = b.ID
		}
	default:
		t := cd.T
		p.Object = t.Object
		if t.Mode != "" {
			p.Mode = t.Mode
		}
		p.Basis = append(p.Basis, t.Basis...)
		p.Conds, p.Mats = t.Conds, t.Mats
		unitName := "工作日"
		if t.DayUnit != "" {
			unitName = t.DayUnit
		}
		if t.Days > 0 {
			p.TL = timeLimit{Stat: t.Days, Prom: max(1, r.between(t.Days/3, t.Days)), Unit: unitName}
		} else {
			p.TL = timeLimit{Prom: r.between(3, 10), Unit: unitName, Note: "按照应急预案规定的时限组织实施"}
		}
		if t.Basis[0].Law == lawGK {
			p.FeeBasis = "《政府信息公开条例》第四十二条"
		}
	}
	p.Flow = flow.ID
	p.Published = r.date(ymd(y-2, 1, 1), ymd(y, 6, 30))
	if r.chance(93) {
		p.Reviewed = r.date(later(p.Published, ymd(y, 1, 1)), ymd(y, 11, 30))
	} else {
		p.Reviewed = r.date(p.Published, later(p.Published, ymd(y-1, 12, 31)))
	}
	if r.chance(30) {
		p.Effective = p.Published
	}
	// 责任事项: the flow's, with the catch-all dropped now and then.
	for _, st := range responsibilities[flow.ID] {
		if st.Step == "其他" && r.chance(50) {
			continue
		}
		p.Resp = append(p.Resp, st)
	}
	// 追责情形: three to five of the category's, the sector clause and a
	// 政务处分法 clause.
	if list := accountabilities[cd.Cat]; len(list) > 0 {
		p.Accts = append(p.Accts, pickN(r, list, r.between(min(3, len(list)), min(5, len(list))))...)
	}
	if list := domainAccountabilities[u.domain]; len(list) > 0 {
		p.Accts = append(p.Accts, pick(r, list))
	}
	if r.chance(50) {
		p.Accts = append(p.Accts, pick(r, generalAccountabilities))
	}
	// 廉政风险点: one to three of the flow's.
	for _, rt := range pickN(r, risks[flow.ID], r.between(1, 3)) {
		p.Risks = append(p.Risks, riskDoc{Step: rt.Step, Desc: rt.Desc, Level: rt.Level, Cat: rt.Cat, Measures: rt.Measures, Owner: d.post(rt.Owner, cd.Cat)})
	}
	p.Body = d.body(p, cd)
	return p, b
}

// body is the item's Markdown prose (办理须知).
func (d *unitDoc) body(p *powerDoc, cd cand) string {
	u := d.u
	var b strings.Builder
	b.WriteString("本事项由" + u.name + p.Office + "承办")
	switch p.Mode {
	case "下放":
		b.WriteString("，系县级部门依法下放乡镇实施的事项")
	case "委托":
		b.WriteString("，由" + p.Subject + "依法委托实施")
	case "受委托":
		b.WriteString("，受上级主管部门委托实施")
	case "审核转报":
		b.WriteString("，本单位负责受理和审核后报有权机关决定")
	}
	b.WriteString("。\n\n")
	b.WriteString("| 项目 | 内容 |\n|---|---|\n")
	b.WriteString("| 办理地点 | " + d.address + " |\n")
	b.WriteString("| 办理时间 | " + d.hours + " |\n")
	b.WriteString("| 咨询电话 | " + d.phone + " |\n")
	b.WriteString("| 监督电话 | " + d.super + " |\n\n")
	switch cd.Cat {
	case "CF":
		b.WriteString("当事人依法享有陈述、申辩的权利；符合《行政处罚法》第六十三条规定情形的，有权要求听证。")
		b.WriteString("当事人对行政处罚决定不服的，可以依法申请行政复议或者提起行政诉讼。\n")
		if cd.V != nil && cd.V.Stat != "" {
			b.WriteString("\n**法定处罚**：" + cd.V.Stat + "。\n")
		}
	case "XK", "QR", "GF", "JL", "CJ", "QT":
		b.WriteString("申请人可以通过政务服务网在线申请，也可以到窗口现场办理。申请材料不齐全或者不符合法定形式的，窗口当场或者在五日内一次告知需要补正的全部内容。\n")
	case "QZ":
		b.WriteString("实施行政强制措施应当由两名以上行政执法人员实施，当场告知当事人采取行政强制措施的理由、依据以及当事人依法享有的权利、救济途径。\n")
	default:
		b.WriteString("办理结果将在承诺时限内告知服务对象。\n")
	}
	return b.String()
}

// genBench writes the discretion benchmark of one item.
func (d *unitDoc) genBench(p *powerDoc, v *violation, seq, sub int) *benchDoc {
	u, r, y := d.u, d.r, d.s.opt.Year
	b := &benchDoc{ID: "cf-" + pad(seq, 3), V: v}
	if sub > 0 {
		b.ID += "-" + pad(sub, 2)
	}
	b.Title = p.FullName() + "裁量基准"
	b.Issuer = u.name
	b.Effective = r.date(ymd(y-2, 1, 1), ymd(y, 3, 31))
	b.Expires = date{b.Effective.t.AddDate(3, 0, -1)}
	b.Published = b.Effective.addDays(-r.between(5, 20))
	b.Reviewed = r.date(later(b.Published, ymd(y, 1, 1)), ymd(y, 6, 30))
	b.DocNo = u.county.stem + domains[u.domain].IssuerAbb + "〔" + itoa(b.Published.t.Year()) + "〕" + itoa(r.between(1, 60)) + "号"
	b.Tiers = tiers(r, v)
	if r.chance(30) {
		b.Remarks = "违法行为同时符合多个裁量阶次的，按照较重的阶次裁量；法律、法规、规章另有规定的，从其规定。"
	}
	return b
}

// tiers subdivides the statutory range into 3–5 tiers (裁量阶次) with
// monotonic, contiguous sub-ranges inside the range.
func tiers(r *rng, v *violation) []tierDoc {
	if v.Fine.Unit == "" {
		return v.Ladder
	}
	n := r.between(3, 5)
	var kinds, labels []string
	switch n {
	case 3:
		kinds, labels = []string{"从轻处罚", "一般", "从重处罚"}, []string{"情节较轻", "情节一般", "情节严重"}
	case 4:
		kinds, labels = []string{"不予处罚", "从轻处罚", "一般", "从重处罚"}, []string{"情节轻微", "情节较轻", "情节一般", "情节严重"}
	default:
		kinds, labels = []string{"不予处罚", "从轻处罚", "一般", "从重处罚", "从重处罚"}, []string{"情节轻微", "情节较轻", "情节一般", "情节较重", "情节严重"}
	}
	f := v.Fine
	m := 0
	for _, k := range kinds {
		if k != "不予处罚" {
			m++
		}
	}
	bounds := splitRange(f.Unit, f.Min, f.Max, m)
	var pb []float64
	if f.PMax > 0 {
		pb = splitRange(f.Unit, f.PMin, f.PMax, m)
	}
	prefix := ""
	if strings.HasPrefix(v.Stat, "责令改正") {
		prefix = "责令改正，"
	}
	var out []tierDoc
	j := 0
	for i, k := range kinds {
		t := tierDoc{Label: labels[i], Kind: k}
		switch {
		case k == "不予处罚":
			t.Conds = pickN(r, condNone, 1)
			t.Standard = "责令改正，不予行政处罚"
		default:
			pool := condNormal
			switch {
			case k == "从轻处罚":
				pool = condLight
			case k == "从重处罚" && i == len(kinds)-1 && n == 5:
				pool = condSevere
			case k == "从重处罚":
				pool = condHeavy
			}
			t.Conds = pickN(r, pool, r.between(1, 2))
			if pb != nil {
				t.Standard = prefix + "对单位处" + amountRange(f, bounds[j], bounds[j+1]) + "的罚款，对个人处" + amountRange(f, pb[j], pb[j+1]) + "的罚款"
			} else {
				t.Standard = prefix + "处" + amountRange(f, bounds[j], bounds[j+1]) + "的罚款"
			}
			j++
		}
		out = append(out, t)
	}
	return out
}

// splitRange returns m+1 increasing boundaries from lo to hi: geometric
// and rounded to a readable amount for 元, linear for 倍 and %.
func splitRange(unit string, lo, hi float64, m int) []float64 {
	b := make([]float64, m+1)
	b[0], b[m] = lo, hi
	for i := 1; i < m; i++ {
		frac := float64(i) / float64(m)
		switch {
		case unit == "元" && lo > 0:
			b[i] = niceAmount(lo * math.Pow(hi/lo, frac))
		case unit == "元":
			b[i] = niceAmount(hi * frac)
		case unit == "%":
			b[i] = math.Round(lo + (hi-lo)*frac)
		default:
			b[i] = math.Round((lo+(hi-lo)*frac)*10) / 10
		}
		if b[i] <= b[i-1] || b[i] >= hi {
			b[i] = b[i-1] + (hi-b[i-1])/float64(m-i+1)
			if unit == "元" {
				b[i] = niceAmount(b[i])
			}
		}
	}
	return b
}

// niceAmount rounds to two significant digits in steps of 5 (1500, 3000,
// 25000, 350000).
func niceAmount(x float64) float64 {
	if x <= 0 {
		return 0
	}
	mag := math.Pow(10, math.Floor(math.Log10(x))-1)
	return math.Round(x/(5*mag)) * 5 * mag
}

// amountRange writes a sub-range as the statute would.
func amountRange(f fineSpec, lo, hi float64) string {
	switch f.Unit {
	case "元":
		if lo <= 0 {
			return yuan(hi) + "以下"
		}
		return yuan(lo) + "以上" + yuan(hi) + "以下"
	case "%":
		if lo <= 0 {
			return f.Base + "百分之" + cn(int(hi)) + "以下"
		}
		return f.Base + "百分之" + cn(int(lo)) + "以上百分之" + cn(int(hi)) + "以下"
	default: // 倍
		if lo <= 0 {
			return f.Base + times(hi) + "倍以下"
		}
		return f.Base + times(lo) + "倍以上" + times(hi) + "倍以下"
	}
}

func yuan(x float64) string { return cn(int(math.Round(x))) + "元" }

func times(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
