package flowchart

import (
	"sort"

	"sunlight/internal/diag"
)

// This file turns a Flow into rows and columns: back edges, layers, the
// main path, side exits, dummy items for long edges, crossing reduction and
// column assignment. It knows nothing about coordinates.

type edgeKind uint8

const (
	ekForward  edgeKind = iota // goes down one or more rows
	ekSide                     // main step → its side step, in the same row
	ekSideBack                 // side step → its main step, in the same row
	ekBack                     // goes up (or loops), routed in a lane beside the drawing
)

type gedge struct {
	from, to int
	label    string
	kind     edgeKind
	chain    []int // forward edges: items from source to target, dummies between
}

// item is a cell of the grid: a step's box or a dummy that carries a long
// edge through a row.
type item struct {
	node  int // step index, or -1 for a dummy
	edge  int // dummies: the edge carried
	row   int
	pos   int // index within its row
	col   int
	preds []int // items in the row above joined by a forward edge
	succs []int
	bias  int  // tie-break for ordering: <0 prefers the left of the main path
	label bool // a dummy that holds its edge's label in its own cell
}

type graph struct {
	f        *Flow
	n        int
	index    map[string]int
	edges    []gedge
	out      [][]int // edge ids by source
	start    int
	layer    []int
	onMain   []bool
	pre      []int // depth-first discovery order, following edges in the author's order
	main     []int
	sideOf   []int // for a side step, the main step it hangs off; else -1
	sideDir  []int // -1 left, +1 right
	items    []item
	nodeIt   []int // item of each step
	rows     [][]int
	nCols    int
	labelRow map[int]bool // forward edges whose label gets a cell of its own
}

// structural returns the problems that make f impossible to draw.
func structural(f *Flow) diag.List {
	var out diag.List
	for _, d := range Validate(*f) {
		if structuralCodes[d.Code] {
			out = append(out, d)
		}
	}
	return out
}

// analyze builds the grid for f. It fails only when f cannot be drawn at
// all (see structural); unreachable steps, missing ends and closed cycles
// are drawn anyway, since Validate reports them.
//
// Edges in labelRow span at least two rows, and their label sits in the
// cell of the dummy between: a place no box or other edge can take. Layout
// uses this for labels that found no free place otherwise.
func analyze(f *Flow, labelRow map[int]bool) (*graph, error) {
	if len(f.Steps) == 0 {
		return nil, structural(f)
	}
	index := make(map[string]int, len(f.Steps))
	bad := false
	for i, s := range f.Steps {
		if _, dup := index[s.ID]; dup || s.ID == "" {
			bad = true
			continue
		}
		index[s.ID] = i
	}
	for _, s := range f.Steps {
		for _, e := range s.Edges {
			if _, ok := index[e.To]; !ok {
				bad = true
			}
		}
	}
	if bad {
		return nil, structural(f)
	}
	g := &graph{f: f, n: len(f.Steps), index: index, start: 0, labelRow: labelRow}
	g.out = make([][]int, g.n)
	for i, s := range f.Steps {
		for _, e := range s.Edges {
			g.out[i] = append(g.out[i], len(g.edges))
			g.edges = append(g.edges, gedge{from: i, to: index[e.To], label: e.Label})
		}
	}
	for i, s := range f.Steps {
		if s.Kind == Start {
			g.start = i
			break
		}
	}
	topo := g.findBackEdges()
	g.assignLayers(topo)
	g.findMainPath(topo)
	g.findSideSteps()
	g.buildItems()
	g.order()
	g.assignColumns()
	return g, nil
}

// findBackEdges runs a depth-first search from the start step (then from
// any step not yet seen, in step order) and marks edges that close a cycle.
// It returns the steps in reverse postorder: a topological order of the
// graph without its back edges.
func (g *graph) findBackEdges() []int {
	const (
		white = iota
		grey
		black
	)
	color := make([]int, g.n)
	g.pre = make([]int, g.n)
	seen := 0
	var post []int
	type frame struct{ v, next int }
	visit := func(s int) {
		stack := []frame{{s, 0}}
		color[s] = grey
		g.pre[s] = seen
		seen++
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.next < len(g.out[top.v]) {
				id := g.out[top.v][top.next]
				top.next++
				w := g.edges[id].to
				switch color[w] {
				case white:
					color[w] = grey
					g.pre[w] = seen
					seen++
					stack = append(stack, frame{w, 0})
				case grey:
					g.edges[id].kind = ekBack
				}
				continue
			}
			color[top.v] = black
			post = append(post, top.v)
			stack = stack[:len(stack)-1]
		}
	}
	visit(g.start)
	for v := 0; v < g.n; v++ {
		if color[v] == white {
			visit(v)
		}
	}
	topo := make([]int, len(post))
	for i, v := range post {
		topo[len(post)-1-i] = v
	}
	return topo
}

