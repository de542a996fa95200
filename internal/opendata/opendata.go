// Package opendata publishes the portal's content as open data: one CSV
// file and one JSON file per dataset, described by a data dictionary.
//
// # Datasets and URLs
//
//	data/units.csv        data/units.json        单位
//	data/powers.csv       data/powers.json       权力事项(权责清单)
//	data/benchmarks.csv   data/benchmarks.json   裁量基准(每个裁量阶次一行)
//	data/risks.csv        data/risks.json        廉政风险点(事项、流程步骤和防控目录)
//	data/laws.csv         data/laws.json         法律法规
//
// The URLs are stable; columns are only ever added. CSV files are UTF-8
// with a byte-order mark (so Excel opens them with the right encoding),
// RFC 4180 quoting and CRLF line ends; cells may contain line breaks.
// JSON files are {"dataset": name, "columns": [...], "rows": [{...}]} with
// the same column names; numbers are JSON numbers and missing values are
// omitted. Every column is documented in [Datasets], which the data
// dictionary page shows.
package opendata

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"sunlight/internal/bench"
	"sunlight/internal/fine"
	"sunlight/internal/jsonstr"
	"sunlight/internal/model"
	"sunlight/internal/permalink"
)

// Column describes one column of a dataset.
type Column struct {
	Name string // machine name, used in CSV headers and JSON keys
	Type string // string, integer, number, date, boolean
	Desc string // what it holds, in Chinese
}

// Dataset describes one dataset.
type Dataset struct {
	Name    string // file name without extension
	Title   string
	Desc    string
	Columns []Column
	rows    func(s *model.Site, an *bench.Analysis, url func(string) string, r *encoder)
}

