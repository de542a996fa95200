// Package cite reads and normalises citations of Chinese statutes, as
// found in the 设定依据, 实施依据 and 处罚依据 cells of power lists and
// discretion benchmarks.
//
// # Articles
//
// [ParseArticle] reads article references written with Chinese or Arabic
// numerals:
//
//	第一百一十九条                  {Article: 119}
//	第119条第1款                    {Article: 119, Paragraph: 1}
//	第一百一十九条第一款第（二）项    {Article: 119, Paragraph: 1, Item: 2}
//	第十条第(2)项  第十条（二）       {Article: 10, Item: 2}
//	第一百二十条之一                 {Article: 120, Sub: 1}
//	第十六条、第十七条  第十六条和十七条  第十六、十七条      two articles
//	第六十四条第一款、第二款          64(1) and 64(2)
//	第一款第（一）项、第（二）项       two items of one paragraph
//	第七十二条至第七十七条  第七十二—七十七条              72 to 77
//
// List separators are 、，,和及与以及或者 and spaces; range signs are
// 至 到 — - ～ ~. [Article.String] writes the canonical form of the
// 立法技术规范: 第一百一十九条第一款第二项 (items without brackets).
//
// # Law titles
//
// [NormalizeLawTitle] strips 《》, white space, the 中华人民共和国 prefix
// and trailing edition notes in brackets that contain a date or 修正,
// 修订, 修改, 施行, 公布: "《中华人民共和国大气污染防治法（2018年修正）》"
// → "大气污染防治法". Notes such as （试行） are part of the title and are
// kept (with full-width brackets).
//
// # Citations
//
// [ParseCitation] reads every citation in a cell:
//
//	《中华人民共和国大气污染防治法》第一百一十九条第一款
//	《中华人民共和国大气污染防治法》(2018年10月26日修正)第一百一十九条第二款
//	《行政许可法》第三十二条、第三十四条；《土地管理法》第七十七条
//	违法依据:《…》第八十二条第一款; 设定依据:《…》第一百一十九条第二款
//	大气污染防治法第119条第1款          a title without 《》 must end in
//	                                    法, 条例, 规定, 办法, 细则, 规则 or 决定
//
// Labels (违法依据:, 设定依据：) and separators between citations are
// skipped. Text it cannot read is returned as unparsed spans when it
// contains 《, 》, 第, 条, 款, 项 or a digit: a reference to an unnamed law
// (本法第十条), an article without its 条, a truncated excerpt.
//
// # Comparing provisions
//
// [Citation.Key] and [Article.Key] give stable keys for "the same
// provision": 《中华人民共和国大气污染防治法》第一百一十九条第一款 and
// 《大气污染防治法》第119条第1款 both have the key "大气污染防治法#119.1".
package cite

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"sunlight/internal/cnum"
)

// Article is a reference to an article (条), optionally to one of its
// paragraphs (款) and items (项). Zero means "not given".
type Article struct {
	Article   int `toml:"article" json:"article"`
	Sub       int `toml:"sub,omitempty" json:"sub,omitempty"` // N in 第X条之N
	Paragraph int `toml:"paragraph,omitempty" json:"paragraph,omitempty"`
	Item      int `toml:"item,omitempty" json:"item,omitempty"`
}

// String writes a in canonical form: 第一百一十九条之一第一款第二项.
func (a Article) String() string {
	var b strings.Builder
	if a.Article > 0 {
		b.WriteString("第" + cnum.Itoa(int64(a.Article)) + "条")
		if a.Sub > 0 {
			b.WriteString("之" + cnum.Itoa(int64(a.Sub)))
		}
	}
	if a.Paragraph > 0 {
		b.WriteString("第" + cnum.Itoa(int64(a.Paragraph)) + "款")
	}
	if a.Item > 0 {
		b.WriteString("第" + cnum.Itoa(int64(a.Item)) + "项")
	}
	return b.String()
}

