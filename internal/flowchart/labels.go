package flowchart

import "math"

// placeLabels puts every edge label at the first free place among a list of
// candidates, best first: on the line near where the choice is made, then
// anywhere along the edge. A place is free when it keeps clear of every
// box, every label placed before and every other edge, and of its own
// arrowhead. It returns the edges whose label found no free place (they
// are placed at their first candidate; the caller makes room and retries).
func (l *layouter) placeLabels() (failed []int) {
	g := l.g
	l.labels = l.labels[:0]
	l.labelOf = make([]int, len(g.edges))
	for i := range l.labelOf {
		l.labelOf[i] = -1
	}
	var order []int
	for _, kinds := range [][]edgeKind{{ekSide, ekSideBack}, {ekForward}, {ekBack}} {
		for id, e := range g.edges {
			if e.label == "" {
				continue
			}
			for _, k := range kinds {
				if e.kind == k {
					order = append(order, id)
				}
			}
		}
	}
	for _, id := range order {
		cands := l.labelCands(id)
		at := cands[0]
		ok := false
		for _, c := range cands {
			if l.free(id, c) {
				at, ok = c, true
				break
			}
		}
		if !ok {
			failed = append(failed, id)
		}
		lines := make([]TextLine, len(l.lblTxt[id]))
		for i, t := range l.lblTxt[id] {
			t.X += at.X
			t.Y += at.Y
			lines[i] = t
		}
		l.labelOf[id] = len(l.labels)
		l.labels = append(l.labels, Label{Text: g.edges[id].label, Rect: at, Lines: lines, Route: id})
	}
	return failed
}

// free reports whether a label of edge id may sit at r.
func (l *layouter) free(id int, r Rect) bool {
	for _, b := range l.boxR {
		if r.Overlaps(b.inset(-3)) {
			return false
		}
	}
	for _, o := range l.labels {
		if r.Overlaps(o.Rect.inset(-2)) {
			return false
		}
	}
	wide := r.inset(-2)
	for rid, pts := range l.routes {
		if rid == id {
			// Keep clear of the arrowhead.
			n := len(pts)
			a, b := pts[n-2], pts[n-1]
			dx, dy := b.X-a.X, b.Y-a.Y
			ln := math.Hypot(dx, dy)
			if ln > 0 {
				t := math.Min(1, arrowClear/ln)
				tip := Point{b.X - dx*t, b.Y - dy*t}
				if segRect(tip, b, wide) {
					return false
				}
			}
			continue
		}
		for s := 1; s < len(pts); s++ {
			if segRect(pts[s-1], pts[s], wide) {
				return false
			}
		}
	}
	return true
}

// labelCands lists candidate places for the label of edge id, best first.
func (l *layouter) labelCands(id int) []Rect {
	g := l.g
	e := g.edges[id]
	w, h := l.lblW[id], l.lblH[id]
	pts := l.routes[id]
	var cs []Rect
	at := func(cx, cy float64) { cs = append(cs, Rect{snap(cx - w/2), snap(cy - h/2), w, h}) }
	// on a vertical run: centred on the line, then right of it, then left
	vert := func(x, y float64) { at(x, y); at(x+3+w/2, y); at(x-3-w/2, y) }
	// on a horizontal run: above, then below
	horiz := func(x, y float64) { at(x, y-3-h/2); at(x, y+3+h/2) }

	switch e.kind {
	case ekSide, ekSideBack:
		a, b := l.boxR[e.from], l.boxR[e.to]
		lo, hi := math.Min(a.Right(), b.Right()), math.Max(a.X, b.X)
		y := pts[0].Y
		if e.kind == ekSide {
			at((lo+hi)/2, y-3-h/2)
		} else {
			at((lo+hi)/2, y+3+h/2)
		}
	case ekForward:
		for _, it := range e.chain[1 : len(e.chain)-1] {
			r := g.items[it].row
			vert(l.itemX[it], l.rowY[r]+l.rowH[r]/2)
		}
		last := pts[len(pts)-1]
		ch := g.items[e.chain[len(e.chain)-1]].row
		for z := 0; z < l.zoneRows[ch]; z++ {
			vert(last.X, l.zoneTop(ch)+float64(z)*(l.zoneH[ch]+zoneGap)+l.zoneH[ch]/2)
		}
	case ekBack:
		ln := l.lanes[l.laneOf[id]]
		s := float64(ln.side)
		for i := 1; i < len(pts); i++ {
			a, b := pts[i-1], pts[i]
			switch {
			case a.Y == b.Y && (a.X == ln.x || b.X == ln.x):
				// the run to or from the lane: near the lane first, then the middle
				near := ln.x - s*(6+w/2)
				horiz(near, a.Y)
				horiz((a.X+b.X)/2, a.Y)
			case a.X == ln.x && b.X == ln.x:
				for _, f := range []float64{0.5, 0.25, 0.75} {
					y := a.Y + (b.Y-a.Y)*f
					at(ln.x+s*(3+w/2), y)
					at(ln.x-s*(3+w/2), y)
				}
			}
		}
	}
	// Anywhere along the edge, last run first.
	for i := len(pts) - 1; i >= 1; i-- {
		a, b := pts[i-1], pts[i]
		for _, f := range []float64{0.5, 0.3, 0.7, 0.15, 0.85} {
			x, y := a.X+(b.X-a.X)*f, a.Y+(b.Y-a.Y)*f
			if a.X == b.X {
				vert(x, y)
			} else {
				horiz(x, y)
			}
		}
	}
	if len(cs) == 0 {
		at(pts[0].X, pts[0].Y)
	}
	return cs
}
