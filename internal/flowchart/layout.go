package flowchart

import (
	"math"
	"sort"
)

// Spacing, in px.
const (
	margin     = 10.0 // around the drawing
	gutterMin  = 36.0 // between columns
	dummyW     = 24.0 // a column that only carries long edges
	pinGap     = 12.0 // between two edge ends on one side of a box
	trackGap   = 10.0 // between two horizontal runs in one channel
	chTopPad   = 12.0 // from a box's bottom to the first horizontal run
	chBotPad   = 18.0 // from the last horizontal run (or label) to the next box
	minChH     = 30.0 // channel with straight edges only
	sideDY     = 7.0  // a side loop's two edges run this far above and below the centre
	laneGap0   = 20.0 // from the widest box of the rows spanned to the first lane
	laneGap    = 12.0 // between lanes
	zoneGap    = 3.0
	arrowClear = 12.0 // a label keeps this far from any arrow tip
	maxPasses  = 4
)

type pieceKind uint8

const (
	pcForward pieceKind = iota // item above → item below
	pcExit                     // box above → lane (a back edge leaving through the channel)
	pcEntry                    // lane → box below (a back edge arriving through the channel)
)

// piece is the part of an edge inside one channel (the space between two
// rows, where edges turn).
type piece struct {
	edge     int
	kind     pieceKind
	a, b     int // items above and below (-1 for the lane end)
	ch       int // channel index: channel k lies above row k
	lane     int
	top, bot float64 // x of the pins on the item above and below
	straight bool
	track    int
	y        float64
}

// lane is the vertical run of a back edge beside the drawing.
type lane struct {
	edge    int
	side    int  // -1 left, +1 right
	exitCh  bool // leaves its source through the channel below (else through the box side)
	entryCh bool // reaches its target through the channel above (else through the box side)
	lo, hi  int  // half-row span, for deciding which lanes may share an x
	x       float64
	exitY   float64
	entryY  float64
}

type layouter struct {
	g      *graph
	f      *Flow
	nRows  int
	specs  []boxSpec
	lblW   []float64 // per edge; 0 when the edge has no label
	lblH   []float64
	lblTxt [][]TextLine
	pieces []piece
	byCh   [][]int // pieces per channel
	lanes  []lane
	laneOf []int // per edge, or -1

	// grown when a label finds no free place
	gutterExtra []float64
	zoneRows    []int
	zoneH       []float64
	laneExtra   [2]float64
	laneSep     []float64 // per lane: extra room between it and the lanes inside it

	// per pass
	colX, colW []float64
	rowY, rowH []float64
	chY, chH   []float64
	nTracks    []int
	itemX      []float64
	boxR       []Rect
	routes     [][]Point
	labels     []Label
	labelOf    []int
}

// Layout computes the drawing of f. It fails only when f cannot be drawn:
// no steps, a step without an id, duplicate ids or an edge to an unknown
// step; the error is then a diag.List (see Validate for all problems).
func Layout(f Flow) (*Diagram, error) {
	var labelRow map[int]bool
	for attempt := 0; ; attempt++ {
		g, err := analyze(&f, labelRow)
		if err != nil {
			return nil, err
		}
		l := newLayouter(g)
		var failed []int
		for pass := 0; ; pass++ {
			l.pass()
			failed = l.placeLabels()
			if len(failed) == 0 || pass == maxPasses-1 {
				break
			}
			l.expand(failed)
		}
		// Labels of forward edges that still found no place get a row of
		// their own, in a cell nothing else can use.
		more := false
		for _, id := range failed {
			if g.edges[id].kind == ekForward && !labelRow[id] {
				if labelRow == nil {
					labelRow = map[int]bool{}
				}
				labelRow[id], more = true, true
			}
		}
		if !more || attempt == 5 {
			return l.diagram(), nil
		}
	}
}

