package flowchart

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// RenderOptions controls Render. The zero value is ready to use.
type RenderOptions struct {
	// IDPrefix starts every id inside the SVG (its <title>, <desc> and
	// arrowhead marker), so several SVGs can share a page. Empty means
	// "fc-" followed by the first 8 hex digits of Flow.Hash, which is
	// unique per distinct flow. It should be a valid XML name.
	IDPrefix string
	// Title replaces the SVG's <title>. Empty means the flow's Title
	// followed by "流程图" (or "权力运行流程图" when the flow has none).
	Title string
}

// FontFamily is the font list the SVG asks for: system fonts only.
const FontFamily = `'PingFang SC','Hiragino Sans GB','Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif`

// Render lays out f and returns it as an <svg> element for inline use in
// HTML. It fails only when f cannot be drawn (see Layout).
func Render(f Flow, opt RenderOptions) ([]byte, error) {
	d, err := Layout(f)
	if err != nil {
		return nil, err
	}
	return renderDiagram(f, d, opt), nil
}

// svgWriter appends to a byte slice without temporary strings.
type svgWriter struct{ b []byte }

func (w *svgWriter) str(ss ...string) {
	for _, s := range ss {
		w.b = append(w.b, s...)
	}
}

// num writes a coordinate with at most one decimal.
func (w *svgWriter) num(v float64) {
	v = math.Round(v*10) / 10
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		w.b = strconv.AppendInt(w.b, int64(v), 10)
		return
	}
	w.b = strconv.AppendFloat(w.b, v, 'f', 1, 64)
}

// attr writes ` name="v"` for a number v.
func (w *svgWriter) attr(name string, v float64) {
	w.str(" ", name, `="`)
	w.num(v)
	w.b = append(w.b, '"')
}

// pt writes "x y".
func (w *svgWriter) pt(x, y float64) {
	w.num(x)
	w.b = append(w.b, ' ')
	w.num(y)
}

// esc writes text escaped for XML content and attribute values, dropping
// characters that XML 1.0 does not allow.
func (w *svgWriter) esc(s string) {
	for _, r := range s {
		switch {
		case r == '&':
			w.str("&amp;")
		case r == '<':
			w.str("&lt;")
		case r == '>':
			w.str("&gt;")
		case r == '"':
			w.str("&quot;")
		case r == '\'':
			w.str("&#39;")
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
			w.b = append(w.b, ' ')
		case r < 0x80:
			w.b = append(w.b, byte(r))
		default:
			w.b = utf8.AppendRune(w.b, r)
		}
	}
}

