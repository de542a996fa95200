package search

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// Doc is one searchable item.
type Doc struct {
	ID        string // stable identifier, e.g. the URL path
	Type      string // 权力事项, 裁量基准, 风险点, 流程步骤, 单位, 页面, 法规
	Title     string
	Body      string
	URL       string // site-relative, without the base path
	Unit      string // unit identifier
	UnitName  string
	Category  string
	RiskLevel string // 高, 中, 低 or empty
	Year      int
	FineMin   float64
	FineMax   float64
	HasFine   bool
}

// Options tune the exported format; the zero value selects the defaults.
type Options struct {
	ShardBytes int // target size of a dictionary shard (default 4096)
	TopK       int // postings of a large term stored in its shard, the first tier (default 32)
	Members    int // terms with at most this many postings store them all in their shard (default 256)
	ChunkDocs  int // documents per result chunk (default 4)
	PackBytes  int // target size of an overflow pack (default 16384; facet packs are 1/8 of it)
}

func (o Options) withDefaults() Options {
	if o.ShardBytes <= 0 {
		o.ShardBytes = 4096
	}
	if o.TopK <= 0 {
		o.TopK = 32
	}
	if o.Members < o.TopK {
		o.Members = max(256, o.TopK)
	}
	if o.ChunkDocs <= 0 {
		o.ChunkDocs = 4
	}
	if o.PackBytes <= 0 {
		o.PackBytes = 16384
	}
	return o
}

// PageSize is the number of hits per page of results.
const PageSize = 10

// BM25 parameters of the body impact.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// Index is a built search index, ready to export.
type Index struct {
	opt Options
	// docs are the documents in doc-number order, until Build has
	// analysed them and encoded their result chunks (chunks).
	docs   []Doc
	nDocs  int
	chunks [][]byte

	facets  facetTables
	combo   []int    // combo index per doc
	titleL  []int    // units in the title per doc
	bodyLen [3][]int // per field kind: main, unigram, trigram
	avgLen  [3]float64

	inv      inverted
	closed   bool
	exported bool
}

// Close releases the index; Export fails after it. Close itself never
// fails.
func (ix *Index) Close() error {
	ix.inv, ix.chunks, ix.closed = inverted{}, nil, true
	return nil
}

// Build analyses docs (bleve's analysis, see doc.go), builds the inverted
// index in memory and derives everything the export needs. It keeps no
// reference to docs: it encodes the result records as it analyses them
// (failing if one cannot be encoded, such as a NaN fine), so that the
// caller can let go of the documents' texts.
func Build(docs []Doc, opt Options) (*Index, error) {
	if len(docs) > maxDocs {
		return nil, fmt.Errorf("search: %d documents, more than the %d an index can hold", len(docs), maxDocs)
	}
	ix, err := newIndex(docs, opt)
	if err != nil {
		return nil, err
	}
	if err := ix.invert(); err != nil {
		return nil, err
	}
	return ix, nil
}

// newIndex checks docs, puts them in document order and computes the
// facet tables; the inverted index and the lengths are left to the caller.
func newIndex(docs []Doc, opt Options) (*Index, error) {
	ix := &Index{opt: opt.withDefaults(), nDocs: len(docs)}
	seen := make(map[string]bool, len(docs))
	for _, d := range docs {
		if d.ID == "" {
			return nil, errors.New("search: document with empty ID")
		}
		if seen[d.ID] {
			return nil, fmt.Errorf("search: duplicate document ID %q", d.ID)
		}
		seen[d.ID] = true
	}
	ft := newFacetTables(docs)
	// Document order: unit, type, category, level, year (by their value
	// indexes), ID.
	type docKey struct {
		k   [5]int
		doc int
	}
	keys := make([]docKey, len(docs))
	for i, d := range docs {
		keys[i] = docKey{[5]int{ft.unitRank[d.Unit], ft.typeIdx[d.Type], ft.catIdx[d.Category], ft.levelIdx[d.RiskLevel], ft.yearIdx[d.Year]}, i}
	}
	slices.SortFunc(keys, func(a, b docKey) int {
		return cmp.Or(cmp.Compare(a.k[0], b.k[0]), cmp.Compare(a.k[1], b.k[1]), cmp.Compare(a.k[2], b.k[2]),
			cmp.Compare(a.k[3], b.k[3]), cmp.Compare(a.k[4], b.k[4]), strings.Compare(docs[a.doc].ID, docs[b.doc].ID))
	})
	ix.docs = make([]Doc, len(docs))
	for i, k := range keys {
		ix.docs[i] = docs[k.doc]
	}
	ft.finish(ix.docs)
	ix.facets = ft
	ix.combo = ft.docCombo
	ix.titleL = make([]int, len(ix.docs))
	ix.bodyLen = [3][]int{make([]int, len(ix.docs)), make([]int, len(ix.docs)), make([]int, len(ix.docs))}
	return ix, nil
}

// setAvgLen computes the mean body lengths from bodyLen.
func (ix *Index) setAvgLen() {
	for k := range ix.avgLen {
		total := 0
		for _, n := range ix.bodyLen[k] {
			total += n
		}
		ix.avgLen[k] = math.Max(1, float64(total)/float64(max(1, ix.nDocs)))
	}
}

// posting is one (term, document) pair of the exported index.
type posting struct {
	doc   int
	title int // units in the document's title if the term occurs there, else 0
	bi    int // body impact, 0 if the term does not occur in the body
	combo int
}

// termPostings is called for every exported term with its postings in
// posting order: title matches first (shorter titles first), then by body
// impact descending, then by document number.
type termPostingsFunc func(key string, ps []posting) error

// comparePostings orders postings: title matches first, shorter titles
// first, then higher body impact, then lower document number.
func comparePostings(a, b posting) int {
	at, bt := a.title, b.title
	if at == 0 {
		at = math.MaxInt
	}
	if bt == 0 {
		bt = math.MaxInt
	}
	return cmp.Or(cmp.Compare(at, bt), cmp.Compare(b.bi, a.bi), cmp.Compare(a.doc, b.doc))
}

// bodyImpact quantises the BM25 term-frequency factor (without idf, which
// is constant for the one term a query ranks by) to 1..63.
func bodyImpact(tf, dl int, avg float64) int {
	f := float64(tf)
	norm := bm25K1 * (1 - bm25B + bm25B*float64(dl)/avg)
	x := f / (f + norm) // = tf·(k1+1)/(tf+norm) / (k1+1), in (0,1)
	return 1 + min(62, int(x*63))
}

// isLoneIdeograph reports whether a main-field term is a single
// ideographic rune, which cjk_bigram emits only where the rune stands alone.
func isLoneIdeograph(term string) bool {
	if utf8.RuneCountInString(term) != 1 {
		return false
	}
	toks := tokenizer.Tokenize([]byte(term))
	return len(toks) == 1 && toks[0].Type == analysis.Ideographic
}
