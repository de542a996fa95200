package bench

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"sunlight/internal/fine"
)

// Chart geometry, in SVG user units (1 unit = 1 CSS px at natural size).
const (
	chartW    = 720
	labelX    = 8   // left edge of the row labels
	labelW    = 178 // room for row labels
	plotX0    = 196 // the scale runs from plotX0 …
	plotX1    = 548 // … to plotX1
	valueX    = 558 // the range as text
	valueW    = chartW - valueX - 6
	headH     = 24 // unit or violation heading row
	tierH     = 18 // one bar row
	barH      = 10
	fontSize  = 12
	tickSize  = 11
	minLabelD = 44 // minimum distance between tick labels
)

// palette shades tiers from light (lightest tier) to dark (heaviest);
// every bar also has its tier label as text, so colour carries no meaning
// of its own.
var palette = []string{"#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c"}

type chartRow struct {
	heading bool   // a unit or violation heading
	group   bool   // a violation heading (several violations share the provision)
	label   string // left column
	tip     string // <title> of the row
	value   string // right column
	lo, hi  *float64
	bar     bool // lo/hi describe a fine in 元
	shade   string
	differs bool
}

// RangeChart draws the comparison of p as a small inline SVG: one block of
// rows per entry (unit), one row per tier and fine target, each fine in 元
// a horizontal bar on a logarithmic scale common to all units. It returns
// nil when no tier of p states a fine in 元. See the package documentation
// for the conventions.
func RangeChart(p *Provision) []byte {
	rows := chartRows(p)
	var vals []float64
	openLo, openHi := false, false
	for _, r := range rows {
		if !r.bar {
			continue
		}
		for _, v := range []*float64{r.lo, r.hi} {
			if v != nil && *v > 0 && !math.IsInf(*v, 0) {
				vals = append(vals, *v)
			}
		}
		openLo = openLo || r.lo == nil || *r.lo <= 0
		openHi = openHi || r.hi == nil
	}
	if len(vals) == 0 {
		return nil
	}
	sc := newScale(vals, openLo, openHi)
	id := "rc-" + p.Slug()

	height := 6
	for _, r := range rows {
		if r.heading {
			height += headH
		} else {
			height += tierH
		}
	}
	axisY := height + 4
	total := axisY + 40

	var b bytes.Buffer
	b.Grow(4096 + 640*len(rows)) // about what a row takes, so the buffer is not regrown
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="range-chart" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="%s-t %s-d" font-family="sans-serif" font-size="%d">`+"\n",
		chartW, total, chartW, total, id, id, fontSize)
	fmt.Fprintf(&b, `<title id="%s-t">%s</title>`+"\n", id, esc(p.ShortTitle()+" 各单位罚款幅度比较"))
	fmt.Fprintf(&b, `<desc id="%s-d">%s</desc>`+"\n", id, esc(chartDesc(p, sc)))
	fmt.Fprintf(&b, `<defs><pattern id="%s-open" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><rect width="3" height="6" fill="#6baed6"/></pattern></defs>`+"\n", id)

	// grid and axis
	b.WriteString(`<g class="axis" fill="#444444" font-size="` + strconv.Itoa(tickSize) + `">` + "\n")
	for _, t := range sc.ticks {
		x := sc.x(t.v)
		fmt.Fprintf(&b, `<line x1="%s" y1="4" x2="%s" y2="%d" stroke="#dddddd"/>`+"\n", f1(x), f1(x), axisY)
		if t.label {
			fmt.Fprintf(&b, `<text x="%s" y="%d" text-anchor="middle">%s</text>`+"\n", f1(x), axisY+15, esc(fine.FormatAmount(t.v)))
		}
	}
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#666666"/>`+"\n", plotX0, axisY, plotX1, axisY)
	fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle">%s</text>`+"\n", (plotX0+plotX1)/2, axisY+32, esc("罚款金额(对数刻度)"))
	b.WriteString("</g>\n")

	y := 6
	for _, r := range rows {
		if r.heading {
			weight := "bold"
			if r.group {
				weight = "normal"
			}
			w := labelW
			if r.group {
				w = chartW - 2*labelX
			}
			fmt.Fprintf(&b, `<text x="%d" y="%d" font-weight="%s">%s<title>%s</title></text>`+"\n",
				labelX, y+headH-7, weight, esc(fit(r.label, w, fontSize)), esc(r.tip))
			y += headH
			continue
		}
		b.WriteString("<g>")
		fmt.Fprintf(&b, `<title>%s</title>`, esc(r.tip))
		fmt.Fprintf(&b, `<text x="%d" y="%d">%s</text>`, labelX+12, y+13, esc(fit(r.label, labelW-12, fontSize)))
		if r.bar {
			b.WriteString(barSVG(sc, r, y, id))
		}
		value := r.value
		if r.differs {
			value += " ≠"
		}
		weight := ""
		if r.differs {
			weight = ` font-weight="bold"`
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d"%s>%s</text>`, valueX, y+13, weight, esc(fit(value, valueW, fontSize)))
		b.WriteString("</g>\n")
		y += tierH
	}
	b.WriteString("</svg>\n")
	return b.Bytes()
}

