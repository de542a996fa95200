package flowchart

import (
	"fmt"
	"math"
)

// Point is a position in SVG user units (CSS pixels at 100%), y down.
type Point struct{ X, Y float64 }

// Rect is an axis-aligned rectangle; X, Y is its top-left corner.
type Rect struct{ X, Y, W, H float64 }

// Right returns the x of the right edge.
func (r Rect) Right() float64 { return r.X + r.W }

// Bottom returns the y of the bottom edge.
func (r Rect) Bottom() float64 { return r.Y + r.H }

// Center returns the centre point.
func (r Rect) Center() Point { return Point{r.X + r.W/2, r.Y + r.H/2} }

// Overlaps reports whether the interiors of r and o intersect.
func (r Rect) Overlaps(o Rect) bool {
	return r.X < o.Right() && o.X < r.Right() && r.Y < o.Bottom() && o.Y < r.Bottom()
}

// inset returns r shrunk by d on every side (grown when d < 0).
func (r Rect) inset(d float64) Rect { return Rect{r.X + d, r.Y + d, r.W - 2*d, r.H - 2*d} }

// Shape is the outline of a box.
type Shape uint8

const (
	ShapeRect    Shape = iota // process: rectangle with slightly rounded corners
	ShapePill                 // start and end: a stadium (rectangle with half-circle ends)
	ShapeHexagon              // decision: flat top and bottom, pointed left and right
)

// TextRole says what a line of text in a box shows.
type TextRole uint8

const (
	NameText  TextRole = iota // the step name, bold
	MetaText                  // 责任岗位 · 时限, smaller
	BadgeText                 // the risk badge, e.g. "高风险"
	LabelText                 // an edge label
)

// TextLine is one line of text, centred on X with its baseline at Y.
type TextLine struct {
	Text  string
	X, Y  float64
	Size  float64 // font size in px
	Width float64 // measured advance width
	Role  TextRole
}

// Rect returns the line's ink box: its measured width by the em box
// (0.88em above the baseline, 0.12em below).
func (t TextLine) Rect() Rect {
	return Rect{t.X - t.Width/2, t.Y - 0.88*t.Size, t.Width, t.Size}
}

// Box is the drawing of one step.
type Box struct {
	ID    string
	Name  string
	Kind  Kind
	Shape Shape
	Rect
	Tip      float64 // ShapeHexagon: how far each point sticks out past the flat part
	Row, Col int     // grid cell; Col 0 is the leftmost column
	Main     bool    // on the main path
	Side     bool    // a side exit or loop drawn beside its main step
	Risk     string  // highest risk level of the step: 高, 中, 低 or ""
	Lines    []TextLine
	Badge    Rect // risk badge, zero when Risk is ""
}

// Route is the drawing of one edge: an orthogonal polyline from the border
// of the source box to the border of the target box, where the arrowhead is.
type Route struct {
	From, To string
	Points   []Point
	Back     bool // returns upwards (补正, 退回)
	Label    int  // index in Diagram.Labels, or -1
}

// Label is an edge label: white background Rect, text lines inside.
type Label struct {
	Text string
	Rect
	Lines []TextLine
	Route int // index in Diagram.Edges
}

// Diagram is the geometry of a laid-out flow. Layout computes it; Render
// draws exactly this; CheckGeometry verifies it.
type Diagram struct {
	Width, Height float64
	Boxes         []Box   // in step order
	Edges         []Route // in step order, then edge order
	Labels        []Label
}

// Crossings counts the points where two different edges cross.
func (d *Diagram) Crossings() int {
	n := 0
	for i := range d.Edges {
		for j := i + 1; j < len(d.Edges); j++ {
			a, b := d.Edges[i].Points, d.Edges[j].Points
			for s := 1; s < len(a); s++ {
				for t := 1; t < len(b); t++ {
					if properCross(a[s-1], a[s], b[t-1], b[t]) {
						n++
					}
				}
			}
		}
	}
	return n
}

