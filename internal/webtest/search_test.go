package webtest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"sunlight/internal/browsertest"
	"sunlight/internal/search"
	"sunlight/internal/site"
)

// demoQueries are realistic queries on the demo portal: Chinese phrases,
// item names, codes, legal citations, one-character queries, absent codes
// and filters.
func demoQueries(t *testing.T) []search.Query {
	s, _, diags := site.Load(site.Options{Content: os.DirFS(filepath.Join(browsertest.Repo(t), "content"))})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	qs := []search.Query{
		{Text: "临时建筑"}, {Text: "最低生活保障"}, {Text: "行政处罚"}, {Text: "乡村建设规划许可证核发"}, {Text: "民政局"},
		{Text: "食品经营许可"}, {Text: "秸秆"}, {Text: "露天焚烧"}, {Text: "第三十四条"}, {Text: "第一百一十九条"},
		{Text: "大气污染防治法"}, {Text: "行政许可法 第三十二条"}, {Text: "镇"}, {Text: "罚"}, {Text: "审批留痕"},
		{Text: "集体讨论"}, {Text: "回避"}, {Text: "一次性告知"}, {Text: "听证"}, {Text: "宅基地"},
		{Text: "XYZ-000-不存在"}, {Text: "999999"}, {Text: "特困人员"}, {Text: "违法建设", Type: "裁量基准"},
		{Text: "风险", Level: "高"}, {Text: "许可", Category: "行政许可"}, {Text: "检查", Type: "权力事项", Category: "行政检查"},
		{Text: "罚款", Type: "裁量基准", Unit: "chengguan"}, {Text: "公示"}, {Text: "社会救助"},
		{Text: "三重一大"}, {Text: "投诉举报"}, {Text: "监督电话"}, {Text: "处五百元以上"}, {Text: "违法所得一倍以上三倍以下"},
		{Text: "土地管理法"}, {Text: "占用耕地"}, {Text: "噪声"}, {Text: "户外广告"}, {Text: "道路运输"},
	}
	for _, u := range s.Units {
		if len(qs) >= 70 {
			break
		}
		qs = append(qs, search.Query{Text: u.DisplayName()})
		if len(u.Powers) > 3 {
			p := u.Powers[len(u.Powers)/2]
			qs = append(qs, search.Query{Text: p.Name}, search.Query{Text: p.Code})
		}
	}
	return qs
}

// TestSearchBrowserMatchesCLI runs every demo query in Chromium through the
// real JS client against the built demo portal, and in Go through the
// Searcher that `sunlight search` uses, and requires identical ranked
// results (hits, order, totals, facets, snippets).
func TestSearchBrowserMatchesCLI(t *testing.T) {
	p := demo(t)
	searcher, err := search.OpenDir(p.dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t, browsertest.Options{})
	ctx, cancel := browsertest.Timeout(ctx, 3*time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(p.url+"search/"), chromedp.WaitReady("body")); err != nil {
		t.Fatal(err)
	}
	qs := demoQueries(t)
	if len(qs) < 50 {
		t.Fatalf("only %d queries", len(qs))
	}
	withHits := 0
	for _, q := range qs {
		want, err := searcher.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		qj, _ := json.Marshal(q)
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](`SunlightSearch.search(`+string(qj)+`)`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("query %+v: %v", q, err)
		}
		var got search.Results
		if err := json.Unmarshal(raw, &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(norm(got), norm(want)) {
			gb, _ := json.Marshal(got)
			wb, _ := json.Marshal(want)
			t.Errorf("query %+v:\n browser %.500s\n CLI     %.500s", q, gb, wb)
		}
		if len(want.Hits) > 0 && !want.Fallback {
			withHits++
		}
		if strings.HasPrefix(q.Text, "XYZ") || q.Text == "999999" {
			if len(want.Hits) != 0 {
				t.Errorf("absent code %q found %d results", q.Text, len(want.Hits))
			}
		}
	}
	if withHits < 40 {
		t.Errorf("only %d of %d queries found something", withHits, len(qs))
	}
	t.Logf("%d queries, %d with results: browser and CLI identical", len(qs), withHits)
}

// norm drops nil-vs-empty differences between the two JSON encodings.
func norm(r search.Results) string {
	b, _ := json.Marshal(r)
	var v any
	json.Unmarshal(b, &v)
	return fmt.Sprint(v)
}
