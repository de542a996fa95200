package flowchart

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Tricky shapes drawn by the golden and geometry tests, beside the
// templates. Each name is also the golden file's name.

func st(id, name string, k Kind, post, limit string, edges ...Edge) Step {
	return Step{ID: id, Name: name, Kind: k, Post: post, TimeLimit: limit, Edges: edges}
}

func withRisk(s Step, level string) Step {
	s.Risks = append(s.Risks, Risk{Level: level, Text: "风险点", Measures: []string{"防控措施"}})
	return s
}

var shapes = []struct {
	name string
	flow Flow
}{
	{"branches", Flow{ID: "branches", Title: "分支与汇合", Steps: []Step{
		st("a", "申请", Start, "申请人", "", e("b", "")),
		st("b", "初审", Decision, "承办人", "3个工作日", e("c", "个人申请"), e("d", "单位申请")),
		st("c", "核对身份信息", Process, "窗口", "", e("c2", "")),
		st("c2", "入户调查", Process, "社区网格员", "5个工作日", e("m", "")),
		st("d", "核验营业执照", Process, "窗口", "", e("m", "")),
		st("m", "集体审议", Process, "领导班子", "", e("z", "")),
		st("z", "办结", End, "", ""),
	}}},
	{"two-back-edges", Flow{ID: "two-back-edges", Title: "两条退回", Steps: []Step{
		st("shouli", "受理", Start, "窗口受理人员", "", e("shencha", "")),
		st("shencha", "审查", Process, "承办科室", "10个工作日", e("fuhe", "")),
		st("fuhe", "复核", Decision, "科室负责人", "", e("jueding", "通过"), e("shencha", "退回重审")),
		st("jueding", "决定", Decision, "分管领导", "", e("banjie", "同意"), e("shouli", "退回补正材料")),
		st("banjie", "办结", End, "", ""),
	}}},
	{"long-chain", longChain(15)},
	{"three-outcomes", Flow{ID: "three-outcomes", Title: "三个出口的判断", Steps: []Step{
		st("s", "收到举报", Start, "信访室", "", e("d", "")),
		st("d", "初步核实", Decision, "纪检组", "15日内", e("x", "属实"), e("y", "部分属实"), e("w", "不属实")),
		st("x", "立案调查", Process, "纪检组", "", e("end", "")),
		st("y", "谈话提醒", Process, "分管领导", "", e("end", "")),
		st("w", "了结澄清", Process, "纪检组", "", e("end", "")),
		st("end", "反馈举报人", End, "信访室", ""),
	}}},
	{"long-names", Flow{ID: "long-names", Title: "很长的名称", Steps: []Step{
		st("a", "对擅自在村庄、集镇规划区内的街道、广场、市场和车站等场所修建临时建筑物的处罚立案", Start,
			"综合行政执法办公室执法人员（不少于两名持证人员）", "发现之日起15个工作日内", e("b", "")),
		st("b", "调查询问、勘验检查、抽样取证、登记保存并制作笔录", Decision, "执法人员", "Within 30 days (WWW/MMM)",
			e("c", "违法事实清楚、证据确凿的"), e("x", "违法事实不能成立，依法撤销立案并告知当事人")),
		st("x", "撤销立案并书面告知当事人及举报人", End, "机构负责人", ""),
		withRisk(st("c", "拟处罚意见（重大复杂案件由案审委员会集体讨论决定）", Process, "机构负责人、分管领导、主要负责人", "", e("z", "")), "高"),
		st("z", "结案归档", End, "", ""),
	}}},
	{"side-exits", Flow{ID: "side-exits", Title: "旁支出口与风险等级", Steps: []Step{
		st("a", "案件来源", Start, "", "", e("b", "")),
		withRisk(st("b", "立案", Decision, "执法人员", "", e("c", "符合条件"), e("nb", "不予立案"), e("ys", "移送"), e("zj", "转交")), "中"),
		st("nb", "不予立案", End, "", ""),
		st("ys", "移送公安机关", End, "", ""),
		st("zj", "转交有管辖权的部门", End, "", ""),
		withRisk(st("c", "调查取证", Process, "执法人员", "", e("d", "")), "高"),
		withRisk(st("d", "告知", Process, "执法人员", "", e("bz", "证据不足"), e("f", "")), "低"),
		st("bz", "补充调查", Process, "执法人员", "", e("c", "补充后")),
		st("f", "决定", Decision, "负责人", "", e("z", "处罚"), e("no", "不予处罚")),
		st("no", "不予处罚", End, "", ""),
		st("z", "结案", End, "", ""),
	}}},
	{"loops", Flow{ID: "loops", Title: "自环与嵌套退回", Steps: []Step{
		st("a", "开始", Start, "", "", e("b", "")),
		st("b", "填报", Process, "申请人", "", e("c", "")),
		st("c", "形式审查", Decision, "窗口", "", e("d", "齐全"), e("c", "当场更正"), e("b", "重新填报")),
		st("d", "实质审查", Decision, "科室", "", e("e", "通过"), e("b", "不通过")),
		st("e", "公示", Process, "科室", "5个工作日", e("z", "")),
		st("z", "办结", End, "", ""),
	}}},
	{"escaping", Flow{ID: "escaping", Title: `<script>alert("x")</script> & 'q'`, Steps: []Step{
		st("a", `A&B <c> "d"`, Start, "x < y", "1 & 2", e("b", `a>b & "c"`)),
		st("b", "结束\x00\x1f", End, "", ""),
	}}},
}