// CheckGeometry verifies the layout guarantees of d and returns one line
// per problem (nil when there is none):
//
//   - no two boxes overlap;
//   - no edge passes through a box, and no edge enters the inside of its
//     own source or target;
//   - every line of text lies inside its box's outline;
//   - labels overlap no box, no other label and no other edge;
//   - no two edges run along the same line for more than a point;
//   - everything lies inside the viewBox.
func CheckGeometry(d *Diagram) []string {
	var p []string
	add := func(format string, args ...any) { p = append(p, fmt.Sprintf(format, args...)) }
	view := Rect{0, 0, d.Width, d.Height}
	const eps = 0.5
	for i, a := range d.Boxes {
		for j := i + 1; j < len(d.Boxes); j++ {
			if b := d.Boxes[j]; a.Rect.Overlaps(b.Rect) {
				add("boxes %q and %q overlap", a.ID, b.ID)
			}
		}
		if !inside(view, a.Rect) {
			add("box %q lies outside the viewBox", a.ID)
		}
		for _, l := range a.Lines {
			if !a.containsRect(l.Rect(), eps) {
				add("text %q does not fit inside box %q", l.Text, a.ID)
			}
		}
		if a.Risk != "" && !a.containsRect(a.Badge, eps) {
			add("risk badge does not fit inside box %q", a.ID)
		}
	}
	byID := map[string]int{}
	for i, b := range d.Boxes {
		byID[b.ID] = i
	}
	for ri, r := range d.Edges {
		name := r.From + "→" + r.To
		if len(r.Points) < 2 {
			add("edge %s has no segments", name)
			continue
		}
		for s := 1; s < len(r.Points); s++ {
			a, b := r.Points[s-1], r.Points[s]
			if a.X != b.X && a.Y != b.Y {
				add("edge %s segment %d is not horizontal or vertical", name, s)
			}
			if !view.containsPoint(a) || !view.containsPoint(b) {
				add("edge %s leaves the viewBox", name)
			}
			for bi, box := range d.Boxes {
				if box.ID == r.From || box.ID == r.To {
					if box.segmentEnters(a, b, eps) {
						add("edge %s segment %d enters its own box %q", name, s, box.ID)
					}
					continue
				}
				if segRect(a, b, box.Rect.inset(eps)) {
					add("edge %s segment %d crosses box %q", name, s, d.Boxes[bi].ID)
				}
			}
		}
		for rj := ri + 1; rj < len(d.Edges); rj++ {
			o := d.Edges[rj]
			for s := 1; s < len(r.Points); s++ {
				for t := 1; t < len(o.Points); t++ {
					if collinearOverlap(r.Points[s-1], r.Points[s], o.Points[t-1], o.Points[t]) {
						add("edges %s and %s run along the same line", name, o.From+"→"+o.To)
					}
				}
			}
		}
		if end, ok := byID[r.To]; ok {
			last := r.Points[len(r.Points)-1]
			if !d.Boxes[end].Rect.inset(-eps).containsPoint(last) {
				add("edge %s does not end at its target", name)
			}
		}
	}
	for i, l := range d.Labels {
		if !inside(view, l.Rect) {
			add("label %q lies outside the viewBox", l.Text)
		}
		for _, t := range l.Lines {
			if !inside(l.Rect.inset(-eps), t.Rect()) {
				add("label %q text overflows its background", l.Text)
			}
		}
		for _, b := range d.Boxes {
			if l.Rect.Overlaps(b.Rect) {
				add("label %q overlaps box %q", l.Text, b.ID)
			}
		}
		for j := i + 1; j < len(d.Labels); j++ {
			if l.Rect.Overlaps(d.Labels[j].Rect) {
				add("labels %q and %q overlap", l.Text, d.Labels[j].Text)
			}
		}
		for ri, r := range d.Edges {
			if ri == l.Route {
				continue
			}
			for s := 1; s < len(r.Points); s++ {
				if segRect(r.Points[s-1], r.Points[s], l.Rect) {
					add("label %q overlaps edge %s", l.Text, r.From+"→"+r.To)
					break
				}
			}
		}
	}
	return p
}

func inside(outer, r Rect) bool {
	const eps = 1e-6
	return r.X >= outer.X-eps && r.Y >= outer.Y-eps && r.Right() <= outer.Right()+eps && r.Bottom() <= outer.Bottom()+eps
}

func (r Rect) containsPoint(p Point) bool {
	const eps = 1e-6
	return p.X >= r.X-eps && p.X <= r.Right()+eps && p.Y >= r.Y-eps && p.Y <= r.Bottom()+eps
}

// halfWidthAt returns the half-width of the box's outline at height y, or
// -1 outside it.
func (b *Box) halfWidthAt(y float64) float64 {
	cy := b.Y + b.H/2
	dy := math.Abs(y - cy)
	if dy > b.H/2+1e-9 {
		return -1
	}
	switch b.Shape {
	case ShapePill:
		r := b.H / 2
		return b.W/2 - r + math.Sqrt(math.Max(0, r*r-dy*dy))
	case ShapeHexagon:
		return b.W/2 - b.Tip*dy/(b.H/2)
	}
	return b.W / 2
}

