package importer

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"sunlight/internal/cite"
	"sunlight/internal/cnum"
	"sunlight/internal/model"
)

// splitList turns a cell into list items: one per line, and one per
// numbered part of a line ("1.…；2.…", "（1）…（2）…", "①…②…"). The
// numbering itself and trailing separators are removed.
func splitList(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		for _, item := range splitNumbered(line) {
			item = strings.TrimFunc(item, func(r rune) bool {
				return unicode.IsSpace(r) || strings.ContainsRune("；;，,、", r)
			})
			if item != "" {
				out = append(out, item)
			}
		}
	}
	return out
}

// splitNumbered splits a line at numbering markers that start it or
// follow a separator.
func splitNumbered(line string) []string {
	rs := []rune(line)
	type span struct{ start, end int }
	var marks []span
	for i := 0; i < len(rs); i++ {
		circled := rs[i] >= '①' && rs[i] <= '⑳'
		if i > 0 && !circled && !strings.ContainsRune("；;。，,：: \t　", rs[i-1]) {
			continue
		}
		if n := markerAt(rs, i); n > 0 {
			marks = append(marks, span{i, i + n})
			i += n - 1
		}
	}
	if len(marks) == 0 || len(marks) == 1 && marks[0].start != 0 {
		return []string{line}
	}
	var out []string
	if marks[0].start > 0 {
		out = append(out, string(rs[:marks[0].start]))
	}
	for k, m := range marks {
		end := len(rs)
		if k+1 < len(marks) {
			end = marks[k+1].start
		}
		out = append(out, string(rs[m.end:end]))
	}
	return out
}

// markerAt returns the length of a numbering marker at rs[i:], or 0:
// "1." "1、" "一、" "（1）" "(一)" "①".
func markerAt(rs []rune, i int) int {
	r := rs[i]
	if r >= '①' && r <= '⑳' {
		return 1
	}
	isNum := func(r rune) bool {
		return r >= '0' && r <= '9' || strings.ContainsRune("一二三四五六七八九十", r)
	}
	if r == '（' || r == '(' {
		j := i + 1
		for j < len(rs) && j-i <= 3 && isNum(rs[j]) {
			j++
		}
		if j > i+1 && j < len(rs) && (rs[j] == '）' || rs[j] == ')') {
			return j + 1 - i
		}
		return 0
	}
	j := i
	for j < len(rs) && j-i < 3 && isNum(rs[j]) {
		j++
	}
	if j == i || j >= len(rs) {
		return 0
	}
	ascii := rs[i] >= '0' && rs[i] <= '9'
	switch rs[j] {
	case '、':
		return j + 1 - i
	case '.', '．':
		if ascii && (j+1 >= len(rs) || rs[j+1] < '0' || rs[j+1] > '9') {
			return j + 1 - i
		}
	}
	return 0
}

// lawLookup maps a normalised law title to a registry id.
type lawLookup func(title string) (string, bool)

// refs is the result of reading the citations in a cell.
type refs struct {
	refs     []model.LegalRef
	problems []string
	missing  []string // titles of laws the registry lacks
}

// parseRefs reads the citations of a cell into legal references with the
// given role: one reference per article, the law by registry id. A title
// the registry does not have, a citation without an article (when
// required) and text that looks like a citation but cannot be read are
// problems. Text after "：" that follows a citation of one article is its
// quote.
func parseRefs(cell, role string, requireArticle bool, laws lawLookup) refs {
	var out refs
	cites, rest := cite.ParseCitation(cell)
	rs := []rune(cell)
	type region struct{ start, end int }
	var quoted []region
	seen := map[string]bool{}
	for i, c := range cites {
		next := len(rs)
		if i+1 < len(cites) {
			next = cites[i+1].Start
		}
		quote := ""
		after := strings.TrimSpace(string(rs[c.End:next]))
		if strings.HasPrefix(after, "：") || strings.HasPrefix(after, ":") {
			quote = strings.TrimFunc(strings.TrimLeft(after, "：:"), func(r rune) bool {
				return unicode.IsSpace(r) || strings.ContainsRune("；;", r)
			})
			quoted = append(quoted, region{c.End, next})
		}
		title := c.Title
		if title == "" {
			title = c.Law
		}
		id, ok := laws(c.Law)
		if !ok {
			out.missing = append(out.missing, title)
			out.problems = append(out.problems, "《"+title+"》不在法规库中,这条依据没有导入;请先在 laws/ 中登记这部法规,再重新导入")
			continue
		}
		if len(c.Articles) == 0 {
			if requireArticle {
				out.problems = append(out.problems, "《"+title+"》没有写明条款,这条依据没有导入")
				continue
			}
			if !seen[id+"|"] {
				seen[id+"|"] = true
				out.refs = append(out.refs, model.LegalRef{Law: id, Role: role})
			}
			continue
		}
		for _, a := range c.Articles {
			art := a.String()
			if seen[id+"|"+art] {
				continue
			}
			seen[id+"|"+art] = true
			ref := model.LegalRef{Law: id, Article: art, Role: role}
			if len(c.Articles) == 1 {
				ref.Quote = quote
			}
			out.refs = append(out.refs, ref)
		}
	}
	for _, sp := range rest {
		inQuote := false
		for _, q := range quoted {
			if sp.Start >= q.start && sp.End <= q.end {
				inQuote = true
			}
		}
		if !inQuote {
			out.problems = append(out.problems, "无法识别的依据文字 \""+sp.Text+"\",已忽略")
		}
	}
	return out
}

