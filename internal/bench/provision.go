package bench

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"sunlight/internal/cite"
	"sunlight/internal/fine"
	"sunlight/internal/model"
	"sunlight/internal/par"
)

// Provision is one legal provision (an article, paragraph or item of a
// law) and the benchmark violations that apply it as their penalty basis.
type Provision struct {
	// Key identifies the provision however it is cited: the normalised
	// law title and the article key, "大气污染防治法#119.1".
	Key string
	// LawTitle is the registered full title of the law
	// ("中华人民共和国大气污染防治法"), or the registry id when the law is not
	// registered.
	LawTitle string
	// Article is the canonical article reference, "第一百一十九条第一款".
	Article string
	Law     *model.Law // nil when the law is not registered
	// Entries are the violations that apply the provision, grouped by
	// violation (Entry.Group), then in unit order.
	Entries []Entry
	Units   int // distinct units among Entries
	// Differs is set when units apply the provision differently to the
	// same violation; Notes say how, in plain language. Both are only set
	// when Units >= 2.
	Differs bool
	Notes   []string
	// Max is the common scale of the comparison: the highest fine in 元
	// any entry states (0 when none does).
	Max float64

	law   string // normalised title
	lawID string
	art   cite.Article
}

// Entry is one benchmark violation applying a provision.
type Entry struct {
	Unit      *model.Unit
	Benchmark *model.Benchmark
	Index     int              // of Violation in Benchmark.Violations
	Violation *model.Violation // &Benchmark.Violations[Index]
	Tiers     []*TierInfo      // parallel to Violation.Tiers
	// Group numbers the distinct violations of the provision (0, 1, …):
	// entries with the same Group are compared with each other.
	Group int
	// Max is the highest fine in 元 any tier states (the upper bound, or
	// the lower bound of an open range "五千元以上"); nil when no tier
	// states a fine in 元.
	Max *float64
	// Differs marks, per tier, the tiers whose penalties differ from the
	// tier with the same label (or kind) of another unit.
	Differs []bool

	order    int                 // unit order, for sorting
	diffKeys []map[rangeKey]bool // per tier: the kinds of penalty that differ
}

// RangeDiffers reports whether, in tier t, the penalty of q's kind (type,
// target, unit and base) differs from the same tier of another unit. The
// chart marks only those rows.
func (e *Entry) RangeDiffers(t int, q fine.Penalty) bool {
	return t < len(e.diffKeys) && e.diffKeys[t][keyOf(asTimes(q))]
}

// Name is how notes and charts name the entry: the unit's display name.
func (e *Entry) Name() string { return e.Unit.DisplayName() }

// Slug is the provision's URL segment: ASCII and stable, the law's
// registry id and the article key with "." as "-" and "之" as "z":
// "daqi-119-1", "xzcf-120z1".
func (p *Provision) Slug() string {
	art := strings.NewReplacer(".", "-", "之", "z").Replace(p.art.Key())
	return p.lawID + "-" + art
}

// Title is the provision as a citation with the registered title:
// 《中华人民共和国大气污染防治法》第一百一十九条第一款.
func (p *Provision) Title() string { return "《" + p.LawTitle + "》" + p.Article }

// ShortTitle is the canonical citation with the normalised title:
// 《大气污染防治法》第一百一十九条第一款.
func (p *Provision) ShortTitle() string { return "《" + p.law + "》" + p.Article }

// provisions files violation i of b under every provision its
// penalty_basis cites.
func (an *analyzer) provisions(ui int, u *model.Unit, b *model.Benchmark, i int, arts [][]cite.Article, infos []*TierInfo, vi *ViolationInfo) {
	v := &b.Violations[i]
	for k, r := range v.PenaltyBasis {
		law, lawID := r.Law, safeID(r.Law)
		if r.LawRef != nil {
			law, lawID = cite.NormalizeLawTitle(r.LawRef.Title), r.LawRef.ID
		}
		for _, a := range arts[k] {
			key := law + "#" + a.Key()
			p := an.provs[key]
			if p == nil {
				p = &Provision{Key: key, law: law, lawID: lawID, art: a, Law: r.LawRef}
				an.provs[key] = p
			}
			if r.LawRef != nil && (p.Law == nil || r.LawRef.ID < p.Law.ID) {
				p.Law, p.lawID = r.LawRef, r.LawRef.ID
			}
			if n := len(p.Entries); n > 0 && p.Entries[n-1].Violation == v {
				continue // cited twice by the same violation
			}
			p.Entries = append(p.Entries, Entry{Unit: u, Benchmark: b, Index: i, Violation: v, Tiers: infos, order: ui})
			vi.Provisions = append(vi.Provisions, p)
		}
	}
}