func newLayouter(g *graph) *layouter {
	l := &layouter{g: g, f: g.f, nRows: len(g.rows)}
	l.specs = make([]boxSpec, g.n)
	for i := range g.f.Steps {
		l.specs[i] = measureStep(&g.f.Steps[i])
	}
	ne := len(g.edges)
	l.lblW, l.lblH, l.lblTxt = make([]float64, ne), make([]float64, ne), make([][]TextLine, ne)
	for id, e := range g.edges {
		if e.label != "" {
			l.lblTxt[id], l.lblW[id], l.lblH[id] = measureLabel(e.label)
		}
	}
	l.gutterExtra = make([]float64, max(g.nCols-1, 0))
	l.zoneRows = make([]int, l.nRows+1)
	l.zoneH = make([]float64, l.nRows+1)
	for i := range l.zoneH {
		l.zoneH[i] = labelLH + 2*labelPadY
	}
	l.laneOf = make([]int, ne)
	for id := range l.laneOf {
		l.laneOf[id] = -1
	}
	l.planLanes()
	l.laneSep = make([]float64, len(l.lanes))
	l.growForPorts()
	l.byCh = make([][]int, l.nRows+1)
	for id, e := range g.edges {
		switch e.kind {
		case ekForward:
			for i := 1; i < len(e.chain); i++ {
				a, b := e.chain[i-1], e.chain[i]
				l.addPiece(piece{edge: id, kind: pcForward, a: a, b: b, ch: g.items[b].row, lane: -1})
			}
			if e.label != "" && len(e.chain) == 2 {
				ch := g.items[e.chain[1]].row
				l.zoneRows[ch] = 1
				l.zoneH[ch] = maxf(l.zoneH[ch], l.lblH[id])
			}
		case ekBack:
			ln := l.lanes[l.laneOf[id]]
			if ln.exitCh {
				l.addPiece(piece{edge: id, kind: pcExit, a: g.nodeIt[e.from], b: -1, ch: g.layer[e.from] + 1, lane: l.laneOf[id]})
			}
			if ln.entryCh {
				l.addPiece(piece{edge: id, kind: pcEntry, a: -1, b: g.nodeIt[e.to], ch: g.layer[e.to], lane: l.laneOf[id]})
			}
		}
	}
	return l
}

func (l *layouter) addPiece(p piece) {
	l.byCh[p.ch] = append(l.byCh[p.ch], len(l.pieces))
	l.pieces = append(l.pieces, p)
}

// outer reports whether item it is the last one in its row on side s.
func (l *layouter) outer(it, s int) bool {
	row := l.g.rows[l.g.items[it].row]
	p := l.g.items[it].pos
	if s > 0 {
		return p == len(row)-1
	}
	return p == 0
}

// planLanes chooses, for every back edge, the side of the drawing its lane
// runs on and whether each end leaves or enters through the box's side (when
// nothing stands between the box and the lane) or through a channel.
func (l *layouter) planLanes() {
	g := l.g
	for id, e := range g.edges {
		if e.kind != ekBack {
			continue
		}
		u, v := g.nodeIt[e.from], g.nodeIt[e.to]
		score := func(s int) int {
			n := 0
			if l.outer(u, s) {
				n++
			}
			if l.outer(v, s) {
				n++
			}
			return n
		}
		s := 1
		if score(-1) > score(1) {
			s = -1
		}
		ln := lane{edge: id, side: s, exitCh: !l.outer(u, s), entryCh: !l.outer(v, s)}
		ru, rv := g.layer[e.from], g.layer[e.to]
		ln.lo = 2*rv + 1
		if ln.entryCh {
			ln.lo = 2 * rv
		}
		ln.hi = 2*ru + 1
		if ln.exitCh {
			ln.hi = 2*ru + 2
		}
		l.laneOf[id] = len(l.lanes)
		l.lanes = append(l.lanes, ln)
	}
}

func (l *layouter) colCenter(c int) float64 { return l.colX[c] + l.colW[c]/2 }

// usable returns the x range where edge ends may sit on an item: the flat
// part of a box's top and bottom, or the column of a dummy.
func (l *layouter) usable(it int) (lo, hi float64) {
	item := l.g.items[it]
	if item.node < 0 {
		lo, hi = l.colX[item.col]+4, l.colX[item.col]+l.colW[item.col]-4
		if item.label {
			// keep the whole label inside the column
			w := l.lblW[item.edge] / 2
			lo, hi = lo+w, hi-w
			if lo > hi {
				lo, hi = (lo+hi)/2, (lo+hi)/2
			}
		}
		return lo, hi
	}
	sp := l.specs[item.node]
	cx := l.itemX[it]
	var m float64
	switch sp.shape {
	case ShapePill:
		m = sp.h / 2
	case ShapeHexagon:
		m = sp.tip + 4
	default:
		m = 6
	}
	lo, hi = cx-sp.w/2+m, cx+sp.w/2-m
	if lo > hi {
		lo, hi = cx, cx
	}
	return lo, hi
}

