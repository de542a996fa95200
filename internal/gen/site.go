package gen

import (
	"sort"
	"time"
)

// site is the plan of a generated portal: its counties and units, with
// the number of items each unit publishes. It is small (one entry per
// unit); the items themselves are generated unit by unit.
type site struct {
	opt      Options
	region   string // 青川县, or 云阳市 when the portal spans several counties
	pin      string // pinyin of the region, used in the site's addresses
	multi    bool
	counties []*county
	units    []*unit
	cands    map[string]map[string][]cand // domain → category → candidates
	carry    [11]float64                  // category quotas carried between units
}

type county struct {
	idx             int
	name, stem, pin string // 青川县, 青川, qingchuan
	division        string // 6-digit code (fictional 99 prefix, like the demo's 990101)
	area            string // telephone area code
	gov             *unit
}

type unit struct {
	idx         int
	id          string
	name, short string
	typ, domain string
	place       string // township name (青石镇) for townships
	county      *county
	parent      string
	order       int
	code3       string
	items       int
}

// countyLayout is the order in which a county's units are created: the
// departments interleaved with townships (so small portals get both),
// then more townships.
var countyLayout = []string{domZRZY, domXZ, domSTHJ, domXZ, domZJ, domCG, domXZ, domGov, domSCJG, domNYNC}

func newSite(opt Options) *site {
	opt = opt.Normalized()
	s := &site{opt: opt, cands: map[string]map[string][]cand{}}
	r := newRNG(opt.Seed, 0)
	countyNames := newNameGen(r, firstSyl, countySyl)
	townNames := newNameGen(r, firstSyl, townSyl)
	cityStem, cityPin := countyNames.take()

	ids := map[string]bool{}
	uniqueID := func(id string) string {
		base := id
		for n := 2; ids[id]; n++ {
			id = base + "-" + itoa(n)
		}
		ids[id] = true
		return id
	}
	remaining := opt.Units
	for k := 0; remaining > 0; k++ {
		size := len(countyLayout) + r.between(6, 12)
		take := min(size, remaining)
		remaining -= take
		stem, pin := countyNames.take()
		c := &county{idx: k, name: stem + "县", stem: stem, pin: pin,
			division: "99" + pad(1+k/99, 2) + pad(1+k%99, 2), area: "0" + itoa(550+k%400)}
		s.counties = append(s.counties, c)
		for pos := 0; pos < take; pos++ {
			dom := domXZ
			if pos < len(countyLayout) {
				dom = countyLayout[pos]
			}
			u := &unit{idx: len(s.units), domain: dom, county: c, code3: pad(pos+1, 3), typ: domains[dom].Type}
			switch dom {
			case domXZ:
				han, p := townNames.take()
				suffix, idSuffix := "镇", "zhen"
				if r.chance(30) {
					suffix, idSuffix = "乡", "xiang"
				}
				u.place = han + suffix
				u.name, u.short = c.name+u.place+"人民政府", u.place
				u.id = uniqueID(p + "-" + idSuffix)
				u.order = k*100 + 20 + pos
			case domGov:
				u.name = c.name + "人民政府"
				u.id = uniqueID(c.pin + "-zf")
				u.order = k*100 + 1
				c.gov = u
			default:
				d := domains[dom]
				u.name, u.short = c.name+d.Name, d.Name
				u.id = uniqueID(c.pin + "-" + d.Short)
				u.order = k*100 + 2 + pos
			}
			s.units = append(s.units, u)
		}
	}
	s.multi = len(s.counties) > 1
	if s.multi {
		s.region, s.pin = cityStem+"市", cityPin
	} else {
		s.region, s.pin = s.counties[0].name, s.counties[0].pin
	}
	for _, u := range s.units {
		if u.domain != domGov && u.county.gov != nil {
			u.parent = u.county.gov.id
		}
		if s.multi && u.domain != domXZ && u.domain != domGov {
			u.short = u.name // 青川县自然资源局: department names repeat across counties
		}
	}
	s.allocate()
	return s
}

