package search

// The oracle: Build as it was when it indexed with bleve (in memory,
// scorch), six analysed fields, and read the postings back from the
// segments' dictionaries. TestOracle checks that the inverted index that
// Build now builds directly exports byte-identical files.

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	gounicode "unicode"
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
	"github.com/blevesearch/bleve/v2/registry"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Names of the analysis components the oracle registers with bleve.
const (
	mainAnalyzer    = "sunlight_cjk"     // unicode → cjk_width → to_lower → cjk_bigram
	unigramAnalyzer = "sunlight_unigram" // unicode → cjk_width → to_lower → ideographic runes
	unigramFilter   = "sunlight_unigram"
	trigramAnalyzer = "sunlight_trigram" // unicode → cjk_width → to_lower → trigrams of adjacent ideographic runes
	trigramFilter   = "sunlight_trigram"
)

func init() {
	for name, f := range map[string]analysis.TokenFilter{unigramFilter: unigramTokenFilter{}, trigramFilter: trigramTokenFilter{}} {
		err := registry.RegisterTokenFilter(name, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
			return f, nil
		})
		if err != nil {
			panic(err)
		}
	}
}

// unigramTokenFilter keeps one token per rune of each ideographic token and
// drops every other token.
type unigramTokenFilter struct{}

func (unigramTokenFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(in))
	pos := 1
	for _, tok := range in {
		if tok.Type != analysis.Ideographic {
			continue
		}
		for off := 0; off < len(tok.Term); {
			_, n := utf8.DecodeRune(tok.Term[off:])
			out = append(out, &analysis.Token{
				Term:     tok.Term[off : off+n],
				Start:    tok.Start + off,
				End:      tok.Start + off + n,
				Position: pos,
				Type:     analysis.Single,
			})
			pos++
			off += n
		}
	}
	return out
}

// trigramTokenFilter emits, for every three adjacent runes of ideographic
// tokens (adjacent as the bigram filter defines it), their concatenation;
// it drops every other token.
type trigramTokenFilter struct{}

func (trigramTokenFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	type rn struct {
		start, end int
		term       []byte
	}
	out := make(analysis.TokenStream, 0, len(in))
	var win [3]rn
	n, pos := 0, 1
	for _, tok := range in {
		if tok.Type != analysis.Ideographic {
			n = 0
			continue
		}
		for off := 0; off < len(tok.Term); {
			_, rl := utf8.DecodeRune(tok.Term[off:])
			start := tok.Start + off
			if n > 0 && win[(n-1)%3].end != start {
				n = 0
			}
			win[n%3] = rn{start, start + rl, tok.Term[off : off+rl]}
			n++
			if n >= 3 {
				a, b, c := win[(n-3)%3], win[(n-2)%3], win[(n-1)%3]
				term := make([]byte, 0, len(a.term)+len(b.term)+len(c.term))
				term = append(append(append(term, a.term...), b.term...), c.term...)
				out = append(out, &analysis.Token{Term: term, Start: a.start, End: c.end, Position: pos, Type: analysis.Shingle})
				pos++
			}
			off += rl
		}
	}
	return out
}

// oracle is an Index whose terms come from a bleve index.
type oracle struct {
	ix    *Index
	bleve bleve.Index
}

