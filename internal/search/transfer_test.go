package search

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// firstQueries picks, from a SampleDocs corpus, a common query, a rare
// phrase (one to three items contain it) and an item code.
func firstQueries(docs []Doc) (common, rare, code string) {
	common = "行政处罚"
	for _, d := range docs {
		if i := strings.Index(d.Body, "事项编码："); i >= 0 && code == "" {
			c := d.Body[i+len("事项编码："):]
			code = c[:strings.Index(c, "。")]
		}
		if i := strings.Index(d.Body, "说明："); i >= 0 && rare == "" {
			r := []rune(hanRuns(d.Body[i+len("说明："):])[0])
			if len(r) < 6 {
				continue
			}
			cand, n := string(r[1:6]), 0
			for _, e := range docs {
				if strings.Contains(e.Title, cand) || strings.Contains(e.Body, cand) {
					n++
				}
			}
			if n <= 3 {
				rare = cand
			}
		}
	}
	return common, rare, code
}

// TestFirstQueryTransfer measures, in Chromium, what a cold first query
// costs on a 10,000-item portal: bytes transferred (search.js, entry, and
// every index file, with JavaScript and JSON compressed as static hosts
// do, and without compression), request rounds after the page, and the
// time to results on a 170 ms, 9 Mbit/s network.
//
//	go test ./internal/search -run TestFirstQueryTransfer -v
//
// SUNLIGHT_SEARCH_ITEMS=100000 measures a larger portal.
func TestFirstQueryTransfer(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 10,000-item index")
	}
	items := 10000
	if v, err := strconv.Atoi(os.Getenv("SUNLIGHT_SEARCH_ITEMS")); err == nil && v > 0 {
		items = v
	}
	ctx := mustBrowser(t, chromedp.Flag("ignore-certificate-errors", true))
	si := mustSample(t, items)
	site := newTestSite(t, si.files, si.stats)
	// HTTP/2, as CDNs and most static hosts serve: a round of requests
	// then costs one round trip.
	srv := httptest.NewUnstartedServer(site)
	srv.EnableHTTP2 = true
	srv.StartTLS()
	defer srv.Close()
	t.Logf("index: %d files, %.1f MB (shards %d: %.1f MB; result chunks %d: %.1f MB; packs %d: %.1f MB); entry %d B",
		si.stats.Files, float64(si.stats.Bytes)/1e6, si.stats.Shards, float64(si.stats.ShardBytes)/1e6,
		si.stats.Chunks, float64(si.stats.ChunkBytes)/1e6, si.stats.Packs, float64(si.stats.PackBytes)/1e6, si.stats.EntryBytes)
	common, rare, code := firstQueries(si.docs)
	for _, c := range []struct{ kind, q string }{{"common", common}, {"rare", rare}, {"code", code}} {
		for _, gz := range []bool{true, false} {
			site.gzip = gz
			tctx, cancel := chromedp.NewContext(ctx)
			var total, files int
			var rounds int
			var ms float64
			var hits int
			err := chromedp.Do(tctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
					return err
				}
				if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
					return err
				}
				_, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
					MatchedNetworkConditions: []*network.Conditions{{Latency: 170, DownloadThroughput: 9e6 / 8, UploadThroughput: 9e6 / 8}},
				})
				return err
			}))
			if err != nil {
				cancel()
				t.Fatal(err)
			}
			site.take()
			err = chromedp.Do(tctx,
				chromedp.Navigate(srv.URL+basePath+"search/?q="+url.QueryEscape(c.q)),
				chromedp.Poll[chromedp.Void](`document.querySelector(".sl-summary")`, chromedp.WithPollingTimeout(60*time.Second)))
			if err != nil {
				cancel()
				t.Fatal(err)
			}
			ms = eval[float64](t, tctx, `performance.now()`)
			rounds = eval[int](t, tctx, `SunlightSearch.stats().rounds`)
			searchMS := eval[float64](t, tctx, `SunlightSearch.stats().ms`)
			hits = eval[int](t, tctx, `document.querySelectorAll(".sl-hit").length`)
			cancel()
			var names []string
			for p, n := range site.take() {
				if p == "search/" {
					continue // the page itself
				}
				total += n
				files++
				names = append(names, fmt.Sprintf("%s:%d", p, n))
			}
			slices.Sort(names)
			enc := "raw"
			if gz {
				enc = "gzip"
			}
			t.Logf("%-6s %-14q %-4s %6.1f KB in %2d files, %d rounds after the page, %2d hits; 170 ms RTT, 9 Mbit/s: results %4.0f ms after navigation, %4.0f ms after the query started",
				c.kind, c.q, enc, float64(total)/1024, files, rounds, hits, ms, searchMS)
			if testing.Verbose() {
				t.Logf("    %s", strings.Join(names, " "))
			}
			if gz && total > 60*1024 {
				t.Errorf("%s query %q: %d bytes transferred, want < 60 KB", c.kind, c.q, total)
			}
			if rounds > 2 {
				t.Errorf("%s query %q: %d rounds of requests after the page, want at most 2", c.kind, c.q, rounds)
			}
		}
	}
}
