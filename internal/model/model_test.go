package model

import (
	"testing"
	"time"
)

func TestNormalizeRiskLevel(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"高", "高", true}, {"一级", "高", true}, {"★★★", "高", true}, {" 高风险 ", "高", true},
		{"中", "中", true}, {"二级", "中", true}, {"★★", "中", true},
		{"低", "低", true}, {"三级", "低", true}, {"★", "低", true},
		{"很高", "", false}, {"", "", false}, {"四级", "", false},
	}
	for _, tc := range tests {
		got, ok := NormalizeRiskLevel(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("NormalizeRiskLevel(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestCategoryByName(t *testing.T) {
	tests := []struct{ in, code string }{
		{"行政许可", "XK"}, {"XK", "XK"}, {"xk", "XK"}, {"行政处罚", "CF"}, {"其他职权", "QT"},
		{"公共服务事项", "GG"}, {"行政征收征用", "ZS"}, {"行政强制措施", "QZ"}, {"处罚", ""},
	}
	for _, tc := range tests {
		c, ok := CategoryByName(tc.in)
		if c.Code != tc.code || ok != (tc.code != "") {
			t.Errorf("CategoryByName(%q) = %q, %v; want %q", tc.in, c.Code, ok, tc.code)
		}
	}
	if n := len(Categories()); n != 11 {
		t.Errorf("%d categories, want the ten plus 公共服务", n)
	}
}

func TestDateUnmarshal(t *testing.T) {
	tests := []struct {
		in    any
		str   string
		valid bool
	}{
		{time.Date(2025, 3, 1, 0, 0, 0, 0, time.Local), "2025-03-01", true},
		{"2025-03-01", "2025-03-01", true},
		{"2025年3月1日", "2025-03-01", true},
		{"2025/3/1", "2025-03-01", true},
		{"2025-02-30", "2025-02-30", false},
		{"去年", "去年", false},
		{20250301, "20250301", false},
	}
	for _, tc := range tests {
		var d Date
		if err := d.UnmarshalTOML(tc.in); err != nil {
			t.Fatalf("UnmarshalTOML(%v) error %v; it must never fail", tc.in, err)
		}
		if d.String() != tc.str || d.Valid() != tc.valid {
			t.Errorf("UnmarshalTOML(%v) = %q valid=%v; want %q valid=%v", tc.in, d.String(), d.Valid(), tc.str, tc.valid)
		}
	}
}

func TestEdgeUnmarshal(t *testing.T) {
	var e Edge
	if err := e.UnmarshalTOML("shouli"); err != nil || e.To != "shouli" {
		t.Errorf("string edge = %+v, %v", e, err)
	}
	e = Edge{}
	if err := e.UnmarshalTOML(map[string]any{"to": "a", "label": "材料不全"}); err != nil || e.To != "a" || e.Label != "材料不全" {
		t.Errorf("table edge = %+v, %v", e, err)
	}
	for _, bad := range []any{map[string]any{"label": "x"}, map[string]any{"to": "a", "lable": "x"}, 3} {
		if err := (&Edge{}).UnmarshalTOML(bad); err == nil {
			t.Errorf("UnmarshalTOML(%v) accepted", bad)
		}
	}
}

func TestStepTimeText(t *testing.T) {
	tests := []struct {
		s    Step
		want string
	}{
		{Step{Days: 5}, "5个工作日"},
		{Step{Days: 90, DayUnit: "自然日"}, "90日"},
		{Step{Days: 5, TimeNote: "当场"}, "当场"},
		{Step{}, ""},
	}
	for _, tc := range tests {
		if got := tc.s.TimeText(); got != tc.want {
			t.Errorf("TimeText(%+v) = %q, want %q", tc.s, got, tc.want)
		}
	}
}
