package load

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"reflect"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"sunlight/internal/diag"
	"sunlight/internal/model"
	"sunlight/internal/pii"
	"sunlight/internal/textenc"
	"sunlight/internal/tomlfast"
)

// MaxFileSize is the largest content file accepted (bytes).
const MaxFileSize = 4 << 20

// Load reads the content tree in fsys. It returns the site (possibly
// partial) and every problem found, sorted. Cross-file references are
// resolved later by package link.
func Load(fsys fs.FS) (*model.Site, diag.List) {
	return New(fsys).Load()
}

// Loader loads a content tree and keeps each file's result, so that after
// an edit only the changed files are read again ([Loader.Reload]). The
// entities of unchanged files are reused as they are; package link resets
// what it derives.
type Loader struct {
	fsys    fs.FS
	files   map[string]file      // classified content files
	results map[string]result    // by path
	walk    map[string]diag.List // walk problems (misplaced files, symlinks) by path
	toml    *tomlfast.Decoder
}

// New returns a Loader reading fsys.
func New(fsys fs.FS) *Loader {
	return &Loader{fsys: fsys, files: map[string]file{}, results: map[string]result{}, walk: map[string]diag.List{}, toml: tomlfast.New()}
}

// Load reads every file.
func (l *Loader) Load() (*model.Site, diag.List) {
	l.files, l.results, l.walk = map[string]file{}, map[string]result{}, map[string]diag.List{}
	l.walkDir(".")
	l.loadAll(sortedKeys(l.files))
	return l.assemble()
}

// Reload reads again the given paths (files or folders, relative to the
// content root, with /), which may have been changed, created or deleted,
// and returns the whole site.
func (l *Loader) Reload(paths []string) (*model.Site, diag.List) {
	var todo []string
	for _, p := range paths {
		p = path.Clean(p)
		for q := range l.files {
			if q == p || strings.HasPrefix(q, p+"/") {
				delete(l.files, q)
				delete(l.results, q)
			}
		}
		for q := range l.walk {
			if q == p || strings.HasPrefix(q, p+"/") {
				delete(l.walk, q)
			}
		}
		before := len(l.files)
		if _, err := fs.Stat(l.fsys, p); err == nil {
			l.walkDir(p)
		}
		if len(l.files) != before {
			for q := range l.files {
				if _, done := l.results[q]; !done {
					todo = append(todo, q)
				}
			}
		}
	}
	sort.Strings(todo)
	l.loadAll(todo)
	return l.assemble()
}

// ReloadFile reads again one content file that was loaded before, keeps
// the result for later calls, and returns the entity it holds
// (*model.Power, *model.Flow, …) with the file's own diagnostics, personal
// data included. ok is false when p is no longer a content file of the
// same kind (deleted, moved, replaced by a folder or a link); the caller
// then uses [Loader.Reload], which also handles those cases. ReloadFile
// does not assemble the site: a caller that knows the edit leaves the
// site's structure as it was updates its model itself.
func (l *Loader) ReloadFile(p string) (value any, diags diag.List, ok bool) {
	p = path.Clean(p)
	f, known := l.files[p]
	if !known {
		return nil, nil, false
	}
	delete(l.files, p)
	delete(l.results, p)
	delete(l.walk, p)
	l.walkDir(p)
	nf, still := l.files[p]
	if !still || nf.kind != f.kind || len(l.walk[p]) > 0 {
		return nil, nil, false
	}
	r := loadFile(l.fsys, nf, l.toml, nil, &pii.Scanner{})
	l.results[p] = r
	diags = append(diags, r.diags...)
	allow := l.piiAllowed()
	for _, f := range r.pii {
		if !allow[f.value] {
			diags.Add(f.diagnostic())
		}
	}
	diags.Sort()
	return r.value, diags, true
}

// piiAllowed is the site-wide pii_allow list of site.toml, normalised.
func (l *Loader) piiAllowed() map[string]bool {
	allow := map[string]bool{}
	if c, ok := l.results["site.toml"].value.(*model.Config); ok {
		for _, v := range c.PIIAllow {
			allow[normalizePII(v)] = true
		}
	}
	return allow
}

// Files returns the paths of every content file loaded, sorted.
func (l *Loader) Files() []string { return sortedKeys(l.files) }

