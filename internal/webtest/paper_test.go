package webtest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"sunlight/internal/browsertest"
	"sunlight/internal/model"
	"sunlight/internal/permalink"
	"sunlight/internal/printpdf"
	"sunlight/internal/qrcode/qrcodetest"
	"sunlight/internal/site"
)

// pdfPages prints a served page to PDF with headless Chromium, as
// `sunlight print` does, and returns the text of each page (pdftotext -raw).
func pdfPages(t *testing.T, page, paper string) []string {
	t.Helper()
	chromium, err := printpdf.FindChromium()
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext (poppler-utils) is missing")
		}
		t.Skip("pdftotext (poppler-utils) is missing")
	}
	out := filepath.Join(t.TempDir(), "out.pdf")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// Print checks that every page has the paper size asked for.
	if err := printpdf.Print(ctx, printpdf.Options{Chromium: chromium, Page: page, Out: out, Paper: paper}); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", "-raw", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(string(text), "\f")
	if len(pages) > 0 && strings.TrimSpace(pages[len(pages)-1]) == "" {
		pages = pages[:len(pages)-1]
	}
	return pages
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// TestVolumePrintsEveryItemOnA4 prints the demo county's largest unit
// volume and checks: A4 pages; a plausible page count; every power item's
// name in the text; and no flowchart split across pages (every step of a
// flowchart is on the page that carries its caption).
func TestVolumePrintsEveryItemOnA4(t *testing.T) {
	p := demo(t)
	s, _, diags := site.Load(site.Options{Content: os.DirFS(filepath.Join(browsertest.Repo(t), "content"))})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var largest *model.Unit
	for _, u := range s.Units {
		if largest == nil || len(u.Powers) > len(largest.Powers) {
			largest = u
		}
	}
	pages := pdfPages(t, p.url+permalink.Volume(largest, s.Config.Year), "A4")
	all := squeeze(strings.Join(pages, ""))
	var flows []*model.Flow
	for _, f := range largest.Flows {
		if len(f.UsedBy) > 0 {
			flows = append(flows, f)
		}
	}
	items := 0
	for _, pw := range largest.Powers {
		if pw.Status == "取消" {
			continue
		}
		items++
		if !strings.Contains(all, squeeze(pw.FullName())) {
			t.Errorf("the volume lacks %q", pw.FullName())
		}
	}
	if n := len(pages); n < items/10+len(flows) || n > 400 {
		t.Errorf("%d pages for %d items and %d flowcharts", n, items, len(flows))
	}
	caption := regexp.MustCompile(`流程图(\d+)/(\d+)`)
	seen := 0
	for i, page := range pages {
		m := caption.FindStringSubmatch(squeeze(page))
		if m == nil {
			continue
		}
		seen++
		var f *model.Flow
		for _, fl := range flows {
			if strings.Contains(squeeze(page), squeeze(fl.Name)) {
				f = fl
			}
		}
		if f == nil {
			t.Errorf("page %d: flowchart caption without a known flow", i+1)
			continue
		}
		for _, st := range f.Effective() {
			prefix := st.Name
			if utf8.RuneCountInString(prefix) > 2 {
				prefix = string([]rune(prefix)[:2])
			}
			if !strings.Contains(squeeze(page), prefix) {
				t.Errorf("page %d: step %q of %s is not on the flowchart's page (split?)", i+1, st.Name, f.Name)
			}
		}
	}
	if seen != len(flows) {
		t.Errorf("%d flowchart pages, want %d", seen, len(flows))
	}
	t.Logf("%s: %d A4 pages, %d items, %d flowcharts", largest.Name, len(pages), items, len(flows))
}

// TestPosterPrintsOnA3WithAWorkingQRCode prints one poster on A3 and
// decodes its QR code to the item's absolute URL under the base URL.
func TestPosterPrintsOnA3WithAWorkingQRCode(t *testing.T) {
	p := demo(t)
	path := p.page["poster"]
	pages := pdfPages(t, p.url+path, "A3")
	html, err := os.ReadFile(filepath.Join(p.dir, filepath.FromSlash(path), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	texts, err := qrcodetest.DecodeAll(html)
	if err != nil {
		t.Fatal(err)
	}
	want := "http://127.0.0.1/lzfk/" + strings.TrimSuffix(path, "poster/")
	if len(texts) != 1 || texts[0] != want {
		t.Fatalf("QR codes decode to %q, want [%q]", texts, want)
	}
	if len(pages) < 1 || len(pages) > 4 {
		t.Errorf("poster has %d A3 pages", len(pages))
	}
	if !strings.Contains(squeeze(strings.Join(pages, "")), "监督举报") {
		t.Error("poster text lacks the complaint channels")
	}
}