// barSVG draws one range: a bar between its ends, a diamond for a single
// amount, and a hatched bar with an arrow where the range is open.
func barSVG(sc *scale, r chartRow, y int, id string) string {
	top := float64(y + (tierH-barH)/2)
	mid := top + barH/2
	const stroke = ` stroke="#08306b" stroke-width="1"`
	if r.lo != nil && r.hi != nil && *r.lo == *r.hi {
		x := sc.x(*r.lo)
		return fmt.Sprintf(`<polygon points="%s,%s %s,%s %s,%s %s,%s" fill="%s"%s/>`,
			f1(x), f1(top-1), f1(x+6), f1(mid), f1(x), f1(top+barH+1), f1(x-6), f1(mid), r.shade, stroke)
	}
	x0, x1 := float64(plotX0), float64(plotX1)
	if r.lo != nil && *r.lo > 0 {
		x0 = sc.x(*r.lo)
	}
	if r.hi != nil {
		x1 = sc.x(*r.hi)
	}
	if x1-x0 < 2 {
		x1 = x0 + 2
	}
	fill := r.shade
	open := r.lo == nil || *r.lo <= 0 || r.hi == nil
	if open {
		fill = "url(#" + id + "-open)"
	}
	s := fmt.Sprintf(`<rect x="%s" y="%s" width="%s" height="%d" fill="%s"%s/>`, f1(x0), f1(top), f1(x1-x0), barH, fill, stroke)
	if r.lo == nil || *r.lo <= 0 {
		s += fmt.Sprintf(`<polygon points="%s,%s %s,%s %s,%s" fill="#08306b"/>`, f1(x0), f1(top-2), f1(x0-6), f1(mid), f1(x0), f1(top+barH+2))
	}
	if r.hi == nil {
		s += fmt.Sprintf(`<polygon points="%s,%s %s,%s %s,%s" fill="#08306b"/>`, f1(x1), f1(top-2), f1(x1+6), f1(mid), f1(x1), f1(top+barH+2))
	}
	return s
}

// chartRows lays out the entries of p.
func chartRows(p *Provision) []chartRow {
	var rows []chartRow
	groups := 0
	for _, e := range p.Entries {
		groups = max(groups, e.Group+1)
	}
	perUnit := map[[2]any]int{}
	for _, e := range p.Entries {
		perUnit[[2]any{e.Group, e.Unit}]++
	}
	lastGroup := -1
	for _, e := range p.Entries {
		if groups > 1 && e.Group != lastGroup {
			name := e.Violation.Name
			rows = append(rows, chartRow{heading: true, group: true, label: "违法行为:" + name, tip: name})
		}
		lastGroup = e.Group
		name := e.Name()
		if perUnit[[2]any{e.Group, e.Unit}] > 1 {
			name += "(" + e.Benchmark.Title + ")"
		}
		rows = append(rows, chartRow{heading: true, label: name, tip: e.Unit.Name + " " + e.Benchmark.Title})
		n := len(e.Tiers)
		for t, ti := range e.Tiers {
			shade := palette[0]
			if n > 1 {
				shade = palette[t*(len(palette)-1)/(n-1)]
			}
			label := ti.Tier.Label
			var fines []fine.Penalty
			for _, q := range ti.Penalties {
				if q.Type == fine.TypeFine && q.Unit == fine.UnitYuan && q.HasRange() {
					fines = append(fines, q)
				}
			}
			differs := t < len(e.Differs) && e.Differs[t]
			tip := name + " " + label + ":" + tierText(ti)
			if differs {
				tip += "(与其他单位不同)"
			}
			if len(fines) == 0 {
				value := tierText(ti)
				if !ti.Known() && len(ti.Penalties) == 0 {
					value = "未能解析"
				}
				rows = append(rows, chartRow{label: label, tip: tip, value: value, differs: differs})
				continue
			}
			for _, q := range fines {
				l := label
				if q.Target != "" {
					l += "·" + q.Target
				}
				rows = append(rows, chartRow{label: l, tip: tip, value: shortRange(q), lo: q.Min, hi: q.Max, bar: true, shade: shade, differs: e.RangeDiffers(t, q)})
			}
		}
	}
	return rows
}

// shortRange writes a range in 元 compactly: "1万–3万元", "500元",
// "1万元以下", "5000元以上".
func shortRange(q fine.Penalty) string {
	switch {
	case q.Min != nil && q.Max != nil && *q.Min == *q.Max:
		return fine.FormatAmount(*q.Min)
	case q.Min != nil && q.Max != nil:
		return strings.TrimSuffix(fine.FormatAmount(*q.Min), "元") + "–" + fine.FormatAmount(*q.Max)
	case q.Min != nil:
		return fine.FormatAmount(*q.Min) + "以上"
	}
	return fine.FormatAmount(*q.Max) + "以下"
}