// pass computes all coordinates for the current spacing.
func (l *layouter) pass() {
	g := l.g
	nc := g.nCols
	l.colW = make([]float64, nc)
	for id, e := range g.edges {
		if e.kind == ekForward && len(e.chain) > 2 && l.lblW[id] > 0 {
			c := g.items[e.chain[1]].col
			w := l.lblW[id] + 8
			if g.items[e.chain[1]].label {
				w += 2 * pinGap // room to step aside from another long edge
			}
			l.colW[c] = maxf(l.colW[c], w)
		}
	}
	for _, it := range g.items {
		w := dummyW
		if it.node >= 0 {
			w = l.specs[it.node].w
		}
		l.colW[it.col] = maxf(l.colW[it.col], w)
	}
	gap := make([]float64, max(nc-1, 0))
	for c := range gap {
		gap[c] = gutterMin + l.gutterExtra[c]
	}
	for id, e := range g.edges {
		if e.kind == ekSide || e.kind == ekSideBack {
			c := min(g.items[g.nodeIt[e.from]].col, g.items[g.nodeIt[e.to]].col)
			gap[c] = maxf(gap[c], l.lblW[id]+2*8+10)
		}
	}
	l.colX = make([]float64, nc)
	for c := 1; c < nc; c++ {
		l.colX[c] = l.colX[c-1] + l.colW[c-1] + gap[c-1]
	}
	l.itemX = make([]float64, len(g.items))
	for i, it := range g.items {
		l.itemX[i] = l.colCenter(it.col)
	}

	l.rowH = make([]float64, l.nRows)
	for _, it := range g.items {
		switch {
		case it.node >= 0:
			l.rowH[it.row] = maxf(l.rowH[it.row], l.specs[it.node].h)
		case it.label:
			l.rowH[it.row] = maxf(l.rowH[it.row], l.lblH[it.edge]+12)
		}
	}
	for id, e := range g.edges {
		if e.kind != ekSide && e.kind != ekSideBack {
			continue
		}
		dy := 0.0
		if l.hasSidePair(e.from, e.to) {
			dy = sideDY
		}
		r := g.layer[e.from]
		l.rowH[r] = maxf(l.rowH[r], 2*(dy+3+l.lblH[id])+2)
	}

	l.placeLanesX()
	l.routeChannels()

	l.rowY = make([]float64, l.nRows)
	l.chY = make([]float64, l.nRows+1)
	y := 0.0
	for k := 0; k <= l.nRows; k++ {
		l.chY[k] = y
		y += l.chH[k]
		if k < l.nRows {
			l.rowY[k] = y
			y += l.rowH[k]
		}
	}
	for i := range l.pieces {
		p := &l.pieces[i]
		p.y = l.chY[p.ch] + chTopPad + float64(p.track)*trackGap
	}
	l.boxR = make([]Rect, g.n)
	for v := 0; v < g.n; v++ {
		it := g.items[g.nodeIt[v]]
		sp := l.specs[v]
		l.boxR[v] = Rect{l.itemX[g.nodeIt[v]] - sp.w/2, l.rowY[it.row] + (l.rowH[it.row]-sp.h)/2, sp.w, sp.h}
	}
	l.placeSidePorts()
	l.buildRoutes()
}

// hasSidePair reports whether steps a and b are joined both ways in the
// same row (受理 ⇄ 补正), so their two edges run above and below the centre.
func (l *layouter) hasSidePair(a, b int) bool {
	fw, bk := false, false
	for _, e := range l.g.edges {
		if (e.from == a && e.to == b) || (e.from == b && e.to == a) {
			fw = fw || e.kind == ekSide
			bk = bk || e.kind == ekSideBack
		}
	}
	return fw && bk
}

// rowExtent returns the leftmost and rightmost x used by items of row r.
func (l *layouter) rowExtent(r int) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, it := range l.g.rows[r] {
		item := l.g.items[it]
		var a, b float64
		if item.node >= 0 {
			w := l.specs[item.node].w
			a, b = l.itemX[it]-w/2, l.itemX[it]+w/2
		} else {
			a, b = l.colX[item.col], l.colX[item.col]+l.colW[item.col]
		}
		lo, hi = math.Min(lo, a), math.Max(hi, b)
	}
	return lo, hi
}

// placeLanesX puts each lane just outside the rows it spans; lanes whose
// spans overlap get separate x, shorter spans nearer the drawing so that
// nested loops do not cross.
func (l *layouter) placeLanesX() {
	order := make([]int, len(l.lanes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := l.lanes[order[a]], l.lanes[order[b]]
		return x.hi-x.lo < y.hi-y.lo
	})
	var done []int
	for _, i := range order {
		ln := &l.lanes[i]
		e := l.g.edges[ln.edge]
		r0, r1 := l.g.layer[e.to], l.g.layer[e.from]
		if ln.entryCh {
			r0--
		}
		if ln.exitCh {
			r1++
		}
		r0, r1 = max(r0, 0), min(r1, l.nRows-1)
		ext := math.Inf(-ln.side)
		for r := r0; r <= r1; r++ {
			lo, hi := l.rowExtent(r)
			if ln.side > 0 {
				ext = math.Max(ext, hi)
			} else {
				ext = math.Min(ext, lo)
			}
		}
		si := 0
		if ln.side > 0 {
			si = 1
		}
		x := ext + float64(ln.side)*(laneGap0+l.laneExtra[si]+l.laneSep[i])
		if !ln.exitCh && l.lblW[ln.edge] > 0 {
			// room for the label above the run from the box to the lane
			it := l.g.nodeIt[e.from]
			side := l.itemX[it] + float64(ln.side)*l.specs[e.from].w/2
			need := side + float64(ln.side)*(l.lblW[ln.edge]+18)
			if ln.side > 0 {
				x = math.Max(x, need)
			} else {
				x = math.Min(x, need)
			}
		}
		for _, j := range done {
			o := l.lanes[j]
			if o.side != ln.side || o.lo > ln.hi || ln.lo > o.hi {
				continue
			}
			if ln.side > 0 {
				x = math.Max(x, o.x+laneGap+l.laneSep[i])
			} else {
				x = math.Min(x, o.x-laneGap-l.laneSep[i])
			}
		}
		ln.x = x
		done = append(done, i)
	}
}

