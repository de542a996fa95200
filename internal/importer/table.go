package importer

import (
	"regexp"
)

// column is one column of a table and the field it was mapped to.
type column struct {
	index  int
	header string // as shown in reports: "上/下" for a two-row header
	field  string // "" when unknown, Ignore when dropped on purpose
	rank   int
}

// table is a sheet with its header found and its columns mapped.
type table struct {
	s       *sheet
	kind    string
	cols    []column
	byField map[string]int // field → column index
	header  int            // grid index of the (first) header row
	first   int            // grid index of the first data row
	title   string         // text of a title row above the header
}

const headerScan = 20 // rows searched for the header

// newTable finds the header of s (the row, among the first 20, whose
// cells select the most fields; at least two) and maps its columns. A
// second header row below it is recognised when every non-empty cell in it
// is a header (selects a field), repeats the cell above (a merged header
// cell) or sits under a header cell that spans several columns.
func newTable(s *sheet, kind string, user map[string]string) (*table, bool) {
	best, bestScore := -1, 1
	for r := 0; r < len(s.cells) && r < headerScan; r++ {
		seen := map[string]bool{}
		for c := range s.cells[r] {
			if m, ok := matchHeader(kind, s.cell(r, c), user); ok && m.field != Ignore {
				seen[m.field] = true
			}
		}
		if len(seen) > bestScore {
			best, bestScore = r, len(seen)
		}
	}
	if best < 0 {
		return nil, false
	}
	t := &table{s: s, kind: kind, header: best, first: best + 1, byField: map[string]int{}}
	for r := 0; r < best; r++ {
		if v := singleValue(s.cells[r]); v != "" && t.title == "" {
			t.title = v
		}
	}
	two := t.isSubHeader(best+1, user)
	if two {
		t.first = best + 2
	}
	width := 0
	for r := best; r < t.first; r++ {
		width = max(width, len(s.cells[r]))
	}
	for c := 0; c < width; c++ {
		top := s.cell(best, c)
		if two && top == "" && s.mergeID(best, c) == 0 {
			// a CSV header spanning columns leaves the cells right of its
			// first one empty
			for k := c - 1; k >= 0 && top == ""; k-- {
				if s.cell(best+1, k) == "" {
					break
				}
				top = s.cell(best, k)
			}
		}
		sub := ""
		if two && s.cell(best+1, c) != top {
			sub = s.cell(best+1, c)
		}
		col := column{index: c, header: top}
		var cands []string
		switch {
		case sub != "" && top != "":
			col.header = top + "/" + sub
			cands = []string{sub, top + sub, top}
		case sub != "":
			col.header = sub
			cands = []string{sub}
		default:
			cands = []string{top}
		}
		for _, h := range cands {
			if m, ok := matchHeader(kind, h, user); ok {
				col.field, col.rank = m.field, m.rank
				break
			}
		}
		if col.header == "" {
			continue
		}
		t.cols = append(t.cols, col)
	}
	// one column per field: the best-ranked synonym wins
	for i := range t.cols {
		c := &t.cols[i]
		if c.field == "" || c.field == Ignore {
			continue
		}
		if j, dup := t.byField[c.field]; dup {
			o := &t.cols[t.colPos(j)]
			if c.rank < o.rank {
				o.field = ""
				t.byField[c.field] = c.index
			} else {
				c.field = ""
			}
			continue
		}
		t.byField[c.field] = c.index
	}
	return t, true
}

func (t *table) colPos(index int) int {
	for i, c := range t.cols {
		if c.index == index {
			return i
		}
	}
	return -1
}

func (t *table) isSubHeader(r int, user map[string]string) bool {
	s := t.s
	if r >= len(s.cells) {
		return false
	}
	nonEmpty, differs := 0, false
	for c, v := range s.cells[r] {
		if v == "" {
			continue
		}
		nonEmpty++
		above := s.cell(r-1, c)
		m, isHeader := matchHeader(t.kind, v, user)
		isHeader = isHeader && m.rank < 200 // not "contains a synonym"
		switch {
		case v == above:
		case isHeader, s.hspan(r-1, c), above == "" && s.mergeID(r-1, c) == 0:
			differs = true
		default:
			return false
		}
	}
	return nonEmpty > 0 && (differs || s.mergeID(r, 0) != 0)
}

// singleValue returns the only distinct non-empty value of a row, or "".
func singleValue(cells []string) string {
	v := ""
	for _, c := range cells {
		if c == "" {
			continue
		}
		if v != "" && c != v {
			return ""
		}
		v = c
	}
	return v
}

