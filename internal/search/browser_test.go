package search

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath is Debian's Chromium; .ci/run installs it.
const chromiumPath = "/usr/bin/chromium"

// basePath is the sub-path the test site lives under, as a portal's 专栏.
const basePath = "/lzfk/"

// mustBrowser starts a headless Chromium for the test. Without Chromium
// the test is skipped, except in CI, where it fails.
func mustBrowser(t *testing.T, opts ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("%s not installed (apt-get install chromium fonts-noto-cjk)", chromiumPath)
		}
		t.Fatalf("CI: %s not installed: %v", chromiumPath, err)
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), append([]chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	}, opts...)...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	if err := chromedp.Do(ctx); err != nil { // start the browser
		t.Fatalf("start %s: %v", chromiumPath, err)
	}
	return ctx
}

// testSite serves an exported index, search.js and a search page under
// basePath, counting the bytes of each response body.
type testSite struct {
	files map[string][]byte // paths relative to the site root
	entry string
	gzip  bool // compress JavaScript and JSON, as static hosts do

	mu    sync.Mutex
	bytes map[string]int
}

func newTestSite(t *testing.T, files []File, st Stats) *testSite {
	t.Helper()
	js, err := os.ReadFile(jsPath)
	if err != nil {
		t.Fatal(err)
	}
	ts := &testSite{files: map[string][]byte{"assets/search.js": js}, entry: st.Entry, bytes: map[string]int{}}
	for _, f := range files {
		ts.files[f.Path] = f.Data
	}
	return ts
}

const searchPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>搜索</title>
<meta name="sunlight-search" content="%[1]s%[2]s" data-base="%[1]s">
<link rel="preload" href="%[1]s%[2]s" as="fetch" crossorigin>
</head><body>
<form data-sunlight-search action="%[1]ssearch/" method="get" role="search">
<input type="search" name="q" aria-label="搜索"><button>搜索</button></form>
<div id="sunlight-results"></div>
<script src="%[1]sassets/search.js" defer></script>
</body></html>
`

func (ts *testSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p, ok := strings.CutPrefix(r.URL.Path, basePath)
	if !ok {
		http.NotFound(w, r)
		return
	}
	var body []byte
	ctype := "application/octet-stream"
	switch {
	case p == "search/":
		body, ctype = fmt.Appendf(nil, searchPage, basePath, ts.entry), "text/html; charset=utf-8"
	case ts.files[p] != nil:
		body = ts.files[p]
		switch path.Ext(p) {
		case ".js":
			ctype = "text/javascript; charset=utf-8"
		case ".json":
			ctype = "application/json"
		}
	default:
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	if ts.gzip && ctype != "application/octet-stream" && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		var b strings.Builder
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		zw.Write(body)
		zw.Close()
		body = []byte(b.String())
		w.Header().Set("Content-Encoding", "gzip")
	}
	ts.mu.Lock()
	ts.bytes[p] += len(body)
	ts.mu.Unlock()
	w.Write(body)
}

// take returns and resets the byte counts.
func (ts *testSite) take() map[string]int {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	b := ts.bytes
	ts.bytes = map[string]int{}
	return b
}

func eval[T any](t *testing.T, ctx context.Context, expr string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	v, err := chromedp.Run(tctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		t.Fatalf("evaluate %.200s: %v", expr, err)
	}
	return v
}

func jsString(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

type jsToken struct {
	Term     string `json:"term"`
	Position int    `json:"position"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Type     string `json:"type"`
}

// TestBrowser runs search.js in Chromium against an exported index served
// over HTTP and proves that it analyses text exactly as the Go analyser
// and returns exactly the results of the Go Searcher. It does not run in
// parallel with other tests: a browser is heavy enough.
func TestBrowser(t *testing.T) {
	ctx := mustBrowser(t)
	si := mustSample(t, 3000)
	s := mustOpen(t, si.files)
	site := newTestSite(t, si.files, si.stats)
	srv := httptest.NewServer(site)
	defer srv.Close()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+basePath+"search/")); err != nil {
		t.Fatal(err)
	}
	eval[bool](t, ctx, `typeof SunlightSearch === "object"`)

	t.Run("analyzer", func(t *testing.T) {
		strs := analyzerStrings(10000, 99)
		const batch = 500
		for i := 0; i < len(strs); i += batch {
			in := strs[i:min(len(strs), i+batch)]
			got := eval[[][]jsToken](t, ctx, `(`+jsString(in)+`).map(s => SunlightSearch.analyze(s))`)
			for k, str := range in {
				want := []jsToken{}
				for _, tk := range Analyze(str) {
					want = append(want, jsToken{tk.Term, tk.Position, tk.Start, tk.End, tk.Type})
				}
				// encoding/json writes invalid UTF-8 as U+FFFD, as the JS does.
				wb, _ := json.Marshal(want)
				want = nil
				json.Unmarshal(wb, &want)
				if g := got[k]; !reflect.DeepEqual(g, want) && !(len(g) == 0 && len(want) == 0) {
					t.Fatalf("analyze(%+q):\n JS %v\n Go %v", str, g, want)
				}
			}
		}
		t.Logf("%d strings analysed identically", len(strs))
	})

	t.Run("search", func(t *testing.T) {
		qs := testQueries(si.docs, 80, 2)
		for _, q := range qs {
			want := mustSearch(t, s, q)
			got := eval[Results](t, ctx, `SunlightSearch.search(`+jsString(q)+`)`, chromedp.EvalAwaitPromise)
			if !reflect.DeepEqual(normalizeResults(got), normalizeResults(want)) {
				gb, _ := json.Marshal(got)
				wb, _ := json.Marshal(want)
				t.Errorf("query %+v:\n JS %.600s\n Go %.600s", q, gb, wb)
			}
		}
		t.Logf("%d queries: identical results", len(qs))
	})

	t.Run("page", func(t *testing.T) {
		q := Query{Text: "食品经营许可", Type: "权力事项"}
		want := mustSearch(t, s, q)
		u := srv.URL + basePath + "search/?q=" + q.Text + "&type=" + q.Type
		if err := chromedp.Do(ctx, chromedp.Navigate(u), chromedp.Poll[chromedp.Void](`document.querySelector(".sl-summary")`)); err != nil {
			t.Fatal(err)
		}
		hrefs := eval[[]string](t, ctx, `[...document.querySelectorAll(".sl-title")].map(a => a.getAttribute("href"))`)
		var wantHrefs []string
		for _, h := range want.Hits {
			wantHrefs = append(wantHrefs, strings.TrimSuffix(basePath, "/")+h.URL)
		}
		if !reflect.DeepEqual(hrefs, wantHrefs) {
			t.Errorf("result links = %q, want %q", hrefs, wantHrefs)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll(".sl-hits mark").length`); n == 0 {
			t.Error("no highlighted matches")
		}
		// Filters link to the same page with the state in the query string.
		links := eval[[]string](t, ctx, `[...document.querySelectorAll(".sl-facet a")].map(a => a.getAttribute("href"))`)
		if len(links) == 0 || !strings.Contains(links[0], "q=") || !strings.HasPrefix(links[0], basePath+"search/?") {
			t.Errorf("facet links = %q", links)
		}
		// Text from the index is inserted as text, never as markup.
		if n := eval[int](t, ctx, `document.querySelectorAll("#sunlight-results script, #sunlight-results img").length`); n != 0 {
			t.Errorf("%d script or img elements inserted", n)
		}
	})
}

// normalizeResults clears what may legitimately differ in representation.
func normalizeResults(r Results) Results {
	if len(r.Hits) == 0 {
		r.Hits = nil
	}
	return r
}
