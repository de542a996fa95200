package tomlfast

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"sunlight/internal/gen"
	"sunlight/internal/model"
)

// newFor returns a new zero value of the model type a content file
// decodes into, or nil for files that are not TOML.
func newFor(p string) any {
	parts := strings.Split(p, "/")
	switch {
	case p == "site.toml":
		return new(model.Config)
	case parts[0] == "laws":
		return new(model.Law)
	case parts[0] == "pages":
		return new(model.Page)
	case len(parts) == 3 && parts[2] == "unit.toml":
		return new(model.Unit)
	case len(parts) == 4 && parts[2] == "powers":
		return new(model.Power)
	case len(parts) == 4 && parts[2] == "flows":
		return new(model.Flow)
	case len(parts) == 4 && parts[2] == "benchmarks":
		return new(model.Benchmark)
	case len(parts) == 4 && parts[2] == "risks":
		return new(model.RiskCatalogue)
	}
	return nil
}

// frontMatter returns the TOML of a file: a Markdown file's +++ block, a
// TOML file whole.
func frontMatter(p, src string) string {
	if path.Ext(p) != ".md" {
		return src
	}
	src, ok := strings.CutPrefix(src, "+++\n")
	if !ok {
		return ""
	}
	front, _, _ := strings.Cut(src, "\n+++\n")
	return front + "\n"
}

// compare decodes src into two new values made by newV, with Decode and
// with toml.Decode. It reports whether Decode took the document, and fails
// t when the two disagree: Decode must hand back, or agree with a
// successful toml.Decode that left no key undecoded.
func compare(t testing.TB, d *Decoder, name, src string, newV func() any) bool {
	t.Helper()
	fast, ref := newV(), newV()
	ok := d.Decode(src, fast)
	md, err := toml.Decode(src, ref)
	if utf8.ValidString(src) { // DecodeValid skips only that check
		valid := newV()
		if d.DecodeValid(src, valid) != ok || !reflect.DeepEqual(valid, fast) {
			t.Errorf("%s: DecodeValid differs from Decode on valid UTF-8\n%s", name, src)
		}
	}
	if !ok {
		if !reflect.ValueOf(fast).Elem().IsZero() {
			t.Errorf("%s: handed back but left a value behind: %+v", name, fast)
		}
		return false
	}
	switch {
	case err != nil:
		t.Errorf("%s: decoded, but BurntSushi says: %v\n%s", name, err, src)
	case len(md.Undecoded()) > 0:
		t.Errorf("%s: decoded, but BurntSushi left keys undecoded: %v\n%s", name, md.Undecoded(), src)
	case !reflect.DeepEqual(fast, ref):
		t.Errorf("%s: decoded differently\n got %#v\nwant %#v\n%s", name, fast, ref, src)
	}
	return true
}

