package webtest

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"sunlight/internal/browsertest"
)

// axeResult is the part of axe.run's result the suite reads.
type axeResult struct {
	Violations []struct {
		ID     string `json:"id"`
		Impact string `json:"impact"`
		Help   string `json:"help"`
		Nodes  []struct {
			Target []any  `json:"target"`
			HTML   string `json:"html"`
		} `json:"nodes"`
	} `json:"violations"`
	Passes []struct {
		ID string `json:"id"`
	} `json:"passes"`
}

// TestAccessibility opens one page of every page type at desktop and phone
// width and runs axe-core with the WCAG 2.1 A/AA rules plus the WCAG 2.2
// target-size rule, and the heading-order, landmark and region rules. Any
// violation fails the test, with axe's Chinese
// message where it has one. Run with -v for the per-page report of the
// rules checked and passed.
func TestAccessibility(t *testing.T) {
	p := demo(t)
	axe := browsertest.AxeScript(t)
	locale := browsertest.AxeLocale(t)
	names := make([]string, 0, len(p.page))
	for name := range p.page {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, vp := range []struct {
		name string
		w, h int
	}{{"desktop", 1280, 900}, {"phone", 360, 740}} {
		t.Run(vp.name, func(t *testing.T) {
			ctx := browsertest.New(t, browsertest.Options{Width: vp.w, Height: vp.h})
			var report []string
			for _, name := range names {
				path := p.page[name]
				if path == "" && name != "home" {
					t.Errorf("no page of type %s in the demo portal", name)
					continue
				}
				url := p.url + path
				sctx, cancel := browsertest.Timeout(ctx, 60*time.Second)
				setup := "axe.configure({locale: " + locale + "});"
				if locale == "" {
					setup = ""
				}
				script := `(async () => {` + setup + `
					const r = await axe.run(document, {
						runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
						rules: {'target-size': {enabled: true}, 'heading-order': {enabled: true}, 'page-has-heading-one': {enabled: true}, 'landmark-one-main': {enabled: true}, 'region': {enabled: true}},
						resultTypes: ['violations', 'passes']
					});
					return JSON.stringify({violations: r.violations, passes: r.passes.map(x => ({id: x.id}))});
				})()`
				err := chromedp.Do(sctx,
					chromedp.EmulateViewport(int64(vp.w), int64(vp.h)),
					chromedp.Navigate(url),
					chromedp.WaitReady("body"),
				)
				if err == nil && name == "search" { // wait for the results
					err = chromedp.Do(sctx, chromedp.Poll[chromedp.Void](`document.querySelector(".sl-summary")`))
				}
				if err == nil {
					_, err = chromedp.Run(sctx, chromedp.Evaluate[chromedp.Void](axe))
				}
				var raw string
				if err == nil {
					raw, err = chromedp.Run(sctx, chromedp.Evaluate[string](script, chromedp.EvalAwaitPromise))
				}
				if err == nil { // reflow: nothing scrolls sideways at this width
					var over int
					over, err = chromedp.Run(sctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - document.documentElement.clientWidth`))
					if over > 0 {
						t.Errorf("%s page /%s (%s): the page scrolls sideways by %d px", name, path, vp.name, over)
					}
				}
				cancel()
				if err != nil {
					t.Errorf("%s (%s): %v", name, url, err)
					continue
				}
				var res axeResult
				if err := json.Unmarshal([]byte(raw), &res); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				var passed []string
				for _, ps := range res.Passes {
					passed = append(passed, ps.ID)
				}
				report = append(report, fmt.Sprintf("%-10s %-45s %2d rules passed: %s", name, "/"+path, len(passed), strings.Join(passed, " ")))
				for _, v := range res.Violations {
					var where []string
					for i, n := range v.Nodes {
						if i == 3 {
							where = append(where, fmt.Sprintf("… %d more", len(v.Nodes)-3))
							break
						}
						where = append(where, fmt.Sprintf("%v %s", n.Target, n.HTML))
					}
					t.Errorf("%s page /%s (%s): %s [%s, %s]\n    %s", name, path, vp.name, v.Help, v.ID, v.Impact, strings.Join(where, "\n    "))
				}
			}
			t.Logf("axe report (%s, %d×%d):\n%s", vp.name, vp.w, vp.h, strings.Join(report, "\n"))
		})
	}
}
