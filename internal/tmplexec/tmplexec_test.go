package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"reflect"
	"strings"
	"testing"
)

type item struct {
	Name   string
	Count  int
	Tags   []string
	Attrs  map[string]string
	Next   *item
	Any    any
	Body   template.HTML
	Link   template.URL
	hidden string
}

func (i *item) Upper() string      { return strings.ToUpper(i.Name) }
func (i item) Label() string       { return "<" + i.Name + ">" }
func (i *item) Fail() (int, error) { return 0, errors.New("boom") }
func (i *item) Arg(n int) int      { return n }

type level string

func (l level) String() string { return "级别:" + string(l) }

// testFuncs are the functions of the test templates; inc, bold, lvl,
// cat, fails2, anyres, zero, named and panics2 are Funcs, called without
// reflection.
func testFuncs() FuncMap {
	return FuncMap{
		"url":    func(p string) string { return "/base/" + p },
		"inc":    Func1(func(n int) int { return n + 1 }),
		"join":   strings.Join,
		"fails":  func() (string, error) { return "", errors.New("fails") },
		"panics": func() string { panic("oops") },
		"bold":   Func1(func(s string) template.HTML { return template.HTML("<b>" + s + "</b>") }),
		"pair":   func(a string, rest ...any) string { return fmt.Sprint(a, rest) },
		"lvl":    Func1(func(s string) level { return level(s) }),
		"cat":    Func2(func(a string, b any) string { return a + fmt.Sprint(b) }),
		"fails2": Func2E(func(a, b string) (string, error) {
			if a == "x" {
				return "", errors.New("fails2")
			}
			return a + b, nil
		}),
		"anyres":  Func1(func(s string) any { return s }),
		"zero":    Func0(func() int { return 0 }),
		"named":   Func1(func(i *item) string { return i.Name }),
		"panics2": Func2(func(a, b int) int { return a / b }),
		"kind":    func(v reflect.Value) string { return v.Kind().String() },
		"dict": func(kv ...any) map[string]any {
			m := map[string]any{}
			for i := 0; i+1 < len(kv); i += 2 {
				m[kv[i].(string)] = kv[i+1]
			}
			return m
		},
	}
}

func testData() any {
	leaf := &item{Name: "叶", Count: 0}
	return map[string]any{
		"Item": &item{
			Name: `A&B "quoted" <tag> 'single' +plus`, Count: 3,
			Tags:  []string{"一", "二", "三"},
			Attrs: map[string]string{"b": "2", "a": "1", "c": "<3>"},
			Next:  leaf, Any: 42, Body: "<p>正文</p>", Link: "javascript:ok()",
		},
		"Value":  item{Name: "value", Tags: nil},
		"Nil":    (*item)(nil),
		"Items":  []*item{leaf, {Name: "二", Count: 2}},
		"Counts": map[int]string{3: "c", 1: "a", 2: "b"},
		"URL":    "https://example.org/a b?x=1&y=<2>",
		"Bad":    "javascript:alert(1)",
		"Str":    "plain",
		"Zero":   0,
		"Level":  level("高"),
	}
}

// TestSameOutputAsHTMLTemplate runs each template with html/template and
// with a Set (whose second and later runs are compiled) and wants the same
// bytes, or an error from both.
func TestSameOutputAsHTMLTemplate(t *testing.T) {
	tests := sameOutputCases()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			std := template.Must(template.New("t").Funcs(testFuncs().Template()).Parse(tt.src))
			var want bytes.Buffer
			wantErr := std.Execute(&want, testData())

			fast := template.Must(template.New("t").Funcs(testFuncs().Template()).Parse(tt.src))
			set := New(fast, testFuncs())
			for run := 1; run <= 3; run++ {
				var got bytes.Buffer
				err := set.Execute(&got, "t", testData())
				if (err != nil) != (wantErr != nil) {
					t.Fatalf("run %d: err = %v, html/template's = %v", run, err, wantErr)
				}
				if err == nil && got.String() != want.String() {
					t.Fatalf("run %d:\n got %q\nwant %q", run, got.String(), want.String())
				}
				if err != nil && err.Error() != wantErr.Error() {
					t.Errorf("run %d: error %q, html/template's %q", run, err, wantErr)
				}
			}
			if ok, why := set.Compiled("t"); ok != tt.compiled {
				t.Errorf("compiled = %v (%s), want %v", ok, why, tt.compiled)
			}
			if got := set.Reruns() > 0; got != tt.reruns {
				t.Errorf("reruns = %d, want some: %v", set.Reruns(), tt.reruns)
			}
		})
	}
}

