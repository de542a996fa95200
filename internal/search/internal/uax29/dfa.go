package uax29

import (
	"fmt"
	"slices"
	"strings"
)

// Token types, as segment reports them (segment.Number, segment.Letter,
// segment.Ideo); None tokens are not reported.
const (
	TypeNone   = 0
	TypeNumber = 1
	TypeLetter = 2
	TypeIdeo   = 4
)

// Pattern priorities: the scanner rules of segment_words.rl that produce
// tokens other than None, in the order Ragel lists them (earlier wins ties).
var patternTypes = []int{
	TypeNumber, // WordNumeric
	TypeLetter, // WordHangul
	TypeIdeo,   // WordKatakana
	TypeLetter, // Word
	TypeIdeo,   // WordHan
	TypeIdeo,   // WordHiragana
	TypeNone,   // WordRegional
	TypeNone,   // WordCRLF
	TypeNone,   // WordCR
	TypeNone,   // WordLF
	TypeNone,   // WordNL
	TypeNone,   // WordExt
	TypeNone,   // Other
}

// Tables is everything the tokenizer needs.
type Tables struct {
	// Symbol of each code point: Runs lists (first code point, symbol) in
	// increasing order; a run extends to the next run's first code point.
	Runs []Run
	// Symbols is the (WB, script, ASCII) triple each symbol stands for.
	Symbols [][3]int
	// Trans[state*len(Symbols)+symbol] is the next state, or -1; state 0
	// is the start state.
	Trans []int
	// Accept[state] is the token type accepted in that state, or -1.
	Accept []int
}

// Run is a range of code points with one symbol.
type Run struct {
	First  rune
	Symbol int
}

// node is a regular expression over symbols.
type node struct {
	op   byte // 's' set, '.' concatenation, '|' alternation, '*' star
	set  func(wb, script, ascii int) bool
	kids []*node
}

func set(f func(wb, script, ascii int) bool) *node { return &node{op: 's', set: f} }
func cat(k ...*node) *node                         { return &node{op: '.', kids: k} }
func alt(k ...*node) *node                         { return &node{op: '|', kids: k} }
func star(k *node) *node                           { return &node{op: '*', kids: []*node{k}} }
func plus(k *node) *node                           { return cat(k, star(k)) }

func wbIs(vals ...int) *node {
	return set(func(wb, _, _ int) bool { return slices.Contains(vals, wb) })
}

func scriptIs(v int) *node {
	return set(func(_, s, _ int) bool { return s == v })
}