// Datasets lists every dataset with its columns, in publishing order.
func Datasets() []Dataset {
	return []Dataset{
		{
			Name: "units", Title: "单位", Desc: "发布权责清单和廉政风险防控信息的单位。",
			Columns: []Column{
				{"id", "string", "单位编号(网址中使用,稳定不变)"},
				{"name", "string", "单位全称"},
				{"short_name", "string", "单位简称"},
				{"type", "string", "单位类型,如 乡镇人民政府、县政府工作部门"},
				{"division_code", "string", "行政区划代码(GB/T 2260)"},
				{"parent", "string", "上级单位编号"},
				{"address", "string", "办公地址"},
				{"phone", "string", "办公电话"},
				{"supervise_phone", "string", "监督电话"},
				{"powers", "integer", "公开的权力事项数"},
				{"published", "date", "发布日期"},
				{"reviewed", "date", "最近审核日期"},
				{"url", "string", "单位页面网址"},
			},
			rows: unitRows,
		},
		{
			Name: "powers", Title: "权力事项", Desc: "各单位权责清单中的每一项行政权力和公共服务事项。",
			Columns: []Column{
				{"code", "string", "事项编码(全站唯一)"},
				{"name", "string", "事项名称"},
				{"sub_name", "string", "子项名称"},
				{"category", "string", "事项类型,如 行政许可、行政处罚"},
				{"category_code", "string", "事项类型代码:XK CF QZ ZS GF JC QR JL CJ QT GG"},
				{"unit", "string", "单位编号"},
				{"unit_name", "string", "单位名称"},
				{"subject", "string", "实施主体"},
				{"office", "string", "承办机构"},
				{"mode", "string", "行使方式:法定、下放、委托 等"},
				{"status", "string", "状态:现行、暂停、取消"},
				{"basis", "string", "法律依据,多条以分号分隔,如 《行政处罚法》第三十四条"},
				{"statutory_days", "integer", "法定办理时限(天)"},
				{"promised_days", "integer", "承诺办理时限(天)"},
				{"day_unit", "string", "时限单位:工作日 或 自然日"},
				{"fee", "string", "收费情况;不收费为 不收费"},
				{"flow", "string", "流程名称"},
				{"benchmark", "string", "裁量基准名称"},
				{"risk_points", "integer", "廉政风险点数(含流程步骤)"},
				{"high_risks", "integer", "高风险点数"},
				{"published", "date", "发布日期"},
				{"reviewed", "date", "最近审核日期"},
				{"url", "string", "事项页面网址"},
			},
			rows: powerRows,
		},
		{
			Name: "benchmarks", Title: "裁量基准", Desc: "行政处罚裁量基准,每个裁量阶次一行;罚款幅度由裁量标准文字解析为数字。",
			Columns: []Column{
				{"benchmark", "string", "裁量基准编号"},
				{"title", "string", "裁量基准名称"},
				{"unit", "string", "单位编号"},
				{"unit_name", "string", "单位名称"},
				{"issuer", "string", "制定机关"},
				{"doc_no", "string", "文号"},
				{"effective", "date", "生效日期"},
				{"expires", "date", "有效期至"},
				{"violation_no", "string", "违法行为序号"},
				{"violation", "string", "违法行为"},
				{"penalty_basis", "string", "处罚依据"},
				{"tier", "integer", "裁量阶次序号(从 1 起)"},
				{"tier_label", "string", "裁量阶次,如 情节轻微"},
				{"tier_kind", "string", "阶次类型,如 从轻处罚"},
				{"conditions", "string", "适用条件,多条以换行分隔"},
				{"standard", "string", "裁量标准原文"},
				{"penalty_types", "string", "处罚种类,以分号分隔,如 警告;罚款"},
				{"fine_min", "number", "罚款下限(元);无固定金额下限时为空"},
				{"fine_max", "number", "罚款上限(元);无固定金额上限时为空"},
				{"fine_multiple_min", "number", "按倍数计算的罚款下限(倍)"},
				{"fine_multiple_max", "number", "按倍数计算的罚款上限(倍)"},
				{"fine_base", "string", "倍数或百分比的计算基数,如 违法所得"},
				{"parsed", "boolean", "裁量标准是否被完整解析"},
				{"url", "string", "裁量基准页面网址"},
			},
			rows: benchmarkRows,
		},
		{
			Name: "risks", Title: "廉政风险点", Desc: "权力事项、流程步骤和单位廉政风险防控目录中的风险点及防控措施。",
			Columns: []Column{
				{"source", "string", "来源:事项、流程 或 防控目录"},
				{"unit", "string", "单位编号"},
				{"unit_name", "string", "单位名称"},
				{"item", "string", "所属事项编码、流程编号或防控目录年度"},
				{"item_name", "string", "所属事项、流程或防控对象名称"},
				{"step", "string", "环节或防控对象类型"},
				{"risk", "string", "风险点"},
				{"level", "string", "风险等级:高、中、低"},
				{"category", "string", "风险类别"},
				{"measures", "string", "防控措施,多条以换行分隔"},
				{"owner", "string", "责任岗位或部门"},
				{"year", "integer", "年度(防控目录)"},
				{"url", "string", "所在页面网址"},
			},
			rows: riskRows,
		},
		{
			Name: "laws", Title: "法律法规", Desc: "权力事项和裁量基准引用的法律法规。",
			Columns: []Column{
				{"id", "string", "法规编号"},
				{"title", "string", "法规全称"},
				{"short_title", "string", "简称"},
				{"level", "string", "效力层级"},
				{"status", "string", "状态:现行、已修订、已废止"},
				{"issuer", "string", "制定机关"},
				{"effective", "date", "施行日期"},
				{"articles", "integer", "收录条文数"},
				{"cited_by", "integer", "引用它的权力事项数"},
				{"url", "string", "法规页面网址"},
			},
			rows: lawRows,
		},
	}
}

// File is one published data file.
type File struct {
	Path string
	Data []byte
}

// Files returns the CSV and JSON files of every dataset. an gives the
// parsed fines of benchmark tiers (author overrides included); url turns a
// site-relative path into the absolute URL written in the url columns.
func Files(s *model.Site, an *bench.Analysis, url func(string) string) []File {
	var out []File
	Write(s, an, url, func(p string) (io.WriteCloser, error) {
		return &memFile{path: p, out: &out}, nil
	})
	return out
}

// memFile is a file of [Files]: closed, it joins the list.
type memFile struct {
	bytes.Buffer
	path string
	out  *[]File
}

func (f *memFile) Close() error {
	*f.out = append(*f.out, File{f.path, f.Bytes()})
	return nil
}

// Write writes the files [Files] returns, in the same order, each dataset
// into its two files row by row as the rows are made: create makes a file,
// and closing it ends the file. Neither the rows nor the files are held in
// memory, so a province's open data (hundreds of megabytes) costs a few
// buffers. It returns the first error of create, a write or a Close.
func Write(s *model.Site, an *bench.Analysis, url func(string) string, create func(path string) (io.WriteCloser, error)) error {
	for _, d := range Datasets() {
		csvPath, jsonPath := d.paths()
		cf, err := create(csvPath)
		if err != nil {
			return err
		}
		jf, err := create(jsonPath)
		if err != nil {
			cf.Close()
			return err
		}
		e := newEncoder(d, cf, jf)
		d.rows(s, an, url, e)
		if err := e.close(); err != nil {
			return err
		}
	}
	return nil
}