// TestAppendsToBuffer checks that output is appended, and that a run
// handed back to html/template leaves no partial output behind.
func TestAppendsToBuffer(t *testing.T) {
	set := New(template.Must(template.New("t").Funcs(testFuncs().Template()).Parse(`<p>{{.Str}}{{if .Item}}{{.Item.Fail}}{{end}}</p>`)), testFuncs())
	var buf bytes.Buffer
	buf.WriteString("before|")
	data := map[string]any{"Str": "s"}
	for range 2 {
		if err := set.Execute(&buf, "t", data); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := buf.String(), "before|<p>s</p><p>s</p>"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	buf.Reset()
	buf.WriteString("x|")
	err := set.Execute(&buf, "t", testData())
	if err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("err = %v, want html/template's error calling Fail", err)
	}
	if !strings.HasPrefix(buf.String(), "x|<p>plain") || strings.Count(buf.String(), "plain") != 1 {
		t.Fatalf("buffer after a handed-back run = %q: the compiled run's output must be discarded", buf.String())
	}
}

// TestEscapingErrorEveryRun: a template html/template cannot escape is
// not compiled, and every execution reports html/template's error.
func TestEscapingErrorEveryRun(t *testing.T) {
	const src = `<a href="{{.}}`
	wantErr := template.Must(template.New("t").Parse(src)).Execute(io.Discard, "x")
	var ee *template.Error
	if !errors.As(wantErr, &ee) {
		t.Fatalf("html/template: %v, want an escaping error", wantErr)
	}
	set := New(template.Must(template.New("t").Parse(src)), nil)
	for run := 1; run <= 2; run++ {
		if err := set.Execute(new(bytes.Buffer), "t", "x"); err == nil || err.Error() != wantErr.Error() {
			t.Fatalf("run %d: err = %v, want %v", run, err, wantErr)
		}
	}
	if ok, _ := set.Compiled("t"); ok {
		t.Fatal("compiled a template that cannot be escaped")
	}
}

// TestEscapingMatchesHTMLTemplate escapes awkward strings in each context
// the compiler handles and wants html/template's bytes.
func TestEscapingMatchesHTMLTemplate(t *testing.T) {
	const src = `<p>{{.}}</p><a title="{{.}}" href="{{.}}">x</a><a href="/s?q={{.}}">y</a><title>{{.}}</title><textarea>{{.}}</textarea>`
	inputs := []string{
		"", "行政处罚", "<", ">", "&", `"`, "'", "+", "\x00", "&amp;",
		"a<b>c", "罚款 5000 元以上 10000 元以下 <单位> & \"个人\" 'x' +1",
		"<<<>>>", "tail&", "&head", "\xff\xfe invalid", "中\x00文",
		"javascript:alert(1)", "JavaScript:x", "mailto:a@b.cn", "https://x.cn/a b?c=1&d=<2>",
		"/units/平洲乡/", "100%", "%zz", "%41", "a%2Fb", "a#b", "../x",
		// Longer than shortText, and around it.
		strings.Repeat("罚款", 20) + "<b>&\"'+\x00", strings.Repeat("a", 200), "&amp;" + strings.Repeat("中", 40),
		strings.Repeat("x", 95) + "<", strings.Repeat("x", 96) + "<", strings.Repeat("x", 97) + "&", strings.Repeat("x", 96),
	}
	std := template.Must(template.New("t").Parse(src))
	set := New(template.Must(template.New("t").Parse(src)), nil)
	for _, in := range inputs {
		var want, got bytes.Buffer
		wantErr := std.Execute(&want, in)
		for range 2 { // both compiled: the second reuses the first's code
			got.Reset()
			if err := set.Execute(&got, "t", in); (err != nil) != (wantErr != nil) {
				t.Fatalf("%q: err = %v, want %v", in, err, wantErr)
			}
		}
		if got.String() != want.String() {
			t.Errorf("%q:\n got %q\nwant %q", in, got.String(), want.String())
		}
	}
	if ok, why := set.Compiled("t"); !ok {
		t.Fatalf("not compiled: %s", why)
	}
}

