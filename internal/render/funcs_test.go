package render

import (
	"net/url"
	"strings"
	"testing"
)

// TestEscapePath checks the shortcut for plain paths against escaping
// every segment, on paths that need it and paths that do not.
func TestEscapePath(t *testing.T) {
	for _, p := range []string{
		"", "/", "units/", "units/xiaoan-zrzyj/powers/990106-015-GG-003-00/",
		"assets/sunlight.css", "a~b_c.d-e/", "units/县/", "powers/许可 01/",
		"a b", "a?b", "a#b", "a%b", "a;b,c", "a:b@c+d=e$f&g", "x/../y", `a"b`, "a<b>",
	} {
		segs := strings.Split(p, "/")
		for i, s := range segs {
			segs[i] = url.PathEscape(s)
		}
		if got, want := escapePath(p), strings.Join(segs, "/"); got != want {
			t.Errorf("escapePath(%q) = %q, want %q", p, got, want)
		}
	}
}