// assignLayers gives every step the length of the longest forward path
// that reaches it.
func (g *graph) assignLayers(topo []int) {
	g.layer = make([]int, g.n)
	for _, u := range topo {
		for _, id := range g.out[u] {
			e := g.edges[id]
			span := 1
			if g.labelRow[id] {
				span = 2
			}
			if e.kind == ekForward && g.layer[e.to] < g.layer[u]+span {
				g.layer[e.to] = g.layer[u] + span
			}
		}
	}
}

// findMainPath picks the longest forward path from the start step to an
// end step (to any step if no end is reachable). Ties go to the path a
// reader following each step's first edge would meet first.
func (g *graph) findMainPath(topo []int) {
	dist := make([]int, g.n)
	pred := make([]int, g.n)
	for i := range dist {
		dist[i], pred[i] = -1, -1
	}
	dist[g.start] = 0
	for _, u := range topo {
		if dist[u] < 0 {
			continue
		}
		for _, id := range g.out[u] {
			e := g.edges[id]
			if e.kind != ekForward {
				continue
			}
			if d := dist[u] + 1; d > dist[e.to] || (d == dist[e.to] && g.pre[u] < g.pre[pred[e.to]]) {
				dist[e.to], pred[e.to] = d, u
			}
		}
	}
	best := -1
	for pass := 0; pass < 2 && best < 0; pass++ {
		for v := 0; v < g.n; v++ {
			if dist[v] < 0 || (pass == 0 && g.f.Steps[v].Kind != End) {
				continue
			}
			if best < 0 || dist[v] > dist[best] || (dist[v] == dist[best] && g.pre[v] < g.pre[best]) {
				best = v
			}
		}
	}
	g.onMain = make([]bool, g.n)
	for v := best; v >= 0; v = pred[v] {
		g.main = append(g.main, v)
		g.onMain[v] = true
	}
	for i, j := 0, len(g.main)-1; i < j; i, j = i+1, j-1 {
		g.main[i], g.main[j] = g.main[j], g.main[i]
	}
}

// findSideSteps places a step beside the main step that leads to it, in
// the same row, when it is a dead end (不予受理, 移送) or a loop that only
// returns upwards (补正 → 受理), and nothing else leads to it. At most one
// side step goes on each side of a main step: loops prefer the left, dead
// ends the right.
func (g *graph) findSideSteps() {
	g.sideOf = make([]int, g.n)
	g.sideDir = make([]int, g.n)
	for i := range g.sideOf {
		g.sideOf[i] = -1
	}
	indeg := make([]int, g.n)
	for _, e := range g.edges {
		indeg[e.to]++
	}
	for _, u := range g.main {
		var loops, ends []int
		for _, id := range g.out[u] {
			e := g.edges[id]
			v := e.to
			if e.kind != ekForward || g.onMain[v] || indeg[v] != 1 || g.sideOf[v] >= 0 {
				continue
			}
			allBack, toU := true, 0
			for _, oid := range g.out[v] {
				oe := g.edges[oid]
				if oe.kind != ekBack || oe.to == v {
					allBack = false
				}
				if oe.to == u {
					toU++
				}
			}
			if !allBack || toU > 1 {
				continue
			}
			if len(g.out[v]) > 0 {
				loops = append(loops, v)
			} else {
				ends = append(ends, v)
			}
		}
		taken := map[int]bool{}
		place := func(v, pref int) {
			for _, d := range []int{pref, -pref} {
				if !taken[d] {
					taken[d] = true
					g.sideOf[v], g.sideDir[v] = u, d
					g.layer[v] = g.layer[u]
					return
				}
			}
		}
		for _, v := range loops {
			place(v, -1)
		}
		for _, v := range ends {
			place(v, +1)
		}
	}
	for id := range g.edges {
		e := &g.edges[id]
		switch {
		case e.kind == ekForward && g.sideOf[e.to] == e.from:
			e.kind = ekSide
		case e.kind == ekBack && g.sideOf[e.from] == e.to:
			e.kind = ekSideBack
		}
	}
	// A side step returns to its main step along one edge at most; any
	// other back edge from it goes round in a lane (kept ekBack above).
}

