package load

import (
	"errors"
	"fmt"
	"net/url"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"sunlight/internal/diag"
	"sunlight/internal/model"
	"sunlight/internal/suggest"
	"sunlight/internal/tomlfast"
	"sunlight/internal/tomlpos"
)

// doc is one TOML document being loaded: its file, where its first line
// sits in the file, its key index and the diagnostics found so far.
type doc struct {
	file  string
	line0 int // file line of the document's first line, minus one
	src   string
	ix    *tomlpos.Index // built on first use (see index)
	diags *diag.List
}

// pos returns the position of a key path (or of its nearest written
// ancestor, or of the document start).
func (d *doc) pos(path string) diag.Position {
	p, _ := d.index().Lookup(path)
	if p.Line == 0 {
		return diag.Position{File: d.file, Line: d.line0 + 1, Col: 1}
	}
	return diag.Position{File: d.file, Line: d.line0 + p.Line, Col: p.Col}
}

func (d *doc) errorf(path, hint, format string, args ...any) {
	d.diags.Errorf(d.pos(path), hint, format, args...)
}

func (d *doc) warnf(path, hint, format string, args ...any) {
	d.diags.Warnf(d.pos(path), hint, format, args...)
}

// decodeTOML decodes src into v and checks every written key against v's
// type. It returns false when the document could not be decoded at all.
// tf, when not nil, decodes first; what it hands back (anything unusual or
// wrong) is decoded by BurntSushi/toml, whose errors are reported.
func decodeTOML(tf *tomlfast.Decoder, file string, line0 int, src string, v any, diags *diag.List) (*doc, bool) {
	d := &doc{file: file, line0: line0, src: src, diags: diags}
	if tf != nil && tf.DecodeValid(src, v) {
		return d, true
	}
	md, err := toml.Decode(src, v)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line, col := pe.Position.Line, runeCol(src, pe.Position.Line, pe.Position.Start)
			if line == 0 {
				line, col = 1, 1
			}
			diags.Errorf(diag.Position{File: file, Line: line0 + line, Col: col}, tomlHint(pe.Message),
				"TOML 格式错误: %s", pe.Message)
		} else if m := lastKeyRe.FindStringSubmatch(err.Error()); m != nil {
			msg := err.Error()
			if t := typeRe.FindStringSubmatch(msg); t != nil {
				msg = fmt.Sprintf("%s 的值类型不对:写的是%s,应当是%s", m[1], tomlTypeName(t[1]), tomlTypeName(t[2]))
			}
			diags.Errorf(d.pos(m[1]), tomlHint(err.Error()), "%s", msg)
		} else {
			diags.Errorf(diag.Position{File: file, Line: line0 + 1, Col: 1}, "", "TOML 格式错误: %v", err)
		}
		return d, false
	}
	// Unknown keys are the ones the decoder left undecoded; only then is
	// the document indexed to find and place them (the schema decides).
	if len(md.Undecoded()) > 0 {
		checkKeys(d, newSchema(reflect.TypeOf(v)))
	}
	return d, true
}

// index returns the document's key index, building it on first use: most
// documents are valid and never need a position.
func (d *doc) index() *tomlpos.Index {
	if d.ix == nil {
		d.ix = tomlpos.Scan(d.src)
	}
	return d.ix
}

// runeCol converts the decoder's byte offset into a rune column on line.
func runeCol(src string, line, start int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(src[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
	}
	if start < off || start > len(src) {
		return 1
	}
	return utf8.RuneCountInString(src[off:start]) + 1
}

var (
	lastKeyRe = regexp.MustCompile(`last key "([^"]+)"`)
	typeRe    = regexp.MustCompile(`TOML value has type (\w+); destination has type (\w+)`)
)

func tomlTypeName(t string) string {
	switch t {
	case "string":
		return "文字"
	case "integer", "int", "int64":
		return "整数"
	case "float":
		return "小数"
	case "bool", "boolean":
		return "是否(true/false)"
	case "array", "slice":
		return "列表"
	case "table", "map", "struct":
		return "表"
	case "datetime":
		return "日期"
	}
	return t
}

func tomlHint(msg string) string {
	switch {
	case strings.Contains(msg, "incompatible types"):
		return "值的类型不对:数字不要加引号,文字要加双引号,列表写成 [\"甲\", \"乙\"]"
	case strings.Contains(msg, "has already been defined") || strings.Contains(msg, "duplicate"):
		return "同一个键只能写一次;重复的条目请用 [[表名]] 写成多项"
	case strings.Contains(msg, "unterminated") || strings.Contains(msg, "unexpected EOF"):
		return "引号或括号没有闭合;多行文字请用三个双引号 \"\"\" 包起来"
	case strings.Contains(msg, "invalid") && strings.Contains(msg, "date"):
		return "日期写成 2025-03-01"
	}
	return "检查这一行的引号、括号、逗号和等号;文字值要用英文双引号包起来"
}

// checkKeys reports every written key that the schema does not have.
func checkKeys(d *doc, sc *schema) {
	for _, path := range d.index().Keys() {
		known, ok := sc.lookup(splitSegs(path))
		if ok || known == nil {
			continue
		}
		_, name := splitPath(path)
		hint := "可用的键: " + strings.Join(known.keys, ", ")
		if s := suggest.Closest(name, known.keys); s != "" {
			hint = "是否想写 \"" + s + "\"?" + hint
		}
		d.errorf(path, hint, "未知的键 %q", name)
	}
}

var unmarshalerType = reflect.TypeOf((*toml.Unmarshaler)(nil)).Elem()

// schema is the tree of TOML keys a Go type accepts, built once per type
// (reflection per key and file was a third of the load time).
type schema struct {
	any    bool               // accepts anything below (maps, self-decoding types)
	list   *schema            // element schema of an array
	fields map[string]*schema // struct fields by toml key
	keys   []string           // the field keys in declaration order, for hints
}

func newSchema(t reflect.Type) *schema {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case reflect.PointerTo(t).Implements(unmarshalerType) || t.Kind() == reflect.Map || t.Kind() == reflect.Interface:
		return &schema{any: true}
	case t.Kind() == reflect.Slice || t.Kind() == reflect.Array:
		return &schema{list: newSchema(t.Elem())}
	case t.Kind() == reflect.Struct:
		sc := &schema{fields: map[string]*schema{}}
		for i := 0; i < t.NumField(); i++ {
			tag := strings.Split(t.Field(i).Tag.Get("toml"), ",")[0]
			if tag == "" || tag == "-" {
				continue
			}
			sc.fields[tag] = newSchema(t.Field(i).Type)
			sc.keys = append(sc.keys, tag)
		}
		return sc
	}
	return &schema{any: true} // scalars: the decoder reports type errors
}

