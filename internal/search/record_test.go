package search

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"

	"sunlight/internal/jsonstr"
)

// TestRecordJSON checks the result records against json.Marshal: strings,
// floats, and whole chunks.
func TestRecordJSON(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(11, 12))
	// jsonstr's own test covers every character and byte sequence; here
	// the texts the index is built from.
	strs := analyzerStrings(3000, 5)
	for _, d := range trickyDocs(300, 6) {
		strs = append(strs, d.Title, d.Body, d.ID)
	}
	for _, s := range strs {
		want, _ := json.Marshal(s)
		if got := jsonstr.Append(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("jsonstr.Append(%q) = %s, want %s", s, got, want)
		}
	}

	floats := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 1e-6, 1e-7, 9.99999e-7, 1e20, 1e21, 999999999999999999999, 1e-300, 5e-324, math.MaxFloat64, -math.MaxFloat64, 12345.678, 1 << 53, 2000, 50000, 0.5}
	for range 20000 {
		floats = append(floats, math.Float64frombits(r.Uint64()), r.Float64()*math.Pow(10, float64(r.IntN(50)-25)), float64(r.IntN(1e7))/100)
	}
	for _, f := range floats {
		want, wantErr := json.Marshal(f)
		got, err := appendJSONFloat([]byte("x"), f)
		if wantErr != nil {
			if err == nil || err.Error() != wantErr.Error() {
				t.Fatalf("appendJSONFloat(%v): error %v, want %v", f, err, wantErr)
			}
			continue
		}
		if err != nil || !bytes.Equal(got, append([]byte("x"), want...)) {
			t.Fatalf("appendJSONFloat(%v) = %s, %v, want x%s", f, got, err, want)
		}
	}
	for _, f := range []float64{math.Inf(1), math.Inf(-1), math.NaN()} {
		if _, err := appendJSONFloat(nil, f); err == nil {
			t.Errorf("appendJSONFloat(%v): no error", f)
		}
	}

	docs := trickyDocs(200, 7)
	for _, cd := range []int{1, 3, 4, 70} {
		ix, err := newIndex(docs, Options{ChunkDocs: cd})
		if err != nil {
			t.Fatal(err)
		}
		n := (len(ix.docs) + cd - 1) / cd
		got := make([][]byte, n)
		if _, err := ix.encodeChunks(got[1:], 1, nil); err != nil {
			t.Fatal(err)
		}
		for c := 1; c < n; c++ {
			var recs [][]any
			for _, d := range ix.docs[c*cd : min(len(ix.docs), (c+1)*cd)] {
				url := d.URL
				if url == d.ID {
					url = ""
				}
				rec := []any{d.ID, url, d.Title, d.Body}
				if d.HasFine {
					rec = append(rec, d.FineMin, d.FineMax)
				}
				recs = append(recs, rec)
			}
			want, err := json.Marshal(recs)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got[c], want) || cap(got[c]) != len(got[c]) {
				t.Fatalf("chunk %d of %d docs = %s, want %s", c, cd, got[c], want)
			}
		}
	}
}
