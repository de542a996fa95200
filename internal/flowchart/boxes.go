package flowchart

import "math"

// Sizes, in px at 100%. Names are 15px bold, the post and time limit 12px,
// edge labels 12px, risk badges 11px.
const (
	nameSize  = 15.0
	nameLH    = 20.0
	metaSize  = 12.0
	metaLH    = 16.0
	badgeSize = 11.0
	badgeH    = 18.0
	badgeGap  = 4.0
	labelSize = 12.0
	labelLH   = 15.0
	labelPadX = 4.0
	labelPadY = 1.0

	maxNameW  = 150.0 // longest line of a step name before it wraps
	maxMetaW  = 160.0
	maxLabelW = 100.0
	boxPadX   = 12.0
	boxPadY   = 8.0
	minBoxW   = 88.0
	minBoxH   = 40.0
	metaSep   = " · "
)

// boxSpec is a step's box before placement: its size and its text lines
// relative to the box's top-left corner.
type boxSpec struct {
	w, h  float64
	shape Shape
	tip   float64
	lines []TextLine // X, Y relative to the box's top-left corner
	risk  string
	badge Rect // relative
}

func riskLabel(level string) string { return level + "风险" }

// badge geometry: a small icon (triangle, diamond or circle) then the text.
const badgeIcon, badgePad = 9.0, 5.0

func badgeWidth(level string) float64 {
	return badgePad + badgeIcon + 3 + textWidth(riskLabel(level), badgeSize) + badgePad
}

// measureStep lays out the text of s and sizes its box to fit.
func measureStep(s *Step) boxSpec {
	var sp boxSpec
	name := s.Name
	if name == "" {
		name = s.ID
	}
	type ln struct {
		text     string
		size, lh float64
		role     TextRole
		w        float64
		top      float64 // relative to content top
	}
	var lines []ln
	y := 0.0
	for _, t := range wrapText(name, nameSize, maxNameW) {
		lines = append(lines, ln{t, nameSize, nameLH, NameText, textWidth(t, nameSize), y})
		y += nameLH
	}
	var meta []string
	switch {
	case s.Post != "" && s.TimeLimit != "":
		if one := s.Post + metaSep + s.TimeLimit; textWidth(one, metaSize) <= maxMetaW {
			meta = []string{one}
		} else {
			meta = append(wrapText(s.Post, metaSize, maxMetaW), wrapText(s.TimeLimit, metaSize, maxMetaW)...)
		}
	case s.Post != "":
		meta = wrapText(s.Post, metaSize, maxMetaW)
	case s.TimeLimit != "":
		meta = wrapText(s.TimeLimit, metaSize, maxMetaW)
	}
	if len(meta) > 0 {
		y += 2
	}
	for _, t := range meta {
		lines = append(lines, ln{t, metaSize, metaLH, MetaText, textWidth(t, metaSize), y})
		y += metaLH
	}
	sp.risk = topRisk(s.Risks)
	contentW := 0.0
	for _, l := range lines {
		contentW = maxf(contentW, l.w)
	}
	badgeTop := 0.0
	if sp.risk != "" {
		y += badgeGap
		badgeTop = y
		y += badgeH
		contentW = maxf(contentW, badgeWidth(sp.risk))
	}
	contentH := y

	switch s.Kind {
	case Start, End:
		sp.shape = ShapePill
	case Decision:
		sp.shape = ShapeHexagon
	default:
		sp.shape = ShapeRect
	}
	sp.h = math.Ceil(maxf(contentH+2*boxPadY, minBoxH))
	if sp.shape == ShapePill {
		sp.h = math.Ceil(maxf(contentH+2*boxPadY, 36))
	}
	top := (sp.h - contentH) / 2
	cy := sp.h / 2
	// Each line (and the badge) is a rectangle that must fit inside the
	// outline; find the narrowest box that holds them all.
	need := func(w, t, b float64) float64 { // half-width needed for a rect of width w spanning [t,b]
		dy := maxf(math.Abs(t-cy), math.Abs(b-cy))
		switch sp.shape {
		case ShapePill:
			r := sp.h / 2
			in := math.Sqrt(math.Max(0, r*r-dy*dy))
			return w/2 + 6 - in + r
		case ShapeHexagon:
			return w/2 + 8 + sp.tip*dy/(sp.h/2)
		}
		return w/2 + boxPadX
	}
	if sp.shape == ShapeHexagon {
		sp.tip = math.Round(math.Min(math.Max(sp.h*0.3, 12), 22))
	}
	half := 0.0
	for _, l := range lines {
		t := top + l.top + (l.lh-l.size)/2
		half = maxf(half, need(l.w, t, t+l.size))
	}
	if sp.risk != "" {
		half = maxf(half, need(badgeWidth(sp.risk), top+badgeTop, top+badgeTop+badgeH))
	}
	minW := minBoxW
	switch sp.shape {
	case ShapePill:
		minW = maxf(72, sp.h+24)
	case ShapeHexagon:
		minW = minBoxW + 2*sp.tip
	}
	sp.w = math.Ceil(maxf(2*half, minW))
	if int(sp.w)%2 == 1 {
		sp.w++ // keep the centre on a half-pixel grid
	}
	for _, l := range lines {
		t := top + l.top + (l.lh-l.size)/2
		sp.lines = append(sp.lines, TextLine{
			Text: l.text, X: sp.w / 2, Y: t + 0.88*l.size,
			Size: l.size, Width: l.w, Role: l.role,
		})
	}
	if sp.risk != "" {
		bw := badgeWidth(sp.risk)
		sp.badge = Rect{sp.w/2 - bw/2, top + badgeTop, bw, badgeH}
		tw := textWidth(riskLabel(sp.risk), badgeSize)
		sp.lines = append(sp.lines, TextLine{
			Text: riskLabel(sp.risk),
			X:    sp.badge.X + badgePad + badgeIcon + 3 + tw/2,
			Y:    sp.badge.Y + (badgeH-badgeSize)/2 + 0.88*badgeSize,
			Size: badgeSize, Width: tw, Role: BadgeText,
		})
	}
	return sp
}

// measureLabel wraps an edge label and returns its lines (relative to the
// label's top-left corner) and size.
func measureLabel(text string) (lines []TextLine, w, h float64) {
	ts := wrapText(text, labelSize, maxLabelW)
	for _, t := range ts {
		w = maxf(w, textWidth(t, labelSize))
	}
	w = math.Ceil(w + 2*labelPadX)
	h = float64(len(ts))*labelLH + 2*labelPadY
	for i, t := range ts {
		top := labelPadY + float64(i)*labelLH + (labelLH-labelSize)/2
		lines = append(lines, TextLine{Text: t, X: w / 2, Y: top + 0.88*labelSize,
			Size: labelSize, Width: textWidth(t, labelSize), Role: LabelText})
	}
	return lines, w, h
}

// grow makes the box at least h tall, keeping its content centred.
func (sp *boxSpec) grow(h float64) {
	if h <= sp.h {
		return
	}
	dy := (h - sp.h) / 2
	for i := range sp.lines {
		sp.lines[i].Y += dy
	}
	sp.badge.Y += dy
	sp.h = h
	if sp.shape == ShapePill && sp.w < sp.h+24 {
		dx := (sp.h + 24 - sp.w) / 2
		sp.w = sp.h + 24
		for i := range sp.lines {
			sp.lines[i].X += dx
		}
		sp.badge.X += dx
	}
}
