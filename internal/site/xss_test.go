package site_test

import (
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/tools/txtar"

	"sunlight/internal/htmlcheck"
)

// payload is appended to every free-text field of the fixture.
const payload = `<script>alert(1)</script>"><img src=x onerror=alert(2)><a href='javascript:alert(3)'>x</a><iframe src=javascript:alert(4)></iframe>`

// TestNoScriptReachesTheOutput builds a site whose every text field and
// Markdown body carries script payloads, then parses every output page and
// asserts that no script element, event-handler attribute or javascript:
// URL appears anywhere.
func TestNoScriptReachesTheOutput(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/small.txtar")
	if err != nil {
		t.Fatal(err)
	}
	textKey := regexp.MustCompile(`(?m)^((?:name|short|title|office|description|situation|content|standard|risk|object|manifestation|owner|leader|duties|issuer|doc_no|statutory|remarks|label|text|summary|organiser|supervision|address|post|sub_name|service_object|quote) = )"(.*)"$`)
	listKey := regexp.MustCompile(`(?m)^((?:conditions|measures|offices|keywords) = \[)`)
	escaped := strings.ReplaceAll(payload, `"`, `\"`)
	content := t.TempDir()
	for _, f := range ar.Files {
		data := string(f.Data)
		data = textKey.ReplaceAllString(data, `${1}"${2}`+strings.ReplaceAll(escaped, "$", "$$")+`"`)
		data = listKey.ReplaceAllString(data, `${1}"`+strings.ReplaceAll(escaped, "$", "$$")+`", `)
		if strings.HasSuffix(f.Name, ".md") {
			data += "\n" + payload + "\n\n[链接](javascript:alert(5)) ![图](javascript:alert(6))\n\n<div onclick=\"alert(7)\">x</div>\n"
		}
		p := filepath.Join(content, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	build(t, content, out, "")
	pages, payloads := 0, 0
	for file, data := range readTree(t, out) {
		if path.Ext(file) != ".html" {
			continue
		}
		pages++
		payloads += strings.Count(string(data), "alert(")
		d, err := htmlcheck.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		htmlcheck.Walk(d.Root, func(n *html.Node) {
			if n.Type != html.ElementNode {
				return
			}
			switch n.Data {
			case "script":
				// Only JSON-LD metadata and the theme's own script files.
				if typ := htmlcheck.Attr(n, "type"); typ != "application/ld+json" && htmlcheck.Attr(n, "src") == "" {
					t.Errorf("%s: inline <script type=%q> in output", file, typ)
				}
			case "iframe", "object", "embed":
				t.Errorf("%s: <%s> element in output", file, n.Data)
			}
			for _, a := range n.Attr {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("%s: event handler %s=%q on <%s>", file, a.Key, a.Val, n.Data)
				}
				if strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:text/html") {
					t.Errorf("%s: %s=%q on <%s>", file, a.Key, a.Val, n.Data)
				}
			}
		})
	}
	// The payloads must have been rendered (as text) somewhere, or the
	// test proves nothing.
	if pages < 20 || payloads < 100 {
		t.Fatalf("payloads did not reach the pages: %d pages, %d payload occurrences", pages, payloads)
	}
}