// containsRect reports whether r lies inside the box outline, allowing eps.
func (b *Box) containsRect(r Rect, eps float64) bool {
	if !inside(b.Rect.inset(-eps), r) {
		return false
	}
	cx := b.X + b.W/2
	for _, y := range []float64{r.Y, r.Bottom()} {
		hw := b.halfWidthAt(y)
		if hw < 0 {
			return false
		}
		if r.X < cx-hw-eps || r.Right() > cx+hw+eps {
			return false
		}
	}
	return true
}

// segmentEnters reports whether segment ab passes through the inside of
// the box outline (shrunk by eps), not merely touching its border.
func (b *Box) segmentEnters(a, c Point, eps float64) bool {
	const steps = 64
	for i := 1; i < steps; i++ {
		t := float64(i) / steps
		p := Point{a.X + (c.X-a.X)*t, a.Y + (c.Y-a.Y)*t}
		cy := b.Y + b.H/2
		if math.Abs(p.Y-cy) >= b.H/2-eps {
			continue
		}
		hw := b.halfWidthAt(p.Y)
		if math.Abs(p.X-(b.X+b.W/2)) < hw-eps {
			return true
		}
	}
	return false
}

// segRect reports whether segment ab meets the interior of r
// (Liang–Barsky clipping).
func segRect(a, b Point, r Rect) bool {
	if r.W <= 0 || r.H <= 0 {
		return false
	}
	t0, t1 := 0.0, 1.0
	dx, dy := b.X-a.X, b.Y-a.Y
	clip := func(p, q float64) bool {
		if p == 0 {
			return q > 0
		}
		t := q / p
		if p < 0 {
			if t > t1 {
				return false
			}
			t0 = math.Max(t0, t)
		} else {
			if t < t0 {
				return false
			}
			t1 = math.Min(t1, t)
		}
		return true
	}
	if !clip(-dx, a.X-r.X) || !clip(dx, r.Right()-a.X) || !clip(-dy, a.Y-r.Y) || !clip(dy, r.Bottom()-a.Y) {
		return false
	}
	if t0 >= t1 {
		// Degenerate: a point (or a segment touching only a corner).
		if dx == 0 && dy == 0 {
			return a.X > r.X && a.X < r.Right() && a.Y > r.Y && a.Y < r.Bottom()
		}
		return false
	}
	// The clipped part must lie strictly inside, not along the border.
	m := Point{a.X + dx*(t0+t1)/2, a.Y + dy*(t0+t1)/2}
	return m.X > r.X && m.X < r.Right() && m.Y > r.Y && m.Y < r.Bottom()
}

// properCross reports whether two axis-aligned segments cross at a point
// inside both (a crossing, not a touch or a shared corner).
func properCross(a, b, c, d Point) bool {
	hv := func(h1, h2, v1, v2 Point) bool {
		y, x := h1.Y, v1.X
		return x > math.Min(h1.X, h2.X)+1e-6 && x < math.Max(h1.X, h2.X)-1e-6 &&
			y > math.Min(v1.Y, v2.Y)+1e-6 && y < math.Max(v1.Y, v2.Y)-1e-6
	}
	ah, av := a.Y == b.Y && a.X != b.X, a.X == b.X && a.Y != b.Y
	ch, cv := c.Y == d.Y && c.X != d.X, c.X == d.X && c.Y != d.Y
	switch {
	case ah && cv:
		return hv(a, b, c, d)
	case av && ch:
		return hv(c, d, a, b)
	}
	return false
}

// collinearOverlap reports whether two axis-aligned segments lie on the
// same line and share more than a point.
func collinearOverlap(a, b, c, d Point) bool {
	const tol = 1.0
	if a.Y == b.Y && c.Y == d.Y && math.Abs(a.Y-c.Y) < tol {
		lo := math.Max(math.Min(a.X, b.X), math.Min(c.X, d.X))
		hi := math.Min(math.Max(a.X, b.X), math.Max(c.X, d.X))
		return hi-lo > tol
	}
	if a.X == b.X && c.X == d.X && math.Abs(a.X-c.X) < tol {
		lo := math.Max(math.Min(a.Y, b.Y), math.Min(c.Y, d.Y))
		hi := math.Min(math.Max(a.Y, b.Y), math.Max(c.Y, d.Y))
		return hi-lo > tol
	}
	return false
}