// Key returns a stable key for the provision: "119", "119.1", "119.1.2",
// "10.0.2" (an item of an article's only paragraph), "120之1".
func (a Article) Key() string {
	k := strconv.Itoa(a.Article)
	if a.Sub > 0 {
		k += "之" + strconv.Itoa(a.Sub)
	}
	if a.Paragraph > 0 || a.Item > 0 {
		k += "." + strconv.Itoa(a.Paragraph)
	}
	if a.Item > 0 {
		k += "." + strconv.Itoa(a.Item)
	}
	return k
}

// Citation is a law and the articles cited from it.
type Citation struct {
	Law      string    `toml:"law" json:"law"`                             // normalised title, see NormalizeLawTitle
	Title    string    `toml:"title,omitempty" json:"title,omitempty"`     // the title as written, without 《》
	Edition  string    `toml:"edition,omitempty" json:"edition,omitempty"` // "2018年10月26日修正"
	Articles []Article `toml:"articles,omitempty" json:"articles,omitempty"`
	// Text is the source span; Start and End are its rune offsets.
	Text  string `toml:"-" json:"text"`
	Start int    `toml:"-" json:"start"`
	End   int    `toml:"-" json:"end"`
}

// String writes c in canonical form: 《大气污染防治法》第一百一十九条第一款、第一百二十条.
func (c Citation) String() string {
	s := "《" + c.Law + "》"
	for i, a := range c.Articles {
		if i > 0 {
			s += "、"
		}
		s += a.String()
	}
	return s
}

// Key returns a stable key for the provisions cited: the law and the
// sorted article keys, "大气污染防治法#119.1" or "行政许可法#32,34". Two
// citations of the same provisions, however written, have equal keys.
func (c Citation) Key() string {
	keys := make([]string, 0, len(c.Articles))
	for _, a := range c.Articles {
		keys = append(keys, a.Key())
	}
	slices.SortFunc(keys, compareKeys)
	keys = slices.Compact(keys)
	if len(keys) == 0 {
		return c.Law
	}
	return c.Law + "#" + strings.Join(keys, ",")
}

// Keys returns one key per article, "大气污染防治法#119.1", or just the
// law when no article is cited.
func (c Citation) Keys() []string {
	if len(c.Articles) == 0 {
		return []string{c.Law}
	}
	out := make([]string, len(c.Articles))
	for i, a := range c.Articles {
		out[i] = c.Law + "#" + a.Key()
	}
	return out
}

// compareKeys orders article keys numerically (9 before 10).
func compareKeys(a, b string) int {
	fa := strings.FieldsFunc(a, func(r rune) bool { return r == '.' || r == '之' })
	fb := strings.FieldsFunc(b, func(r rune) bool { return r == '.' || r == '之' })
	for i := 0; i < len(fa) && i < len(fb); i++ {
		na, _ := strconv.Atoi(fa[i])
		nb, _ := strconv.Atoi(fb[i])
		if na != nb {
			return na - nb
		}
	}
	if len(fa) != len(fb) {
		return len(fa) - len(fb)
	}
	return strings.Compare(a, b)
}

// Span is a part of the parsed text, with rune offsets.
type Span struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// ParseArticle reads a list of article references (see the package
// documentation). The whole of s must be read.
func ParseArticle(s string) ([]Article, error) {
	rs := []rune(strings.TrimSpace(s))
	arts, n, err := parseArticles(rs, 0, true)
	if err != nil {
		return nil, fmt.Errorf("parse article %q: %w", s, err)
	}
	if n < len(rs) {
		return nil, fmt.Errorf("parse article %q: unexpected %q at rune %d", s, string(rs[n:]), n)
	}
	return arts, nil
}

// element kinds
const (
	kArticle = iota + 1
	kParagraph
	kItem
)

