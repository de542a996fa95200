package flowchart

import (
	"strings"
	"testing"
)

func TestTextWidth(t *testing.T) {
	for _, c := range []struct {
		s    string
		want float64 // in em
	}{
		{"受理", 2}, {"（）、，", 4}, {"12", 1.12}, {"ab", 1.12}, {"WM", 1.84}, {"5个工作日", 4.56}, {"", 0},
	} {
		if got := textWidth(c.s, 10); got < c.want*10-1e-9 || got > c.want*10+1e-9 {
			t.Errorf("textWidth(%q, 10) = %v, want %v", c.s, got, c.want*10)
		}
	}
}

func TestWrapText(t *testing.T) {
	for _, c := range []struct {
		s    string
		max  float64 // in em at size 10
		want string  // lines joined by "|"
	}{
		{"受理", 10, "受理"},
		{"出示证件、通知当事人到场", 10, "出示证件、|通知当事人到场"},
		{"不予受理并书面说明理由", 10, "不予受理并书|面说明理由"},
		{"行政机关负责人（重大案件集体讨论）", 10, "行政机关负责人|（重大案件集体讨论）"},
		{"不超过30日，情况复杂经批准可延长30日", 13.3, "不超过30日，|情况复杂经批准可延长30日"},
		{"Within 30 days", 6, "Within|30 days"},
		{"，开头的标点", 3, "，开头|的标点"},
		{"supercalifragilistic", 5, "supercal|ifragili|stic"},
	} {
		got := strings.Join(wrapText(c.s, 10, c.max*10), "|")
		if got != c.want {
			t.Errorf("wrapText(%q, max %vem) = %q, want %q", c.s, c.max, got, c.want)
		}
	}
}

func TestWrapTextKeepsEveryCharacterAndFits(t *testing.T) {
	for seed := uint64(1); seed <= 200; seed++ {
		f := randomFlow(seed)
		for _, s := range f.Steps {
			lines := wrapText(s.Name, nameSize, maxNameW)
			if strings.Join(lines, "") != strings.ReplaceAll(s.Name, " ", "") {
				t.Fatalf("wrapText(%q) = %q loses characters", s.Name, lines)
			}
			for _, l := range lines {
				if w := textWidth(l, nameSize); w > maxNameW+1e-6 && runeCount(l) > 1 {
					t.Errorf("wrapText(%q): line %q is %v wide, max %v", s.Name, l, w, maxNameW)
				}
				if r := []rune(l)[0]; strings.ContainsRune("，。、；：！？）》」", r) && len(lines) > 1 && l != lines[0] {
					t.Errorf("wrapText(%q): line %q starts with closing punctuation", s.Name, l)
				}
			}
		}
	}
}