// renderDiagram draws d, the layout of f.
func renderDiagram(f Flow, d *Diagram, opt RenderOptions) []byte {
	p := opt.IDPrefix
	if p == "" {
		p = "fc-" + f.Hash()[:8]
	}
	title := opt.Title
	if title == "" {
		title = titleOf(f)
	}
	w := &svgWriter{b: make([]byte, 0, 2048+600*len(d.Boxes))}
	w.str(`<svg xmlns="http://www.w3.org/2000/svg" class="flowchart" viewBox="0 0 `)
	w.pt(d.Width, d.Height)
	w.str(`" width="100%" style="max-width:`)
	w.num(d.Width)
	w.str(`px;height:auto" role="img" aria-labelledby="`, p, `-t `, p, `-d" font-family="`, FontFamily, "\">\n")
	w.str(`<title id="`, p, `-t">`)
	w.esc(title)
	w.str("</title>\n", `<desc id="`, p, `-d">`)
	w.esc(describe(f, d))
	w.str("</desc>\n")
	w.str(`<defs><marker id="`, p, `-a" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto"><path d="M0 1L10 5L0 9z" fill="#333"/></marker></defs>`+"\n")

	// Boxes.
	w.str(`<g fill="#fff" stroke="#333" stroke-width="1.5">` + "\n")
	for i := range d.Boxes {
		writeBox(w, &d.Boxes[i])
	}
	w.str("</g>\n")

	// Edges.
	w.str(`<g fill="none" stroke="#444" stroke-width="1.5" marker-end="url(#`, p, `-a)">`+"\n")
	for _, r := range d.Edges {
		w.str(`<path d="`)
		for i, pt := range r.Points {
			switch {
			case i == 0:
				w.str("M")
				w.pt(pt.X, pt.Y)
			case pt.X == r.Points[i-1].X:
				w.str("V")
				w.num(pt.Y)
			case pt.Y == r.Points[i-1].Y:
				w.str("H")
				w.num(pt.X)
			default:
				w.str("L")
				w.pt(pt.X, pt.Y)
			}
		}
		w.str(`"/>` + "\n")
	}
	w.str("</g>\n")

	// Label backgrounds and risk badges.
	if len(d.Labels) > 0 {
		w.str(`<g fill="#fff">`)
		for _, l := range d.Labels {
			w.str("<rect")
			w.attr("x", l.X)
			w.attr("y", l.Y)
			w.attr("width", l.W)
			w.attr("height", l.H)
			w.str(` rx="2"/>`)
		}
		w.str("</g>\n")
	}
	for i := range d.Boxes {
		if d.Boxes[i].Risk != "" {
			writeBadge(w, &d.Boxes[i])
		}
	}

	// Text, grouped by style.
	for _, s := range []struct {
		role  TextRole
		attrs string
	}{
		{NameText, `font-size="15" font-weight="700" fill="#111"`},
		{MetaText, `font-size="12" fill="#444"`},
		{BadgeText, `font-size="11" font-weight="700" fill="#fff"`},
		{LabelText, `font-size="12" fill="#222"`},
	} {
		open := false
		line := func(t TextLine) {
			if !open {
				w.str(`<g text-anchor="middle" `, s.attrs, ">\n")
				open = true
			}
			w.str("<text")
			w.attr("x", t.X)
			w.attr("y", t.Y)
			w.str(">")
			w.esc(t.Text)
			w.str("</text>\n")
		}
		if s.role == LabelText {
			for _, l := range d.Labels {
				for _, t := range l.Lines {
					line(t)
				}
			}
		} else {
			for _, bx := range d.Boxes {
				for _, t := range bx.Lines {
					if t.Role == s.role {
						line(t)
					}
				}
			}
		}
		if open {
			w.str("</g>\n")
		}
	}
	w.str("</svg>\n")
	return w.b
}

// Colours: each risk level also has its own border (thick, dashed, plain)
// and badge icon (▲ ◆ ●), so the chart reads in black and white.
var riskStyle = map[string]struct{ stroke, fill, extra, badge string }{
	"高": {"#b42318", "#fdf0ef", ` stroke-width="3"`, "#b42318"},
	"中": {"#9a5b00", "#fff6e5", ` stroke-width="2" stroke-dasharray="7 3"`, "#8a5100"},
	"低": {"#2f6f3a", "#eef7ef", "", "#2f6f3a"},
}

func writeBox(w *svgWriter, bx *Box) {
	attrs := ""
	switch bx.Kind {
	case Start, End:
		attrs = ` fill="#eef4fb" stroke="#2c5282"`
	case Decision:
		attrs = ` fill="#fffdf2"`
	}
	if s, ok := riskStyle[bx.Risk]; ok {
		attrs = ` fill="` + s.fill + `" stroke="` + s.stroke + `"` + s.extra
	}
	switch bx.Shape {
	case ShapeHexagon:
		x, y, r, bt, cy := bx.X, bx.Y, bx.Right(), bx.Bottom(), bx.Y+bx.H/2
		w.str(`<path d="M`)
		w.pt(x+bx.Tip, y)
		w.str("H")
		w.num(r - bx.Tip)
		w.str("L")
		w.pt(r, cy)
		w.str("L")
		w.pt(r-bx.Tip, bt)
		w.str("H")
		w.num(x + bx.Tip)
		w.str("L")
		w.pt(x, cy)
		w.str(`z"`, attrs, "/>\n")
	default:
		rx := 4.0
		if bx.Shape == ShapePill {
			rx = bx.H / 2
		}
		w.str("<rect")
		w.attr("x", bx.X)
		w.attr("y", bx.Y)
		w.attr("width", bx.W)
		w.attr("height", bx.H)
		w.attr("rx", rx)
		w.str(attrs, "/>\n")
	}
}

