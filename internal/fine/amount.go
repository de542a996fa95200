package fine

import (
	"math"
	"strings"
	"unicode"

	"sunlight/internal/cnum"
)

const (
	notAmount = iota // no amount here (a numeral used as a word: 一般)
	amountOK
	amountBad // an amount that cannot be read with certainty
)

// amount is one number with its unit.
type amount struct {
	status     int
	start, end int
	v          float64
	unit       string // "元", "倍", "%", "日", "" (none) or "?" (unsupported)
	mult       float64
	multCoef   float64 // v / mult when the numeral ends in 千, 万 or 亿
}

// amountTok reads one amount at i: "百分之"/"千分之" + numeral, or a
// numeral and its unit. A numeral without a unit is an amount only if it
// is Arabic, is followed by a range word, or is the second end of a
// range (second); otherwise it is a word (一般, 一律).
func (p *parser) amountTok(i, end int, second bool) amount {
	a := amount{start: i}
	k := i
	percent := 0.0
	if n := p.atAny(i, end, "百分之"); n > 0 {
		percent, k = 1, i+n
	} else if n := p.atAny(i, end, "千分之"); n > 0 {
		percent, k = 0.1, i+n
	}
	v, n := cnum.ScanRunes(p.rs[k:end])
	if n == 0 {
		if percent != 0 {
			a.status, a.end = amountBad, k
			return a
		}
		return a
	}
	num := p.rs[k : k+n]
	arabic := isDigit(num[0])
	k += n
	a.end = k
	if k < end && (cnum.IsNumeralRune(p.rs[k]) || p.rs[k] == '.' || p.rs[k] == ',') {
		// malformed (五六千元) or cut short: skip the whole run
		for k < end && (cnum.IsNumeralRune(p.rs[k]) || p.rs[k] == '.' || p.rs[k] == ',') {
			k++
		}
		a.end = k
		if arabic || p.unitAt(k, end) != "" || percent != 0 {
			a.status = amountBad
		}
		return a
	}
	if last, ok := trailingMult(num); ok && len(num) > 1 {
		a.mult, a.multCoef = last, v/last
	}
	if percent != 0 {
		a.v, a.unit = round(v*percent), UnitPercent
		a.status = amountOK
		return p.approx(a, end)
	}
	a.v = v
	if p.atAny(k, end, "余", "多") > 0 && (arabic || p.unitAt(k+1, end) != "") {
		a.status, a.end = amountBad, k+1 // 1万余元
		return a
	}
	u := p.unitAt(k, end)
	switch {
	case u != "":
		a.unit = normUnit(u)
		a.end = k + len([]rune(u))
		a.status = amountOK
	case arabic || second || p.atAny(k, end, rangeWords...) > 0:
		a.status = amountOK // a bare number in a range: 1-3万元
	default:
		return a // a numeral used as a word
	}
	return p.approx(a, end)
}

func isDigit(r rune) bool { return ('0' <= r && r <= '9') || ('０' <= r && r <= '９') }

// approx marks amounts followed by 余, 多 or 左右 as bad.
func (p *parser) approx(a amount, end int) amount {
	if p.atAny(a.end, end, "余", "多", "左右", "上下") > 0 {
		a.status = amountBad
	}
	return a
}

func trailingMult(num []rune) (float64, bool) {
	switch num[len(num)-1] {
	case '千', '仟':
		return 1e3, true
	case '万', '萬':
		return 1e4, true
	case '亿', '億':
		return 1e8, true
	}
	return 0, false
}

// units that may follow a numeral; those not normalised by normUnit are
// unsupported.
var unitWords = []string{"元", "倍", "%", "％", "日", "天", "个工作日", "工作日", "个月", "月", "年", "周", "个小时", "小时"}

func (p *parser) unitAt(i, end int) string {
	if p.atAny(i, end, "年度", "月份", "日起", "日内", "天内") > 0 {
		return "" // 上一年度, 三月份: words, not amounts
	}
	if n := p.atAny(i, end, unitWords...); n > 0 {
		return string(p.rs[i : i+n])
	}
	return ""
}

