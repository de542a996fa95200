package cli

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeEditsAppearWithReloadEvent starts `sunlight serve` on a free
// loopback port, edits a file, and sees the new content over HTTP and a
// reload event on the SSE stream; then breaks the file and sees the
// problem event while the last good page is still served.
func TestServeEditsAppearWithReloadEvent(t *testing.T) {
	content := t.TempDir()
	files := map[string]string{
		"site.toml":            "title = \"示范县廉政风险防控公开平台\"\nregion = \"示范县\"\norganiser = \"县纪委\"\nsite_code = \"9999000001\"\nbase_url = \"https://lzfk.example.gov.cn/lzfk/\"\nyear = 2025\n",
		"units/qs/unit.toml":   "name = \"示范县青石镇人民政府\"\ntype = \"乡镇人民政府\"\ndivision_code = \"990101\"\npublished = 2024-01-05\nreviewed = 2025-03-01\n",
		"units/qs/powers/a.md": "+++\ncode = \"QS-1\"\nname = \"乡村建设规划许可证核发\"\ncategory = \"行政许可\"\noffice = \"党政综合办公室\"\npublished = 2024-01-05\nreviewed = 2025-03-01\n+++\n办理地点:便民服务中心一楼。\n",
	}
	for p, c := range files {
		full := filepath.Join(content, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, []string{"serve", "-content", content, "-addr", "127.0.0.1:0"}, pw, io.Discard)
		pw.Close()
	}()
	defer func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("serve exited %d", code)
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop on cancel")
		}
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	go io.Copy(io.Discard, pr)
	i := strings.Index(line, "http://")
	if i < 0 {
		t.Fatalf("no URL in %q", line)
	}
	base := strings.Fields(line[i:])[0] // http://127.0.0.1:port/lzfk/
	page := base + "units/qs/powers/QS-1/"
	get := func(u string) string {
		t.Helper()
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	if body := get(page); !strings.Contains(body, "便民服务中心一楼") || !strings.Contains(body, "_sunlight/live.js") {
		t.Fatalf("first page lacks content or live script:\n%.300s", body)
	}
	resp, err := http.Get(base + "_sunlight/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "event: ") || strings.HasPrefix(sc.Text(), "data: ") {
				events <- sc.Text()
			}
		}
		close(events)
	}()
	waitFor := func(want string) string {
		t.Helper()
		deadline := time.After(10 * time.Second)
		for {
			select {
			case ev, ok := <-events:
				if !ok {
					t.Fatalf("stream closed before %q", want)
				}
				if strings.Contains(ev, want) {
					return ev
				}
			case <-deadline:
				t.Fatalf("no %q event", want)
			}
		}
	}
	time.Sleep(100 * time.Millisecond) // let the stream register
	edit := func(old, new string) {
		p := filepath.Join(content, "units/qs/powers/a.md")
		b, _ := os.ReadFile(p)
		os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644)
	}
	edit("便民服务中心一楼", "便民服务中心二楼")
	waitFor("event: reload")
	if ev := waitFor("data: "); !strings.Contains(ev, "/lzfk/units/qs/powers/QS-1/") {
		t.Errorf("reload event does not name the page: %s", ev)
	}
	if body := get(page); !strings.Contains(body, "便民服务中心二楼") {
		t.Error("edit not served")
	}
	edit(`category = "行政许可"`, `category = "行政许可证"`)
	waitFor("event: problem")
	if ev := waitFor("data: "); !strings.Contains(ev, "units/qs/powers/a.md:4:1") {
		t.Errorf("problem event lacks the position: %s", ev)
	}
	if body := get(page); !strings.Contains(body, "便民服务中心二楼") {
		t.Error("last good page not served during the error")
	}
	edit(`category = "行政许可证"`, `category = "行政许可"`)
	waitFor("event: ok")
}