// buildItems creates one item per step and one dummy per row crossed by a
// forward edge longer than one row.
func (g *graph) buildItems() {
	nRows := 0
	for _, l := range g.layer {
		nRows = max(nRows, l+1)
	}
	g.nodeIt = make([]int, g.n)
	for v := 0; v < g.n; v++ {
		g.nodeIt[v] = len(g.items)
		g.items = append(g.items, item{node: v, edge: -1, row: g.layer[v]})
	}
	for id := range g.edges {
		e := &g.edges[id]
		if e.kind != ekForward {
			continue
		}
		prev := g.nodeIt[e.from]
		e.chain = []int{prev}
		for r := g.layer[e.from] + 1; r < g.layer[e.to]; r++ {
			d := len(g.items)
			g.items = append(g.items, item{node: -1, edge: id, row: r, label: g.labelRow[id] && r == g.layer[e.from]+1})
			e.chain = append(e.chain, d)
		}
		e.chain = append(e.chain, g.nodeIt[e.to])
		for i := 1; i < len(e.chain); i++ {
			a, b := e.chain[i-1], e.chain[i]
			g.items[a].succs = append(g.items[a].succs, b)
			g.items[b].preds = append(g.items[b].preds, a)
		}
	}
	// Tie-break bias: the main successor of a main step stays in line; the
	// others alternate right, left, right… in the author's edge order,
	// except that a row whose main step has a side step on one side sends
	// them to the other side. A long edge keeps its side all the way down.
	sides := make([][2]bool, nRows) // per row: left, right taken by a side step
	for v := 0; v < g.n; v++ {
		if g.sideOf[v] >= 0 {
			sides[g.layer[v]][(g.sideDir[v]+1)/2] = true
		}
	}
	const unset = 1 << 20
	for i := range g.items {
		g.items[i].bias = unset
	}
	for i := range g.items {
		it := &g.items[i]
		k := 0
		for _, s := range it.succs {
			si := &g.items[s]
			if si.bias != unset {
				continue
			}
			if it.node >= 0 && g.onMain[it.node] && si.node >= 0 && g.onMain[si.node] {
				si.bias = 0
				continue
			}
			if it.node < 0 && it.bias != unset {
				si.bias = it.bias
				continue
			}
			b := k/2 + 1
			if k%2 == 1 {
				b = -b
			}
			k++
			switch sd := sides[si.row]; {
			case sd[1] && !sd[0]:
				b = -abs(b)
			case sd[0] && !sd[1]:
				b = abs(b)
			}
			si.bias = b
		}
	}
	g.rows = make([][]int, nRows)
	for i, it := range g.items {
		if it.node >= 0 && g.sideOf[it.node] >= 0 {
			continue // inserted beside their main step after ordering
		}
		g.rows[it.row] = append(g.rows[it.row], i)
	}
	for r := range g.rows {
		row := g.rows[r]
		sort.SliceStable(row, func(a, b int) bool {
			x, y := g.items[row[a]], g.items[row[b]]
			if x.bias != y.bias {
				return x.bias < y.bias
			}
			return x.node < y.node
		})
		g.setPos(r)
	}
}

func (g *graph) setPos(r int) {
	for i, it := range g.rows[r] {
		g.items[it].pos = i
	}
}