// TestDemoContentDecodesAsBurntSushi decodes every content file of the demo
// portal both ways: none may be handed back (the demo is what authors copy)
// and every value must be equal.
func TestDemoContentDecodesAsBurntSushi(t *testing.T) {
	d := New()
	fsys := os.DirFS("../../content")
	n := 0
	err := fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || newFor(p) == nil {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		n++
		if !compare(t, d, p, frontMatter(p, string(data)), func() any { return newFor(p) }) {
			t.Errorf("%s: handed back to BurntSushi", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Fatalf("only %d content files found", n)
	}
}

// TestGeneratedPortalDecodesAsBurntSushi does the same for a generated
// portal of 2,000 items (every kind of file the generator writes).
func TestGeneratedPortalDecodesAsBurntSushi(t *testing.T) {
	w := gen.MapWriter{}
	if err := gen.Generate(gen.Options{Items: 2000, Seed: 7}, w); err != nil {
		t.Fatal(err)
	}
	d := New()
	for p, data := range w {
		if newFor(p) == nil {
			continue
		}
		if !compare(t, d, p, frontMatter(p, string(data)), func() any { return newFor(p) }) {
			t.Errorf("%s: handed back to BurntSushi", p)
		}
	}
}

// kinds has a field of every kind the package decodes, and of some it
// hands back.
type kinds struct {
	S     string   `toml:"s"`
	I     int      `toml:"i"`
	I8    int8     `toml:"i8"`
	I32   int32    `toml:"i32"`
	U     uint     `toml:"u"`
	U8    uint8    `toml:"u8"`
	F     float64  `toml:"f"`
	F32   float32  `toml:"f32"`
	B     bool     `toml:"b"`
	PF    *float64 `toml:"pf"`
	SS    []string `toml:"ss"`
	IS    []int    `toml:"is"`
	SSS   [][]string
	Date  model.Date   `toml:"date"`
	Next  []model.Edge `toml:"next"`
	Sub   sub          `toml:"sub"`
	PSub  *sub         `toml:"psub"`
	Subs  []sub        `toml:"subs"`
	PS    []*sub       `toml:"ps"`
	Plain string
	T     time.Time         `toml:"t"`
	D     time.Duration     `toml:"d"`
	M     map[string]string `toml:"m"`
	A     any               `toml:"a"`
	Arr   [2]int            `toml:"arr"`
	Tail  string            `toml:"tail,omitempty"`
	Skip  string            `toml:"-"`
	priv  string
}

type sub struct {
	Name  string `toml:"name"`
	N     int    `toml:"n"`
	Inner []sub  `toml:"inner"`
	Deep  *sub   `toml:"deep"`
}

// cases are documents decoded into kinds, each with whether Decode takes
// it (true) or hands it back (false).
var cases = []struct {
	src  string
	take bool
}{
	{``, true},
	{"# only a comment\n\n", true},
	{`s = "a" # c`, true},
	{`s = 'a\n'`, true},
	{`s = "a\tb\"c\\d\n\r\b\f"`, true},
	{`s = "\u00e9"`, false},
	{`s = "\e"`, false},
	{`s = "\x41"`, false},
	{`s = "\q"`, false},
	{"s = \"\"\"\nline\\\n   \n  more\"\"\"", true},
	{"s = \"\"\"a\\ \n b\"\"\"", false},
	{"s = \"\"\"a\"\"b\"\"\"", true},
	{"s = \"\"\"a\"\"\"\"", false},
	{"s = '''\nraw\\n'''", true},
	{"s = '''a''''", false},
	{"s = \"a\nb\"", false},
	{"s = \"a\x01b\"", false},
	{"s = \"unterminated", false},
	{"s = 'unterminated", false},
	{"s = \"\"\"unterminated", false},
	{"s = 1", false},
	{"s = \"a\"\ns = \"b\"", false},
	{"s = \"a\" b", false},
	{"s = \"a\"\r\n", false},
	{"Plain = \"x\"", true},
	{"plain = \"x\"", false},
	{"S = \"x\"", false},
	{"tail = \"x\"", true},
	{"Skip = \"x\"", false},
	{"priv = \"x\"", false},
	{"unknown = 1", false},
	{"\"s\" = \"quoted\"", false},
	{"sub.name = \"dotted\"", false},
	{"i = 0\ni8 = -128\ni32 = 2_147_483_647\nu = 7\nu8 = 255", true},
	{"i = +12", true},
	{"i = -0", true},
	{"i8 = 128", false},
	{"u8 = -1", false},
	{"u = -1", true},
	{"i = 012", false},
	{"i = 1__0", false},
	{"i = _1", false},
	{"i = 1_", false},
	{"i = 0x10", false},
	{"i = 0o7", false},
	{"i = 9223372036854775807", true},
	{"i = 9223372036854775808", false},
	{"i = 1.5", false},
	{"i = 12abc", false},
	{"f = 1.5\nf32 = -0.25", true},
	{"f = 1e3", true},
	{"f = 1.5E-3", true},
	{"f = 1_000.000_1", true},
	{"f = -0.0", true},
	{"f = 3", true},
	{"f = 9007199254740992", false},
	{"f32 = 16777216", false},
	{"f32 = 3.5e38", false},
	{"f = 1.", false},
	{"f = .5", false},
	{"f = 01.5", false},
	{"f = 1e", false},
	{"f = inf", false},
	{"f = nan", false},
	{"f = 1e400", false},
	{"b = true", true},
	{"b = false", true},
	{"b = truely", false},
	{"b = \"true\"", false},
	{"pf = 2.5", true},
	{"pf = 2", true},
	{"ss = []", true},
	{"ss = [\"a\", 'b',]", true},
	{"ss = [\n  \"a\", # one\n  \"b\"\n]", true},
	{"ss = [,]", false},
	{"ss = [\"a\" \"b\"]", false},
	{"ss = [\"a\", 1]", false},
	{"ss = \"a\"", false},
	{"is = [1, 2, 3]", true},
	{"SSS = [[\"a\"], [], [\"b\", \"c\"]]", true},
	{"date = 2025-03-01", true},
	{"date = 2025-03-01 # c", true},
	{"date = \"2025年3月1日\"", true},
	{"date = 2025-02-30", false},
	{"date = 2025-3-01", false},
	{"date = 2025-03-01T10:00:00", false},
	{"date = 2025-03-01 10:00:00", false},
	{"date = 2025-03-01 +", false},
	{"date = 10:00:00", false},
	{"date = 1", true},
	{"next = [\"a\", {to = \"b\", label = \"是\"}]", true},
	{"next = [{to = \"b\", colour = \"red\"}]", false},
	{"next = [{to = \"b\", to = \"c\"}]", false},
	{"next = [{}]", false},
	{"next = [[\"x\"]]", false},
	{"[sub]\nname = \"n\"\nn = 3", true},
	{"sub = {name = \"n\", n = 3}", true},
	{"sub = {}", true},
	{"sub = {name = \"n\",}", false},
	{"sub = {name = \"n\"\n}", false},
	{"sub = {name = \"n\", name = \"m\"}", false},
	{"[sub]\n[sub]", false},
	{"[sub.inner]", false},
	{"[[sub.inner]]\nname = \"a\"\n[[sub.inner]]\nname = \"b\"\n[sub]\nn = 1", true},
	{"[sub]\nn = 1\n[[sub.inner]]\nname = \"a\"\n[sub.inner.deep]\nn = 2", true},
	{"[sub.deep]\nn = 2\n[sub]\nn = 1", true},
	{"[sub.deep]\nn = 2\n[sub]\ndeep = {}", false},
	{"[sub.deep]\n[sub.deep]", false},
	{"sub = {}\n[sub]", false},
	{"[sub]\nn = 1\nn = 2", false},
	{"[sub.deep]\n[sub]\n[sub]", false},
	{"[sub]\n[sub.deep]\nn = 1\n[sub.deep]", false},
	{"[[subs]]\nname = \"a\"\nname = \"b\"", false},
	{"[[subs]]\nname = \"a\"\n[[subs]]\nname = \"b\"", true},
	{"[[subs]]\n[[subs.inner]]\nn = 1\nn = 2", false},
	{"[[subs]]\n[[subs.inner]]\nn = 1\n[[subs]]\n[[subs.inner]]\nn = 1", true},
	{"s = \"a\"\n[sub]\ns = \"b\"", false},
	{"[sub]\nname = \"a\"\n[psub]\nname = \"a\"", true},
	{"[psub]", true},
	{"[psub]\nname = \"p\"\n[psub.deep.deep]\nn = 9", true},
	{"[[subs]]\nname = \"a\"\n[[subs.inner]]\nn = 1\n[[subs.inner]]\nn = 2\n[[subs]]\nname = \"b\"\n[subs.deep]\nn = 3", true},
	{"[[ps]]\nname = \"a\"\n[[ps]]", true},
	{"subs = [{name = \"a\"}, {name = \"b\", inner = [{n = 1}]}]", true},
	{"subs = [{name = \"a\"}]\n[[subs]]", false},
	{"[[subs]]\n[subs]", false},
	{"[subs]", false},
	{"[[sub]]", false},
	{"[s]", false},
	{"[ sub ]", false},
	{"[sub] n = 1", false},
	{"[sub\nn = 1", false},
	{"[[subs]\nn = 1", false},
	{"t = 2025-03-01", false},
	{"d = \"1s\"", false},
	{"m = {a = \"b\"}", false},
	{"a = 1", false},
	{"arr = [1, 2]", false},
	{"s = \"x\" # comment with a \x01 control", false},
	{"s = \"\xff\"", false},
	{"s=\"tight\"", true},
	{"s =", false},
	{"s = \n\"x\"", false},
	{"= \"x\"", false},
}

func TestSameAsBurntSushi(t *testing.T) {
	d := New()
	for _, c := range cases {
		took := compare(t, d, fmt.Sprintf("%q", c.src), c.src, func() any { return new(kinds) })
		if took != c.take {
			t.Errorf("%q: took %v, want %v", c.src, took, c.take)
		}
	}
}

// TestHandsBackNonZero checks that a destination with a value already in
// it is handed back untouched.
func TestHandsBackNonZero(t *testing.T) {
	v := kinds{S: "before"}
	if New().Decode(`s = "after"`, &v) || v.S != "before" {
		t.Errorf("took a non-zero destination: %+v", v)
	}
	var m map[string]any
	if New().Decode(`s = "x"`, &m) || New().Decode(`s = "x"`, nil) || New().Decode(`s = "x"`, kinds{}) {
		t.Error("took a destination that is not a pointer to a struct")
	}
}

// FuzzSameAsBurntSushi decodes fuzzed documents into kinds and into a
// power item both ways:
//
//	go test ./internal/tomlfast -run '^$' -fuzz FuzzSame -fuzztime 60s
func FuzzSameAsBurntSushi(f *testing.F) {
	for _, c := range cases {
		f.Add(c.src)
	}
	fsys := os.DirFS("../../content")
	for _, p := range []string{"units/chengguan/unit.toml", "units/chengguan/flows/xzcf-putong.toml", "laws/xingzheng-qiangzhi-fa.toml", "site.toml"} {
		if data, err := fs.ReadFile(fsys, p); err == nil {
			f.Add(string(data))
		}
	}
	if ps, _ := fs.Glob(fsys, "units/*/powers/*.md"); len(ps) > 0 {
		data, _ := fs.ReadFile(fsys, ps[0])
		f.Add(frontMatter(ps[0], string(data)))
	}
	d := New()
	f.Fuzz(func(t *testing.T, src string) {
		compare(t, d, "fuzz", src, func() any { return new(kinds) })
		compare(t, d, "fuzz", src, func() any { return new(model.Power) })
		compare(t, d, "fuzz", src, func() any { return new(model.Flow) })
	})
}

// TestWideStruct: a struct of more than 64 fields, whose last fields'
// definitions are kept apart from the first 64's, decodes as BurntSushi
// decodes it, duplicates included.
func TestWideStruct(t *testing.T) {
	var fields []reflect.StructField
	for i := range 70 {
		fields = append(fields, reflect.StructField{Name: fmt.Sprintf("F%d", i), Type: reflect.TypeFor[string](), Tag: reflect.StructTag(fmt.Sprintf(`toml:"f%d"`, i))})
	}
	fields = append(fields, reflect.StructField{Name: "Subs", Type: reflect.TypeFor[[]sub](), Tag: `toml:"subs"`})
	wide := reflect.StructOf(fields)
	newV := func() any { return reflect.New(wide).Interface() }
	d := New()
	for _, c := range []struct {
		src  string
		take bool
	}{
		{"f1 = \"a\"\nf65 = \"b\"\nf69 = \"c\"", true},
		{"f65 = \"a\"\nf65 = \"b\"", false},
		{"f63 = \"a\"\nf63 = \"b\"", false},
		{"f64 = \"a\"\nf1 = \"b\"\nf64 = \"c\"", false},
		{"f66 = \"a\"\n[[subs]]\nname = \"x\"\n[[subs]]\nname = \"y\"", true},
		{"f66 = \"a\"\n[[subs]]\nname = \"x\"\nname = \"y\"", false},
	} {
		if got := compare(t, d, c.src, c.src, newV); got != c.take {
			t.Errorf("%q: taken %v, want %v", c.src, got, c.take)
		}
	}
}

// BenchmarkDecodeGenerated decodes every TOML document of a generated
// portal of 2,000 items (front matter of the Markdown files included).
func BenchmarkDecodeGenerated(b *testing.B) {
	w := gen.MapWriter{}
	if err := gen.Generate(gen.Options{Items: 2000, Seed: 7}, w); err != nil {
		b.Fatal(err)
	}
	type doc struct{ path, src string }
	var docs []doc
	for p, data := range w {
		if newFor(p) != nil {
			docs = append(docs, doc{p, frontMatter(p, string(data))})
		}
	}
	d := New()
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range docs {
			if !d.DecodeValid(c.src, newFor(c.path)) {
				b.Fatalf("%s: handed back", c.path)
			}
		}
	}
}
