package site_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sunlight/internal/flowchart"
	"sunlight/internal/flowmodel"
	"sunlight/internal/site"
)

// TestDemoPortal builds the demo content shipped in content/ — with the
// base URL from site.toml and under a sub-path — and proves that it has no
// content errors, that every page type is written, and that no internal
// link, asset reference or #fragment of any page is broken.
func TestDemoPortal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole demo portal")
	}
	for _, tc := range []struct{ baseURL, basePath string }{
		{"", "/"},
		{"https://www.sfx.example.gov.cn/zwgk/lzfk/", "/zwgk/lzfk/"},
	} {
		t.Run(tc.basePath, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			res := build(t, demo, out, tc.baseURL)
			files := readTree(t, out)
			kinds := map[string]int{}
			for f := range files {
				parts := strings.Split(f, "/")
				switch {
				case len(parts) == 5 && parts[0] == "units":
					kinds[parts[2]]++ // powers, flows, benchmarks, risks
				case len(parts) == 3 && parts[0] == "units":
					kinds["unit"]++
				case len(parts) == 3:
					kinds[parts[0]]++ // categories, laws, pages
				}
			}
			for kind, min := range map[string]int{"powers": 300, "flows": 15, "benchmarks": 30, "risks": 10, "unit": 10, "categories": 11, "laws": 9, "pages": 3} {
				if kinds[kind] < min {
					t.Errorf("%d %s pages, want at least %d", kinds[kind], kind, min)
				}
			}
			for _, f := range []string{"index.html", "units/index.html", "categories/index.html", "benchmarks/index.html", "laws/index.html",
				"search/index.html", "coverage/index.html", "data/index.html", "changes/index.html", "sitemap/index.html", "404.html", "sitemap.xml", "feed.xml"} {
				if _, ok := files[f]; !ok {
					t.Errorf("missing %s", f)
				}
			}
			if n := checkLinks(t, out, tc.basePath); n < 10000 {
				t.Errorf("only %d links checked", n)
			}
			if res.Pages < 600 {
				t.Errorf("%d pages", res.Pages)
			}
		})
	}
}

// TestDemoFlowsAreDrawnCleanly lays out every flow of the demo content
// (authored, template-based and template-only) and checks the drawing
// guarantees: no overlapping boxes, no edge through a box, text inside its
// box, labels clear of boxes and of each other.
func TestDemoFlowsAreDrawnCleanly(t *testing.T) {
	s, _, diags := site.Load(site.Options{Content: os.DirFS(demo)})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	n := 0
	for _, u := range s.Units {
		for _, f := range u.Flows {
			d, err := flowchart.Layout(flowmodel.ToChart(f.ID, f.Name, f.Effective()))
			if err != nil {
				t.Errorf("%s: %v", f.Src.File, err)
				continue
			}
			for _, problem := range flowchart.CheckGeometry(d) {
				t.Errorf("%s: %s", f.Src.File, problem)
			}
			n++
		}
	}
	if n < 15 {
		t.Errorf("only %d flows in the demo content", n)
	}
}

// TestDemoPowerPagesStayLight: every power page that shows a flowchart is
// under 60 KB of HTML, inline SVG included, before compression.
func TestDemoPowerPagesStayLight(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, demo, out, "")
	pages, withFlow, largest := 0, 0, 0
	for f, b := range readTree(t, out) {
		if !strings.HasPrefix(f, "units/") || !strings.Contains(f, "/powers/") || strings.Count(f, "/") != 4 {
			continue
		}
		pages++
		if !bytes.Contains(b, []byte(`<figure class="flowchart"><svg`)) {
			continue
		}
		withFlow++
		largest = max(largest, len(b))
		if len(b) >= 60<<10 {
			t.Errorf("%s is %d KB with its flowchart, over the 60 KB budget", f, len(b)>>10)
		}
	}
	if withFlow < pages*9/10 {
		t.Errorf("only %d of %d power pages show a flowchart", withFlow, pages)
	}
	t.Logf("%d power pages, %d with a flowchart, largest %d bytes", pages, withFlow, largest)
}

// TestDemoComparesProvisionsAcrossUnits: the demo portal has at least five
// legal provisions applied by two or more units with differing tiers, each
// with a comparison page that shows the difference.
func TestDemoComparesProvisionsAcrossUnits(t *testing.T) {
	_, d, diags := site.Load(site.Options{Content: os.DirFS(demo)})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	differing := 0
	for _, p := range d.Bench.Compared() {
		if p.Differs && len(p.Notes) > 0 {
			differing++
		}
	}
	if differing < 5 {
		t.Fatalf("%d provisions differ across units, want at least 5", differing)
	}
	out := filepath.Join(t.TempDir(), "public")
	build(t, demo, out, "")
	files := readTree(t, out)
	shown := 0
	for _, p := range d.Bench.Compared() {
		b, ok := files["compare/"+p.Slug()+"/index.html"]
		if !ok {
			t.Errorf("no comparison page for %s", p.Key)
			continue
		}
		if p.Differs && bytes.Contains(b, []byte("≠ 各单位的裁量基准不一致")) {
			shown++
		}
	}
	if shown < 5 {
		t.Errorf("only %d comparison pages show a difference", shown)
	}
}
