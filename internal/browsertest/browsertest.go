// Package browsertest runs tests in a real browser: Debian's headless
// Chromium driven over the DevTools protocol (chromedp), against pages
// served over real HTTP on 127.0.0.1. It is imported only by _test files.
//
// Outside CI a missing Chromium skips the test; with CI set in the
// environment it fails it, so a machine without a browser can never pass
// the browser suite by accident. .ci/run installs Chromium and the Noto CJK
// fonts, and axe-core under .ci/node_modules.
package browsertest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// ChromiumPath finds the browser.
func ChromiumPath() string {
	for _, p := range []string{os.Getenv("SUNLIGHT_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p != "" {
			if _, err := os.Stat(p); err == nil {
				return p
			}
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	return ""
}

// need skips (or, in CI, fails) a test that lacks a prerequisite.
func need(t testing.TB, ok bool, what string) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is missing; .ci/run must install it", what)
	}
	t.Skipf("%s is missing (install it to run the browser tests)", what)
}

// Options for a browser.
type Options struct {
	Width, Height int  // viewport (default 1280×900)
	NoJS          bool // disable JavaScript
}

// New starts a headless Chromium for the test and returns a browser
// context; it is closed when the test ends.
func New(t testing.TB, opt Options) context.Context {
	t.Helper()
	path := ChromiumPath()
	need(t, path != "", "Chromium (Debian package chromium)")
	if opt.Width == 0 {
		opt.Width, opt.Height = 1280, 900
	}
	allocOpts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(opt.Width, opt.Height),
	}
	if opt.NoJS {
		allocOpts = append(allocOpts, chromedp.Flag("blink-settings", "scriptEnabled=false"))
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), allocOpts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// Serve serves dir over HTTP on 127.0.0.1 for the test, with h wrapping
// the file server when given; it returns the server's URL.
func Serve(t testing.TB, h http.Handler) string {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// Timeout bounds ctx for one step of a browser test.
func Timeout(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, d)
}

// Repo returns the repository root (where go.mod is).
func Repo(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// AxeScript returns the source of axe-core (from .ci/node_modules, or
// SUNLIGHT_AXE).
func AxeScript(t testing.TB) string {
	t.Helper()
	p := os.Getenv("SUNLIGHT_AXE")
	if p == "" {
		p = filepath.Join(Repo(t), ".ci", "node_modules", "axe-core", "axe.min.js")
	}
	b, err := os.ReadFile(p)
	need(t, err == nil, "axe-core (npm install --prefix .ci)")
	return string(b)
}

// AxeLocale returns axe-core's Chinese messages, or "" when absent.
func AxeLocale(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(Repo(t), ".ci", "node_modules", "axe-core", "locales", "zh_CN.json"))
	if err != nil {
		return ""
	}
	return string(b)
}

// PrintA4 prints the current page of ctx to PDF on A4 paper, as the
// browser's print dialog would (print stylesheet, backgrounds off).
func PrintA4(ctx context.Context) ([]byte, error) {
	return chromedp.Run(ctx, func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		margin := 0.4
		res, err := cdp.Call(ctx, t, page.PrintToPDF, page.PrintToPDFParams{
			PaperWidth: 8.27, PaperHeight: 11.69,
			MarginTop: &margin, MarginBottom: &margin, MarginLeft: &margin, MarginRight: &margin,
		})
		if err != nil {
			return nil, err
		}
		return res.Data, nil
	})
}

// PDFText extracts a PDF's text and page count with poppler's pdftotext
// and pdfinfo (Debian package poppler-utils).
func PDFText(t testing.TB, pdf []byte) (text string, pages int) {
	t.Helper()
	_, err1 := exec.LookPath("pdftotext")
	_, err2 := exec.LookPath("pdfinfo")
	need(t, err1 == nil && err2 == nil, "pdftotext and pdfinfo (Debian package poppler-utils)")
	f := filepath.Join(t.TempDir(), "page.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	info, err := exec.Command("pdfinfo", f).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	for _, line := range strings.Split(string(info), "\n") {
		if v, ok := strings.CutPrefix(line, "Pages:"); ok {
			pages, _ = strconv.Atoi(strings.TrimSpace(v))
		}
	}
	return string(out), pages
}
