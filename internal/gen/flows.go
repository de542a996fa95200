package gen

// Flow templates (权力运行流程图). Every unit publishes the flows its items
// use; items of a category share one flow. Steps follow the statutory stage
// templates (DOMAIN.md §2.1) and carry branches (decision steps with
// labelled exits) and back edges (补正 → 申请, 事实不清 → 调查取证 …).

type edge struct{ To, Label string }

type flowStep struct {
	ID, Name, Kind, Post string
	Days                 int
	DayUnit              string // "" = 工作日
	Basis                string // text shown with the step
	Refs                 []ref  // the articles Basis cites (checked by tests)
	Next                 []edge
	Risk                 bool // carries the flow's risk points
}

type flowTmpl struct {
	ID, Name string
	Cats     []string // categories whose items use it (the first is written as the flow's category)
	Steps    []flowStep
}

func cite(law, art string) ref { return ref{Law: law, Article: art} }

var flowTemplates = []flowTmpl{
	{ID: "xzcf-putong", Name: "行政处罚一般程序流程", Cats: []string{"CF"}, Steps: []flowStep{
		{ID: "laiyuan", Name: "案件来源", Kind: "start", Post: "执法人员", Next: []edge{{"lian", ""}}},
		{ID: "lian", Name: "立案", Kind: "decision", Post: "科室负责人", Days: 7, Basis: "《行政处罚法》第五十四条", Refs: []ref{cite(lawCF, "第五十四条")}, Risk: true,
			Next: []edge{{"diaocha", "符合立案标准"}, {"yisong", "不属于本机关管辖或者涉嫌犯罪"}}},
		{ID: "diaocha", Name: "调查取证", Kind: "step", Post: "执法人员", Basis: "《行政处罚法》第四十二条、第五十五条", Refs: []ref{cite(lawCF, "第四十二条"), cite(lawCF, "第五十五条")}, Risk: true,
			Next: []edge{{"shencha", ""}}},
		{ID: "shencha", Name: "审查", Kind: "decision", Post: "法制审核人员", Days: 5, Basis: "《行政处罚法》第五十七条、第五十八条", Refs: []ref{cite(lawCF, "第五十七条"), cite(lawCF, "第五十八条")},
			Next: []edge{{"gaozhi", "违法事实成立"}, {"diaocha", "事实不清、证据不足"}, {"chexiao", "违法事实不能成立"}}},
		{ID: "gaozhi", Name: "告知", Kind: "decision", Post: "执法人员", Days: 3, Basis: "《行政处罚法》第四十四条、第六十三条", Refs: []ref{cite(lawCF, "第四十四条"), cite(lawCF, "第六十三条")},
			Next: []edge{{"chenshu", "当事人陈述、申辩"}, {"tingzheng", "当事人要求听证"}, {"jueding", "放弃陈述、申辩和听证"}}},
		{ID: "chenshu", Name: "陈述申辩", Kind: "step", Post: "执法人员", Basis: "《行政处罚法》第四十五条", Refs: []ref{cite(lawCF, "第四十五条")}, Next: []edge{{"jueding", ""}}},
		{ID: "tingzheng", Name: "听证", Kind: "step", Post: "法制审核人员", Days: 5, Basis: "《行政处罚法》第六十四条", Refs: []ref{cite(lawCF, "第六十四条")}, Next: []edge{{"jueding", ""}}},
		{ID: "jueding", Name: "决定", Kind: "step", Post: "分管领导", Days: 90, DayUnit: "自然日", Basis: "《行政处罚法》第五十七条、第六十条", Refs: []ref{cite(lawCF, "第五十七条"), cite(lawCF, "第六十条")}, Risk: true,
			Next: []edge{{"songda", ""}}},
		{ID: "songda", Name: "送达", Kind: "step", Post: "执法人员", Days: 7, DayUnit: "自然日", Basis: "《行政处罚法》第六十一条", Refs: []ref{cite(lawCF, "第六十一条")}, Next: []edge{{"zhixing", ""}}},
		{ID: "zhixing", Name: "执行", Kind: "step", Post: "执法人员", Days: 15, DayUnit: "自然日", Basis: "《行政处罚法》第六十七条、第七十二条", Refs: []ref{cite(lawCF, "第六十七条"), cite(lawCF, "第七十二条")}, Risk: true,
			Next: []edge{{"guidang", ""}}},
		{ID: "guidang", Name: "结案归档", Kind: "end", Post: "执法人员"},
		{ID: "yisong", Name: "移送", Kind: "end", Post: "科室负责人", Basis: "《行政处罚法》第八十二条", Refs: []ref{cite(lawCF, "第八十二条")}},
		{ID: "chexiao", Name: "撤销立案", Kind: "end", Post: "科室负责人"},
	}},
	{ID: "xzcf-jianyi", Name: "行政处罚简易程序流程", Cats: []string{"CF"}, Steps: []flowStep{
		{ID: "faxian", Name: "现场发现", Kind: "start", Post: "执法人员", Next: []edge{{"shibie", ""}}},
		{ID: "shibie", Name: "表明身份、确认违法事实", Kind: "decision", Post: "执法人员", Basis: "《行政处罚法》第五十一条、第五十二条", Refs: []ref{cite(lawCF, "第五十一条"), cite(lawCF, "第五十二条")},
			Next: []edge{{"gaozhi", "违法事实确凿且符合简易程序条件"}, {"zhuan", "不符合简易程序条件"}}},
		{ID: "gaozhi", Name: "告知", Kind: "step", Post: "执法人员", Basis: "《行政处罚法》第四十四条", Refs: []ref{cite(lawCF, "第四十四条")}, Next: []edge{{"jueding", ""}}},
		{ID: "jueding", Name: "当场决定", Kind: "step", Post: "执法人员", Basis: "《行政处罚法》第五十二条", Refs: []ref{cite(lawCF, "第五十二条")}, Risk: true, Next: []edge{{"zhixing", ""}}},
		{ID: "zhixing", Name: "执行", Kind: "step", Post: "执法人员", Days: 2, Basis: "《行政处罚法》第六十八条", Refs: []ref{cite(lawCF, "第六十八条")}, Risk: true, Next: []edge{{"beian", ""}}},
		{ID: "beian", Name: "备案", Kind: "end", Post: "科室负责人"},
		{ID: "zhuan", Name: "转一般程序", Kind: "end", Post: "执法人员"},
	}},
	{ID: "xzxk", Name: "行政许可办理流程", Cats: []string{"XK"}, Steps: []flowStep{
		{ID: "shenqing", Name: "申请", Kind: "start", Post: "窗口受理人员", Basis: "《行政许可法》第二十九条", Refs: []ref{cite(lawXK, "第二十九条")}, Next: []edge{{"shouli", ""}}},
		{ID: "shouli", Name: "受理", Kind: "decision", Post: "窗口受理人员", Days: 5, Basis: "《行政许可法》第三十二条", Refs: []ref{cite(lawXK, "第三十二条")}, Risk: true,
			Next: []edge{{"shencha", "材料齐全、符合法定形式"}, {"buzheng", "材料不齐全或者不符合法定形式"}, {"buyu", "不属于受理范围"}}},
		{ID: "buzheng", Name: "一次性告知补正", Kind: "step", Post: "窗口受理人员", Days: 5, Basis: "《行政许可法》第三十二条", Refs: []ref{cite(lawXK, "第三十二条")},
			Next: []edge{{"shenqing", "申请人补正后重新提交"}}},
		{ID: "shencha", Name: "审查", Kind: "step", Post: "承办人", Basis: "《行政许可法》第三十四条、第三十六条", Refs: []ref{cite(lawXK, "第三十四条"), cite(lawXK, "第三十六条")}, Risk: true,
			Next: []edge{{"jueding", ""}}},
		{ID: "jueding", Name: "决定", Kind: "decision", Post: "分管领导", Days: 20, Basis: "《行政许可法》第三十八条、第四十二条", Refs: []ref{cite(lawXK, "第三十八条"), cite(lawXK, "第四十二条")}, Risk: true,
			Next: []edge{{"songda", "准予许可"}, {"buxu", "不予许可"}}},
		{ID: "songda", Name: "送达", Kind: "step", Post: "窗口受理人员", Days: 10, Basis: "《行政许可法》第四十四条", Refs: []ref{cite(lawXK, "第四十四条")}, Next: []edge{{"banjie", ""}}},
		{ID: "buxu", Name: "不予许可并说明理由", Kind: "step", Post: "承办人", Basis: "《行政许可法》第三十八条", Refs: []ref{cite(lawXK, "第三十八条")}, Next: []edge{{"banjie", ""}}},
		{ID: "banjie", Name: "办结", Kind: "end", Post: "窗口受理人员"},
		{ID: "buyu", Name: "不予受理", Kind: "end", Post: "窗口受理人员"},
	}},
	{ID: "xzqz", Name: "行政强制措施流程", Cats: []string{"QZ"}, Steps: []flowStep{
		{ID: "faxian", Name: "发现违法行为", Kind: "start", Post: "执法人员", Next: []edge{{"baopi", ""}}},
		{ID: "baopi", Name: "报批", Kind: "decision", Post: "主要负责人", Basis: "《行政强制法》第十八条、第十九条", Refs: []ref{cite(lawQZ, "第十八条"), cite(lawQZ, "第十九条")}, Risk: true,
			Next: []edge{{"shishi", "批准实施"}, {"zhongzhi", "不予批准"}}},
		{ID: "shishi", Name: "实施", Kind: "step", Post: "执法人员", Basis: "《行政强制法》第十八条", Refs: []ref{cite(lawQZ, "第十八条")}, Risk: true, Next: []edge{{"jueding", ""}}},
		{ID: "jueding", Name: "制作查封、扣押决定书", Kind: "step", Post: "执法人员", Basis: "《行政强制法》第二十四条", Refs: []ref{cite(lawQZ, "第二十四条")}, Next: []edge{{"chuli", ""}}},
		{ID: "chuli", Name: "处理决定", Kind: "decision", Post: "分管领导", Days: 30, DayUnit: "自然日", Basis: "《行政强制法》第二十五条", Refs: []ref{cite(lawQZ, "第二十五条")}, Risk: true,
			Next: []edge{{"jiechu", "依法解除"}, {"moshou", "依法没收、销毁"}, {"yanchang", "情况复杂需要延长期限"}}},
		{ID: "yanchang", Name: "延长期限", Kind: "step", Post: "主要负责人", Days: 30, DayUnit: "自然日", Basis: "《行政强制法》第二十五条", Refs: []ref{cite(lawQZ, "第二十五条")},
			Next: []edge{{"chuli", "延长期满前作出处理决定"}}},
		{ID: "jiechu", Name: "解除强制措施", Kind: "end", Post: "执法人员", Basis: "《行政强制法》第二十八条", Refs: []ref{cite(lawQZ, "第二十八条")}},
		{ID: "moshou", Name: "没收或者销毁", Kind: "end", Post: "执法人员"},
		{ID: "zhongzhi", Name: "终止", Kind: "end", Post: "科室负责人"},
	}},
	{ID: "xzjc", Name: "行政检查流程", Cats: []string{"JC"}, Steps: []flowStep{
		{ID: "fangan", Name: "制定检查方案", Kind: "start", Post: "科室负责人", Next: []edge{{"tongzhi", ""}}},
		{ID: "tongzhi", Name: "公告或者通知", Kind: "step", Post: "执法人员", Next: []edge{{"jiancha", ""}}},
		{ID: "jiancha", Name: "实施检查", Kind: "step", Post: "执法人员", Basis: "《行政处罚法》第五十五条", Refs: []ref{cite(lawCF, "第五十五条")}, Risk: true, Next: []edge{{"baogao", ""}}},
		{ID: "baogao", Name: "检查报告", Kind: "decision", Post: "科室负责人", Days: 5, Risk: true,
			Next: []edge{{"chuli", "发现违法行为"}, {"banjie", "未发现违法行为"}}},
		{ID: "chuli", Name: "处理", Kind: "step", Post: "分管领导", Next: []edge{{"luoshi", ""}}},
		{ID: "luoshi", Name: "落实情况", Kind: "decision", Post: "执法人员",
			Next: []edge{{"banjie", "整改到位"}, {"chuli", "整改不到位"}}},
		{ID: "banjie", Name: "办结", Kind: "end", Post: "执法人员"},
	}},
	{ID: "xzgf", Name: "行政给付流程", Cats: []string{"GF"}, Steps: []flowStep{
		{ID: "shenqing", Name: "申请", Kind: "start", Post: "窗口受理人员", Next: []edge{{"shouli", ""}}},
		{ID: "shouli", Name: "受理", Kind: "decision", Post: "窗口受理人员", Days: 5, Risk: true,
			Next: []edge{{"shencha", "予以受理"}, {"buzheng", "材料不齐全"}, {"buyu", "不予受理"}}},
		{ID: "buzheng", Name: "补正", Kind: "step", Post: "窗口受理人员", Next: []edge{{"shenqing", "补正后重新提交"}}},
		{ID: "shencha", Name: "审核", Kind: "step", Post: "承办人", Days: 10, Risk: true, Next: []edge{{"gongshi", ""}}},
		{ID: "gongshi", Name: "公示", Kind: "decision", Post: "承办人", Days: 7, DayUnit: "自然日", Risk: true,
			Next: []edge{{"jueding", "公示无异议"}, {"fuhe", "公示有异议"}}},
		{ID: "fuhe", Name: "调查核实", Kind: "step", Post: "科室负责人", Next: []edge{{"gongshi", "核实后重新公示"}}},
		{ID: "jueding", Name: "决定", Kind: "step", Post: "分管领导", Next: []edge{{"geifu", ""}}},
		{ID: "geifu", Name: "给付", Kind: "end", Post: "财务人员"},
		{ID: "buyu", Name: "不予受理", Kind: "end", Post: "窗口受理人员"},
	}},
	{ID: "xzzs", Name: "行政征收流程", Cats: []string{"ZS"}, Steps: []flowStep{
		{ID: "queding", Name: "确定征收对象", Kind: "start", Post: "承办人", Next: []edge{{"heding", ""}}},
		{ID: "heding", Name: "核定", Kind: "step", Post: "承办人", Risk: true, Next: []edge{{"tongzhi", ""}}},
		{ID: "tongzhi", Name: "送达缴纳通知", Kind: "step", Post: "承办人", Days: 5, Next: []edge{{"jiaona", ""}}},
		{ID: "jiaona", Name: "缴纳", Kind: "decision", Post: "财务人员", Risk: true,
			Next: []edge{{"ruku", "按期缴纳"}, {"cuigao", "逾期未缴纳"}}},
		{ID: "cuigao", Name: "催告", Kind: "step", Post: "承办人", Days: 10, DayUnit: "自然日", Basis: "《行政强制法》第三十五条", Refs: []ref{cite(lawQZ, "第三十五条")},
			Next: []edge{{"jiaona", "催告后缴纳"}}},
		{ID: "ruku", Name: "征收入库", Kind: "end", Post: "财务人员"},
	}},
	{ID: "xzcj", Name: "行政裁决流程", Cats: []string{"CJ"}, Steps: []flowStep{
		{ID: "shenqing", Name: "申请", Kind: "start", Post: "承办人", Next: []edge{{"shouli", ""}}},
		{ID: "shouli", Name: "受理", Kind: "decision", Post: "承办人", Days: 5, Risk: true,
			Next: []edge{{"diaocha", "予以受理"}, {"buyu", "不予受理"}}},
		{ID: "diaocha", Name: "调查", Kind: "step", Post: "承办人", Risk: true, Next: []edge{{"tiaojie", ""}}},
		{ID: "tiaojie", Name: "调解", Kind: "decision", Post: "科室负责人",
			Next: []edge{{"banjie", "达成调解协议"}, {"caijue", "调解不成"}}},
		{ID: "caijue", Name: "裁决", Kind: "step", Post: "分管领导", Risk: true, Next: []edge{{"songda", ""}}},
		{ID: "songda", Name: "送达", Kind: "step", Post: "承办人", Days: 7, DayUnit: "自然日", Next: []edge{{"banjie", ""}}},
		{ID: "banjie", Name: "办结", Kind: "end", Post: "承办人"},
		{ID: "buyu", Name: "不予受理", Kind: "end", Post: "承办人"},
	}},
	{ID: "tongyong", Name: "依申请事项通用办理流程", Cats: []string{"QR", "JL", "QT"}, Steps: []flowStep{
		{ID: "shenqing", Name: "申请", Kind: "start", Post: "窗口受理人员", Next: []edge{{"shouli", ""}}},
		{ID: "shouli", Name: "受理", Kind: "decision", Post: "窗口受理人员", Days: 5, Risk: true,
			Next: []edge{{"shencha", "予以受理"}, {"buzheng", "材料不齐全"}, {"buyu", "不予受理"}}},
		{ID: "buzheng", Name: "补正", Kind: "step", Post: "窗口受理人员", Next: []edge{{"shenqing", "补正后重新提交"}}},
		{ID: "shencha", Name: "审查", Kind: "step", Post: "承办人", Risk: true, Next: []edge{{"jueding", ""}}},
		{ID: "jueding", Name: "决定", Kind: "step", Post: "分管领导", Risk: true, Next: []edge{{"songda", ""}}},
		{ID: "songda", Name: "送达", Kind: "step", Post: "窗口受理人员", Next: []edge{{"banjie", ""}}},
		{ID: "banjie", Name: "办结", Kind: "end", Post: "窗口受理人员"},
		{ID: "buyu", Name: "不予受理", Kind: "end", Post: "窗口受理人员"},
	}},
	{ID: "gonggong-fuwu", Name: "公共服务事项办理流程", Cats: []string{"GG"}, Steps: []flowStep{
		{ID: "shenqing", Name: "申请", Kind: "start", Post: "窗口受理人员", Next: []edge{{"shouli", ""}}},
		{ID: "shouli", Name: "受理", Kind: "decision", Post: "窗口受理人员", Risk: true,
			Next: []edge{{"banli", "属于服务范围"}, {"gaozhi", "不属于服务范围"}}},
		{ID: "banli", Name: "办理", Kind: "step", Post: "承办人", Risk: true, Next: []edge{{"dafu", ""}}},
		{ID: "dafu", Name: "答复", Kind: "step", Post: "承办人", Next: []edge{{"banjie", ""}}},
		{ID: "gaozhi", Name: "告知并引导", Kind: "end", Post: "窗口受理人员"},
		{ID: "banjie", Name: "办结", Kind: "end", Post: "窗口受理人员"},
	}},
}

// flowFor returns the flow template items of a category use.
func flowFor(cat string) *flowTmpl {
	for i := range flowTemplates {
		for _, c := range flowTemplates[i].Cats {
			if c == cat {
				return &flowTemplates[i]
			}
		}
	}
	return nil
}

func flowByID(id string) *flowTmpl {
	for i := range flowTemplates {
		if flowTemplates[i].ID == id {
			return &flowTemplates[i]
		}
	}
	return nil
}