func normUnit(u string) string {
	switch u {
	case "元":
		return UnitYuan
	case "倍":
		return UnitTimes
	case "%", "％":
		return UnitPercent
	case "日", "天":
		return UnitDay
	}
	return "?"
}

// rangeSigns join the two ends of a range (1万-3万元, 一至三倍).
var rangeSigns = []string{"——", "至", "到", "-", "~", "～", "〜", "—", "–", "－"}

var rangeWords = append([]string{"以上", "以下", "以内"}, rangeSigns...)

var maxPrefixes = []string{"最高不得超过", "最高不超过", "不得超过", "不超过", "不高于", "最高"}
var minPrefixes = []string{"不低于", "不少于", "最低"}

// amountItem reads an amount range at i (with its base and a following
// 罚款 or 拘留) and records it. It returns the position after it, or i if
// no amount starts at i.
func (p *parser) amountItem(st *clauseState, i int) int {
	end := st.c.end
	if i > st.c.start && cnum.IsNumeralRune(p.rs[i]) && cnum.IsNumeralRune(p.rs[i-1]) {
		return i // inside a numeral that was not read
	}
	rg, j := p.rangeAt(i, end)
	switch rg.status {
	case notAmount:
		return i
	case amountBad:
		st.failed = true
		return j
	}
	// what stands before the numbers: a base for 倍 and %, nothing for 元
	bs := p.skipFillers(st.anchor, i)
	base := strings.TrimSuffix(string(p.rs[bs:i]), "的")
	if st.every < i {
		st.failed = true // per unit: 每日, 每辆, 每平方米
		return j
	}
	start := i
	switch rg.unit {
	case UnitTimes, UnitPercent:
		if base == "" {
			break // the base is not named: "一倍以上三倍以下"
		}
		b, ok := canonBase(base)
		if !ok {
			st.failed = true
			return j
		}
		rg.base = b
		start = bs
	default:
		if base != "" && base != "人民币" {
			st.failed = true
			return j
		}
	}
	// a following 罚款 or 拘留
	typ := ""
	k := p.skipRemark(j, end) // 一万元以上三万元以下（含本数）罚款
	k += p.atAny(k, end, "的")
	k += p.atAny(k, end, "计算")
	switch {
	case p.at(k, end, "罚款"):
		typ, j = TypeFine, k+2
	case p.at(k, end, "行政拘留"):
		typ, j = TypeDetention, k+4
	case p.at(k, end, "拘留"):
		typ, j = TypeDetention, k+2
	}
	if typ == "" {
		typ = TypeFine // 元, 倍 and % without 罚款: "一万元以上三万元以下"
	}
	if (typ == TypeDetention) != (rg.unit == UnitDay) || !p.validAfter(j, end) {
		st.failed = true
		return j
	}
	pen := p.penalty(st, typ, span{start, j})
	pen.Min, pen.Max, pen.Unit, pen.Base = rg.min, rg.max, rg.unit, rg.base
	st.items = append(st.items, item{pen: pen, amount: true})
	return j
}

// fineFirst reads 罚款 or 拘留 (n runes at i), with an amount after it
// (罚款五百元) or none (处以罚款).
func (p *parser) fineFirst(st *clauseState, i int, typ string, n int) int {
	end := st.c.end
	j := i + n
	k := j + p.atAny(j, end, "人民币")
	rg, e := p.rangeAt(k, end)
	switch {
	case rg.status == amountBad:
		st.failed = true
		return e
	case rg.status == amountOK:
		if (typ == TypeDetention) != (rg.unit == UnitDay) || rg.unit == UnitTimes || rg.unit == UnitPercent || !p.validAfter(e, end) {
			st.failed = true
			return e
		}
		pen := p.penalty(st, typ, span{i, e})
		pen.Min, pen.Max, pen.Unit = rg.min, rg.max, rg.unit
		st.items = append(st.items, item{pen: pen, amount: true})
		return e
	}
	// Without an amount, 罚款 is a penalty only right after a verb or
	// another penalty (处以罚款, 并处罚款, 警告或者罚款), not as a noun
	// (缴纳罚款, 收缴罚款). Amount words before it that were not read
	// (处万元以下罚款) make the clause unparsed.
	before := p.skipFillers(st.anchor, i)
	switch {
	case before == i:
		st.items = append(st.items, item{pen: p.penalty(st, typ, span{i, j}), amount: true})
	case containsAny(string(p.rs[before:i]), "元", "倍", "%", "％", "以上", "以下", "以内"):
		st.failed = true
	}
	return j
}

