package webtest

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"sunlight/internal/browsertest"
)

// TestScreenshots writes screenshots of the power-item page and the
// benchmark comparison page, normal and in elder mode, at phone and desktop
// width, for people to look at. It runs only when SUNLIGHT_SCREENSHOTS names
// the folder to write them to:
//
//	SUNLIGHT_SCREENSHOTS=$PWD/screenshots go test ./internal/webtest -run TestScreenshots
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("SUNLIGHT_SCREENSHOTS")
	if dir == "" {
		t.Skip("set SUNLIGHT_SCREENSHOTS to a folder to write screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := demo(t)
	for _, vp := range []struct {
		name string
		w, h int
	}{{"phone", 360, 800}, {"desktop", 1280, 900}} {
		ctx := browsertest.New(t, browsertest.Options{Width: vp.w, Height: vp.h})
		ctx, cancel := browsertest.Timeout(ctx, 2*time.Minute)
		for _, elder := range []bool{false, true} {
			mode := "normal"
			if elder {
				mode = "elder"
			}
			for _, pg := range []string{"power", "provision"} {
				script := `localStorage.setItem("sunlight-elder", "0")`
				if elder {
					script = `localStorage.setItem("sunlight-elder", "1")`
				}
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(int64(vp.w), int64(vp.h)), chromedp.Navigate(p.url+p.page[pg]), chromedp.Evaluate[chromedp.Void](script), chromedp.Reload(), chromedp.WaitReady("body")); err != nil {
					t.Fatal(err)
				}
				png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatal(err)
				}
				name := filepath.Join(dir, pg+"-"+vp.name+"-"+mode+".png")
				if err := os.WriteFile(name, png, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Log("wrote", name)
			}
		}
		cancel()
	}
}
