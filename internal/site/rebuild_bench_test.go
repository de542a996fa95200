package site_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"sunlight/internal/gen"
	"sunlight/internal/site"
)

// BenchmarkRebuildItem measures Session.Rebuild alone (no watcher, no
// server) after one power item's text changed, on a generated portal
// written to disk (SUNLIGHT_BENCH_ITEMS items, default 10,000). Each
// iteration edits a different item.
//
//	go test ./internal/site -run '^$' -bench RebuildItem -benchtime 20x
func BenchmarkRebuildItem(b *testing.B) {
	content := filepath.Join(b.TempDir(), "content")
	items := 10000
	if v, err := strconv.Atoi(os.Getenv("SUNLIGHT_BENCH_ITEMS")); err == nil && v > 0 {
		items = v
	}
	if err := gen.Generate(gen.Options{Items: items, Seed: 1}, gen.DirWriter(content)); err != nil {
		b.Fatal(err)
	}
	s := site.NewSession(site.Options{Content: os.DirFS(content), Out: filepath.Join(b.TempDir(), "public"), NoSearch: true})
	s.DeferSearch = true
	if _, diags, err := s.Build(context.Background()); err != nil || diags.HasErrors() {
		b.Fatal(err, diags)
	}
	powers, _ := filepath.Glob(filepath.Join(content, "units", "*", "powers", "*.md"))
	sort.Strings(powers)
	i := 0
	for b.Loop() {
		p := powers[(i*97)%len(powers)]
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(string(data)+fmt.Sprintf("\n（第%d次修改）\n", i)), 0o644); err != nil {
			b.Fatal(err)
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, content+string(filepath.Separator)))
		rb, diags, err := s.Rebuild(context.Background(), []string{rel}, false)
		if err != nil || diags.HasErrors() {
			b.Fatal(err, diags)
		}
		b.ReportMetric(float64(len(rb.Rendered)), "pages-rendered")
		i++
	}
}
