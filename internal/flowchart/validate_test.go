package flowchart

import (
	"strings"
	"testing"

	"sunlight/internal/diag"
)

const file = "content/units/xzfw/flows/xuke.toml"

func p(line, col int) diag.Position { return diag.Position{File: file, Line: line, Col: col} }

func at(s Step, line int) Step {
	s.Pos = p(line, 1)
	return s
}

func edgeAt(to, label string, line, col int) Edge {
	return Edge{To: to, Label: label, Pos: p(line, col)}
}

func TestValidate(t *testing.T) {
	ok := []Step{
		at(st("shenqing", "申请", Start, "", "", e("shouli", "")), 1),
		at(st("shouli", "受理", Decision, "", "", e("shencha", "予以受理"), e("buyu", "不予受理")), 5),
		at(st("buyu", "不予受理", End, "", ""), 9),
		at(st("shencha", "审查", Process, "", "", e("banjie", "")), 12),
		at(st("banjie", "办结", End, "", ""), 16),
	}
	with := func(i int, change func(s *Step)) []Step {
		steps := Flow{Steps: ok}.clone().Steps
		change(&steps[i])
		return steps
	}
	cases := []struct {
		name  string
		steps []Step
		want  []string // diag.Diagnostic.String(), in order
	}{
		{"valid flow", ok, nil},
		{"empty flow", nil, []string{
			file + ":1:1: error: 流程 \"xuke\" 没有任何步骤\n    hint: 至少需要一个开始步骤和一个结束步骤"}},
		{"unknown step, misspelt", with(1, func(s *Step) { s.Edges[0] = edgeAt("shencah", "予以受理", 7, 12) }), []string{
			file + ":7:12: error: 流程步骤 \"shouli\" 指向不存在的步骤 \"shencah\"\n" +
				"    hint: 可用的步骤: shenqing, shouli, buyu, shencha, banjie; 是否想写 \"shencha\"?"}},
		{"unknown step, name instead of id", with(3, func(s *Step) { s.Edges[0] = edgeAt("办结", "", 14, 8) }), []string{
			file + ":14:8: error: 流程步骤 \"shencha\" 指向不存在的步骤 \"办结\"\n" +
				"    hint: 可用的步骤: shenqing, shouli, buyu, shencha, banjie; 是否想写 \"banjie\"（步骤 \"办结\" 的 id）?"}},
		{"unknown step, nothing close", with(3, func(s *Step) { s.Edges[0] = Edge{To: "zzzz"} }), []string{
			file + ":12:1: error: 流程步骤 \"shencha\" 指向不存在的步骤 \"zzzz\"\n" +
				"    hint: 可用的步骤: shenqing, shouli, buyu, shencha, banjie"}},
		{"edge without target", with(3, func(s *Step) { s.Edges[0] = edgeAt("", "", 13, 3) }), []string{
			file + ":13:3: error: 流程步骤 \"shencha\" 有一条连线没有写目标步骤\n" +
				"    hint: 可用的步骤: shenqing, shouli, buyu, shencha, banjie"}},
		{"duplicate id", append(Flow{Steps: ok}.clone().Steps, at(st("shencha", "复核", Process, "", "", e("banjie", "")), 20)), []string{
			file + ":20:1: error: 流程步骤 id \"shencha\" 重复\n" +
				"    hint: 第一次定义在 " + file + ":12:1；每个步骤的 id 在流程内必须唯一"}},
		{"missing id", with(2, func(s *Step) { s.ID = "" }), []string{
			file + ":9:1: error: 流程 \"xuke\" 的第 3 个步骤缺少 id\n" +
				"    hint: 给每个步骤写一个简短的英文 id，例如 \"shouli\"",
			file + ":5:1: error: 流程步骤 \"shouli\" 指向不存在的步骤 \"buyu\"\n" +
				"    hint: 可用的步骤: shenqing, shouli, shencha, banjie"}},
		{"missing name", with(3, func(s *Step) { s.Name = "" }), []string{
			file + ":12:1: error: 流程步骤 \"shencha\" 缺少名称\n    hint: 填写环节名称，例如 \"受理\""}},
		{"unreachable step", with(1, func(s *Step) { s.Edges = s.Edges[:1] }), []string{
			file + ":5:1: warning: 判断步骤 \"shouli\" 只有 1 个出口\n" +
				"    hint: 判断步骤应有两个以上带标签的出口（如 \"予以受理\"、\"不予受理\"），否则请把 kind 改为 process",
			file + ":9:1: error: 流程步骤 \"buyu\" 从开始步骤 \"shenqing\" 无法到达\n" +
				"    hint: 让前面某个步骤的 edges 指向 \"buyu\"，或删除这个步骤"}},
		{"no end step", with(2, func(s *Step) { s.Kind = Process; s.Edges = []Edge{e("shencha", "")} }), nil},
		{"cycle with no exit", []Step{
			at(st("shenqing", "申请", Start, "", "", e("shouli", "")), 1),
			at(st("shouli", "受理", Process, "", "", e("shencha", "")), 5),
			at(st("shencha", "审查", Process, "", "", e("shouli", "退回")), 12),
			at(st("banjie", "办结", End, "", ""), 16),
		}, []string{
			file + ":16:1: error: 流程步骤 \"banjie\" 从开始步骤 \"shenqing\" 无法到达\n" +
				"    hint: 让前面某个步骤的 edges 指向 \"banjie\"，或删除这个步骤",
			file + ":5:1: error: 流程步骤 \"shouli\"、\"shencha\" 构成循环，且无法到达任何结束步骤\n" +
				"    hint: 给循环中的某个步骤加一条通往后续或结束步骤的连线"}},
		{"bad risk level", with(3, func(s *Step) { s.Risks = []Risk{{Level: "很高"}, {Level: "一级"}} }), []string{
			file + ":12:1: error: 流程步骤 \"shencha\" 的风险等级 \"很高\" 无效\n" +
				"    hint: 可用的等级: 高、中、低（也可写 一级/二级/三级 或 ★★★/★★/★）"}},
		{"end step with edges", with(4, func(s *Step) { s.Edges = []Edge{e("shencha", "")} }), []string{
			file + ":16:1: warning: 结束步骤 \"banjie\" 不应有后续连线\n" +
				"    hint: 把 kind 改为 process 或 decision，或删除它的 edges"}},
		{"dead end", with(2, func(s *Step) { s.Kind = Process }), []string{
			file + ":9:1: warning: 流程步骤 \"buyu\" 没有后续连线，也不是结束步骤\n" +
				"    hint: 添加 edges，或把 kind 设为 end"}},
		{"two start steps", with(3, func(s *Step) { s.Kind = Start }), []string{
			file + ":12:1: warning: 流程有多个开始步骤: \"shenqing\" 和 \"shencha\"\n" +
				"    hint: 只有第一个开始步骤 \"shenqing\" 作为流程起点"}},
		{"duplicate edge", with(3, func(s *Step) { s.Edges = append(s.Edges, edgeAt("banjie", "", 15, 3)) }), []string{
			file + ":15:3: warning: 流程步骤 \"shencha\" 重复指向 \"banjie\"\n" +
				"    hint: 删除重复的连线，或合并它们的标签"}},
	}
	// "no end step": every end step turned into something else.
	noEnd := Flow{Steps: ok}.clone().Steps
	noEnd[2].Kind, noEnd[2].Edges = Process, []Edge{e("shencha", "")}
	noEnd[4].Kind, noEnd[4].Edges = Process, []Edge{e("shencha", "")}
	for i := range cases {
		if cases[i].name == "no end step" {
			cases[i].steps = noEnd
			cases[i].want = []string{
				file + ":1:1: error: 流程 \"xuke\" 没有结束步骤\n    hint: 把最后一个环节（如 \"办结\"）的 kind 设为 end"}
		}
	}
	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.name] {
			t.Fatalf("duplicate case %q", c.name)
		}
		seen[c.name] = true
		t.Run(c.name, func(t *testing.T) {
			f := Flow{ID: "xuke", Steps: c.steps, Pos: p(1, 1)}
			var got []string
			for _, d := range Validate(f) {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n---\n") != strings.Join(c.want, "\n---\n") {
				t.Errorf("Validate() =\n%s\nwant\n%s", strings.Join(got, "\n---\n"), strings.Join(c.want, "\n---\n"))
			}
		})
	}
}