// readersPerCore is how many files loadAll reads at once per core.
const readersPerCore = 8

func (l *Loader) loadAll(paths []string) {
	results := make([]result, len(paths))
	strs := newInterner()
	jobs := make(chan int)
	var wg sync.WaitGroup
	// Reading a file that is not in the page cache waits for the disk, so
	// more files are read at once than there are cores: a cold load of
	// 100,000 files took 45 s with one reader per core.
	for w := 0; w < min(readersPerCore*runtime.GOMAXPROCS(0), max(1, len(paths))); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var sc pii.Scanner // one per worker: it reuses its memory
			for i := range jobs {
				results[i] = loadFile(l.fsys, l.files[paths[i]], l.toml, strs, &sc)
			}
		}()
	}
	for i := range paths {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for i, p := range paths {
		l.results[p] = results[i]
	}
}

// assemble builds the site from the per-file results, in path order.
func (l *Loader) assemble() (*model.Site, diag.List) {
	var diags diag.List
	for _, p := range sortedKeys(l.walk) {
		diags.Add(l.walk[p]...)
	}
	paths := sortedKeys(l.files)
	site := &model.Site{}
	units := map[string]*model.Unit{}
	haveConfig := false
	for _, p := range paths {
		r := l.results[p]
		diags.Add(r.diags...)
		switch v := r.value.(type) {
		case *model.Config:
			site.Config, haveConfig = *v, true
		case *model.Law:
			site.Laws = append(site.Laws, v)
		case *model.Unit:
			v.Powers, v.Flows, v.Benchmarks, v.Risks = nil, nil, nil, nil
			units[v.ID] = v
			site.Units = append(site.Units, v)
		case *model.Page:
			site.Pages = append(site.Pages, v)
		}
	}
	siteAllow := l.piiAllowed()
	for _, p := range paths {
		for _, f := range l.results[p].pii {
			if !siteAllow[f.value] {
				diags.Add(f.diagnostic())
			}
		}
	}
	if !haveConfig && l.files["site.toml"].path == "" {
		diags.Errorf(diag.Position{File: "site.toml", Line: 1, Col: 1},
			"在内容目录根部创建 site.toml,至少包含 title、region、organiser、site_code、base_url、year",
			"缺少网站配置文件 site.toml")
	}
	reported := map[string]bool{}
	for _, p := range paths {
		r := l.results[p]
		unitID := unitOf(p)
		u := units[unitID]
		if u == nil {
			if r.value != nil && unitID != "" && !isUnitFile(p) && l.files["units/"+unitID+"/unit.toml"].path == "" && !reported[unitID] {
				reported[unitID] = true
				diags.Errorf(diag.Position{File: "units/" + unitID + "/unit.toml", Line: 1, Col: 1},
					"每个单位目录都需要 unit.toml(单位名称、类型、行政区划代码等)",
					"单位目录 units/%s 缺少 unit.toml", unitID)
			}
			continue
		}
		switch v := r.value.(type) {
		case *model.Power:
			v.Unit = u
			u.Powers = append(u.Powers, v)
		case *model.Flow:
			v.Unit = u
			u.Flows = append(u.Flows, v)
		case *model.Benchmark:
			v.Unit = u
			u.Benchmarks = append(u.Benchmarks, v)
		case *model.RiskCatalogue:
			v.Unit = u
			u.Risks = append(u.Risks, v)
		}
	}
	sortSite(site)
	diags.Sort()
	return site, diags
}

func unitOf(p string) string {
	parts := strings.Split(p, "/")
	if len(parts) >= 3 && parts[0] == "units" {
		return parts[1]
	}
	return ""
}

func isUnitFile(p string) bool { return strings.HasSuffix(p, "/unit.toml") }

