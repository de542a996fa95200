package flowchart

import "sunlight/internal/diag"

// Standard flows per category of power (事项类型). Time limits follow the
// statutes saved in shared/domain/laws; all day counts in 行政许可法 and
// 行政处罚法 are working days (行政许可法 第八十二条, 行政处罚法 第八十五条).
// The package documentation lists every template; keep the two in step
// (TestDocListsEveryTemplateStep checks it).

func e(to, label string) Edge { return Edge{To: to, Label: label} }

var templates = []Flow{
	{
		ID: "行政许可", Title: "行政许可",
		Steps: []Step{
			{ID: "shenqing", Name: "申请", Kind: Start, Post: "申请人",
				Edges: []Edge{e("shouli", "")}},
			{ID: "shouli", Name: "受理", Kind: Decision, Post: "窗口受理人员", TimeLimit: "5个工作日",
				Edges: []Edge{e("shencha", "予以受理"), e("buzheng", "材料不全"), e("buyushouli", "不予受理")}},
			{ID: "buzheng", Name: "一次性告知补正", Post: "窗口受理人员", TimeLimit: "当场或5个工作日内",
				Edges: []Edge{e("shouli", "补正后")}},
			{ID: "buyushouli", Name: "不予受理，出具书面凭证", Kind: End, Post: "窗口受理人员"},
			{ID: "shencha", Name: "审查", Post: "承办科室（两名以上工作人员）",
				Edges: []Edge{e("jueding", "")}},
			{ID: "jueding", Name: "决定", Kind: Decision, Post: "分管领导", TimeLimit: "20个工作日，经批准可延长10个工作日",
				Edges: []Edge{e("songda", "准予许可"), e("buyuxuke", "不予许可")}},
			{ID: "buyuxuke", Name: "不予许可，书面说明理由", Kind: End, Post: "承办科室"},
			{ID: "songda", Name: "送达（颁发证件）", Post: "窗口工作人员", TimeLimit: "决定后10个工作日内",
				Edges: []Edge{e("banjie", "")}},
			{ID: "banjie", Name: "办结", Kind: End},
		},
	},
	{
		ID: "行政处罚", Title: "行政处罚（普通程序）",
		Steps: []Step{
			{ID: "anyuan", Name: "案件来源（检查、举报、移送等）", Kind: Start,
				Edges: []Edge{e("lian", "")}},
			{ID: "lian", Name: "立案", Kind: Decision, Post: "执法人员报机构负责人批准",
				Edges: []Edge{e("diaocha", "符合立案条件"), e("buyulian", "不予立案")}},
			{ID: "buyulian", Name: "不予立案", Kind: End, Post: "告知举报人"},
			{ID: "diaocha", Name: "调查取证", Post: "执法人员（不少于两人）",
				Edges: []Edge{e("shencha", "")}},
			{ID: "shencha", Name: "审查", Kind: Decision, Post: "机构负责人",
				Edges: []Edge{e("fazhi", "拟予处罚"), e("chexiao", "违法事实不成立"), e("yisong", "涉嫌犯罪")}},
			{ID: "chexiao", Name: "撤销案件", Kind: End},
			{ID: "yisong", Name: "移送司法机关", Kind: End},
			{ID: "fazhi", Name: "法制审核", Kind: Decision, Post: "法制审核人员",
				Edges: []Edge{e("gaozhi", "审核通过"), e("diaocha", "退回补充调查")}},
			{ID: "gaozhi", Name: "告知拟处罚内容和权利", Post: "执法人员",
				Edges: []Edge{e("chenshu", "")}},
			{ID: "chenshu", Name: "陈述申辩", Kind: Decision, Post: "执法人员复核",
				Edges: []Edge{e("tingzheng", "要求听证"), e("jueding", "无需听证")}},
			{ID: "tingzheng", Name: "听证", Post: "非本案调查人员主持", TimeLimit: "告知后5日内申请，举行前7日通知",
				Edges: []Edge{e("jueding", "")}},
			{ID: "jueding", Name: "决定", Kind: Decision, Post: "行政机关负责人（重大案件集体讨论）", TimeLimit: "立案之日起90日内",
				Edges: []Edge{e("songda", "给予处罚"), e("buyuchufa", "不予处罚")}},
			{ID: "buyuchufa", Name: "不予行政处罚", Kind: End},
			{ID: "songda", Name: "送达", Post: "执法人员", TimeLimit: "当场交付或7日内送达",
				Edges: []Edge{e("zhixing", "")}},
			{ID: "zhixing", Name: "执行", Post: "当事人", TimeLimit: "15日内缴纳罚款",
				Edges: []Edge{e("jiean", "")}},
			{ID: "jiean", Name: "结案归档", Kind: End, Post: "承办机构"},
		},
	},
	{
		ID: "行政处罚-简易程序", Title: "行政处罚（简易程序）",
		Steps: []Step{
			{ID: "faxian", Name: "现场发现违法行为", Kind: Start, Post: "执法人员",
				Edges: []Edge{e("shiyong", "")}},
			{ID: "shiyong", Name: "是否适用简易程序", Kind: Decision, Post: "执法人员",
				Edges: []Edge{e("gaozhi", "事实确凿、数额较小"), e("zhuanputong", "不符合条件")}},
			{ID: "zhuanputong", Name: "转为普通程序", Kind: End},
			{ID: "gaozhi", Name: "出示证件，告知事实、理由和权利", Post: "执法人员",
				Edges: []Edge{e("chenshu", "")}},
			{ID: "chenshu", Name: "听取陈述申辩", Post: "执法人员",
				Edges: []Edge{e("jueding", "")}},
			{ID: "jueding", Name: "当场作出处罚决定", Post: "执法人员", TimeLimit: "当场交付决定书",
				Edges: []Edge{e("zhixing", "")}},
			{ID: "zhixing", Name: "执行", Post: "当事人", TimeLimit: "当场收缴罚款的，2日内交至行政机关",
				Edges: []Edge{e("beian", "")}},
			{ID: "beian", Name: "报所属行政机关备案", Kind: End, Post: "执法人员"},
		},
	},
	{
		ID: "行政强制", Title: "行政强制措施",
		Steps: []Step{
			{ID: "faxian", Name: "发现违法行为", Kind: Start, Post: "执法人员",
				Edges: []Edge{e("baopi", "")}},
			{ID: "baopi", Name: "报批", Kind: Decision, Post: "行政机关负责人", TimeLimit: "情况紧急的24小时内补办批准",
				Edges: []Edge{e("tongzhi", "批准"), e("buyushishi", "不予批准")}},
			{ID: "buyushishi", Name: "不实施或立即解除", Kind: End},
			{ID: "tongzhi", Name: "出示证件、通知当事人到场", Post: "执法人员（不少于两人）",
				Edges: []Edge{e("gaozhi", "")}},
			{ID: "gaozhi", Name: "告知理由和权利，听取陈述申辩", Post: "执法人员",
				Edges: []Edge{e("bilu", "")}},
			{ID: "bilu", Name: "制作现场笔录", Post: "执法人员",
				Edges: []Edge{e("chafeng", "")}},
			{ID: "chafeng", Name: "查封、扣押", Post: "执法人员", TimeLimit: "不超过30日，情况复杂经批准可延长30日",
				Edges: []Edge{e("chuli", "")}},
			{ID: "chuli", Name: "作出处理决定", Kind: Decision, Post: "行政机关负责人",
				Edges: []Edge{e("jiean", "依法处理"), e("jiechu", "解除强制措施")}},
			{ID: "jiechu", Name: "解除并退还财物", Kind: End},
			{ID: "jiean", Name: "结案归档", Kind: End, Post: "承办机构"},
		},
	},
	{
		ID: "行政检查", Title: "行政检查",
		Steps: []Step{
			{ID: "fangan", Name: "制定检查方案", Kind: Start, Post: "检查科室",
				Edges: []Edge{e("tongzhi", "")}},
			{ID: "tongzhi", Name: "公告或通知（暗访不通知）", Post: "检查科室",
				Edges: []Edge{e("shishi", "")}},
			{ID: "shishi", Name: "实施检查", Post: "执法人员（不少于两人）",
				Edges: []Edge{e("baogao", "")}},
			{ID: "baogao", Name: "检查报告", Kind: Decision, Post: "检查科室",
				Edges: []Edge{e("chuli", "发现违法行为"), e("banjie", "未发现违法行为")}},
			{ID: "chuli", Name: "处理决定", Post: "分管领导",
				Edges: []Edge{e("luoshi", "")}},
			{ID: "luoshi", Name: "落实情况跟踪", Post: "检查科室",
				Edges: []Edge{e("banjie", "")}},
			{ID: "banjie", Name: "办结", Kind: End},
		},
	},
	{
		ID: "行政给付", Title: "行政给付",
		Steps: []Step{
			{ID: "shenqing", Name: "申请", Kind: Start, Post: "申请人",
				Edges: []Edge{e("shouli", "")}},
			{ID: "shouli", Name: "受理", Kind: Decision, Post: "窗口受理人员",
				Edges: []Edge{e("shencha", "予以受理"), e("buzheng", "材料不全"), e("buyushouli", "不予受理")}},
			{ID: "buzheng", Name: "一次性告知补正", Post: "窗口受理人员",
				Edges: []Edge{e("shouli", "补正后")}},
			{ID: "buyushouli", Name: "不予受理，书面告知理由", Kind: End, Post: "窗口受理人员"},
			{ID: "shencha", Name: "审查", Post: "承办科室",
				Edges: []Edge{e("niding", "")}},
			{ID: "niding", Name: "拟定给付对象和标准", Post: "承办科室",
				Edges: []Edge{e("gongshi", "")}},
			{ID: "gongshi", Name: "公示", Kind: Decision, Post: "承办科室",
				Edges: []Edge{e("jueding", "无异议"), e("hecha", "有异议")}},
			{ID: "hecha", Name: "调查核实", Kind: Decision, Post: "承办科室",
				Edges: []Edge{e("jueding", "异议不成立"), e("buyugeifu", "异议成立")}},
			{ID: "buyugeifu", Name: "不予给付，书面告知", Kind: End},
			{ID: "jueding", Name: "决定", Post: "分管领导",
				Edges: []Edge{e("gonggao", "")}},
			{ID: "gonggao", Name: "公告", Post: "承办科室",
				Edges: []Edge{e("geifu", "")}},
			{ID: "geifu", Name: "给付", Kind: End, Post: "财务人员"},
		},
	},
	{
		ID: "通用", Title: "行政权力运行",
		Steps: []Step{
			{ID: "shenqing", Name: "申请", Kind: Start, Post: "申请人",
				Edges: []Edge{e("shouli", "")}},
			{ID: "shouli", Name: "受理", Kind: Decision, Post: "窗口受理人员",
				Edges: []Edge{e("shencha", "予以受理"), e("buzheng", "材料不全"), e("buyushouli", "不予受理")}},
			{ID: "buzheng", Name: "一次性告知补正", Post: "窗口受理人员",
				Edges: []Edge{e("shouli", "补正后")}},
			{ID: "buyushouli", Name: "不予受理，书面告知理由", Kind: End, Post: "窗口受理人员"},
			{ID: "shencha", Name: "审查", Post: "承办科室",
				Edges: []Edge{e("jueding", "")}},
			{ID: "jueding", Name: "决定", Kind: Decision, Post: "分管领导",
				Edges: []Edge{e("songda", "同意"), e("buyu", "不同意")}},
			{ID: "buyu", Name: "书面说明理由", Kind: End},
			{ID: "songda", Name: "送达", Post: "窗口工作人员",
				Edges: []Edge{e("banjie", "")}},
			{ID: "banjie", Name: "办结", Kind: End},
		},
	},
}

