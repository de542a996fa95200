// Package cnum reads and writes the numerals found in Chinese legal and
// administrative text.
//
// # Accepted forms
//
// Arabic digits, half-width (0-9) or full-width (０-９), with an optional
// decimal point ("." or "．") and optional ASCII thousands separators in
// groups of exactly three ("10,000"):
//
//	5000   1.5   １２０   10,000
//
// Chinese digits and units, in the ordinary (小写) and the financial
// (大写) forms, and traditional 萬 億 兩:
//
//	零 〇 一 二 两 三 四 五 六 七 八 九      digits
//	壹 贰 貳 叁 參 肆 伍 陆 陸 柒 捌 玖       financial digits
//	十 百 千 (拾 佰 仟)   万 亿 (萬 億)       units
//
// Unit forms are read the usual way: 十 = 10, 十五 = 15, 三十五 = 35,
// 一百一十九 = 119, 一千零五 = 1005, 二十万 = 200000, 一亿二千万 =
// 120000000. A digit that directly follows a unit, with nothing after it,
// is read colloquially as one step below that unit: 一万五 = 15000,
// 一千五 = 1500, 三百五 = 350. A run of digits without units is read digit
// by digit when it has a zero or at least three digits: 二〇二三 = 2023,
// 二〇 = 20; 五六 ("five or six") is not read past 五.
//
// Arabic and Chinese mix: 1万 = 10000, 1.5万 = 15000, 5千 = 5000,
// 3百万 = 3000000, 1万5千 = 15000.
//
// # What is not a numeral
//
// A unit without a digit is only accepted for 十 (十 = 10, 十万 = 100000);
// 百分之五 and 千分之五 therefore do not start with a numeral (callers read
// the 百分之 prefix themselves). Units must descend within a section
// (十百 stops after 十), 万 and 亿 may each appear once and in that order,
// and an Arabic number after a unit needs a smaller unit after it (1万5千
// is read, 1万5 stops after 1万). Arabic runs longer than 15 significant
// digits are rejected rather than truncated, so a numeral is never read as
// a different number; at worst a shorter prefix is read and the caller
// sees what follows.
//
// [Scan] and [ScanRunes] read the longest numeral at the start of their
// input; [Parse] and [ParseInt] require the whole input to be one numeral.
// [Itoa] writes an integer the way statutes do (第一百一十九条, 十万元).
package cnum

import (
	"math"
	"strings"
	"unicode/utf8"
)

// Parse reads s, after trimming surrounding white space, as one numeral.
// ok is false if s is empty or anything other than a numeral remains.
func Parse(s string) (v float64, ok bool) {
	s = strings.TrimSpace(s)
	v, n := Scan(s)
	if n == 0 || n != len(s) {
		return 0, false
	}
	return v, true
}

// ParseInt is like [Parse] but also requires the value to be a whole
// number that fits in an int64.
func ParseInt(s string) (int64, bool) {
	v, ok := Parse(s)
	if !ok || v != math.Trunc(v) || v > math.MaxInt64/2 {
		return 0, false
	}
	return int64(v), true
}

// Scan reads the longest numeral at the start of s. It returns its value
// and the number of bytes it occupies; n is 0 if s does not start with a
// numeral.
func Scan(s string) (v float64, n int) {
	// A numeral is at most a few dozen runes long; do not convert all of s.
	const maxRunes = 64
	rs := make([]rune, 0, 16)
	for _, r := range s {
		if len(rs) == maxRunes {
			break
		}
		rs = append(rs, r)
	}
	v, nr := ScanRunes(rs)
	for _, r := range rs[:nr] {
		n += utf8.RuneLen(r)
	}
	return v, n
}

// ScanRunes is [Scan] for a rune slice: it returns the value of the
// longest numeral at the start of rs and the number of runes it occupies.
func ScanRunes(rs []rune) (v float64, n int) {
	var sc scanner
	return sc.scan(rs)
}

// token kinds, also used for "the previous token".
const (
	tNone   = iota
	tDigit  // a Chinese digit 一…九 (or a pure run of Chinese digits)
	tZero   // 零 or 〇 after a unit
	tArabic // a run of Arabic digits
	tSmall  // 十 百 千
	tBig    // 万 亿
)

type scanner struct {
	total   float64 // sum of completed 亿 and 万 groups
	section float64 // completed part of the current group (below 万)
	// pending number waiting for a unit: value = mant / 10^scale
	mant  int64
	scale int
	has   bool // a pending number exists
	prev  int  // kind of the previous token
	pure  int  // number of Chinese digits read digit by digit (no units yet)
	// pureZero records a 零/〇 in such a run.
	pureZero bool
	units    bool // a unit has been seen
	small    float64
	big      float64
	best     float64
	bestN    int
}

func (sc *scanner) pendingValue() float64 {
	return float64(sc.mant) / math.Pow10(sc.scale)
}

