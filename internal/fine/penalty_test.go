package fine

import (
	"math"
	"reflect"
	"testing"
)

// yuan builds a 罚款 penalty in 元; a negative bound means unset.
func yuan(target string, lo, hi float64) Penalty {
	p := Penalty{Type: TypeFine, Target: target, Unit: UnitYuan}
	if lo >= 0 {
		p.Min = ptr(lo)
	}
	if hi >= 0 {
		p.Max = ptr(hi)
	}
	return p
}

func TestContains(t *testing.T) {
	t.Parallel()
	statute := yuan(TargetUnit, 10000, 100000) // 大气污染防治法 第一百一十九条第二款
	times := Penalty{Type: TypeFine, Unit: UnitTimes, Base: "违法所得", Min: ptr(1), Max: ptr(3)}
	tests := []struct {
		name string
		p, q Penalty
		want bool
	}{
		{"tier inside", statute, yuan(TargetUnit, 10000, 30000), true},
		{"tier equal", statute, yuan(TargetUnit, 10000, 100000), true},
		{"tier above max", statute, yuan(TargetUnit, 70000, 120000), false},
		{"tier below min", statute, yuan(TargetUnit, 5000, 30000), false},
		{"other target", statute, yuan(TargetPerson, 10000, 30000), false},
		{"any target contains", yuan("", 10000, 100000), yuan(TargetPerson, 10000, 30000), true},
		{"max only contains", yuan("", -1, 100000), yuan("", 10000, 30000), true},
		{"unset min is 0", yuan("", 10000, 100000), yuan("", -1, 30000), false},
		{"unset max is infinite", yuan("", 10000, 100000), yuan("", 20000, -1), false},
		{"min only contains min only", yuan("", 5000, -1), yuan("", 20000, -1), true},
		{"no range contains any", Penalty{Type: TypeFine}, yuan("", 1, 2), true},
		{"no range is not contained", statute, Penalty{Type: TypeFine, Target: TargetUnit}, false},
		{"other unit", statute, times, false},
		{"other base", times, Penalty{Type: TypeFine, Unit: UnitTimes, Base: "货值金额", Min: ptr(1), Max: ptr(2)}, false},
		{"times inside", times, Penalty{Type: TypeFine, Unit: UnitTimes, Base: "违法所得", Min: ptr(1), Max: ptr(1.5)}, true},
		{"other type", Penalty{Type: TypeWarning}, Penalty{Type: TypeCriticism}, false},
		{"same type no range", Penalty{Type: TypeWarning}, Penalty{Type: TypeWarning}, true},
	}
	for _, tc := range tests {
		if got := tc.p.Contains(tc.q); got != tc.want {
			t.Errorf("%s: (%v).Contains(%v) = %v, want %v", tc.name, tc.p, tc.q, got, tc.want)
		}
	}
}

func TestCompareOverlapGap(t *testing.T) {
	t.Parallel()
	// the three tiers of 定州砖路镇 (examples/09) for 单位
	t1, t2, t3 := yuan(TargetUnit, 10000, 30000), yuan(TargetUnit, 30000, 70000), yuan(TargetUnit, 70000, 100000)
	tests := []struct {
		name            string
		a, b            Penalty
		cmp             int
		ovLo, ovHi      float64
		ov              bool
		gapLo, gapHi    float64
		gap, comparable bool
	}{
		{"adjacent tiers touch", t1, t2, -1, 30000, 30000, true, 0, 0, false, true},
		{"reverse order", t3, t2, 1, 70000, 70000, true, 0, 0, false, true},
		{"gap", t1, t3, -1, 0, 0, false, 30000, 70000, true, true},
		{"gap reversed", t3, t1, 1, 0, 0, false, 30000, 70000, true, true},
		{"overlap", yuan("", 1000, 5000), yuan("", 3000, 8000), -1, 3000, 5000, true, 0, 0, false, true},
		{"equal", t1, t1, 0, 10000, 30000, true, 0, 0, false, true},
		{"same min, smaller max first", yuan("", -1, 10000), yuan("", -1, 20000), -1, 0, 10000, true, 0, 0, false, true},
		{"min only", yuan("", 50000, -1), yuan("", 10000, 30000), 1, 0, 0, false, 30000, 50000, true, true},
		{"not comparable: target", t1, yuan(TargetPerson, 500, 1000), 1, 0, 0, false, 0, 0, false, false},
		{"not comparable: no range", t1, Penalty{Type: TypeFine, Target: TargetUnit}, 1, 0, 0, false, 0, 0, false, false},
	}
	for _, tc := range tests {
		if got := Comparable(tc.a, tc.b); got != tc.comparable {
			t.Errorf("%s: Comparable(%v, %v) = %v, want %v", tc.name, tc.a, tc.b, got, tc.comparable)
		}
		if got := Compare(tc.a, tc.b); got != tc.cmp {
			t.Errorf("%s: Compare(%v, %v) = %d, want %d", tc.name, tc.a, tc.b, got, tc.cmp)
		}
		lo, hi, ok := Overlap(tc.a, tc.b)
		if lo != tc.ovLo || hi != tc.ovHi || ok != tc.ov {
			t.Errorf("%s: Overlap(%v, %v) = %v, %v, %v, want %v, %v, %v", tc.name, tc.a, tc.b, lo, hi, ok, tc.ovLo, tc.ovHi, tc.ov)
		}
		lo, hi, ok = Gap(tc.a, tc.b)
		if lo != tc.gapLo || hi != tc.gapHi || ok != tc.gap {
			t.Errorf("%s: Gap(%v, %v) = %v, %v, %v, want %v, %v, %v", tc.name, tc.a, tc.b, lo, hi, ok, tc.gapLo, tc.gapHi, tc.gap)
		}
	}
}