// element is one 第N条, 第N款 or 第（N）项, possibly with several numbers
// (第十六、十七条, 第七十二—七十七条).
type element struct {
	kind int
	nums []int
	sub  int // 之N, for articles
}

// parseArticles reads a list of references at rs[i:]. It returns the
// articles, the position after the last one read, and an error only if
// nothing could be read. With bare set, the first element may omit 第
// (119条).
func parseArticles(rs []rune, i int, bare bool) ([]Article, int, error) {
	var out []Article
	var cur Article
	have := false
	end := i
	rangeNext := false
	first := true
	for {
		j := i
		if !first {
			j = skipSeps(rs, i)
		}
		if !first && !rangeNext {
			if n := atRange(rs, j); n > 0 {
				rangeNext = true
				i = j + n
				continue
			}
		}
		el, k, ok := parseElement(rs, j, bare || !first)
		if !ok {
			break
		}
		if rangeNext {
			// 第七十二条至第七十七条: expand from the current value
			from := 0
			switch el.kind {
			case kArticle:
				from = cur.Article
			case kParagraph:
				from = cur.Paragraph
			case kItem:
				from = cur.Item
			}
			to := el.nums[len(el.nums)-1]
			if from == 0 || to <= from || to-from > 200 || len(el.nums) != 1 {
				break // not a range we can read: stop before the range sign
			}
			el.nums = nil
			for v := from + 1; v <= to; v++ {
				el.nums = append(el.nums, v)
			}
		}
		rangeNext = false
		for _, n := range el.nums {
			switch el.kind {
			case kArticle:
				if have {
					out = append(out, cur)
				}
				cur, have = Article{Article: n, Sub: el.sub}, true
			case kParagraph:
				if !have {
					return nil, i, fmt.Errorf("paragraph at rune %d without an article", j)
				}
				if cur.Paragraph != 0 || cur.Item != 0 {
					out = append(out, cur)
				}
				cur = Article{Article: cur.Article, Sub: cur.Sub, Paragraph: n}
			case kItem:
				if !have {
					return nil, i, fmt.Errorf("item at rune %d without an article", j)
				}
				if cur.Item != 0 {
					out = append(out, cur)
				}
				cur.Item = n
			}
		}
		i, end, first = k, k, false
	}
	if !have {
		return nil, i, fmt.Errorf("no article at rune %d", i)
	}
	return append(out, cur), end, nil
}

// parseElement reads one element at i: [第] N {sep N} (条[之N]|款|项), or
// an item in brackets: [第]（N）[项].
func parseElement(rs []rune, i int, bare bool) (element, int, bool) {
	var el element
	k := i
	di := k < len(rs) && rs[k] == '第'
	if di {
		k++
	} else if !bare && !(k < len(rs) && isOpen(rs[k])) {
		return el, i, false
	}
	// item in brackets: 第（二）项, （2）
	if k < len(rs) && isOpen(rs[k]) {
		v, n := scanInt(rs, k+1)
		if n == 0 || k+1+n >= len(rs) || !isClose(rs[k+1+n]) {
			return el, i, false
		}
		k += n + 2
		if k < len(rs) && rs[k] == '项' {
			k++
		}
		return element{kind: kItem, nums: []int{v}}, k, true
	}
	for {
		v, n := scanInt(rs, k)
		if n == 0 {
			return el, i, false
		}
		k += n
		if r := atRange(rs, k); r > 0 && len(el.nums) == 0 {
			// 第七十二—七十七条
			w, m := scanInt(rs, k+r)
			if m == 0 || w <= v || w-v > 200 {
				return el, i, false
			}
			for x := v; x <= w; x++ {
				el.nums = append(el.nums, x)
			}
			k += r + m
		} else {
			el.nums = append(el.nums, v)
		}
		if k < len(rs) && (rs[k] == '、' || rs[k] == '，' || rs[k] == ',') {
			if _, m := scanInt(rs, k+1); m > 0 {
				k++ // 第十六、十七条
				continue
			}
		}
		break
	}
	if k >= len(rs) {
		return el, i, false
	}
	switch rs[k] {
	case '条':
		el.kind = kArticle
		k++
		if k < len(rs) && rs[k] == '之' {
			if v, n := scanInt(rs, k+1); n > 0 {
				el.sub = v
				k += n + 1
			}
		}
	case '款':
		el.kind = kParagraph
		k++
	case '项':
		el.kind = kItem
		k++
	default:
		return el, i, false
	}
	return el, k, true
}

