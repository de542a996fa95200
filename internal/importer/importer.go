package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"sunlight/internal/diag"
	"sunlight/internal/load"
	"sunlight/internal/model"
)

// Options says what to import and where.
type Options struct {
	Content string // the content folder (holds site.toml, laws/, units/)
	Unit    string // unit id: units/<Unit>/unit.toml must exist
	Kind    string // KindPowers, KindBenchmarks or KindRisks
	File    string // the .xlsx or .csv file
	Sheet   string // one worksheet of an .xlsx file; "" imports every visible sheet

	// Map maps a column header (as written, white space ignored) to a
	// field id of the kind, or to Ignore; it wins over the synonyms.
	Map map[string]string

	DryRun bool // compute the changes without writing anything

	// Laws maps a law title (any form cite.NormalizeLawTitle accepts) to
	// its registry id. Nil reads content/laws/; LawsOf builds one from a
	// loaded site.
	Laws func(title string) (id string, ok bool)

	// Date is written as published, reviewed (and a benchmark's
	// effective) in files the import creates. Zero means today.
	Date time.Time
	// ID is the benchmark id (file name) for KindBenchmarks; "" derives it
	// from the file name, or "jizhun" when that has no ASCII letters.
	ID string
	// Title is the title of a benchmark or risk catalogue the import
	// creates; "" uses the sheet's title row or a standard title.
	Title string
	// Year is the risk catalogue's year for KindRisks; 0 uses site.toml's.
	Year int
}

// Action says what an import does to a file.
type Action string

const (
	Create    Action = "create"
	Update    Action = "update"
	Unchanged Action = "unchanged"
)

// FileChange is one content file the import writes (or would write).
type FileChange struct {
	Path   string // relative to the content folder, with /
	Action Action
	Old    []byte // nil when created
	New    []byte // equal to Old when unchanged
}

// RowProblem is a row (or part of one) that could not be imported as it is.
type RowProblem struct {
	Sheet   string
	Row     int // 1-based row of the sheet (line of a CSV file); 0 for the whole sheet
	Reason  string
	Skipped bool // the row (or its tier, item, risk point) was not imported at all
}

func (p RowProblem) String() string {
	where := p.Sheet
	if p.Row > 0 {
		where += fmt.Sprintf(" 第%d行", p.Row)
	}
	s := where + ": " + p.Reason
	if p.Skipped {
		s += "(未导入)"
	}
	return s
}

// Column is how one column header was mapped.
type Column struct {
	Sheet, Header string
	Field         string // "" when unknown, Ignore when dropped on purpose
}

// Result is what an import did (or, in a dry run, would do).
type Result struct {
	Files    []FileChange // sorted by path
	Rows     int          // data rows imported
	Problems []RowProblem // in sheet and row order
	Columns  []Column     // every column header of every sheet read
	Unknown  []string     // headers that selected no field (distinct, in order)
	Kept     []string     // entries of existing files the sheet no longer has, kept
	Dropped  []string     // hand-added data removed with a record the sheet no longer has
	Notes    []string     // text of notes rows (备注：…) at the foot of the sheets
	// MissingLaws are the titles of cited laws the registry lacks
	// (distinct, in order): register them in laws/ and import again.
	MissingLaws []string
	Encoding    string // encoding of a CSV file
}

// Changed returns the files created or updated.
func (r *Result) Changed() []FileChange {
	var out []FileChange
	for _, f := range r.Files {
		if f.Action != Unchanged {
			out = append(out, f)
		}
	}
	return out
}

// Diff returns a unified diff of every file the import changes.
func (r *Result) Diff() string {
	var b strings.Builder
	for _, f := range r.Changed() {
		b.WriteString(unifiedDiff("a/"+f.Path, "b/"+f.Path, string(f.Old), string(f.New), f.Old == nil))
	}
	return b.String()
}

// LawsOf returns a law lookup over the registry of a loaded site.
func LawsOf(site *model.Site) func(title string) (string, bool) {
	return newLawLookup(site.Laws)
}

// importer holds the state of one import.
type importer struct {
	opt      Options
	laws     lawLookup
	unit     *model.Unit
	siteYear int
	date     model.Date
	res      *Result
	refCache map[string]refs
	rep      report
	plans    []*plan
}

// plan is one file to write: the path, the old bytes and the new entity.
type plan struct {
	path string
	old  []byte
	// render returns the merged entity, the bytes of the file for it and
	// the bytes of the unchanged old file in canonical form.
	build func() (newBytes, oldCanon []byte, err error)
}

