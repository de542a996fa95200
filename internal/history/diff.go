package history

import (
	"strconv"
	"strings"

	"sunlight/internal/model"
)

// differ collects the changes between two versions of an entity.
type differ struct {
	laws  map[string]string // law id → short name, for legal references
	item  string            // context prefix, e.g. "风险点「违规审批」"
	topic string            // topic of changes that name none (benchmarks: TopicBenchmark)
	out   []Change
}

func (d *differ) emit(kind, field, old, new, topic, text string) {
	if topic == "" {
		topic = d.topic
	}
	if topic == "" {
		topic = TopicOther
	}
	d.out = append(d.out, Change{Item: d.item, Field: field, Old: old, New: new, Kind: kind, Topic: topic, Text: text})
}

// added records a new value: "<item>新增<field>: <v>".
func (d *differ) added(field, v, topic string) {
	d.emit(Added, field, "", v, topic, d.item+"新增"+field+": "+v)
}

// removed records a value taken away: "<item>删除<field>: <v>".
func (d *differ) removed(field, v, topic string) {
	d.emit(Removed, field, v, "", topic, d.item+"删除"+field+": "+v)
}

// changed records a new value replacing an old one: "<item><field>: <old> → <new>".
func (d *differ) changed(field, old, new, topic string) {
	d.emit(Changed, field, old, new, topic, d.item+field+": "+old+" → "+new)
}

// scalar compares a single value; an empty value is absent.
func (d *differ) scalar(field, old, new string) { d.scalarT(field, old, new, "") }

func (d *differ) scalarT(field, old, new, topic string) {
	old, new = strings.TrimSpace(old), strings.TrimSpace(new)
	switch {
	case old == new:
	case old == "":
		d.added(field, new, topic)
	case new == "":
		d.removed(field, old, topic)
	default:
		d.changed(field, old, new, topic)
	}
}

func (d *differ) date(field string, old, new model.Date, topic string) {
	d.scalarT(field, old.String(), new.String(), topic)
}

func (d *differ) number(field string, old, new int) {
	d.scalar(field, itoa0(old), itoa0(new))
}

