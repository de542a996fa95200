package search

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
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
	ShardBytes int // target size of a dictionary shard (default 2048)
	TopK       int // postings per term stored in its shard, the first tier (default 32)
	ChunkDocs  int // documents per result chunk (default 2)
	PackBytes  int // target size of an overflow or facet pack (default 16384)
}

func (o Options) withDefaults() Options {
	if o.ShardBytes <= 0 {
		o.ShardBytes = 2048
	}
	if o.TopK <= 0 {
		o.TopK = 32
	}
	if o.ChunkDocs <= 0 {
		o.ChunkDocs = 2
	}
	if o.PackBytes <= 0 {
		o.PackBytes = 16384
	}
	return o
}

// PageSize is the number of hits per page of results.
const PageSize = 10

// batchDocs is the number of documents per bleve batch.
var batchDocs = 10000

// BM25 parameters of the body impact.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// Index is a built search index, ready to export.
type Index struct {
	opt   Options
	docs  []Doc // in doc-number order
	bleve bleve.Index

	facets  facetTables
	combo   []int // combo index per doc
	titleL  []int // units in the title per doc
	bodyLen [2][]int
	avgLen  [2]float64
}

// Close releases the bleve index.
func (ix *Index) Close() error { return ix.bleve.Close() }

// Bleve returns the underlying bleve index (for inspection and tests).
func (ix *Index) Bleve() bleve.Index { return ix.bleve }

// Build indexes docs with bleve (in memory, scorch) and derives everything
// the export needs.
func Build(docs []Doc, opt Options) (*Index, error) {
	ix := &Index{opt: opt.withDefaults()}
	ix.docs = slices.Clone(docs)
	seen := make(map[string]bool, len(docs))
	for _, d := range ix.docs {
		if d.ID == "" {
			return nil, errors.New("search: document with empty ID")
		}
		if seen[d.ID] {
			return nil, fmt.Errorf("search: duplicate document ID %q", d.ID)
		}
		seen[d.ID] = true
	}
	ft := newFacetTables(ix.docs)
	slices.SortFunc(ix.docs, func(a, b Doc) int {
		return cmp.Or(cmp.Compare(ft.unitRank[a.Unit], ft.unitRank[b.Unit]),
			cmp.Compare(ft.typeIdx[a.Type], ft.typeIdx[b.Type]),
			cmp.Compare(ft.catIdx[a.Category], ft.catIdx[b.Category]),
			cmp.Compare(ft.levelIdx[a.RiskLevel], ft.levelIdx[b.RiskLevel]),
			cmp.Compare(ft.yearIdx[a.Year], ft.yearIdx[b.Year]),
			cmp.Compare(a.ID, b.ID))
	})
	ft.finish(ix.docs)
	ix.facets = ft
	ix.combo = ft.docCombo

	m, err := indexMapping()
	if err != nil {
		return nil, err
	}
	idx, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("search: create index: %w", err)
	}
	ix.bleve = idx
	ix.titleL = make([]int, len(ix.docs))
	ix.bodyLen = [2][]int{make([]int, len(ix.docs)), make([]int, len(ix.docs))}
	var total [2]int
	batch := idx.NewBatch()
	for i, d := range ix.docs {
		nt, nb := Normalize(d.Title), Normalize(d.Body)
		ix.titleL[i] = max(1, len(units(nt)))
		ix.bodyLen[0][i], ix.bodyLen[1][i] = fieldLengths(units(nb))
		total[0] += ix.bodyLen[0][i]
		total[1] += ix.bodyLen[1][i]
		fields := map[string]interface{}{
			"title": nt, "body": nb, "unit": d.Unit, "category": d.Category,
			"type": d.Type, "level": d.RiskLevel, "year": float64(d.Year),
		}
		if d.HasFine {
			fields["fine_min"], fields["fine_max"] = d.FineMin, d.FineMax
		}
		if err := batch.Index(strconv.Itoa(i), fields); err != nil {
			idx.Close()
			return nil, fmt.Errorf("search: index %s: %w", d.ID, err)
		}
		if batch.Size() >= batchDocs {
			if err := idx.Batch(batch); err != nil {
				idx.Close()
				return nil, fmt.Errorf("search: index batch: %w", err)
			}
			batch.Reset()
		}
	}
	if err := idx.Batch(batch); err != nil {
		idx.Close()
		return nil, fmt.Errorf("search: index batch: %w", err)
	}
	for k := range total {
		ix.avgLen[k] = math.Max(1, float64(total[k])/float64(max(1, len(ix.docs))))
	}
	return ix, nil
}

func indexMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	err := im.AddCustomAnalyzer(mainAnalyzer, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []interface{}{cjk.WidthName, lowercase.Name, cjk.BigramName},
	})
	if err != nil {
		return nil, err
	}
	err = im.AddCustomAnalyzer(unigramAnalyzer, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []interface{}{cjk.WidthName, lowercase.Name, unigramFilter},
	})
	if err != nil {
		return nil, err
	}
	text := func(name, analyzer string) *mapping.FieldMapping {
		fm := mapping.NewTextFieldMapping()
		fm.Name, fm.Analyzer = name, analyzer
		fm.Store, fm.IncludeTermVectors, fm.IncludeInAll, fm.DocValues = false, false, false, false
		return fm
	}
	kw := func() *mapping.FieldMapping {
		fm := mapping.NewKeywordFieldMapping()
		fm.Analyzer = keyword.Name
		fm.Store, fm.IncludeInAll, fm.IncludeTermVectors = false, false, false
		return fm
	}
	num := func() *mapping.FieldMapping {
		fm := mapping.NewNumericFieldMapping()
		fm.Store, fm.IncludeInAll = false, false
		return fm
	}
	dm := mapping.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt("title", text("title", mainAnalyzer), text("title1", unigramAnalyzer))
	dm.AddFieldMappingsAt("body", text("body", mainAnalyzer), text("body1", unigramAnalyzer))
	for _, f := range []string{"unit", "category", "type", "level"} {
		dm.AddFieldMappingsAt(f, kw())
	}
	for _, f := range []string{"year", "fine_min", "fine_max"} {
		dm.AddFieldMappingsAt(f, num())
	}
	im.DefaultMapping = dm
	im.StoreDynamic, im.IndexDynamic, im.DocValuesDynamic = false, false, false
	im.DefaultAnalyzer = mainAnalyzer
	return im, nil
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

