// Package suggest finds the likely intended word for a misspelt key, id or
// enumeration value, for the "did you mean" part of a hint.
package suggest

import "unicode/utf8"

// Closest returns the candidate nearest to s by edit distance (in runes),
// or "" when none is close enough to be a plausible typo: at most half the
// length of s, between 1 and 3 edits.
func Closest(s string, candidates []string) string {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		if d := Distance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	if bestD <= max(1, min(3, utf8.RuneCountInString(s)/2)) {
		return best
	}
	return ""
}

// Distance is the Levenshtein distance between a and b, counted in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
