package render

import (
	"strings"
	"testing"
	"testing/fstest"

	"sunlight/internal/model"
)

// TestCachedPartial checks the cached template function: one rendering per
// data pointer within a pass, a fresh memo in the next pass, and a clear
// error for data that cannot be a memo key.
func TestCachedPartial(t *testing.T) {
	th := fstest.MapFS{
		"layouts/base.html": {Data: []byte(`{{template "content" .}}{{define "item"}}[{{.Name}}]{{end}}`)},
		"layouts/t.html":    {Data: []byte(`{{define "content"}}{{cached "item" .Main}}{{end}}`)},
	}
	r, err := New(&model.Site{}, Options{Theme: th, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	type item struct{ Name string }
	a, b := &item{"a"}, &item{"b"}
	pages := func(mains ...any) []Page {
		var ps []Page
		for i, m := range mains {
			ps = append(ps, Page{Path: string(rune('a'+i)) + "/", Layout: "t", View: &View{Main: m}})
		}
		return ps
	}
	render := func(ps []Page) (string, error) {
		var out []string
		err := r.Each(ps, func(_ int, o Output) error { out = append(out, string(o.Data)); return nil })
		return strings.Join(out, " "), err
	}
	got, err := render(pages(a, b, a))
	if err != nil || got != "[a] [b] [a]" {
		t.Fatalf("first pass = %q, %v; want [a] [b] [a]", got, err)
	}
	a.Name = "a2" // a rebuild after an edit: the next pass must not reuse the old HTML
	if got, err := render(pages(a)); err != nil || got != "[a2]" {
		t.Fatalf("second pass = %q, %v; want [a2]", got, err)
	}
	if _, err := render(pages([]string{"x"})); err == nil || !strings.Contains(err.Error(), "comparable") {
		t.Fatalf("slice data: err = %v, want an error saying it must be comparable", err)
	}
}