func sortSite(s *model.Site) {
	sort.Slice(s.Laws, func(i, j int) bool { return s.Laws[i].ID < s.Laws[j].ID })
	sort.Slice(s.Pages, func(i, j int) bool {
		a, b := s.Pages[i], s.Pages[j]
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		return a.Slug < b.Slug
	})
	sort.Slice(s.Units, func(i, j int) bool {
		a, b := s.Units[i], s.Units[j]
		if a.Order != b.Order {
			return a.Order < b.Order
		}
		return a.ID < b.ID
	})
	order := map[string]int{}
	for i, c := range model.Categories() {
		order[c.Code] = i
	}
	for _, u := range s.Units {
		sort.Slice(u.Powers, func(i, j int) bool {
			a, b := u.Powers[i], u.Powers[j]
			if order[a.Category] != order[b.Category] {
				return order[a.Category] < order[b.Category]
			}
			return a.Code < b.Code
		})
		sort.Slice(u.Flows, func(i, j int) bool { return u.Flows[i].ID < u.Flows[j].ID })
		sort.Slice(u.Benchmarks, func(i, j int) bool { return u.Benchmarks[i].ID < u.Benchmarks[j].ID })
		sort.Slice(u.Risks, func(i, j int) bool { return u.Risks[i].Year > u.Risks[j].Year })
	}
}

// file is one content file to load and what kind it is.
type file struct {
	path string
	kind kind
	id   string // id derived from the file name
}

type kind int

const (
	kindSite kind = iota
	kindLaw
	kindUnit
	kindPower
	kindFlow
	kindBenchmark
	kindRisks
	kindPage
)

type result struct {
	value any
	diags diag.List
	pii   []piiFinding
}

// walkDir walks root (a folder or a file) and classifies every file.
// Files in unexpected places are reported as warnings and skipped.
func (l *Loader) walkDir(root string) {
	add := func(p string, d diag.Diagnostic) { l.walk[p] = append(l.walk[p], d) }
	err := fs.WalkDir(l.fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			add(p, diag.Diagnostic{Pos: diag.Position{File: p}, Msg: fmt.Sprintf("无法读取: %v", err), Hint: "检查文件权限"})
			return nil
		}
		name := d.Name()
		if p != "." && (strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasPrefix(name, "#")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 || p == root && isSymlink(l.fsys, p) {
			add(p, diag.Diagnostic{Pos: diag.Position{File: p, Line: 1, Col: 1}, Msg: "不允许使用符号链接(可能指向内容目录以外)",
				Hint: "把文件本身复制到内容目录中,不要使用符号链接"})
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if f, ok := classify(p); ok {
			l.files[p] = f
		} else if !strings.EqualFold(name, "README.md") {
			add(p, diag.Diagnostic{Pos: diag.Position{File: p, Line: 1, Col: 1}, Severity: diag.Warning, Msg: "文件不在约定的位置,已忽略", Hint: layoutHint})
		}
		return nil
	})
	if err != nil {
		add(root, diag.Diagnostic{Pos: diag.Position{File: root}, Msg: fmt.Sprintf("无法读取内容目录: %v", err), Hint: "检查 -content 参数指向的目录"})
	}
}

// isSymlink reports whether the entry p is a symbolic link (fs.WalkDir
// follows a symlink given as its root, so the entry is looked up in its
// parent folder).
func isSymlink(fsys fs.FS, p string) bool {
	if p == "." {
		return false
	}
	entries, err := fs.ReadDir(fsys, path.Dir(p))
	if err != nil {
		return false
	}
	for _, e := range entries {
		if e.Name() == path.Base(p) {
			return e.Type()&fs.ModeSymlink != 0
		}
	}
	return false
}

const layoutHint = "内容文件的位置: site.toml、laws/<id>.toml、units/<单位>/unit.toml、units/<单位>/powers/*.md、units/<单位>/flows/<id>.toml、units/<单位>/benchmarks/<id>.toml、units/<单位>/risks/<年份>.toml、pages/<slug>.md"

func classify(p string) (file, bool) {
	parts := strings.Split(p, "/")
	base := parts[len(parts)-1]
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	switch {
	case p == "site.toml":
		return file{p, kindSite, ""}, true
	case len(parts) == 2 && parts[0] == "laws" && ext == ".toml":
		return file{p, kindLaw, stem}, true
	case len(parts) == 2 && parts[0] == "pages" && ext == ".md":
		return file{p, kindPage, stem}, true
	case len(parts) == 3 && parts[0] == "units" && base == "unit.toml":
		return file{p, kindUnit, parts[1]}, true
	case len(parts) == 4 && parts[0] == "units":
		switch {
		case parts[2] == "powers" && ext == ".md":
			return file{p, kindPower, stem}, true
		case parts[2] == "flows" && ext == ".toml":
			return file{p, kindFlow, stem}, true
		case parts[2] == "benchmarks" && ext == ".toml":
			return file{p, kindBenchmark, stem}, true
		case parts[2] == "risks" && ext == ".toml":
			return file{p, kindRisks, stem}, true
		}
	}
	return file{}, false
}

