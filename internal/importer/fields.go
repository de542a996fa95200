package importer

import (
	"regexp"
	"strings"
	"unicode"
)

// Kinds of sheet.
const (
	KindPowers     = "powers"
	KindBenchmarks = "benchmarks"
	KindRisks      = "risks"
)

// Ignore is the field a column is mapped to (-map '备注=-') to drop it
// deliberately, so that it is not reported as unknown.
const Ignore = "-"

// field is a target of a column: an id (used by -map) and the header
// synonyms that select it, best first.
type field struct {
	id  string
	syn []string
}

// The synonym tables. A header selects the first field that lists it; when
// two columns select the same field, the one whose synonym comes first in
// the list wins and the other is reported as unknown.
var fields = map[string][]field{
	KindPowers: {
		{"no", []string{"序号", "编号"}},
		{"code", []string{"事项编码", "职权编码", "基本编码", "实施编码", "事项代码", "业务编码", "权力编码", "事项编号", "编码"}},
		{"name", []string{"事项名称", "职权名称", "权力事项名称", "权责事项名称", "权力名称", "主项名称", "主项", "事项名称(主项)", "权责事项"}},
		{"sub_name", []string{"子项名称", "子项", "事项子项", "实施事项", "子项事项名称"}},
		{"category", []string{"事项类型", "职权类型", "职权类别", "权力类别", "权力类型", "权责类型", "权责类别", "事项类别", "类别", "类型"}},
		{"subject", []string{"实施主体", "行使主体", "法定主体", "责任主体", "部门名称", "实施机关"}},
		{"office", []string{"承办机构", "承办科室", "责任科室", "办理机构", "内设机构", "承办部门", "承办单位"}},
		{"level", []string{"行使层级", "实施层级", "实施层级及权限", "层级"}},
		{"mode", []string{"行使方式", "赋权方式", "实施方式"}},
		{"status", []string{"状态", "事项状态", "有效状态"}},
		{"service_object", []string{"实施对象", "服务对象", "行使对象"}},
		{"basis:设定依据", []string{"设定依据"}},
		{"basis:实施依据", []string{"实施依据"}},
		{"basis", []string{"法律依据", "依据", "权力依据", "法定依据", "设定和实施依据", "法律法规依据"}},
		{"conditions", []string{"申请条件", "办理条件", "受理条件", "实施条件"}},
		{"materials", []string{"申请材料", "办理材料", "申报材料"}},
		{"step", []string{"环节", "运行环节", "环节名称", "办理环节", "流程环节", "风险环节"}},
		{"responsibilities", []string{"责任事项", "责任事项内容", "责任内容"}},
		{"accountabilities", []string{"追责情形", "问责情形", "责任追究情形", "追责情形及追责依据"}},
		{"statutory_days", []string{"法定时限", "法定期限", "法定办结时限", "办理时限"}},
		{"promised_days", []string{"承诺时限", "承诺期限", "承诺办结时限"}},
		{"fee", []string{"收费依据及标准", "收费标准", "收费", "是否收费", "收费依据"}},
		{"risk", []string{"风险点", "风险点描述", "廉政风险点", "风险描述", "风险内容"}},
		{"manifestation", []string{"表现形式", "风险点表现形式", "主要表现形式"}},
		{"risk_level", []string{"风险等级", "风险级别", "等级"}},
		{"measures", []string{"防控措施", "风险防控措施", "预防措施", "防范措施"}},
		{"owner", []string{"责任人", "责任岗位", "风险责任人", "责任部门"}},
		{"risk_category", []string{"风险类别", "风险类型"}},
	},
	KindBenchmarks: {
		{"no", []string{"序号", "编号"}},
		{"name", []string{"违法行为", "违法行为名称", "事项名称", "处罚事项", "违法事项"}},
		{"violated", []string{"违则", "违反条款", "违法依据", "违法条款", "违法行为依据"}},
		{"penalty_basis", []string{"处罚依据", "法律依据", "法定依据", "设定依据", "依据", "法律法规依据", "实施依据", "行政处罚依据"}},
		{"statutory", []string{"法定处罚幅度", "处罚种类和幅度", "法定处罚种类及幅度", "法定处罚", "处罚种类"}},
		{"tier", []string{"裁量阶次", "阶次", "类别", "情节", "裁量等级", "违法情节", "违法程度", "档次", "处罚档次", "裁量档次", "情节程度"}},
		{"conditions", []string{"适用条件", "裁量情节", "情形", "具体情形", "情形描述", "违法情节和后果", "适用情形", "具体情节"}},
		{"standard", []string{"裁量标准", "具体标准", "裁量幅度", "处罚标准", "处罚裁量标准", "裁量基准", "自由裁量基准", "具体裁量标准", "处罚幅度"}},
		{"kind", []string{"阶次类型", "裁量类型"}},
		{"remarks", []string{"备注", "说明"}},
	},
	KindRisks: {
		{"no", []string{"序号", "编号"}},
		{"object_type", []string{"防控对象类型", "对象类型", "风险对象类型", "类型"}},
		{"object", []string{"防控对象", "风险对象", "对象", "风险部位"}},
		{"object:关键岗位", []string{"岗位", "关键岗位", "风险岗位", "岗位名称"}},
		{"object:重点领域", []string{"重点领域", "业务领域", "重要环节", "重点环节"}},
		{"object:重点对象", []string{"重点对象"}},
		{"category", []string{"风险类别", "风险类型", "风险分类"}},
		{"risk", []string{"风险点", "风险点描述", "廉政风险点", "职权内容", "风险事项", "风险名称", "主要风险点"}},
		{"manifestation", []string{"表现形式", "风险点表现形式", "主要表现形式", "廉政风险主要内容及表现形式", "风险表现", "风险描述"}},
		{"level", []string{"风险等级", "风险级别", "等级"}},
		{"measures", []string{"防控措施", "风险防控措施", "预防措施", "防范措施"}},
		{"owner", []string{"责任人", "责任岗位", "责任部门", "单位/科室", "责任主体/科室", "责任科室", "责任主体", "科室", "责任单位", "直接责任人"}},
		{"leader", []string{"责任领导", "分管领导"}},
	},
}

