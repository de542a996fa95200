package printpdf_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"sunlight/internal/printpdf"
)

// needTools skips the test when a tool is missing, except in CI (env CI
// set), where a missing tool is a failure: .ci/run must install it.
func needTools(t *testing.T, names ...string) map[string]string {
	t.Helper()
	paths := map[string]string{}
	for _, n := range names {
		var p string
		var err error
		if n == "chromium" {
			p, err = printpdf.FindChromium()
		} else {
			p, err = exec.LookPath(n)
		}
		if err != nil {
			if os.Getenv("CI") == "" {
				t.Skipf("%s not installed (Debian: apt-get install chromium poppler-utils fonts-noto-cjk)", n)
			}
			t.Fatalf("%s not installed in CI: %v", n, err)
		}
		paths[n] = p
	}
	return paths
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

type pdfInfo struct {
	pages int
	sizes [][2]float64 // per page, in points
}

var pageSizeLine = regexp.MustCompile(`(?m)^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts`)

// info runs pdfinfo over every page.
func info(t *testing.T, pdf string) pdfInfo {
	t.Helper()
	out, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", pdf, err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo: no page count in\n%s", out)
	}
	var pi pdfInfo
	pi.pages, _ = strconv.Atoi(string(m[1]))
	out, err = exec.Command("pdfinfo", "-f", "1", "-l", strconv.Itoa(pi.pages), pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo -f -l %s: %v", pdf, err)
	}
	for _, m := range pageSizeLine.FindAllSubmatch(out, -1) {
		w, _ := strconv.ParseFloat(string(m[1]), 64)
		h, _ := strconv.ParseFloat(string(m[2]), 64)
		pi.sizes = append(pi.sizes, [2]float64{w, h})
	}
	if len(pi.sizes) != pi.pages {
		t.Fatalf("pdfinfo: %d page sizes for %d pages in\n%s", len(pi.sizes), pi.pages, out)
	}
	return pi
}

func text(t *testing.T, pdf string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	return string(out)
}

func near(a, b float64) bool { return a-b < 1 && b-a < 1 }

const volumeHTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>青石镇 2025 年度权力运行公开汇编</title>
<style>
@page { size: A4; margin: 20mm 15mm; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 12pt; }
section { break-before: page; }
</style></head>
<body>
<h1>青石镇人民政府</h1><p>2025 年度廉政风险防控公开汇编</p>
<section><h2>权力清单</h2><table><tr><td>990101-001-CF-001-00</td><td>对违反村庄规划建设行为的行政处罚</td></tr></table></section>
<section><h2>廉政风险点</h2><p>风险等级：高（★★★）</p></section>
</body></html>
`

func TestPrintA4Chinese(t *testing.T) {
	t.Parallel()
	needTools(t, "chromium", "pdfinfo", "pdftotext")
	dir := t.TempDir()
	page := filepath.Join(dir, "青石镇 2025", "volume.html") // a path, with CJK and a space
	writeFile(t, page, volumeHTML)
	out := filepath.Join(dir, "pdf", "qingshi-2025.pdf") // parent created by Print
	if err := printpdf.Print(context.Background(), printpdf.Options{Page: page, Out: out}); err != nil {
		t.Fatalf("Print: %v", err)
	}
	pi := info(t, out)
	if pi.pages != 3 {
		t.Errorf("pages = %d, want 3 (cover and two sections)", pi.pages)
	}
	for i, s := range pi.sizes {
		if !near(s[0], 595.28) || !near(s[1], 841.89) {
			t.Errorf("page %d size = %v pt, want A4 595.28 x 841.89", i+1, s)
		}
	}
	txt := text(t, out)
	for _, want := range []string{"青石镇人民政府", "2025 年度廉政风险防控公开汇编", "对违反村庄规划建设行为的行政处罚", "990101-001-CF-001-00", "风险等级：高（★★★）"} {
		if !strings.Contains(txt, want) {
			t.Errorf("pdftotext lacks %q:\n%s", want, txt)
		}
	}
	// --no-pdf-header-footer: no date, title or file URL in the margins.
	for _, bad := range []string{"file://", "volume.html", "年度权力运行公开汇编"} {
		if strings.Contains(txt, bad) {
			t.Errorf("pdftotext has a header or footer (%q):\n%s", bad, txt)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "pdf", ".sunlight-print-*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestPrintA3Landscape(t *testing.T) {
	t.Parallel()
	needTools(t, "chromium", "pdfinfo", "pdftotext")
	dir := t.TempDir()
	page := filepath.Join(dir, "poster.html")
	writeFile(t, page, `<!doctype html><meta charset="utf-8"><style>@page { size: A3 landscape; margin: 10mm }