type pinRef struct {
	pc   int
	top  bool // on the item above (its bottom side)
	grp  int
	dir  float64
	item int
}

// routeChannels places the edge ends on the boxes' top and bottom sides and
// gives every turning edge its own horizontal track in each channel, so no
// two edges ever share a line. Channels are done top-down because a long
// edge keeps the x it was given where it entered a row.
func (l *layouter) routeChannels() {
	g := l.g
	l.chH = make([]float64, l.nRows+1)
	l.nTracks = make([]int, l.nRows+1)
	for k := 0; k <= l.nRows; k++ {
		pcs := l.byCh[k]
		cols := map[int][]pinRef{}
		for _, pi := range pcs {
			p := &l.pieces[pi]
			p.straight = false
			switch p.kind {
			case pcForward:
				ia, ib := g.items[p.a], g.items[p.b]
				if ia.col == ib.col && l.straightOK(p.a, p.b) {
					p.straight = true
					cols[ia.col] = append(cols[ia.col], pinRef{pc: pi, top: true, grp: 2, item: p.a})
					continue
				}
				xa, xb := l.itemX[p.a], l.itemX[p.b]
				ga := 3
				if xb < xa || (xb == xa && ib.pos < ia.pos) {
					ga = 1
				}
				gb := 4
				if xa < xb || (xb == xa && ia.pos < ib.pos) {
					gb = 0
				}
				cols[ia.col] = append(cols[ia.col], pinRef{pc: pi, top: true, grp: ga, dir: xb - xa, item: p.a})
				cols[ib.col] = append(cols[ib.col], pinRef{pc: pi, top: false, grp: gb, dir: xa - xb, item: p.b})
			case pcExit:
				ln := l.lanes[p.lane]
				c := g.items[p.a].col
				grp := 3
				if ln.side < 0 {
					grp = 1
				}
				cols[c] = append(cols[c], pinRef{pc: pi, top: true, grp: grp, dir: ln.x - l.itemX[p.a], item: p.a})
			case pcEntry:
				ln := l.lanes[p.lane]
				c := g.items[p.b].col
				grp := 4
				if ln.side < 0 {
					grp = 0
				}
				cols[c] = append(cols[c], pinRef{pc: pi, top: false, grp: grp, dir: ln.x - l.itemX[p.b], item: p.b})
			}
		}
		keys := make([]int, 0, len(cols))
		for c := range cols {
			keys = append(keys, c)
		}
		sortInts(keys)
		for _, c := range keys {
			l.arrangePins(c, cols[c])
		}
		l.assignTracks(k, pcs)
	}
}

// straightOK reports whether an edge between vertically aligned items a
// (above) and b can run straight down.
func (l *layouter) straightOK(a, b int) bool {
	ia := l.g.items[a]
	if ia.node >= 0 {
		return true // a box: its centre is the column's centre
	}
	lo, hi := l.usable(b)
	x := l.itemX[a]
	return x >= lo && x <= hi
}

