package search

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/bits"
	"os"
	"path"
	"slices"
	"sync"
)

// Query is a search request.
type Query struct {
	Text     string  `json:"text"`
	Unit     string  `json:"unit"` // unit identifier
	Category string  `json:"category"`
	Type     string  `json:"type"`
	Level    string  `json:"level"`
	Year     int     `json:"year"`
	FineMin  float64 `json:"fineMin"` // with FineMax: benchmarks whose fine range overlaps [FineMin, FineMax]; 0 = unbounded
	FineMax  float64 `json:"fineMax"`
	Page     int     `json:"page"` // 1-based; 0 means 1
}

// Results is one page of results.
type Results struct {
	Total      int     `json:"total"`      // number of candidates: exact if TotalExact, otherwise an upper bound
	TotalExact bool    `json:"totalExact"` // Total counts exactly the matching items
	Fallback   bool    `json:"fallback"`   // nothing matched exactly; Hits are the closest items
	Page       int     `json:"page"`
	Pages      int     `json:"pages"` // pages a user can open (from Total)
	Hits       []Hit   `json:"hits"`
	Facets     []Facet `json:"facets"` // counts over the candidates, per dimension
}

// Hit is one result.
type Hit struct {
	ID       string     `json:"id"`
	URL      string     `json:"url"`
	Title    string     `json:"title"`
	Type     string     `json:"type"`
	Unit     string     `json:"unit"`
	UnitName string     `json:"unitName"`
	Category string     `json:"category"`
	Level    string     `json:"level"`
	Year     int        `json:"year"`
	HasFine  bool       `json:"hasFine"`
	FineMin  float64    `json:"fineMin"`
	FineMax  float64    `json:"fineMax"`
	InTitle  bool       `json:"inTitle"` // the query matched in the title
	TitleHL  []Fragment `json:"titleHL"` // the title, with matches marked
	Snippet  []Fragment `json:"snippet"` // an excerpt of the body, with matches marked
}

// Fragment is a piece of text; Match marks a query match.
type Fragment struct {
	Text  string `json:"text"`
	Match bool   `json:"match"`
}

// Facet lists the candidates' counts for one dimension.
type Facet struct {
	Name   string       `json:"name"` // unit, type, category, level, year
	Values []FacetValue `json:"values"`
}

// FacetValue is one value of a dimension.
type FacetValue struct {
	Value string `json:"value"` // the filter value (a unit identifier, a year, or the value itself)
	Label string `json:"label"`
	Count int    `json:"count"`
}

// Searcher answers queries from an exported index. It implements the same
// algorithm as the JavaScript client (see doc.go) and is safe for
// concurrent use.
type Searcher struct {
	fsys  fs.FS
	entry entryJSON
	meta  metaJSON
	dims  [numDims][]string // value labels per dimension
	base  [numDims]int      // facet value index base per dimension
	runs  [][2]int          // browse runs: count, combo

	mu     sync.Mutex
	shards map[int]map[string]*dictEntry
	chunks map[int][]record
	packs  map[string][]byte
}

type dictEntry struct {
	key         string
	df          int
	tier0       []posting
	titleDocs   []int // df > Members: title documents beyond the first tier
	titlesKnown bool  // every document with the term in its title is known
	overflow    ref
	facets      ref
	all         []posting   // tier0 + overflow, once loaded
	docs        map[int]int // df <= Members: document → 1 if in title, else 0
}

// titleInfo reports whether the term is in doc's title, and whether that
// is known from the dictionary entry alone.
func (de *dictEntry) titleInfo(doc int) (inTitle, known bool) {
	if !de.titlesKnown {
		return false, false
	}
	for _, p := range de.tier0 {
		if p.doc == doc {
			return p.title > 0, true
		}
	}
	_, found := slices.BinarySearch(de.titleDocs, doc)
	return found, true
}

// docSet returns the documents of a term with df <= Members.
func (de *dictEntry) docSet() map[int]int {
	if de.docs == nil {
		de.docs = make(map[int]int, len(de.tier0))
		for _, p := range de.tier0 {
			de.docs[p.doc] = min(1, p.title)
		}
	}
	return de.docs
}

