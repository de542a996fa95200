package pii_test

import (
	"path/filepath"
	"testing"

	"sunlight/internal/pii"
)

// BenchmarkScanAllow scans content files as the loader does: one Scanner
// reused from file to file, the file's own allow-list (none here). The
// samples in testdata are copies of files under content/units: mostly
// Chinese TOML with item codes, dates and article numbers; unit.toml also
// has telephone numbers, a credit code and an e-mail address.
func BenchmarkScanAllow(b *testing.B) {
	names, texts := contentFiles(b)
	for i, text := range texts {
		b.Run(filepath.Base(names[i]), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			var s pii.Scanner
			for b.Loop() {
				s.ScanAllow(text, pii.Allow{})
			}
		})
	}
}
