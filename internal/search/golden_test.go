package search

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

// exportDigest is the SHA-256 of every exported file's path and bytes, in
// order.
func exportDigest(tb testing.TB, docs []Doc, opt Options) string {
	tb.Helper()
	files, _ := mustExport(tb, docs, opt)
	h := sha256.New()
	for _, f := range files {
		h.Write([]byte(f.Path))
		h.Write([]byte{0})
		h.Write(f.Data)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestExportGolden pins the exported bytes of a few corpora, so that
// changes to Build and Export that should not change the format do not.
// The digests were computed with the bleve-based Build and the original
// Export; a deliberate format change updates them (and FormatVersion).
func TestExportGolden(t *testing.T) {
	t.Parallel()
	// The first defaults, which the digests were computed with; the
	// defaults are now larger files (fewer of them), the format the same.
	first := Options{ShardBytes: 2048, ChunkDocs: 2, PackBytes: 8192}
	for _, tc := range []struct {
		name string
		docs []Doc
		opt  Options
		want string
	}{
		{"sample", SampleDocs(3000, 21), first, "c80a1b98350b5cd8a0a83cca9baa55e1a60dc008f2b68fce37516effadc65f73"},
		{"sample small tiers", SampleDocs(1000, 22), Options{TopK: 8, Members: 20, ShardBytes: 700, ChunkDocs: 5, PackBytes: 1500}, "4426be608a9216583d0edd5d4fa0129d08a27090d3c9ee8fb8c1965817c97f9e"},
		{"tricky", trickyDocs(1000, 23), first, "3f731093bd5b78abecae2f9edac0807f464b85620358b0cbbf67b63cb587097d"},
		{"fixture", fixtureDocs, first, "29d37f38ebf839e3129d5c21481ddc036f02537734434ed61c4a19318b11860c"},
		{"empty", nil, first, "d4f9e4c5d322fb529513381098bf75bbb1dc34eb567d33b9472e81b6938f1051"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := exportDigest(t, tc.docs, tc.opt); got != tc.want {
				t.Errorf("%s: export digest = %s, want %s", tc.name, got, tc.want)
			}
		})
	}
}
