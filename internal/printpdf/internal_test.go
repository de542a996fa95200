package printpdf

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestPageURL(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "青石镇 2025", "volume.html")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte("<p>x"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want, wantErr string }{
		{in: "http://127.0.0.1:8080/print/qingshi/2025/", want: "http://127.0.0.1:8080/print/qingshi/2025/"},
		{in: "https://lzfk.sfx.example.gov.cn/print/", want: "https://lzfk.sfx.example.gov.cn/print/"},
		{in: "file:///srv/site/print/index.html", want: "file:///srv/site/print/index.html"},
		{in: file, want: "file://" + filepath.ToSlash(dir) + "/%E9%9D%92%E7%9F%B3%E9%95%87%202025/volume.html"},
		{in: "ftp://a.cn/x.html", wantErr: `printpdf: ftp://a.cn/x.html: unsupported URL scheme "ftp" (want http, https, file or a file path)`},
		{in: filepath.Join(dir, "missing.html"), wantErr: "printpdf: page: stat " + filepath.Join(dir, "missing.html") + ": no such file or directory"},
		{in: dir, wantErr: "printpdf: page: " + dir + ": invalid argument"},
	}
	for _, tc := range tests {
		got, err := pageURL(tc.in)
		if tc.wantErr != "" {
			if err == nil || err.Error() != tc.wantErr {
				t.Errorf("pageURL(%q) = %q, %v; want error %q", tc.in, got, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("pageURL(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestMediaBoxes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, pdf string
		want      [][2]float64
	}{
		{"chromium A4", "<</Type /Pages /Count 2 /Kids [3 0 R 4 0 R] /MediaBox [0 0 594.95996 841.91998]>>", [][2]float64{{594.95996, 841.91998}}},
		{"per page", "/MediaBox[0 0 612 792] x /MediaBox [ 0 0 841.89 595.28 ]", [][2]float64{{612, 792}, {841.89, 595.28}}},
		{"none", "%PDF-1.7 stream…", nil},
	}
	for _, tc := range tests {
		if got := mediaBoxes([]byte(tc.pdf)); !slices.Equal(got, tc.want) {
			t.Errorf("mediaBoxes(%s) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestStderrTail(t *testing.T) {
	t.Parallel()
	in := "/usr/bin/chromium: 9: [: 25276510208: unexpected operator\n" +
		"[1:2:ERROR:dbus/bus.cc:405] Failed to connect to the bus: no socket\n" +
		"one\n\ntwo\r\n[3:3:ERROR:headless_command_handler.cc:403] Page load failed: net::ERR_FILE_NOT_FOUND\n" +
		strings.Repeat("长", 200) + "\n"
	got := stderrTail([]byte(in), 3)
	want := "two\n[3:3:ERROR:headless_command_handler.cc:403] Page load failed: net::ERR_FILE_NOT_FOUND\n" + strings.Repeat("长", 100) + "…"
	if got != want {
		t.Errorf("stderrTail = %q, want %q", got, want)
	}
}

func TestTailBuffer(t *testing.T) {
	t.Parallel()
	var b tailBuffer
	for range 100 {
		b.Write([]byte(strings.Repeat("x", 1000) + "\n"))
	}
	b.Write([]byte("end"))
	if b.Len() != tailMax || !strings.HasSuffix(b.String(), "x\nend") {
		t.Errorf("tailBuffer kept %d bytes ending %q, want %d ending in \"end\"", b.Len(), b.String()[b.Len()-5:], tailMax)
	}
}

func TestFindChromiumFake(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	exe := filepath.Join(dir, "chrome")
	if err := os.WriteFile(exe, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	noFile := filepath.Join(dir, "nope")
	notExec := filepath.Join(dir, "plain")
	os.WriteFile(notExec, nil, 0o644)
	none := func(string) (string, error) { return "", errors.New("not found") }
	inPath := func(n string) (string, error) {
		if n == "chromium-browser" {
			return "/opt/bin/chromium-browser", nil
		}
		return "", errors.New("not found")
	}
	tests := []struct {
		name    string
		look    func(string) (string, error)
		paths   []string
		want    string
		wantErr string
	}{
		{"in PATH", inPath, []string{exe}, "/opt/bin/chromium-browser", ""},
		{"fallback", none, []string{noFile, notExec, dir, exe}, exe, ""},
		{"none", none, []string{noFile, notExec}, "", "printpdf: looked for chromium, chromium-browser in $PATH: chromium not found; install it (Debian: apt-get install chromium) or give its path"},
	}
	for _, tc := range tests {
		got, err := findChromium(tc.look, []string{"chromium", "chromium-browser"}, tc.paths)
		if tc.wantErr != "" {
			if err == nil || err.Error() != tc.wantErr || !errors.Is(err, ErrNoChromium) {
				t.Errorf("%s: findChromium = %q, %v; want error %q wrapping ErrNoChromium", tc.name, got, err, tc.wantErr)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("%s: findChromium = %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
}