// allocate spreads the items over the units in proportion to their
// domain's weight (largest remainder, ties by unit order).
func (s *site) allocate() {
	total := 0
	for _, u := range s.units {
		total += domains[u.domain].Weight
	}
	type rem struct {
		i    int
		frac float64
	}
	rems := make([]rem, len(s.units))
	given := 0
	for i, u := range s.units {
		ideal := float64(s.opt.Items) * float64(domains[u.domain].Weight) / float64(total)
		u.items = int(ideal)
		given += u.items
		rems[i] = rem{i, ideal - float64(u.items)}
	}
	sort.SliceStable(rems, func(a, b int) bool { return rems[a].frac > rems[b].frac })
	for k := 0; given < s.opt.Items; k++ {
		s.units[rems[k%len(rems)].i].items++
		given++
	}
}

// Category weights (percent) by unit type, before removing the categories
// a unit has no templates for.
var categoryWeights = map[string][11]float64{
	//                 XK  CF  QZ  ZS  GF  JC  QR  JL  CJ  QT  GG
	"县政府工作部门": {10, 46, 7, 3, 2, 8, 3, 1, 1, 4, 3},
	"派出机构":    {10, 46, 7, 3, 2, 8, 3, 1, 1, 4, 3},
	"乡镇人民政府":  {10, 43, 4, 0, 8, 8, 8, 3, 5, 5, 6},
	"县人民政府":   {15, 0, 0, 25, 20, 0, 0, 10, 15, 8, 7},
}

// quotas splits a unit's items over the categories. The fractional parts
// are carried from unit to unit, so the site-wide mix follows the weights
// even when every unit is small.
func (s *site) quotas(u *unit) [11]int {
	var q [11]int
	w := categoryWeights[u.typ]
	avail := s.candidates(u.domain)
	// The weight of the categories the unit has no templates for goes to
	// its other categories except 行政处罚, whose share stays as set.
	missing, rest := 0.0, 0.0
	for i, c := range categories {
		if len(avail[c.Code]) == 0 {
			missing += w[i]
			w[i] = 0
		} else if c.Code != "CF" {
			rest += w[i]
		}
	}
	sum := 0.0
	for i, c := range categories {
		if c.Code != "CF" && rest > 0 {
			w[i] += missing * w[i] / rest
		}
		sum += w[i]
	}
	if sum == 0 || u.items == 0 {
		return q
	}
	for i := range w {
		s.carry[i] += float64(u.items) * w[i] / sum
	}
	for n := 0; n < u.items; n++ {
		best := -1
		for i := range w {
			if w[i] > 0 && (best < 0 || s.carry[i] > s.carry[best]) {
				best = i
			}
		}
		q[best]++
		s.carry[best]--
	}
	return q
}

// eachUnit generates the units in order and hands each to fn.
func (s *site) eachUnit(fn func(*unitDoc) error) error {
	for _, u := range s.units {
		if err := fn(s.genUnit(u)); err != nil {
			return err
		}
	}
	return nil
}

// date is a calendar day.
type date struct{ t time.Time }

func ymd(y, m, d int) date { return date{time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)} }

func (d date) String() string     { return d.t.Format("2006-01-02") }
func (d date) IsZero() bool       { return d.t.IsZero() }
func (d date) Before(e date) bool { return d.t.Before(e.t) }
func (d date) addDays(n int) date { return date{d.t.AddDate(0, 0, n)} }

// between returns a day in [a, b].
func (r *rng) date(a, b date) date {
	if !a.Before(b) {
		return a
	}
	days := int(b.t.Sub(a.t).Hours() / 24)
	return a.addDays(r.intn(days + 1))
}

func later(a, b date) date {
	if a.Before(b) {
		return b
	}
	return a
}
