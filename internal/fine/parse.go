package fine

import (
	"slices"
	"strings"
	"unicode"

	"sunlight/internal/cnum"
	"sunlight/internal/par"
)

// Parse reads the penalties, measures and notes in text. See the package
// documentation for the accepted forms. Offsets in the result count runes.
func Parse(text string) Result {
	p := &parser{rs: []rune(text)}
	for _, s := range p.split(span{0, len(p.rs)}, isSentenceSep) {
		p.sentence(s)
	}
	return p.res
}

type parser struct {
	rs  []rune
	res Result
}

// span is a half-open rune range [start, end).
type span struct{ start, end int }

func (p *parser) text(s span) string { return string(p.rs[s.start:s.end]) }

func (p *parser) spanOf(s span) Span {
	return Span{Text: p.text(s), Start: s.start, End: s.end}
}

func isSentenceSep(r rune) bool {
	switch r {
	case '。', '；', ';', '\n', '\r', '！', '？':
		return true
	}
	return false
}

func isClauseSep(r rune) bool {
	switch r {
	case '，', ',', '：', ':':
		return true
	}
	return false
}

func isOpen(r rune) bool {
	switch r {
	case '（', '(', '[', '【', '〔', '［':
		return true
	}
	return false
}

func isClose(r rune) bool {
	switch r {
	case '）', ')', ']', '】', '〕', '］':
		return true
	}
	return false
}

// split cuts s at separators that are not inside brackets. A line break
// closes any bracket left open.
func (p *parser) split(s span, isSep func(rune) bool) []span {
	var out []span
	depth, from := 0, s.start
	for i := s.start; i < s.end; i++ {
		r := p.rs[i]
		switch {
		case isOpen(r):
			depth++
		case isClose(r):
			if depth > 0 {
				depth--
			}
		case r == '\n':
			depth = 0
		}
		if r == ',' && i > s.start && i+1 < s.end && isDigit(p.rs[i-1]) && isDigit(p.rs[i+1]) {
			continue // 10,000
		}
		if p.rangeComma(i, s.end) {
			continue // 一万元以上，五万元以下
		}
		if depth == 0 && isSep(r) {
			out = append(out, span{from, i})
			from = i + 1
		}
	}
	return append(out, span{from, s.end})
}

// rangeComma reports whether the comma at i sits inside a range, between
// 以上 and the second amount.
func (p *parser) rangeComma(i, end int) bool {
	if i >= end || (p.rs[i] != '，' && p.rs[i] != ',') || i < 2 || !p.at(i-2, end, "以上") {
		return false
	}
	k := i + 1
	for k < end && p.rs[k] == ' ' {
		k++
	}
	return k < end && (cnum.IsNumeralRune(p.rs[k]) || p.at(k, end, "百分之"))
}

func (p *parser) trim(s span) span {
	for s.start < s.end && unicode.IsSpace(p.rs[s.start]) {
		s.start++
	}
	for s.end > s.start && unicode.IsSpace(p.rs[s.end-1]) {
		s.end--
	}
	return s
}