// Import reads a spreadsheet and writes (or, with DryRun, computes) the
// content files for it. Rows that cannot be imported are in
// Result.Problems; an error means nothing was written.
func Import(opt Options) (*Result, error) {
	im := &importer{opt: opt, res: &Result{}, refCache: map[string]refs{}}
	if err := im.setup(); err != nil {
		return nil, err
	}
	data, err := os.ReadFile(opt.File)
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	sheets, err := readSheets(opt.File, data, opt.Sheet)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", filepath.Base(opt.File), err)
	}
	var tables []*table
	for _, s := range sheets {
		if s.enc != "" {
			im.res.Encoding = s.enc
		}
		t, ok := newTable(s, opt.Kind, im.userMap())
		if !ok {
			if hasContent(s) {
				im.problem(s.name, 0, true, "没有找到表头(前 %d 行中没有一行能识别出两个以上的列名);可用 -map '列名=字段' 指定", headerScan)
			}
			continue
		}
		im.columns(t)
		tables = append(tables, t)
	}
	if len(tables) == 0 {
		return nil, fmt.Errorf("import %s: 没有可导入的表格(没有找到表头)", filepath.Base(opt.File))
	}
	im.checkMap(tables)
	switch opt.Kind {
	case KindPowers:
		err = im.powers(tables)
	case KindBenchmarks:
		err = im.benchmarks(tables)
	case KindRisks:
		err = im.risks(tables)
	}
	if err != nil {
		return nil, err
	}
	if err := im.finish(); err != nil {
		return nil, err
	}
	return im.res, nil
}

func hasContent(s *sheet) bool {
	for _, r := range s.cells {
		for _, c := range r {
			if c != "" {
				return true
			}
		}
	}
	return false
}

func (im *importer) setup() error {
	o := &im.opt
	switch o.Kind {
	case KindPowers, KindBenchmarks, KindRisks:
	default:
		return fmt.Errorf("import: unknown kind %q (powers, benchmarks or risks)", o.Kind)
	}
	if !validID(o.Unit) {
		return fmt.Errorf("import: invalid unit id %q", o.Unit)
	}
	ids := fieldIDs(o.Kind)
	for h, f := range o.Map {
		if !model.In(f, ids) {
			return fmt.Errorf("import: -map %q=%q: unknown field %q; fields for %s: %s", h, f, f, o.Kind, strings.Join(ids, ", "))
		}
	}
	if o.Date.IsZero() {
		o.Date = time.Now()
	}
	im.date = model.Date{Time: time.Date(o.Date.Year(), o.Date.Month(), o.Date.Day(), 0, 0, 0, 0, time.UTC)}
	unitPath := "units/" + o.Unit + "/unit.toml"
	u, err := im.parseExisting(unitPath)
	if err != nil {
		return err
	}
	if u == nil {
		return fmt.Errorf("import: unit %q does not exist (no %s in %s)", o.Unit, unitPath, o.Content)
	}
	im.unit = u.(*model.Unit)
	if c, err := im.parseExisting("site.toml"); err == nil && c != nil {
		im.siteYear = c.(*model.Config).Year
	}
	if o.Laws != nil {
		im.laws = o.Laws
	} else {
		laws, err := im.readLaws()
		if err != nil {
			return err
		}
		im.laws = newLawLookup(laws)
	}
	if o.Kind == KindBenchmarks {
		if o.ID == "" {
			o.ID = slug(strings.TrimSuffix(filepath.Base(o.File), filepath.Ext(o.File)))
			if o.ID == "" {
				o.ID = "jizhun"
			}
		}
		if !validID(o.ID) {
			return fmt.Errorf("import: invalid benchmark id %q (lower-case letters, digits and hyphens)", o.ID)
		}
	}
	if o.Kind == KindRisks && o.Year == 0 {
		o.Year = im.siteYear
		if o.Year == 0 {
			o.Year = im.date.Year()
		}
	}
	return nil
}

func (im *importer) readLaws() ([]*model.Law, error) {
	entries, err := os.ReadDir(filepath.Join(im.opt.Content, "laws"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	var laws []*model.Law
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".toml") {
			continue
		}
		p := "laws/" + e.Name()
		b, err := os.ReadFile(filepath.Join(im.opt.Content, filepath.FromSlash(p)))
		if err != nil {
			return nil, fmt.Errorf("import: %w", err)
		}
		if v, _ := load.ParseFile(p, b); v != nil {
			laws = append(laws, v.(*model.Law))
		}
	}
	return laws, nil
}

// userMap returns the -map entries with normalised headers.
func (im *importer) userMap() map[string]string {
	m := map[string]string{}
	for h, f := range im.opt.Map {
		m[normHeader(h)] = f
	}
	return m
}