type record struct {
	id, url, title, body string
	hasFine              bool
	fineMin, fineMax     float64
}

// OpenDir opens the index exported under the site directory dir.
func OpenDir(dir string) (*Searcher, error) { return Open(os.DirFS(dir)) }

// Open opens the index in fsys, whose root is the site root: it reads
// search/index.json to find the entry file.
func Open(fsys fs.FS) (*Searcher, error) {
	s := &Searcher{fsys: fsys, shards: map[int]map[string]*dictEntry{}, chunks: map[int][]record{}, packs: map[string][]byte{}}
	var ptr struct{ Entry string }
	if err := s.readJSON("index.json", &ptr); err != nil {
		return nil, err
	}
	if err := s.readJSON(ptr.Entry, &s.entry); err != nil {
		return nil, err
	}
	if s.entry.Format != FormatVersion {
		return nil, fmt.Errorf("search: %s: format %q, want %q", ptr.Entry, s.entry.Format, FormatVersion)
	}
	if e := s.entry; e.Shards < 1 || e.ShardGroup < 1 || len(e.ShardHashes)*e.ShardGroup < e.Shards ||
		e.ChunkDocs < 1 || e.ChunkGroup < 1 || len(e.ChunkHashes)*e.ChunkGroup*e.ChunkDocs < e.Docs ||
		e.TopK < 1 || e.Members < e.TopK {
		return nil, fmt.Errorf("search: %s: %w", ptr.Entry, errCorrupt)
	}
	if err := s.readJSON(s.entry.Meta, &s.meta); err != nil {
		return nil, err
	}
	for _, u := range s.meta.Units {
		s.dims[dimUnit] = append(s.dims[dimUnit], u[1].(string))
	}
	s.dims[dimType], s.dims[dimCategory], s.dims[dimLevel] = s.meta.Types, s.meta.Categories, s.meta.Levels
	for _, y := range s.meta.Years {
		s.dims[dimYear] = append(s.dims[dimYear], fmt.Sprint(y))
	}
	n := 0
	for d := range s.base {
		s.base[d] = n
		n += len(s.dims[d])
	}
	b, err := s.read(s.entry.Browse)
	if err != nil {
		return nil, err
	}
	dec := &decoder{b: b}
	for k := dec.uvarint(); k > 0; k-- {
		s.runs = append(s.runs, [2]int{dec.uvarint(), dec.uvarint()})
	}
	if dec.err != nil {
		return nil, fmt.Errorf("search: %s: %w", s.entry.Browse, dec.err)
	}
	return s, nil
}

func (s *Searcher) read(name string) ([]byte, error) {
	b, err := fs.ReadFile(s.fsys, path.Join(Dir, name))
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return b, nil
}

func (s *Searcher) readJSON(name string, v any) error {
	b, err := s.read(name)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("search: %s: %w", name, err)
	}
	return nil
}

// lookup returns the dictionary entry of a term key, or nil.
func (s *Searcher) lookup(key string) (*dictEntry, error) {
	e := s.entry
	sh := int(fnv1a(key) % uint32(e.Shards))
	m, ok := s.shards[sh]
	if !ok {
		b, err := s.read(shardPath(sh, e.ShardHashes[sh/e.ShardGroup]))
		if err != nil {
			return nil, err
		}
		m = map[string]*dictEntry{}
		d := &decoder{b: b}
		for n := d.uvarint(); n > 0 && d.err == nil; n-- {
			de := &dictEntry{key: string(d.bytes(d.uvarint()))}
			de.df = d.uvarint()
			k := de.df
			if k > e.Members {
				k = e.TopK
			}
			de.tier0 = decodePostings(d, k, nil)
			de.titlesKnown = true
			if k < de.df {
				de.titleDocs, de.titlesKnown = decodeTitleDocs(d)
				de.overflow, de.facets = d.ref(), d.ref()
			}
			m[de.key] = de
		}
		if d.err != nil {
			return nil, fmt.Errorf("search: shard %d: %w", sh, d.err)
		}
		s.shards[sh] = m
	}
	return m[key], nil
}

