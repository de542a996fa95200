package fine

import (
	"math"
	"strconv"
	"strings"
)

// Penalty types: the kinds of 行政处罚法 第九条.
const (
	TypeWarning     = "警告"
	TypeCriticism   = "通报批评"
	TypeFine        = "罚款"
	TypeConfiscate  = "没收违法所得"
	TypeSeize       = "没收非法财物"
	TypeSuspendCert = "暂扣许可证件"
	TypeDowngrade   = "降低资质等级"
	TypeRevoke      = "吊销许可证件"
	TypeRestrict    = "限制开展生产经营活动"
	TypeSuspend     = "责令停产停业"
	TypeClose       = "责令关闭"
	TypeBan         = "限制从业"
	TypeDetention   = "行政拘留"
	TypeOther       = "其他"
)

// Targets of a penalty.
const (
	TargetUnit   = "单位" // 单位, 法人或者其他组织
	TargetPerson = "个人" // 个人, 公民, 直接负责的主管人员…
)

// Units of a penalty's range.
const (
	UnitYuan    = "元"
	UnitTimes   = "倍"
	UnitPercent = "%"
	UnitDay     = "日"
)

// IsType reports whether s is one of the penalty types of 行政处罚法 第九条
// (the Type* constants).
func IsType(s string) bool {
	switch s {
	case TypeWarning, TypeCriticism, TypeFine, TypeConfiscate, TypeSeize,
		TypeSuspendCert, TypeDowngrade, TypeRevoke, TypeRestrict, TypeSuspend,
		TypeClose, TypeBan, TypeDetention, TypeOther:
		return true
	}
	return false
}

// Penalty is one penalty read from a standard text. Min and Max are nil
// when the text does not set them: "十万元以下" sets only Max, "处以罚款"
// sets neither. Both bounds are inclusive, as 以上 and 以下 are in Chinese
// law (刑法 第九十九条 and common usage).
//
// The toml tags let a content file state an author's override of the
// parse:
//
//	[[tiers.penalties]]
//	type = "罚款"
//	target = "单位"
//	min = 10000
//	max = 30000
//	unit = "元"
type Penalty struct {
	Type   string   `toml:"type" json:"type"`
	Target string   `toml:"target,omitempty" json:"target,omitempty"` // TargetUnit, TargetPerson or "" for anyone
	Min    *float64 `toml:"min,omitempty" json:"min,omitempty"`
	Max    *float64 `toml:"max,omitempty" json:"max,omitempty"`
	Unit   string   `toml:"unit,omitempty" json:"unit,omitempty"` // UnitYuan, UnitTimes, UnitPercent, UnitDay
	// Base is what a 倍 or % range multiplies: 违法所得, 货值金额,
	// 工程造价, 总投资额 … Empty for fixed amounts.
	Base string `toml:"base,omitempty" json:"base,omitempty"`
	// Optional is set for 可以并处, 可处, 并可处以 …: the organ may impose
	// the penalty but need not.
	Optional bool `toml:"optional,omitempty" json:"optional,omitempty"`
	// Condition is the clause ending in 的 that the penalty depends on
	// ("逾期未改正的", "情节严重的"), if any in the same sentence.
	Condition string `toml:"condition,omitempty" json:"condition,omitempty"`
	// Text is the source span the penalty was read from; Start and End
	// are its rune offsets in the parsed text.
	Text  string `toml:"text,omitempty" json:"text,omitempty"`
	Start int    `toml:"-" json:"start"`
	End   int    `toml:"-" json:"end"`
}

// Span is a part of the parsed text, with rune offsets.
type Span struct {
	Text  string `toml:"text" json:"text"`
	Start int    `toml:"start" json:"start"`
	End   int    `toml:"end" json:"end"`
}

// Result is what [Parse] read from a text.
type Result struct {
	Penalties []Penalty
	// Measures are the corrective orders that are not penalties:
	// 责令改正, 责令停止违法行为, 限期拆除, 恢复原状 …
	Measures []Span
	// Unparsed are clauses that state an amount or a penalty that could
	// not be read with certainty. Their fines are not in Penalties.
	Unparsed []Span
	// Notes are clauses about other legal consequences (赔偿, 处分,
	// 刑事责任, 治安管理处罚, 按日连续处罚).
	Notes []string
}

// Bounds returns the range as numbers: a missing Min is 0 and a missing
// Max is +Inf.
func (p Penalty) Bounds() (lo, hi float64) {
	lo, hi = 0, math.Inf(1)
	if p.Min != nil {
		lo = *p.Min
	}
	if p.Max != nil {
		hi = *p.Max
	}
	return lo, hi
}

// HasRange reports whether p states a Min or a Max.
func (p Penalty) HasRange() bool { return p.Min != nil || p.Max != nil }

