package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHandler(t *testing.T) {
	root := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(root, "units", "a"), 0o755))
	must(os.WriteFile(filepath.Join(root, "index.html"), []byte("首页"), 0o644))
	must(os.WriteFile(filepath.Join(root, "units", "a", "index.html"), []byte("单位A"), 0o644))
	must(os.WriteFile(filepath.Join(root, "404.html"), []byte("页面未找到"), 0o644))
	srv := httptest.NewServer(Handler(root, "/lzfk/"))
	defer srv.Close()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	tests := []struct {
		path   string
		status int
		body   string
	}{
		{"/lzfk/", 200, "首页"},
		{"/lzfk/units/a/", 200, "单位A"},
		{"/lzfk/units/b/", 404, "页面未找到"},
		{"/lzfk/../../etc/passwd", 404, "页面未找到"},
		{"/other/", 404, "页面未找到"},
		{"/", 302, ""},
	}
	for _, tc := range tests {
		resp, err := client.Get(srv.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.status || !strings.Contains(string(b), tc.body) {
			t.Errorf("GET %s = %d %q, want %d %q", tc.path, resp.StatusCode, b, tc.status, tc.body)
		}
	}
}