// times returns pending × u, computed so that decimal inputs are exact
// (1.5 × 10000 = 15000, not 15000.000000000002).
func (sc *scanner) times(u float64) float64 {
	return float64(sc.mant) * u / math.Pow10(sc.scale)
}

func (sc *scanner) commit(v float64, n int) {
	sc.best, sc.bestN = v, n
}

func (sc *scanner) scan(rs []rune) (float64, int) {
	i := 0
	for i < len(rs) {
		r := rs[i]
		if isArabic(r) {
			if sc.prev == tDigit || sc.prev == tArabic {
				break
			}
			mant, scale, n := scanArabic(rs[i:])
			if n == 0 {
				break
			}
			afterUnit := sc.prev != tNone
			sc.mant, sc.scale, sc.has = mant, scale, true
			sc.prev = tArabic
			i += n
			if !afterUnit {
				sc.commit(sc.pendingValue(), i)
			}
			continue
		}
		if d, ok := chineseDigit(r); ok {
			if !sc.digit(d, i+1) {
				break
			}
			i++
			continue
		}
		if u, ok := smallUnit(r); ok {
			if !sc.smallUnit(u) {
				break
			}
			i++
			sc.commit(sc.total+sc.section, i)
			continue
		}
		if u, ok := bigUnit(r); ok {
			if !sc.bigUnit(u) {
				break
			}
			i++
			sc.commit(sc.total, i)
			continue
		}
		break
	}
	return sc.best, sc.bestN
}

// digit handles a Chinese digit d (0 for 零/〇); end is the rune offset
// just after it. It reports whether the digit belongs to the numeral.
func (sc *scanner) digit(d int64, end int) bool {
	switch sc.prev {
	case tNone:
		sc.mant, sc.scale, sc.has = d, 0, true
		sc.prev, sc.pure, sc.pureZero = tDigit, 1, d == 0
		sc.commit(float64(d), end)
		return true
	case tDigit:
		// A run of digits without units, read digit by digit (二〇二三).
		if sc.units || sc.pure >= 15 {
			return false
		}
		sc.mant = sc.mant*10 + d
		sc.pure++
		sc.pureZero = sc.pureZero || d == 0
		// Two digits such as 五六 usually mean "five or six"; only
		// accept short runs that contain a zero (二〇).
		if sc.pure >= 3 || sc.pureZero {
			sc.commit(float64(sc.mant), end)
		}
		return true
	case tArabic:
		return false
	case tZero:
		if d == 0 {
			return false
		}
		sc.mant, sc.scale, sc.has = d, 0, true
		sc.prev = tDigit
		sc.commit(sc.total+sc.section+float64(d), end)
		return true
	default: // directly after a unit
		if d == 0 {
			sc.prev = tZero
			return true
		}
		sc.mant, sc.scale, sc.has = d, 0, true
		sc.prev = tDigit
		// Colloquial reading of a final digit: 一万五 = 15000,
		// 三百五 = 350, 十五 = 15. A later unit overrides it.
		last := sc.small
		if last == 0 {
			last = sc.big
		}
		sc.commit(sc.total+sc.section+float64(d)*last/10, end)
		return true
	}
}

func (sc *scanner) smallUnit(u float64) bool {
	if sc.small != 0 && u >= sc.small {
		return false // units must descend: 十百 is not a numeral
	}
	switch sc.prev {
	case tDigit:
		if sc.pure > 1 {
			return false // 二〇十
		}
		sc.section += sc.times(u)
	case tArabic:
		if sc.pendingValue() >= 10 {
			return false // 50百
		}
		sc.section += sc.times(u)
	case tNone, tBig:
		if u != 10 {
			return false // bare 百, 千: 百分之五 is not a numeral
		}
		sc.section += 10
	default: // tZero, tSmall
		return false
	}
	sc.has, sc.mant, sc.scale = false, 0, 0
	sc.small = u
	sc.prev = tSmall
	sc.units = true
	return true
}

func (sc *scanner) bigUnit(u float64) bool {
	switch {
	case sc.big == 1e4:
		return false // nothing after 万 may be 万 or 亿
	case sc.big == 1e8 && u == 1e8:
		return false
	}
	switch sc.prev {
	case tNone, tZero, tBig:
		return false
	case tDigit:
		if sc.pure > 1 {
			return false
		}
	}
	if sc.has && sc.section == 0 {
		sc.total += sc.times(u) // exact for 1.5万
	} else {
		g := sc.section
		if sc.has {
			g += sc.pendingValue()
		}
		sc.total += g * u
	}
	sc.section = 0
	sc.has, sc.mant, sc.scale = false, 0, 0
	sc.small = 0
	sc.big = u
	sc.prev = tBig
	sc.units = true
	return true
}