// patterns returns the word rules of segment_words.rl, in priority order.
func patterns() []*node {
	x := func() *node { return star(wbIs(WBExtend, WBFormat)) }
	ex := func(n *node) *node { return cat(n, x()) }
	hangulEx := func() *node { return ex(scriptIs(ScriptHangul)) }
	hebrewOrALetterEx := func() *node { return ex(wbIs(WBHebrewLetter, WBALetter)) }
	numericEx := func() *node { return ex(wbIs(WBNumeric)) }
	katakanaEx := func() *node { return ex(wbIs(WBKatakana)) }
	midLetterEx := func() *node { return ex(wbIs(WBMidLetter, WBMidNumLet, WBSingleQuote)) }
	midNumericEx := func() *node { return ex(wbIs(WBMidNum, WBMidNumLet, WBSingleQuote)) }
	enlEx := func() *node { return ex(wbIs(WBExtendNumLet)) }
	hanEx := func() *node { return ex(scriptIs(ScriptHan)) }
	hiraganaEx := func() *node { return ex(scriptIs(ScriptHiragana)) }
	singleQuoteEx := func() *node { return ex(wbIs(WBSingleQuote)) }
	doubleQuoteEx := func() *node { return ex(wbIs(WBDoubleQuote)) }
	hebrewLetterEx := func() *node { return ex(wbIs(WBHebrewLetter)) }

	wordNumeric := cat(star(enlEx()), numericEx(),
		star(cat(alt(star(enlEx()), midNumericEx()), numericEx())), star(enlEx()))
	wordHangul := plus(hangulEx())
	wordKatakana := plus(katakanaEx())
	kata := func() *node { return cat(katakanaEx(), star(cat(star(enlEx()), katakanaEx()))) }
	inner := func(withENL bool) *node {
		alts := []*node{
			cat(hebrewLetterEx(), alt(singleQuoteEx(), cat(doubleQuoteEx(), hebrewLetterEx()))),
			cat(numericEx(), star(cat(alt(star(enlEx()), midNumericEx()), numericEx()))),
			cat(hebrewOrALetterEx(), star(cat(alt(star(enlEx()), midLetterEx()), hebrewOrALetterEx()))),
		}
		if withENL {
			alts = append(alts, enlEx())
		}
		return plus(alt(alts...))
	}
	word := cat(star(enlEx()), alt(kata(), inner(true)),
		star(cat(plus(enlEx()), alt(kata(), inner(false)))), star(enlEx()))
	// The None rules matter only where they are longer than a word rule:
	// Other is a single byte followed by Extend/Format, so after an ASCII
	// character it swallows Extend/Format code points (some of which,
	// U+302E..U+302F, are Hangul and would otherwise start a word).
	regional := plus(ex(wbIs(WBRegionalIndicator)))
	crlf := cat(wbIs(WBCR), wbIs(WBLF))
	nlcrlf := func(wb, _, _ int) bool { return wb == WBNewline || wb == WBCR || wb == WBLF }
	other := alt(
		cat(set(func(wb, s, a int) bool { return a == 1 && !nlcrlf(wb, s, a) }), x()),
		set(func(wb, s, a int) bool { return a == 0 && !nlcrlf(wb, s, a) }))
	return []*node{wordNumeric, wordHangul, wordKatakana, word, hanEx(), hiraganaEx(),
		regional, crlf, wbIs(WBCR), wbIs(WBLF), wbIs(WBNewline), plus(wbIs(WBExtend, WBFormat)), other}
}

// nfa is a Thompson automaton.
type nfa struct {
	eps    [][]int
	sym    []func(wb, script, ascii int) bool // edge predicate (nil if none)
	next   []int
	accept []int // pattern index or -1
}

func (a *nfa) state() int {
	a.eps = append(a.eps, nil)
	a.sym = append(a.sym, nil)
	a.next = append(a.next, -1)
	a.accept = append(a.accept, -1)
	return len(a.eps) - 1
}

// build returns (start, end) states of the fragment for n.
func (a *nfa) build(n *node) (int, int) {
	switch n.op {
	case 's':
		s, e := a.state(), a.state()
		a.sym[s], a.next[s] = n.set, e
		return s, e
	case '.':
		s, e := a.build(n.kids[0])
		for _, k := range n.kids[1:] {
			ks, ke := a.build(k)
			a.eps[e] = append(a.eps[e], ks)
			e = ke
		}
		return s, e
	case '|':
		s, e := a.state(), a.state()
		for _, k := range n.kids {
			ks, ke := a.build(k)
			a.eps[s] = append(a.eps[s], ks)
			a.eps[ke] = append(a.eps[ke], e)
		}
		return s, e
	case '*':
		s, e := a.state(), a.state()
		ks, ke := a.build(n.kids[0])
		a.eps[s] = append(a.eps[s], ks, e)
		a.eps[ke] = append(a.eps[ke], ks, e)
		return s, e
	}
	panic("bad node")
}

