package webtest

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"sunlight/internal/browsertest"
)

// TestPrint prints a power item and a benchmark to A4 PDF in Chromium and
// reads the PDF back: a plausible page count, the content present, and the
// navigation and search box left out by the print stylesheet.
func TestPrint(t *testing.T) {
	p := demo(t)
	ctx := browsertest.New(t, browsertest.Options{})
	ctx, cancel := browsertest.Timeout(ctx, 2*time.Minute)
	defer cancel()
	for _, tc := range []struct {
		name     string
		path     string
		maxPages int
	}{
		{"power", p.page["power"], 12},
		{"benchmark", p.page["benchmark"], 6},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(p.url+tc.path), chromedp.WaitReady("body")); err != nil {
			t.Fatal(err)
		}
		h1, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("main h1").textContent`))
		if err != nil {
			t.Fatal(err)
		}
		pdf, err := browsertest.PrintA4(ctx)
		if err != nil {
			t.Fatal(err)
		}
		text, pages := browsertest.PDFText(t, pdf)
		flat := strings.Join(strings.Fields(text), "")
		if pages < 1 || pages > tc.maxPages {
			t.Errorf("%s: %d pages", tc.name, pages)
		}
		if !strings.Contains(flat, strings.Join(strings.Fields(h1), "")[:min(len(h1), 30)]) {
			t.Errorf("%s: the title %q is not in the printed text", tc.name, h1)
		}
		for _, hidden := range []string{"跳到正文", "事项分类", "长者模式"} {
			if strings.Contains(flat, hidden) {
				t.Errorf("%s: %q printed; navigation must be hidden", tc.name, hidden)
			}
		}
		if !strings.Contains(flat, "适用条件") {
			t.Logf("%s", text)
			t.Errorf("%s: the benchmark table did not print", tc.name)
		}
		t.Logf("%s: %d A4 pages", tc.name, pages)
	}
}