// arrangePins orders the pins of one column within one channel: from the
// left, ends arriving from the left, ends leaving to the left, the straight
// edge, ends leaving to the right, ends arriving from the right; and spaces
// them pinGap apart around the straight edge (or a long edge's fixed x),
// else around the column's centre.
func (l *layouter) arrangePins(c int, pins []pinRef) {
	sort.SliceStable(pins, func(i, j int) bool {
		a, b := pins[i], pins[j]
		if a.grp != b.grp {
			return a.grp < b.grp
		}
		if a.dir != b.dir {
			return a.dir < b.dir
		}
		return a.pc < b.pc
	})
	n := len(pins)
	xs := make([]float64, n)
	// spread places pins idx (in order) gap apart around x0, on the pin at
	// position anchor of idx or centred when anchor < 0, shrinking the gap
	// so every pin stays on its item.
	spread := func(idx []int, x0 float64, anchor int) {
		off := func(k int) float64 {
			if anchor >= 0 {
				return float64(k - anchor)
			}
			return float64(k) - float64(len(idx)-1)/2
		}
		gap := pinGap
		for k, i := range idx {
			d := off(k)
			if d == 0 {
				continue
			}
			items := []int{pins[i].item}
			if pins[i].grp == 2 {
				items = append(items, l.pieces[pins[i].pc].b)
			}
			for _, it := range items {
				lo, hi := l.usable(it)
				if d > 0 {
					gap = math.Min(gap, (hi-x0)/d)
				} else {
					gap = math.Min(gap, (x0-lo)/-d)
				}
			}
		}
		gap = math.Max(gap, 2)
		for k, i := range idx {
			xs[i] = snap(x0 + off(k)*gap)
		}
	}
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	straight, fixed := -1, -1
	for i, p := range pins {
		if p.grp == 2 {
			straight = i
		} else if p.top && l.g.items[p.item].node < 0 {
			fixed = i
		}
	}
	switch {
	case straight >= 0:
		spread(all, l.itemX[pins[straight].item], straight)
	case fixed >= 0:
		// A long edge arrives at a fixed x and turns towards the item
		// below: arrange that item's pins on its own centre, clear of it.
		xf := l.itemX[pins[fixed].item]
		xs[fixed] = xf
		var rest []int
		for i := range pins {
			if i != fixed {
				rest = append(rest, i)
			}
		}
		if len(rest) == 0 {
			break
		}
		spread(rest, l.itemX[pins[rest[0]].item], -1)
		it := pins[rest[0]].item
		lo, hi := l.usable(it)
		if l.g.items[it].node < 0 {
			// a dummy may use its whole column to keep clear
			lo, hi = l.colX[l.g.items[it].col]+4, l.colX[l.g.items[it].col]+l.colW[l.g.items[it].col]-4
		}
		shifted := false
		for k := 0; k <= 200 && !shifted; k++ {
			sh := float64((k + 1) / 2)
			if k%2 == 1 {
				sh = -sh
			}
			ok := true
			for _, i := range rest {
				x := xs[i] + sh
				if x < lo || x > hi || math.Abs(x-xf) < 6 {
					ok = false
					break
				}
			}
			if ok {
				for _, i := range rest {
					xs[i] += sh
				}
				shifted = true
			}
		}
		// No shift clears it: split the pins either side of it.
		if !shifted {
			cut := 0
			for cut < len(rest) && xs[rest[cut]] < xf {
				cut++
			}
			left, right := rest[:cut], rest[cut:]
			const clear = 6
			if xf-clear < lo {
				left, right = nil, rest
			} else if xf+clear > hi {
				left, right = rest, nil
			}
			// from is the end nearest the long edge, to the far end
			put := func(ids []int, from, to float64) {
				if len(ids) == 0 {
					return
				}
				g := pinGap
				if len(ids) > 1 {
					g = math.Min(g, math.Abs(to-from)/float64(len(ids)-1))
				}
				dir := 1.0
				if to < from {
					dir = -1
				}
				for j := range ids {
					k := j
					if dir < 0 {
						k = len(ids) - 1 - j
					}
					xs[ids[k]] = snap(from + dir*float64(j)*g)
				}
			}
			put(left, xf-clear, lo)
			put(right, xf+clear, hi)
		}
	default:
		x0 := l.colCenter(c)
		// A long edge entering an otherwise unused column hugs the side
		// it comes from, so the detour stays short.
		if p := pins[0]; n == 1 && !p.top && l.g.items[p.item].node < 0 {
			lo, hi := l.usable(p.item)
			x0 = math.Min(math.Max(l.itemX[l.pieces[p.pc].a], lo), hi)
		}
		spread(all, x0, -1)
	}
	for i, p := range pins {
		x := xs[i]
		pc := &l.pieces[p.pc]
		switch {
		case p.grp == 2:
			pc.top, pc.bot = x, x
			if l.g.items[pc.b].node < 0 {
				l.itemX[pc.b] = x
			}
		case p.top:
			pc.top = x
			if pc.kind == pcExit {
				pc.bot = l.lanes[pc.lane].x
			}
		default:
			pc.bot = x
			if pc.kind == pcEntry {
				pc.top = l.lanes[pc.lane].x
			}
			if pc.b >= 0 && l.g.items[pc.b].node < 0 {
				l.itemX[pc.b] = x
			}
		}
	}
}

// snap rounds to the half-pixel grid so the SVG and the geometry agree.
func snap(v float64) float64 { return math.Round(v*2) / 2 }