// sameOutputCase is a template and what is expected of its compilation.
type sameOutputCase struct {
	name, src string
	compiled  bool // the template must compile
	reruns    bool // and its compiled runs hand over to html/template
}

func sameOutputCases() []sameOutputCase {
	return []sameOutputCase{
		{"text and fields", `<p>{{.Item.Name}} {{.Item.Count}} {{.Value.Name}}</p>`, true, false},
		{"attributes", `<a title="{{.Item.Name}}" class="c{{.Item.Count}}">x</a>`, true, false},
		{"unquoted attribute", `<a data-x={{.Item.Name}}>x</a>`, false, false},
		{"urls", `<a href="{{.URL}}">1</a><a href="/search?q={{.Item.Name}}&n={{.Item.Count}}">2</a><a href="{{.Bad}}">3</a><a href="{{.Item.Link}}">4</a><a href="{{url .Str}}">5</a>`, true, false},
		{"rcdata", `<title>{{.Item.Name}} {{.Item.Body}}</title><textarea>{{.Item.Name}}</textarea>`, true, false},
		{"typed html", `<div>{{.Item.Body}}{{bold .Str}}</div>`, true, false},
		{"typed html in an attribute", `<p title="{{.Item.Body}}">x</p>`, true, true},
		{"methods", `{{.Item.Upper}} {{.Item.Label}} {{.Value.Label}} {{.Level}} {{(lvl "中")}}`, true, false},
		{"method with an error", `{{.Item.Fail}}`, true, true},
		{"method with arguments", `{{.Item.Arg 3}} {{3 | .Item.Arg}} {{$.Item.Arg .Item.Count}} {{(index .Items 1).Arg 7}} {{.Item.Next.Arg 1}}`, true, false},
		{"method with an argument of the wrong type", `{{.Item.Arg "x"}}`, true, true},
		{"field with arguments", `{{.Item.Name 1}}`, true, true},
		{"nil pointer", `{{.Nil.Name}}`, true, true},
		{"missing map key", `[{{.Missing}}] [{{.Missing.Deeper}}] {{with .Missing}}x{{else}}none{{end}}`, true, false},
		{"interface field", `{{.Item.Any}} {{printf "%03d" .Item.Any}}`, true, false},
		{"unexported field", `{{.Item.hidden}}`, true, true},
		{"if else chain", `{{if eq .Item.Count 1}}one{{else if eq .Item.Count 3}}three{{else}}other{{end}} {{if not .Zero}}zero{{end}}`, true, false},
		{"with else with", `{{with .Nil}}nil{{else with .Item}}{{.Name}}{{end}}`, true, false},
		{"and or short circuit", `{{and .Item .Item.Count}} {{or .Zero .Str}} {{and .Nil .Nil.Name}} {{or .Item.Name .Nil.Name}} {{.Zero | or .Str}}`, true, false},
		{"comparisons", `{{lt 1 2}} {{le 2 2}} {{gt .Item.Count 1}} {{ge 1 2}} {{ne .Str "plain"}} {{eq .Str "x" "plain"}} {{eq .Item.Count 3}}`, true, false},
		{"incomparable", `{{lt .Str 1}}`, true, true},
		{"len and index", `{{len .Item.Tags}} {{index .Item.Tags 1}} {{index .Item.Attrs "c"}} {{index .Counts 2}} {{len .Str}}`, true, false},
		{"index out of range", `{{index .Item.Tags 9}}`, true, true},
		{"range slice", `<ul>{{range .Item.Tags}}<li>{{.}}</li>{{end}}</ul>{{range $i, $t := .Item.Tags}}{{$i}}={{$t}};{{end}}`, true, false},
		{"range map in key order", `{{range $k, $v := .Item.Attrs}}{{$k}}:{{$v}} {{end}}{{range .Counts}}{{.}}{{end}}`, true, false},
		{"range else", `{{range .Value.Tags}}x{{else}}empty{{end}} {{range .Missing}}x{{else}}none{{end}}`, true, false},
		{"range int", `{{range 3}}{{.}}{{end}} {{range $i := .Item.Count}}[{{$i}}]{{end}}`, true, false},
		{"range pointers", `{{range .Items}}{{.Name}}:{{.Count}}:{{.Upper}} {{end}}`, true, false},
		{"variables", `{{$x := .Item.Name}}{{$n := 0}}{{range .Item.Tags}}{{$n = inc $n}}{{$x}}{{end}}{{$n}} {{$.Str}}`, true, false},
		{"variable scope", `{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}}{{with .Item}}{{$x = 3}}{{end}}{{$x}}`, true, false},
		{"pipelines", `{{join .Item.Tags "/" | printf "%s!"}} {{.Item.Count | inc | inc}} {{"s" | pair "a" 1}}`, true, false},
		{"chain", `{{(index .Items 1).Name}} {{(.Item).Next.Name}}`, true, false},
		{"nested templates", `{{define "row"}}<tr><td>{{.Name}}</td><td>{{template "cell" .Count}}</td></tr>{{end}}{{define "cell"}}<i>{{.}}</i>{{end}}<table>{{range .Items}}{{template "row" .}}{{end}}</table>{{template "cell" "x"}}`, true, false},
		{"template sees no caller variables", `{{define "sub"}}{{$.Name}}{{end}}{{$y := 1}}{{template "sub" .Item}}`, true, false},
		{"recursive template", `{{define "list"}}{{.Name}}{{with .Next}}>{{template "list" .}}{{end}}{{end}}{{template "list" .Item}}`, true, false},
		{"function error", `{{fails}}`, true, true},
		{"direct functions", `{{cat "a" .Item.Count}} {{cat "b" .Nil}} {{cat "c" .Missing}} {{.Str | cat "d"}} {{fails2 "y" "z"}} {{anyres "q"}} {{if anyres ""}}t{{else}}f{{end}} {{zero}} {{if zero}}t{{end}} {{named .Item}} {{range .Items}}{{named .}}{{end}} {{inc 1 | inc}} {{panics2 6 3}}`, true, false},
		{"direct function error", `{{fails2 "x" "z"}}`, true, true},
		{"direct function panic", `{{panics2 1 0}}`, true, true},
		{"direct function on a nil pointer", `{{named .Nil}}`, true, true},
		{"direct function, argument of the wrong type", `{{named .Value}}`, true, true},
		{"function panic", `a{{panics}}b`, true, true},
		{"dict", `{{with dict "a" 1 "b" .Str}}{{.a}}{{.b}}{{end}}`, true, false},
		{"reflect.Value parameter", `{{kind .Item.Count}} {{kind .Missing}} {{.Str | kind}} {{.Missing | kind}} {{kind 1.5}} {{kind nil}}`, true, false},
		{"print family", `{{print 1 "a" .Nil}} {{println .Str}} {{printf "%v-%v" .Zero .Str}}`, true, false},
		{"numbers", `{{1.5}} {{0x10}} {{'a'}} {{1e3}} {{-2}}`, true, false},
		{"break", `{{range .Item.Tags}}{{.}}{{break}}{{end}}`, false, false},
		{"script context", `<script>var x = {{.Str}};</script>`, false, false},
		{"comment", `a{{/* note */}}b`, true, false},
		{"nil data field", `{{.Item.Next.Next.Name}}`, true, true},
	}
}