func (im *importer) checkMap(tables []*table) {
	for h := range im.opt.Map {
		found := false
		for _, t := range tables {
			for _, c := range t.cols {
				if normHeader(c.header) == normHeader(h) || strings.HasSuffix(normHeader(c.header), "/"+normHeader(h)) ||
					strings.HasPrefix(normHeader(c.header), normHeader(h)+"/") {
					found = true
				}
			}
		}
		if !found {
			im.problem(tables[0].s.name, 0, false, "-map 中的列 %q 不在表头中", h)
		}
	}
}

func (im *importer) columns(t *table) {
	seen := map[string]bool{}
	for _, u := range im.res.Unknown {
		seen[u] = true
	}
	for _, c := range t.cols {
		im.res.Columns = append(im.res.Columns, Column{Sheet: t.s.name, Header: c.header, Field: c.field})
		if c.field == "" && !seen[c.header] {
			seen[c.header] = true
			im.res.Unknown = append(im.res.Unknown, c.header)
		}
	}
}

func (im *importer) problem(sheet string, row int, skipped bool, format string, args ...any) {
	im.res.Problems = append(im.res.Problems, RowProblem{Sheet: sheet, Row: row, Reason: fmt.Sprintf(format, args...), Skipped: skipped})
}

// rowsOf returns a table's data rows, recording notes, headings and odd
// single-cell rows.
func (im *importer) rowsOf(t *table, heading func(num int, text string)) []row {
	return t.rows(
		func(num int, text string) { im.res.Notes = append(im.res.Notes, text) },
		heading,
		func(num int, text string) {
			im.problem(t.s.name, num, true, "只有一个单元格有内容(%q),不像数据行也不像标题", clip(text))
		})
}

func clip(s string) string {
	rs := []rune(s)
	if len(rs) > 30 {
		return string(rs[:30]) + "…"
	}
	return s
}

// refs parses a citation cell once per distinct text.
func (im *importer) refs(cell, role string, requireArticle bool) refs {
	key := role + "\x00" + fmt.Sprint(requireArticle) + "\x00" + cell
	if r, ok := im.refCache[key]; ok {
		return r
	}
	r := parseRefs(cell, role, requireArticle, im.laws)
	im.refCache[key] = r
	for _, title := range r.missing {
		if !model.In(title, im.res.MissingLaws) {
			im.res.MissingLaws = append(im.res.MissingLaws, title)
		}
	}
	return r
}