// newLawLookup indexes laws by their normalised full and short titles.
func newLawLookup(laws []*model.Law) lawLookup {
	m := map[string]string{}
	for _, l := range laws {
		for _, t := range []string{l.Title, l.Short} {
			if t != "" {
				if _, dup := m[cite.NormalizeLawTitle(t)]; !dup {
					m[cite.NormalizeLawTitle(t)] = l.ID
				}
			}
		}
	}
	return func(title string) (string, bool) {
		id, ok := m[cite.NormalizeLawTitle(title)]
		return id, ok
	}
}

// categoryIn returns the code of the category a text names (a section
// heading such as "一、行政许可类"), or "".
func categoryIn(s string) string {
	found := ""
	for _, c := range model.Categories() {
		name := c.Name
		if c.Code == "QT" {
			name = "其他"
		}
		if strings.Contains(s, name) {
			if found != "" && found != c.Code {
				return ""
			}
			found = c.Code
		}
	}
	return found
}

// normCategory reads a category cell: a name or code, with or without
// 类/事项, or a text naming exactly one category.
func normCategory(s string) (string, bool) {
	if c, ok := model.CategoryByName(s); ok {
		return c.Code, true
	}
	t := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(s), "事项"), "类")
	if c, ok := model.CategoryByName(t); ok {
		return c.Code, true
	}
	if code := categoryIn(s); code != "" {
		return code, true
	}
	return "", false
}

// categoryName is the name written to files for a category code.
func categoryName(code string) string {
	if c, ok := model.CategoryByName(code); ok {
		return c.Name
	}
	return code
}

var daysRe = regexp.MustCompile(`([0-9０-９]+|[一二三四五六七八九十百零〇两]+)\s*个?\s*(工作日|自然日|日|天)`)

// parseDays reads a time limit such as "20个工作日" or "九十日". exact
// reports that the cell says nothing else.
func parseDays(s string) (days int, unit string, exact bool, ok bool) {
	m := daysRe.FindStringSubmatchIndex(s)
	if m == nil {
		return 0, "", false, false
	}
	num := s[m[2]:m[3]]
	n, err := strconv.Atoi(num)
	if err != nil {
		v, okv := cnum.ParseInt(num)
		if !okv {
			return 0, "", false, false
		}
		n = int(v)
	}
	unit = "自然日"
	if s[m[4]:m[5]] == "工作日" {
		unit = "工作日"
	}
	rest := strings.TrimSpace(s[:m[0]] + s[m[1]:])
	for _, w := range []string{"法定", "承诺", "办结", "时限", "期限", "以内", "内"} {
		rest = strings.ReplaceAll(rest, w, "")
	}
	rest = strings.Trim(rest, "：:，,；;。 ")
	return n, unit, rest == "", n > 0
}

// noFee reports whether a fee cell says nothing is charged.
func noFee(s string) bool {
	switch strings.TrimSpace(s) {
	case "无", "否", "—", "-", "／", "/", "0", "免费":
		return true
	}
	return strings.Contains(s, "不收费") || strings.Contains(s, "不收取") || strings.Contains(s, "免收")
}

func normMode(s string) (string, bool) {
	switch {
	case s == "":
		return "", true
	case strings.Contains(s, "受委托"):
		return "受委托", true
	case strings.Contains(s, "下放"):
		return "下放", true
	case strings.Contains(s, "委托"):
		return "委托", true
	case strings.Contains(s, "共同"):
		return "共同实施", true
	case strings.Contains(s, "转报"):
		return "审核转报", true
	case strings.Contains(s, "法定"), strings.Contains(s, "自行"), strings.Contains(s, "直接行使"):
		return "法定", true
	}
	return "", false
}

func normStatus(s string) (string, bool) {
	switch s {
	case "":
		return "", true
	case "现行", "有效", "正常", "在用", "是":
		return "现行", true
	case "暂停", "暂停实施":
		return "暂停", true
	case "取消", "已取消", "废止", "无效", "停用":
		return "取消", true
	}
	return "", false
}

func normRiskCategory(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	t := strings.TrimSuffix(s, "类")
	t = strings.TrimSuffix(t, "风险")
	if model.In(t, model.RiskCategories()) {
		return t, true
	}
	return "", false
}

func normObjectType(s string) (string, bool) {
	switch strings.TrimSpace(s) {
	case "关键岗位", "岗位", "风险岗位":
		return "关键岗位", true
	case "重点领域", "领域", "业务领域", "重点环节":
		return "重点领域", true
	case "重点对象", "对象", "人员":
		return "重点对象", true
	}
	return "", false
}

// tierKind reads the kind of a tier from its label, or "".
func tierKind(label string) string {
	for _, k := range []struct{ word, kind string }{
		{"不予处罚", "不予处罚"}, {"不予行政处罚", "不予处罚"}, {"免予处罚", "免予处罚"}, {"免于处罚", "免予处罚"},
		{"减轻", "减轻处罚"}, {"从轻", "从轻处罚"}, {"从重", "从重处罚"},
	} {
		if strings.Contains(label, k.word) {
			return k.kind
		}
	}
	switch strings.TrimSuffix(label, "的") {
	case "一般", "情节一般", "一般情节":
		return "一般"
	}
	return ""
}

// tierLabel is the label written for a tier cell: the text, or "阶次N"
// for a bare number.
func tierLabel(s string) string {
	if numberRe.MatchString(s) {
		return "阶次" + s
	}
	return s
}

// validID mirrors the loader's rule for file ids.
func validID(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// slug makes an id from a file name: lower-case ASCII letters and digits,
// other runs of characters become one hyphen.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}