// buildOracle indexes docs as Build did with bleve.
func buildOracle(docs []Doc, opt Options) (*oracle, error) {
	ix, err := newIndex(docs, opt)
	if err != nil {
		return nil, err
	}
	m, err := indexMapping()
	if err != nil {
		return nil, err
	}
	idx, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("search: create index: %w", err)
	}
	o := &oracle{ix: ix, bleve: idx}
	batch := idx.NewBatch()
	for i, d := range ix.docs {
		nt, nb := Normalize(d.Title), Normalize(d.Body)
		ix.titleL[i] = max(1, len(units(nt)))
		ix.bodyLen[0][i], ix.bodyLen[1][i], ix.bodyLen[2][i] = fieldLengths(units(nb))
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
		if batch.Size() >= 1000 {
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
	ix.setAvgLen()
	return o, nil
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

// walkTerms enumerates the terms of the bleve index, as Build did before
// it built the inverted index itself, merging each term's
// title and body postings. An in-memory scorch index never merges its
// segments (one per batch), so rather than asking every segment for every
// term (TermFieldReader), it merges the segments' sorted dictionaries and
// reads each term's postings from the segments that have it.
func (o *oracle) walkTerms(f termPostingsFunc) error {
	ix := o.ix
	ai, err := o.bleve.Advanced()
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

// termList is a termSource in memory.
type termList struct {
	keys  []string
	lists [][]posting
}

// collectTerms lists the terms that walk enumerates.
func collectTerms(walk func(termPostingsFunc) error) (*termList, error) {
	l := &termList{}
	err := walk(func(key string, ps []posting) error {
		l.keys = append(l.keys, key)
		l.lists = append(l.lists, slices.Clone(ps))
		return nil
	})
	return l, err
}

func (l *termList) numTerms() int { return len(l.keys) }
func (l *termList) parts() []int {
	return splitTerms(len(l.keys), func(t int) int { return t })
}
func (l *termList) walkPart(p int, f termPostingsFunc) error {
	bounds := l.parts()
	for t := bounds[p]; t < bounds[p+1]; t++ {
		if err := f(l.keys[t], l.lists[t]); err != nil {
			return err
		}
	}
	return nil
}

// trickyDocs returns documents whose text exercises the corners of the
// analysis: mixed Latin, digits and CJK, full- and half-width forms, kana,
// hangul, punctuation between ideographs, invalid UTF-8, empty titles and
// bodies, emoji, variation selectors, case mappings that change a rune's
// length (to_lower's in-place quirk), and very long tokens; and, from
// analyzerStrings, n random mixtures, some repeated so that their terms
// have more postings than a shard holds.
func trickyDocs(n int, seed uint64) []Doc {
	texts := []string{
		"", " ", "。", "中", "中国", "中国人", "中。国", "中 国", "中，国人民", "一\u0301二三", "葛\U000E0101城市",
		"一\u200d二三", "a中b国c", "中1国2人", "GB 2763-2021标准", "第３４条", "ＳＪ－ＸＫ－０００１２号",
		"ｶﾞｷﾞｸﾞ半角カナ", "ひらがなとカタカナ", "한국어 텍스트 가나다", "ᄀᄂ ㄱㄴ", "〆切々", "々", "〇一",
		"😀一😀", "👨\u200d👩\u200d👧家庭", "①一②二", "İstanbul İİİ中国", "ΣΑΣ σας", "ǅungla", "ȺȾ中文ȺȾ",
		"ẞtraße", "KELVIN \u212a", "\xff中国\xfe", "中国\xe4\xb8", "\xe4\xb8中国", "abc\x80def", "\x00\x01中",
		"𠀀𠀁𠀂𠀃", "\U0002A6D6\U0002A6D6", "行政\u3000处罚", "行政\u00a0处罚", "许可\t证\n书",
		"中华人民共和国食品安全法第一百二十二条", "3.14元 1,000元 30%", "e-mail don't C++ v1.2.3",
		strings.Repeat("a", 5000), strings.Repeat("9", 3000), strings.Repeat("中", 4000),
		strings.Repeat("食品经营许可", 500), strings.Repeat("ab中", 700), strings.Repeat("許", 300) + "x",
	}
	var docs []Doc
	add := func(title, body string) {
		i := len(docs)
		docs = append(docs, Doc{
			ID: fmt.Sprintf("/t/%d/", i), Type: []string{"权力事项", "页面", "新类型", ""}[i%4],
			Title: title, Body: body, URL: fmt.Sprintf("/t/%d/", i%3),
			Unit: []string{"u1", "u2", ""}[i%3], UnitName: "单位", Category: []string{"", "行政许可", "\xff"}[i%3],
			RiskLevel: []string{"", "高", "极高"}[i%3], Year: []int{0, 2024, 2023}[i%3],
			FineMin: float64(i), FineMax: float64(2 * i), HasFine: i%5 == 0,
		})
	}
	for i, t := range texts {
		add(t, texts[(i*7+3)%len(texts)])
		add(texts[(i*5+1)%len(texts)], t)
	}
	rs := analyzerStrings(2*n, seed)
	for i := 0; i < n; i++ {
		body := rs[n+i]
		if i%3 == 0 {
			body += texts[i%len(texts)] + rs[(i*13)%n]
		}
		add(rs[i], body)
	}
	return docs
}

// oracleFiles exports docs with the oracle.
func oracleFiles(tb testing.TB, docs []Doc, opt Options) ([]File, *oracle) {
	tb.Helper()
	o, err := buildOracle(docs, opt)
	if err != nil {
		tb.Fatal(err)
	}
	defer o.bleve.Close()
	list, err := collectTerms(o.walkTerms)
	if err != nil {
		tb.Fatal(err)
	}
	files, _, err := o.ix.export(list)
	if err != nil {
		tb.Fatal(err)
	}
	return files, o
}

// diffFiles describes the first difference between two exports, or
// returns "".
func diffFiles(got, want []File) string {
	for i := range min(len(got), len(want)) {
		g, w := got[i], want[i]
		if g.Path != w.Path {
			return fmt.Sprintf("file %d is %s, want %s", i, g.Path, w.Path)
		}
		if !bytes.Equal(g.Data, w.Data) {
			return fmt.Sprintf("%s differs (%d bytes, want %d)", g.Path, len(g.Data), len(w.Data))
		}
	}
	if len(got) != len(want) {
		return fmt.Sprintf("%d files, want %d", len(got), len(want))
	}
	return ""
}

// TestOracle checks that Build's inverted index exports exactly the files
// that the bleve index did.
func TestOracle(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		docs []Doc
		opt  Options
	}{
		{"sample", SampleDocs(2000, 5), Options{}},
		{"tricky", trickyDocs(1500, 11), Options{}},
		{"tricky small tiers", trickyDocs(300, 12), Options{TopK: 3, Members: 5, ShardBytes: 300, ChunkDocs: 3, PackBytes: 200}},
		{"tricky large chunks", trickyDocs(300, 13), Options{ChunkDocs: 70}},
		{"fixture", fixtureDocs, Options{}},
		{"empty", nil, Options{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			want, o := oracleFiles(t, tc.docs, tc.opt)
			ix, err := Build(tc.docs, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ix.titleL, o.ix.titleL) || ix.avgLen != o.ix.avgLen {
				t.Errorf("title lengths or mean body lengths differ from the oracle's")
			}
			for k := range ix.bodyLen {
				if !slices.Equal(ix.bodyLen[k], o.ix.bodyLen[k]) {
					t.Errorf("body lengths %d differ from the oracle's", k)
				}
			}
			got, _, err := ix.Export()
			if err != nil {
				t.Fatal(err)
			}
			if d := diffFiles(got, want); d != "" {
				t.Errorf("export differs from the oracle's: %s", d)
				diffTerms(t, tc.docs, tc.opt, o)
			}
		})
	}
}

// diffTerms reports the first terms whose postings differ between Build
// and the oracle.
func diffTerms(t *testing.T, docs []Doc, opt Options, o *oracle) {
	t.Helper()
	ix, err := Build(docs, opt)
	if err != nil {
		t.Fatal(err)
	}
	collect := func(walk func(termPostingsFunc) error) (keys []string, lists map[string]string) {
		lists = map[string]string{}
		err := walk(func(key string, ps []posting) error {
			keys = append(keys, key)
			lists[key] = fmt.Sprint(ps)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return keys, lists
	}
	gk, gl := collect(func(f termPostingsFunc) error {
		for p := range len(ix.parts()) - 1 {
			if err := ix.walkPart(p, f); err != nil {
				return err
			}
		}
		return nil
	})
	wk, wl := collect(o.walkTerms)
	n := 0
	for i := range max(len(gk), len(wk)) {
		var g, w string
		if i < len(gk) {
			g = gk[i]
		}
		if i < len(wk) {
			w = wk[i]
		}
		if g != w || gl[g] != wl[w] {
			t.Errorf("term %d: %q %s, want %q %s", i, g, gl[g], w, wl[w])
			if n++; n == 5 {
				return
			}
		}
	}
}

// TestIsLoneIdeograph checks which one-rune main terms are the lone
// ideographs that cjk_bigram emits (and the export leaves to u).
func TestIsLoneIdeograph(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		term string
		want bool
	}{
		{"中", true}, {"ア", true}, {"あ", true}, {"𠀀", true},
		{"々", false}, {"a", false}, {"1", false}, {"中国", false}, {"가", false}, {"", false}, {"\xff", false},
	} {
		if got := isLoneIdeograph(tc.term); got != tc.want {
			t.Errorf("isLoneIdeograph(%q) = %v, want %v", tc.term, got, tc.want)
		}
	}
}

// fieldLengths returns the number of tokens of a field with the given
// units in each analysis (as the oracle computes them; Build counts them
// as it analyses): m (non-ideographic tokens, bigrams, and lone
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

// TestIdeographicTokensKeepTheirCase checks what the inverted index relies
// on to split ideographic tokens as cjk_bigram does: to_lower never changes
// an ideographic token, because no rune with a lowercase mapping ends up
// in one, whatever surrounds it.
func TestIdeographicTokensKeepTheirCase(t *testing.T) {
	t.Parallel()
	contexts := []string{"一", "ア", "あ", "ｱ", "〆", "々", "가", "a", "1"}
	for r := rune(0); r <= 0x10FFFF; r++ {
		if gounicode.ToLower(r) == r || (r >= 0xD800 && r <= 0xDFFF) {
			continue
		}
		for _, a := range contexts {
			for _, s := range []string{a + string(r), string(r) + a, a + string(r) + a} {
				for _, tok := range tokenizer.Tokenize([]byte(Normalize(s))) {
					if tok.Type != analysis.Ideographic {
						continue
					}
					for _, c := range string(tok.Term) {
						if gounicode.ToLower(c) != c {
							t.Errorf("%U is in the ideographic token %q of %q", c, tok.Term, s)
						}
					}
				}
			}
		}
	}
}