// Paths returns the paths of the files [Files] returns, in the same
// order, without computing them.
func Paths() []string {
	var out []string
	for _, d := range Datasets() {
		csvPath, jsonPath := d.paths()
		out = append(out, csvPath, jsonPath)
	}
	return out
}

// paths are the dataset's CSV and JSON files.
func (d Dataset) paths() (csvPath, jsonPath string) {
	return "data/" + d.Name + ".csv", "data/" + d.Name + ".json"
}

// encoder writes a dataset's CSV and JSON files as its rows come.
//
// The JSON file is what encoding/json makes of
//
//	{"dataset": name, "title": title, "columns": [names],
//	 "rows": [map of the row's non-empty values]}
//
// (keys of a row in byte order, HTML-safe escaping), byte for byte, but
// without reflection: the open-data files of a large portal are
// megabytes of rows.
type encoder struct {
	sorted   []int // the columns in byte order of their names: the keys of a JSON row
	columns  []string
	keys     [][]byte       // each column's JSON key and colon, `"name":`
	index    map[string]int // a column's place by its name
	cells    []cell         // the row being written, by column
	rec      []string
	csvFile  io.WriteCloser
	csv      *csv.Writer
	jsonFile io.WriteCloser
	json     *bufio.Writer
	b        []byte // a JSON row
	jsonRows int
}

func newEncoder(d Dataset, csvFile, jsonFile io.WriteCloser) *encoder {
	e := &encoder{csvFile: csvFile, jsonFile: jsonFile, rec: make([]string, len(d.Columns)),
		index: map[string]int{}, cells: make([]cell, len(d.Columns))}
	for i, c := range d.Columns {
		e.columns = append(e.columns, c.Name)
		e.keys = append(e.keys, append(jsonstr.Append(nil, c.Name), ':'))
		e.index[c.Name] = i
		e.sorted = append(e.sorted, i)
	}
	slices.SortFunc(e.sorted, func(a, b int) int { return strings.Compare(e.columns[a], e.columns[b]) })
	bw := bufio.NewWriterSize(csvFile, 64<<10)
	bw.WriteString("\ufeff")
	e.csv = csv.NewWriter(bw)
	e.csv.UseCRLF = true
	e.csv.Write(e.columns)
	b := append([]byte(nil), `{"dataset":`...)
	b = jsonstr.Append(b, d.Name)
	b = append(b, `,"title":`...)
	b = jsonstr.Append(b, d.Title)
	b = append(b, `,"columns":[`...)
	for i, c := range e.columns {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonstr.Append(b, c)
	}
	e.json = bufio.NewWriterSize(jsonFile, 64<<10)
	e.json.Write(append(b, `],"rows":[`...))
	return e
}

// cell is one value of a row: text, an integer, a number or a flag. The
// zero cell is empty: an empty CSV field, and no key in the JSON row
// (nor for empty text).
type cell struct {
	kind cellKind
	s    string
	i    int
	f    float64
	b    bool
}

type cellKind uint8

const (
	empty cellKind = iota
	text
	integer
	number
	flag
)

// The row being made: each method sets a cell by its column's name (a
// name the dataset does not have is a mistake in this package, and
// panics), and end writes the row. Cells are typed values rather than
// interfaces: the rows of a province's open data are millions of cells,
// each of which an interface would put on the heap.

func (e *encoder) set(col string, c cell) *encoder {
	i, ok := e.index[col]
	if !ok {
		panic("opendata: no column " + col) // a dataset's rows and columns disagree
	}
	e.cells[i] = c
	return e
}

func (e *encoder) text(col, s string) *encoder { return e.set(col, cell{kind: text, s: s}) }

func (e *encoder) integer(col string, n int) *encoder { return e.set(col, cell{kind: integer, i: n}) }

// number sets a number, or leaves the cell empty when p is nil.
func (e *encoder) number(col string, p *float64) *encoder {
	if p == nil {
		return e
	}
	return e.set(col, cell{kind: number, f: *p})
}

func (e *encoder) flag(col string, b bool) *encoder { return e.set(col, cell{kind: flag, b: b}) }

