package flowchart

import (
	"math"
	"strings"
	"unicode/utf8"
)

// Text is measured, not rendered, at build time: there is no font file to
// read. The estimate errs on the wide side so that text never overflows its
// box in the fonts the SVG asks for (PingFang SC, Noto Sans CJK SC,
// Microsoft YaHei): every full-width or ambiguous character counts as 1em,
// ASCII letters and digits about 0.55em (wide capitals and m/w more), a
// space 0.3em.

// runeEm returns the advance of r in em.
func runeEm(r rune) float64 {
	if r >= 0x80 {
		return 1 // CJK, full-width forms, and anything ambiguous
	}
	switch {
	case r == ' ':
		return 0.3
	case r >= '0' && r <= '9':
		return 0.56
	case r == 'm' || r == 'w':
		return 0.86
	case r >= 'a' && r <= 'z':
		return 0.56
	case r == 'M' || r == 'W':
		return 0.92
	case r >= 'A' && r <= 'Z':
		return 0.7
	case r == '%' || r == '@':
		return 0.95
	case r == '.' || r == ',' || r == ':' || r == ';' || r == '!' || r == '\'' || r == '|' || r == '"':
		return 0.35
	}
	return 0.6
}

// textWidth returns the estimated advance width of s at the given font size.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += runeEm(r)
	}
	return w * size
}

// Characters that may not start a line (closing punctuation) or end one
// (opening punctuation), after the usual Chinese line-breaking rules.
const (
	noLineStart = "，。、；：！？）》」』】〕〉”’…—·%,.;:!?)]}"
	noLineEnd   = "（《「『【〔〈“‘([{"
)

type token struct {
	text  string
	w     float64 // width in em
	space bool    // a space precedes it
}

// tokenize splits s into unbreakable units: one wide character (with any
// punctuation that must stay attached), or one run of ASCII without spaces.
func tokenize(s string) []token {
	var toks []token
	var pending string // opening punctuation waiting for the next unit
	space := false
	lastASCII := false
	for _, r := range s {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\u3000':
			space = true
			lastASCII = false
			continue
		case strings.ContainsRune(noLineStart, r) && len(toks) > 0 && pending == "" && !space:
			t := &toks[len(toks)-1]
			t.text += string(r)
			t.w += runeEm(r)
			lastASCII = lastASCII && r < 0x80
			continue
		case strings.ContainsRune(noLineEnd, r):
			pending += string(r)
			continue
		}
		ascii := r < 0x80
		if ascii && lastASCII && !space && pending == "" {
			t := &toks[len(toks)-1]
			t.text += string(r)
			t.w += runeEm(r)
			continue
		}
		w := runeEm(r)
		for _, p := range pending {
			w += runeEm(p)
		}
		toks = append(toks, token{text: pending + string(r), w: w, space: space && len(toks) > 0})
		pending = ""
		space = false
		lastASCII = ascii
	}
	if pending != "" {
		w := 0.0
		for _, p := range pending {
			w += runeEm(p)
		}
		toks = append(toks, token{text: pending, w: w, space: space && len(toks) > 0})
	}
	return toks
}

// splitToken breaks a unit that is wider than max (in em) into pieces.
func splitToken(t token, max float64) []token {
	var out []token
	cur, w := "", 0.0
	for _, r := range t.text {
		rw := runeEm(r)
		if cur != "" && w+rw > max {
			out = append(out, token{text: cur, w: w})
			cur, w = "", 0
		}
		cur += string(r)
		w += rw
	}
	if cur != "" {
		out = append(out, token{text: cur, w: w})
	}
	if len(out) > 0 {
		out[0].space = t.space
	}
	return out
}

// greedy packs toks into lines no wider than max em.
func greedy(toks []token, max float64) []string {
	var lines []string
	var b strings.Builder
	w := 0.0
	for _, t := range toks {
		sp := 0.0
		if t.space && b.Len() > 0 {
			sp = runeEm(' ')
		}
		if b.Len() > 0 && w+sp+t.w > max+1e-9 {
			lines = append(lines, b.String())
			b.Reset()
			w, sp = 0, 0
		}
		if sp > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
		w += sp + t.w
	}
	if b.Len() > 0 {
		lines = append(lines, b.String())
	}
	return lines
}

// wrapText breaks s into lines whose width at size px is at most maxW px.
// It uses the fewest lines possible and, among those breakings, the one
// with the most even lines, preferring to break after punctuation or at a
// space: "出示证件、通知当事人到场" becomes 出示证件、/通知当事人到场, and a
// name of eleven characters 6+5 rather than 10+1.
func wrapText(s string, size, maxW float64) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	max := maxW / size
	var toks []token
	for _, t := range tokenize(s) {
		if t.w > max {
			toks = append(toks, splitToken(t, max)...)
		} else {
			toks = append(toks, t)
		}
	}
	n := len(greedy(toks, max))
	if n <= 1 {
		return greedy(toks, max)
	}
	T := len(toks)
	// width of toks[i:j] on one line
	width := func(i, j int) float64 {
		w := 0.0
		for k := i; k < j; k++ {
			if k > i && toks[k].space {
				w += runeEm(' ')
			}
			w += toks[k].w
		}
		return w
	}
	total := width(0, T)
	target := total / float64(n)
	const breakPenalty = 20 // a break inside a phrase costs as much as lines 3em uneven
	penalty := func(j int) float64 { // cost of breaking before toks[j]
		if j >= T || toks[j].space {
			return 0
		}
		if first, _ := utf8.DecodeRuneInString(toks[j].text); strings.ContainsRune(noLineEnd, first) {
			return 0
		}
		prev := []rune(toks[j-1].text)
		if strings.ContainsRune("，。、；：！？）》」』】〕〉”’,;:!?)", prev[len(prev)-1]) {
			return 0
		}
		return breakPenalty
	}
	inf := math.Inf(1)
	cost := make([][]float64, n+1) // cost[k][j]: first j tokens in k lines
	from := make([][]int, n+1)
	for k := range cost {
		cost[k] = make([]float64, T+1)
		from[k] = make([]int, T+1)
		for j := range cost[k] {
			cost[k][j] = inf
		}
	}
	cost[0][0] = 0
	for k := 1; k <= n; k++ {
		for j := 1; j <= T; j++ {
			for i := j - 1; i >= 0; i-- {
				w := width(i, j)
				if w > max+1e-9 {
					break
				}
				if cost[k-1][i] == inf {
					continue
				}
				c := cost[k-1][i] + (w-target)*(w-target) + penalty(j)
				if c < cost[k][j] {
					cost[k][j], from[k][j] = c, i
				}
			}
		}
	}
	if cost[n][T] == inf {
		return greedy(toks, max)
	}
	lines := make([]string, n)
	for k, j := n, T; k > 0; k-- {
		i := from[k][j]
		var b strings.Builder
		for t := i; t < j; t++ {
			if t > i && toks[t].space {
				b.WriteByte(' ')
			}
			b.WriteString(toks[t].text)
		}
		lines[k-1] = b.String()
		j = i
	}
	return lines
}

// runeCount is utf8.RuneCountInString, named for readability at call sites.
func runeCount(s string) int { return utf8.RuneCountInString(s) }

func maxf(a, b float64) float64 {
	if a > b {
		return a
	}
	return b
}

func minf(a, b float64) float64 {
	if a < b {
		return a
	}
	return b
}