func TestValidateCodes(t *testing.T) {
	f := Flow{ID: "x", Steps: []Step{st("a", "开始", Start, "", "", e("nope", ""))}}
	var codes []string
	for _, d := range Validate(f) {
		codes = append(codes, d.Code)
	}
	want := "edge-target-unknown flow-no-end"
	if got := strings.Join(codes, " "); got != want {
		t.Errorf("codes = %q, want %q", got, want)
	}
}

func TestLayoutRefusesBrokenFlows(t *testing.T) {
	for _, f := range []Flow{
		{ID: "empty"},
		{ID: "dup", Steps: []Step{st("a", "a", Start, "", "", e("a", "")), st("a", "b", End, "", "")}},
		{ID: "unknown", Steps: []Step{st("a", "a", Start, "", "", e("b", ""))}},
	} {
		_, err := Layout(f)
		var l diag.List
		if err == nil {
			t.Errorf("Layout(%s) = nil error, want one", f.ID)
			continue
		}
		l, ok := err.(diag.List)
		if !ok || !l.HasErrors() {
			t.Errorf("Layout(%s) error %T %v, want a diag.List with errors", f.ID, err, err)
		}
		if _, err := Render(f, RenderOptions{}); err == nil {
			t.Errorf("Render(%s) = nil error, want one", f.ID)
		}
	}
}

func TestLayoutDrawsFlowsWithWarningsAndSoftErrors(t *testing.T) {
	// unreachable step, no end, closed cycle: reported by Validate, still drawn
	f := Flow{ID: "soft", Steps: []Step{
		st("a", "开始", Start, "", "", e("b", "")),
		st("b", "循环一", Process, "", "", e("c", "")),
		st("c", "循环二", Process, "", "", e("b", "")),
		st("x", "孤立", Process, "", ""),
	}}
	if !Validate(f).HasErrors() {
		t.Fatal("Validate found no errors")
	}
	checkFlow(t, f)
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"shencah", "shencha", 1}, {"", "abc", 3}, {"shouli", "shouli", 0},
		{"shenqing", "shencha", 4}, {"受理", "审理", 1},
	} {
		if got := editDistance(c.a, c.b); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