func seedTemplates() []string {
	var out []string
	for _, c := range sameOutputCases() {
		out = append(out, c.src)
	}
	return out
}

// TestFuncsSkipReflection: a compiled call of a Func allocates less than
// half of what the same call through reflect.Value.Call does (which
// allocates its frame and its result slice besides the boxed result), so
// the direct path is the one taken.
func TestFuncsSkipReflection(t *testing.T) {
	funcs := FuncMap{
		"direct":  Func2(func(a, b int) int { return a + b }),
		"reflect": func(a, b int) int { return a + b },
	}
	allocs := func(action string) float64 {
		src := `{{range 50}}{{` + action + `}}{{end}}`
		set := New(template.Must(template.New("t").Funcs(funcs.Template()).Parse(src)), funcs)
		var buf bytes.Buffer
		if err := set.Execute(&buf, "t", nil); err != nil { // compiles it
			t.Fatal(err)
		}
		return testing.AllocsPerRun(20, func() {
			buf.Reset()
			if err := set.Execute(&buf, "t", nil); err != nil {
				t.Fatal(err)
			}
		})
	}
	base := allocs(".")
	d, r := allocs("direct . 1")-base, allocs("reflect . 1")-base
	if d < 0 || 2*d >= r {
		t.Errorf("50 calls of a Func make %v allocations, of a plain function %v: the Func is not called directly", d, r)
	}
}

