package site_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"sunlight/internal/site"
)

// TestCompiledTemplatesMatchHTMLTemplate renders the demo portal, with its
// revision history, twice: with the templates compiled (package tmplexec,
// how every build runs) and with html/template alone. Every file must be
// byte for byte the same.
func TestCompiledTemplatesMatchHTMLTemplate(t *testing.T) {
	if testing.Short() {
		t.Skip("renders the whole demo portal twice")
	}
	render := func(interpret bool) map[string][]byte {
		opt := site.Options{Content: os.DirFS(demo), ContentDir: demo, Interpret: interpret}
		res, diags, err := site.Render(context.Background(), opt)
		if err != nil || res == nil {
			t.Fatalf("render (interpret=%v): %v\n%v", interpret, err, diags)
		}
		files := map[string][]byte{}
		for _, f := range res.Files {
			files[f.Path] = f.Data
		}
		return files
	}
	compiled, interpreted := render(false), render(true)
	if len(compiled) != len(interpreted) {
		t.Fatalf("%d files compiled, %d interpreted", len(compiled), len(interpreted))
	}
	pages := 0
	for path, want := range interpreted {
		got, ok := compiled[path]
		switch {
		case !ok:
			t.Errorf("%s: missing from the compiled build", path)
		case string(got) != string(want):
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			from := max(0, i-80)
			t.Errorf("%s differs at byte %d:\ncompiled:    %q\nhtml/template: %q", path, i,
				got[from:min(len(got), i+80)], want[from:min(len(want), i+80)])
		}
		if strings.HasSuffix(path, ".html") {
			pages++
		}
	}
	if pages < 100 {
		t.Fatalf("only %d pages compared; the demo portal has hundreds", pages)
	}
}
