package site_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"sunlight/internal/load"
	"sunlight/internal/site"
)

// demo is the demo content shipped in the repository.
const demo = "../../content"

// BenchmarkBuildDemo measures a full build of the demo content: load,
// link, render and an atomic write to disk.
func BenchmarkBuildDemo(b *testing.B) {
	out := filepath.Join(b.TempDir(), "public")
	opt := site.Options{Content: os.DirFS(demo), Out: out}
	b.ReportAllocs()
	for b.Loop() {
		res, diags, err := site.Build(context.Background(), opt)
		if err != nil || res == nil {
			b.Fatalf("build failed: %v\n%v", err, diags)
		}
		b.ReportMetric(float64(res.Pages), "pages")
	}
}

// BenchmarkRenderDemo measures the build without the disk write.
func BenchmarkRenderDemo(b *testing.B) {
	opt := site.Options{Content: os.DirFS(demo)}
	b.ReportAllocs()
	for b.Loop() {
		res, _, err := site.Render(context.Background(), opt)
		if err != nil || res == nil {
			b.Fatal("render failed")
		}
	}
}

// BenchmarkLoadDemo measures loading and checking the content files alone.
func BenchmarkLoadDemo(b *testing.B) {
	fsys := os.DirFS(demo)
	b.ReportAllocs()
	for b.Loop() {
		if _, diags := load.Load(fsys); diags.HasErrors() {
			b.Fatal(diags)
		}
	}
}