// at reports whether the runes at i (before end) spell w.
func (p *parser) at(i, end int, w string) bool {
	for _, r := range w {
		if i >= end || p.rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// atAny returns the length in runes of the first word of ws found at i,
// or 0.
func (p *parser) atAny(i, end int, ws ...string) int {
	for _, w := range ws {
		if p.at(i, end, w) {
			return len([]rune(w))
		}
	}
	return 0
}

func (p *parser) sentence(s span) {
	cond := ""
	for _, c := range p.split(s, isClauseSep) {
		c = p.trim(c)
		if c.start == c.end {
			continue
		}
		if k := p.condSplit(c); k > 0 {
			cond = p.text(span{c.start, k})
			c = p.trim(span{k, c.end})
			if c.start == c.end {
				continue
			}
		}
		if p.isCondition(c) {
			cond = p.text(c)
			continue
		}
		p.clause(c, cond)
	}
}

// connectors may start a clause or join penalties.
var connectors = []string{"并且", "同时", "以及", "或者", "并", "且", "或", "和", "及", "与", "、", "另", "再"}

func (p *parser) skipConnectors(i, end int) int {
	for {
		n := p.atAny(i, end, connectors...)
		if n == 0 {
			return i
		}
		i += n
	}
}

// verbChu reports whether 处 at i is the verb "impose" rather than part of
// 处罚, 处理, 处分, 处置 or 处所.
func (p *parser) verbChu(i, end int) bool {
	if i >= end || p.rs[i] != '处' {
		return false
	}
	if i+1 < end {
		switch p.rs[i+1] {
		case '理', '分', '置', '所':
			return false
		case '罚':
			return p.at(i+1, end, "罚款")
		}
	}
	return true
}

// verbWords start the penalty part of a clause.
var verbWords = []string{"罚款", "没收", "吊销", "暂扣", "给予", "予以", "警告", "通报批评", "降低", "责令", "限期", "限制", "行政拘留", "拘留", "取缔", "取消"}

// startsPenalty reports whether clause c starts with a penalty verb, so
// that it is not a condition even if it ends in 的.
func (p *parser) startsPenalty(c span) bool {
	i := p.skipConnectors(c.start, c.end)
	if p.verbChu(i, c.end) || p.atAny(i, c.end, verbWords...) > 0 {
		return true
	}
	if p.atAny(i, c.end, "可以", "可") > 0 {
		return true
	}
	if i < c.end && p.rs[i] == '对' {
		return p.findVerb(i+1, c.end) >= 0
	}
	return false
}

// findVerb returns the first position in [i, end) where the penalty part
// of a clause starts (处, 给予, 罚款 …), or -1.
func (p *parser) findVerb(i, end int) int {
	for ; i < end; i++ {
		if p.verbChu(i, end) || p.atAny(i, end, verbWords...) > 0 {
			return i
		}
	}
	return -1
}

// condSplit finds "…的" directly followed by a penalty verb inside a
// clause that does not itself start with one ("情节严重的处一万元罚款"),
// and returns the offset just after 的, or -1.
func (p *parser) condSplit(c span) int {
	if p.startsPenalty(c) {
		return -1
	}
	for k := c.start + 1; k+1 < c.end; k++ {
		if p.rs[k] != '的' {
			continue
		}
		j := k + 1
		if p.verbChu(j, c.end) || p.atAny(j, c.end, "可以", "可处", "可并", "并处", "并可", "没收", "吊销", "责令", "给予", "予以", "限期", "暂扣") > 0 {
			return j
		}
		if p.rs[j] == '对' && p.findVerb(j+1, c.end) >= 0 {
			return j
		}
	}
	return -1
}

// isCondition reports whether clause c is a condition: it ends in 的
// (ignoring trailing bracketed remarks) and does not start with a verb.
func (p *parser) isCondition(c span) bool {
	e := c.end
	for e > c.start {
		r := p.rs[e-1]
		if unicode.IsSpace(r) {
			e--
			continue
		}
		if isClose(r) {
			o := p.openBefore(c.start, e-1)
			if o < 0 {
				break
			}
			e = o
			continue
		}
		break
	}
	return e > c.start && p.rs[e-1] == '的' && !p.startsPenalty(c)
}

// openBefore returns the position of the bracket that the closing bracket
// at cl matches, searching back to from, or -1.
func (p *parser) openBefore(from, cl int) int {
	depth := 0
	for k := cl; k >= from; k-- {
		switch {
		case isClose(p.rs[k]):
			depth++
		case isOpen(p.rs[k]):
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

// closeAfter returns the position of the bracket closing the one at op,
// or end if there is none.
func (p *parser) closeAfter(op, end int) int {
	depth := 0
	for k := op; k < end; k++ {
		switch {
		case isOpen(p.rs[k]):
			depth++
		case isClose(p.rs[k]):
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return end
}

// item is something found in a clause.
type item struct {
	pen     Penalty
	amount  bool // a 罚款 or 行政拘留 (dropped if the clause fails)
	measure bool
}

// clauseState is the state of reading one clause.
type clauseState struct {
	c      span
	cond   string
	target string
	anchor int // where the text before the next amount starts
	items  []item
	failed bool
	// first positions of 每 (per-unit amounts follow it) and of a 可以/可处
	// marker (penalties after it are optional); c.end if none
	every, optional int
}

// clause reads one clause that is not a condition.
func (p *parser) clause(c span, cond string) {
	st := &clauseState{c: c, cond: cond, every: c.end, optional: c.end}
	for k := c.end - 1; k >= c.start; k-- {
		if p.rs[k] == '每' {
			st.every = k
		}
		if p.optionalAt(c.start, k, c.end) {
			st.optional = k
		}
	}
	i := p.skipListMarker(c.start, c.end)
	st.anchor = i
	if j := p.skipConnectors(i, c.end); j < c.end && p.rs[j] == '对' {
		if v := p.findVerb(j+1, c.end); v >= 0 {
			st.target = targetOf(string(p.rs[j+1 : v]))
			i, st.anchor = v, v
		}
	}
	for i < c.end {
		i = p.step(st, i)
	}
	p.finish(st)
}

// step reads whatever starts at i and returns the position after it.
func (p *parser) step(st *clauseState, i int) int {
	end := st.c.end
	r := p.rs[i]
	switch {
	case r == '…' || r == '⋯' || p.at(i, end, "..."):
		st.failed = true // elided text: 处以……的罚款
		return i + 1
	case isOpen(r):
		cl := p.closeAfter(i, end)
		if p.hasAmount(i+1, cl) {
			st.failed = true
		}
		return cl + 1
	case r == '第':
		if j := p.reference(i, end); j > i {
			return j
		}
	case r == '对' && i > st.c.start && strings.ContainsRune("、并", p.rs[i-1]):
		// a new target inside the clause: "…、对法人处…"
		if v := p.findVerb(i+1, end); v >= 0 {
			st.target = targetOf(string(p.rs[i+1 : v]))
			st.anchor = v
			return v
		}
	case p.verbChu(i, end):
		n := 1
		if p.at(i, end, "处以") {
			n = 2
		}
		st.anchor = i + n
		return i + n
	case p.atAny(i, end, "按照", "按") > 0:
		n := p.atAny(i, end, "按照", "按")
		st.anchor = i + n
		return i + n
	}
	if j := p.keyword(st, i); j > i {
		st.anchor = j
		return j
	}
	if j := p.measure(st, i); j > i {
		st.anchor = j
		return j
	}
	if j := p.amountItem(st, i); j > i {
		st.anchor = j
		return j
	}
	return i + 1
}

// skipListMarker skips "（一）", "(1)", "1.", "1、", "一、" at the start of
// a clause.
func (p *parser) skipListMarker(i, end int) int {
	if i < end && isOpen(p.rs[i]) {
		cl := p.closeAfter(i, end)
		if cl < end {
			if v, n := cnum.ScanRunes(p.rs[i+1 : cl]); n > 0 && n == cl-i-1 && v >= 0 {
				return cl + 1
			}
		}
		return i
	}
	_, n := cnum.ScanRunes(p.rs[i:end])
	if n > 0 && i+n < end {
		switch p.rs[i+n] {
		case '、', '.', '．':
			return i + n + 1
		}
	}
	return i
}

// reference skips a reference such as 第一款, 第（二）项, 第二次 at i and
// returns the position after it, or i.
func (p *parser) reference(i, end int) int {
	k := i + 1
	if k < end && isOpen(p.rs[k]) {
		k++
	}
	_, n := cnum.ScanRunes(p.rs[k:end])
	if n == 0 {
		return i
	}
	k += n
	if k < end && isClose(p.rs[k]) {
		k++
	}
	if k < end && strings.ContainsRune("条款项目章节类次批号", p.rs[k]) {
		k++
	}
	return k
}

// hasAmount reports whether [i, end) contains something that looks like
// an amount (a numeral with a unit, an Arabic number, 百分之).
func (p *parser) hasAmount(i, end int) bool {
	for k := i; k < end; k++ {
		if p.atAny(k, end, "百分之", "千分之") > 0 {
			return true
		}
		if !cnum.IsNumeralRune(p.rs[k]) || (k > i && cnum.IsNumeralRune(p.rs[k-1])) {
			continue
		}
		a := p.amountTok(k, end, false)
		if a.status != notAmount {
			return true
		}
	}
	return false
}

// keyword reads a penalty named by a word (警告, 没收…, 吊销…, 罚款 …)
// at i and returns the position after it, or i.
func (p *parser) keyword(st *clauseState, i int) int {
	end := st.c.end
	add := func(typ string, from, to int) {
		st.items = append(st.items, item{pen: p.penalty(st, typ, span{from, to})})
	}
	switch {
	case p.at(i, end, "罚款") && p.atAny(i+2, end, "数额", "处罚") == 0:
		return p.fineFirst(st, i, TypeFine, 2)
	case p.at(i, end, "行政拘留"):
		return p.fineFirst(st, i, TypeDetention, 4)
	case p.at(i, end, "拘留"):
		return p.fineFirst(st, i, TypeDetention, 2)
	case p.at(i, end, "没收") && !p.at(i+2, end, "的"):
		return p.confiscate(st, i)
	case p.at(i, end, "吊销"):
		j := p.nounEnd(i+2, end)
		add(TypeRevoke, i, j)
		return j
	case p.at(i, end, "暂扣"):
		j := p.nounEnd(i+2, end)
		add(TypeSuspendCert, i, j)
		return j
	case p.at(i, end, "降低"):
		if j := p.find(i+2, end, "等级", 8); j > 0 {
			add(TypeDowngrade, i, j)
			return j
		}
	case p.at(i, end, "取消"):
		if j := p.find(i+2, end, "资格", 12); j > 0 {
			add(TypeOther, i, j)
			return j
		}
		if j := p.find(i+2, end, "资质", 12); j > 0 {
			add(TypeOther, i, j)
			return j
		}
	case p.at(i, end, "关闭"):
		j := i + 2
		if j == end || p.atAny(j, end, connectors...) > 0 {
			add(TypeClose, i, j)
			return j
		}
	}
	for _, w := range literalPenalties {
		if p.at(i, end, w.word) {
			j := i + len([]rune(w.word))
			add(w.typ, i, j)
			return j
		}
	}
	return i
}

// literalPenalties are penalties named by a fixed phrase, longest first
// where one is a prefix of another.
var literalPenalties = []struct{ word, typ string }{
	{"警告", TypeWarning},
	{"通报批评", TypeCriticism},
	{"限制开展生产经营活动", TypeRestrict},
	{"限制生产经营", TypeRestrict},
	{"限制生产", TypeRestrict},
	{"责令停产停业", TypeSuspend},
	{"责令停产整顿", TypeSuspend},
	{"责令停产整治", TypeSuspend},
	{"责令停业整顿", TypeSuspend},
	{"责令停业整治", TypeSuspend},
	{"责令停工整治", TypeSuspend},
	{"责令停产", TypeSuspend},
	{"责令停业", TypeSuspend},
	{"责令停工", TypeSuspend},
	{"停产停业", TypeSuspend},
	{"停产整顿", TypeSuspend},
	{"停产整治", TypeSuspend},
	{"停业整顿", TypeSuspend},
	{"停业整治", TypeSuspend},
	{"停工整治", TypeSuspend},
	{"停产", TypeSuspend},
	{"停业", TypeSuspend},
	{"责令关闭", TypeClose},
	{"予以关闭", TypeClose},
	{"限制从业", TypeBan},
	{"禁止从业", TypeBan},
	{"予以取缔", TypeOther},
	{"取缔", TypeOther},
}

// find returns the position after the first w in [i, min(end, i+within+len(w))),
// or -1. It does not look past a clause-level separator.
func (p *parser) find(i, end int, w string, within int) int {
	lim := i + within
	for k := i; k <= lim && k < end; k++ {
		if p.rs[k] == '、' {
			return -1
		}
		if p.at(k, end, w) {
			return k + len([]rune(w))
		}
	}
	return -1
}

// nounEnd returns the end of the certificate named after 吊销 or 暂扣:
// through the first 证, 照 or 资格 (with a following 书, 件 or 照), or up
// to the next connector.
func (p *parser) nounEnd(i, end int) int {
	for k := i; k < end && k < i+20; k++ {
		if p.at(k, end, "资格") {
			return k + 2
		}
		if p.rs[k] == '证' || p.rs[k] == '照' {
			k++
			if k < end && strings.ContainsRune("书件照", p.rs[k]) {
				k++
			}
			return k
		}
	}
	k := i
	for k < end && p.atAny(k, end, "并", "或者", "、", "，") == 0 {
		k++
	}
	return k
}

// confiscate reads 没收 and its objects: 违法所得 (or 违法收入, 非法所得)
// gives 没收违法所得, anything else 没收非法财物.
func (p *parser) confiscate(st *clauseState, i int) int {
	end := st.c.end
	j := i + 2
	for j < end {
		if p.verbChu(j, end) || p.at(j, end, "并") || p.at(j, end, "可以") {
			break
		}
		if n := p.atAny(j, end, "或者", "和", "及", "、"); n > 0 && p.isPenaltyStart(j+n, end) {
			break
		}
		j++
	}
	obj := string(p.rs[i+2 : j])
	s := span{i, j}
	income, goods := -1, -1
	parts := strings.FieldsFunc(obj, func(r rune) bool { return strings.ContainsRune("、和及与", r) })
	for _, part := range splitOr(parts) {
		if strings.Contains(part, "违法所得") || strings.Contains(part, "违法收入") || strings.Contains(part, "非法所得") {
			if income < 0 {
				income = strings.Index(obj, part)
			}
		} else if strings.TrimSpace(part) != "" && goods < 0 {
			goods = strings.Index(obj, part)
		}
	}
	if income < 0 && goods < 0 {
		st.failed = true // "予以没收": what is confiscated is not said
		return j
	}
	add := func(typ string) { st.items = append(st.items, item{pen: p.penalty(st, typ, s)}) }
	switch {
	case income >= 0 && (goods < 0 || income < goods):
		add(TypeConfiscate)
		if goods >= 0 {
			add(TypeSeize)
		}
	default:
		add(TypeSeize)
		if income >= 0 {
			add(TypeConfiscate)
		}
	}
	return j
}

func splitOr(parts []string) []string {
	var out []string
	for _, s := range parts {
		out = append(out, strings.Split(s, "或者")...)
	}
	return out
}

// isPenaltyStart reports whether a penalty keyword starts at i.
func (p *parser) isPenaltyStart(i, end int) bool {
	if p.atAny(i, end, "罚款", "没收", "吊销", "暂扣", "降低", "警告", "拘留", "行政拘留") > 0 {
		return true
	}
	for _, w := range literalPenalties {
		if p.at(i, end, w.word) {
			return true
		}
	}
	return false
}

// measureWords start a measure that is not a penalty.
var measureWords = []string{"责令", "限期", "恢复", "拆除", "退还", "采取补救措施", "消除"}

// measure reads a measure (责令改正, 限期拆除 …) at i and returns the
// position after it, or i. Numbers inside a measure (限期十五日内) are
// part of it.
func (p *parser) measure(st *clauseState, i int) int {
	end := st.c.end
	n := p.atAny(i, end, measureWords...)
	if n == 0 {
		return i
	}
	j := i + n
	for j < end {
		if p.verbChu(j, end) || p.isPenaltyStart(j, end) {
			break
		}
		if sep := p.atAny(j, end, "或者", "并", "、", "和", "及", "或"); sep > 0 {
			k := j + sep
			if p.verbChu(k, end) || p.isPenaltyStart(k, end) || p.atAny(k, end, measureWords...) > 0 || p.atAny(k, end, "可以", "可") > 0 {
				break
			}
		}
		j++
	}
	s := span{i, j}
	st.items = append(st.items, item{measure: true, pen: Penalty{Text: p.text(s), Start: s.start, End: s.end}})
	return j
}

// penalty makes a penalty of type typ from span s of clause st.
func (p *parser) penalty(st *clauseState, typ string, s span) Penalty {
	return Penalty{
		Type:      typ,
		Target:    st.target,
		Optional:  st.optional < s.start,
		Condition: st.cond,
		Text:      p.text(s),
		Start:     s.start,
		End:       s.end,
	}
}

// optionalAt reports whether 可 at k (in a clause from start to end) is
// a 可以, 可处, 可并 or 并可 marker (but not 许可, 认可 …).
func (p *parser) optionalAt(start, k, end int) bool {
	if p.rs[k] != '可' {
		return false
	}
	if k > start && strings.ContainsRune("许认不尚即", p.rs[k-1]) {
		return false
	}
	if k+1 < end && strings.ContainsRune("以处并", p.rs[k+1]) {
		return true
	}
	return k > start && p.rs[k-1] == '并'
}

// finish turns the items of a clause into results.
func (p *parser) finish(st *clauseState) {
	// "一万元以上罚款，五万元以下" reads as two half ranges of one fine:
	// do not guess, report the clause.
	for k := 1; k < len(st.items); k++ {
		a, b := st.items[k-1], st.items[k]
		if a.amount && b.amount && a.pen.Min != nil && a.pen.Max == nil && b.pen.Min == nil && b.pen.Max != nil {
			st.failed = true
		}
	}
	found := false
	for _, it := range st.items {
		switch {
		case it.measure:
			p.res.Measures = append(p.res.Measures, Span{Text: it.pen.Text, Start: it.pen.Start, End: it.pen.End})
			found = true
		case it.amount && st.failed:
			// dropped: the clause is reported as unparsed
		default:
			p.res.Penalties = append(p.res.Penalties, it.pen)
			found = true
		}
	}
	if st.failed {
		p.res.Unparsed = append(p.res.Unparsed, p.spanOf(st.c))
		return
	}
	if !found && p.isNote(st.c) {
		p.res.Notes = append(p.res.Notes, p.text(st.c))
	}
}

var noteWords = []string{"赔偿", "刑事责任", "处分", "治安管理处罚", "连续处罚", "依法处理", "依法处罚", "依法予以处罚",
	"不予行政处罚", "不予处罚", "免予处罚", "免予行政处罚"}

func (p *parser) isNote(c span) bool {
	s := p.text(c)
	for _, w := range noteWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// targetOf maps the words between 对 and the verb to a target.
func targetOf(s string) string {
	if strings.HasSuffix(s, "人员") {
		return TargetPerson
	}
	unit := containsAny(s, "单位", "法人", "组织", "企业")
	person := containsAny(s, "个人", "公民", "自然人", "责任人")
	switch {
	case unit && !person:
		return TargetUnit
	case person && !unit:
		return TargetPerson
	}
	return ""
}

func containsAny(s string, ws ...string) bool {
	for _, w := range ws {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// Memo remembers the results of [Parse] by text, so that a live preview
// that analyses every benchmark after each edit reads only the texts that
// changed. The zero value is ready to use; it is not safe for concurrent
// use. A nil *Memo parses every time.
type Memo struct {
	results map[string]Result
}

// Parse returns Parse(text), from memory when text was parsed before. The
// result is the caller's own: its slices and pointers are fresh copies.
func (m *Memo) Parse(text string) Result {
	if m == nil {
		return Parse(text)
	}
	r, ok := m.results[text]
	if !ok {
		r = Parse(text)
		if m.results == nil {
			m.results = map[string]Result{}
		}
		m.results[text] = r
	}
	return r.clone()
}

// Prefill parses the texts the memo has not seen, on every core at once,
// so that the Parse calls that follow (on one goroutine, as a Memo must
// be used) find them: analysing a large portal's benchmarks is mostly
// parsing their tiers.
func (m *Memo) Prefill(texts []string) {
	if m.results == nil {
		m.results = map[string]Result{}
	}
	var todo []string
	seen := map[string]bool{}
	for _, t := range texts {
		if _, done := m.results[t]; !done && !seen[t] {
			seen[t] = true
			todo = append(todo, t)
		}
	}
	results := make([]Result, len(todo))
	par.Do(len(todo), 0, func(i int) { results[i] = Parse(todo[i]) })
	for i, t := range todo {
		m.results[t] = results[i]
	}
}

func (r Result) clone() Result {
	c := Result{Measures: slices.Clone(r.Measures), Unparsed: slices.Clone(r.Unparsed), Notes: slices.Clone(r.Notes)}
	if r.Penalties != nil {
		c.Penalties = make([]Penalty, len(r.Penalties))
		for i, p := range r.Penalties {
			if p.Min != nil {
				p.Min = new(*p.Min)
			}
			if p.Max != nil {
				p.Max = new(*p.Max)
			}
			c.Penalties[i] = p
		}
	}
	return c
}