// end adds the row to both files and starts the next, empty.
func (e *encoder) end() {
	for i, c := range e.cells {
		e.rec[i] = c.csv()
	}
	e.csv.Write(e.rec)

	b := e.b[:0]
	if e.jsonRows > 0 {
		b = append(b, ',')
	}
	e.jsonRows++
	b = append(b, '{')
	first := true
	for _, i := range e.sorted {
		c := e.cells[i]
		if c.kind == empty || c.kind == text && c.s == "" {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, e.keys[i]...)
		b = c.appendJSON(b)
	}
	e.b = append(b, '}')
	e.json.Write(e.b)
	clear(e.cells)
}

// close ends and closes both files, returning the first error of a write
// (buffered writers keep it) or a Close.
func (e *encoder) close() error {
	e.csv.Flush()
	err := e.csv.Error()
	e.json.WriteString("]}\n")
	if ferr := e.json.Flush(); err == nil {
		err = ferr
	}
	if cerr := e.csvFile.Close(); err == nil {
		err = cerr
	}
	if cerr := e.jsonFile.Close(); err == nil {
		err = cerr
	}
	return err
}

// csv is the cell as a CSV field.
func (c cell) csv() string {
	switch c.kind {
	case text:
		return c.s
	case integer:
		return strconv.Itoa(c.i)
	case number:
		return strconv.FormatFloat(c.f, 'f', -1, 64)
	case flag:
		return strconv.FormatBool(c.b)
	}
	return ""
}

// appendJSON appends the cell as encoding/json.Marshal encodes its value.
func (c cell) appendJSON(b []byte) []byte {
	switch c.kind {
	case text:
		return jsonstr.Append(b, c.s)
	case integer:
		return strconv.AppendInt(b, int64(c.i), 10)
	case flag:
		return strconv.AppendBool(b, c.b)
	case number:
		if a := math.Abs(c.f); a == 0 || a >= 1e-6 && a < 1e21 {
			return strconv.AppendFloat(b, c.f, 'f', -1, 64)
		}
		enc, err := json.Marshal(c.f)
		if err != nil {
			return append(b, "null"...) // an infinite fine, which encoding/json refuses
		}
		return append(b, enc...)
	}
	return append(b, "null"...)
}

func date(d model.Date) string { return d.String() }

func refs(rs []model.LegalRef) string {
	var parts []string
	for _, r := range rs {
		name := r.Law
		if r.LawRef != nil {
			name = r.LawRef.Name()
		}
		parts = append(parts, "《"+name+"》"+r.Article)
	}
	return strings.Join(parts, ";")
}

func unitRows(s *model.Site, an *bench.Analysis, url func(string) string, r *encoder) {
	for _, u := range s.Units {
		r.text("id", u.ID).text("name", u.Name).text("short_name", u.Short).text("type", u.Type).text("division_code", u.DivisionCode).
			text("parent", u.Parent).text("address", u.Address).text("phone", u.Phone).text("supervise_phone", u.SupervisePhone).
			integer("powers", len(u.Powers)).text("published", date(u.Published)).text("reviewed", date(u.Reviewed)).
			text("url", url(permalink.Unit(u))).end()
	}
}

func powerRows(s *model.Site, an *bench.Analysis, url func(string) string, r *encoder) {
	for _, u := range s.Units {
		for _, p := range u.Powers {
			risks, high := 0, 0
			count := func(level string) {
				risks++
				if level == model.RiskHigh {
					high++
				}
			}
			for _, rk := range p.Risks {
				count(rk.Level)
			}
			flow, bench := "", ""
			if p.FlowRef != nil {
				flow = p.FlowRef.Name
				for _, st := range p.FlowRef.Effective() {
					for _, rk := range st.Risks {
						count(rk.Level)
					}
				}
			}
			if p.BenchmarkRef != nil {
				bench = p.BenchmarkRef.Title
			}
			fee := ""
			if p.Fee != nil {
				fee = "不收费"
				if p.Fee.Charged {
					fee = p.Fee.Standard
				}
			}
			if p.TimeLimit.StatutoryDays > 0 { // omitted when not given
				r.integer("statutory_days", p.TimeLimit.StatutoryDays)
			}
			if p.TimeLimit.PromisedDays > 0 {
				r.integer("promised_days", p.TimeLimit.PromisedDays)
			}
			r.text("code", p.Code).text("name", p.Name).text("sub_name", p.SubName).text("category", p.CategoryInfo().Name).text("category_code", p.Category).
				text("unit", u.ID).text("unit_name", u.Name).text("subject", p.SubjectName()).text("office", p.Office).text("mode", p.Mode).text("status", p.Status).
				text("basis", refs(p.Basis)).text("day_unit", p.TimeLimit.Unit).text("fee", fee).text("flow", flow).text("benchmark", bench).
				integer("risk_points", risks).integer("high_risks", high).text("published", date(p.Published)).text("reviewed", date(p.Reviewed)).
				text("url", url(permalink.Power(p))).end()
		}
	}
}