// loadFile reads and checks one file.
func loadFile(fsys fs.FS, f file, tf *tomlfast.Decoder, strs *interner, sc *pii.Scanner) (r result) {
	defer func() {
		if e := recover(); e != nil {
			r = result{}
			r.diags.Errorf(diag.Position{File: f.path, Line: 1, Col: 1}, "这是 Sunlight 的缺陷,请报告",
				"internal error while reading this file: %v", e)
		}
	}()
	data, ok := readFile(fsys, f.path, &r.diags)
	if !ok {
		return r
	}
	r.value = parse(f, data, tf, &r.diags)
	if r.value != nil {
		r.pii = findPII(sc, f.path, data, piiAllow(r.value))
		if strs != nil {
			strs.value(reflect.ValueOf(r.value))
		}
	}
	return r
}

// parse reads one file's text as its kind of entity; it returns nil when
// the file cannot be read at all.
func parse(f file, text string, tf *tomlfast.Decoder, diags *diag.List) any {
	switch f.kind {
	case kindSite:
		return orNil(loadConfig(f, text, tf, diags))
	case kindLaw:
		return orNil(loadLaw(f, text, tf, diags))
	case kindUnit:
		return orNil(loadUnit(f, text, tf, diags))
	case kindPower:
		return orNil(loadPower(f, text, tf, diags))
	case kindFlow:
		return orNil(loadFlow(f, text, tf, diags))
	case kindBenchmark:
		return orNil(loadBenchmark(f, text, tf, diags))
	case kindRisks:
		return orNil(loadRisks(f, text, tf, diags))
	case kindPage:
		return orNil(loadPage(f, text, tf, diags))
	}
	return nil
}

// piiAllow returns the pii_allow list of a loaded entity.
func piiAllow(v any) []string {
	switch e := v.(type) {
	case *model.Config:
		return e.PIIAllow
	case *model.Unit:
		return e.PIIAllow
	case *model.Power:
		return e.PIIAllow
	case *model.Flow:
		return e.PIIAllow
	case *model.Benchmark:
		return e.PIIAllow
	case *model.RiskCatalogue:
		return e.PIIAllow
	case *model.Page:
		return e.PIIAllow
	}
	return nil
}

// orNil returns an untyped nil for a nil pointer, so type switches on the
// result never see a typed nil.
func orNil[T any](v *T) any {
	if v == nil {
		return nil
	}
	return v
}

// readFile reads a file and checks that it is non-empty UTF-8 text. It
// strips a UTF-8 BOM.
func readFile(fsys fs.FS, p string, diags *diag.List) (string, bool) {
	pos := diag.Position{File: p, Line: 1, Col: 1}
	b, size, err := readAll(fsys, p)
	if size > MaxFileSize {
		diags.Errorf(pos, "把内容拆分成多个文件;单个文件不能超过 "+strconv.Itoa(MaxFileSize>>20)+" MB", "文件过大(%d 字节)", size)
		return "", false
	}
	if err != nil {
		diags.Errorf(pos, "检查文件权限", "无法读取文件: %v", err)
		return "", false
	}
	text, info, err := textenc.Decode(b)
	var ee *textenc.EncodingError
	if errors.As(err, &ee) {
		diags.Errorf(diag.Position{File: p, Line: ee.Line, Col: ee.Col}, ee.Hint(), "%s", ee.Error())
		return "", false
	}
	if err != nil || info.Empty || strings.TrimSpace(text) == "" {
		diags.Errorf(pos, "填写内容,或删除这个空文件", "文件是空的")
		return "", false
	}
	return text, true
}

