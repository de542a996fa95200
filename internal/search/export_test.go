package search

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// TestPacker checks that packing blobs from pages, where a pack may be a
// view of consecutive blobs, gives the packs that copying every blob
// gives.
func TestPacker(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, target := range []int{1, 25, 200, 8192} {
		p := &packer{target: target}
		var want [][]byte // packs made by copying
		var refs []ref
		var stores [3]pages
		for i := range 5000 {
			n := r.IntN(3 * target)
			if r.IntN(50) == 0 {
				n = pageBytes/4 + r.IntN(pageBytes) // a blob with an allocation of its own
			}
			b := make([]byte, n)
			for j := range b {
				b[j] = byte(r.Uint32())
			}
			// Blobs come from a few stores in turn, as from the parts.
			stored := stores[(i/100)%len(stores)].add(b)
			if len(want) == 0 || len(want[len(want)-1])+n > target && len(want[len(want)-1]) > 0 {
				want = append(want, nil)
			}
			refs = append(refs, ref{pack: len(want) - 1, off: len(want[len(want)-1]), n: n})
			want[len(want)-1] = append(want[len(want)-1], b...)
			if got := p.add(stored); got != refs[i] {
				t.Fatalf("target %d: blob %d at %+v, want %+v", target, i, got, refs[i])
			}
		}
		if len(p.packs) != len(want) {
			t.Fatalf("target %d: %d packs, want %d", target, len(p.packs), len(want))
		}
		for i := range want {
			if !bytes.Equal(p.packs[i], want[i]) {
				t.Fatalf("target %d: pack %d differs", target, i)
			}
		}
	}
}