// trackInfo is what decides crossings between two horizontal runs.
type trackInfo struct {
	lo, hi     float64
	ups, downs []float64 // x of vertical parts above and below the run
}

func (l *layouter) trackInfo(p *piece) trackInfo {
	var t trackInfo
	switch p.kind {
	case pcForward:
		t.ups, t.downs = []float64{p.top}, []float64{p.bot}
	case pcExit:
		t.ups = []float64{p.top, p.bot} // the lane leaves upwards
	case pcEntry:
		t.downs = []float64{p.top, p.bot} // the lane arrives from below
	}
	t.lo, t.hi = math.Min(p.top, p.bot), math.Max(p.top, p.bot)
	return t
}

// crossCost counts crossings if a's run lies above b's.
func crossCost(a, b trackInfo) int {
	n := 0
	for _, x := range b.ups {
		if x > a.lo && x < a.hi {
			n++
		}
	}
	for _, x := range a.downs {
		if x > b.lo && x < b.hi {
			n++
		}
	}
	return n
}

// assignTracks orders the horizontal runs of channel k to reduce crossings
// (best insertion, then swaps of neighbours) and sizes the channel.
func (l *layouter) assignTracks(k int, pcs []int) {
	var need []int
	for _, pi := range pcs {
		p := &l.pieces[pi]
		if p.kind == pcForward && (p.straight || p.top == p.bot) {
			p.straight = true
			p.track = 0
			continue
		}
		need = append(need, pi)
	}
	info := make(map[int]trackInfo, len(need))
	for _, pi := range need {
		info[pi] = l.trackInfo(&l.pieces[pi])
	}
	cost := func(order []int) int {
		c := 0
		for i := range order {
			for j := i + 1; j < len(order); j++ {
				c += crossCost(info[order[i]], info[order[j]])
			}
		}
		return c
	}
	var order []int
	for _, pi := range need {
		best, bestC := 0, -1
		for at := 0; at <= len(order); at++ {
			try := make([]int, 0, len(order)+1)
			try = append(try, order[:at]...)
			try = append(try, pi)
			try = append(try, order[at:]...)
			if c := cost(try); bestC < 0 || c < bestC {
				best, bestC = at, c
			}
		}
		order = append(order, 0)
		copy(order[best+1:], order[best:])
		order[best] = pi
	}
	for improved := true; improved; {
		improved = false
		for i := 0; i+1 < len(order); i++ {
			a, b := info[order[i]], info[order[i+1]]
			if crossCost(b, a) < crossCost(a, b) {
				order[i], order[i+1] = order[i+1], order[i]
				improved = true
			}
		}
	}
	for t, pi := range order {
		l.pieces[pi].track = t
	}
	nt := len(order)
	l.nTracks[k] = nt
	zone := 0.0
	if l.zoneRows[k] > 0 {
		zone = float64(l.zoneRows[k])*(l.zoneH[k]+zoneGap) + zoneGap
	}
	inner := k > 0 && k < l.nRows
	switch {
	case nt > 0:
		l.chH[k] = chTopPad + float64(nt-1)*trackGap + zone + chBotPad
	case inner:
		l.chH[k] = math.Max(minChH, zone+chBotPad+6)
	default:
		l.chH[k] = 0
	}
}

// zoneTop returns the y where labels may start in channel k.
func (l *layouter) zoneTop(k int) float64 {
	if l.nTracks[k] > 0 {
		return l.chY[k] + chTopPad + float64(l.nTracks[k]-1)*trackGap + zoneGap + 2
	}
	return l.chY[k] + 6
}

type sidePort struct {
	lane  int
	exit  bool
	self  bool
	reach float64 // |lane x − box centre|
}

