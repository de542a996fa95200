package uax29

import (
	"bytes"
	"compress/gzip"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/blevesearch/segment"
)

var (
	loadOnce sync.Once
	tables   *Tables
	loadErr  error
)

func mustTables(t testing.TB) *Tables {
	t.Helper()
	loadOnce.Do(func() { tables, loadErr = Load() })
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return tables
}

func reference(s string) []Segment {
	var out []Segment
	seg := segment.NewWordSegmenterDirect([]byte(s))
	start := 0
	for seg.Segment() {
		b := seg.Bytes()
		if seg.Type() != segment.None {
			out = append(out, Segment{Start: start, End: start + len(b), Type: seg.Type()})
		}
		start += len(b)
	}
	return out
}

func TestTokenizeMatchesSegment(t *testing.T) {
	t.Parallel()
	tb := mustTables(t)
	t.Logf("%d symbols, %d runs, %d states", len(tb.Symbols), len(tb.Runs), len(tb.Accept))
	// Sample code points of every symbol, plus common text.
	bySym := map[int][]rune{}
	for i, run := range tb.Runs {
		end := rune(0x110000)
		if i+1 < len(tb.Runs) {
			end = tb.Runs[i+1].First
		}
		for r := run.First; r < end && r < run.First+4; r++ {
			if r < 0xD800 || r > 0xDFFF {
				bySym[run.Symbol] = append(bySym[run.Symbol], r)
			}
		}
	}
	var pool []rune
	for _, rs := range bySym {
		pool = append(pool, rs...)
	}
	pool = append(pool, []rune("中国人民行政处罚许可abcXYZ0123456789 ,.;:'\"_-%①（）。、“”‘’·\n\r\t々〇ーカタカナひらがな한국어")...)
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 200000; n++ {
		var b strings.Builder
		for k := rng.IntN(12); k >= 0; k-- {
			if rng.IntN(10) == 0 {
				r := rune(rng.IntN(0x30000))
				if r >= 0xD800 && r <= 0xDFFF {
					r = 'x'
				}
				b.WriteRune(r)
			} else if rng.IntN(4) == 0 {
				b.WriteRune(pool[rng.IntN(len(pool))])
			} else {
				b.WriteRune(bySym[rng.IntN(len(tb.Symbols))][0])
			}
		}
		s := b.String()
		got, want := tb.Tokenize(s), reference(s)
		if !equal(got, want) {
			t.Fatalf("Tokenize(%+q) = %v, want %v", s, got, want)
		}
	}
}

func equal(a, b []Segment) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestDropUnnormalized checks the tables the browser client carries, in
// which code points that NFKC never outputs may have any symbol, on
// NFKC-normalised text.
func TestDropUnnormalized(t *testing.T) {
	t.Parallel()
	full := mustTables(t)
	tb := *full
	tb.Runs = slices.Clone(full.Runs)
	tb.DropUnnormalized(func(r rune) bool { return !utf8.ValidRune(r) || !norm.NFKC.IsNormalString(string(r)) })
	t.Logf("%d runs instead of %d", len(tb.Runs), len(full.Runs))
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 100000; n++ {
		var b strings.Builder
		for k := rng.IntN(12); k >= 0; k-- {
			b.WriteRune(rune(rng.IntN(0x30000)))
		}
		s := norm.NFKC.String(strings.ToValidUTF8(b.String(), "x"))
		if got, want := tb.Tokenize(s), reference(s); !equal(got, want) {
			t.Fatalf("Tokenize(%+q) = %v, want %v", s, got, want)
		}
	}
}

func TestJSSize(t *testing.T) {
	js := mustTables(t).JS()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(js))
	w.Close()
	t.Logf("tables: %d bytes, %d gzipped", len(js), b.Len())
}