func (s *Searcher) blob(kind byte, r ref) ([]byte, error) {
	name := packPath(kind, r.pack, r.hash)
	b, ok := s.packs[name]
	if !ok {
		var err error
		if b, err = s.read(name); err != nil {
			return nil, err
		}
		s.packs[name] = b
	}
	if r.off+r.n > len(b) {
		return nil, fmt.Errorf("search: %s: %w", name, errCorrupt)
	}
	return b[r.off : r.off+r.n], nil
}

// postings returns all postings of an entry.
func (s *Searcher) postings(de *dictEntry) ([]posting, error) {
	if de.df <= s.entry.Members {
		return de.tier0, nil
	}
	if de.all == nil {
		b, err := s.blob('o', de.overflow)
		if err != nil {
			return nil, err
		}
		d := &decoder{b: b}
		all := decodePostings(d, de.df-len(de.tier0), slices.Clone(de.tier0))
		if d.err != nil {
			return nil, fmt.Errorf("search: postings of %q: %w", de.key, d.err)
		}
		de.all = all
	}
	return de.all, nil
}

func (s *Searcher) recordOf(doc int) (record, error) {
	c := doc / s.entry.ChunkDocs
	recs, ok := s.chunks[c]
	if !ok {
		b, err := s.read(chunkPath(c, s.entry.ChunkHashes[c/s.entry.ChunkGroup]))
		if err != nil {
			return record{}, err
		}
		var raw [][]any
		if err := json.Unmarshal(b, &raw); err != nil {
			return record{}, fmt.Errorf("search: chunk %d: %w", c, err)
		}
		for _, r := range raw {
			if len(r) < 4 {
				return record{}, fmt.Errorf("search: chunk %d: %w", c, errCorrupt)
			}
			rec := record{}
			rec.id, _ = r[0].(string)
			rec.url, _ = r[1].(string)
			if rec.url == "" {
				rec.url = rec.id
			}
			rec.title, _ = r[2].(string)
			rec.body, _ = r[3].(string)
			if len(r) >= 6 {
				rec.hasFine = true
				rec.fineMin, _ = r[4].(float64)
				rec.fineMax, _ = r[5].(float64)
			}
			recs = append(recs, rec)
		}
		s.chunks[c] = recs
	}
	i := doc - c*s.entry.ChunkDocs
	if i >= len(recs) {
		return record{}, fmt.Errorf("search: document %d: %w", doc, errCorrupt)
	}
	return recs[i], nil
}

// filter is a compiled set of filters.
type filter struct {
	unit                  [2]int // document range, or {0, N}
	typ, cat, level, year int    // value index, -1 = any
	fine                  bool
	fineMin, fineMax      float64
	any                   bool // some filter is set
	impossible            bool // a filter names an unknown value
}

func (s *Searcher) compileFilter(q Query) filter {
	f := filter{unit: [2]int{0, s.entry.Docs}, typ: -1, cat: -1, level: -1, year: -1}
	find := func(vals []string, v string) int {
		if v == "" {
			return -1
		}
		f.any = true
		if i := slices.Index(vals, v); i >= 0 {
			return i
		}
		f.impossible = true
		return -1
	}
	if q.Unit != "" {
		f.any, f.impossible = true, true
		for _, u := range s.meta.Units {
			if u[0].(string) == q.Unit {
				f.unit = [2]int{int(u[2].(float64)), int(u[3].(float64))}
				f.impossible = false
			}
		}
	}
	f.typ = find(s.meta.Types, q.Type)
	f.cat = find(s.meta.Categories, q.Category)
	f.level = find(s.meta.Levels, q.Level)
	if q.Year != 0 {
		f.year = find(s.dims[dimYear], fmt.Sprint(q.Year))
	}
	if q.FineMin > 0 || q.FineMax > 0 {
		f.any, f.fine, f.fineMin, f.fineMax = true, true, q.FineMin, q.FineMax
	}
	return f
}