// skipRemark returns the position after a bracketed remark without
// amounts at i ("（含本数）", "（含）"), or i.
func (p *parser) skipRemark(i, end int) int {
	if i >= end || !isOpen(p.rs[i]) {
		return i
	}
	cl := p.closeAfter(i, end)
	if cl >= end || p.hasAmount(i+1, cl) {
		return i
	}
	return cl + 1
}

// validAfter reports whether what follows an amount at i is something the
// parser understands.
func (p *parser) validAfter(i, end int) bool {
	for i < end && unicode.IsSpace(p.rs[i]) {
		i++
	}
	if i == end {
		return true
	}
	if p.at(i, end, "的") {
		return i+1 == end
	}
	if p.atAny(i, end, connectors...) > 0 || isOpen(p.rs[i]) {
		return true // a bracketed remark is checked for amounts by step
	}
	return p.isPenaltyStart(i, end)
}

// skipFillers skips verbs and connectors that may stand between the
// anchor and an amount.
func (p *parser) skipFillers(i, end int) int {
	for i < end {
		n := p.atAny(i, end, "可以", "可", "依法", "分别", "处以", "处", "按照", "按", "给予", "予以")
		if n == 0 {
			n = p.atAny(i, end, connectors...)
		}
		if n == 0 {
			for n < end-i && unicode.IsSpace(p.rs[i+n]) {
				n++
			}
		}
		if n == 0 {
			return i
		}
		i += n
	}
	return i
}

// rng is a parsed range.
type rng struct {
	status   int
	min, max *float64
	unit     string
	base     string
}

// rangeAt reads a range at i: an optional 不超过/不低于 prefix and one or
// two amounts joined by 以上…以下 or a range sign. It returns the range
// and the position after it; for notAmount the position may be after a
// numeral used as a word.
func (p *parser) rangeAt(i, end int) (rng, int) {
	var r rng
	mode := ""
	k := i
	if n := p.atAny(k, end, maxPrefixes...); n > 0 {
		mode, k = "max", k+n
	} else if n := p.atAny(k, end, minPrefixes...); n > 0 {
		mode, k = "min", k+n
	}
	if k >= end || !(cnum.IsNumeralRune(p.rs[k]) || p.atAny(k, end, "百分之", "千分之") > 0) {
		return r, i
	}
	a := p.amountTok(k, end, false)
	if a.status != amountOK {
		r.status = a.status
		if mode != "" && a.status == notAmount {
			r.status = amountBad
		}
		return r, max(a.end, k+1)
	}
	j := a.end
	var b amount
	two := false
	switch {
	case p.at(j, end, "以上"):
		j += 2
		// 一千元以上（含）五千元以下, 二千元以上、五千元以下
		if k := p.skipRemark(j, end); k > j || p.rangeComma(j, end) || p.at(j, end, "、") {
			if k == j {
				k++
			}
			for k < end && p.rs[k] == ' ' {
				k++
			}
			if k < end && (cnum.IsNumeralRune(p.rs[k]) || p.atAny(k, end, "百分之", "千分之") > 0) {
				j = k
			}
		}
		if p.atAny(j, end, "不满", "不足", "未满", "低于", "不到") > 0 {
			r.status = amountBad
			return r, j
		}
		if j < end && (cnum.IsNumeralRune(p.rs[j]) || p.atAny(j, end, "百分之", "千分之") > 0) {
			b = p.amountTok(j, end, true)
			if b.status != amountOK {
				r.status = amountBad
				return r, max(b.end, j+1)
			}
			j = b.end
			j += p.atAny(j, end, "以下", "以内")
			two = true
		} else {
			if mode != "" {
				r.status = amountBad
				return r, j
			}
			mode = "min"
		}
	case p.atAny(j, end, "以下", "以内") > 0:
		j += 2
		if mode == "min" {
			r.status = amountBad
			return r, j
		}
		mode = "max"
	default:
		if n := p.atAny(j, end, rangeSigns...); n > 0 {
			j += n
			b = p.amountTok(j, end, true)
			if b.status != amountOK {
				r.status = amountBad
				return r, max(b.end, j)
			}
			j = b.end
			j += p.atAny(j, end, "以下", "以内")
			two = true
		}
	}
	if two && mode != "" {
		r.status = amountBad
		return r, j
	}
	if two {
		if !p.unifyUnits(&a, &b) {
			r.status = amountBad
			return r, j
		}
		if a.v > b.v {
			r.status = amountBad
			return r, j
		}
		r.min, r.max, r.unit = ptr(a.v), ptr(b.v), a.unit
	} else {
		switch a.unit {
		case "", "?":
			r.status = amountBad
			return r, j
		}
		r.unit = a.unit
		switch mode {
		case "max":
			r.max = ptr(a.v)
		case "min":
			r.min = ptr(a.v)
		default:
			r.min, r.max = ptr(a.v), ptr(a.v)
		}
	}
	switch r.unit {
	case UnitYuan, UnitTimes, UnitPercent, UnitDay:
	default:
		r.status = amountBad
		return r, j
	}
	r.status = amountOK
	return r, j
}