// scanInt reads a positive whole numeral at rs[i:].
func scanInt(rs []rune, i int) (int, int) {
	if i >= len(rs) {
		return 0, 0
	}
	v, n := cnum.ScanRunes(rs[i:])
	if n == 0 || v < 1 || v > 1e6 || v != float64(int(v)) {
		return 0, 0
	}
	return int(v), n
}

func skipSeps(rs []rune, i int) int {
	for i < len(rs) {
		switch {
		case strings.ContainsRune("、，,和及与 　", rs[i]):
			i++
		case hasAt(rs, i, "以及"), hasAt(rs, i, "或者"):
			i += 2
		default:
			return i
		}
	}
	return i
}

func atRange(rs []rune, i int) int {
	for _, w := range []string{"——", "至", "到", "—", "－", "-", "～", "~", "–"} {
		if hasAt(rs, i, w) {
			return len([]rune(w))
		}
	}
	return 0
}

func hasAt(rs []rune, i int, w string) bool {
	for _, r := range w {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

func isOpen(r rune) bool  { return r == '（' || r == '(' }
func isClose(r rune) bool { return r == '）' || r == ')' }

// NormalizeLawTitle returns the short, comparable form of a law title
// (see the package documentation).
func NormalizeLawTitle(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "《") {
		if e := strings.LastIndex(s, "》"); e > 0 {
			s = s[len("《"):e]
		} else {
			s = s[len("《"):]
		}
	}
	s = strings.TrimSuffix(s, "》")
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return -1
		case r == '(':
			return '（'
		case r == ')':
			return '）'
		}
		return r
	}, s)
	for {
		t, ok := stripEdition(s)
		if !ok {
			break
		}
		s = t
	}
	return strings.TrimPrefix(s, "中华人民共和国")
}

// stripEdition removes a trailing （…） that is an edition note.
func stripEdition(s string) (string, bool) {
	if !strings.HasSuffix(s, "）") {
		return s, false
	}
	o := strings.LastIndex(s, "（")
	if o < 0 {
		return s, false
	}
	if !isEdition(s[o+len("（") : len(s)-len("）")]) {
		return s, false
	}
	return s[:o], true
}