// pass applies the filters that the index itself can decide.
func (s *Searcher) pass(f *filter, doc, combo int) bool {
	if doc < f.unit[0] || doc >= f.unit[1] || combo >= len(s.meta.Combos) {
		return false
	}
	c := s.meta.Combos[combo]
	return (f.typ < 0 || c[0] == f.typ) && (f.cat < 0 || c[1] == f.cat) &&
		(f.level < 0 || c[2] == f.level) && (f.year < 0 || c[3] == f.year) && (!f.fine || c[4] == 1)
}

// passFine applies the fine range filter to a record.
func (f *filter) passFine(r record) bool {
	if !f.fine {
		return true
	}
	return r.hasFine && (f.fineMin <= 0 || r.fineMax >= f.fineMin) && (f.fineMax <= 0 || r.fineMin <= f.fineMax)
}

// Search answers q.
func (s *Searcher) Search(q Query) (Results, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if q.Page < 1 {
		q.Page = 1
	}
	ev, res, err := s.evaluate(q)
	if err != nil || ev == nil {
		return res, err
	}
	page, err := ev.rank((q.Page-1)*PageSize, q.Page*PageSize)
	if err != nil {
		return res, err
	}
	if len(page) == 0 {
		empty := true
		if q.Page > 1 && len(ev.cands) > 0 {
			first, err := ev.rank(0, PageSize)
			if err != nil {
				return res, err
			}
			empty = len(first) == 0
		}
		if empty {
			return s.fallback(q, &ev.filter, ev.parts)
		}
	}
	for _, h := range page {
		hit, err := s.hit(h.posting.doc, h.posting.combo, h.inTitle, ev.parts)
		if err != nil {
			return res, err
		}
		res.Hits = append(res.Hits, hit)
	}
	return res, nil
}

// evaluation holds the candidates of a query that has terms, all present
// in the index, and how to confirm and rank them.
type evaluation struct {
	parts    []*part
	filter   filter
	cands    []posting // in posting order
	check    func(posting) (ok, inTitle bool, err error)
	notTitle func(posting) bool
}

func (ev *evaluation) rank(lo, hi int) ([]ranked, error) {
	return rankPage(ev.cands, lo, hi, ev.check, ev.notTitle)
}

