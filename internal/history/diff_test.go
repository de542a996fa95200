package history

import (
	"strings"
	"testing"

	"sunlight/internal/load"
)

const powerBase = `+++
code = "C-1"
name = "对占道经营的行政处罚"
category = "行政处罚"
office = "执法办"
published = 2024-01-01
reviewed = 2024-01-01
%s
+++
正文
`

const flowBase = `name = "流程"
%s
`

const benchBase = `title = "基准"
issuer = "某局"
effective = 2024-01-01
published = 2024-01-01
reviewed = 2024-01-01
%s
`

const riskBase = `year = 2025
published = 2025-01-01
reviewed = 2025-01-01
%s
`

// fill puts a case's TOML into a template (at its %s).
func fill(tmpl, body string) string { return strings.Replace(tmpl, "%s", body, 1) }

func TestDiffEntities(t *testing.T) {
	t.Parallel()
	laws := map[string]string{"fa": "某某法"}
	cases := []struct {
		name     string
		path     string
		tmpl     string
		old, new string
		want     []string // "topic text"
	}{
		{"power scalars", "units/u/powers/c.md", powerBase,
			`sub_name = "子项"`,
			"status = \"暂停\"\nlevel = \"乡级\"\neffective = 2024-02-01",
			[]string{"other 删除子项名称: 子项", "other 新增行使层级: 乡级", "item-suspended 状态: 现行 → 暂停", "other 新增生效日期: 2024-02-01"}},
		{"power restored", "units/u/powers/c.md", powerBase, `status = "取消"`, `status = "现行"`,
			[]string{"item-restored 状态: 取消 → 现行"}},
		{"conditions reordered is no change", "units/u/powers/c.md", powerBase,
			`conditions = ["甲", "乙"]`, "conditions = [\"乙\", \"甲\"]\n#", nil},
		{"time limits", "units/u/powers/c.md", powerBase,
			"[time_limit]\nstatutory_days = 20\npromised_days = 10",
			"[time_limit]\nstatutory_days = 20\npromised_days = 10\nunit = \"自然日\"\nnote = \"不含公示时间\"",
			[]string{"other 办理时限(法定): 20 个工作日 → 20 个自然日", "other 办理时限(承诺): 10 个工作日 → 10 个自然日", "other 新增办理时限说明: 不含公示时间"}},
		{"time limit added", "units/u/powers/c.md", powerBase, "", "[time_limit]\npromised_days = 3",
			[]string{"other 新增办理时限(承诺): 3 个工作日"}},
		{"fee", "units/u/powers/c.md", powerBase, "", "[fee]\ncharged = true\nstandard = \"每件10元\"",
			[]string{"other 新增收费: 收费", "other 新增收费标准: 每件10元"}},
		{"fee no longer charged", "units/u/powers/c.md", powerBase, "[fee]\ncharged = true", "[fee]\ncharged = false",
			[]string{"other 收费: 收费 → 不收费"}},
		{"legal references", "units/u/powers/c.md", powerBase,
			"[[basis]]\nlaw = \"fa\"\narticle = \"第一条\"\n[[basis]]\nlaw = \"other-law\"\narticle = \"第二条\"\nquote = \"旧\"",
			"[[basis]]\nlaw = \"other-law\"\narticle = \"第二条\"\nquote = \"新\"\n[[basis]]\nlaw = \"fa\"\narticle = \"第三条\"\nrole = \"处罚依据\"",
			[]string{"other 法律依据「other-law第二条」引文: 旧 → 新", "other 新增法律依据: 某某法第三条(处罚依据)", "other 删除法律依据: 某某法第一条"}},
		{"responsibilities and accountabilities", "units/u/powers/c.md", powerBase,
			"[[responsibilities]]\nstep = \"受理\"\ncontent = \"一次告知\"\n[[accountabilities]]\nsituation = \"超期\"\n[[accountabilities]]\nsituation = \"乱收费\"",
			"[[responsibilities]]\nstep = \"受理\"\ncontent = \"当场告知\"\n[[accountabilities]]\nsituation = \"超期\"\nbasis = [{law = \"fa\", article = \"第九条\"}]",
			[]string{"other 新增责任事项: 受理:当场告知", "other 删除责任事项: 受理:一次告知",
				"other 追责情形「超期」新增追责依据: 某某法第九条", "other 删除追责情形: 乱收费"}},
		{"power risks", "units/u/powers/c.md", powerBase,
			"[[risks]]\nstep = \"受理\"\ndescription = \"不一次告知\"\nlevel = \"低\"\nmeasures = [\"一次性告知单\"]\n" +
				"[[risks]]\nstep = \"审查\"\ndescription = \"降低标准\"\nlevel = \"一级\"\nmeasures = [\"双人审查\", \"抽查\"]\nowner = \"审查岗\"\n" +
				"[[risks]]\nstep = \"决定\"\ndescription = \"擅自决定\"\nlevel = \"中\"\nmeasures = [\"集体决定\"]",
			"[[risks]]\nstep = \"审查\"\ndescription = \"降低标准\"\nlevel = \"中\"\nmeasures = [\"双人审查\", \"系统留痕\"]\nowner = \"审核岗\"\ncategory = \"业务流程\"\n" +
				"[[risks]]\nstep = \"受理\"\ndescription = \"不一次性告知所需材料\"\nlevel = \"★★★\"\nmeasures = [\"一次性告知单\"]\n" +
				"[[risks]]\nstep = \"送达\"\ndescription = \"延迟送达\"\nlevel = \"低\"\nmeasures = [\"限时送达\"]",
			[]string{
				"risk-lowered 风险点「降低标准」风险等级: 高 → 中",
				"other 风险点「降低标准」新增风险类别: 业务流程",
				"measure-added 风险点「降低标准」新增防控措施: 系统留痕",
				"measure-removed 风险点「降低标准」删除防控措施: 抽查",
				"other 风险点「降低标准」责任岗位: 审查岗 → 审核岗",
				"other 风险点「不一次告知」描述: 不一次告知 → 不一次性告知所需材料",
				"risk-raised 风险点「不一次告知」风险等级: 低 → 高",
				"risk-added 新增风险点: 延迟送达(风险等级 低)",
				"risk-removed 删除风险点: 擅自决定(风险等级 中)",
			}},
		{"flow steps", "units/u/flows/f.toml", flowBase,
			`[[steps]]
id = "a"
name = "受理"
post = "窗口"
days = 1
next = ["b"]
[[steps]]
id = "b"
name = "审查"
next = [{to = "c", label = "同意"}, "d"]
[[steps]]
id = "c"
name = "决定"
[[steps]]
id = "d"
name = "退回"`,
			`[[steps]]
id = "b"
name = "审查"
next = [{to = "c", label = "符合条件"}]
[[steps.risks]]
description = "降低标准"
level = "中"
measures = ["双人审查"]
[[steps]]
id = "shouli"
name = "受理"
post = "综合窗口"
days = 2
day_unit = "自然日"
next = ["b"]
[[steps]]
id = "c"
name = "作出决定"
kind = "end"`,
			[]string{
				"risk-added 步骤「审查」新增风险点: 降低标准(风险等级 中)",
				"other 步骤「受理」编号: a → shouli",
				"other 步骤「受理」责任岗位: 窗口 → 综合窗口",
				"other 步骤「受理」时限: 1个工作日 → 2日",
				"other 步骤「决定」名称: 决定 → 作出决定",
				"other 步骤「决定」新增类型: end",
				"other 删除步骤: 退回",
				"other 步骤顺序: 受理、审查、决定 → 审查、受理、决定",
				"other 连线「审查 → 决定」标注: 同意 → 符合条件",
				"other 删除连线: 审查 → 退回",
			}},
		{"benchmark one violation", "units/u/benchmarks/b.toml", benchBase,
			`doc_no = "某发〔2024〕1号"
[[violations]]
name = "甲行为"
penalty_basis = [{law = "fa", article = "第一条"}]
[[violations.tiers]]
label = "轻微"
conditions = ["首次"]
standard = "处五百元罚款"
[[violations.tiers]]
label = "一般"
conditions = ["再次"]
standard = "处一千元以上五千元以下罚款"
[[violations.tiers]]
label = "严重"
conditions = ["多次"]
standard = "处五千元以上一万元以下罚款"`,
			`doc_no = "某发〔2025〕2号"
[[violations]]
name = "甲行为"
statutory = "处一万元以下罚款"
penalty_basis = [{law = "fa", article = "第一条"}, {law = "fa", article = "第二条"}]
[[violations.tiers]]
label = "轻微"
kind = "从轻处罚"
conditions = ["首次"]
standard = "处八百元罚款"
[[violations.tiers]]
label = "较重"
conditions = ["再次"]
standard = "处二千元以上五千元以下罚款"
[[violations.tiers.penalties]]
type = "罚款"
min = 2000.0
max = 6000.0
unit = "元"`,
			[]string{
				"benchmark-revised 文号: 某发〔2024〕1号 → 某发〔2025〕2号",
				"benchmark-revised 新增处罚依据: 某某法第二条",
				"benchmark-revised 新增法定处罚幅度: 处一万元以下罚款",
				"benchmark-revised 裁量阶次 1(轻微)新增阶次类型: 从轻处罚",
				"benchmark-revised 裁量阶次 1(轻微)裁量标准: 处五百元罚款 → 处八百元罚款",
				"benchmark-revised 裁量阶次 1(轻微)罚款: 500元 → 800元",
				"benchmark-revised 裁量阶次 2(一般)阶次名称: 一般 → 较重",
				"benchmark-revised 裁量阶次 2(一般)裁量标准: 处一千元以上五千元以下罚款 → 处二千元以上五千元以下罚款",
				"benchmark-revised 裁量阶次 2(一般)罚款下限: 1000元 → 2000元",
				"benchmark-revised 裁量阶次 2(一般)罚款上限: 5000元 → 6000元",
				"benchmark-revised 删除裁量阶次 3(严重): 处五千元以上一万元以下罚款",
			}},
		{"benchmark violations", "units/u/benchmarks/b.toml", benchBase,
			`[[violations]]
no = "1"
name = "甲行为"
penalty_basis = [{law = "fa", article = "第一条"}]
[[violations]]
no = "2"
name = "乙行为"
penalty_basis = [{law = "fa", article = "第二条"}]
[[violations.tiers]]
label = "一般"
conditions = ["一"]
standard = "处违法所得一倍以上三倍以下罚款"`,
			`[[violations]]
no = "2"
name = "乙行为(修订)"
penalty_basis = [{law = "fa", article = "第二条"}]
remarks = "注意"
[[violations.tiers]]
label = "一般"
conditions = ["一"]
standard = "处违法所得二倍以上三倍以下罚款"
[[violations]]
no = "3"
name = "丙行为"
penalty_basis = [{law = "fa", article = "第三条"}]`,
			[]string{
				"benchmark-revised 违法行为「乙行为」违法行为: 乙行为 → 乙行为(修订)",
				"benchmark-revised 违法行为「乙行为」裁量阶次 1(一般)裁量标准: 处违法所得一倍以上三倍以下罚款 → 处违法所得二倍以上三倍以下罚款",
				"benchmark-revised 违法行为「乙行为」裁量阶次 1(一般)罚款下限: 违法所得1倍 → 违法所得2倍",
				"benchmark-revised 违法行为「乙行为」新增备注: 注意",
				"benchmark-revised 新增违法行为: 丙行为",
				"benchmark-revised 删除违法行为: 甲行为",
			}},
		{"catalogue rows", "units/u/risks/2025.toml", riskBase,
			`title = "2025年目录"
[[items]]
object_type = "关键岗位"
object = "出纳"
risk = "挪用资金"
level = "高"
measures = ["日清月结", "定期对账"]
owner = "财务室"
[[items]]
object_type = "重点领域"
object = "采购"
risk = "围标串标"
level = "中"
measures = ["公开招标"]`,
			`title = "2025年度目录(修订)"
[[items]]
object_type = "重点领域"
object = "采购"
risk = "围标串标"
level = "中"
manifestation = "内外勾结"
measures = ["公开招标"]
leader = "分管副镇长"
[[items]]
object_type = "关键岗位"
object = "出纳"
risk = "挪用、截留资金"
category = "岗位职责"
level = "三级"
measures = ["日清月结"]
owner = "财务办"`,
			[]string{
				"other 标题: 2025年目录 → 2025年度目录(修订)",
				"other 风险点「围标串标」(采购)新增表现形式: 内外勾结",
				"other 风险点「围标串标」(采购)新增责任领导: 分管副镇长",
				"other 风险点「挪用资金」(出纳)风险点: 挪用资金 → 挪用、截留资金",
				"other 风险点「挪用资金」(出纳)新增风险类别: 岗位职责",
				"risk-lowered 风险点「挪用资金」(出纳)风险等级: 高 → 低",
				"measure-removed 风险点「挪用资金」(出纳)删除防控措施: 定期对账",
				"other 风险点「挪用资金」(出纳)责任部门: 财务室 → 财务办",
			}},
		{"law", "laws/fa.toml", "title = \"某某法\"\nlevel = \"法律\"\neffective = 2020-01-01\n%s",
			"[[articles]]\nnumber = \"第一条\"\ntext = \"旧文\"\n[[articles]]\nnumber = \"第二条\"\ntext = \"二\"",
			"status = \"已修订\"\nrevised = [2024-05-01]\n[[articles]]\nnumber = \"第一条\"\ntext = \"新文\"\n[[articles]]\nnumber = \"第三条\"\ntext = \"三\"",
			[]string{"other 状态: 现行 → 已修订", "other 新增修订日期: 2024-05-01", "other 第一条: 旧文 → 新文", "other 新增第三条: 三", "other 删除第二条: 二"}},
		{"unit", "units/u/unit.toml", "name = \"某镇人民政府\"\ntype = \"乡镇人民政府\"\ndivision_code = \"990101\"\npublished = 2024-01-01\nreviewed = 2024-01-01\n%s",
			"offices = [\"党政办\"]\n[[leaders]]\ntitle = \"镇长\"\nname = \"张三\"\n[[leaders]]\ntitle = \"副镇长\"\nname = \"李四\"",
			"offices = [\"党政办\", \"综合执法办\"]\n[[leaders]]\ntitle = \"镇长\"\nname = \"王五\"\nduties = \"主持全面工作\"",
			[]string{"other 新增内设机构: 综合执法办", "other 领导「镇长 张三」姓名: 张三 → 王五", "other 领导「镇长 张三」新增分工: 主持全面工作", "other 删除领导: 副镇长 李四"}},
		{"page", "pages/about.md", "+++\ntitle = \"关于\"\n%s", "+++\n旧正文\n", "summary = \"简介\"\n+++\n新正文\n",
			[]string{"other 新增摘要: 简介", "other 正文已修改"}},
	}
	seen := map[string]bool{}
	for _, tc := range cases {
		if seen[tc.name] {
			t.Fatalf("duplicate case %q", tc.name)
		}
		seen[tc.name] = true
		t.Run(tc.name, func(t *testing.T) {
			a := mustParse(t, tc.path, fill(tc.tmpl, tc.old))
			b := mustParse(t, tc.path, fill(tc.tmpl, tc.new))
			var got []string
			for _, c := range diffEntities(laws, a, b, false) {
				got = append(got, c.Topic+" "+c.Text)
				if c.Text == "" || (c.Kind != Added && c.Kind != Removed && c.Kind != Changed) {
					t.Errorf("bad change %+v", c)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("diff =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func mustParse(t *testing.T, p, src string) any {
	t.Helper()
	e, diags := load.ParseFile(p, []byte(src))
	if e == nil || diags.HasErrors() {
		t.Fatalf("ParseFile(%s):\n%s\n%v", p, src, diags)
	}
	return e
}

func TestDiffPowerFields(t *testing.T) {
	t.Parallel()
	old := mustParse(t, "units/u/powers/c.md", fill(powerBase, `conditions = ["甲", "乙"]`))
	new := mustParse(t, "units/u/powers/c.md", strings.NewReplacer(
		`name = "对占道经营的行政处罚"`, `name = "对占道经营行为的行政处罚"`,
		`category = "行政处罚"`, `category = "行政检查"`,
		"reviewed = 2024-01-01", "reviewed = 2025-01-01",
		"\n正文\n", "\n正文(修订)\n",
		`conditions = ["甲", "乙"]`, `conditions = ["甲"]`,
	).Replace(fill(powerBase, "conditions = [\"甲\", \"乙\"]\nflow = \"f\"\nmode = \"委托\"")))
	var got []string
	for _, c := range diffEntities(nil, old, new, false) {
		got = append(got, c.Kind+"|"+c.Item+"|"+c.Field+"|"+c.Old+"|"+c.New+"|"+c.Text)
	}
	want := []string{
		"changed||名称|对占道经营的行政处罚|对占道经营行为的行政处罚|名称: 对占道经营的行政处罚 → 对占道经营行为的行政处罚",
		"changed||事项类型|行政处罚|行政检查|事项类型: 行政处罚 → 行政检查",
		"changed||行使方式|法定|委托|行使方式: 法定 → 委托",
		"added||流程图||f|新增流程图: f",
		"removed||申请条件|乙||删除申请条件: 乙",
		"changed||正文|正文|正文(修订)|正文已修改",
		"changed||审核日期|2024-01-01|2025-01-01|审核日期: 2024-01-01 → 2025-01-01",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diff =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestMatch(t *testing.T) {
	t.Parallel()
	type el struct{ k, f string }
	key := func(_ int, e el) string { return e.k }
	fb := func(_ int, e el) string { return e.f }
	a := []el{{"x", "1"}, {"y", "2"}, {"z", "3"}, {"x", "4"}, {"u", "5"}, {"v", "5"}}
	b := []el{{"x", "9"}, {"q", "2"}, {"x", "8"}, {"w", "5"}, {"n", "7"}}
	partner, gone := match(a, b, key, fb)
	if got, want := partner, []int{0, 1, 3, -1, -1}; !equalInts(got, want) {
		t.Errorf("partner = %v, want %v", got, want)
	}
	if got, want := gone, []int{2, 4, 5}; !equalInts(got, want) {
		t.Errorf("gone = %v, want %v", got, want)
	}
}
