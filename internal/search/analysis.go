package search

import (
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"golang.org/x/text/unicode/norm"
)

// The analysis chain of the main fields is exactly bleve's "cjk" analyzer.
var (
	tokenizer   = unicode.NewUnicodeTokenizer()
	widthFilter = cjk.NewCJKWidthFilter()
	lowerFilter = lowercase.NewLowerCaseFilter()
	bigrams     = cjk.NewCJKBigramFilter(false)
)

// Normalize applies Unicode NFKC, the first step of all analysis; bleve's
// tokenizer drops full-width digits, ① and ％ without it.
func Normalize(s string) string { return norm.NFKC.String(s) }

// appendNormalized appends Normalize(s) to dst, with the iterator it
// (norm.NFKC.AppendString allocates its reordering buffer whenever s is
// not already normalised).
func appendNormalized(dst []byte, it *norm.Iter, s string) []byte {
	it.InitString(norm.NFKC, s)
	for !it.Done() {
		dst = append(dst, it.Next()...)
	}
	return dst
}

// Token is one token produced by the analyser, with byte offsets into the
// NFKC-normalised text.
type Token struct {
	Term       string
	Position   int
	Start, End int
	Type       string // "alnum", "ideo", "num", "single", "double"
}

var tokenTypeNames = map[analysis.TokenType]string{
	analysis.AlphaNumeric: "alnum", analysis.Ideographic: "ideo", analysis.Numeric: "num",
	analysis.Single: "single", analysis.Double: "double",
}

// Analyze returns the tokens the index holds for text in the title and body
// fields: NFKC, then bleve's unicode tokenizer, cjk_width, to_lower and
// cjk_bigram. The JavaScript client's analyze() returns the same list.
func Analyze(text string) []Token {
	nt := Normalize(text)
	stream := bigrams.Filter(lowerFilter.Filter(widthFilter.Filter(tokenizer.Tokenize([]byte(nt)))))
	out := make([]Token, len(stream))
	for i, t := range stream {
		out[i] = Token{Term: string(t.Term), Position: t.Position, Start: t.Start, End: t.End, Type: tokenTypeNames[t.Type]}
	}
	return out
}

// unit is one element of the sequence that phrase matching compares: a rune
// of an ideographic token, or a whole other token, after width and case
// folding. Offsets are those bleve's bigram filter computes.
type unit struct {
	term       string
	ideo       bool
	start, end int
}

// units analyses already-normalised text into units.
func units(nt string) []unit {
	stream := lowerFilter.Filter(widthFilter.Filter(tokenizer.Tokenize([]byte(nt))))
	out := make([]unit, 0, len(stream))
	for _, t := range stream {
		if t.Type != analysis.Ideographic {
			out = append(out, unit{term: string(t.Term), start: t.Start, end: t.End})
			continue
		}
		for off := 0; off < len(t.Term); {
			_, n := utf8.DecodeRune(t.Term[off:])
			out = append(out, unit{term: string(t.Term[off : off+n]), ideo: true, start: t.Start + off, end: t.Start + off + n})
			off += n
		}
	}
	return out
}

// aligned reports whether units i and i+1 are adjacent ideographic runes,
// that is, whether the bigram filter joins them.
func aligned(us []unit, i int) bool {
	return i+1 < len(us) && us[i].ideo && us[i+1].ideo && us[i+1].start == us[i].end
}

// Term keys: a field tag byte followed by the term.
const (
	tagMain    = 'm' // bigrams and non-ideographic tokens
	tagUnigram = 'u' // ideographic runes
	tagTrigram = 't' // three adjacent ideographic runes
)

// part is one whitespace-separated piece of a query: a phrase.
type part struct {
	units []unit
	terms []string // distinct term keys whose presence the phrase implies
	words []string // the keys of non-ideographic tokens (codes, numbers, words)
}

// single reports whether the presence of the part's only term is
// equivalent to a phrase match: the part is one token, or one run of two
// or three adjacent ideographic runes.
func (p *part) single() bool {
	n := len(p.units)
	return n == 1 || (n == 2 && aligned(p.units, 0)) || (n == 3 && aligned(p.units, 0) && aligned(p.units, 1))
}

// isSpace reports whether r separates query parts: the Unicode White_Space
// characters (the JS client uses the same list).
func isSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// parseQuery normalises text and splits it into parts.
func parseQuery(text string) []*part {
	var parts []*part
	for _, f := range strings.FieldsFunc(Normalize(text), isSpace) {
		us := units(f)
		if len(us) == 0 {
			continue
		}
		p := &part{units: us}
		seen := map[string]bool{}
		add := func(k string) {
			if !seen[k] {
				seen[k] = true
				p.terms = append(p.terms, k)
			}
		}
		// Each maximal run of adjacent ideographic runes contributes its
		// rune (length 1), its bigram (length 2) or trigrams (length 3 or
		// more) at offsets 0, 3, 6… and length−3.
		for i := 0; i < len(us); {
			if !us[i].ideo {
				k := string(tagMain) + us[i].term
				add(k)
				p.words = append(p.words, k)
				i++
				continue
			}
			j := i + 1
			for j < len(us) && aligned(us, j-1) {
				j++
			}
			switch j - i {
			case 1:
				add(string(tagUnigram) + us[i].term)
			case 2:
				add(string(tagMain) + us[i].term + us[i+1].term)
			default:
				// Trigrams that cover the run, overlapping as little as
				// possible: the phrase is confirmed anyway, and every
				// term costs the client a shard.
				for k := i; ; k += 3 {
					k = min(k, j-3)
					add(string(tagTrigram) + us[k].term + us[k+1].term + us[k+2].term)
					if k+3 >= j {
						break
					}
				}
			}
			i = j
		}
		parts = append(parts, p)
	}
	return parts
}

// matchAt reports whether the part's units occur in field units fu at j.
func (p *part) matchAt(fu []unit, j int) bool {
	pu := p.units
	if j+len(pu) > len(fu) {
		return false
	}
	for k := range pu {
		if fu[j+k].term != pu[k].term || fu[j+k].ideo != pu[k].ideo {
			return false
		}
		if k+1 < len(pu) && pu[k].ideo && pu[k+1].ideo && aligned(pu, k) != aligned(fu, j+k) {
			return false
		}
	}
	return true
}

// find returns the index of the first match of the part in fu, or -1.
func (p *part) find(fu []unit) int {
	for j := 0; j+len(p.units) <= len(fu); j++ {
		if p.matchAt(fu, j) {
			return j
		}
	}
	return -1
}
