package markdown

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"sunlight/internal/htmlcheck"
)

func TestRenderShiftMovesHeadingsDown(t *testing.T) {
	got, err := New("").RenderShift("# 一\n\n## 二\n\n###### 六", 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"<h2>一</h2>", "<h3>二</h3>", "<h6>六</h6>"} {
		if !strings.Contains(string(got), w) {
			t.Errorf("RenderShift = %q, want %q", got, w)
		}
	}
}

func TestRender(t *testing.T) {
	tests := []struct {
		name, src, base string
		want            []string
		not             []string
	}{
		{"table", "| 阶次 | 标准 |\n|---|---|\n| 轻微 | 警告 |\n", "", []string{"<table>", "<th>阶次</th>", "<td>警告</td>"}, nil},
		{"cjk no space", "第一行\n第二行", "", []string{"第一行第二行"}, nil},
		{"raw html dropped", "<script>alert(1)</script>\n\n<b onclick=x>b</b>", "", nil, []string{"<script", "onclick"}},
		{"javascript link", "[点我](javascript:alert(1))", "", []string{`<a href="">`}, []string{"javascript:"}},
		{"base path", "[指南](/pages/guide/)", "/lzfk/", []string{`href="/lzfk/pages/guide/"`}, nil},
		{"external untouched", "[外部](https://example.gov.cn/)", "/lzfk/", []string{`href="https://example.gov.cn/"`}, nil},
		{"protocol relative untouched", "[x](//cdn.example/)", "/lzfk/", []string{`href="//cdn.example/"`}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := New(tc.base).Render(tc.src)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(string(got), w) {
					t.Errorf("Render(%q) = %q, want it to contain %q", tc.src, got, w)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(string(got), n) {
					t.Errorf("Render(%q) = %q, must not contain %q", tc.src, got, n)
				}
			}
		})
	}
}

// FuzzRender checks that no Markdown input panics the renderer or lets a
// script, an event handler or a javascript: URL through.
func FuzzRender(f *testing.F) {
	for _, s := range []string{"# 标题\n\n| a | b |\n|---|---|\n| 1 | 2 |", "<script>alert(1)</script>", "[x](javascript:alert(1))",
		"![x](JaVaScRiPt:alert(1))", "<img src=x onerror=alert(1)>", "[x](/units/)", "<a href=\"javascript:x\">y</a>", "```\n<script>\n```"} {
		f.Add(s)
	}
	r := New("/lzfk/")
	f.Fuzz(func(t *testing.T, src string) {
		out, err := r.Render(src)
		if err != nil {
			return
		}
		if p := unsafeHTML(string(out)); p != "" {
			t.Fatalf("%s in output: %q", p, out)
		}
	})
}

// unsafeHTML parses h and names the first script-capable construct in it.
func unsafeHTML(h string) string {
	d, err := htmlcheck.Parse([]byte(h))
	if err != nil {
		return "unparsable HTML"
	}
	found := ""
	htmlcheck.Walk(d.Root, func(n *html.Node) {
		if found != "" || n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "script", "iframe", "object", "embed", "style":
			found = "<" + n.Data + ">"
			return
		}
		for _, a := range n.Attr {
			v := strings.ToLower(strings.TrimSpace(a.Val))
			if strings.HasPrefix(a.Key, "on") || (a.Key == "href" || a.Key == "src") && (strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:")) {
				found = a.Key + "=" + a.Val
				return
			}
		}
	})
	return found
}