// walkTerms enumerates the terms of the bleve index, merging each term's
// title and body postings.
func (ix *Index) walkTerms(f termPostingsFunc) error {
	ai, err := ix.bleve.Advanced()
	if err != nil {
		return err
	}
	r, err := ai.Reader()
	if err != nil {
		return err
	}
	defer r.Close()
	// Internal document numbers change on merges; map them once through the
	// external IDs (our document numbers).
	intToDoc := map[uint64]int{}
	dr, err := r.DocIDReaderAll()
	if err != nil {
		return err
	}
	for {
		id, err := dr.Next()
		if err != nil {
			dr.Close()
			return err
		}
		if id == nil {
			break
		}
		ext, err := r.ExternalID(id)
		if err != nil {
			dr.Close()
			return err
		}
		n, err := strconv.Atoi(ext)
		if err != nil {
			dr.Close()
			return fmt.Errorf("search: unexpected document id %q", ext)
		}
		intToDoc[id.Value()] = n
	}
	dr.Close()

	for k, fields := range [][2]string{{"title", "body"}, {"title1", "body1"}} {
		tag := byte(tagMain)
		if k == 1 {
			tag = tagUnigram
		}
		if err := ix.mergeFields(r, intToDoc, fields[0], fields[1], k, tag, f); err != nil {
			return err
		}
	}
	return nil
}

func dictTerms(r index.IndexReader, field string) ([]string, error) {
	d, err := r.FieldDict(field)
	if err != nil {
		return nil, err
	}
	defer d.Close()
	var out []string
	for {
		e, err := d.Next()
		if err != nil {
			return nil, err
		}
		if e == nil {
			return out, nil
		}
		out = append(out, e.Term)
	}
}

func (ix *Index) readPostings(r index.IndexReader, intToDoc map[uint64]int, term, field string, fn func(doc, tf int)) error {
	tr, err := r.TermFieldReader(context.Background(), []byte(term), field, true, false, false)
	if err != nil {
		return err
	}
	defer tr.Close()
	var tfd index.TermFieldDoc
	for {
		p, err := tr.Next(tfd.Reset())
		if err != nil {
			return err
		}
		if p == nil {
			return nil
		}
		fn(intToDoc[p.ID.Value()], int(p.Freq))
	}
}

func (ix *Index) mergeFields(r index.IndexReader, intToDoc map[uint64]int, titleField, bodyField string, lenKind int, tag byte, f termPostingsFunc) error {
	tt, err := dictTerms(r, titleField)
	if err != nil {
		return err
	}
	bt, err := dictTerms(r, bodyField)
	if err != nil {
		return err
	}
	var ps []posting
	byDoc := map[int]int{}
	i, j := 0, 0
	for i < len(tt) || j < len(bt) {
		var term string
		inTitle, inBody := false, false
		switch {
		case j >= len(bt) || (i < len(tt) && tt[i] < bt[j]):
			term, inTitle = tt[i], true
			i++
		case i >= len(tt) || bt[j] < tt[i]:
			term, inBody = bt[j], true
			j++
		default:
			term, inTitle, inBody = tt[i], true, true
			i++
			j++
		}
		if tag == tagMain && isLoneIdeograph(term) {
			continue // queries use the unigram field for lone characters
		}
		ps = ps[:0]
		clear(byDoc)
		at := func(doc int) *posting {
			k, ok := byDoc[doc]
			if !ok {
				k = len(ps)
				byDoc[doc] = k
				ps = append(ps, posting{doc: doc, combo: ix.combo[doc]})
			}
			return &ps[k]
		}
		if inTitle {
			err := ix.readPostings(r, intToDoc, term, titleField, func(doc, _ int) { at(doc).title = ix.titleL[doc] })
			if err != nil {
				return err
			}
		}
		if inBody {
			err := ix.readPostings(r, intToDoc, term, bodyField, func(doc, tf int) {
				at(doc).bi = bodyImpact(tf, ix.bodyLen[lenKind][doc], ix.avgLen[lenKind])
			})
			if err != nil {
				return err
			}
		}
		slices.SortFunc(ps, comparePostings)
		if err := f(string(tag)+term, ps); err != nil {
			return err
		}
	}
	return nil
}

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

// isLoneIdeograph reports whether term is a single ideographic rune, which
// the bigram filter emits only where the rune stands alone.
func isLoneIdeograph(term string) bool {
	if len([]rune(term)) != 1 {
		return false
	}
	toks := tokenizer.Tokenize([]byte(term))
	return len(toks) == 1 && toks[0].Type == analysis.Ideographic
}

// fieldLengths returns the number of tokens bleve indexes for a field with
// the given units: in the main field (non-ideographic tokens, bigrams, and
// lone ideographs) and in the unigram field (ideographic runes).
func fieldLengths(us []unit) (main, uni int) {
	for i, u := range us {
		switch {
		case !u.ideo:
			main++
		case aligned(us, i):
			main++
			uni++
		default:
			uni++
			if i == 0 || !aligned(us, i-1) {
				main++
			}
		}
	}
	return main, uni
}