// tierFine returns the analysis of a tier, or a parse of its text when
// there is no analysis.
func tierFine(an *bench.Analysis, t *model.Tier) *bench.TierInfo {
	if an != nil {
		if ti := an.Tiers[t]; ti != nil {
			return ti
		}
	}
	return &bench.TierInfo{Tier: t, Unparsed: []fine.Span{{Text: t.Standard}}}
}

func penaltyTypes(ti *bench.TierInfo) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range ti.Penalties {
		if !seen[p.Type] {
			seen[p.Type] = true
			out = append(out, p.Type)
		}
	}
	return out
}

func benchmarkRows(s *model.Site, an *bench.Analysis, url func(string) string, r *encoder) {
	for _, u := range s.Units {
		for _, b := range u.Benchmarks {
			bURL := url(permalink.Benchmark(b))
			for vi := range b.Violations {
				v := &b.Violations[vi]
				for i := range v.Tiers {
					t := &v.Tiers[i]
					tf := tierFine(an, t)
					r.text("benchmark", b.ID).text("title", b.Title).text("unit", u.ID).text("unit_name", u.Name).text("issuer", b.Issuer).text("doc_no", b.DocNo).
						text("effective", date(b.Effective)).text("expires", date(b.Expires)).text("violation_no", v.No).text("violation", v.Name).
						text("penalty_basis", refs(v.PenaltyBasis)).integer("tier", i+1).text("tier_label", t.Label).text("tier_kind", t.Kind).
						text("conditions", strings.Join(t.Conditions, "\n")).text("standard", t.Standard).text("penalty_types", strings.Join(penaltyTypes(tf), ";")).
						number("fine_min", tf.FineMin).number("fine_max", tf.FineMax).number("fine_multiple_min", tf.MultMin).number("fine_multiple_max", tf.MultMax).
						text("fine_base", tf.Base).flag("parsed", tf.Known()).text("url", bURL).end()
				}
			}
		}
	}
}

func riskRows(s *model.Site, an *bench.Analysis, url func(string) string, r *encoder) {
	for _, u := range s.Units {
		for _, p := range u.Powers {
			pURL := url(permalink.Power(p))
			for _, rk := range p.Risks {
				r.text("source", "事项").text("unit", u.ID).text("unit_name", u.Name).text("item", p.Code).text("item_name", p.Name).
					text("step", rk.Step).text("risk", rk.Description).text("level", rk.Level).text("category", rk.Category).text("measures", strings.Join(rk.Measures, "\n")).
					text("owner", rk.Owner).text("url", pURL).end()
			}
		}
		for _, f := range u.Flows {
			fURL := url(permalink.Flow(f))
			for _, st := range f.Effective() {
				for _, rk := range st.Risks {
					r.text("source", "流程").text("unit", u.ID).text("unit_name", u.Name).text("item", f.ID).text("item_name", f.Name).
						text("step", st.Name).text("risk", rk.Description).text("level", rk.Level).text("category", rk.Category).text("measures", strings.Join(rk.Measures, "\n")).
						text("owner", rk.Owner).text("url", fURL).end()
				}
			}
		}
		for _, c := range u.Risks {
			cURL := url(permalink.Risk(c))
			for _, it := range c.Items {
				r.text("source", "防控目录").text("unit", u.ID).text("unit_name", u.Name).text("item", strconv.Itoa(c.Year)).text("item_name", it.Object).
					text("step", it.ObjectType).text("risk", it.Risk).text("level", it.Level).text("category", it.Category).text("measures", strings.Join(it.Measures, "\n")).
					text("owner", it.Owner).integer("year", c.Year).text("url", cURL).end()
			}
		}
	}
}

func lawRows(s *model.Site, an *bench.Analysis, url func(string) string, r *encoder) {
	for _, l := range s.Laws {
		r.text("id", l.ID).text("title", l.Title).text("short_title", l.Short).text("level", l.Level).text("status", l.Status).
			text("issuer", l.Issuer).text("effective", date(l.Effective)).integer("articles", len(l.Articles)).integer("cited_by", len(l.CitedBy)).
			text("url", url(permalink.Law(l))).end()
	}
}