// readAll reads the file p of fsys whole, as fs.ReadFile does, unless it
// is larger than MaxFileSize: then it returns no bytes and the size (the
// file's, or more than MaxFileSize when it grew while read). The size
// comes from the open file, so a file costs one path lookup, not two.
func readAll(fsys fs.FS, p string) ([]byte, int64, error) {
	if d, ok := fsys.(dirFS); ok {
		return d.readLimited(p, MaxFileSize)
	}
	f, err := fsys.Open(p)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	size := int64(-1)
	if st, err := f.Stat(); err == nil {
		if st.Size() > MaxFileSize {
			return nil, st.Size(), nil
		}
		size = st.Size()
	}
	b, n, err := readUpTo(f.Read, size, MaxFileSize)
	if err != nil {
		err = &fs.PathError{Op: "read", Path: p, Err: err}
	}
	return b, n, err
}

// readUpTo reads a file with read, which returns io.EOF at its end, into
// a buffer made for size bytes (-1: unknown). Past limit bytes it stops
// and returns no bytes and the length read so far.
func readUpTo(read func([]byte) (int, error), size, limit int64) ([]byte, int64, error) {
	if size < 0 {
		size = 511 // fs.ReadFile's first guess
	}
	b := make([]byte, 0, size+1) // one byte more, so the first read can end the file
	for {
		n, err := read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if int64(len(b)) > limit {
			return nil, int64(len(b)), nil
		}
		if err == io.EOF {
			return b, int64(len(b)), nil
		}
		if err != nil {
			return nil, int64(len(b)), err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}

// findPII reports personal data in a file's text. allow lists values the
// file declares official (pii_allow); site-wide ones are applied by Load.
func findPII(sc *pii.Scanner, p, text string, allow []string) []piiFinding {
	var out []piiFinding
	for _, f := range sc.ScanAllow(text, pii.Allow{Numbers: allow, Emails: allow}) {
		v := text[f.Start:f.End]
		if f.Kind == pii.Email && pii.IsOfficialEmail(v) {
			continue
		}
		out = append(out, piiFinding{pos: diag.Position{File: p, Line: f.Line, Col: f.Col}, kind: f.Kind.String(), masked: f.Masked, value: normalizePII(v)})
	}
	return out
}

type piiFinding struct {
	pos                 diag.Position
	kind, masked, value string
}

func normalizePII(v string) string {
	if strings.Contains(v, "@") {
		return strings.ToLower(v)
	}
	var b strings.Builder
	for _, r := range v {
		if r >= '0' && r <= '9' || r == 'x' || r == 'X' {
			b.WriteRune(r)
		} else if r >= '０' && r <= '９' {
			b.WriteRune(r - '０' + '0')
		}
	}
	return b.String()
}

func (f piiFinding) diagnostic() diag.Diagnostic {
	return diag.Diagnostic{Pos: f.pos, Severity: diag.Error, Code: "personal-data",
		Msg:  fmt.Sprintf("发现疑似%s %s,公开内容不得包含个人信息", f.kind, f.masked),
		Hint: "删除这项个人信息,只写岗位;如果它是单位对外公开的联系方式,把它列入本文件的 pii_allow(或 site.toml 的 pii_allow)"}
}

// splitFrontMatter separates +++ TOML front matter from a Markdown body.
// The body keeps the file's line numbers: the front matter lines are
// replaced by empty lines.
func splitFrontMatter(p, src string, diags *diag.List) (front string, body string, ok bool) {
	first, rest, _ := strings.Cut(src, "\n")
	if strings.TrimRight(first, "\r \t") != "+++" {
		diags.Errorf(diag.Position{File: p, Line: 1, Col: 1},
			"文件第一行必须是 +++,后面是 TOML 格式的字段,再用一行 +++ 结束,然后才是正文",
			"缺少 +++ 开头的 front matter")
		return "", "", false
	}
	lines := 1
	off := 0
	for {
		line, after, found := strings.Cut(rest[off:], "\n")
		if strings.TrimRight(line, "\r \t") == "+++" {
			front = rest[:off]
			body = strings.Repeat("\n", lines+1) + after
			if !found {
				body = strings.Repeat("\n", lines+1)
			}
			return front, body, true
		}
		if !found {
			diags.Errorf(diag.Position{File: p, Line: 1, Col: 1},
				"在字段结束处加一行 +++,把字段与正文分开", "front matter 没有结束的 +++")
			return "", "", false
		}
		off += len(line) + 1
		lines++
	}
}