func longChain(n int) Flow {
	f := Flow{ID: "long-chain", Title: fmt.Sprintf("%d个环节", n)}
	for i := 0; i < n; i++ {
		k := Process
		switch i {
		case 0:
			k = Start
		case n - 1:
			k = End
		}
		s := st(fmt.Sprintf("s%d", i), fmt.Sprintf("第%d环节", i+1), k, "经办人", fmt.Sprintf("%d个工作日", i%5+1))
		if i < n-1 {
			s.Edges = []Edge{e(fmt.Sprintf("s%d", i+1), "")}
		}
		f.Steps = append(f.Steps, s)
	}
	return f
}

// typical8 is a realistic eight-step flow with risks: the benchmark case.
func typical8() Flow {
	return Flow{ID: "typical", Title: "某项行政确认", Steps: []Step{
		st("shenqing", "申请", Start, "申请人", "", e("shouli", "")),
		withRisk(st("shouli", "受理", Decision, "窗口受理人员", "5个工作日",
			e("shencha", "予以受理"), e("buzheng", "材料不全"), e("buyu", "不予受理")), "中"),
		st("buzheng", "一次性告知补正", Process, "窗口受理人员", "", e("shouli", "补正后")),
		st("buyu", "不予受理", End, "书面告知理由", ""),
		withRisk(st("shencha", "审查", Process, "承办科室", "10个工作日", e("jueding", "")), "高"),
		withRisk(st("jueding", "决定", Process, "分管领导", "", e("songda", "")), "中"),
		st("songda", "送达", Process, "窗口工作人员", "3个工作日", e("banjie", "")),
		withRisk(st("banjie", "办结", End, "经办人", ""), "低"),
	}}
}

var cjkPool = []rune("申请受理审查决定送达办结补正材料不全予以移送调查取证告知听证执行结案归档核实公示公告给付复核督办评审集体讨论法制审核现场笔录查封扣押解除通知方案检查报告处理落实情况，、（）")

func randText(r *rand.Rand, min, max int) string {
	n := min + r.IntN(max-min+1)
	var b strings.Builder
	for i := 0; i < n; i++ {
		switch r.IntN(12) {
		case 0:
			b.WriteString(fmt.Sprint(r.IntN(100)))
		case 1:
			b.WriteString("AbW")
		default:
			b.WriteRune(cjkPool[r.IntN(len(cjkPool))])
		}
	}
	return b.String()
}

// randomFlow makes a drawable flow (unique ids, known targets) with a
// main chain, random extra edges forward and back, self-loops, decisions,
// long texts and risks. The same seed gives the same flow.
func randomFlow(seed uint64) Flow {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	n := 2 + r.IntN(15)
	f := Flow{ID: fmt.Sprintf("random-%d", seed), Title: "随机流程"}
	for i := 0; i < n; i++ {
		s := Step{ID: fmt.Sprintf("s%d", i), Name: randText(r, 1, 22)}
		switch {
		case i == 0:
			s.Kind = Start
		case i == n-1 || r.IntN(8) == 0:
			s.Kind = End
		case r.IntN(3) == 0:
			s.Kind = Decision
		}
		if r.IntN(2) == 0 {
			s.Post = randText(r, 2, 16)
		}
		if r.IntN(3) == 0 {
			s.TimeLimit = fmt.Sprintf("%d个工作日", 1+r.IntN(90))
		}
		if r.IntN(3) == 0 {
			s.Risks = []Risk{{Level: []string{"高", "中", "低"}[r.IntN(3)], Text: "x"}}
		}
		f.Steps = append(f.Steps, s)
	}
	label := func() string {
		if r.IntN(2) == 0 {
			return ""
		}
		return randText(r, 1, 14)
	}
	for i := range f.Steps {
		s := &f.Steps[i]
		if s.Kind == End && i != 0 {
			continue
		}
		used := map[int]bool{}
		add := func(j int) {
			if used[j] {
				return
			}
			used[j] = true
			s.Edges = append(s.Edges, Edge{To: f.Steps[j].ID, Label: label()})
		}
		if i+1 < n {
			if r.IntN(6) > 0 {
				add(i + 1)
			} else {
				add(i + 1 + r.IntN(n-i-1))
			}
		}
		extra := r.IntN(3)
		if s.Kind == Decision {
			extra++
		}
		for k := 0; k < extra; k++ {
			switch x := r.IntN(10); {
			case x == 0:
				add(i) // self-loop
			case x < 4 && i > 0:
				add(r.IntN(i)) // back
			case i+1 < n:
				add(i + 1 + r.IntN(n-i-1))
			}
		}
	}
	return f
}