// safeID keeps an unregistered law id usable in a URL.
func safeID(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	if b.Len() == 0 {
		return "law"
	}
	return b.String()
}

func (an *analyzer) finishProvisions() {
	for _, p := range an.provs {
		an.a.Provisions = append(an.a.Provisions, p)
		p.LawTitle = p.lawID
		if p.Law != nil {
			p.LawTitle = p.Law.Title
		}
		p.Article = p.art.String()
	}
	// A provision's comparison reads the model and writes only the
	// provision and its entries, so they are compared on every core:
	// 40 ms on one core at 10,000 items, while the checks have ended.
	par.Do(len(an.a.Provisions), 0, func(i int) { an.a.Provisions[i].finish() })
	sort.Slice(an.a.Provisions, func(i, j int) bool { return lessProvision(an.a.Provisions[i], an.a.Provisions[j]) })
	for _, p := range an.a.Provisions {
		for _, e := range p.Entries {
			ps := an.a.ByBenchmark[e.Benchmark]
			if len(ps) == 0 || ps[len(ps)-1] != p {
				an.a.ByBenchmark[e.Benchmark] = append(ps, p)
			}
		}
	}
	for _, vi := range an.a.Violations {
		sort.Slice(vi.Provisions, func(i, j int) bool { return lessProvision(vi.Provisions[i], vi.Provisions[j]) })
	}
}

func lessProvision(a, b *Provision) bool {
	if a.law != b.law {
		return a.law < b.law
	}
	x, y := a.art, b.art
	for _, d := range [][2]int{{x.Article, y.Article}, {x.Sub, y.Sub}, {x.Paragraph, y.Paragraph}, {x.Item, y.Item}} {
		if d[0] != d[1] {
			return d[0] < d[1]
		}
	}
	return a.lawID < b.lawID
}

// finish sorts and groups the entries and compares them.
func (p *Provision) finish() {
	sort.SliceStable(p.Entries, func(i, j int) bool {
		a, b := p.Entries[i], p.Entries[j]
		if a.order != b.order {
			return a.order < b.order
		}
		if a.Benchmark.ID != b.Benchmark.ID {
			return a.Benchmark.ID < b.Benchmark.ID
		}
		return a.Index < b.Index
	})
	units := map[*model.Unit]int{}
	for _, e := range p.Entries {
		units[e.Unit]++
	}
	p.Units = len(units)
	// Violations of one provision are the same violation when every unit
	// has one; otherwise they are matched by name.
	oneEach := true
	for _, n := range units {
		oneEach = oneEach && n == 1
	}
	groups := map[string]int{}
	for k := range p.Entries {
		e := &p.Entries[k]
		name := ""
		if !oneEach {
			name = normName(e.Violation.Name)
		}
		g, ok := groups[name]
		if !ok {
			g = len(groups)
			groups[name] = g
		}
		e.Group = g
		e.Differs = make([]bool, len(e.Tiers))
		e.diffKeys = make([]map[rangeKey]bool, len(e.Tiers))
		for _, ti := range e.Tiers {
			for _, q := range ti.Penalties {
				if q.Type != fine.TypeFine || q.Unit != fine.UnitYuan || !q.HasRange() {
					continue
				}
				v := *maxOf(q.Min, q.Max)
				if e.Max == nil || v > *e.Max {
					e.Max = ptr(v)
				}
			}
		}
		if e.Max != nil {
			p.Max = math.Max(p.Max, *e.Max)
		}
	}
	sort.SliceStable(p.Entries, func(i, j int) bool { return p.Entries[i].Group < p.Entries[j].Group })
	if p.Units < 2 {
		return
	}
	for g := 0; g < len(groups); g++ {
		var idx []int
		gunits := map[*model.Unit]bool{}
		for k, e := range p.Entries {
			if e.Group == g {
				idx = append(idx, k)
				gunits[e.Unit] = true
			}
		}
		if len(gunits) < 2 {
			continue
		}
		prefix := ""
		if len(groups) > 1 {
			prefix = "违法行为“" + p.Entries[idx[0]].Violation.Name + "”:"
		}
		p.compareGroup(idx, prefix)
	}
	p.Differs = len(p.Notes) > 0
}