// evaluate computes everything but the hits. It returns a nil evaluation
// with complete results when the query needs no ranking (no terms, a
// missing term, impossible filters).
func (s *Searcher) evaluate(q Query) (*evaluation, Results, error) {
	res := Results{Page: q.Page, Hits: []Hit{}}
	f := s.compileFilter(q)
	parts := parseQuery(q.Text)
	if f.impossible || (len(parts) == 0 && !f.any) {
		res.Facets = s.facetsFrom(nil)
		return nil, res, nil
	}
	if len(parts) == 0 {
		res, err := s.browse(q, &f)
		return nil, res, err
	}
	var keys []string
	entries := map[string]*dictEntry{}
	missing := false
	for _, p := range parts {
		for _, k := range p.terms {
			if _, ok := entries[k]; ok {
				continue
			}
			de, err := s.lookup(k)
			if err != nil {
				return nil, res, err
			}
			entries[k] = de
			keys = append(keys, k)
			if de == nil {
				missing = true
			}
		}
	}
	if missing {
		// A code or number that occurs nowhere gets no near misses.
		for _, p := range parts {
			for _, k := range p.words {
				if entries[k] == nil {
					res.Facets = s.facetsFrom(nil)
					return nil, res, nil
				}
			}
		}
		res, err := s.fallback(q, &f, parts)
		return nil, res, err
	}
	var driver *dictEntry
	for _, k := range keys {
		de := entries[k]
		if driver == nil || de.df < driver.df || (de.df == driver.df && de.key < driver.key) {
			driver = de
		}
	}
	list, err := s.postings(driver)
	if err != nil {
		return nil, res, err
	}
	// Terms whose documents are all listed in their shard prune the
	// candidates; larger ones leave the work to confirmation.
	var others, small []*dictEntry
	big := false
	for _, k := range keys {
		de := entries[k]
		if de == driver {
			continue
		}
		others = append(others, de)
		if de.df > s.entry.Members {
			big = true
		} else {
			small = append(small, de)
		}
	}
	var cands []posting
next:
	for _, p := range list {
		if !s.pass(&f, p.doc, p.combo) {
			continue
		}
		for _, de := range small {
			if _, ok := de.docSet()[p.doc]; !ok {
				continue next
			}
		}
		cands = append(cands, p)
	}
	singles := true
	for _, p := range parts {
		singles = singles && p.single()
	}
	confirm := f.fine || !singles || big
	res.Total = len(cands)
	res.TotalExact = !confirm
	if driver.df > s.entry.Members && !f.any {
		b, err := s.blob('f', driver.facets)
		if err != nil {
			return nil, res, err
		}
		res.Facets, err = s.facetsFromVector(b)
		if err != nil {
			return nil, res, err
		}
	} else {
		res.Facets = s.facetsFrom(cands)
	}
	res.Pages = (res.Total + PageSize - 1) / PageSize

	check := func(p posting) (ok, inTitle bool, err error) {
		if !confirm {
			inTitle = p.title > 0
			for _, de := range small {
				inTitle = inTitle && de.docSet()[p.doc] > 0
			}
			return true, inTitle, nil
		}
		r, err := s.recordOf(p.doc)
		if err != nil {
			return false, false, err
		}
		if !f.passFine(r) {
			return false, false, nil
		}
		ok, inTitle = matchRecord(parts, r)
		return ok, inTitle, nil
	}
	// notTitle tells, from the dictionary alone, that a candidate cannot
	// match in its title; such candidates are confirmed only if needed.
	notTitle := func(p posting) bool {
		for _, de := range others {
			if in, known := de.titleInfo(p.doc); known && !in {
				return true
			}
		}
		return false
	}
	ev := &evaluation{parts: parts, filter: f, cands: cands, check: check, notTitle: notTitle}
	return ev, res, nil
}

// matchRecord reports whether every part matches the record's title or
// body, and whether every part matches its title.
func matchRecord(parts []*part, r record) (ok, inTitle bool) {
	tu, bu := units(Normalize(r.title)), units(Normalize(r.body))
	inTitle = true
	for _, p := range parts {
		t := p.find(tu) >= 0
		if !t && p.find(bu) < 0 {
			return false, false
		}
		inTitle = inTitle && t
	}
	return true, inTitle
}

type ranked struct {
	posting posting
	inTitle bool
}

// rankPage returns hits [lo, need) of the candidates, which are in posting
// order. Matching candidates rank by (in title, title length if
// in title, body impact desc, document); check confirms one candidate, and
// notTitle tells that a candidate cannot match in its title. Candidates
// are confirmed in order and only as far as the page needs, plus one
// look-ahead candidate when body matches are merged.
func rankPage(cands []posting, lo, need int, check func(posting) (bool, bool, error), notTitle func(posting) bool) ([]ranked, error) {
	type demotedCand struct {
		p         posting
		confirmed bool
	}
	var titled []ranked
	var demoted []demotedCand
	i := 0
	for ; i < len(cands) && cands[i].title > 0 && len(titled) < need; i++ {
		p := cands[i]
		if notTitle(p) {
			demoted = append(demoted, demotedCand{p, false})
			continue
		}
		ok, t, err := check(p)
		if err != nil {
			return nil, err
		}
		if ok && t {
			titled = append(titled, ranked{p, true})
		} else if ok {
			demoted = append(demoted, demotedCand{p, true})
		}
	}
	out := titled
	if len(out) < need {
		// Every candidate with the ranking term in its title has been
		// seen; merge the demoted ones with the body matches.
		slices.SortFunc(demoted, func(a, b demotedCand) int {
			return cmp.Or(cmp.Compare(b.p.bi, a.p.bi), cmp.Compare(a.p.doc, b.p.doc))
		})
		var next *ranked
		advance := func() error {
			next = nil
			for i < len(cands) {
				p := cands[i]
				i++
				ok, _, err := check(p)
				if err != nil {
					return err
				}
				if ok {
					next = &ranked{p, false}
					return nil
				}
			}
			return nil
		}
		if err := advance(); err != nil {
			return nil, err
		}
		k := 0
		for len(out) < need {
			if k < len(demoted) && (next == nil || before(demoted[k].p, next.posting)) {
				d := demoted[k]
				k++
				if !d.confirmed {
					ok, _, err := check(d.p)
					if err != nil {
						return nil, err
					}
					if !ok {
						continue
					}
				}
				out = append(out, ranked{d.p, false})
			} else if next != nil {
				out = append(out, *next)
				if err := advance(); err != nil {
					return nil, err
				}
			} else {
				break
			}
		}
	}
	if lo >= len(out) {
		return nil, nil
	}
	return out[lo:min(len(out), need)], nil
}