// lookup walks segs through sc. It returns ok=true when the path exists (or
// reaches a part that accepts anything). When the last segment is unknown
// it returns ok=false and the struct schema that lacks it; for a path under
// an already-unknown key it returns (nil, false).
func (sc *schema) lookup(segs []string) (*schema, bool) {
	for i, seg := range segs {
		if sc.any {
			return sc, true
		}
		if seg == "[]" {
			if sc.list == nil {
				return sc, true // the decoder reports the type error
			}
			sc = sc.list
			continue
		}
		if sc.fields == nil {
			return sc, true
		}
		next, ok := sc.fields[seg]
		if !ok {
			if i == len(segs)-1 {
				return sc, false
			}
			return nil, false
		}
		sc = next
	}
	return sc, true
}

func splitSegs(path string) []string {
	var segs []string
	for _, part := range strings.Split(path, ".") {
		name := part
		if i := strings.IndexByte(part, '['); i >= 0 {
			name = part[:i]
		}
		if name != "" {
			segs = append(segs, name)
		}
		for j := strings.IndexByte(part, '['); j >= 0; {
			segs = append(segs, "[]")
			k := strings.IndexByte(part[j+1:], '[')
			if k < 0 {
				break
			}
			j += k + 1
		}
	}
	return segs
}

func splitPath(path string) (parent, name string) {
	i := strings.LastIndexByte(path, '.')
	if i < 0 {
		return "", path
	}
	return path[:i], path[i+1:]
}

// Helpers shared by the validators.

func (d *doc) required(path, value, what, example string) bool {
	if strings.TrimSpace(value) != "" {
		return true
	}
	hint := "请填写 " + path
	if example != "" {
		hint += ",例如 " + example
	}
	if d.index().Has(path) {
		d.errorf(path, hint, "%s(%s)不能为空", what, path)
	} else {
		parent, _ := splitPath(path)
		d.errorf(parent, hint, "缺少必填项 %s(%s)", path, what)
	}
	return false
}

func (d *doc) enum(path, value, what string, values []string) {
	if value == "" || model.In(value, values) {
		return
	}
	hint := "可选值: " + strings.Join(values, "、")
	if s := suggest.Closest(value, values); s != "" {
		hint = "是否想写 \"" + s + "\"?" + hint
	}
	d.errorf(path, hint, "%s %q 不是有效的取值", what, value)
}

func (d *doc) date(path string, v model.Date, what string, required bool) {
	switch {
	case v.Raw != "":
		d.errorf(path, "日期写成 2025-03-01 或 \"2025年3月1日\",并且必须是真实存在的日期", "%s %s 不是有效的日期", what, v.Raw)
	case required && v.IsZero():
		d.required(path, "", what, "2025-03-01")
	}
}

func (d *doc) riskLevel(path string, level *string, required bool) {
	if *level == "" {
		if required {
			d.required(path, "", "风险等级", "\"高\"")
		}
		return
	}
	n, ok := model.NormalizeRiskLevel(*level)
	if !ok {
		d.errorf(path, "风险等级写 高、中、低(也接受 一级/二级/三级 和 ★★★/★★/★)", "风险等级 %q 无法识别", *level)
		return
	}
	*level = n
}

func idx(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// validID reports whether s is a URL-safe id: lower-case ASCII letters,
// digits and single hyphens.
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

// ValidCode reports whether an item code can be used in a URL and a file
// name: letters, digits, "-", "_", "." and CJK characters; not "." or "..".
func ValidCode(s string) bool {
	if s == "" || s == "." || s == ".." {
		return false
	}
	for _, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.' ||
			r >= 0x4e00 && r <= 0x9fff
		if !ok {
			return false
		}
	}
	return true
}

func sortedKeys[M ~map[string]V, V any](m M) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// webURL checks that a link written by an author is an absolute http(s)
// URL: anything else (javascript:, data:, relative paths) is refused so it
// can never reach a page.
func (d *doc) webURL(path, value string) {
	if value == "" {
		return
	}
	u, err := url.Parse(value)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		d.errorf(path, "写完整的网址,以 https:// 或 http:// 开头,例如 \"https://www.example.gov.cn/\"", "网址 %q 无效或不安全", value)
	}
}

// reference checks an id reference ("id" or "unit/id"): it names files
// only through the registry, so path syntax is refused outright.
func (d *doc) reference(path, value string) {
	if value == "" {
		return
	}
	parts := strings.Split(value, "/")
	ok := len(parts) <= 2
	for _, p := range parts {
		if !validID(p) {
			ok = false
		}
	}
	if !ok {
		d.errorf(path, "引用写成编号(如 \"xzcf-putong\")或 \"单位编号/编号\",只能用小写英文字母、数字和连字符,不能包含路径", "引用 %q 格式不对", value)
	}
}
