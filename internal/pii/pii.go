package pii

import (
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Kind is the kind of personal data a [Finding] reports.
type Kind int

const (
	// IDCard is a resident identity card number (身份证号).
	IDCard Kind = iota + 1
	// Mobile is a mainland mobile phone number (手机号码).
	Mobile
	// BankCard is a bank card number (银行卡号).
	BankCard
	// Email is an e-mail address (电子邮箱).
	Email
)

// String returns the Chinese name of k, as shown to content authors.
func (k Kind) String() string {
	switch k {
	case IDCard:
		return "身份证号"
	case Mobile:
		return "手机号码"
	case BankCard:
		return "银行卡号"
	case Email:
		return "电子邮箱"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Finding is one piece of personal data in a text.
type Finding struct {
	Kind Kind
	// Start and End are byte offsets of the match in the text.
	Start, End int
	// Line and Col are the 1-based position of Start; Col counts runes.
	Line, Col int
	// Masked shows the value with its middle hidden; never the full value.
	Masked string
}

// String formats f as line:col: kind masked.
func (f Finding) String() string {
	return fmt.Sprintf("%d:%d: %s %s", f.Line, f.Col, f.Kind, f.Masked)
}

// Allow lists values that may be published, such as official contact
// numbers. See [ScanAllow] for how values are compared.
type Allow struct {
	Numbers []string
	Emails  []string
}

// Scan reports the personal data in text, ordered by Start.
func Scan(text string) []Finding {
	var s Scanner
	ms := s.scan(text)
	if len(ms) == 0 {
		return nil
	}
	out := make([]Finding, len(ms))
	for i, m := range ms {
		out[i] = m.Finding
	}
	return out
}

// ScanAllow is like [Scan] but drops findings whose normalised value is in
// a: for numbers the digits (and a final X), without a +86/86/0086 prefix
// on mobile numbers; for e-mail addresses the lower-case address.
func ScanAllow(text string, a Allow) []Finding {
	var s Scanner
	return s.ScanAllow(text, a)
}

// A Scanner scans one text after another, reusing its memory: the parts
// of a file's text that could hold personal data are copied rune by rune
// for the scan, and a loader scanning thousands of files would otherwise
// leave each copy as garbage. The zero Scanner is ready; it is not safe
// for concurrent use.
type Scanner struct {
	units  []unit
	groups []group
}

// ScanAllow is [ScanAllow] with s's memory.
func (s *Scanner) ScanAllow(text string, a Allow) []Finding {
	ms := s.scan(text)
	if len(ms) == 0 {
		return nil // most texts: no need to normalise a
	}
	allowed := make(map[string]bool, len(a.Numbers)+len(a.Emails))
	for _, n := range a.Numbers {
		allowed[normNumber(n)] = true
	}
	for _, e := range a.Emails {
		allowed[normEmail(e)] = true
	}
	var out []Finding
	for _, m := range ms {
		if !allowed[m.value] {
			out = append(out, m.Finding)
		}
	}
	return out
}

// IsOfficialEmail reports whether addr looks like a government mailbox: a
// well-formed address whose domain is gov.cn, gov or a subdomain of either.
// It is a heuristic for building an [Allow] list, nothing more.
func IsOfficialEmail(addr string) bool {
	addr = normEmail(addr)
	at := strings.LastIndexByte(addr, '@')
	if at <= 0 {
		return false
	}
	u := appendUnits(nil, addr, 0, len(addr))
	ms := emails(u, len(addr))
	if len(ms) != 1 || ms[0].Start != 0 || ms[0].End != len(addr) {
		return false
	}
	d := addr[at+1:]
	return d == "gov.cn" || strings.HasSuffix(d, ".gov.cn") || d == "gov" || strings.HasSuffix(d, ".gov")
}

// match is a Finding with its normalised value, for allow-lists.
type match struct {
	Finding
	value string
}

// unit is one rune of the text: r is its NFKC form when that is a single
// ASCII character of a width variant or space, else the rune itself; off is
// its byte offset in the original text.
type unit struct {
	r   rune
	off int32 // texts are far below 2 GB (content files are at most 4 MB)
}

// appendUnits appends to u the units of text[lo:hi], which must start and
// end on rune boundaries, with their offsets in text.
func appendUnits(u []unit, text string, lo, hi int) []unit {
	u = slices.Grow(u, hi-lo)
	for i := lo; i < hi; {
		r, n := utf8.DecodeRuneInString(text[i:hi])
		u = append(u, unit{fold(r), int32(i)})
		i += n
	}
	return u
}

// Most of a text cannot hold personal data, and copying it unit by unit
// was most of the scan's cost. The scan compares units with ASCII letters
// and digits, with "@._%+-/ ()$" and with "¥￥元万亿‰" (after folding),
// nothing else: call those units significant and the others (Chinese
// text, most punctuation, line ends, invalid bytes) blanks. A finding is
// a row of significant units with a digit or an '@' (a seed) among them,
// so it lies within one stretch of significant units that holds a seed.
// The scan of a stretch looks no further than the unit on either side of
// it, since every step out tests the unit reached against significant
// characters; a blank there fails every test, as the edge of the text
// does. The scan takes nothing else from a blank but its offset, as the
// End of a match just before it (at the edge, End is len(text)).
//
// So the scan of all units finds what the scan of the seeded stretches
// alone finds, each followed by the blank after it unless it ends the
// text: that is what appendSignificant keeps. Offsets still refer to the
// text; indexes change, but in step, and only order and neighbours count.
const significantChars = "@._%+-/ ()$¥￥元万亿‰"

// Classes of folded runes, for appendSignificant.
const (
	blank       = iota
	significant // compared with something by the scan
	seed        // significant, and every finding has one: a digit or '@'
)

var asciiClass = func() (c [utf8.RuneSelf]uint8) {
	for r := range rune(utf8.RuneSelf) {
		switch {
		case isDigit(r) || r == '@':
			c[r] = seed
		case isAlpha(r) || strings.ContainsRune(significantChars, r):
			c[r] = significant
		}
	}
	return c
}()

// class returns the class of the folded rune r.
func class(r rune) uint8 {
	if r < utf8.RuneSelf {
		return asciiClass[r]
	}
	switch r {
	case '¥', '￥', '元', '万', '亿', '‰': // the non-ASCII significantChars
		return significant
	}
	return blank
}

// nextSeed returns the offset of the first seed in text[i:], or -1.
// Most bytes of a text are no seed, and nextSeed tests eight at a time.
func nextSeed(text string, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(text); i += 8 {
		w := text[i : i+8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		// Set the high bit of each byte of m that may start a seed: an
		// ASCII byte from '0' to '@', or 0xEF. The sums add 7-bit values
		// to bytes below 0x80, so they never carry into the next byte.
		low := x &^ highs
		m := (low + ones*(0x80-'0')) &^ (low + ones*(0x80-'A')) &^ x & highs
		e := x ^ ones*0xEF // zero bytes where x has 0xEF
		m |= ^(e&^highs + ^uint64(highs) | e) & highs
		for ; m != 0; m &= m - 1 {
			if j := i + bits.TrailingZeros64(m)/8; isSeed(text, j) {
				return j
			}
		}
	}
	for ; i < len(text); i++ {
		if isSeed(text, i) {
			return i
		}
	}
	return -1
}

// isSeed reports whether a seed starts at text[i]: an ASCII digit or '@',
// or a full-width one (０-９ is EF BC 90-99 in UTF-8, ＠ is EF BC A0); no
// other rune folds to one. Neither kind of byte can be the middle of a
// rune, so a seed starts where decoding the text finds a rune.
func isSeed(text string, i int) bool {
	c := text[i]
	return c >= '0' && c <= '9' || c == '@' ||
		c == 0xEF && i+2 < len(text) && text[i+1] == 0xBC && (text[i+2] >= 0x90 && text[i+2] <= 0x99 || text[i+2] == 0xA0)
}

// appendSignificant appends to u the units of text that the scan needs:
// the stretches of significant units that hold a seed, each followed by
// the blank after it, as explained above.
func appendSignificant(u []unit, text string) []unit {
	for i := nextSeed(text, 0); i >= 0; {
		lo := i
		for lo > 0 {
			// Decoding backwards finds the runes decoding forwards does:
			// a valid encoding cannot start inside another one.
			r, n := utf8.DecodeLastRuneInString(text[:lo])
			if class(fold(r)) == blank {
				break
			}
			lo -= n
		}
		hi := i
		for hi < len(text) {
			r, n := rune(text[hi]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(text[hi:])
				r = fold(r)
			}
			if class(r) == blank {
				break
			}
			hi += n
		}
		u = appendUnits(u, text, lo, hi)
		if hi == len(text) {
			break
		}
		r, n := utf8.DecodeRuneInString(text[hi:])
		u = append(u, unit{fold(r), int32(hi)})
		i = nextSeed(text, hi+n)
	}
	return u
}

// fold maps full-width forms and Unicode spaces to their NFKC ASCII
// equivalents. Other compatibility mappings (①, superscripts, …) are left
// alone on purpose: they would turn list markers into digits.
func fold(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		return r
	case r >= 0xFF01 && r <= 0xFF5E:
		// Full-width forms of ASCII ！…～ (Chinese text is full of ，：（）):
		// their NFKC form is the ASCII character 0xFEE0 below.
		return r - 0xFEE0
	case r == 0x3000: // ideographic space
		return ' '
	case r > 0x3000: // no spaces above the ideographic space: skip the lookup
		return r
	case !unicode.IsSpace(r):
		return r
	}
	s := norm.NFKC.String(string(r))
	if len(s) == 1 {
		return rune(s[0])
	}
	return r
}

func normNumber(s string) string {
	var b strings.Builder
	for _, r := range s {
		r = fold(r)
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == 'x' || r == 'X':
			b.WriteByte('X')
		}
	}
	v := b.String()
	for _, p := range []string{"0086", "86"} {
		if len(v) == len(p)+11 && strings.HasPrefix(v, p) && v[len(p)] == '1' {
			return v[len(p):]
		}
	}
	return v
}

func normEmail(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(fold(r))
	}
	return strings.ToLower(strings.TrimSpace(b.String()))
}

func (s *Scanner) scan(text string) []match {
	s.units = appendSignificant(s.units[:0], text)
	return s.scanUnits(text, s.units, true)
}

// scanUnits scans the units u of text: all of them, or those that
// appendSignificant keeps. Unless pieces, digits are always copied from
// the units (see scanner.digits): the tests compare with that scan.
func (s *Scanner) scanUnits(text string, u []unit, pieces bool) []match {
	ms := emails(u, len(text))
	inEmail := func(start, end int) bool {
		for _, e := range ms {
			if start < e.End && e.Start < end {
				return true
			}
		}
		return false
	}
	sc := scanner{text: text, pieces: pieces, u: u, end: len(text), g: s.groups[:0]}
	sc.numbers()
	clear(sc.g[:cap(sc.g)]) // do not keep text alive
	s.groups = sc.g[:0]
	for _, m := range sc.out {
		if !inEmail(m.Start, m.End) {
			ms = append(ms, m)
		}
	}
	if len(ms) > 1 {
		sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	}
	positions(text, ms)
	return ms
}

// positions fills Line and Col; ms must be sorted by Start.
func positions(text string, ms []match) {
	line, col, off := 1, 1, 0
	for i := range ms {
		for off < ms[i].Start {
			r, n := utf8.DecodeRuneInString(text[off:])
			off += n
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
		}
		ms[i].Line, ms[i].Col = line, col
	}
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
func isAlpha(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }
func isAlnum(r rune) bool { return isDigit(r) || isAlpha(r) }

// offset returns the byte offset of unit i, or end past the last unit.
func offset(u []unit, i, end int) int {
	if i < len(u) {
		return int(u[i].off)
	}
	return end
}

// --- e-mail ---

func isLocal(r rune) bool {
	return isAlnum(r) || strings.ContainsRune("._%+-", r)
}

func isDomain(r rune) bool { return isAlnum(r) || r == '.' || r == '-' }

func emails(u []unit, end int) []match {
	var out []match
	next := 0 // first unit not yet inside a reported address
	for at := range u {
		if u[at].r != '@' || at < next {
			continue
		}
		lo := at
		for lo > next && isLocal(u[lo-1].r) {
			lo--
		}
		for lo < at && u[lo].r == '.' {
			lo++
		}
		hi := at + 1
		for hi < len(u) && isDomain(u[hi].r) {
			hi++
		}
		for hi > at+1 && (u[hi-1].r == '.' || u[hi-1].r == '-') {
			hi--
		}
		if lo == at || !validDomain(u[at+1:hi]) {
			continue
		}
		var local, domain strings.Builder
		for _, x := range u[lo:at] {
			local.WriteRune(x.r)
		}
		for _, x := range u[at+1 : hi] {
			domain.WriteRune(x.r)
		}
		l := local.String()
		var mask string
		switch len(l) {
		case 1:
			mask = "*"
		case 2:
			mask = l[:1] + "*"
		default:
			mask = l[:1] + strings.Repeat("*", len(l)-2) + l[len(l)-1:]
		}
		out = append(out, match{
			Finding: Finding{Kind: Email, Start: int(u[lo].off), End: offset(u, hi, end), Masked: mask + "@" + domain.String()},
			value:   strings.ToLower(l + "@" + domain.String()),
		})
		next = hi
	}
	return out
}

func validDomain(d []unit) bool {
	var labels [][]unit
	start := 0
	for i := 0; i <= len(d); i++ {
		if i == len(d) || d[i].r == '.' {
			labels = append(labels, d[start:i])
			start = i + 1
		}
	}
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if len(l) == 0 || len(l) > 63 || l[0].r == '-' || l[len(l)-1].r == '-' {
			return false
		}
	}
	tld := labels[len(labels)-1]
	if len(tld) < 2 {
		return false
	}
	for _, x := range tld {
		if !isAlpha(x.r) {
			return false
		}
	}
	return true
}

// --- numbers ---

// group is a maximal run of digits, possibly ending in X, inside a run of
// groups joined by single spaces or hyphens.
type group struct {
	lo, hi int    // unit indexes, hi exclusive
	digits string // ASCII digits, with a final "X" for hasX
	hasX   bool
	sep    rune // separator before the group; 0 for the first
}

type scanner struct {
	text   string
	pieces bool // digits may be pieces of text
	u      []unit
	end    int
	out    []match

	// the current run
	g                []group
	leftOK, rightOK  bool // the run stands on its own at either end
	amountL, amountR bool // currency sign before, unit after the run
	plusBefore       bool // "+" right before the run
	parenPrefixLo    int  // unit index of "(+86)"/"(86)" right before the run, or -1
}

func (s *scanner) numbers() {
	u := s.u
	for i := 0; i < len(u); {
		if !isDigit(u[i].r) || (i > 0 && isAlnum(u[i-1].r)) {
			i++
			continue
		}
		j := s.run(i)
		s.matchRun()
		i = j
	}
}

// run collects the groups starting at unit i and returns the unit index
// after the run.
func (s *scanner) run(i int) int {
	u := s.u
	s.g = s.g[:0]
	var sep rune
	for {
		lo := i
		for i < len(u) && isDigit(u[i].r) {
			i++
		}
		g := group{lo: lo, sep: sep}
		if i < len(u) && (u[i].r == 'X' || u[i].r == 'x') && (i+1 == len(u) || !isAlnum(u[i+1].r)) {
			g.hasX = true
			i++
		}
		g.hi, g.digits = i, s.digits(lo, i, g.hasX)
		s.g = append(s.g, g)
		if g.hasX || i+1 >= len(u) || (u[i].r != ' ' && u[i].r != '-') || !isDigit(u[i+1].r) {
			break
		}
		sep = u[i].r
		i++
	}
	first, last := s.g[0].lo, i
	s.leftOK = first == 0 || !joined(u, first-1, -1)
	s.rightOK = last == len(u) || !joined(u, last, +1)
	s.amountL = first > 0 && isCurrency(u[first-1].r)
	s.amountR = last < len(u) && isAmountUnit(u[last].r)
	s.plusBefore = first > 0 && u[first-1].r == '+'
	s.parenPrefixLo = -1
	// "(+86)138…" or "(86) 138…"
	k := first - 1
	if k >= 0 && u[k].r == ' ' {
		k--
	}
	if k >= 2 && u[k].r == ')' && u[k-1].r == '6' && u[k-2].r == '8' {
		k -= 3
		if k >= 0 && u[k].r == '+' {
			k--
		}
		if k >= 0 && u[k].r == '(' {
			s.parenPrefixLo = k
		}
	}
	return i
}

// digits returns the digits of units u[lo:hi], the last of which is X or
// x if x, as ASCII with a final "X". Most texts write them in ASCII: then
// they are a piece of the text, which costs no copy.
func (s *scanner) digits(lo, hi int, x bool) string {
	u := s.u
	first, last := int(u[lo].off), int(u[hi-1].off)
	// Units one byte apart are ASCII, as folded; so is the last if its
	// byte is.
	if s.pieces && last-first == hi-1-lo && s.text[last] < utf8.RuneSelf && (!x || s.text[last] == 'X') {
		return s.text[first : last+1]
	}
	b := make([]byte, hi-lo)
	for k, c := range u[lo:hi] {
		b[k] = byte(c.r) // ASCII once folded
	}
	if x {
		b[len(b)-1] = 'X'
	}
	return string(b)
}

// joined reports whether the unit at i (just outside a run, in direction
// dir) attaches the run to a longer token: an ASCII letter or digit, or a
// connector followed by one.
func joined(u []unit, i, dir int) bool {
	r := u[i].r
	if isAlnum(r) {
		return true
	}
	switch r {
	case '-', '/', '_', '.':
		j := i + dir
		return j >= 0 && j < len(u) && isAlnum(u[j].r)
	}
	return false
}

// isCurrency reports whether r is a currency sign: a number after it is an
// amount.
func isCurrency(r rune) bool {
	switch r {
	case '¥', '￥', '$':
		return true
	}
	return false
}

// isAmountUnit reports whether r makes the number before it an amount.
func isAmountUnit(r rune) bool {
	switch r {
	case '元', '万', '亿', '%', '‰':
		return true
	}
	return false
}

func (s *scanner) matchRun() {
	for i := 0; i < len(s.g); {
		if k := s.matchAt(i); k > 0 {
			i += k
		} else {
			i++
		}
	}
}

// sameSep reports whether groups g[i+1:i+n] are all joined by one separator,
// and returns it.
func (s *scanner) sameSep(i, n int) (rune, bool) {
	if i+n > len(s.g) {
		return 0, false
	}
	sep := s.g[i+1].sep
	for _, g := range s.g[i+1 : i+n] {
		if g.sep != sep {
			return 0, false
		}
	}
	return sep, true
}

// lengths reports whether groups starting at i have exactly the lengths ls
// and one separator, and are not continued by short groups in that style
// (on the left only if checkLeft).
func (s *scanner) lengths(i int, checkLeft bool, ls ...int) bool {
	sep, ok := s.sameSep(i, len(ls))
	if !ok {
		return false
	}
	for k, l := range ls {
		if len(s.g[i+k].digits) != l {
			return false
		}
	}
	return !(checkLeft && s.continuedLeft(i, sep)) && !s.continuedRight(i+len(ls), sep)
}

// continuedLeft reports whether group i is joined by sep to a preceding
// group of at most four digits.
func (s *scanner) continuedLeft(i int, sep rune) bool {
	return i > 0 && s.g[i].sep == sep && len(s.g[i-1].digits) <= 4
}

// continuedRight reports whether group j exists, is joined by sep and has
// at most four digits.
func (s *scanner) continuedRight(j int, sep rune) bool {
	return j < len(s.g) && s.g[j].sep == sep && len(s.g[j].digits) <= 4
}

func (s *scanner) joinDigits(i, n int) string {
	var b strings.Builder
	for _, g := range s.g[i : i+n] {
		b.WriteString(g.digits)
	}
	return b.String()
}

func anyX(gs []group) bool {
	for _, g := range gs {
		if g.hasX {
			return true
		}
	}
	return false
}

// matchAt tries the patterns at group i and returns the number of groups
// consumed by a match, or 0.
func (s *scanner) matchAt(i int) int {
	g := s.g
	edgeL := i == 0
	edgeR := func(n int) bool { return i+n == len(g) }
	standsAlone := func(n int) bool {
		return (!edgeL || s.leftOK) && (!edgeR(n) || s.rightOK)
	}
	notAmount := func(n int) bool {
		return (!edgeL || !s.amountL) && (!edgeR(n) || !s.amountR)
	}
	emit := func(kind Kind, n int, value, mask string, loUnit int) int {
		s.out = append(s.out, match{
			Finding: Finding{Kind: kind, Start: int(s.u[loUnit].off), End: offset(s.u, g[i+n-1].hi, s.end), Masked: mask},
			value:   value,
		})
		return n
	}
	lo := g[i].lo

	// Identity card, 18 characters, whole or 6-8-4.
	for _, n := range []int{1, 3} {
		if n == 1 && len(g[i].digits) != 18 || n == 3 && !s.lengths(i, true, 6, 8, 4) {
			continue
		}
		if !standsAlone(n) {
			continue
		}
		v := s.joinDigits(i, n)
		if validID18(v) && !isUSCC(v) {
			return emit(IDCard, n, v, v[:4]+strings.Repeat("*", 10)+v[14:], lo)
		}
	}
	if g[i].hasX {
		return 0
	}

	// Mobile.
	mobile := func(j int, prefixed bool) (n int, v string) {
		if j >= len(g) || anyX(g[j:min(j+3, len(g))]) {
			return 0, ""
		}
		switch {
		case len(g[j].digits) == 11:
			n, v = 1, g[j].digits
		case s.lengths(j, !prefixed, 3, 4, 4):
			n, v = 3, s.joinDigits(j, 3)
		default:
			return 0, ""
		}
		if !isMobile(v) {
			return 0, ""
		}
		return n, v
	}
	mobileMask := func(v string) string { return v[:3] + "****" + v[7:] }
	if d := g[i].digits; d == "86" || d == "0086" {
		if n, v := mobile(i+1, true); n > 0 && standsAlone(n+1) && notAmount(n+1) {
			if edgeL && s.plusBefore {
				lo--
			}
			return emit(Mobile, n+1, v, mobileMask(v), lo)
		}
	}
	for _, p := range []string{"86", "0086"} {
		d := g[i].digits
		if len(d) == len(p)+11 && strings.HasPrefix(d, p) && isMobile(d[len(p):]) && standsAlone(1) && notAmount(1) {
			if edgeL && s.plusBefore {
				lo--
			}
			v := d[len(p):]
			return emit(Mobile, 1, v, mobileMask(v), lo)
		}
	}
	if n, v := mobile(i, false); n > 0 && standsAlone(n) && notAmount(n) {
		if edgeL && s.parenPrefixLo >= 0 {
			lo = s.parenPrefixLo
		}
		return emit(Mobile, n, v, mobileMask(v), lo)
	}

	// Bank card: groups of four (the last may be shorter), or one piece.
	cardMask := func(v string) string { return v[:4] + strings.Repeat("*", len(v)-8) + v[len(v)-4:] }
	if n, v := s.cardGroups(i); n > 0 && standsAlone(n) && notAmount(n) && isCard(v) {
		return emit(BankCard, n, v, cardMask(v), lo)
	}
	if d := g[i].digits; len(d) >= 16 && len(d) <= 19 && standsAlone(1) && notAmount(1) && isCard(d) {
		return emit(BankCard, 1, d, cardMask(d), lo)
	}

	// Legacy identity card, 15 digits.
	if d := g[i].digits; len(d) == 15 && standsAlone(1) && validID15(d) {
		return emit(IDCard, 1, d, d[:4]+strings.Repeat("*", 7)+d[11:], lo)
	}
	return 0
}

// cardGroups matches at least four groups of four digits joined by one
// separator, optionally followed by a shorter last group, 16–19 digits in
// all, and returns the number of groups and the digits.
func (s *scanner) cardGroups(i int) (int, string) {
	g := s.g
	if i+1 >= len(g) {
		return 0, ""
	}
	sep := g[i+1].sep
	if s.continuedLeft(i, sep) {
		return 0, ""
	}
	n := 0
	for i+n < len(g) && len(g[i+n].digits) == 4 && !g[i+n].hasX && (n == 0 || g[i+n].sep == sep) {
		n++
	}
	if n < 4 {
		return 0, ""
	}
	if j := i + n; j < len(g) && g[j].sep == sep && len(g[j].digits) < 4 {
		if g[j].hasX {
			return 0, ""
		}
		n++
	}
	if s.continuedRight(i+n, sep) {
		return 0, ""
	}
	v := s.joinDigits(i, n)
	if len(v) < 16 || len(v) > 19 {
		return 0, ""
	}
	return n, v
}

// --- checks ---

var provinces = map[string]bool{
	"11": true, "12": true, "13": true, "14": true, "15": true,
	"21": true, "22": true, "23": true,
	"31": true, "32": true, "33": true, "34": true, "35": true, "36": true, "37": true,
	"41": true, "42": true, "43": true, "44": true, "45": true, "46": true,
	"50": true, "51": true, "52": true, "53": true, "54": true,
	"61": true, "62": true, "63": true, "64": true, "65": true,
	"81": true, "82": true, "83": true,
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// validDate reports whether y-m-d is a calendar date with 1900 <= y <= 2100.
func validDate(y, m, d int) bool {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && (y%4 == 0 && y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}

func allDigits(s string) bool {
	for _, c := range s {
		if !isDigit(c) {
			return false
		}
	}
	return s != ""
}

// idShaped reports whether an 18-character value has a province code and a
// birth date where an identity card number has them.
func idShaped(v string) bool {
	return len(v) == 18 && allDigits(v[:17]) && provinces[v[:2]] &&
		validDate(atoi(v[6:10]), atoi(v[10:12]), atoi(v[12:14]))
}

// validID18 checks an 18-character identity card number (final X upper case).
func validID18(v string) bool {
	if !idShaped(v) {
		return false
	}
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(v[i]-'0') * w
	}
	return v[17] == "10X98765432"[sum%11]
}

func validID15(v string) bool {
	return len(v) == 15 && allDigits(v) && provinces[v[:2]] &&
		validDate(1900+atoi(v[6:8]), atoi(v[8:10]), atoi(v[10:12])) &&
		!validOrgCode(v[6:])
}

func isMobile(v string) bool {
	return len(v) == 11 && allDigits(v) && v[0] == '1' && v[1] >= '3'
}

func isCard(v string) bool {
	if len(v) < 16 || len(v) > 19 || !allDigits(v) {
		return false
	}
	switch v[0] {
	case '3', '4', '5', '6', '9':
	case '2':
		if p := atoi(v[:4]); p < 2221 || p > 2720 {
			return false
		}
	default:
		return false
	}
	if idShaped(v) || isUSCC(v) {
		return false
	}
	sum := 0
	for i := range len(v) {
		d := int(v[len(v)-1-i] - '0')
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

const usccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// isUSCC reports whether v is a plausible unified social credit code
// (GB 32100): the check character validates, the embedded organisation code
// (GB 11714) validates and the division code names a province.
func isUSCC(v string) bool {
	if len(v) != 18 {
		return false
	}
	sum, w := 0, 1
	for i := range 17 {
		c := strings.IndexByte(usccChars, v[i])
		if c < 0 {
			return false
		}
		sum += c * w
		w = w * 3 % 31
	}
	want := (31 - sum%31) % 31
	if v[17] != usccChars[want] {
		return false
	}
	return provinces[v[2:4]] && validOrgCode(v[8:17])
}

// validOrgCode checks a 9-character organisation code (GB 11714).
func validOrgCode(v string) bool {
	if len(v) != 9 {
		return false
	}
	weights := [8]int{3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		c := v[i]
		var n int
		switch {
		case c >= '0' && c <= '9':
			n = int(c - '0')
		case c >= 'A' && c <= 'Z':
			n = int(c-'A') + 10
		default:
			return false
		}
		sum += n * w
	}
	want := byte('0' + (11-sum%11)%11)
	if (11-sum%11)%11 == 10 {
		want = 'X'
	}
	return v[8] == want
}