// chartDesc summarises the chart in words for screen readers.
func chartDesc(p *Provision, sc *scale) string {
	var b strings.Builder
	fmt.Fprintf(&b, "按%s处罚的 %d 个单位的裁量阶次。", p.ShortTitle(), p.Units)
	for _, e := range p.Entries {
		var parts []string
		for _, ti := range e.Tiers {
			parts = append(parts, ti.Tier.Label+" "+tierText(ti))
		}
		fmt.Fprintf(&b, "%s(%s):%s。", e.Name(), e.Violation.Name, strings.Join(parts, ";"))
	}
	for _, n := range p.Notes {
		b.WriteString(n + "。")
	}
	fmt.Fprintf(&b, "横轴为罚款金额,对数刻度,从 %s 到 %s。", fine.FormatAmount(sc.lo), fine.FormatAmount(sc.hi))
	return b.String()
}

// scale is a logarithmic scale from lo to hi onto [plotX0, plotX1].
type scale struct {
	lo, hi float64
	ticks  []tick
}

type tick struct {
	v     float64
	label bool
}

// newScale covers vals: from the 1-2-5 value at or below the smallest to
// the one at or above the largest, one step further where a range is open
// so that its arrow has room. Ticks are at powers of ten, with 2 and 5
// between them when the scale spans at most two decades, and at both ends.
func newScale(vals []float64, openLo, openHi bool) *scale {
	vmin, vmax := vals[0], vals[0]
	for _, v := range vals {
		vmin, vmax = math.Min(vmin, v), math.Max(vmax, v)
	}
	lo, hi := niceFloor(vmin), niceCeil(vmax)
	if openLo {
		lo = niceFloor(lo * 0.99)
	}
	if openHi {
		hi = niceCeil(hi * 1.01)
	}
	if hi <= lo {
		lo, hi = niceFloor(lo*0.99), niceCeil(hi*1.01)
	}
	sc := &scale{lo: lo, hi: hi}
	steps := []float64{1}
	if math.Log10(hi/lo) <= 2+1e-9 {
		steps = []float64{1, 2, 5}
	}
	vs := []float64{lo}
	for p := math.Pow(10, math.Floor(math.Log10(lo)+1e-9)); p <= hi*(1+1e-9); p *= 10 {
		for _, s := range steps {
			if v := p * s; v > lo*(1+1e-9) && v < hi*(1-1e-9) {
				vs = append(vs, v)
			}
		}
	}
	vs = append(vs, hi)
	// label from the right, so that hi is always labelled
	sc.ticks = make([]tick, len(vs))
	lastX := math.Inf(1)
	for i := len(vs) - 1; i >= 0; i-- {
		sc.ticks[i].v = vs[i]
		if x := sc.x(vs[i]); lastX-x >= minLabelD {
			sc.ticks[i].label = true
			lastX = x
		}
	}
	return sc
}

// niceCeil is the smallest 1, 2 or 5 times a power of ten that is >= v.
func niceCeil(v float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(v)+1e-9))
	for _, s := range []float64{1, 2, 5, 10} {
		if p*s >= v*(1-1e-9) {
			return math.Round(p*s*1e6) / 1e6
		}
	}
	return p * 10
}

// niceFloor is the largest 1, 2 or 5 times a power of ten that is <= v.
func niceFloor(v float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(v)+1e-9))
	for _, s := range []float64{5, 2, 1} {
		if p*s <= v*(1+1e-9) {
			return math.Round(p*s*1e6) / 1e6
		}
	}
	return p
}

func (sc *scale) x(v float64) float64 {
	if v <= sc.lo {
		return plotX0
	}
	if v >= sc.hi {
		return plotX1
	}
	return plotX0 + math.Log10(v/sc.lo)/math.Log10(sc.hi/sc.lo)*(plotX1-plotX0)
}

// f1 writes a coordinate with at most one decimal.
func f1(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }

// esc escapes text for XML character data and attribute values, as
// xml.EscapeText does; most labels need nothing and are returned as they
// are (a comparison chart has thousands).
func esc(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, xmlEscaped) {
		return s
	}
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// xmlEscaped reports whether xml.EscapeText changes r: the quotes, & < >,
// control characters (tab and line ends included) and the code points
// XML does not allow.
func xmlEscaped(r rune) bool {
	switch r {
	case '"', '\'', '&', '<', '>', 0xFFFE, 0xFFFF:
		return true
	}
	return r < 0x20 || r >= 0xD800 && r < 0xE000
}

// fit shortens s with "…" to fit width at the given font size, counting
// wide (CJK) characters as one em and others as 0.6 em.
func fit(s string, width, size int) string {
	limit := float64(width) / float64(size)
	w := 0.0
	rs := []rune(s)
	for i, r := range rs {
		cw := 1.0
		if r < 0x2E80 {
			cw = 0.6
		}
		if w+cw > limit {
			for i > 0 && w+1 > limit {
				i--
				if rs[i] < 0x2E80 {
					w -= 0.6
				} else {
					w--
				}
			}
			return string(rs[:i]) + "…"
		}
		w += cw
	}
	return s
}