func writeBadge(w *svgWriter, bx *Box) {
	s := riskStyle[bx.Risk]
	r := bx.Badge
	w.str(`<g fill="#fff"><rect`)
	w.attr("x", r.X)
	w.attr("y", r.Y)
	w.attr("width", r.W)
	w.attr("height", r.H)
	w.str(` rx="3" fill="`, s.badge, `"/>`)
	x, cy := r.X+badgePad, r.Y+r.H/2
	const k = badgeIcon
	switch bx.Risk {
	case "高": // triangle
		w.str(`<path d="M`)
		w.pt(x, cy+k/2)
		w.str("L")
		w.pt(x+k/2, cy-k/2)
		w.str("L")
		w.pt(x+k, cy+k/2)
		w.str(`z"/>`)
	case "中": // diamond
		w.str(`<path d="M`)
		w.pt(x+k/2, cy-k/2)
		w.str("L")
		w.pt(x+k, cy)
		w.str("L")
		w.pt(x+k/2, cy+k/2)
		w.str("L")
		w.pt(x, cy)
		w.str(`z"/>`)
	default: // circle
		w.str("<circle")
		w.attr("cx", x+k/2)
		w.attr("cy", cy)
		w.attr("r", k/2-0.5)
		w.str("/>")
	}
	w.str("</g>\n")
}

func titleOf(f Flow) string {
	t := strings.TrimSpace(f.Title)
	switch {
	case t == "":
		return "权力运行流程图"
	case strings.HasSuffix(t, "流程图"):
		return t
	}
	return t + "流程图"
}

var kindWord = [...]string{Process: "", Start: "开始", Decision: "判断", End: "结束"}

// describe is the <desc>: every step in reading order with its post, time
// limit, risk level and where each edge leads.
func describe(f Flow, d *Diagram) string {
	var b strings.Builder
	b.WriteString(titleOf(f) + "，共" + itoa(len(d.Boxes)) + "个步骤。")
	byID := make(map[string]int, len(d.Boxes))
	for i, bx := range d.Boxes {
		byID[bx.ID] = i
	}
	out := make([][]int, len(d.Boxes))
	for i, r := range d.Edges {
		out[byID[r.From]] = append(out[byID[r.From]], i)
	}
	for n, i := range readingOrder(d.Boxes) {
		s := f.Steps[i]
		name := s.Name
		if name == "" {
			name = s.ID
		}
		b.WriteString(itoa(n+1) + ". " + name)
		var parts []string
		if w := kindWord[s.Kind%4]; w != "" && s.Kind != End {
			parts = append(parts, w)
		}
		if s.Post != "" {
			parts = append(parts, "责任岗位："+s.Post)
		}
		if s.TimeLimit != "" {
			parts = append(parts, "时限："+s.TimeLimit)
		}
		if r := d.Boxes[i].Risk; r != "" {
			parts = append(parts, riskLabel(r))
		}
		if len(parts) > 0 {
			b.WriteString("（" + strings.Join(parts, "，") + "）")
		}
		var next []string
		for _, ri := range out[i] {
			r := d.Edges[ri]
			to := f.Steps[byID[r.To]].Name
			if to == "" {
				to = r.To
			}
			verb := "进入"
			if r.Back {
				verb = "返回"
			}
			t := verb + "“" + to + "”"
			if r.Label != -1 {
				t = d.Labels[r.Label].Text + "的，" + t
			}
			next = append(next, t)
		}
		switch {
		case len(next) == 0:
			b.WriteString("，流程结束")
		case len(next) == 1:
			b.WriteString("，" + next[0])
		default:
			b.WriteString("：" + strings.Join(next, "；"))
		}
		b.WriteString("。")
	}
	return b.String()
}

// readingOrder sorts boxes row by row, the main step of each row first,
// then the rest left to right.
func readingOrder(boxes []Box) []int {
	idx := make([]int, len(boxes))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := boxes[idx[a]], boxes[idx[b]]
		if x.Row != y.Row {
			return x.Row < y.Row
		}
		if x.Main != y.Main {
			return x.Main
		}
		return x.Col < y.Col
	})
	return idx
}

// Order returns the steps of f in reading order, for the text alternative
// printed beside the SVG: row by row from the top, the main path's step
// first in each row, then side steps and branches from left to right. A
// flow that cannot be drawn is returned in its own order.
func Order(f Flow) []Step {
	g, err := analyze(&f, nil)
	if err != nil {
		return f.clone().Steps
	}
	boxes := make([]Box, g.n)
	for v := range boxes {
		it := g.items[g.nodeIt[v]]
		boxes[v] = Box{Row: it.row, Col: it.col, Main: g.onMain[v]}
	}
	var out []Step
	for _, i := range readingOrder(boxes) {
		out = append(out, f.Steps[i].clone())
	}
	return out
}
