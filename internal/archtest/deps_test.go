// Package archtest enforces the project's architecture: data flows one way
// (load → link → render → write), and each third-party library has one
// home. The tables below are policy: do not relax them to fix a build; move
// the code instead.
package archtest

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "sunlight"

// allowed lists, for each internal package, the internal packages it may
// import. Every package under internal/ must appear here.
var allowed = map[string][]string{
	"diag":        {},
	"suggest":     {},
	"tomlpos":     {},
	"tomlfast":    {},
	"jsonstr":     {},
	"cnum":        {},
	"textenc":     {},
	"pii":         {},
	"par":         {},
	"htmlcheck":   {},
	"golden":      {},
	"browsertest": {},
	"model":       {"diag"},
	"permalink":   {"model"},
	"opendata":    {"model", "fine", "cite", "permalink", "bench", "jsonstr"},
	"cite":        {"cnum", "diag"},
	"fine":        {"cnum", "diag", "par"},
	"flowchart":   {"diag"},
	"flowmodel":   {"model", "flowchart"},
	"bench":       {"diag", "model", "load", "fine", "cite", "cnum", "permalink", "par"},
	"gen":         {"model"},
	"webtest":     {},
	"qrcode":      {},
	"searchindex": {"model", "permalink", "search", "bench"},
	"history":     {"diag", "model", "load", "permalink", "fine"},
	"importer":    {"diag", "model", "load", "link", "textenc", "cite", "cnum", "tomlpos", "suggest", "fine"},
	"printpdf":    {},
	"markdown":    {},
	"tmplexec":    {},
	"theme":       {"tmplexec"},
	"search":      {"diag", "jsonstr", "par"},
	"load":        {"diag", "model", "tomlpos", "tomlfast", "suggest", "textenc", "pii"},
	"link":        {"diag", "model", "load", "suggest", "cite", "fine", "flowchart", "flowmodel"},
	"check":       {"diag", "model", "load", "fine", "cite", "pii", "flowchart", "par"},
	"render":      {"diag", "model", "markdown", "theme", "qrcode", "history", "flowchart", "flowmodel", "bench", "fine", "cite", "search", "check", "permalink", "opendata", "tmplexec", "par"},
	"site":        {"diag", "model", "load", "link", "check", "bench", "history", "searchindex", "render", "theme", "search", "flowchart", "themes", "permalink", "opendata", "fine", "jsonstr"},
	"serve":       {},
	"watch":       {},
	"cli":         {"diag", "model", "site", "load", "check", "search", "serve", "watch", "gen", "printpdf", "importer", "permalink", "themes"},
	"archtest":    {},
}

// homes lists, for each third-party module, the only packages that may
// import it (non-test files).
var homes = map[string][]string{
	"github.com/yuin/goldmark":      {"markdown"},
	"github.com/BurntSushi/toml":    {"load", "model", "tomlfast"}, // tomlfast: a fast path that hands back to it
	"github.com/blevesearch/bleve":  {"search"},
	"github.com/fsnotify/fsnotify":  {"watch"},
	"github.com/chromedp":           {"browsertest"},
	"github.com/skip2/go-qrcode":    {}, // qrcode's tests: the encoder must draw what it drew
	"github.com/makiuchi-d/gozxing": {},
	"golang.org/x/net/html":         {"htmlcheck"},
}

func TestImportPolicy(t *testing.T) {
	root := filepath.Join("..")
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		pkg := e.Name()
		imports := packageImports(t, filepath.Join(root, pkg))
		if len(imports) == 0 && !hasGo(filepath.Join(root, pkg)) {
			continue
		}
		allow, known := allowed[pkg]
		if !known {
			t.Errorf("internal/%s is not in the import policy; add it to allowed in %s", pkg, "internal/archtest/deps_test.go")
			continue
		}
		for _, imp := range imports {
			if strings.HasPrefix(imp, module+"/internal/") {
				dep := strings.TrimPrefix(imp, module+"/internal/")
				if !contains(allow, dep) {
					t.Errorf("internal/%s imports internal/%s, which the policy forbids", pkg, dep)
				}
				continue
			}
			if imp == module+"/themes" && !contains(allow, "themes") {
				t.Errorf("internal/%s imports themes, which the policy forbids", pkg)
			}
			for lib, pkgs := range homes {
				if strings.HasPrefix(imp, lib) && !contains(pkgs, pkg) {
					t.Errorf("internal/%s imports %s; only %v may", pkg, imp, pkgs)
				}
			}
		}
	}
}

func hasGo(dir string) bool {
	m, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	return len(m) > 0
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// packageImports returns the imports of the non-test Go files in dir.
func packageImports(t *testing.T, dir string) []string {
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	set := map[string]bool{}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range af.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			set[p] = true
		}
	}
	var out []string
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