func (a *nfa) closure(states []int) []int {
	seen := map[int]bool{}
	stack := slices.Clone(states)
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[s] {
			continue
		}
		seen[s] = true
		stack = append(stack, a.eps[s]...)
	}
	out := make([]int, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

// Build derives the tables from code point properties.
func Build(p *Props) *Tables {
	t := &Tables{}
	symOf := map[[3]int]int{}
	symbol := func(wb, sc, ascii int) int {
		k := [3]int{wb, sc, ascii}
		if s, ok := symOf[k]; ok {
			return s
		}
		symOf[k] = len(t.Symbols)
		t.Symbols = append(t.Symbols, k)
		return symOf[k]
	}
	symbol(WBOther, ScriptOther, 0) // symbol 0: plain other
	prev := -1
	for r := range p.WB {
		ascii := 0
		if r < 0x80 {
			ascii = 1
		}
		s := symbol(int(p.WB[r]), int(p.Script[r]), ascii)
		if r >= 0xD800 && r <= 0xDFFF {
			s = 0
		}
		if s != prev {
			t.Runs = append(t.Runs, Run{First: rune(r), Symbol: s})
			prev = s
		}
	}

	a := &nfa{}
	start := a.state()
	for i, pat := range patterns() {
		s, e := a.build(pat)
		a.eps[start] = append(a.eps[start], s)
		a.accept[e] = i
	}
	nsym := len(t.Symbols)
	key := func(ss []int) string { return fmt.Sprint(ss) }
	dstates := [][]int{a.closure([]int{start})}
	index := map[string]int{key(dstates[0]): 0}
	for i := 0; i < len(dstates); i++ {
		acc := -1
		for _, s := range dstates[i] {
			if a.accept[s] >= 0 && (acc < 0 || a.accept[s] < acc) {
				acc = a.accept[s]
			}
		}
		if acc >= 0 {
			acc = patternTypes[acc]
		}
		t.Accept = append(t.Accept, acc)
		for sym := 0; sym < nsym; sym++ {
			wb, sc, as := t.Symbols[sym][0], t.Symbols[sym][1], t.Symbols[sym][2]
			var nxt []int
			for _, s := range dstates[i] {
				if a.sym[s] != nil && a.sym[s](wb, sc, as) {
					nxt = append(nxt, a.next[s])
				}
			}
			if len(nxt) == 0 {
				t.Trans = append(t.Trans, -1)
				continue
			}
			cl := a.closure(nxt)
			k := key(cl)
			j, ok := index[k]
			if !ok {
				j = len(dstates)
				index[k] = j
				dstates = append(dstates, cl)
			}
			t.Trans = append(t.Trans, j)
		}
	}
	t.minimize()
	t.mergeSymbols()
	return t
}

// DropUnnormalized gives every code point that NFKC never outputs
// (unnormalized(r) reports them) the symbol of the code point before it,
// which merges runs: the client tokenizes NFKC text only.
func (t *Tables) DropUnnormalized(unnormalized func(rune) bool) {
	var runs []Run
	for i, r := range t.Runs {
		end := rune(0x110000)
		if i+1 < len(t.Runs) {
			end = t.Runs[i+1].First
		}
		// Split the run into pieces of normalised code points; the others
		// extend whatever precedes them.
		for c := r.First; c < end; {
			if unnormalized(c) {
				c++
				continue
			}
			d := c
			for d < end && !unnormalized(d) {
				d++
			}
			if len(runs) == 0 || runs[len(runs)-1].Symbol != r.Symbol {
				runs = append(runs, Run{First: c, Symbol: r.Symbol})
			}
			c = d
		}
	}
	if len(runs) == 0 || runs[0].First != 0 {
		runs = append([]Run{{First: 0, Symbol: 0}}, runs...)
	}
	t.Runs = runs
}

// mergeSymbols merges symbols whose DFA columns are identical, and then
// adjacent runs that have become equal.
func (t *Tables) mergeSymbols() {
	ns, n := len(t.Symbols), len(t.Accept)
	colKey := func(s int) string {
		var b strings.Builder
		for st := 0; st < n; st++ {
			fmt.Fprint(&b, t.Trans[st*ns+s], ",")
		}
		return b.String()
	}
	newOf := make([]int, ns)
	byKey := map[string]int{}
	var keep []int
	for s := 0; s < ns; s++ {
		k := colKey(s)
		j, ok := byKey[k]
		if !ok {
			j = len(keep)
			byKey[k] = j
			keep = append(keep, s)
		}
		newOf[s] = j
	}
	trans := make([]int, n*len(keep))
	syms := make([][3]int, len(keep))
	for j, s := range keep {
		syms[j] = t.Symbols[s]
		for st := 0; st < n; st++ {
			trans[st*len(keep)+j] = t.Trans[st*ns+s]
		}
	}
	var runs []Run
	for _, r := range t.Runs {
		s := newOf[r.Symbol]
		if len(runs) > 0 && runs[len(runs)-1].Symbol == s {
			continue
		}
		runs = append(runs, Run{First: r.First, Symbol: s})
	}
	t.Trans, t.Symbols, t.Runs = trans, syms, runs
}

// minimize merges equivalent DFA states (Moore's algorithm).
func (t *Tables) minimize() {
	n, ns := len(t.Accept), len(t.Symbols)
	class := make([]int, n)
	for i := range class {
		class[i] = t.Accept[i] + 1
	}
	for {
		sig := map[string]int{}
		next := make([]int, n)
		for i := 0; i < n; i++ {
			var b strings.Builder
			fmt.Fprint(&b, class[i])
			for s := 0; s < ns; s++ {
				d := t.Trans[i*ns+s]
				c := -1
				if d >= 0 {
					c = class[d]
				}
				fmt.Fprint(&b, ",", c)
			}
			k := b.String()
			if _, ok := sig[k]; !ok {
				sig[k] = len(sig)
			}
			next[i] = sig[k]
		}
		same := len(sig) == countDistinct(class)
		class = next
		if same {
			break
		}
	}
	// Renumber so that the start state stays 0.
	remap := map[int]int{class[0]: 0}
	for i := 0; i < n; i++ {
		if _, ok := remap[class[i]]; !ok {
			remap[class[i]] = len(remap)
		}
	}
	m := len(remap)
	trans := make([]int, m*ns)
	accept := make([]int, m)
	for i := 0; i < n; i++ {
		c := remap[class[i]]
		accept[c] = t.Accept[i]
		for s := 0; s < ns; s++ {
			d := t.Trans[i*ns+s]
			if d >= 0 {
				d = remap[class[d]]
			}
			trans[c*ns+s] = d
		}
	}
	t.Trans, t.Accept = trans, accept
}

func countDistinct(xs []int) int {
	m := map[int]bool{}
	for _, x := range xs {
		m[x] = true
	}
	return len(m)
}

// SymbolOf returns the symbol of r.
func (t *Tables) SymbolOf(r rune) int {
	i, _ := slices.BinarySearchFunc(t.Runs, r, func(run Run, r rune) int {
		if run.First <= r {
			return -1
		}
		return 1
	})
	return t.Runs[i-1].Symbol
}

// Segment is one non-None token: byte offsets into the input and its type.
type Segment struct {
	Start, End int
	Type       int
}

// Tokenize splits s as segment.NewWordSegmenterDirect does, returning only
// the segments whose type is not None.
func (t *Tables) Tokenize(s string) []Segment {
	var out []Segment
	runes := []rune(s)
	offs := make([]int, len(runes)+1)
	o := 0
	for i, r := range runes {
		offs[i] = o
		o += len(string(r))
	}
	offs[len(runes)] = o
	ns := len(t.Symbols)
	for i := 0; i < len(runes); {
		state, best, bestType := 0, 0, -1
		for j := i; j < len(runes); j++ {
			state = t.Trans[state*ns+t.SymbolOf(runes[j])]
			if state < 0 {
				break
			}
			if t.Accept[state] >= 0 {
				best, bestType = j+1-i, t.Accept[state]
			}
		}
		if bestType < 0 {
			panic("uax29: no rule matched")
		}
		if bestType == TypeNone {
			i += best
			continue
		}
		out = append(out, Segment{Start: offs[i], End: offs[i+best], Type: bestType})
		i += best
	}
	return out
}