func TestBounds(t *testing.T) {
	t.Parallel()
	lo, hi := yuan("", -1, 100).Bounds()
	if lo != 0 || !math.IsInf(hi, 1) && hi != 100 {
		t.Errorf("Bounds() = %v, %v, want 0, 100", lo, hi)
	}
	lo, hi = yuan("", 5, -1).Bounds()
	if lo != 5 || !math.IsInf(hi, 1) {
		t.Errorf("Bounds() = %v, %v, want 5, +Inf", lo, hi)
	}
}

func TestFormatAmount(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0元"},
		{50, "50元"},
		{500, "500元"},
		{5000, "5000元"},
		{9999, "9999元"},
		{10000, "1万元"},
		{15000, "1.5万元"},
		{50000, "5万元"},
		{12345, "1.2345万元"},
		{200000, "20万元"},
		{1000000, "100万元"},
		{1e8, "1亿元"},
		{2.5e8, "2.5亿元"},
		{0.5, "0.5元"},
	}
	for _, tc := range tests {
		if got := FormatAmount(tc.in); got != tc.want {
			t.Errorf("FormatAmount(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPenaltyString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   Penalty
		want string
	}{
		{yuan(TargetUnit, 10000, 30000), "罚款[单位] 1万元以上3万元以下"},
		{yuan("", 5000, 5000), "罚款 5000元"},
		{yuan("", -1, 100000), "罚款 10万元以下"},
		{yuan("", 5000, -1), "罚款 5000元以上"},
		{Penalty{Type: TypeFine, Unit: UnitTimes, Base: "违法所得", Min: ptr(1), Max: ptr(3), Optional: true}, "罚款 违法所得1倍以上3倍以下 (可选)"},
		{Penalty{Type: TypeDetention, Unit: UnitDay, Max: ptr(10), Condition: "情节严重的"}, "行政拘留 10日以下 条件:情节严重的"},
		{Penalty{Type: TypeConfiscate}, "没收违法所得"},
	}
	for _, tc := range tests {
		if got := tc.in.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
}

// TestPenaltyTOMLTags checks the keys a content file uses to override a
// parse (see the Penalty doc comment).
func TestPenaltyTOMLTags(t *testing.T) {
	t.Parallel()
	want := map[string]string{
		"Type": "type", "Target": "target,omitempty", "Min": "min,omitempty", "Max": "max,omitempty",
		"Unit": "unit,omitempty", "Base": "base,omitempty", "Optional": "optional,omitempty",
		"Condition": "condition,omitempty", "Text": "text,omitempty", "Start": "-", "End": "-",
	}
	typ := reflect.TypeOf(Penalty{})
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		if got := f.Tag.Get("toml"); got != want[f.Name] {
			t.Errorf("Penalty.%s toml tag = %q, want %q", f.Name, got, want[f.Name])
		}
	}
}

func TestIsType(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"警告", "通报批评", "罚款", "没收违法所得", "没收非法财物", "暂扣许可证件", "降低资质等级",
		"吊销许可证件", "限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业", "行政拘留", "其他"} {
		if !IsType(s) {
			t.Errorf("IsType(%q) = false", s)
		}
	}
	for _, s := range []string{"", "责令改正", "限期拆除", "罚金"} {
		if IsType(s) {
			t.Errorf("IsType(%q) = true", s)
		}
	}
}
