package search

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"sunlight/internal/search/internal/uax29"
)

// jsPath is the browser client, relative to this package.
var jsPath = filepath.Join("..", "..", "themes", "default", "assets", "search.js")

const (
	genBegin = "// BEGIN GENERATED"
	genEnd   = "// END GENERATED"
)

// TestJSTables checks that search.js carries the word-break tables derived
// from the blevesearch/segment sources; UPDATE_GOLDEN=1 rewrites them.
func TestJSTables(t *testing.T) {
	t.Parallel()
	tables, err := uax29.Load()
	if err != nil {
		t.Skipf("segment sources unavailable: %v", err)
	}
	tables.DropUnnormalized(func(r rune) bool {
		return !utf8.ValidRune(r) || !norm.NFKC.IsNormalString(string(r))
	})
	src, err := os.ReadFile(jsPath)
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	i := strings.Index(s, genBegin)
	j := strings.Index(s, genEnd)
	if i < 0 || j < i {
		t.Fatalf("%s: generated block markers not found", jsPath)
	}
	i += strings.IndexByte(s[i:], '\n') + 1
	want := tables.JS()
	if s[i:j] == want {
		return
	}
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(jsPath, []byte(s[:i]+want+s[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s: word-break tables are stale; run UPDATE_GOLDEN=1 go test ./internal/search -run TestJSTables", jsPath)
}
