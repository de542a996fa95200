package site_test

import (
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sunlight/internal/htmlcheck"
)

// TestDemoGovernmentWebsiteElements parses every page of the demo portal
// for what government-website inspections read: the <meta> tags SiteName,
// SiteDomain and SiteIDCode on every page, ColumnName/ColumnDescription/
// ColumnKeywords/ColumnType on list pages, ArticleTitle/PubDate
// (yyyy-MM-dd HH:mm)/ContentSource on item pages, and the footer elements
// (主办单位, 网站标识码, ICP备案号 linked to its registry, 公安备案号,
// 联系方式, 网站地图, the error-report link) — all from content/site.toml.
func TestDemoGovernmentWebsiteElements(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res := build(t, demo, out, "")
	cfg := res.Site.Config
	pubDate := regexp.MustCompile(`^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$`)
	lists, items := 0, 0
	for file, data := range readTree(t, out) {
		if path.Ext(file) != ".html" {
			continue
		}
		d, err := htmlcheck.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		meta := func(name string) string { return htmlcheck.Attr(d.First("meta[name="+name+"]"), "content") }
		if meta("SiteName") != cfg.Title || meta("SiteDomain") != "lzfk.sfx.example.gov.cn" || meta("SiteIDCode") != cfg.SiteCode {
			t.Errorf("%s: site meta tags = %q %q %q", file, meta("SiteName"), meta("SiteDomain"), meta("SiteIDCode"))
		}
		if meta("ColumnName") != "" {
			lists++
			for _, m := range []string{"ColumnDescription", "ColumnKeywords", "ColumnType"} {
				if meta(m) == "" {
					t.Errorf("%s: list page without %s", file, m)
				}
			}
		}
		if meta("ArticleTitle") != "" {
			items++
			if !pubDate.MatchString(meta("PubDate")) && !strings.HasPrefix(file, "compare/") {
				t.Errorf("%s: PubDate %q is not yyyy-MM-dd HH:mm", file, meta("PubDate"))
			}
			if meta("ContentSource") == "" {
				t.Errorf("%s: item page without ContentSource", file)
			}
		}
		if strings.Contains(file, "/powers/") && meta("ArticleTitle") == "" {
			t.Errorf("%s: power page without ArticleTitle", file)
		}
		if strings.Contains(file, "/volume/") || strings.HasSuffix(file, "/poster/index.html") {
			// Print pages carry the inspection elements in a one-line footer.
			if !strings.Contains(htmlcheck.Text(d.First("footer")), "网站标识码:"+cfg.SiteCode) {
				t.Errorf("%s: print page without the site footer", file)
			}
			continue
		}
		footer := d.First("footer")
		text := htmlcheck.Text(footer)
		for _, want := range []string{"主办单位:" + cfg.Organiser, "网站标识码:" + cfg.SiteCode, cfg.ICP, cfg.PoliceRecord, "联系电话:" + cfg.Phone, "网站地图", "我为政府网站找错"} {
			if !strings.Contains(text, strings.Join(strings.Fields(want), " ")) {
				t.Errorf("%s: footer lacks %q", file, want)
			}
		}
		icp := false
		for _, a := range (&htmlcheck.Doc{Root: footer}).Find("a") {
			if htmlcheck.Text(a) == cfg.ICP && strings.HasPrefix(htmlcheck.Attr(a, "href"), "https://beian.miit.gov.cn") {
				icp = true
			}
		}
		if !icp {
			t.Errorf("%s: ICP number not linked to the registry", file)
		}
	}
	if lists < 20 || items < 400 {
		t.Errorf("%d list pages and %d item pages carry their meta tags", lists, items)
	}
}

// TestDemoPageBudget: every page except search weighs under 100 KB of
// HTML, CSS and JavaScript together, uncompressed (search: 150 KB before
// the index; a print volume: 1 MB); no page makes an external request or
// uses a web font.
func TestDemoPageBudget(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, demo, out, "")
	files := readTree(t, out)
	for f, b := range files {
		if path.Ext(f) == ".css" && (strings.Contains(string(b), "@font-face") || strings.Contains(string(b), "@import")) {
			t.Errorf("%s loads fonts or other stylesheets", f)
		}
	}
	heaviest, heaviestFile := 0, ""
	for file, data := range files {
		if path.Ext(file) != ".html" {
			continue
		}
		d, _ := htmlcheck.Parse(data)
		total := len(data)
		for _, sel := range []string{"link[rel=stylesheet]", "script[src]", "img[src]", "iframe", "link[rel=preload]"} {
			for _, n := range d.Find(sel) {
				ref := htmlcheck.Attr(n, "href")
				if ref == "" {
					ref = htmlcheck.Attr(n, "src")
				}
				if strings.HasPrefix(ref, "http:") || strings.HasPrefix(ref, "https:") || strings.HasPrefix(ref, "//") {
					t.Errorf("%s: external request %s", file, ref)
					continue
				}
				if sel == "link[rel=stylesheet]" || sel == "script[src]" {
					total += len(files[strings.TrimPrefix(ref, "/")])
				}
			}
		}
		limit := 100 << 10
		switch {
		case file == "search/index.html":
			limit = 150 << 10
		case strings.Contains(file, "/volume/"):
			// A year-end volume is a document for printing (a unit's whole
			// disclosure, dozens of A4 pages), not a page to browse; every
			// part of it is also online within the budget.
			limit = 1 << 20
		}
		if total >= limit {
			t.Errorf("%s weighs %d KB with its CSS and JS, over %d KB", file, total>>10, limit>>10)
		}
		if total > heaviest && file != "search/index.html" {
			heaviest, heaviestFile = total, file
		}
	}
	t.Logf("heaviest page: %s, %d bytes with CSS and JS", heaviestFile, heaviest)
}
