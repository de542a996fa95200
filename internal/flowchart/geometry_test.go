package flowchart

import (
	"strings"
	"testing"
)

// The layout guarantees, checked on every template, every tricky shape and
// a few hundred random flows (fixed seeds, so failures reproduce).

func checkFlow(t *testing.T, f Flow) *Diagram {
	t.Helper()
	d, err := Layout(f)
	if err != nil {
		t.Fatalf("Layout(%s): %v", f.ID, err)
	}
	for _, p := range CheckGeometry(d) {
		t.Errorf("%s: %s", f.ID, p)
	}
	if len(d.Boxes) != len(f.Steps) {
		t.Errorf("%s: %d boxes for %d steps", f.ID, len(d.Boxes), len(f.Steps))
	}
	n := 0
	for _, s := range f.Steps {
		n += len(s.Edges)
	}
	if len(d.Edges) != n {
		t.Errorf("%s: %d routes for %d edges", f.ID, len(d.Edges), n)
	}
	return d
}

func TestGeometryOfTemplates(t *testing.T) {
	for _, n := range TemplateNames() {
		f, _ := Template(n)
		d := checkFlow(t, f)
		if x := d.Crossings(); x != 0 {
			t.Errorf("template %s: %d edge crossings, want 0", n, x)
		}
	}
}

func TestGeometryOfShapes(t *testing.T) {
	for _, s := range shapes {
		d := checkFlow(t, s.flow)
		if x := d.Crossings(); x != 0 {
			t.Errorf("shape %s: %d edge crossings, want 0", s.name, x)
		}
	}
	checkFlow(t, typical8())
}

func TestGeometryOfRandomFlows(t *testing.T) {
	n := uint64(400)
	if testing.Short() {
		n = 50
	}
	for seed := uint64(1); seed <= n; seed++ {
		f := randomFlow(seed)
		d, err := Layout(f)
		if err != nil {
			t.Fatalf("seed %d: Layout: %v", seed, err)
		}
		if ps := CheckGeometry(d); len(ps) > 0 {
			t.Errorf("seed %d: %d problems, first: %s", seed, len(ps), ps[0])
		}
	}
}

func TestLayoutIsDeterministic(t *testing.T) {
	for seed := uint64(1); seed <= 20; seed++ {
		f := randomFlow(seed)
		a, _ := Render(f, RenderOptions{})
		b, _ := Render(f, RenderOptions{})
		if string(a) != string(b) {
			t.Fatalf("seed %d: two renders differ", seed)
		}
	}
}

func TestMainPathRunsStraightDown(t *testing.T) {
	f, _ := Template("行政许可")
	d := checkFlow(t, f)
	var x float64
	rows := map[int]bool{}
	for _, b := range d.Boxes {
		if !b.Main {
			continue
		}
		if cx := b.X + b.W/2; x == 0 {
			x = cx
		} else if cx != x {
			t.Errorf("main step %s is centred at x=%v, want %v", b.ID, cx, x)
		}
		rows[b.Row] = true
	}
	if len(rows) != 6 {
		t.Errorf("main path has %d rows, want 6 (申请 受理 审查 决定 送达 办结)", len(rows))
	}
}

func TestSideExitsSitBesideTheirStep(t *testing.T) {
	f, _ := Template("行政许可")
	d := checkFlow(t, f)
	box := map[string]Box{}
	for _, b := range d.Boxes {
		box[b.ID] = b
	}
	for _, c := range []struct {
		side, main string
		right      bool
	}{
		{"buyushouli", "shouli", true},
		{"buzheng", "shouli", false},
		{"buyuxuke", "jueding", true},
	} {
		s, m := box[c.side], box[c.main]
		if !s.Side || s.Row != m.Row {
			t.Errorf("%s: Side=%v row %d, want a side step in row %d of %s", c.side, s.Side, s.Row, m.Row, c.main)
		}
		if got := s.X > m.X; got != c.right {
			t.Errorf("%s right of %s = %v, want %v", c.side, c.main, got, c.right)
		}
	}
}

func TestBackEdgesUseSeparateLanes(t *testing.T) {
	var f Flow
	for _, s := range shapes {
		if s.name == "two-back-edges" {
			f = s.flow
		}
	}
	d := checkFlow(t, f)
	var lanes []float64
	for _, r := range d.Edges {
		if !r.Back {
			continue
		}
		// the lane is the vertical run furthest from the drawing
		far := r.Points[0].X
		for _, p := range r.Points {
			far = max(far, p.X)
		}
		lanes = append(lanes, far)
		for _, b := range d.Boxes {
			if far <= b.Right() {
				t.Errorf("back edge %s→%s runs at x=%v, inside box %s", r.From, r.To, far, b.ID)
			}
		}
	}
	if len(lanes) != 2 || lanes[0] == lanes[1] {
		t.Errorf("back edge lanes at %v, want two different x", lanes)
	}
}