// placeSidePorts spreads the lane ends that leave or enter a box through
// its side: exits above entries, inner lanes nearest the middle, so nested
// loops do not cross.
func (l *layouter) placeSidePorts() {
	g := l.g
	type key struct{ node, side int }
	ports := map[key][]sidePort{}
	var keys []key
	addPort := func(k key, p sidePort) {
		if _, ok := ports[k]; !ok {
			keys = append(keys, k)
		}
		ports[k] = append(ports[k], p)
	}
	for i, ln := range l.lanes {
		e := g.edges[ln.edge]
		self := e.from == e.to
		if !ln.exitCh {
			addPort(key{e.from, ln.side}, sidePort{lane: i, exit: true, self: self, reach: math.Abs(ln.x - l.boxR[e.from].Center().X)})
		}
		if !ln.entryCh {
			addPort(key{e.to, ln.side}, sidePort{lane: i, exit: false, self: self, reach: math.Abs(ln.x - l.boxR[e.to].Center().X)})
		}
	}
	rank := func(p sidePort) int {
		switch {
		case p.exit && !p.self:
			return 0
		case p.self && !p.exit:
			return 1
		case p.self && p.exit:
			return 2
		}
		return 3
	}
	for _, k := range keys {
		ps := ports[k]
		sort.SliceStable(ps, func(i, j int) bool {
			a, b := ps[i], ps[j]
			if rank(a) != rank(b) {
				return rank(a) < rank(b)
			}
			if rank(a) == 3 {
				return a.reach > b.reach
			}
			return a.reach < b.reach
		})
		r := l.boxR[k.node]
		total := 0.0
		for _, p := range ps {
			total += l.portSlot(p.lane, p.exit)
		}
		top := r.Y + (r.H-total)/2
		for _, p := range ps {
			slot := l.portSlot(p.lane, p.exit)
			y := top + slot/2
			if slot > sideSlot {
				y = top + slot - 3 // the label sits above the line, inside the slot
			}
			top += slot
			y = snap(math.Min(math.Max(y, r.Y+3), r.Bottom()-3))
			if p.exit {
				l.lanes[p.lane].exitY = y
			} else {
				l.lanes[p.lane].entryY = y
			}
		}
	}
}

// sideSlot is the height a lane end takes on a box side; an exit with a
// label takes the label's height more, so the label fits above its line.
const sideSlot = 12.0

func (l *layouter) portSlot(lane int, exit bool) float64 {
	if id := l.lanes[lane].edge; exit && l.lblW[id] > 0 {
		return l.lblH[id] + 8
	}
	return sideSlot
}

// growForPorts makes boxes tall enough for the lane ends on their sides.
func (l *layouter) growForPorts() {
	g := l.g
	need := map[[2]int]float64{}
	for i, ln := range l.lanes {
		e := g.edges[ln.edge]
		if !ln.exitCh {
			need[[2]int{e.from, ln.side}] += l.portSlot(i, true)
		}
		if !ln.entryCh {
			need[[2]int{e.to, ln.side}] += l.portSlot(i, false)
		}
	}
	for k, h := range need {
		l.specs[k[0]].grow(math.Ceil(h + 8))
	}
}

// boxes returns the current boxes as Box values (for outline math).
func (l *layouter) box(v int) Box {
	sp := l.specs[v]
	return Box{Shape: sp.shape, Rect: l.boxR[v], Tip: sp.tip}
}

// sideX returns the x where the outline of step v meets height y on side s.
func (l *layouter) sideX(v, s int, y float64) float64 {
	b := l.box(v)
	hw := b.halfWidthAt(y)
	if hw < 0 {
		hw = b.W / 2
	}
	return b.X + b.W/2 + float64(s)*hw
}

func (l *layouter) buildRoutes() {
	g := l.g
	l.routes = make([][]Point, len(g.edges))
	piecesOf := make([][]int, len(g.edges))
	for i, p := range l.pieces {
		piecesOf[p.edge] = append(piecesOf[p.edge], i)
	}
	for id, e := range g.edges {
		var pts []Point
		switch e.kind {
		case ekForward:
			ps := piecesOf[id]
			first := l.pieces[ps[0]]
			pts = append(pts, Point{first.top, l.boxR[e.from].Bottom()})
			for _, pi := range ps {
				p := l.pieces[pi]
				if !p.straight {
					pts = append(pts, Point{p.top, p.y}, Point{p.bot, p.y})
				}
			}
			last := l.pieces[ps[len(ps)-1]]
			pts = append(pts, Point{last.bot, l.boxR[e.to].Y})
		case ekSide, ekSideBack:
			s := g.sideDir[e.to]
			if e.kind == ekSideBack {
				s = -g.sideDir[e.from]
			}
			y := l.boxR[e.from].Center().Y
			if l.hasSidePair(e.from, e.to) {
				if e.kind == ekSide {
					y -= sideDY
				} else {
					y += sideDY
				}
			}
			y = snap(y)
			pts = []Point{{snap(l.sideX(e.from, s, y)), y}, {snap(l.sideX(e.to, -s, y)), y}}
		case ekBack:
			ln := l.lanes[l.laneOf[id]]
			if ln.exitCh {
				var p piece
				for _, pi := range piecesOf[id] {
					if l.pieces[pi].kind == pcExit {
						p = l.pieces[pi]
					}
				}
				pts = append(pts, Point{p.top, l.boxR[e.from].Bottom()}, Point{p.top, p.y}, Point{ln.x, p.y})
			} else {
				y := ln.exitY
				pts = append(pts, Point{snap(l.sideX(e.from, ln.side, y)), y}, Point{ln.x, y})
			}
			if ln.entryCh {
				var p piece
				for _, pi := range piecesOf[id] {
					if l.pieces[pi].kind == pcEntry {
						p = l.pieces[pi]
					}
				}
				pts = append(pts, Point{ln.x, p.y}, Point{p.bot, p.y}, Point{p.bot, l.boxR[e.to].Y})
			} else {
				y := ln.entryY
				pts = append(pts, Point{ln.x, y}, Point{snap(l.sideX(e.to, ln.side, y)), y})
			}
		}
		l.routes[id] = simplify(pts)
	}
}