// unifyUnits gives both ends of a range the same unit: a bare first
// number takes the unit (and the 千/万/亿) of the second (1-3万元); a
// bare second number takes % from the first (百分之五至十); % and 倍
// become 倍.
func (p *parser) unifyUnits(a, b *amount) bool {
	if a.unit == "?" || b.unit == "?" {
		return false
	}
	if a.unit == "" && b.unit == "" {
		return false
	}
	if a.unit == "" {
		a.unit = b.unit
		// 1-3万元 is 1万 to 3万; 五百至一千元 and 5000-2万元 are read as written.
		if b.mult != 0 && a.v <= b.multCoef {
			a.v = round(a.v * b.mult)
		}
	}
	if b.unit == "" {
		if a.unit != UnitPercent {
			return false
		}
		b.unit = a.unit
	}
	if a.unit != b.unit {
		switch {
		case a.unit == UnitPercent && b.unit == UnitTimes:
			a.v, a.unit = round(a.v/100), UnitTimes
		case a.unit == UnitTimes && b.unit == UnitPercent:
			b.v, b.unit = round(b.v/100), UnitTimes
		default:
			return false
		}
	}
	return true
}

// canonBase maps the phrase before a 倍 or % range to its base.
func canonBase(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len([]rune(s)) > 30 || strings.ContainsAny(s, "、，,；;：:每") {
		return "", false
	}
	for _, r := range s {
		if cnum.IsNumeralRune(r) && r != '一' { // 上一年度 is fine
			return "", false
		}
	}
	for _, b := range bases {
		if strings.Contains(s, b.key) {
			if b.also != "" && !strings.Contains(s, b.also) {
				continue
			}
			return b.canon, true
		}
	}
	return s, true
}

var bases = []struct{ key, also, canon string }{
	{"违法所得", "", "违法所得"},
	{"违法收入", "", "违法收入"},
	{"货值", "", "货值金额"},
	{"工程造价", "", "工程造价"},
	{"合同价款", "", "合同价款"},
	{"造价", "", "造价"},
	{"总投资额", "", "总投资额"},
	{"规划编制费", "", "规划编制费"},
	{"销售额", "", "销售额"},
	{"销售金额", "", "销售额"},
	{"直接损失", "", "直接损失"},
	{"直接经济损失", "", "直接损失"},
	{"复垦费", "", "土地复垦费"},
	{"开垦费", "", "耕地开垦费"},
	{"收入", "上一年度", "上一年度收入"},
}

func ptr(v float64) *float64 { return &v }

// round removes binary noise from computed amounts (0.3 × 10000).
func round(v float64) float64 {
	return math.Round(v*1e6) / 1e6
}
