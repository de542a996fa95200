package flowchart

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The comparison with Graphviz (testdata/compare_dot.sh) draws the same
// flow with dot. Sunlight never runs dot; only this comparison does.

// toDOT writes f as a Graphviz graph with the same content and shapes.
func toDOT(f Flow) string {
	var b strings.Builder
	q := func(s string) string { return strconv.Quote(s) }
	fmt.Fprintf(&b, "digraph %s {\n", q(f.ID))
	b.WriteString("  rankdir=TB; nodesep=0.4; ranksep=0.4;\n")
	b.WriteString("  node [fontname=\"Noto Sans CJK SC\", fontsize=12, style=filled, fillcolor=white];\n")
	b.WriteString("  edge [fontname=\"Noto Sans CJK SC\", fontsize=11];\n")
	for _, s := range f.Steps {
		label := s.Name
		meta := s.Post
		if s.TimeLimit != "" {
			if meta != "" {
				meta += metaSep
			}
			meta += s.TimeLimit
		}
		if meta != "" {
			label += "\n" + meta
		}
		shape := "box"
		extra := ""
		switch s.Kind {
		case Start, End:
			extra = `, style="rounded,filled"`
		case Decision:
			shape = "hexagon"
		}
		fmt.Fprintf(&b, "  %s [label=%s, shape=%s%s];\n", s.ID, q(label), shape, extra)
	}
	for _, s := range f.Steps {
		for _, e := range s.Edges {
			if e.Label != "" {
				fmt.Fprintf(&b, "  %s -> %s [label=%s];\n", s.ID, e.To, q(e.Label))
			} else {
				fmt.Fprintf(&b, "  %s -> %s;\n", s.ID, e.To)
			}
		}
	}
	b.WriteString("}\n")
	return b.String()
}

const dotFile = "testdata/xingzheng-xuke.dot"

func TestDOTFileIsUpToDate(t *testing.T) {
	f, _ := Template("行政许可")
	got := toDOT(f)
	if updating() {
		if err := os.WriteFile(dotFile, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(dotFile)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s is stale (run with -update):\n%s", dotFile, shortDiff(string(want), got))
	}
}

// TestGraphvizComparison prints bytes and crossings for our drawing and
// dot's. It runs only with FLOWCHART_COMPARE=1 and dot installed.
func TestGraphvizComparison(t *testing.T) {
	if os.Getenv("FLOWCHART_COMPARE") != "1" {
		t.Skip("set FLOWCHART_COMPARE=1 (and install graphviz) to compare with dot")
	}
	if _, err := exec.LookPath("dot"); err != nil {
		t.Skip("dot not installed")
	}
	f, _ := Template("行政许可")
	d, _ := Layout(f)
	svg, _ := Render(f, RenderOptions{})
	dotSVG, err := exec.Command("dot", "-Tsvg", dotFile).Output()
	if err != nil {
		t.Fatal(err)
	}
	plain, err := exec.Command("dot", "-Tplain", dotFile).Output()
	if err != nil {
		t.Fatal(err)
	}
	edges := plainEdges(t, plain)
	t.Logf("bytes: sunlight %d, dot -Tsvg %d", len(svg), len(dotSVG))
	t.Logf("crossings: sunlight %d, dot %d", d.Crossings(), splineCrossings(edges))
	t.Logf("size: sunlight %vx%v px, dot %s", d.Width, d.Height, dotSize(plain))
	if out := os.Getenv("FLOWCHART_OUT"); out != "" {
		os.WriteFile(filepath.Join(out, "sunlight.svg"), svg, 0o644)
		os.WriteFile(filepath.Join(out, "dot.svg"), dotSVG, 0o644)
	}
}

func dotSize(plain []byte) string {
	line, _, _ := bytes.Cut(plain, []byte("\n"))
	fs := strings.Fields(string(line))
	if len(fs) < 4 {
		return "?"
	}
	w, _ := strconv.ParseFloat(fs[2], 64)
	h, _ := strconv.ParseFloat(fs[3], 64)
	return fmt.Sprintf("%.0fx%.0f px", w*72, h*72)
}

// plainEdges reads the spline control points of every edge from dot -Tplain.
func plainEdges(t *testing.T, plain []byte) [][]Point {
	var edges [][]Point
	sc := bufio.NewScanner(bytes.NewReader(plain))
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 4 || fs[0] != "edge" {
			continue
		}
		n, err := strconv.Atoi(fs[3])
		if err != nil || len(fs) < 4+2*n {
			t.Fatalf("bad edge line %q", sc.Text())
		}
		pts := make([]Point, n)
		for i := range pts {
			pts[i].X, _ = strconv.ParseFloat(fs[4+2*i], 64)
			pts[i].Y, _ = strconv.ParseFloat(fs[5+2*i], 64)
		}
		edges = append(edges, pts)
	}
	return edges
}

// splineCrossings samples each edge's cubic Bézier pieces into a polyline
// and counts the points where two different edges cross.
func splineCrossings(edges [][]Point) int {
	sample := func(c []Point) []Point {
		var out []Point
		for i := 0; i+3 < len(c); i += 3 {
			for k := 0; k <= 24; k++ {
				u := float64(k) / 24
				a, b2, c2, d := (1-u)*(1-u)*(1-u), 3*u*(1-u)*(1-u), 3*u*u*(1-u), u*u*u
				out = append(out, Point{
					a*c[i].X + b2*c[i+1].X + c2*c[i+2].X + d*c[i+3].X,
					a*c[i].Y + b2*c[i+1].Y + c2*c[i+2].Y + d*c[i+3].Y})
			}
		}
		return out
	}
	lines := make([][]Point, len(edges))
	for i, e := range edges {
		lines[i] = sample(e)
	}
	cross := func(p, p2, q, q2 Point) (Point, bool) {
		d := (p2.X-p.X)*(q2.Y-q.Y) - (p2.Y-p.Y)*(q2.X-q.X)
		if d == 0 {
			return Point{}, false
		}
		s := ((q.X-p.X)*(q2.Y-q.Y) - (q.Y-p.Y)*(q2.X-q.X)) / d
		u := ((q.X-p.X)*(p2.Y-p.Y) - (q.Y-p.Y)*(p2.X-p.X)) / d
		if s <= 0 || s >= 1 || u <= 0 || u >= 1 {
			return Point{}, false
		}
		return Point{p.X + s*(p2.X-p.X), p.Y + s*(p2.Y-p.Y)}, true
	}
	n := 0
	for i := range lines {
		for j := i + 1; j < len(lines); j++ {
			a, b := lines[i], lines[j]
			var found []Point
			for s := 1; s < len(a); s++ {
				for u := 1; u < len(b); u++ {
					if x, ok := cross(a[s-1], a[s], b[u-1], b[u]); ok {
						// ignore where edges meet at a shared box
						if near(x, a[0]) || near(x, a[len(a)-1]) || near(x, b[0]) || near(x, b[len(b)-1]) {
							continue
						}
						dup := false
						for _, y := range found {
							dup = dup || math.Hypot(x.X-y.X, x.Y-y.Y) < 3
						}
						if !dup {
							found = append(found, x)
						}
					}
				}
			}
			n += len(found)
		}
	}
	return n
}

func near(a, b Point) bool { return math.Hypot(a.X-b.X, a.Y-b.Y) < 6 }
