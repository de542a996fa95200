package site_test

import (
	"path/filepath"
	"strings"
	"testing"
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