// parseExisting reads and parses a content file; it returns nil when the
// file does not exist and an error when it cannot be used.
func (im *importer) parseExisting(rel string) (any, error) {
	b, err := os.ReadFile(filepath.Join(im.opt.Content, filepath.FromSlash(rel)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	return parseContent(rel, b)
}

// parseContent parses a content file and refuses one with errors: merging
// into it could lose what the author wrote.
func parseContent(rel string, b []byte) (any, error) {
	v, diags := load.ParseFile(rel, b)
	if n := countErrors(diags); n > 0 || v == nil {
		return nil, &FileError{Path: rel, Diags: diags}
	}
	return v, nil
}

// FileError reports an existing content file that has errors; the import
// does not merge into it until it is fixed.
type FileError struct {
	Path  string
	Diags diag.List
}

func (e *FileError) Error() string {
	var lines []string
	for _, d := range e.Diags {
		if d.Severity == diag.Error {
			lines = append(lines, d.String())
		}
	}
	return fmt.Sprintf("import: %s has errors; fix them (sunlight check) before importing into it:\n%s", e.Path, strings.Join(lines, "\n"))
}

func countErrors(l diag.List) int {
	n := 0
	for _, d := range l {
		if d.Severity == diag.Error {
			n++
		}
	}
	return n
}

func (im *importer) readFile(rel string) ([]byte, error) {
	b, err := os.ReadFile(filepath.Join(im.opt.Content, filepath.FromSlash(rel)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return b, err
}

// finish builds every planned file and writes the changed ones.
func (im *importer) finish() error {
	sort.Slice(im.plans, func(i, j int) bool { return im.plans[i].path < im.plans[j].path })
	for _, p := range im.plans {
		nb, oldCanon, err := p.build()
		if err != nil {
			return err
		}
		fc := FileChange{Path: p.path, Old: p.old, New: nb, Action: Create}
		switch {
		case p.old != nil && string(oldCanon) == string(nb):
			fc.Action, fc.New = Unchanged, p.old
		case p.old != nil:
			fc.Action = Update
		}
		im.res.Files = append(im.res.Files, fc)
	}
	im.res.Kept, im.res.Dropped = im.rep.kept, im.rep.dropped
	order := map[string]int{}
	for _, c := range im.res.Columns {
		if _, ok := order[c.Sheet]; !ok {
			order[c.Sheet] = len(order)
		}
	}
	sort.SliceStable(im.res.Problems, func(i, j int) bool {
		a, b := im.res.Problems[i], im.res.Problems[j]
		if order[a.Sheet] != order[b.Sheet] {
			return order[a.Sheet] < order[b.Sheet]
		}
		return a.Row < b.Row
	})
	if im.opt.DryRun {
		return nil
	}
	return writeAll(im.opt.Content, im.res.Changed())
}

// writeAll writes every file to a temporary file next to it and renames
// them into place only when all are written; a failed rename puts back
// the files already replaced.
func writeAll(root string, files []FileChange) error {
	type tmp struct{ tmp, dst string }
	var done []tmp
	cleanup := func() {
		for _, t := range done {
			os.Remove(t.tmp)
		}
	}
	for _, f := range files {
		dst := filepath.Join(root, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			cleanup()
			return fmt.Errorf("import: %w", err)
		}
		t, err := os.CreateTemp(filepath.Dir(dst), "."+path.Base(f.Path)+".import-*")
		if err != nil {
			cleanup()
			return fmt.Errorf("import: %w", err)
		}
		done = append(done, tmp{t.Name(), dst})
		_, werr := t.Write(f.New)
		serr := t.Sync()
		cerr := t.Close()
		if err := errors.Join(werr, serr, cerr); err != nil {
			cleanup()
			return fmt.Errorf("import: write %s: %w", f.Path, err)
		}
		if f.Old != nil {
			if st, err := os.Stat(dst); err == nil {
				os.Chmod(t.Name(), st.Mode().Perm())
			}
		} else {
			os.Chmod(t.Name(), 0o644)
		}
	}
	for i, t := range done {
		if err := os.Rename(t.tmp, t.dst); err != nil {
			for j := 0; j < i; j++ { // put back what was replaced
				if files[j].Old != nil {
					os.WriteFile(done[j].dst, files[j].Old, 0o644)
				} else {
					os.Remove(done[j].dst)
				}
			}
			for _, u := range done[i:] {
				os.Remove(u.tmp)
			}
			return fmt.Errorf("import: %w", err)
		}
	}
	return nil
}

// leadingComments returns the comment lines at the start of a TOML text.
func leadingComments(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		l := strings.TrimRight(line, "\r")
		if !strings.HasPrefix(strings.TrimSpace(l), "#") {
			break
		}
		out = append(out, l)
	}
	return out
}

// splitPower separates a power file's front matter from its body (the
// text after the closing +++ line).
func splitPower(b []byte) (front, body string) {
	text := strings.TrimPrefix(string(b), "\ufeff")
	_, rest, _ := strings.Cut(text, "\n")
	off := 0
	for {
		line, after, found := strings.Cut(rest[off:], "\n")
		if strings.TrimRight(line, "\r \t") == "+++" {
			return rest[:off], after
		}
		if !found {
			return rest, ""
		}
		off += len(line) + 1
	}
}

// render writes an entity as its content file: a power's front matter
// between +++ lines followed by its body, the others as TOML. Defaults the
// loader fills in (mode 法定, status 现行, style tiered) are left out and
// a power's category is written by name.
func render(v any, comments []string, body string) []byte {
	switch e := v.(type) {
	case *model.Power:
		p := *e
		p.Category = categoryName(p.Category)
		if p.Mode == "法定" {
			p.Mode = ""
		}
		if p.Status == "现行" {
			p.Status = ""
		}
		return []byte("+++\n" + string(encodeTOML(&p, comments)) + "+++\n" + body)
	case *model.Benchmark:
		b := *e
		if b.Style == "tiered" {
			b.Style = ""
		}
		return encodeTOML(&b, comments)
	}
	return encodeTOML(v, comments)
}

// normalize renders an entity, reads it back as the loader would and
// renders that: the result is a fixed point (defaults the loader fills
// in are written), so a second import finds nothing to change. It fails
// when the file would not load cleanly.
func normalize(rel string, render func(v any) []byte, v any) ([]byte, error) {
	b := render(v)
	back, diags := load.ParseFile(rel, b)
	if countErrors(diags) > 0 || back == nil {
		return nil, fmt.Errorf("sunlight: internal error: imported %s does not load: %v\n%s; please report", rel, diags, b)
	}
	return render(back), nil
}
