package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// snippetRunes is the length of a body excerpt, in runes.
const snippetRunes = 100

// snippetBefore is how many runes of context precede the first match.
const snippetBefore = 20

// highlight marks the matches of parts in text. The text is normalised
// piecewise (each base character with its marks), so that offsets map back
// to the original text, which is what the page shows. With limit > 0 it
// returns an excerpt of about limit runes around the first match.
func highlight(text string, parts []*part, limit int) []Fragment {
	var nb strings.Builder
	var back []int // original byte offset of each normalised byte, plus the end
	for i := 0; i < len(text); {
		j := i
		_, n := utf8.DecodeRuneInString(text[j:])
		j += n
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !unicode.Is(unicode.M, r) {
				break
			}
			j += n
		}
		piece := Normalize(text[i:j])
		for k := 0; k < len(piece); k++ {
			back = append(back, i)
		}
		nb.WriteString(piece)
		i = j
	}
	back = append(back, len(text))
	nt := nb.String()
	origEnd := func(nbyte int) int { // original offset after the piece holding nbyte-1
		if nbyte <= 0 {
			return 0
		}
		o := back[nbyte-1]
		for k := nbyte; k < len(back); k++ {
			if back[k] != o {
				return back[k]
			}
		}
		return len(text)
	}
	// Matches as original byte ranges, left to right, not overlapping.
	var ranges [][2]int
	if len(parts) > 0 {
		us := units(nt)
		for j := 0; j < len(us); {
			best := 0
			for _, p := range parts {
				if len(p.units) > best && p.matchAt(us, j) {
					best = len(p.units)
				}
			}
			if best == 0 {
				j++
				continue
			}
			ranges = append(ranges, [2]int{back[us[j].start], origEnd(us[j+best-1].end)})
			j += best
		}
	}
	lo, hi := 0, len(text)
	if limit > 0 {
		if len(ranges) > 0 {
			lo = ranges[0][0]
			for k := 0; k < snippetBefore && lo > 0; k++ {
				_, n := utf8.DecodeLastRuneInString(text[:lo])
				lo -= n
			}
		}
		hi = lo
		for k := 0; k < limit && hi < len(text); k++ {
			_, n := utf8.DecodeRuneInString(text[hi:])
			hi += n
		}
		for _, r := range ranges { // do not cut a match
			if r[0] < hi && r[1] > hi {
				hi = r[1]
			}
		}
	}
	var out []Fragment
	add := func(s string, m bool) {
		if s != "" {
			out = append(out, Fragment{Text: s, Match: m})
		}
	}
	if lo > 0 {
		add("…", false)
	}
	pos := lo
	for _, r := range ranges {
		if r[1] <= lo || r[0] >= hi {
			continue
		}
		add(text[pos:max(pos, r[0])], false)
		add(text[max(pos, r[0]):r[1]], true)
		pos = r[1]
	}
	add(text[pos:hi], false)
	if hi < len(text) {
		add("…", false)
	}
	return out
}