// templateAliases maps the other categories of power to the template they
// use.
var templateAliases = map[string]string{
	"行政处罚-普通程序": "行政处罚",
	"行政处罚-一般程序": "行政处罚",
	"行政强制措施":    "行政强制",
	"行政确认":      "通用",
	"行政奖励":      "通用",
	"行政裁决":      "通用",
	"行政征收":      "通用",
	"其他行政权力":    "通用",
	"其他":        "通用",
	"公共服务":      "通用",
}

// TemplateNames returns the names of the standard flows, in a fixed order:
// 行政许可, 行政处罚, 行政处罚-简易程序, 行政强制, 行政检查, 行政给付, 通用.
func TemplateNames() []string {
	names := make([]string, len(templates))
	for i, t := range templates {
		names[i] = t.ID
	}
	return names
}

// Template returns a fresh copy of the standard flow called name (one of
// [TemplateNames], or a category that uses one: 行政确认, 行政奖励,
// 行政裁决, 行政征收, 其他行政权力 and 公共服务 use 通用). The copy is the
// caller's to change.
func Template(name string) (Flow, bool) {
	if a, ok := templateAliases[name]; ok {
		name = a
	}
	for _, t := range templates {
		if t.ID == name {
			return t.clone(), true
		}
	}
	return Flow{}, false
}