// maxOf returns the upper bound, or the lower bound of an open range.
func maxOf(lo, hi *float64) *float64 {
	if hi != nil {
		return hi
	}
	return lo
}

// normName reduces a violation name to what identifies it across units:
// without 对…的处罚, punctuation and spaces.
func normName(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "对")
	for _, suf := range []string{"的行政处罚", "的处罚", "行为", "的"} {
		s = strings.TrimSuffix(s, suf)
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r) {
			return -1
		}
		return r
	}, s)
}

// normLabel reduces a tier label for matching: "情节较轻的" = "情节较轻" =
// "较轻".
func normLabel(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	s = strings.TrimSuffix(s, "的")
	if t := strings.TrimPrefix(s, "情节"); t != "" {
		s = t
	}
	return s
}

// compareGroup compares the entries idx, which describe one violation.
func (p *Provision) compareGroup(idx []int, prefix string) {
	names := p.entryNames(idx)
	// number of tiers
	counts := map[int]bool{}
	for _, k := range idx {
		counts[len(p.Entries[k].Tiers)] = true
	}
	if len(counts) > 1 {
		var parts []string
		for _, k := range idx {
			parts = append(parts, names[k]+" "+strconv.Itoa(len(p.Entries[k].Tiers))+" 个")
		}
		p.Notes = append(p.Notes, prefix+"裁量阶次数不同:"+strings.Join(parts, "、"))
	}
	// tiers with the same label, then the same kind
	type slot struct{ e, t int }
	byKey := map[string][]slot{}
	var keys []string
	put := func(key string, s slot) {
		if _, ok := byKey[key]; !ok {
			keys = append(keys, key)
		}
		byKey[key] = append(byKey[key], s)
	}
	spread := func(ss []slot) bool {
		us := map[*model.Unit]bool{}
		for _, s := range ss {
			us[p.Entries[s.e].Unit] = true
		}
		return len(us) > 1
	}
	for _, k := range idx {
		for t, ti := range p.Entries[k].Tiers {
			put("label:"+normLabel(ti.Tier.Label), slot{k, t})
		}
	}
	kindCount := map[[2]int]int{} // (entry, kind index) → tiers of that kind
	kindIdx := map[string]int{}
	for _, k := range idx {
		for _, ti := range p.Entries[k].Tiers {
			if ti.Tier.Kind != "" {
				if _, ok := kindIdx[ti.Tier.Kind]; !ok {
					kindIdx[ti.Tier.Kind] = len(kindIdx)
				}
				kindCount[[2]int{k, kindIdx[ti.Tier.Kind]}]++
			}
		}
	}
	for _, key := range append([]string(nil), keys...) {
		if spread(byKey[key]) {
			continue
		}
		for _, s := range byKey[key] {
			kind := p.Entries[s.e].Tiers[s.t].Tier.Kind
			if kind != "" && kindCount[[2]int{s.e, kindIdx[kind]}] == 1 {
				put("kind:"+kind, s)
			}
		}
	}
	for _, key := range keys {
		ss := byKey[key]
		if !spread(ss) {
			continue
		}
		var known []slot
		sigs := map[string]bool{}
		for _, s := range ss {
			ti := p.Entries[s.e].Tiers[s.t]
			if !ti.Known() {
				continue
			}
			known = append(known, s)
			sigs[signature(ti)] = true
		}
		if len(sigs) < 2 {
			continue
		}
		var parts []string
		for _, s := range known {
			p.Entries[s.e].Differs[s.t] = true
			parts = append(parts, names[s.e]+" "+tierText(p.Entries[s.e].Tiers[s.t]))
		}
		// which kinds of penalty differ, for the chart
		byKind := map[rangeKey]map[string]bool{}
		for _, s := range known {
			for k, r := range ranges(p.Entries[s.e].Tiers[s.t]) {
				if byKind[k] == nil {
					byKind[k] = map[string]bool{}
				}
				byKind[k][r] = true
			}
		}
		for k, rs := range byKind {
			for _, s := range known {
				if _, ok := ranges(p.Entries[s.e].Tiers[s.t])[k]; !ok {
					rs[""] = true // a kind the tier lacks
				}
			}
			if len(rs) < 2 {
				continue
			}
			for _, s := range known {
				e := &p.Entries[s.e]
				if e.diffKeys[s.t] == nil {
					e.diffKeys[s.t] = map[rangeKey]bool{}
				}
				e.diffKeys[s.t][k] = true
			}
		}
		name := strings.TrimPrefix(strings.TrimPrefix(key, "label:"), "kind:")
		if strings.HasPrefix(key, "label:") {
			name = p.Entries[ss[0].e].Tiers[ss[0].t].Tier.Label
		}
		p.Notes = append(p.Notes, prefix+"阶次“"+name+"”的处罚不同:"+strings.Join(parts, ";"))
	}
	// highest fine
	maxes := map[float64]bool{}
	var parts []string
	for _, k := range idx {
		if m := p.Entries[k].Max; m != nil {
			maxes[*m] = true
			parts = append(parts, names[k]+" "+fine.FormatAmount(*m))
		}
	}
	if len(maxes) > 1 {
		p.Notes = append(p.Notes, prefix+"最高罚款不同:"+strings.Join(parts, "、"))
	}
}