h1 { font-size: 48pt }</style><h1>行政处罚流程图</h1><p>投诉电话：12388</p>`)
	out := filepath.Join(dir, "poster.pdf")
	opt := printpdf.Options{Page: "file://" + filepath.ToSlash(page), Out: out, Paper: "A3", Landscape: true, Timeout: time.Minute}
	if err := printpdf.Print(context.Background(), opt); err != nil {
		t.Fatalf("Print: %v", err)
	}
	pi := info(t, out)
	if pi.pages != 1 || !near(pi.sizes[0][0], 1190.55) || !near(pi.sizes[0][1], 841.89) {
		t.Errorf("pdfinfo: %d pages, sizes %v; want 1 page of A3 landscape 1190.55 x 841.89", pi.pages, pi.sizes)
	}
	if txt := text(t, out); !strings.Contains(txt, "行政处罚流程图") || !strings.Contains(txt, "投诉电话：12388") {
		t.Errorf("pdftotext lacks the poster text:\n%s", txt)
	}
}

func TestPrintRealChromiumErrors(t *testing.T) {
	t.Parallel()
	needTools(t, "chromium")
	dir := t.TempDir()
	letter := filepath.Join(dir, "letter.html")
	writeFile(t, letter, `<!doctype html><meta charset="utf-8"><p>没有 @page 规则</p>`)
	tests := []struct {
		name   string
		opt    printpdf.Options
		is     error
		prefix string
	}{
		{"no @page rule", printpdf.Options{Page: letter, Out: filepath.Join(dir, "letter.pdf")}, printpdf.ErrPageSize,
			"printpdf: file://" + filepath.ToSlash(letter) + ": page size does not match the paper: got 612 × 792 pt, want A4 portrait (595.28 × 841.89 pt); set `@page { size: A4 }` in the page's CSS"},
		{"A4 page printed as A3 landscape", printpdf.Options{Page: "file://" + filepath.ToSlash(letter), Out: filepath.Join(dir, "x.pdf"), Paper: "a3", Landscape: true}, printpdf.ErrPageSize,
			"printpdf: file://" + filepath.ToSlash(letter) + ": page size does not match the paper: got 612 × 792 pt, want A3 landscape (1190.55 × 841.89 pt); set `@page { size: A3 landscape }` in the page's CSS"},
		{"page does not load", printpdf.Options{Page: "file://" + filepath.ToSlash(dir) + "/missing.html", Out: filepath.Join(dir, "missing.pdf")}, nil,
			"printpdf: file://" + filepath.ToSlash(dir) + "/missing.html: page load failed: net::ERR_FILE_NOT_FOUND\nchromium stderr (last lines):\n\t"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := printpdf.Print(context.Background(), tc.opt)
			var pe *printpdf.Error
			if err == nil || !strings.HasPrefix(err.Error(), tc.prefix) || !errors.As(err, &pe) || (tc.is != nil && !errors.Is(err, tc.is)) {
				t.Fatalf("Print(%s) = %v\nwant a *printpdf.Error starting %q", tc.name, err, tc.prefix)
			}
			if _, err := os.Stat(tc.opt.Out); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("Print(%s) failed but wrote %s", tc.name, tc.opt.Out)
			}
		})
	}
}

func TestPrintMissingChromium(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	page := filepath.Join(dir, "p.html")
	writeFile(t, page, "<p>x")
	out := filepath.Join(dir, "p.pdf")
	missing := filepath.Join(dir, "no", "chromium")
	err := printpdf.Print(context.Background(), printpdf.Options{Chromium: missing, Page: page, Out: out})
	want := "printpdf: stat " + missing + ": no such file or directory: chromium not found; install it (Debian: apt-get install chromium) or give its path"
	if err == nil || err.Error() != want {
		t.Fatalf("Print(Chromium: %s) = %v, want %q", missing, err, want)
	}
	if !errors.Is(err, printpdf.ErrNoChromium) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("error %v does not wrap ErrNoChromium and fs.ErrNotExist", err)
	}
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Print wrote %s", out)
	}
}

func TestPrintOptionErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	page := filepath.Join(dir, "p.html")
	writeFile(t, page, "<p>x")
	tests := []struct {
		name string
		opt  printpdf.Options
		want string
	}{
		{"no page", printpdf.Options{Out: "x.pdf"}, "printpdf: no page to print"},
		{"no out", printpdf.Options{Page: page}, "printpdf: no output file"},
		{"paper", printpdf.Options{Page: page, Out: "x.pdf", Paper: "Letter"}, `printpdf: unknown paper "Letter" (want A4 or A3)`},
		{"missing page", printpdf.Options{Page: filepath.Join(dir, "nope.html"), Out: "x.pdf"}, "printpdf: page: stat " + filepath.Join(dir, "nope.html") + ": no such file or directory"},
		{"chromium is a directory", printpdf.Options{Chromium: dir, Page: page, Out: "x.pdf"}, "printpdf: " + dir + ": not an executable file: chromium not found; install it (Debian: apt-get install chromium) or give its path"},
	}
	for _, tc := range tests {
		if err := printpdf.Print(context.Background(), tc.opt); err == nil || err.Error() != tc.want {
			t.Errorf("Print(%s) = %v, want %q", tc.name, err, tc.want)
		}
	}
}

// fakeChromium writes a shell script standing in for Chromium.
func fakeChromium(t *testing.T, script string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("needs /bin/sh")
	}
	p := filepath.Join(t.TempDir(), "chromium")
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+script), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// A fake that writes a minimal PDF with an A4 MediaBox to --print-to-pdf.
const writesA4 = `for a in "$@"; do case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; esac; done
printf '%%PDF-1.7\n<</Type /Pages /MediaBox [0 0 594.95996 841.91998]>>\n' > "$out"
`

func TestPrintFakeChromium(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	page := filepath.Join(dir, "p.html")
	writeFile(t, page, "<p>x")

	t.Run("command line", func(t *testing.T) {
		t.Parallel()
		argsFile := filepath.Join(t.TempDir(), "args")
		chromium := fakeChromium(t, `printf '%s\n' "$@" > `+argsFile+"\n"+writesA4)
		out := filepath.Join(t.TempDir(), "p.pdf")
		if err := printpdf.Print(context.Background(), printpdf.Options{Chromium: chromium, Page: page, Out: out}); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(argsFile)
		args := strings.Split(strings.TrimSpace(string(b)), "\n")
		fixed := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
			"--disable-component-update", "--disable-sync", "--no-first-run"}
		if len(args) != len(fixed)+4 || strings.Join(args[:len(fixed)], " ") != strings.Join(fixed, " ") ||
			!strings.HasPrefix(args[len(fixed)], "--user-data-dir=") || args[len(fixed)+1] != "--no-pdf-header-footer" ||
			!strings.HasPrefix(args[len(fixed)+2], "--print-to-pdf="+filepath.Dir(out)+"/.sunlight-print-") ||
			args[len(fixed)+3] != "file://"+filepath.ToSlash(page) {
			t.Errorf("chromium arguments:\n%s", b)
		}
		profile := strings.TrimPrefix(args[len(fixed)], "--user-data-dir=")
		if _, err := os.Stat(profile); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("profile %s not removed", profile)
		}
		if pdf, _ := os.ReadFile(out); !strings.HasPrefix(string(pdf), "%PDF-1.7") {
			t.Errorf("Out = %q, want the fake PDF", pdf)
		}
	})

	tests := []struct {
		name    string
		script  string
		timeout time.Duration
		want    string
	}{
		{"exit status and stderr tail",
			"echo '[1:1:ERROR:dbus/bus.cc:405] Failed to connect to the bus' >&2\necho 'FATAL: renderer crashed' >&2\nexit 3\n", 0,
			"printpdf: URL: chromium: exit status 3\nchromium stderr (last lines):\n\tFATAL: renderer crashed"},
		{"no PDF written", "echo 'bytes written? no'\n", 0,
			"printpdf: URL: chromium wrote no PDF\nchromium stderr (last lines):\n\tbytes written? no"},
		{"not a PDF", `for a in "$@"; do case "$a" in --print-to-pdf=*) echo '<html>' > "${a#--print-to-pdf=}";; esac; done` + "\n", 0,
			"printpdf: URL: chromium wrote a file that is not a PDF"},
		// The child sleep keeps stderr open: the process group kill must end it.
		{"timeout", "echo 'loading' >&2\nsleep 30 & sleep 30\n", 300 * time.Millisecond,
			"printpdf: URL: chromium timed out after 300ms\nchromium stderr (last lines):\n\tloading"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			chromium := fakeChromium(t, tc.script)
			out := filepath.Join(t.TempDir(), "p.pdf")
			start := time.Now()
			err := printpdf.Print(context.Background(), printpdf.Options{Chromium: chromium, Page: page, Out: out, Timeout: tc.timeout})
			want := strings.ReplaceAll(tc.want, "URL", "file://"+filepath.ToSlash(page))
			var pe *printpdf.Error
			if err == nil || err.Error() != want || !errors.As(err, &pe) {
				t.Errorf("Print(%s) = %v\nwant %q", tc.name, err, want)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("Print(%s) took %v", tc.name, d)
			}
			entries, _ := os.ReadDir(filepath.Dir(out))
			if len(entries) != 0 {
				t.Errorf("Print(%s) left %d files in the output directory", tc.name, len(entries))
			}
		})
	}
}

func TestPrintCanceled(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	page := filepath.Join(dir, "p.html")
	writeFile(t, page, "<p>x")
	chromium := fakeChromium(t, "sleep 30\n")
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	err := printpdf.Print(ctx, printpdf.Options{Chromium: chromium, Page: page, Out: filepath.Join(dir, "p.pdf")})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Print after cancel = %v, want context.Canceled", err)
	}
}
