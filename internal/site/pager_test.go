package site_test

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"sunlight/internal/gen"
	"sunlight/internal/site"
)

// TestLongListsArePaginated builds a generated portal of 2,000 items in
// 250 units: the items of a category, those citing a law and the units
// compared on a provision continue on numbered pages that link to each
// other, and every entry is listed exactly once; a provision's differences
// are listed on its first page only.
func TestLongListsArePaginated(t *testing.T) {
	w := gen.MapWriter{}
	if err := gen.Generate(gen.Options{Items: 2000, Units: 250, Seed: 1}, w); err != nil {
		t.Fatal(err)
	}
	res, diags, err := site.Render(context.Background(), site.Options{Content: w.FS(), NoSearch: true})
	if err != nil || res == nil {
		t.Fatalf("render: %v\n%v", err, diags)
	}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	itemLink := `href="/units/[^"/]+/powers/([^"/]+)/"`
	for _, list := range []struct {
		first, count, entry string
		once                bool // every entry is listed exactly once
	}{
		{"categories/cf/", `共 (\d+) 项`, itemLink, true},
		{"laws/tudi-guanli-fa/", `引用本法的事项\((\d+) 项\)`, itemLink, false},
		{"compare/daqi-wuran-fangzhi-fa-119-1/", `(\d+) 个单位适用`, `<a href="/units/([^"/]+)/benchmarks/`, false},
	} {
		entry := regexp.MustCompile(list.entry)
		pages := 0
		seen := map[string]int{}
		for n := 1; ; n++ {
			path := list.first
			if n > 1 {
				path += strconv.Itoa(n) + "/"
			}
			html, ok := files[path+"index.html"]
			if !ok {
				break
			}
			pages++
			if !strings.Contains(html, `<nav class="pager" aria-label="分页">`) || !strings.Contains(html, `<span aria-current="page">第 `+strconv.Itoa(n)+` 页</span>`) {
				t.Errorf("%s: no pager marking page %d as current", path, n)
			}
			if n > 1 && !strings.Contains(html, `rel="prev"`) {
				t.Errorf("%s: no link to the previous page", path)
			}
			section := html
			if i := strings.Index(html, `id="h-cited"`); i >= 0 {
				section = html[i:]
				if j := strings.Index(section, "</section>"); j >= 0 {
					section = section[:j]
				}
			}
			if i := strings.Index(section, `<main`); i >= 0 {
				section = section[i:]
			}
			for _, m := range entry.FindAllStringSubmatch(section, -1) {
				seen[m[1]]++
			}
		}
		if pages < 2 {
			t.Fatalf("%s: %d page(s), want the list split", list.first, pages)
		}
		m := regexp.MustCompile(list.count).FindStringSubmatch(files[list.first+"index.html"])
		if m == nil {
			t.Fatalf("%s: no total count", list.first)
		}
		if strconv.Itoa(len(seen)) != m[1] {
			t.Errorf("%s: %d distinct items over %d pages, page 1 says %s", list.first, len(seen), pages, m[1])
		}
		for code, n := range seen {
			if n != 1 && list.once {
				t.Errorf("%s: item %s listed %d times", list.first, code, n)
			}
		}
	}

	// A provision's differences name every unit, so they are listed once,
	// on its first page, and the later pages point there: otherwise each
	// page would grow with the units of all the others.
	first, second := files["compare/daqi-wuran-fangzhi-fa-119-1/index.html"], files["compare/daqi-wuran-fangzhi-fa-119-1/2/index.html"]
	const notes = "各单位的裁量基准不一致:</strong></p><ul><li>"
	if !strings.Contains(first, notes) {
		t.Fatal("compare/daqi-wuran-fangzhi-fa-119-1/: no differences listed; the test needs a provision whose units differ")
	}
	if strings.Contains(second, notes) || !strings.Contains(second, `各处差异见<a href="/compare/daqi-wuran-fangzhi-fa-119-1/">第 1 页</a>`) {
		t.Error("compare/daqi-wuran-fangzhi-fa-119-1/2/: differences repeated, or no link to them on page 1")
	}
	// Nor does the range chart's text alternative repeat them.
	desc := regexp.MustCompile(`<desc id="[^"]*">([^<]*)</desc>`)
	m1, m2 := desc.FindStringSubmatch(first), desc.FindStringSubmatch(second)
	if m1 == nil || m2 == nil {
		t.Fatal("compare/daqi-wuran-fangzhi-fa-119-1/: no range chart description on pages 1 and 2")
	}
	for _, note := range regexp.MustCompile(`<li>([^<]*)</li>`).FindAllStringSubmatch(first[strings.Index(first, notes):], 3) {
		short := string([]rune(note[1])[:min(30, len([]rune(note[1])))]) + "…"
		if !strings.Contains(m1[1], note[1]) {
			t.Errorf("page 1's chart description lacks the difference %q", short)
		}
		if strings.Contains(m2[1], note[1]) {
			t.Errorf("page 2's chart description repeats the difference %q, which names every unit", short)
		}
	}
}
