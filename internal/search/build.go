package search

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	segment "github.com/blevesearch/scorch_segment_api/v2"
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
	TopK       int // postings of a large term stored in its shard, the first tier (default 32)
	Members    int // terms with at most this many postings store them all in their shard (default 256)
	ChunkDocs  int // documents per result chunk (default 2)
	PackBytes  int // target size of an overflow pack (default 8192; facet packs are 1/8 of it)
}

func (o Options) withDefaults() Options {
	if o.ShardBytes <= 0 {
		o.ShardBytes = 2048
	}
	if o.TopK <= 0 {
		o.TopK = 32
	}
	if o.Members < o.TopK {
		o.Members = max(256, o.TopK)
	}
	if o.ChunkDocs <= 0 {
		o.ChunkDocs = 2
	}
	if o.PackBytes <= 0 {
		o.PackBytes = 8192
	}
	return o
}

// PageSize is the number of hits per page of results.
const PageSize = 10

// batchDocs is the number of documents per bleve batch.
var batchDocs = 1000

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
	combo   []int    // combo index per doc
	titleL  []int    // units in the title per doc
	bodyLen [3][]int // per field kind: main, unigram, trigram
	avgLen  [3]float64
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
	ix.bodyLen = [3][]int{make([]int, len(ix.docs)), make([]int, len(ix.docs)), make([]int, len(ix.docs))}
	var total [3]int
	batch := idx.NewBatch()
	for i, d := range ix.docs {
		nt, nb := Normalize(d.Title), Normalize(d.Body)
		ix.titleL[i] = max(1, len(units(nt)))
		ix.bodyLen[0][i], ix.bodyLen[1][i], ix.bodyLen[2][i] = fieldLengths(units(nb))
		for k := range total {
			total[k] += ix.bodyLen[k][i]
		}
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
	for name, filter := range map[string]string{mainAnalyzer: cjk.BigramName, unigramAnalyzer: unigramFilter, trigramAnalyzer: trigramFilter} {
		err := im.AddCustomAnalyzer(name, map[string]interface{}{
			"type":          custom.Name,
			"tokenizer":     unicode.Name,
			"token_filters": []interface{}{cjk.WidthName, lowercase.Name, filter},
		})
		if err != nil {
			return nil, err
		}
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
	dm.AddFieldMappingsAt("title", text("title", mainAnalyzer), text("title1", unigramAnalyzer), text("title3", trigramAnalyzer))
	dm.AddFieldMappingsAt("body", text("body", mainAnalyzer), text("body1", unigramAnalyzer), text("body3", trigramAnalyzer))
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
// title and body postings. An in-memory scorch index never merges its
// segments (one per batch), so rather than asking every segment for every
// term (TermFieldReader), it merges the segments' sorted dictionaries and
// reads each term's postings from the segments that have it.
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
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return fmt.Errorf("search: unexpected index reader %T", r)
	}
	segs := snap.Segments()
	// Internal document numbers change on merges; map them once through the
	// external IDs (our document numbers).
	docOf := make([][]int, len(segs))
	for i, ss := range segs {
		n := ss.Segment().Count()
		docOf[i] = make([]int, n)
		for num := range n {
			id, err := ss.DocID(num)
			if err != nil {
				return err
			}
			d, err := strconv.Atoi(string(id))
			if err != nil || d < 0 || d >= len(ix.docs) {
				return fmt.Errorf("search: unexpected document id %q", id)
			}
			docOf[i][num] = d
		}
	}
	for k, fields := range [][2]string{{"title", "body"}, {"title1", "body1"}, {"title3", "body3"}} {
		tag := []byte{tagMain, tagUnigram, tagTrigram}[k]
		title, err := newFieldWalker(segs, docOf, fields[0])
		if err != nil {
			return err
		}
		body, err := newFieldWalker(segs, docOf, fields[1])
		if err != nil {
			return err
		}
		if err := ix.mergeFields(title, body, k, tag, f); err != nil {
			return err
		}
	}
	return nil
}

// fieldWalker merges the term dictionaries of one field across segments.
type fieldWalker struct {
	docOf [][]int
	dicts []segment.TermDictionary
	iters []segment.DictionaryIterator
	cur   []string // current term per segment, "" when exhausted
	term  string   // the smallest current term
	in    []int    // the segments whose current term is term
	done  bool
}

