package model

import "strings"

// Category is a kind of administrative power (事项类型). Code is the portal's
// two-letter convention (XK, CF, …), used in URLs in lower case.
type Category struct {
	Code string // XK
	Name string // 行政许可
	Desc string // one-line explanation for citizens
}

// Slug is the URL segment of the category page.
func (c Category) Slug() string { return strings.ToLower(c.Code) }

// Categories lists the ten categories of administrative power plus public
// services, in the order every list on the portal uses.
func Categories() []Category {
	return []Category{
		{"XK", "行政许可", "行政机关根据申请,经依法审查,准予其从事特定活动的行为。"},
		{"CF", "行政处罚", "对违反行政管理秩序的行为,依法减损权益或者增加义务的惩戒。"},
		{"QZ", "行政强制", "行政强制措施和行政强制执行,如查封、扣押、强制拆除。"},
		{"ZS", "行政征收", "依法征收税费、征收征用土地房屋等。"},
		{"GF", "行政给付", "依法发放抚恤金、救助金、补贴等物质帮助。"},
		{"JC", "行政检查", "对公民、法人遵守法律法规情况的监督检查。"},
		{"QR", "行政确认", "对法律事实、法律关系予以确认、认定、证明。"},
		{"JL", "行政奖励", "对作出突出贡献者给予表彰和奖励。"},
		{"CJ", "行政裁决", "对特定民事纠纷依法作出裁决。"},
		{"QT", "其他行政权力", "上述类别以外的其他行政职权。"},
		{"GG", "公共服务", "面向群众和企业提供的公共服务事项。"},
	}
}

// CategoryByName finds a category by code (XK, xk) or Chinese name,
// accepting common variants (其他职权, 公共服务事项, 行政征收征用).
func CategoryByName(s string) (Category, bool) {
	s = strings.TrimSpace(s)
	alias := map[string]string{
		"其他职权": "QT", "其他行政职权": "QT", "其他": "QT",
		"公共服务事项": "GG", "行政征收征用": "ZS", "行政征用": "ZS",
		"行政强制措施": "QZ", "行政强制执行": "QZ",
	}
	if c, ok := alias[s]; ok {
		s = c
	}
	for _, c := range Categories() {
		if strings.EqualFold(s, c.Code) || s == c.Name {
			return c, true
		}
	}
	return Category{}, false
}

// CategoryNames returns the accepted Chinese names, for hints.
func CategoryNames() []string {
	var out []string
	for _, c := range Categories() {
		out = append(out, c.Name)
	}
	return out
}

// Risk levels. Aliases: 一级/★★★ = 高, 二级/★★ = 中, 三级/★ = 低.
const (
	RiskHigh   = "高"
	RiskMedium = "中"
	RiskLow    = "低"
)

// NormalizeRiskLevel maps a level as written by an author to 高, 中 or 低.
func NormalizeRiskLevel(s string) (string, bool) {
	switch strings.TrimSpace(s) {
	case "高", "一级", "★★★", "高风险", "1级", "Ⅰ级", "I级":
		return RiskHigh, true
	case "中", "二级", "★★", "中风险", "2级", "Ⅱ级", "II级":
		return RiskMedium, true
	case "低", "三级", "★", "低风险", "3级", "Ⅲ级", "III级":
		return RiskLow, true
	}
	return "", false
}

// RiskRank orders levels for sorting: 高 3, 中 2, 低 1, unknown 0.
func RiskRank(level string) int {
	switch level {
	case RiskHigh:
		return 3
	case RiskMedium:
		return 2
	case RiskLow:
		return 1
	}
	return 0
}

// Enumerations accepted in content files. Each call returns a fresh slice.
func UnitTypes() []string {
	return []string{"县人民政府", "县政府工作部门", "乡镇人民政府", "街道办事处", "事业单位", "派驻机构", "垂管机构", "派出机构", "村(社区)"}
}

func ExerciseModes() []string {
	return []string{"法定", "下放", "委托", "受委托", "共同实施", "审核转报"}
}

func LawLevels() []string {
	return []string{"法律", "行政法规", "地方性法规", "自治条例", "单行条例", "部门规章", "地方政府规章", "规范性文件", "党内法规"}
}

func LawStatuses() []string { return []string{"现行", "已修订", "已废止"} }

func PowerStatuses() []string { return []string{"现行", "暂停", "取消"} }

func RiskCategories() []string {
	return []string{"思想道德", "岗位职责", "业务流程", "制度机制", "外部环境"}
}

func RiskObjectTypes() []string { return []string{"重点对象", "重点领域", "关键岗位"} }

func LegalRoles() []string {
	return []string{"设定依据", "实施依据", "处罚依据", "违反条款", "责任依据", "追责依据"}
}

func DayUnits() []string { return []string{"工作日", "自然日"} }

func StepKinds() []string { return []string{"start", "step", "decision", "end"} }

func TierKinds() []string {
	return []string{"不予处罚", "免予处罚", "减轻处罚", "从轻处罚", "一般", "从重处罚"}
}

func BenchmarkStyles() []string { return []string{"tiered", "factor"} }

// In reports whether s is one of the values.
func In(s string, values []string) bool {
	for _, v := range values {
		if s == v {
			return true
		}
	}
	return false
}
