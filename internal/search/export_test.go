package search

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
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

// TestFacetVector checks appendFacetVector, which counts postings per
// combo unless they are fewer than the combos, against counting every
// posting's values.
func TestFacetVector(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 4))
	for _, docs := range [][]Doc{SampleDocs(3000, 9), trickyDocs(500, 9)} {
		ix, err := newIndex(docs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		ft := &ix.facets
		counts := make([]int, ft.valueSpace()+len(ft.combos))
		for _, n := range []int{0, 1, 2, len(ft.combos) - 1, len(ft.combos), len(ft.combos) + 1, 300, ix.nDocs} {
			for range 20 {
				ps := make([]posting, n)
				for i := range ps {
					doc := r.IntN(ix.nDocs)
					ps[i] = posting{doc: doc, combo: ix.combo[doc]}
				}
				// Every posting's values, counted one by one.
				want := make([]int, ft.valueSpace())
				for _, p := range ps {
					n := 0
					for dim, v := range ft.values(p.doc) {
						if v >= 0 {
							want[n+v]++
						}
						n += ft.dimSize(dim)
					}
				}
				e := encoder{}
				nz := 0
				for _, c := range want {
					if c > 0 {
						nz++
					}
				}
				e.uvarint(nz)
				prev := 0
				for i, c := range want {
					if c > 0 {
						e.uvarint(i - prev)
						e.uvarint(c)
						prev = i
					}
				}
				if got := ix.appendFacetVector(nil, ps, counts); !bytes.Equal(got, e.b) {
					t.Fatalf("%d postings: facet vector %v, want %v", n, got, e.b)
				}
				for i, c := range counts {
					if c != 0 {
						t.Fatalf("counts[%d] = %d after appendFacetVector", i, c)
					}
				}
			}
		}
	}
}

// TestIndexPaths checks the paths of the index files against their
// format.
func TestIndexPaths(t *testing.T) {
	var m pathMaker
	var made []string
	for i := range 3000 {
		made = append(made, m.path('o', i*i, "0123abcd", ".bin"))
	}
	for _, tc := range []struct{ got, want string }{
		{shardPath(0, "0a1b2c3d"), "t/0.0a1b2c3d.bin"},
		{chunkPath(42, "deadbeef"), "r/42.deadbeef.json"},
		{packPath('o', 3, 0xabc), "o/3.00000abc.bin"},
		{packPath('f', 12, 0xfedcba98), "f/12.fedcba98.bin"},
		{m.path('t', 1234567, "ffffffff", ".bin"), "search/t/1234567.ffffffff.bin"},
		{m.path('r', 9, "00000000", ".json"), "search/r/9.00000000.json"},
		{made[0], "search/o/0.0123abcd.bin"},
		{made[2999], "search/o/8994001.0123abcd.bin"},
	} {
		if tc.got != tc.want {
			t.Errorf("path %q, want %q", tc.got, tc.want)
		}
	}
	for i, p := range made {
		if want := fmt.Sprintf("search/o/%d.0123abcd.bin", i*i); p != want {
			t.Fatalf("path %q, want %q", p, want)
		}
	}
}

// TestEncodePostings checks encodePostings, which writes in place, against
// encoding posting by posting with encoder.uvarint, and decodePostings.
func TestEncodePostings(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(13, 14))
	for _, n := range []int{0, 1, 2, 3, 7, 100, 5000} {
		ps := make([]posting, n)
		for i := range ps {
			ps[i] = posting{doc: r.IntN(maxDocs / 2), title: r.IntN(3) * r.IntN(1<<r.IntN(40)), bi: r.IntN(postImpact + 1), combo: r.IntN(maxDocs)}
			if i > 0 && (r.IntN(2) == 0 || ps[i].title == ps[i-1].title && ps[i].bi == ps[i-1].bi) {
				// The next document of a group.
				ps[i].title, ps[i].bi, ps[i].doc = ps[i-1].title, ps[i-1].bi, ps[i-1].doc+1+r.IntN(1<<r.IntN(10))
			}
		}
		var want encoder
		want.b = []byte("x")
		for i, p := range ps {
			if i > 0 && p.title == ps[i-1].title && p.bi == ps[i-1].bi {
				want.uvarint(p.doc - ps[i-1].doc)
			} else {
				want.uvarint(0)
				want.uvarint(p.title)
				want.uvarint(p.bi)
				want.uvarint(p.doc)
			}
			want.uvarint(p.combo)
		}
		got := encoder{b: []byte("x")}
		encodePostings(&got, ps)
		if !bytes.Equal(got.b, want.b) {
			t.Fatalf("%d postings: encodePostings differs", n)
		}
		d := decoder{b: got.b, off: 1}
		if back := decodePostings(&d, n, nil); d.err != nil || len(back) != n || n > 0 && !slices.Equal(back, ps) {
			t.Fatalf("%d postings: decodePostings(encodePostings) differs", n)
		}
	}
}