// Override returns base with steps laid over it. A step whose ID matches a
// step of base replaces that step's name, kind, post and time limit when
// they are non-empty (kind when it is not [Process]), and its risks and
// edges when those lists are non-empty; its position replaces the base
// step's when set, so problems point at the author's file. A step with a
// new ID is appended; point an edge of another step at it, or it is
// unreachable. base is not modified.
func Override(base Flow, steps []Step) Flow {
	f := base.clone()
	index := make(map[string]int, len(f.Steps))
	for i, s := range f.Steps {
		index[s.ID] = i
	}
	for _, o := range steps {
		i, ok := index[o.ID]
		if !ok || o.ID == "" {
			index[o.ID] = len(f.Steps)
			f.Steps = append(f.Steps, o.clone())
			continue
		}
		s := &f.Steps[i]
		if o.Name != "" {
			s.Name = o.Name
		}
		if o.Kind != Process {
			s.Kind = o.Kind
		}
		if o.Post != "" {
			s.Post = o.Post
		}
		if o.TimeLimit != "" {
			s.TimeLimit = o.TimeLimit
		}
		if len(o.Risks) > 0 {
			s.Risks = o.clone().Risks
		}
		if len(o.Edges) > 0 {
			s.Edges = append([]Edge(nil), o.Edges...)
		}
		if o.Pos != (diag.Position{}) {
			s.Pos = o.Pos
		}
	}
	return f
}
