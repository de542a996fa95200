package gen_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sunlight/internal/gen"
)

// TestHugoBuilds builds the 1,000-item Hugo corpus with the hugo binary.
// It runs only where hugo is installed and CI is unset: CI does not depend
// on Hugo, which is only used for measurements.
func TestHugoBuilds(t *testing.T) {
	if os.Getenv("CI") != "" {
		t.Skip("CI is set")
	}
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		t.Skip("hugo not installed (apt-get install hugo)")
	}
	if testing.Short() {
		t.Skip("-short")
	}
	dir := t.TempDir()
	site, out := filepath.Join(dir, "site"), filepath.Join(dir, "public")
	if err := gen.GenerateHugo(gen.Options{Items: 1000, Seed: 1}, gen.DirWriter(site)); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(hugo, "--quiet", "-s", site, "-d", out)
	msg, err := cmd.CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(msg))) > 0 {
		t.Fatalf("hugo: %v\n%s", err, msg)
	}
	powers, _ := filepath.Glob(filepath.Join(out, "units", "*", "powers", "*", "index.html"))
	if len(powers) != 1000 {
		t.Errorf("hugo wrote %d item pages, want 1000", len(powers))
	}
	for _, p := range []string{"index.html", "units/index.html", "categories/index.html", "sitemap.xml"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Error(err)
		}
	}
	terms, _ := filepath.Glob(filepath.Join(out, "categories", "*", "index.html"))
	if len(terms) != 11 {
		t.Errorf("%d category pages, want 11", len(terms))
	}
	// An item page shows the statute text, the flow and the risks.
	page, err := os.ReadFile(powers[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"法律依据", "<blockquote>", "权力运行流程", `<ol class="steps">`, "廉政风险点", "追责情形"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("%s lacks %q", powers[0], want)
		}
	}
}
