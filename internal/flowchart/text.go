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
// Token texts are slices of s.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/2)
	ends := make([]int, 0, len(s)/2) // byte offset where each token ends
	pending, pendW := -1, 0.0        // start of opening punctuation waiting for the next unit
	space := false
	lastASCII := false
	for i, r := range s {
		size := utf8.RuneLen(r)
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\u3000':
			space = true
			lastASCII = false
			continue
		case strings.ContainsRune(noLineStart, r) && len(toks) > 0 && pending < 0 && !space:
			t := &toks[len(toks)-1]
			ends[len(ends)-1] = i + size
			t.text = s[ends[len(ends)-1]-len(t.text)-size : i+size]
			t.w += runeEm(r)
			lastASCII = lastASCII && r < 0x80
			continue
		case strings.ContainsRune(noLineEnd, r):
			if pending < 0 {
				pending, pendW = i, 0
			}
			pendW += runeEm(r)
			continue
		}
		ascii := r < 0x80
		if ascii && lastASCII && !space && pending < 0 {
			t := &toks[len(toks)-1]
			t.text = s[i-len(t.text) : i+size]
			ends[len(ends)-1] = i + size
			t.w += runeEm(r)
			continue
		}
		start := i
		w := runeEm(r)
		if pending >= 0 {
			start, w = pending, 0
			for _, q := range s[pending : i+size] {
				w += runeEm(q)
			}
		}
		toks = append(toks, token{text: s[start : i+size], w: w, space: space && len(toks) > 0})
		ends = append(ends, i+size)
		pending = -1
		space = false
		lastASCII = ascii
	}
	if pending >= 0 {
		toks = append(toks, token{text: strings.TrimRight(s[pending:], " \t\n\u3000"), w: pendW, space: space && len(toks) > 0})
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

// greedyCount is len(greedy(toks, max)) without building the lines.
func greedyCount(toks []token, max float64) int {
	n, w := 0, 0.0
	for _, t := range toks {
		sp := 0.0
		if t.space && w > 0 {
			sp = runeEm(' ')
		}
		if w > 0 && w+sp+t.w > max+1e-9 {
			n++
			w, sp = 0, 0
		}
		w += sp + t.w
	}
	if w > 0 {
		n++
	}
	return n
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
	if textWidth(s, size) <= maxW && !strings.ContainsAny(s, "\t\n") {
		return []string{s} // the common case: it fits
	}
	max := maxW / size
	raw := tokenize(s)
	toks := make([]token, 0, len(raw))
	for _, t := range raw {
		if t.w > max {
			toks = append(toks, splitToken(t, max)...)
		} else {
			toks = append(toks, t)
		}
	}
	n := greedyCount(toks, max)
	if n <= 1 {
		return greedy(toks, max)
	}
	T := len(toks)
	// pre[k] is the width of toks[:k] counting every space; a line
	// toks[i:j] drops the space before toks[i].
	pre := make([]float64, T+1)
	for k, t := range toks {
		pre[k+1] = pre[k] + t.w
		if t.space {
			pre[k+1] += runeEm(' ')
		}
	}
	width := func(i, j int) float64 {
		w := pre[j] - pre[i]
		if toks[i].space {
			w -= runeEm(' ')
		}
		return w
	}
	total := width(0, T)
	target := total / float64(n)
	const breakPenalty = 20     // a break inside a phrase costs as much as lines 3em uneven
	pen := make([]float64, T+1) // cost of breaking before toks[j]
	for j := 1; j < T; j++ {
		if toks[j].space {
			continue
		}
		if first, _ := utf8.DecodeRuneInString(toks[j].text); strings.ContainsRune(noLineEnd, first) {
			continue
		}
		if last, _ := utf8.DecodeLastRuneInString(toks[j-1].text); strings.ContainsRune("，。、；：！？）》」』】〕〉”’,;:!?)", last) {
			continue
		}
		pen[j] = breakPenalty
	}
	penalty := func(j int) float64 { return pen[j] }
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