// simplify drops repeated points and points in the middle of a straight run.
func simplify(pts []Point) []Point {
	out := pts[:0:0]
	for _, p := range pts {
		if n := len(out); n > 0 && out[n-1] == p {
			continue
		}
		if n := len(out); n >= 2 {
			a, b := out[n-2], out[n-1]
			if (a.X == b.X && b.X == p.X) || (a.Y == b.Y && b.Y == p.Y) {
				out[n-1] = p
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// expand makes room for labels that found no place: wider gutters around
// where they belong, more label rows in channels, lanes further out.
func (l *layouter) expand(failed []int) {
	g := l.g
	widen := func(c int) {
		if c-1 >= 0 {
			l.gutterExtra[c-1] += 16
		}
		if c < len(l.gutterExtra) {
			l.gutterExtra[c] += 16
		}
	}
	for _, id := range failed {
		e := g.edges[id]
		switch e.kind {
		case ekForward:
			ch := g.items[e.chain[len(e.chain)-1]].row
			if l.zoneRows[ch] < 3 {
				l.zoneRows[ch]++
				l.zoneH[ch] = maxf(l.zoneH[ch], l.lblH[id])
			}
			for _, it := range e.chain {
				widen(g.items[it].col)
			}
		case ekSide, ekSideBack:
			widen(g.items[g.nodeIt[e.from]].col)
		case ekBack:
			si := 0
			if l.lanes[l.laneOf[id]].side > 0 {
				si = 1
			}
			l.laneExtra[si] += l.lblW[id]/2 + 12
			l.laneSep[l.laneOf[id]] += l.lblW[id]/2 + 6
		}
	}
}

// diagram assembles the result, shifted so that everything lies inside
// the viewBox with a margin.
func (l *layouter) diagram() *Diagram {
	g := l.g
	d := &Diagram{}
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	grow := func(r Rect) {
		minX, minY = math.Min(minX, r.X), math.Min(minY, r.Y)
		maxX, maxY = math.Max(maxX, r.Right()), math.Max(maxY, r.Bottom())
	}
	for _, r := range l.boxR {
		grow(r)
	}
	for _, pts := range l.routes {
		for _, p := range pts {
			grow(Rect{p.X, p.Y, 0, 0})
		}
	}
	for _, lb := range l.labels {
		grow(lb.Rect)
	}
	dx, dy := snap(margin-minX), snap(margin-minY)
	d.Width = math.Ceil(maxX + dx + margin)
	d.Height = math.Ceil(maxY + dy + margin)
	for v, s := range g.f.Steps {
		sp := l.specs[v]
		r := l.boxR[v]
		r.X += dx
		r.Y += dy
		it := g.items[g.nodeIt[v]]
		b := Box{
			ID: s.ID, Name: s.Name, Kind: s.Kind, Shape: sp.shape, Rect: r, Tip: sp.tip,
			Row: it.row, Col: it.col, Main: g.onMain[v], Side: g.sideOf[v] >= 0, Risk: sp.risk,
		}
		for _, t := range sp.lines {
			t.X += r.X
			t.Y += r.Y
			b.Lines = append(b.Lines, t)
		}
		if sp.risk != "" {
			b.Badge = Rect{sp.badge.X + r.X, sp.badge.Y + r.Y, sp.badge.W, sp.badge.H}
		}
		d.Boxes = append(d.Boxes, b)
	}
	for id, e := range g.edges {
		pts := make([]Point, len(l.routes[id]))
		for i, p := range l.routes[id] {
			pts[i] = Point{p.X + dx, p.Y + dy}
		}
		d.Edges = append(d.Edges, Route{
			From: g.f.Steps[e.from].ID, To: g.f.Steps[e.to].ID, Points: pts,
			Back: e.kind == ekBack || e.kind == ekSideBack, Label: l.labelOf[id],
		})
	}
	for _, lb := range l.labels {
		lb.X += dx
		lb.Y += dy
		lines := make([]TextLine, len(lb.Lines))
		for i, t := range lb.Lines {
			t.X += dx
			t.Y += dy
			lines[i] = t
		}
		lb.Lines = lines
		d.Labels = append(d.Labels, lb)
	}
	return d
}