// before orders body matches: higher body impact first, then document.
func before(a, b posting) bool {
	return a.bi > b.bi || (a.bi == b.bi && a.doc < b.doc)
}

// browse lists the documents that pass the filters, in document order.
func (s *Searcher) browse(q Query, f *filter) (Results, error) {
	res := Results{Page: q.Page, Hits: []Hit{}}
	var cands []posting
	doc := 0
	for _, r := range s.runs {
		for k := 0; k < r[0]; k++ {
			if s.pass(f, doc, r[1]) {
				cands = append(cands, posting{doc: doc, combo: r[1]})
			}
			doc++
		}
	}
	res.Total, res.TotalExact = len(cands), !f.fine
	res.Pages = (res.Total + PageSize - 1) / PageSize
	res.Facets = s.facetsFrom(cands)
	need := q.Page * PageSize
	var out []posting
	for _, p := range cands {
		if len(out) >= need {
			break
		}
		if f.fine {
			r, err := s.recordOf(p.doc)
			if err != nil {
				return res, err
			}
			if !f.passFine(r) {
				continue
			}
		}
		out = append(out, p)
	}
	for i := (q.Page - 1) * PageSize; i < len(out); i++ {
		hit, err := s.hit(out[i].doc, out[i].combo, false, nil)
		if err != nil {
			return res, err
		}
		res.Hits = append(res.Hits, hit)
	}
	return res, nil
}

// fallbackTerms returns the keys of every bigram and every ideographic
// rune of the query.
func fallbackTerms(parts []*part) []string {
	var out []string
	seen := map[string]bool{}
	add := func(k string) {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	for _, p := range parts {
		for i, u := range p.units {
			if aligned(p.units, i) {
				add(string(tagMain) + u.term + p.units[i+1].term)
			}
		}
	}
	for _, p := range parts {
		for _, u := range p.units {
			if u.ideo {
				add(string(tagUnigram) + u.term)
			}
		}
	}
	return out
}

// fallback ranks the items that share the most rare bigrams and characters
// with the query, using only the first tier of each term's postings.
func (s *Searcher) fallback(q Query, f *filter, parts []*part) (Results, error) {
	res := Results{Page: q.Page, Hits: []Hit{}}
	if f.fine {
		// Fine ranges are in the records only; no near misses then.
		res.Facets = s.facetsFrom(nil)
		return res, nil
	}
	type acc struct {
		doc, combo, score, titles int
	}
	byDoc := map[int]*acc{}
	nbits := bits.Len(uint(s.entry.Docs))
	for _, k := range fallbackTerms(parts) {
		de, err := s.lookup(k)
		if err != nil {
			return res, err
		}
		if de == nil {
			continue
		}
		w := 1 + nbits - bits.Len(uint(de.df))
		if len([]rune(k[1:])) == 2 {
			w *= 2
		}
		for _, p := range de.tier0 {
			if !s.pass(f, p.doc, p.combo) {
				continue
			}
			a := byDoc[p.doc]
			if a == nil {
				a = &acc{doc: p.doc, combo: p.combo}
				byDoc[p.doc] = a
			}
			a.score += w
			if p.title > 0 {
				a.titles++
			}
		}
	}
	all := make([]*acc, 0, len(byDoc))
	var cands []posting
	for _, a := range byDoc {
		all = append(all, a)
	}
	slices.SortFunc(all, func(a, b *acc) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(b.titles, a.titles), cmp.Compare(a.doc, b.doc))
	})
	for _, a := range all {
		cands = append(cands, posting{doc: a.doc, combo: a.combo})
	}
	res.Total, res.TotalExact, res.Fallback = len(cands), true, len(cands) > 0
	res.Pages = (res.Total + PageSize - 1) / PageSize
	res.Facets = s.facetsFrom(cands)
	hl := highlightParts(fallbackTerms(parts))
	for i := (q.Page - 1) * PageSize; i < min(len(cands), q.Page*PageSize); i++ {
		hit, err := s.hit(cands[i].doc, cands[i].combo, false, hl)
		if err != nil {
			return res, err
		}
		res.Hits = append(res.Hits, hit)
	}
	return res, nil
}