// TestMethodsSkipReflection: a method registered with Method0 gives the
// same output and is called without reflection (fewer allocations), on a
// pointer receiver and on a value one reached through a pointer.
func TestMethodsSkipReflection(t *testing.T) {
	src := `{{range .Items}}{{.Upper}}{{.Label}}{{end}}`
	data := map[string]any{"Items": make([]*item, 50)}
	for i := range data["Items"].([]*item) {
		data["Items"].([]*item)[i] = &item{Name: fmt.Sprint("项<", i)}
	}
	run := func(methods ...Method) (string, float64) {
		set := New(template.Must(template.New("t").Parse(src)), nil, methods...)
		var buf bytes.Buffer
		if err := set.Execute(&buf, "t", data); err != nil { // compiles it
			t.Fatal(err)
		}
		if ok, why := set.Compiled("t"); !ok {
			t.Fatalf("not compiled: %s", why)
		}
		out := buf.String()
		return out, testing.AllocsPerRun(20, func() {
			buf.Reset()
			if err := set.Execute(&buf, "t", data); err != nil {
				t.Fatal(err)
			}
		})
	}
	var want bytes.Buffer
	if err := template.Must(template.New("t").Parse(src)).Execute(&want, data); err != nil {
		t.Fatal(err)
	}
	plain, r := run()
	direct, d := run(Method0("Upper", (*item).Upper), Method0("Label", (*item).Label))
	if plain != want.String() || direct != want.String() {
		t.Errorf("output differs from html/template:\n%q\n%q\nwant %q", plain, direct, want.String())
	}
	// reflect.Value.Call allocates a frame and its results: two more
	// allocations a call (the methods' own strings are made either way).
	if r-d < 150 {
		t.Errorf("100 method calls make %v allocations registered, %v not: not called directly", d, r)
	}
}

// TestMethod0MustBeTheMethod: registering a function under another
// method's name is refused at once.
func TestMethod0MustBeTheMethod(t *testing.T) {
	for _, m := range []Method{
		Method0("Upper", (*item).Label),                     // another method of the type
		Method0("Upper", func(*item) string { return "x" }), // not a method
		Method0("Missing", (*item).Upper),                   // no such method
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Method0(%q) accepted", m.name)
				}
			}()
			New(template.Must(template.New("t").Parse(`x`)), nil, m)
		}()
	}
}
