package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkServeEdit measures live preview on a generated portal: `sunlight
// serve` runs on a free loopback port; 50 edits of three kinds are made to
// the content files — a power item's text (30), the name of a unit shown on
// its hundred item pages (10), a step of a flow shared by many items (10) —
// and for each, the time from the file write until the rebuilt page on
// disk shows the edit. It reports the median and p95 in milliseconds and
// the resident memory of the server after the edits. b.N is ignored.
//
//	SUNLIGHT_BENCH_ITEMS=10000 go test ./cmd/sunlight -run '^$' -bench ServeEdit -benchtime 1x
func BenchmarkServeEdit(b *testing.B) {
	items := benchItems()
	bin := filepath.Join(b.TempDir(), "sunlight")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	content, out := filepath.Join(b.TempDir(), "content"), filepath.Join(b.TempDir(), "public")
	if o, err := exec.Command(bin, "gen", "-items", strconv.Itoa(items), "-out", content).CombinedOutput(); err != nil {
		b.Fatalf("gen: %v\n%s", err, o)
	}
	srv := exec.Command(bin, "serve", "-content", content, "-out", out, "-addr", "127.0.0.1:0", "-no-search", "-no-history")
	stdout, _ := srv.StdoutPipe()
	srv.Stderr = nil
	if err := srv.Start(); err != nil {
		b.Fatal(err)
	}
	defer srv.Process.Kill()
	if _, err := bufio.NewReader(stdout).ReadString('\n'); err != nil { // "Serving at …"
		b.Fatal(err)
	}
	units, _ := filepath.Glob(filepath.Join(content, "units", "*"))
	sort.Strings(units)
	type edit struct {
		kind, file, old, new, page, want string
	}
	var edits []edit
	for i := 0; len(edits) < 50; i++ {
		u := units[i%len(units)]
		unit := filepath.Base(u)
		switch {
		case len(edits) < 30: // a power item's text
			powers, _ := filepath.Glob(filepath.Join(u, "powers", "*.md"))
			sort.Strings(powers)
			p := powers[i%len(powers)]
			code := frontValue(p, "code")
			marker := fmt.Sprintf("(第%d次修改的办理须知)", i)
			edits = append(edits, edit{"item", p, "", marker, filepath.Join(out, "units", unit, "powers", code, "index.html"), marker})
		case len(edits) < 40: // a unit's name, on its item pages
			f := filepath.Join(u, "unit.toml")
			name := frontValue(f, "name")
			edits = append(edits, edit{"unit", f, `name = "` + name + `"`, `name = "` + name + "(" + strconv.Itoa(i) + ")" + `"`, filepath.Join(out, "units", unit, "index.html"), name + "(" + strconv.Itoa(i) + ")"})
		default: // a shared flow's step
			flows, _ := filepath.Glob(filepath.Join(u, "flows", "*.toml"))
			sort.Strings(flows)
			f := flows[0]
			step := frontValue(f, "name")
			edits = append(edits, edit{"flow", f, `name = "` + step + `"`, `name = "` + step + strconv.Itoa(i) + `"`, filepath.Join(out, "units", unit, "flows", strings.TrimSuffix(filepath.Base(f), ".toml"), "index.html"), step + strconv.Itoa(i)})
		}
	}
	var times []float64
	byKind := map[string][]float64{}
	for _, e := range edits {
		data, err := os.ReadFile(e.file)
		if err != nil {
			b.Fatal(err)
		}
		text := string(data)
		if e.old == "" {
			text += "\n" + e.new + "\n"
		} else {
			text = strings.Replace(text, e.old, e.new, 1)
		}
		start := time.Now()
		if err := os.WriteFile(e.file, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		for {
			page, _ := os.ReadFile(e.page)
			if strings.Contains(string(page), e.want) {
				break
			}
			if time.Since(start) > time.Minute {
				b.Fatalf("%s edit of %s never reached %s", e.kind, e.file, e.page)
			}
			time.Sleep(time.Millisecond)
		}
		ms := float64(time.Since(start).Microseconds()) / 1000
		times = append(times, ms)
		byKind[e.kind] = append(byKind[e.kind], ms)
		time.Sleep(50 * time.Millisecond) // let the watcher settle between edits
	}
	b.ReportMetric(percentile(times, 50), "median-ms")
	b.ReportMetric(percentile(times, 95), "p95-ms")
	for k, v := range byKind {
		b.ReportMetric(percentile(v, 50), k+"-median-ms")
	}
	b.ReportMetric(rssMB(srv.Process.Pid), "server-RSS-MB")
}

func benchItems() int {
	if v, err := strconv.Atoi(os.Getenv("SUNLIGHT_BENCH_ITEMS")); err == nil && v > 0 {
		return v
	}
	return 10000
}

// frontValue reads the first `key = "value"` line of a content file.
func frontValue(file, key string) string {
	data, _ := os.ReadFile(file)
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, key+` = "`); ok {
			return strings.TrimSuffix(v, `"`)
		}
	}
	return ""
}

func percentile(v []float64, p int) float64 {
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[(len(s)-1)*p/100]
}

func rssMB(pid int) float64 {
	data, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.Atoi(strings.Fields(v)[0])
			return float64(kb) / 1024
		}
	}
	return 0
}
