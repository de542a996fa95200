package gen_test

import (
	"testing"

	"sunlight/internal/gen"
)

// countWriter discards the files and counts them.
type countWriter struct{ files, bytes int64 }

func (c *countWriter) WriteFile(_ string, data []byte) error {
	c.files++
	c.bytes += int64(len(data))
	return nil
}

func benchGenerate(b *testing.B, items int, hugo bool) {
	b.ReportAllocs()
	var c *countWriter
	for i := 0; i < b.N; i++ {
		c = &countWriter{}
		opt := gen.Options{Items: items, Seed: 1}
		var err error
		if hugo {
			err = gen.GenerateHugo(opt, c)
		} else {
			err = gen.Generate(opt, c)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(c.files), "files")
	b.ReportMetric(float64(c.bytes)/(1<<20), "MB")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(items), "ns/item")
}

func BenchmarkGenerate1k(b *testing.B)       { benchGenerate(b, 1000, false) }
func BenchmarkGenerate10k(b *testing.B)      { benchGenerate(b, 10000, false) }
func BenchmarkGenerate100k(b *testing.B)     { benchGenerate(b, 100000, false) }
func BenchmarkGenerateHugo10k(b *testing.B)  { benchGenerate(b, 10000, true) }
func BenchmarkGenerateHugo100k(b *testing.B) { benchGenerate(b, 100000, true) }

// BenchmarkGenerateDisk10k includes writing the files to a temporary
// folder.
func BenchmarkGenerateDisk10k(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if err := gen.Generate(gen.Options{Items: 10000, Seed: 1}, gen.DirWriter(b.TempDir())); err != nil {
			b.Fatal(err)
		}
	}
}