// scanArabic reads an Arabic number at the start of rs: digits with
// optional thousands groups and an optional decimal part. n is 0 if there
// are more than 15 significant digits.
func scanArabic(rs []rune) (mant int64, scale int, n int) {
	digits := 0
	add := func(r rune) bool {
		if digits == 15 {
			return false
		}
		mant = mant*10 + int64(arabicValue(r))
		digits++
		return true
	}
	lead := 0
	for n < len(rs) && isArabic(rs[n]) {
		if !add(rs[n]) {
			return 0, 0, 0
		}
		n++
		lead++
	}
	// Thousands groups: "10,000". Only after a lead of 1-3 digits.
	if lead <= 3 {
		for n+3 < len(rs) && rs[n] == ',' && isArabic(rs[n+1]) && isArabic(rs[n+2]) && isArabic(rs[n+3]) &&
			(n+4 == len(rs) || !isArabic(rs[n+4])) {
			for _, r := range rs[n+1 : n+4] {
				if !add(r) {
					return 0, 0, 0
				}
			}
			n += 4
		}
	}
	if n+1 < len(rs) && (rs[n] == '.' || rs[n] == '．') && isArabic(rs[n+1]) {
		n++
		for n < len(rs) && isArabic(rs[n]) {
			if !add(rs[n]) {
				return 0, 0, 0
			}
			scale++
			n++
		}
	}
	if n < len(rs) && isArabic(rs[n]) {
		return 0, 0, 0 // digits left over after the limit
	}
	return mant, scale, n
}

func isArabic(r rune) bool {
	return ('0' <= r && r <= '9') || ('０' <= r && r <= '９')
}

func arabicValue(r rune) int {
	if r >= '０' {
		return int(r - '０')
	}
	return int(r - '0')
}

func chineseDigit(r rune) (int64, bool) {
	switch r {
	case '零', '〇':
		return 0, true
	case '一', '壹':
		return 1, true
	case '二', '两', '兩', '贰', '貳':
		return 2, true
	case '三', '叁', '參':
		return 3, true
	case '四', '肆':
		return 4, true
	case '五', '伍':
		return 5, true
	case '六', '陆', '陸':
		return 6, true
	case '七', '柒':
		return 7, true
	case '八', '捌':
		return 8, true
	case '九', '玖':
		return 9, true
	}
	return 0, false
}

func smallUnit(r rune) (float64, bool) {
	switch r {
	case '十', '拾':
		return 10, true
	case '百', '佰':
		return 100, true
	case '千', '仟':
		return 1000, true
	}
	return 0, false
}

func bigUnit(r rune) (float64, bool) {
	switch r {
	case '万', '萬':
		return 1e4, true
	case '亿', '億':
		return 1e8, true
	}
	return 0, false
}

// IsNumeralRune reports whether r can be part of a numeral: an Arabic or
// Chinese digit or a Chinese unit.
func IsNumeralRune(r rune) bool {
	if isArabic(r) {
		return true
	}
	if _, ok := chineseDigit(r); ok {
		return true
	}
	if _, ok := smallUnit(r); ok {
		return true
	}
	_, ok := bigUnit(r)
	return ok
}

var digitNames = [...]string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// Itoa writes n in Chinese numerals as statutes do: 10 → "十",
// 119 → "一百一十九", 1005 → "一千零五", 100000 → "十万",
// 120000000 → "一亿二千万". Negative numbers get a "负" prefix.
func Itoa(n int64) string {
	if n == 0 {
		return "零"
	}
	if n < 0 {
		if n == math.MinInt64 {
			return "负" + itoa(uint64(math.MaxInt64)+1)
		}
		return "负" + itoa(uint64(-n))
	}
	return itoa(uint64(n))
}

func itoa(n uint64) string {
	groupUnits := [...]string{"", "万", "亿", "万亿", "亿亿"}
	var groups []uint64
	for n > 0 {
		groups = append(groups, n%10000)
		n /= 10000
	}
	var b strings.Builder
	zero := false
	for gi := len(groups) - 1; gi >= 0; gi-- {
		g := groups[gi]
		if g == 0 {
			zero = b.Len() > 0
			continue
		}
		if b.Len() > 0 && (zero || g < 1000) {
			b.WriteString("零")
		}
		zero = false
		writeGroup(&b, g)
		b.WriteString(groupUnits[gi])
	}
	s := b.String()
	if strings.HasPrefix(s, "一十") {
		s = strings.TrimPrefix(s, "一")
	}
	return s
}

// writeGroup writes 1 <= g <= 9999 without leading 零.
func writeGroup(b *strings.Builder, g uint64) {
	units := [...]string{"千", "百", "十", ""}
	div := uint64(1000)
	started, zero := false, false
	for i := 0; i < 4; i++ {
		d := g / div % 10
		div /= 10
		if d == 0 {
			zero = started
			continue
		}
		if zero {
			b.WriteString("零")
			zero = false
		}
		b.WriteString(digitNames[d])
		b.WriteString(units[i])
		started = true
	}
}
