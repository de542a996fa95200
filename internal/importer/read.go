package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"sunlight/internal/textenc"
)

// sheet is one table as a grid of cell texts, merged cells expanded.
type sheet struct {
	name  string
	cells [][]string
	rows  []int     // source row (xlsx) or line (csv) of each grid row, 1-based
	merge [][]int32 // merge range id of each cell (xlsx), 0 when not merged
	enc   string    // encoding of a CSV file
}

func (s *sheet) cell(r, c int) string {
	if r < 0 || r >= len(s.cells) || c < 0 || c >= len(s.cells[r]) {
		return ""
	}
	return s.cells[r][c]
}

func (s *sheet) mergeID(r, c int) int32 {
	if r < 0 || r >= len(s.merge) || c < 0 || c >= len(s.merge[r]) {
		return 0
	}
	return s.merge[r][c]
}

// hspan reports whether cell (r, c) belongs to a merged range that is
// wider than one column.
func (s *sheet) hspan(r, c int) bool {
	id := s.mergeID(r, c)
	return id != 0 && (s.mergeID(r, c-1) == id || s.mergeID(r, c+1) == id)
}

// readSheets reads the sheets of an .xlsx or .csv file. only selects one
// sheet of a workbook by name.
func readSheets(path string, data []byte, only string) ([]*sheet, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return readXLSX(data, only)
	case ".csv", ".txt":
		s, err := readCSV(data, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
		if err != nil {
			return nil, err
		}
		return []*sheet{s}, nil
	case ".xls":
		return nil, errors.New("不支持旧版 Excel(.xls)文件;请在 Excel 或 WPS 中另存为 .xlsx 后再导入")
	}
	return nil, fmt.Errorf("不支持的文件类型 %q;可导入 .xlsx 和 .csv", filepath.Ext(path))
}

func readXLSX(data []byte, only string) ([]*sheet, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("无法读取 Excel 文件: %w", err)
	}
	defer f.Close()
	names := f.GetSheetList()
	if only != "" {
		found := false
		for _, n := range names {
			if n == only {
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("工作表 %q 不存在;文件中的工作表: %s", only, strings.Join(names, "、"))
		}
	}
	var out []*sheet
	for _, name := range names {
		if only != "" && name != only {
			continue
		}
		if only == "" {
			if visible, err := f.GetSheetVisible(name); err == nil && !visible {
				continue
			}
		}
		s, err := readWorksheet(f, name)
		if err != nil {
			return nil, fmt.Errorf("工作表 %q: %w", name, err)
		}
		out = append(out, s)
	}
	return out, nil
}

func readWorksheet(f *excelize.File, name string) (*sheet, error) {
	rows, err := f.GetRows(name)
	if err != nil {
		return nil, err
	}
	s := &sheet{name: name}
	for i, r := range rows {
		cells := make([]string, len(r))
		for j, v := range r {
			cells[j] = cleanCell(v)
		}
		s.cells = append(s.cells, cells)
		s.rows = append(s.rows, i+1)
	}
	merges, err := f.GetMergeCells(name)
	if err != nil {
		return nil, err
	}
	for id, m := range merges {
		c0, r0, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		v := cleanCell(m.GetCellValue())
		for r := r0 - 1; r <= r1-1; r++ {
			for len(s.cells) <= r {
				s.rows = append(s.rows, len(s.cells)+1)
				s.cells = append(s.cells, nil)
			}
			for len(s.merge) <= r {
				s.merge = append(s.merge, nil)
			}
			for c := c0 - 1; c <= c1-1; c++ {
				for len(s.cells[r]) <= c {
					s.cells[r] = append(s.cells[r], "")
				}
				for len(s.merge[r]) <= c {
					s.merge[r] = append(s.merge[r], 0)
				}
				s.cells[r][c] = v
				s.merge[r][c] = int32(id + 1)
			}
		}
	}
	return s, nil
}

// readCSV decodes a CSV file in UTF-8 (with or without BOM), GBK/GB18030
// or UTF-16 and splits it into cells. The separator is a comma, or a tab
// or semicolon when the first line has more of those.
func readCSV(data []byte, name string) (*sheet, error) {
	text, enc, err := textenc.ToUTF8(data)
	if err != nil {
		var ee *textenc.EncodingError
		if errors.As(err, &ee) {
			return nil, fmt.Errorf("第 %d 行: %s;%s", ee.Line, ee.Error(), "请用 Excel 另存为“CSV UTF-8”或 .xlsx")
		}
		return nil, fmt.Errorf("无法转换编码: %w", err)
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = sniffComma(text)
	r.Comment = '#'
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	s := &sheet{name: name, enc: enc}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("CSV 格式错误: %w", err)
		}
		line, _ := r.FieldPos(0)
		cells := make([]string, len(rec))
		for i, v := range rec {
			cells[i] = cleanCell(v)
		}
		s.cells = append(s.cells, cells)
		s.rows = append(s.rows, line)
	}
	return s, nil
}

func sniffComma(text []byte) rune {
	line := text
	for len(line) > 0 && line[0] == '#' {
		i := bytes.IndexByte(line, '\n')
		if i < 0 {
			break
		}
		line = line[i+1:]
	}
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	commas, tabs, semis := bytes.Count(line, []byte(",")), bytes.Count(line, []byte("\t")), bytes.Count(line, []byte(";"))
	switch {
	case tabs > commas && tabs >= semis:
		return '\t'
	case semis > commas && semis > tabs:
		return ';'
	}
	return ','
}

// cleanCell normalises line breaks and spaces in a cell and trims it.
func cleanCell(v string) string {
	if v == "" {
		return ""
	}
	v = strings.ReplaceAll(v, "_x000D_", "")
	v = strings.ReplaceAll(v, "\r\n", "\n")
	v = strings.ReplaceAll(v, "\r", "\n")
	v = strings.ReplaceAll(v, "\u00a0", " ")
	if strings.Contains(v, "\n") {
		lines := strings.Split(v, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimSpace(l)
		}
		v = strings.Join(lines, "\n")
	}
	return strings.TrimSpace(v)
}