func TestLongTextWrapsAndGrowsTheBox(t *testing.T) {
	short := Flow{ID: "f", Steps: []Step{st("a", "受理", Start, "", "", e("b", "")), st("b", "办结", End, "", "")}}
	long := Flow{ID: "f", Steps: []Step{
		st("a", "对擅自在村庄集镇规划区内修建临时建筑物的处罚立案审批", Start, "", "", e("b", "")),
		st("b", "办结", End, "", "")}}
	ds, dl := checkFlow(t, short), checkFlow(t, long)
	if n := len(dl.Boxes[0].Lines); n < 2 {
		t.Errorf("long name drawn on %d line(s), want it wrapped", n)
	}
	if dl.Boxes[0].H <= ds.Boxes[0].H {
		t.Errorf("box height %v for a long name, %v for a short one: want it taller", dl.Boxes[0].H, ds.Boxes[0].H)
	}
	for _, l := range dl.Boxes[0].Lines {
		if l.Width > maxNameW {
			t.Errorf("line %q is %v wide, more than %v", l.Text, l.Width, maxNameW)
		}
	}
}

// The checks themselves must be able to fail.
func TestCheckGeometryFindsProblems(t *testing.T) {
	box := func(id string, x, y float64) Box {
		return Box{ID: id, Rect: Rect{x, y, 100, 40}}
	}
	text := func(s string, x, y, w float64) TextLine { return TextLine{Text: s, X: x, Y: y, Size: 15, Width: w} }
	base := func() *Diagram {
		return &Diagram{Width: 400, Height: 300,
			Boxes: []Box{box("a", 10, 10), box("b", 10, 150), box("c", 200, 80)},
			Edges: []Route{{From: "a", To: "b", Points: []Point{{60, 50}, {60, 150}}, Label: -1}},
		}
	}
	if ps := CheckGeometry(base()); len(ps) != 0 {
		t.Fatalf("clean diagram: %v", ps)
	}
	cases := []struct {
		name   string
		change func(d *Diagram)
		want   string
	}{
		{"overlap", func(d *Diagram) { d.Boxes[2].X = 50; d.Boxes[2].Y = 20 }, `boxes "a" and "c" overlap`},
		{"edge through box", func(d *Diagram) { d.Boxes[2] = box("c", 20, 90) }, `edge a→b segment 1 crosses box "c"`},
		{"edge into own box", func(d *Diagram) { d.Edges[0].Points[0] = Point{60, 30} }, `enters its own box "a"`},
		{"diagonal", func(d *Diagram) { d.Edges[0].Points[1] = Point{70, 150} }, "not horizontal or vertical"},
		{"text overflow", func(d *Diagram) { d.Boxes[0].Lines = []TextLine{text("很长很长的名称", 60, 35, 105)} }, `text "很长很长的名称" does not fit`},
		{"text in hexagon tip", func(d *Diagram) {
			d.Boxes[0].Shape, d.Boxes[0].Tip = ShapeHexagon, 20
			d.Boxes[0].Lines = []TextLine{text("审查", 60, 25, 90)}
		}, "does not fit"},
		{"label on box", func(d *Diagram) {
			d.Labels = []Label{{Text: "通过", Rect: Rect{190, 90, 30, 16}, Route: 0}}
			d.Edges[0].Label = 0
		}, `label "通过" overlaps box "c"`},
		{"labels overlap", func(d *Diagram) {
			d.Labels = []Label{{Text: "x", Rect: Rect{120, 60, 30, 16}, Route: 0}, {Text: "y", Rect: Rect{130, 65, 30, 16}, Route: 0}}
		}, `labels "x" and "y" overlap`},
		{"label on other edge", func(d *Diagram) {
			d.Edges = append(d.Edges, Route{From: "b", To: "c", Points: []Point{{110, 170}, {150, 170}, {150, 100}, {200, 100}}, Label: 0})
			d.Labels = []Label{{Text: "z", Rect: Rect{50, 100, 20, 16}, Route: 1}}
		}, `label "z" overlaps edge a→b`},
		{"shared line", func(d *Diagram) {
			d.Edges = append(d.Edges, Route{From: "a", To: "b", Points: []Point{{60, 50}, {60, 150}}, Label: -1})
		}, "run along the same line"},
		{"outside", func(d *Diagram) { d.Width = 250 }, `box "c" lies outside the viewBox`},
		{"misses target", func(d *Diagram) { d.Edges[0].Points[1] = Point{60, 120} }, "does not end at its target"},
	}
	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.name] {
			t.Fatalf("duplicate case %q", c.name)
		}
		seen[c.name] = true
		d := base()
		c.change(d)
		ps := CheckGeometry(d)
		if !strings.Contains(strings.Join(ps, "\n"), c.want) {
			t.Errorf("%s: CheckGeometry = %q, want a problem containing %q", c.name, ps, c.want)
		}
	}
}

func TestCrossingsCountsEachCrossing(t *testing.T) {
	d := &Diagram{Edges: []Route{
		{Points: []Point{{0, 5}, {10, 5}}},
		{Points: []Point{{5, 0}, {5, 10}, {20, 10}}},
		{Points: []Point{{15, 0}, {15, 20}}},
	}}
	if got := d.Crossings(); got != 2 {
		t.Errorf("Crossings() = %d, want 2", got)
	}
}
