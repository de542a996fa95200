package gen_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"sunlight/internal/check"
	"sunlight/internal/diag"
	"sunlight/internal/gen"
	"sunlight/internal/link"
	"sunlight/internal/load"
	"sunlight/internal/model"
)

// generate builds a corpus in memory.
func generate(t testing.TB, opt gen.Options) gen.MapWriter {
	t.Helper()
	w := gen.MapWriter{}
	if err := gen.Generate(opt, w); err != nil {
		t.Fatal(err)
	}
	return w
}

// loadSite runs Sunlight's own loader, linker and checks on a corpus.
func loadSite(t testing.TB, w gen.MapWriter) (*model.Site, diag.List, diag.List) {
	t.Helper()
	fsys := w.FS()
	s, diags := load.Load(fsys)
	loc := load.NewLocator(fsys)
	diags.Add(link.Link(s, loc)...)
	var checks diag.List
	if !diags.HasErrors() {
		checks, _ = check.Check(s, loc)
	}
	return s, diags, checks
}

func errorsOf(l diag.List) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range l {
		if d.Severity == diag.Error {
			out = append(out, d)
		}
	}
	return out
}

func TestGeneratedSiteLoads(t *testing.T) {
	for _, opt := range []gen.Options{
		{Items: 1000, Seed: 1},
		{Items: 1000, Units: 1, Seed: 2},
		{Items: 1000, Units: 3, Seed: 3},
		{Items: 300, Units: 40, Seed: 4, Year: 2024},
		{Items: 5, Units: 5, Seed: 5},
	} {
		w := generate(t, opt)
		s, diags, checks := loadSite(t, w)
		for i, d := range errorsOf(append(diags, checks...)) {
			if i == 20 {
				t.Errorf("…")
				break
			}
			t.Errorf("%+v: %s", opt, d)
		}
		n := 0
		for _, u := range s.Units {
			n += len(u.Powers)
		}
		if n != opt.Items {
			t.Errorf("%+v: %d items loaded", opt, n)
		}
		if want := opt.Normalized().Units; len(s.Units) != want {
			t.Errorf("%+v: %d units loaded, want %d", opt, len(s.Units), want)
		}
		if opt.Items == 1000 && opt.Seed == 1 {
			codes := map[string]int{}
			for _, d := range checks {
				codes[d.Code]++
			}
			t.Logf("1000 items: %d load/link diagnostics, check warnings by rule: %v", len(diags), codes)
		}
	}
}

// TestCategories checks the mix: every category present, 行政处罚 about
// 45%, and a good share of penalties with a 3–5 tier benchmark.
func TestCategories(t *testing.T) {
	w := generate(t, gen.Options{Items: 1000, Seed: 1})
	s, diags, _ := loadSite(t, w)
	if diags.HasErrors() {
		t.Fatal("load errors")
	}
	count := map[string]int{}
	withBench, towns, depts := 0, 0, 0
	for _, u := range s.Units {
		switch u.Type {
		case "乡镇人民政府":
			towns++
		case "县政府工作部门", "派出机构":
			depts++
		}
		for _, p := range u.Powers {
			count[p.Category]++
			if p.Category == "CF" && p.BenchmarkRef != nil {
				withBench++
				for _, v := range p.BenchmarkRef.Violations {
					if len(v.Tiers) < 3 || len(v.Tiers) > 5 {
						t.Errorf("%s: %d tiers", p.BenchmarkRef.Src.File, len(v.Tiers))
					}
				}
			}
		}
	}
	var parts []string
	for _, c := range model.Categories() {
		parts = append(parts, c.Code+"="+strconv.Itoa(count[c.Code]))
		if count[c.Code] == 0 {
			t.Errorf("no %s items", c.Name)
		}
	}
	t.Logf("units: %d (%d towns, %d departments); items by category: %s; CF with benchmark: %d",
		len(s.Units), towns, depts, strings.Join(parts, " "), withBench)
	if cf := count["CF"]; cf < 400 || cf > 500 {
		t.Errorf("%d 行政处罚 items, want about 450", cf)
	}
	if withBench*2 < count["CF"] {
		t.Errorf("only %d of %d 行政处罚 items have a benchmark", withBench, count["CF"])
	}
	if towns == 0 || depts == 0 {
		t.Errorf("want both townships and departments")
	}
}