func newFieldWalker(segs []*scorch.SegmentSnapshot, docOf [][]int, field string) (*fieldWalker, error) {
	w := &fieldWalker{docOf: docOf, cur: make([]string, len(segs))}
	for _, ss := range segs {
		d, err := ss.Segment().Dictionary(field)
		if err != nil {
			return nil, err
		}
		w.dicts = append(w.dicts, d)
		w.iters = append(w.iters, d.AutomatonIterator(nil, nil, nil))
	}
	for i := range w.iters {
		if err := w.advance(i); err != nil {
			return nil, err
		}
	}
	w.pick()
	return w, nil
}

func (w *fieldWalker) advance(i int) error {
	e, err := w.iters[i].Next()
	if err != nil {
		return err
	}
	w.cur[i] = ""
	if e != nil {
		w.cur[i] = e.Term
		if e.Term == "" {
			return fmt.Errorf("search: empty term in the index")
		}
	}
	return nil
}

// pick sets term and in from the segments' current terms.
func (w *fieldWalker) pick() {
	w.done, w.in = true, w.in[:0]
	for i, t := range w.cur {
		switch {
		case t == "":
		case w.done || t < w.term:
			w.term, w.in, w.done = t, append(w.in[:0], i), false
		case t == w.term:
			w.in = append(w.in, i)
		}
	}
}

// next moves past the current term.
func (w *fieldWalker) next() error {
	for _, i := range w.in {
		if err := w.advance(i); err != nil {
			return err
		}
	}
	w.pick()
	return nil
}

// postings calls fn with the document and frequency of every posting of
// the current term.
func (w *fieldWalker) postings(fn func(doc, tf int)) error {
	term := []byte(w.term)
	for _, i := range w.in {
		pl, err := w.dicts[i].PostingsList(term, nil, nil)
		if err != nil {
			return err
		}
		it := pl.Iterator(true, false, false, nil)
		for {
			p, err := it.Next()
			if err != nil {
				return err
			}
			if p == nil {
				break
			}
			fn(w.docOf[i][p.Number()], int(p.Frequency()))
		}
	}
	return nil
}

func (ix *Index) mergeFields(title, body *fieldWalker, lenKind int, tag byte, f termPostingsFunc) error {
	var ps []posting
	byDoc := map[int]int{}
	for !title.done || !body.done {
		var term string
		inTitle, inBody := false, false
		switch {
		case body.done || (!title.done && title.term < body.term):
			term, inTitle = title.term, true
		case title.done || body.term < title.term:
			term, inBody = body.term, true
		default:
			term, inTitle, inBody = title.term, true, true
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
		skip := tag == tagMain && isLoneIdeograph(term) // queries use u terms for lone characters
		if inTitle {
			if !skip {
				err := title.postings(func(doc, _ int) { at(doc).title = ix.titleL[doc] })
				if err != nil {
					return err
				}
			}
			if err := title.next(); err != nil {
				return err
			}
		}
		if inBody {
			if !skip {
				err := body.postings(func(doc, tf int) {
					at(doc).bi = bodyImpact(tf, ix.bodyLen[lenKind][doc], ix.avgLen[lenKind])
				})
				if err != nil {
					return err
				}
			}
			if err := body.next(); err != nil {
				return err
			}
		}
		if skip {
			continue
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

// isLoneIdeograph reports whether a main-field term is a single
// ideographic rune, which cjk_bigram emits only where the rune stands alone.
func isLoneIdeograph(term string) bool {
	if utf8.RuneCountInString(term) != 1 {
		return false
	}
	toks := tokenizer.Tokenize([]byte(term))
	return len(toks) == 1 && toks[0].Type == analysis.Ideographic
}

// fieldLengths returns the number of tokens of a field with the given
// units in each analysis: m (non-ideographic tokens, bigrams, and lone
// ideographs, as bleve's cjk analyzer counts them), u (ideographic runes)
// and t (trigrams).
func fieldLengths(us []unit) (main, uni, tri int) {
	run := 0 // length of the current run of adjacent ideographic runes
	for i, u := range us {
		if !u.ideo {
			main++
			run = 0
			continue
		}
		uni++
		if i > 0 && aligned(us, i-1) {
			run++
		} else {
			run = 1
		}
		if aligned(us, i) || run == 1 {
			main++
		}
		if run >= 3 {
			tri++
		}
	}
	return main, uni, tri
}