// fieldIDs returns the ids a -map value may name for kind.
func fieldIDs(kind string) []string {
	var out []string
	for _, f := range fields[kind] {
		out = append(out, f.id)
	}
	return append(out, Ignore)
}

// match is the field a header selects and how good the match is (lower
// is better), for choosing between two columns selecting the same field.
type match struct {
	field string
	rank  int
}

// matchHeader finds the field for a header: a -map entry, an exact
// synonym, the header without bracketed notes, one part of a header
// written as "甲/乙" or "甲及乙", or the longest synonym (3 characters or
// more) it contains.
func matchHeader(kind, h string, user map[string]string) (match, bool) {
	h = normHeader(h)
	if h == "" {
		return match{}, false
	}
	if f, ok := user[h]; ok {
		return match{f, -1}, true
	}
	if m, ok := exactField(kind, h); ok {
		return m, true
	}
	if s := stripBrackets(h); s != h && s != "" {
		if f, ok := user[s]; ok {
			return match{f, -1}, true
		}
		if m, ok := exactField(kind, s); ok {
			return m, true
		}
		h = s
	}
	for _, part := range splitHeader(h) {
		if m, ok := exactField(kind, part); ok {
			m.rank += 100
			return m, true
		}
	}
	best, bestLen := match{}, 0
	for _, f := range fields[kind] {
		for i, s := range f.syn {
			n := len([]rune(s))
			if n >= 3 && n > bestLen && strings.Contains(h, s) {
				best, bestLen = match{f.id, 200 + i}, n
			}
		}
	}
	return best, bestLen > 0
}

func exactField(kind, h string) (match, bool) {
	for _, f := range fields[kind] {
		for i, s := range f.syn {
			if s == h {
				return match{f.id, i}, true
			}
		}
	}
	return match{}, false
}

var headerSplit = regexp.MustCompile(`[/／、]|及|和`)

func splitHeader(h string) []string {
	var out []string
	for _, p := range headerSplit.Split(h, -1) {
		if p != "" && p != h {
			out = append(out, p)
		}
	}
	return out
}

var bracketRe = regexp.MustCompile(`[（(\[【][^）)\]】]*[）)\]】]`)

func stripBrackets(h string) string { return bracketRe.ReplaceAllString(h, "") }

// normHeader removes white space, required-field stars and a trailing
// colon from a header cell.
func normHeader(h string) string {
	h = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '*' || r == '＊' || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, h)
	return strings.TrimRight(h, ":：")
}