// itoa0 formats n, with 0 as absent.
func itoa0(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// set compares two lists as multisets of trimmed, non-empty strings: order
// does not matter. Additions come first, in the new order, then removals
// in the old order.
func (d *differ) set(field string, old, new []string, topicAdd, topicRemove string) {
	count := map[string]int{}
	for _, s := range old {
		if s = strings.TrimSpace(s); s != "" {
			count[s]++
		}
	}
	var adds []string
	for _, s := range new {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		if count[s] > 0 {
			count[s]--
		} else {
			adds = append(adds, s)
		}
	}
	for _, s := range adds {
		d.added(field, s, topicAdd)
	}
	for _, s := range old {
		if s = strings.TrimSpace(s); s != "" && count[s] > 0 {
			count[s]--
			d.removed(field, s, topicRemove)
		}
	}
}

// within runs fn with item appended to the context prefix.
func (d *differ) within(item string, fn func()) {
	saved := d.item
	d.item += item
	fn()
	d.item = saved
}

// match pairs the elements of a and b. Elements with equal keys pair in
// order; then, among those left, elements whose fallback key (if any) is
// the same and unique among the unmatched ones on both sides pair too.
// It returns, for each element of b, the index of its partner in a or -1,
// and the indexes of a left unmatched.
func match[T any](a, b []T, key, fallback func(i int, v T) string) (partner []int, gone []int) {
	partner = make([]int, len(b))
	used := make([]bool, len(a))
	byKey := map[string][]int{}
	for i, v := range a {
		k := key(i, v)
		byKey[k] = append(byKey[k], i)
	}
	for j, v := range b {
		partner[j] = -1
		k := key(j, v)
		if q := byKey[k]; len(q) > 0 {
			partner[j], used[q[0]] = q[0], true
			byKey[k] = q[1:]
		}
	}
	if fallback != nil {
		fa, fb := map[string][]int{}, map[string][]int{}
		for i, v := range a {
			if !used[i] {
				k := fallback(i, v)
				fa[k] = append(fa[k], i)
			}
		}
		for j, v := range b {
			if partner[j] < 0 {
				k := fallback(j, v)
				fb[k] = append(fb[k], j)
			}
		}
		for k, js := range fb {
			if is := fa[k]; k != "" && len(is) == 1 && len(js) == 1 {
				partner[js[0]], used[is[0]] = is[0], true
			}
		}
	}
	for i := range a {
		if !used[i] {
			gone = append(gone, i)
		}
	}
	return partner, gone
}

// lawName is the short name of a law id when the registry knows it.
func (d *differ) lawName(id string) string {
	if n := d.laws[id]; n != "" {
		return n
	}
	return id
}

// ref formats a legal reference: "行政处罚法第四十条(实施依据)".
func (d *differ) ref(r model.LegalRef) string {
	s := d.lawName(r.Law) + r.Article
	if r.Role != "" {
		s += "(" + r.Role + ")"
	}
	return s
}

// refs compares two lists of legal references, matched by law, article
// and role; a changed quotation is reported for matched ones.
func (d *differ) refs(field string, old, new []model.LegalRef) {
	key := func(_ int, r model.LegalRef) string { return r.Law + "\x00" + r.Article + "\x00" + r.Role }
	partner, gone := match(old, new, key, nil)
	for j, r := range new {
		if i := partner[j]; i < 0 {
			d.added(field, d.ref(r), "")
		} else {
			d.within(field+"「"+d.ref(r)+"」", func() { d.scalar("引文", old[i].Quote, r.Quote) })
		}
	}
	for _, i := range gone {
		d.removed(field, d.ref(old[i]), "")
	}
}

// riskTopic classifies a change of risk level.
func riskTopic(old, new string) string {
	switch ro, rn := model.RiskRank(old), model.RiskRank(new); {
	case rn > ro:
		return TopicRiskRaised
	case rn < ro:
		return TopicRiskLowered
	}
	return ""
}

// riskPoints compares the risk points of a power item or flow step,
// matched by description, else by stage when that is unambiguous.
func (d *differ) riskPoints(old, new []model.RiskPoint) {
	key := func(_ int, r model.RiskPoint) string { return strings.TrimSpace(r.Description) }
	fb := func(_ int, r model.RiskPoint) string { return strings.TrimSpace(r.Step) }
	partner, gone := match(old, new, key, fb)
	for j, b := range new {
		i := partner[j]
		if i < 0 {
			d.added("风险点", b.Description+"(风险等级 "+b.Level+")", TopicRiskAdded)
			continue
		}
		a := old[i]
		d.within("风险点「"+strings.TrimSpace(a.Description)+"」", func() {
			d.scalar("描述", a.Description, b.Description)
			d.scalar("环节", a.Step, b.Step)
			d.scalarT("风险等级", a.Level, b.Level, riskTopic(a.Level, b.Level))
			d.scalar("风险类别", a.Category, b.Category)
			d.set("防控措施", a.Measures, b.Measures, TopicMeasureAdded, TopicMeasureRemoved)
			d.scalar("责任岗位", a.Owner, b.Owner)
		})
	}
	for _, i := range gone {
		a := old[i]
		d.removed("风险点", a.Description+"(风险等级 "+a.Level+")", TopicRiskRemoved)
	}
}

// days formats a time limit: "7 个工作日".
func days(n int, unit string) string {
	if n <= 0 {
		return ""
	}
	if unit == "" {
		unit = "工作日"
	}
	return strconv.Itoa(n) + " 个" + unit
}

// timeLimit compares one time limit; when both are set in the same unit
// the unit is written once: "办理时限(承诺): 10 → 7 个工作日".
func (d *differ) timeLimit(field string, on int, ou string, nn int, nu string) {
	old, new := days(on, ou), days(nn, nu)
	if old == "" || new == "" || old == new {
		d.scalar(field, old, new)
		return
	}
	if ou == nu || (ou == "" && nu == "工作日") || (ou == "工作日" && nu == "") {
		d.emit(Changed, field, old, new, "", d.item+field+": "+strconv.Itoa(on)+" → "+new)
		return
	}
	d.changed(field, old, new, "")
}

// body compares Markdown bodies; the text itself is not diffed.
func (d *differ) body(old, new string) {
	old, new = strings.TrimSpace(old), strings.TrimSpace(new)
	switch {
	case old == new:
	case old == "":
		d.emit(Added, "正文", old, new, "", d.item+"新增正文")
	case new == "":
		d.emit(Removed, "正文", old, new, "", d.item+"删除正文")
	default:
		d.emit(Changed, "正文", old, new, "", d.item+"正文已修改")
	}
}