// row is one data row of a table.
type row struct {
	t     *table
	index int // grid index
	num   int // source row number
	cells []string
}

// get returns the cell of a field, or "".
func (r row) get(f string) string {
	c, ok := r.t.byField[f]
	if !ok || c >= len(r.cells) {
		return ""
	}
	return r.cells[c]
}

func (t *table) has(f string) bool { _, ok := t.byField[f]; return ok }

// rowKind classifies a grid row.
type rowKind int

const (
	rowData rowKind = iota
	rowBlank
	rowHeader  // the header repeated (a table printed over several pages)
	rowNote    // 备注：…, 注：…, and single-cell rows after one
	rowHeading // a section heading such as 一、行政许可
	rowOdd     // a single cell that is neither: reported
)

var (
	noteRe    = regexp.MustCompile(`^(备注|注|说明|附注|填表说明)\s*[0-9一二三四五六七八九十①②③]*\s*[:：]|^(填表说明|附注)`)
	headingRe = regexp.MustCompile(`^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[)）]|第[一二三四五六七八九十0-9]+(部分|章|节|类)|[A-Z][、.．])|(类|事项|清单|目录|基准)\s*([（(][^）)]*[)）])?$`)
	numberRe  = regexp.MustCompile(`^[0-9０-９.\-]+$`)
)

func (t *table) classify(r int, inNotes bool) (rowKind, string) {
	cells := t.s.cells[r]
	first := ""
	n := 0
	for _, c := range cells {
		if c != "" {
			if first == "" {
				first = c
			}
			n++
		}
	}
	if n == 0 {
		return rowBlank, ""
	}
	if noteRe.MatchString(first) {
		return rowNote, first
	}
	if t.sameAsHeader(r) {
		return rowHeader, ""
	}
	if v := singleValue(cells); v != "" && (n == 1 || t.s.hspan(r, t.firstIndex(cells))) && len(t.cols) > 2 {
		switch {
		case n == 1 && listFields[t.fieldAt(t.firstIndex(cells))] && !inNotes:
			return rowData, "" // one more item of a list cell split over rows
		case inNotes:
			return rowNote, v
		case numberRe.MatchString(v):
			return rowOdd, v
		case headingRe.MatchString(v) || categoryIn(v) != "":
			return rowHeading, v
		}
		return rowOdd, v
	}
	return rowData, ""
}

// listFields are fields whose items may continue on rows of their own.
var listFields = map[string]bool{"measures": true, "conditions": true, "materials": true, "responsibilities": true,
	"accountabilities": true, "manifestation": true}

func (t *table) fieldAt(index int) string {
	for _, c := range t.cols {
		if c.index == index {
			return c.field
		}
	}
	return ""
}

func (t *table) firstIndex(cells []string) int {
	for i, c := range cells {
		if c != "" {
			return i
		}
	}
	return 0
}

func (t *table) sameAsHeader(r int) bool {
	match := 0
	for _, c := range t.cols {
		v := t.s.cell(r, c.index)
		if v == "" {
			continue
		}
		if v != t.s.cell(t.header, c.index) && v != t.s.cell(t.first-1, c.index) {
			return false
		}
		match++
	}
	return match >= 2
}

// ditto reports whether a cell says "same as above".
func ditto(v string) bool {
	switch v {
	case "同上", "(同上)", "（同上）", "〃", "\"", "”":
		return true
	}
	return false
}

// rows returns the data rows, with "同上" cells replaced by the value
// above, and records notes and headings through the callbacks.
func (t *table) rows(note func(num int, text string), heading func(num int, text string), odd func(num int, text string)) []row {
	var out []row
	inNotes := false
	var prev []string
	for r := t.first; r < len(t.s.cells); r++ {
		k, text := t.classify(r, inNotes)
		num := t.s.rows[r]
		switch k {
		case rowBlank, rowHeader:
			continue
		case rowNote:
			inNotes = true
			note(num, text)
			continue
		case rowHeading:
			heading(num, text)
			continue
		case rowOdd:
			odd(num, text)
			continue
		}
		inNotes = false
		cells := append([]string(nil), t.s.cells[r]...)
		for c, v := range cells {
			if ditto(v) && c < len(prev) {
				cells[c] = prev[c]
			}
		}
		prev = cells
		out = append(out, row{t: t, index: r, num: num, cells: cells})
	}
	return out
}