// entryNames names the entries idx by unit, adding the benchmark id when
// a unit has several.
func (p *Provision) entryNames(idx []int) map[int]string {
	count := map[*model.Unit]int{}
	for _, k := range idx {
		count[p.Entries[k].Unit]++
	}
	names := map[int]string{}
	for _, k := range idx {
		e := &p.Entries[k]
		names[k] = e.Name()
		if count[e.Unit] > 1 {
			names[k] += "(" + e.Benchmark.ID + ")"
		}
	}
	return names
}

// signature identifies a tier's penalties for comparison, ignoring the
// wording, the order, conditions and 可以.
func signature(ti *TierInfo) string {
	var parts []string
	for _, q := range ti.Penalties {
		q = asTimes(q)
		s := q.Type + "|" + q.Target + "|" + q.Unit + "|" + q.Base + "|" + num(q.Min) + "|" + num(q.Max)
		parts = append(parts, s)
	}
	sort.Strings(parts)
	return strings.Join(dedupe(parts), ";")
}

// ranges maps each kind of penalty of a tier to its ranges.
func ranges(ti *TierInfo) map[rangeKey]string {
	out := map[rangeKey]string{}
	for _, q := range ti.Penalties {
		q = asTimes(q)
		k := keyOf(q)
		r := num(q.Min) + "|" + num(q.Max)
		if prev, ok := out[k]; ok && prev != r {
			r = prev + ";" + r
		}
		out[k] = r
	}
	return out
}

func num(v *float64) string {
	if v == nil {
		return "_"
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

func dedupe(ss []string) []string {
	var out []string
	for i, s := range ss {
		if i == 0 || s != ss[i-1] {
			out = append(out, s)
		}
	}
	return out
}

// tierText describes a tier's penalties in one phrase:
// "对单位罚款1万元以上3万元以下、对个人罚款500元以上1000元以下".
func tierText(ti *TierInfo) string {
	var parts []string
	seen := map[string]bool{}
	for _, q := range ti.Penalties {
		d := describe(q)
		if !seen[d] {
			seen[d] = true
			parts = append(parts, d)
		}
	}
	if !ti.Known() {
		for _, u := range ti.Unparsed {
			parts = append(parts, "未能解析“"+u.Text+"”")
		}
	}
	switch {
	case len(parts) > 0:
	case len(ti.Measures) > 0:
		return "无处罚,仅" + strings.Join(ti.Measures, "、")
	case len(ti.Notes) > 0:
		return strings.Join(ti.Notes, "、")
	default:
		return "无处罚"
	}
	return strings.Join(parts, "、")
}