func TestDeterministic(t *testing.T) {
	opt := gen.Options{Items: 1000, Seed: 42}
	a, b := generate(t, opt), generate(t, opt)
	if len(a) != len(b) {
		t.Fatalf("%d vs %d files", len(a), len(b))
	}
	for p, d := range a {
		if !bytes.Equal(d, b[p]) {
			t.Fatalf("%s differs between runs", p)
		}
	}
	c := generate(t, gen.Options{Items: 1000, Seed: 43})
	same := 0
	for p, d := range a {
		if bytes.Equal(d, c[p]) {
			same++
		}
	}
	if same == len(a) {
		t.Errorf("seed has no effect")
	}
	ha, hb := gen.MapWriter{}, gen.MapWriter{}
	if err := gen.GenerateHugo(opt, ha); err != nil {
		t.Fatal(err)
	}
	if err := gen.GenerateHugo(opt, hb); err != nil {
		t.Fatal(err)
	}
	for p, d := range ha {
		if !bytes.Equal(d, hb[p]) {
			t.Fatalf("hugo %s differs between runs", p)
		}
	}
}

// TestHugoMatchesSunlight checks that both outputs hold the same items.
func TestHugoMatchesSunlight(t *testing.T) {
	opt := gen.Options{Items: 500, Seed: 7}
	sl, hu := generate(t, opt), gen.MapWriter{}
	if err := gen.GenerateHugo(opt, hu); err != nil {
		t.Fatal(err)
	}
	items := func(w gen.MapWriter, prefix string) []string {
		var out []string
		for _, p := range w.Paths() {
			if strings.HasPrefix(p, prefix) && strings.Contains(p, "/powers/") {
				out = append(out, strings.TrimPrefix(p, prefix))
			}
		}
		sort.Strings(out)
		return out
	}
	a, b := items(sl, "units/"), items(hu, "content/units/")
	if len(a) != opt.Items || strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Fatalf("item files differ: %d Sunlight, %d Hugo", len(a), len(b))
	}
	for _, p := range a {
		sb, hb := body(sl["units/"+p]), body(hu["content/units/"+p])
		if sb != hb {
			t.Fatalf("%s: bodies differ", p)
		}
	}
	for _, want := range []string{"config.toml", "layouts/_default/baseof.html", "layouts/power/single.html", "layouts/units/list.html",
		"layouts/_default/term.html", "layouts/_default/taxonomy.html", "layouts/index.html", "data/laws/xingzheng-chufa-fa.toml"} {
		if _, ok := hu[want]; !ok {
			t.Errorf("hugo site lacks %s", want)
		}
	}
}

func body(b []byte) string {
	s := string(b)
	i := strings.Index(s[3:], "\n+++\n")
	return s[i+3+5:]
}

func TestDirWriter(t *testing.T) {
	dir := t.TempDir()
	if err := gen.Generate(gen.Options{Items: 50, Units: 3, Seed: 1}, gen.DirWriter(dir)); err != nil {
		t.Fatal(err)
	}
	w := gen.DirWriter(dir)
	for _, bad := range []string{"/etc/x", "../x", "a/../../x", ""} {
		if err := w.WriteFile(bad, nil); err == nil {
			t.Errorf("WriteFile(%q) accepted", bad)
		}
	}
	if err := w.WriteFile("a/b.txt", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "a", "b.txt")); err != nil || string(b) != "x" {
		t.Errorf("a/b.txt: %q, %v", b, err)
	}
	// The files on disk are the ones generated in memory.
	mem := generate(t, gen.Options{Items: 50, Units: 3, Seed: 1})
	for p, data := range mem {
		if b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p))); err != nil || !bytes.Equal(b, data) {
			t.Fatalf("%s differs on disk (%v)", p, err)
		}
	}
	// A write error is reported.
	if err := os.WriteFile(filepath.Join(dir, "file"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := gen.Generate(gen.Options{Items: 10, Units: 1}, gen.DirWriter(filepath.Join(dir, "file"))); err == nil {
		t.Errorf("writing under a file succeeded")
	}
}
