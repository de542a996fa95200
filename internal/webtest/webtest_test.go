package webtest

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"sunlight/internal/browsertest"
	"sunlight/internal/serve"
	"sunlight/internal/site"
)

// portal is the demo portal, built once for the whole suite.
type portal struct {
	dir  string            // output directory
	url  string            // served base URL, ending in /
	page map[string]string // page type → site-relative path
}

var (
	once  sync.Once
	built portal
	err   error
)

// demo builds and serves the demo portal once per test binary.
func demo(t *testing.T) portal {
	t.Helper()
	once.Do(func() {
		dir, e := os.MkdirTemp("", "sunlight-webtest-")
		if e != nil {
			err = e
			return
		}
		out := filepath.Join(dir, "public")
		res, diags, e := site.Build(context.Background(), site.Options{Content: os.DirFS(filepath.Join(browsertest.Repo(t), "content")), Out: out, BaseURL: "http://127.0.0.1/lzfk/",
			ContentDir: filepath.Join(browsertest.Repo(t), "content")})
		if e != nil || res == nil {
			err = e
			if err == nil {
				err = diags
			}
			return
		}
		built = portal{dir: out, page: pickPages(out)}
		if h := res.History; h == nil || !h.Available || h.Shallow {
			// A checkout without the demo's git history (an export, a
			// shallow clone) has no revision pages to test.
			delete(built.page, "annual")
			delete(built.page, "snapshot")
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	p := built
	p.url = browsertest.Serve(t, serve.Handler(p.dir, "/lzfk/")) + "/lzfk/"
	return p
}

// pickPages finds one page of every page type in the output.
func pickPages(out string) map[string]string {
	pages := map[string]string{
		"home": "", "units": "units/", "categories": "categories/", "category": "categories/cf/", "benchmarks": "benchmarks/",
		"laws": "laws/", "coverage": "coverage/", "data": "data/", "changes": "changes/", "sitemap": "sitemap/", "search": "search/?q=临时建筑",
		"404": "does-not-exist/",
	}
	first := func(glob string, must string) string {
		matches, _ := filepath.Glob(filepath.Join(out, glob))
		sort.Strings(matches)
		for _, m := range matches {
			b, _ := os.ReadFile(m)
			if must == "" || strings.Contains(string(b), must) {
				rel, _ := filepath.Rel(out, filepath.Dir(m))
				return filepath.ToSlash(rel) + "/"
			}
		}
		return ""
	}
	pages["unit"] = first("units/*/index.html", "")
	pages["power"] = first("units/*/powers/*/index.html", `class="tiers"`)
	pages["flow"] = first("units/*/flows/*/index.html", "")
	pages["benchmark"] = first("units/*/benchmarks/*/index.html", "")
	pages["risks"] = first("units/*/risks/*/index.html", "")
	pages["law"] = first("laws/*/index.html", `id="h-cited"`)
	pages["page"] = first("pages/*/index.html", "")
	pages["compare"] = "compare/"
	pages["annual"] = first("units/*/changes/*/index.html", "风险等级")
	pages["snapshot"] = first("units/*/powers/*/history/*/index.html", "")
	pages["volume"] = first("units/*/volume/*/index.html", "")
	pages["poster"] = first("units/*/powers/*/poster/index.html", "")
	pages["provision"] = first("compare/*/index.html", "<svg")
	return pages
}