// order reduces edge crossings with barycenter sweeps, down and up, and
// keeps the best ordering seen.
func (g *graph) order() {
	best := g.snapshot()
	bestX := g.crossings()
	for iter := 0; iter < 8 && bestX > 0; iter++ {
		if iter%2 == 0 {
			for r := 1; r < len(g.rows); r++ {
				g.sortRow(r, true)
			}
		} else {
			for r := len(g.rows) - 2; r >= 0; r-- {
				g.sortRow(r, false)
			}
		}
		if x := g.crossings(); x < bestX {
			best, bestX = g.snapshot(), x
		}
	}
	g.rows = best
	for r := range g.rows {
		g.setPos(r)
	}
	// Side steps go right beside their main step.
	for v := 0; v < g.n; v++ {
		if g.sideOf[v] < 0 {
			continue
		}
		u := g.nodeIt[g.sideOf[v]]
		r := g.items[u].row
		row := g.rows[r]
		at := g.items[u].pos
		if g.sideDir[v] > 0 {
			at++
		}
		row = append(row, 0)
		copy(row[at+1:], row[at:])
		row[at] = g.nodeIt[v]
		g.rows[r] = row
		g.setPos(r)
	}
}

func (g *graph) snapshot() [][]int {
	s := make([][]int, len(g.rows))
	for r, row := range g.rows {
		s[r] = append([]int(nil), row...)
	}
	return s
}

func (g *graph) sortRow(r int, down bool) {
	row := g.rows[r]
	key := make(map[int]float64, len(row))
	for _, it := range row {
		nb := g.items[it].preds
		if !down {
			nb = g.items[it].succs
		}
		if len(nb) == 0 {
			key[it] = float64(g.items[it].pos)
			continue
		}
		s := 0.0
		for _, o := range nb {
			s += float64(g.items[o].pos)
		}
		key[it] = s / float64(len(nb))
	}
	sort.SliceStable(row, func(a, b int) bool {
		x, y := row[a], row[b]
		if key[x] != key[y] {
			return key[x] < key[y]
		}
		if g.items[x].bias != g.items[y].bias {
			return g.items[x].bias < g.items[y].bias
		}
		return g.items[x].pos < g.items[y].pos
	})
	g.setPos(r)
}

// crossings counts crossings between forward connections of adjacent rows.
func (g *graph) crossings() int {
	total := 0
	for r := 0; r+1 < len(g.rows); r++ {
		var pairs [][2]int
		for _, a := range g.rows[r] {
			for _, b := range g.items[a].succs {
				pairs = append(pairs, [2]int{g.items[a].pos, g.items[b].pos})
			}
		}
		for i := range pairs {
			for j := i + 1; j < len(pairs); j++ {
				p, q := pairs[i], pairs[j]
				if (p[0]-q[0])*(p[1]-q[1]) < 0 {
					total++
				}
			}
		}
	}
	return total
}

// assignColumns gives every item a column: main steps share column 0;
// other items keep their order within the row and sit as close as they
// can to the column of what leads to them, so chains and long edges run
// straight down.
func (g *graph) assignColumns() {
	desired := func(it int) int {
		p := g.items[it].preds
		if len(p) == 0 {
			return 0
		}
		cs := make([]int, len(p))
		for i, o := range p {
			cs[i] = g.items[o].col
		}
		sortInts(cs)
		return cs[(len(cs)-1)/2]
	}
	for _, row := range g.rows {
		m := -1
		for i, it := range row {
			if v := g.items[it].node; v >= 0 && g.onMain[v] {
				m = i
			}
		}
		if m < 0 {
			prev := -1 << 20
			for _, it := range row {
				c := max(desired(it), prev+1)
				g.items[it].col = c
				prev = c
			}
			continue
		}
		g.items[row[m]].col = 0
		prev := 0
		for i := m + 1; i < len(row); i++ {
			c := max(desired(row[i]), prev+1)
			if v := g.items[row[i]].node; v >= 0 && g.sideOf[v] >= 0 {
				c = prev + 1
			}
			g.items[row[i]].col = c
			prev = c
		}
		prev = 0
		for i := m - 1; i >= 0; i-- {
			c := min(desired(row[i]), prev-1)
			if v := g.items[row[i]].node; v >= 0 && g.sideOf[v] >= 0 {
				c = prev - 1
			}
			g.items[row[i]].col = c
			prev = c
		}
	}
	// Renumber the used columns 0…nCols-1.
	used := map[int]bool{}
	for _, it := range g.items {
		used[it.col] = true
	}
	cols := make([]int, 0, len(used))
	for c := range used {
		cols = append(cols, c)
	}
	sortInts(cols)
	re := make(map[int]int, len(cols))
	for i, c := range cols {
		re[c] = i
	}
	for i := range g.items {
		g.items[i].col = re[g.items[i].col]
	}
	g.nCols = len(cols)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
