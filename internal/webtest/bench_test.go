package webtest

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"sunlight/internal/browsertest"
)

// TestBenchmarkIndexSortsAndFilters drives the benchmark index's controls
// in the browser: the numeric sort puts the highest fine first, and the
// filters narrow the rows.
func TestBenchmarkIndexSortsAndFilters(t *testing.T) {
	p := demo(t)
	ctx := browsertest.New(t, browsertest.Options{})
	ctx, cancel := browsertest.Timeout(ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(p.url+"benchmarks/"), chromedp.WaitVisible("#bench-filter")); err != nil {
		t.Fatal(err)
	}
	eval := func(js string) float64 {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[float64](js))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	total := eval(`document.querySelectorAll("#bench-table tbody tr").length`)
	maxAll := eval(`Math.max(...[...document.querySelectorAll("#bench-table tbody tr")].map(r => +r.cells[4].dataset.value))`)
	// Sort by 最高罚款 twice: descending puts the highest first.
	eval(`document.querySelectorAll("#bench-table th button.sort")[4].click(); document.querySelectorAll("#bench-table th button.sort")[4].click(); 0`)
	if first := eval(`+document.querySelector("#bench-table tbody tr").cells[4].dataset.value`); first != maxAll || maxAll == 0 {
		t.Errorf("after sorting, first row's fine = %v, want the highest %v", first, maxAll)
	}
	// Filter by minimum fine, then by text.
	shown := eval(`const m = document.getElementById("bench-min"); m.value = "100000"; m.dispatchEvent(new Event("input")); [...document.querySelectorAll("#bench-table tbody tr")].filter(r => !r.hidden).length`)
	if shown == 0 || shown >= total {
		t.Errorf("min-fine filter shows %v of %v rows", shown, total)
	}
	bad := eval(`[...document.querySelectorAll("#bench-table tbody tr")].filter(r => !r.hidden && +r.cells[4].dataset.value < 100000).length`)
	if bad != 0 {
		t.Errorf("%v rows below the minimum are shown", bad)
	}
	shown = eval(`document.getElementById("bench-min").value = ""; const f = document.getElementById("bench-filter"); f.value = "大气"; f.dispatchEvent(new Event("input")); [...document.querySelectorAll("#bench-table tbody tr")].filter(r => !r.hidden).length`)
	if shown == 0 || shown >= total {
		t.Errorf("text filter shows %v of %v rows", shown, total)
	}
}