// isEdition reports whether the text of a bracket is an edition note:
// "2018年修正", "2016年1月13日修订", "修订本", "2016年10月1日起施行".
func isEdition(s string) bool {
	for _, w := range []string{"修正", "修订", "修改", "施行", "公布", "年"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// lawSuffixes end a title written without 《》.
var lawSuffixes = []string{"法", "条例", "规定", "办法", "细则", "规则", "决定"}

// labels may precede a title written without 《》.
var labels = []string{"设定依据", "实施依据", "处罚依据", "违法依据", "法律依据", "依据", "根据", "依照", "按照", "参照", "违反"}

// unnamed are references to a law that is not named.
var unnamed = map[string]bool{"本法": true, "该法": true, "本条例": true, "该条例": true, "本规定": true, "本办法": true}

// ParseCitation reads every citation in s and returns them with the parts
// it could not read (see the package documentation).
func ParseCitation(s string) ([]Citation, []Span) {
	rs := []rune(s)
	var cites []Citation
	var rest []Span
	leftover := -1 // start of the current run of unread text
	flush := func(end int) {
		if leftover >= 0 {
			if sp, ok := unreadSpan(rs, leftover, end); ok {
				rest = append(rest, sp)
			}
			leftover = -1
		}
	}
	for i := 0; i < len(rs); {
		c, end, ok := citationAt(rs, i)
		if !ok {
			if leftover < 0 {
				leftover = i
			}
			i++
			continue
		}
		flush(c.Start)
		c.End, c.Text = end, string(rs[c.Start:end])
		cites = append(cites, c)
		i = end
	}
	flush(len(rs))
	return cites, rest
}

// citationAt reads a citation starting at i: 《title》 or a bare title at a
// word boundary (after a label such as 依据), then an optional edition
// note and articles. It sets c.Start and returns the end.
func citationAt(rs []rune, i int) (Citation, int, bool) {
	var c Citation
	k := i
	switch {
	case rs[i] == '《':
		e := i + 1
		depth := 1
		for ; e < len(rs); e++ {
			if rs[e] == '《' {
				depth++
			}
			if rs[e] == '》' {
				depth--
				if depth == 0 {
					break
				}
			}
		}
		if e >= len(rs) {
			return c, i, false
		}
		c.Title = string(rs[i+1 : e])
		k = e + 1
	case boundary(rs, i) && unicode.Is(unicode.Han, rs[i]):
		e := i
		for e < len(rs) && unicode.Is(unicode.Han, rs[e]) && rs[e] != '第' {
			e++
		}
		title := string(rs[i:e])
		for _, l := range labels {
			if strings.HasPrefix(title, l) {
				title = strings.TrimPrefix(title, l)
				i += len([]rune(l))
				break
			}
		}
		if !hasLawSuffix(title) || len([]rune(title)) < 3 || unnamed[title] || strings.ContainsRune("的之及和与", []rune(title)[0]) {
			return c, i, false
		}
		if e < len(rs) && rs[e] != '第' && !isOpen(rs[e]) && !strings.ContainsRune("；;、，,。 ", rs[e]) {
			return c, i, false
		}
		c.Title = title
		k = e
	default:
		return c, i, false
	}
	c.Law = NormalizeLawTitle(c.Title)
	if c.Law == "" {
		return c, i, false
	}
	c.Start = i
	// edition note: （2018年10月26日修正）
	j := skipSpace(rs, k)
	if j < len(rs) && isOpen(rs[j]) {
		cl := j + 1
		for cl < len(rs) && !isClose(rs[cl]) {
			cl++
		}
		if cl < len(rs) && isEdition(string(rs[j+1:cl])) {
			c.Edition = string(rs[j+1 : cl])
			k = cl + 1
		}
	}
	j = skipSpace(rs, k)
	if hasAt(rs, j, "的") {
		j++
	}
	if j < len(rs) && rs[j] == '第' {
		if arts, e, err := parseArticles(rs, j, false); err == nil {
			c.Articles, k = arts, e
		}
	}
	return c, k, true
}

// boundary reports whether a bare title may start at i: at the start, or
// after a separator or a label's colon.
func boundary(rs []rune, i int) bool {
	return i == 0 || strings.ContainsRune("；;、，,。：: 　\n\t", rs[i-1])
}

func hasLawSuffix(s string) bool {
	for _, suf := range lawSuffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

func skipSpace(rs []rune, i int) int {
	for i < len(rs) && unicode.IsSpace(rs[i]) {
		i++
	}
	return i
}

// unreadSpan trims separators from rs[start:end] and reports it if it
// looks like part of a citation.
func unreadSpan(rs []rune, start, end int) (Span, bool) {
	trim := func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("；;、，,。：:", r) }
	for start < end && trim(rs[start]) {
		start++
	}
	for end > start && trim(rs[end-1]) {
		end--
	}
	s := string(rs[start:end])
	if !strings.ContainsAny(s, "《》第条款项0123456789０１２３４５６７８９") {
		return Span{}, false
	}
	return Span{Text: s, Start: start, End: end}, true
}
