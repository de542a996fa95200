// Package htmlcheck makes structural assertions on HTML for tests: find
// elements by a small CSS selector subset, read their text and attributes,
// list every link of a page, and count the pages of a built site. It is
// imported only by _test files.
//
// Selectors: compound selectors of tag, #id, .class, [attr] and
// [attr=value] (e.g. `table.tiers`, `meta[name=SiteIDCode]`), joined by
// spaces for descendants (`main h1`).
package htmlcheck

import (
	"bytes"
	"io/fs"
	"path/filepath"
	"strings"

	"golang.org/x/net/html"
)

// Doc is a parsed HTML document.
type Doc struct{ Root *html.Node }

// Parse parses an HTML document.
func Parse(b []byte) (*Doc, error) {
	n, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return &Doc{n}, nil
}

// Find returns every element matching sel, in document order.
func (d *Doc) Find(sel string) []*html.Node {
	parts := strings.Fields(sel)
	nodes := []*html.Node{d.Root}
	for _, p := range parts {
		c := parseCompound(p)
		var next []*html.Node
		seen := map[*html.Node]bool{}
		for _, n := range nodes {
			walk(n, func(m *html.Node) {
				if m != n && c.match(m) && !seen[m] {
					seen[m] = true
					next = append(next, m)
				}
			})
		}
		nodes = next
	}
	return nodes
}

// First returns the first match of sel, or nil.
func (d *Doc) First(sel string) *html.Node {
	if ns := d.Find(sel); len(ns) > 0 {
		return ns[0]
	}
	return nil
}

// Text returns the text content of n with whitespace collapsed.
func Text(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	walk(n, func(m *html.Node) {
		if m.Type == html.TextNode {
			b.WriteString(m.Data)
		}
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// Attr returns the value of attribute key of n.
func Attr(n *html.Node, key string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// Links returns every href and src value in the document.
func (d *Doc) Links() []string {
	var out []string
	walk(d.Root, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		for _, a := range n.Attr {
			if a.Key == "href" || a.Key == "src" || (a.Key == "action" && n.Data == "form") {
				out = append(out, a.Val)
			}
		}
	})
	return out
}

// Walk calls f for every node under root, including root.
func Walk(root *html.Node, f func(*html.Node)) { walk(root, f) }

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

type compound struct {
	tag, id string
	classes []string
	attrs   [][2]string // key, value ("" value with has=true means presence)
	has     []bool
}

func parseCompound(s string) compound {
	var c compound
	i := 0
	read := func() string {
		j := i
		for j < len(s) && !strings.ContainsRune(".#[", rune(s[j])) {
			j++
		}
		v := s[i:j]
		i = j
		return v
	}
	c.tag = read()
	for i < len(s) {
		switch s[i] {
		case '.':
			i++
			c.classes = append(c.classes, read())
		case '#':
			i++
			c.id = read()
		case '[':
			j := strings.IndexByte(s[i:], ']')
			if j < 0 {
				j = len(s) - i
			}
			body := s[i+1 : i+j]
			i += j + 1
			k, v, eq := strings.Cut(body, "=")
			c.attrs = append(c.attrs, [2]string{k, strings.Trim(v, `"'`)})
			c.has = append(c.has, !eq)
		default:
			i++
		}
	}
	return c
}

func (c compound) match(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if c.tag != "" && c.tag != "*" && n.Data != c.tag {
		return false
	}
	if c.id != "" && Attr(n, "id") != c.id {
		return false
	}
	cls := " " + Attr(n, "class") + " "
	for _, k := range c.classes {
		if !strings.Contains(cls, " "+k+" ") {
			return false
		}
	}
	for i, kv := range c.attrs {
		found := false
		for _, a := range n.Attr {
			if a.Key == kv[0] && (c.has[i] || a.Val == kv[1]) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// CountPages counts the pages of a built site: the .html files under dir.
func CountPages(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			n++
		}
		return err
	})
	return n, err
}
