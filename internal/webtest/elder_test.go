package webtest

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"sunlight/internal/browsertest"
)

// TestElderMode turns on 长者模式 with its switch and checks, on every page
// type: it is remembered across pages; base text is at least 18 px with
// line height at least 1.5; at 200 % zoom (640 CSS px of a 1280 px window)
// nothing scrolls sideways; touch targets are at least 44 px; and axe's
// enhanced-contrast rule (7:1, WCAG AAA) passes.
func TestElderMode(t *testing.T) {
	p := demo(t)
	axe := browsertest.AxeScript(t)
	ctx := browsertest.New(t, browsertest.Options{Width: 640, Height: 900})
	ctx, cancel := browsertest.Timeout(ctx, 3*time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(p.url), chromedp.WaitVisible("#elder-toggle"), chromedp.Click("#elder-toggle")); err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(p.page))
	for n := range p.page {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		if printPage(name) {
			continue // print documents have no switch; they print in black and white
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(p.url+p.page[name]), chromedp.WaitReady("body")); err != nil {
			t.Fatal(err)
		}
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify((() => {
			const cs = getComputedStyle(document.body);
			const small = [...document.querySelectorAll("header a, header button, nav a, footer a, button, input, .cards a")]
				.filter(e => e.offsetParent !== null)
				.map(e => e.getBoundingClientRect())
				.filter(r => r.height < 44).length;
			const smallList = [...document.querySelectorAll("header a, header button, nav a, footer a, button, input, .cards a")]
				.filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44).map(e => e.outerHTML.slice(0, 80) + " " + e.getBoundingClientRect().height);
			return {
				pressed: document.getElementById("elder-toggle").getAttribute("aria-pressed"),
				font: parseFloat(cs.fontSize),
				line: parseFloat(cs.lineHeight) / parseFloat(cs.fontSize),
				overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
				small: small, list: smallList,
			};
		})())`))
		if err != nil {
			t.Fatal(err)
		}
		var m struct {
			Pressed  string
			Font     float64
			Line     float64
			Overflow int
			Small    int
			List     []string
		}
		json.Unmarshal([]byte(raw), &m)
		if m.Pressed != "true" || m.Font < 18 || m.Line < 1.5 || m.Overflow > 0 || m.Small > 0 {
			t.Errorf("%s: elder mode %+v (want pressed, ≥18 px, ≥1.5, no sideways scroll, no target under 44 px)", name, m)
		}
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axe)); err != nil {
			t.Fatal(err)
		}
		res, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => {
			const r = await axe.run(document, {runOnly: {type: 'rule', values: ['color-contrast-enhanced']}});
			return JSON.stringify(r.violations.map(v => v.nodes.slice(0, 3).map(n => n.html + " " + n.any.map(a => a.message).join(";"))));
		})()`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		if res != "[]" {
			t.Errorf("%s: contrast below 7:1 in elder mode: %s", name, res)
		}
	}
	// Turning it off again is remembered too.
	if err := chromedp.Do(ctx, chromedp.Click("#elder-toggle"), chromedp.Navigate(p.url+"units/")); err != nil {
		t.Fatal(err)
	}
	font, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`parseFloat(getComputedStyle(document.body).fontSize)`))
	if font >= 18 {
		t.Errorf("elder mode still on after switching it off: %v px", font)
	}
}

// TestWithoutJavaScript opens every page type with JavaScript disabled:
// the content is there, the 长者模式 switch is a working link, and the
// benchmark table is complete without its controls.
func TestWithoutJavaScript(t *testing.T) {
	p := demo(t)
	ctx := browsertest.New(t, browsertest.Options{NoJS: true})
	ctx, cancel := browsertest.Timeout(ctx, 2*time.Minute)
	defer cancel()
	for name, path := range p.page {
		if printPage(name) {
			continue
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(p.url+path), chromedp.WaitReady("body")); err != nil {
			t.Fatal(err)
		}
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify({
			h1: (document.querySelector("main h1") || {}).textContent || "",
			elder: document.getElementById("elder-toggle").getAttribute("href"),
			role: document.getElementById("elder-toggle").getAttribute("role"),
			links: document.querySelectorAll("main a[href]").length,
		})`))
		if err != nil {
			t.Fatal(err)
		}
		var m struct {
			H1, Elder, Role string
			Links           int
		}
		json.Unmarshal([]byte(raw), &m)
		if strings.TrimSpace(m.H1) == "" || !strings.HasSuffix(m.Elder, "/accessibility/") || m.Role != "" {
			t.Errorf("%s without JS: %+v", name, m)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(p.url+"benchmarks/"), chromedp.WaitReady("body")); err != nil {
		t.Fatal(err)
	}
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#bench-table tbody tr").length`))
	hidden, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("bench-tools").hidden`))
	if err != nil || n < 50 || !hidden {
		t.Errorf("benchmark index without JS: %d rows, controls hidden=%v, %v", n, hidden, err)
	}
}

// printPage reports whether a page type is a print document.
func printPage(name string) bool { return name == "volume" || name == "poster" }