// Contains reports whether every value allowed by q is allowed by p: same
// type, p's target is "" or q's, and q's range lies inside p's range. A p
// without a range (处以罚款) contains any q of its type; a q without a
// range is only contained by such a p. Ranges must share unit and base.
func (p Penalty) Contains(q Penalty) bool {
	if p.Type != q.Type || (p.Target != "" && p.Target != q.Target) {
		return false
	}
	if !p.HasRange() {
		return true
	}
	if !q.HasRange() || p.Unit != q.Unit || p.Base != q.Base {
		return false
	}
	plo, phi := p.Bounds()
	qlo, qhi := q.Bounds()
	return plo <= qlo && qhi <= phi
}

// Comparable reports whether the ranges of a and b can be compared: same
// type, target, unit and base, and both have a range.
func Comparable(a, b Penalty) bool {
	return a.Type == b.Type && a.Target == b.Target && a.Unit == b.Unit &&
		a.Base == b.Base && a.HasRange() && b.HasRange()
}

// Compare orders the ranges of two penalties by their lower bound, then
// by their upper bound (see [Penalty.Bounds]). It returns -1, 0 or +1. It
// is meaningful only when [Comparable] is true; adjacent tiers of a
// benchmark should compare in increasing order.
func Compare(a, b Penalty) int {
	alo, ahi := a.Bounds()
	blo, bhi := b.Bounds()
	switch {
	case alo < blo:
		return -1
	case alo > blo:
		return 1
	case ahi < bhi:
		return -1
	case ahi > bhi:
		return 1
	}
	return 0
}

// Overlap returns the intersection [lo, hi] of the ranges of a and b. ok
// is false if they do not intersect or are not [Comparable]. Adjacent
// tiers that share an end point ("一万元以上三万元以下" and
// "三万元以上七万元以下") overlap in the single value lo == hi.
func Overlap(a, b Penalty) (lo, hi float64, ok bool) {
	if !Comparable(a, b) {
		return 0, 0, false
	}
	alo, ahi := a.Bounds()
	blo, bhi := b.Bounds()
	lo, hi = math.Max(alo, blo), math.Min(ahi, bhi)
	if lo > hi {
		return 0, 0, false
	}
	return lo, hi, true
}

// Gap returns the open interval (lo, hi) of values that lie between the
// ranges of a and b, in either order. ok is false if they touch or
// overlap, or are not [Comparable].
func Gap(a, b Penalty) (lo, hi float64, ok bool) {
	if !Comparable(a, b) {
		return 0, 0, false
	}
	alo, ahi := a.Bounds()
	blo, bhi := b.Bounds()
	switch {
	case ahi < blo:
		return ahi, blo, true
	case bhi < alo:
		return bhi, alo, true
	}
	return 0, 0, false
}

// FormatAmount writes an amount in 元 the way Chinese texts do: below
// 10000 in 元, then in 万元, from 1e8 in 亿元. 5000 → "5000元",
// 50000 → "5万元", 15000 → "1.5万元", 2e8 → "2亿元".
func FormatAmount(v float64) string {
	switch a := math.Abs(v); {
	case a >= 1e8:
		return formatNum(v/1e8) + "亿元"
	case a >= 1e4:
		return formatNum(v/1e4) + "万元"
	}
	return formatNum(v) + "元"
}

// FormatValue writes v in unit: amounts in 元 as [FormatAmount] does,
// others as a number followed by the unit ("3倍", "5%", "10日").
func FormatValue(v float64, unit string) string {
	if unit == UnitYuan {
		return FormatAmount(v)
	}
	return formatNum(v) + unit
}

func formatNum(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// String describes p in one line, for messages and debugging:
// "罚款[单位] 1万元以上3万元以下", "罚款 违法所得1倍以上3倍以下 (可选)",
// "没收违法所得".
func (p Penalty) String() string {
	var b strings.Builder
	b.WriteString(p.Type)
	if p.Target != "" {
		b.WriteString("[" + p.Target + "]")
	}
	if p.HasRange() {
		b.WriteString(" " + p.Base)
		switch {
		case p.Min != nil && p.Max != nil && *p.Min == *p.Max:
			b.WriteString(FormatValue(*p.Min, p.Unit))
		case p.Min != nil && p.Max != nil:
			b.WriteString(FormatValue(*p.Min, p.Unit) + "以上" + FormatValue(*p.Max, p.Unit) + "以下")
		case p.Min != nil:
			b.WriteString(FormatValue(*p.Min, p.Unit) + "以上")
		default:
			b.WriteString(FormatValue(*p.Max, p.Unit) + "以下")
		}
	}
	if p.Optional {
		b.WriteString(" (可选)")
	}
	if p.Condition != "" {
		b.WriteString(" 条件:" + p.Condition)
	}
	return b.String()
}