// highlightParts turns fallback term keys into parts for highlighting.
func highlightParts(keys []string) []*part {
	var out []*part
	for _, k := range keys {
		out = append(out, parseQuery(k[1:])...)
	}
	return out
}

func (s *Searcher) facetsFrom(cands []posting) []Facet {
	n := 0
	for d := range s.dims {
		n += len(s.dims[d])
	}
	counts := make([]int, n)
	for _, p := range cands {
		for d, v := range s.valuesOf(p.doc, p.combo) {
			if v >= 0 {
				counts[s.base[d]+v]++
			}
		}
	}
	return s.facetList(counts)
}

func (s *Searcher) facetsFromVector(b []byte) ([]Facet, error) {
	n := 0
	for d := range s.dims {
		n += len(s.dims[d])
	}
	counts := make([]int, n)
	d := &decoder{b: b}
	i := 0
	for k := d.uvarint(); k > 0 && d.err == nil; k-- {
		i += d.uvarint()
		c := d.uvarint()
		if i < n {
			counts[i] = c
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	return s.facetList(counts), nil
}

func (s *Searcher) facetList(counts []int) []Facet {
	var out []Facet
	for d := range s.dims {
		fc := Facet{Name: dimNames[d], Values: []FacetValue{}}
		for v, label := range s.dims[d] {
			c := counts[s.base[d]+v]
			if c == 0 {
				continue
			}
			value := label
			if d == dimUnit {
				value = s.meta.Units[v][0].(string)
			}
			fc.Values = append(fc.Values, FacetValue{Value: value, Label: label, Count: c})
		}
		out = append(out, fc)
	}
	return out
}

// valuesOf returns the value index of each dimension for a document.
func (s *Searcher) valuesOf(doc, combo int) [numDims]int {
	u, _ := slices.BinarySearchFunc(s.meta.Units, doc, func(u [4]any, doc int) int {
		return cmp.Compare(int(u[3].(float64)), doc+1)
	})
	c := s.meta.Combos[combo]
	return [numDims]int{u, c[0], c[1], c[2], c[3]}
}

func (s *Searcher) hit(doc, combo int, inTitle bool, parts []*part) (Hit, error) {
	r, err := s.recordOf(doc)
	if err != nil {
		return Hit{}, err
	}
	v := s.valuesOf(doc, combo)
	label := func(d int) string {
		if v[d] < 0 || v[d] >= len(s.dims[d]) {
			return ""
		}
		return s.dims[d][v[d]]
	}
	h := Hit{ID: r.id, URL: r.url, Title: r.title, Type: label(dimType), Category: label(dimCategory),
		Level: label(dimLevel), InTitle: inTitle, HasFine: r.hasFine, FineMin: r.fineMin, FineMax: r.fineMax}
	if v[dimUnit] < len(s.meta.Units) {
		h.Unit, h.UnitName = s.meta.Units[v[dimUnit]][0].(string), label(dimUnit)
	}
	if v[dimYear] >= 0 {
		h.Year = s.meta.Years[v[dimYear]]
	}
	h.TitleHL = highlight(r.title, parts, -1)
	h.Snippet = highlight(r.body, parts, snippetRunes)
	return h, nil
}
