package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"sunlight/internal/htmlcheck"
)

// TestBenchScript runs the side-by-side benchmark script,
// internal/gen/testdata/bench.sh, end to end on a 40-item portal (one run,
// no settling time, with the print pages too) and checks the tables it
// prints against the files the builds left behind. Hugo's columns are filled where hugo is installed and
// empty elsewhere (CI does not install it). The script needs bash and
// /usr/bin/time (Debian package time), which .ci/run installs.
func TestBenchScript(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated portal several times")
	}
	for _, tool := range []string{"bash", "/usr/bin/time"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is missing: .ci/run installs it", tool)
			}
			t.Skipf("%s not installed", tool)
		}
	}
	_, hugoErr := exec.LookPath("hugo")
	haveHugo := hugoErr == nil && os.Getenv("CI") == ""
	bin := sunlightBinary(t)
	work := t.TempDir()
	args := []string{"../../internal/gen/testdata/bench.sh", "-r", "1", "-s", "40", "-u", "20", "-w", work, "-k", "-p"}
	if !haveHugo {
		args = append(args, "-H", filepath.Join(work, "no-hugo"))
	}
	cmd := exec.Command("bash", append(args, bin)...)
	cmd.Env = append(os.Environ(), "SETTLE=0")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("bench.sh: %v\n%s\n%s", err, out, stderr.String())
	}
	table := string(out)
	for _, want := range []string{"Date: ", "Machine: ", "Method: median of 1 runs", "| items | units | Sunlight pages |"} {
		if !strings.Contains(table, want) {
			t.Errorf("the output lacks %q:\n%s", want, table)
		}
	}
	var row, printRow []string
	for _, line := range strings.Split(table, "\n") {
		if strings.HasPrefix(line, "| 40 |") {
			var cells []string
			for _, c := range strings.Split(strings.Trim(line, "|"), "|") {
				cells = append(cells, strings.TrimSpace(c))
			}
			if row == nil {
				row = cells
			} else {
				printRow = cells
			}
		}
	}
	if len(row) != 12 {
		t.Fatalf("no row of 12 columns for 40 items:\n%s", table)
	}
	if len(printRow) != 4 || !strings.Contains(table, "With the print pages") {
		t.Fatalf("no print-pages row of 4 columns for 40 items:\n%s", table)
	}
	if row[1] != "2" {
		t.Errorf("units = %s, want 2 (40 items, 20 per unit)", row[1])
	}
	if want := strconv.Itoa(pages(t, filepath.Join(work, "40", "out-sunlight-1"))); row[2] != want {
		t.Errorf("Sunlight pages = %s, but its build wrote %s", row[2], want)
	}
	seconds, megabytes := regexp.MustCompile(`^[0-9]+\.[0-9]{2} s$`), regexp.MustCompile(`^[1-9][0-9]* MB$`)
	// The print pages add a poster per item and flow and a volume per
	// unit and year.
	withPrint := pages(t, filepath.Join(work, "40", "out-print-1"))
	if without, _ := strconv.Atoi(row[2]); printRow[1] != strconv.Itoa(withPrint) || withPrint <= without {
		t.Errorf("pages with the print pages = %s (its build wrote %d), without %s", printRow[1], withPrint, row[2])
	}
	if !seconds.MatchString(printRow[2]) || !megabytes.MatchString(printRow[3]) {
		t.Errorf("with the print pages: wall, RSS = %q, %q", printRow[2], printRow[3])
	}
	for _, c := range []struct {
		name, value string
		re          *regexp.Regexp
	}{
		{"Sunlight wall", row[3], seconds}, {"Sunlight RSS", row[4], megabytes},
		{"-no-search wall", row[5], seconds}, {"-no-search RSS", row[6], megabytes},
	} {
		if !c.re.MatchString(c.value) {
			t.Errorf("%s = %q", c.name, c.value)
		}
	}
	if !haveHugo {
		for i, c := range row[7:] {
			if c != "–" {
				t.Errorf("column %d = %q without hugo, want –", 8+i, c)
			}
		}
		if !strings.Contains(stderr.String(), "Hugo columns will be empty") {
			t.Errorf("no word that Hugo is missing:\n%s", stderr.String())
		}
		return
	}
	if want := strconv.Itoa(pages(t, filepath.Join(work, "40", "out-hugo-1"))); row[7] != want {
		t.Errorf("Hugo pages = %s, but its build wrote %s", row[7], want)
	}
	if !seconds.MatchString(row[8]) || !megabytes.MatchString(row[9]) {
		t.Errorf("Hugo wall, RSS = %q, %q", row[8], row[9])
	}
	for _, c := range row[10:] {
		if v, err := strconv.ParseFloat(c, 64); err != nil || v <= 0 {
			t.Errorf("ratio %q", c)
		}
	}
}

func pages(t *testing.T, dir string) int {
	t.Helper()
	n, err := htmlcheck.CountPages(dir)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
