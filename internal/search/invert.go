package search

import (
	"encoding/binary"
	"errors"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/segment"
	"golang.org/x/text/unicode/norm"
)

// The inverted index is built directly from the units of every title and
// body (see doc.go and units), without a bleve index. The terms of a field
// are those bleve's analyses yielded:
//
//   - m, cjk_bigram after the unicode tokenizer, cjk_width and to_lower:
//     every non-ideographic token as it is; for each pair of adjacent
//     ideographic units (the ring's alignment test: no byte between them)
//     their bigram; each ideographic unit adjacent to neither neighbour
//     alone (cjk_bigram's flush and trailing unigram; not exported). It
//     splits ideographic tokens with bytes.Runes and utf8.RuneLen, which
//     agrees with units' utf8.DecodeRune because cjk_width rebuilds every
//     term from its runes, so terms are valid UTF-8 (to_lower, which can
//     break that, leaves ideographic tokens alone: none of their runes
//     has a case mapping).
//   - u: every ideographic unit.
//   - t: every three adjacent ideographic units.
//
// The term frequency is the number of occurrences in the field, and the
// lengths are those fieldLengths gives. TestOracle checks all of it against
// the bleve index Build used to make.
//
// Documents are analysed in parallel, in chunks, each worker interning term
// keys in its own dictionary, recording each document's (term, frequency,
// in title) triples and encoding the documents' result records, after
// which the documents' texts are no longer needed. Each worker then sorts
// its dictionary, and the sorted dictionaries are merged into the exported
// term order. The terms are split into parts of about equal numbers of
// postings, and the records are rewritten, in batches of chunks, as each
// part's (term, posting) pairs. Export lays out and encodes one part at a
// time (per goroutine), releasing the part's records.
//
// Memory: the records take 2 or 3 bytes per posting, and the result
// chunks about the size of the texts; a part's postings, while Export
// encodes it, take 4 bytes each.

// invertChunkDocs is about the number of documents a worker analyses at a
// time, and invertBatchChunks the number of chunks whose records are
// rewritten at a time.
const (
	invertChunkDocs   = 64
	invertBatchChunks = 16
)

// inverted is the inverted index: every exported term key, its number of
// postings, and the records its postings are made of.
type inverted struct {
	keys []string // m terms, then u terms, then t terms, each in byte order
	kind []uint8  // field kind of each key: 0 main, 1 unigram, 2 trigram
	off  []int    // keys[i] has off[i+1]-off[i] postings
	// bounds of the parts: part p is terms [bounds[p], bounds[p+1]).
	bounds []int
	// recs[p][b] holds the records of the terms of part p in the
	// documents of batch b, [b*batchDocs, (b+1)*batchDocs): for each
	// document, varint n and n records (appendRec) of t−bounds[p].
	recs      [][][]byte
	batchDocs int

	mu   sync.Mutex
	free []*layout // walkPart's scratch spaces not in use
}

// A posting is stored as doc<<postDocShift | postTitle if the term is in
// the title | body impact (0 if not in the body).
const (
	postDocShift = 7
	postTitle    = 1 << 6
	postImpact   = postTitle - 1

	// maxDocs is the most documents an index holds: a posting keeps the
	// document number in 32 − postDocShift bits.
	maxDocs = 1 << (32 - postDocShift)

	// maxWorkers bounds the goroutines of Build and Export. Each analysis
	// worker keeps a dictionary of the terms it has seen, so more would
	// cost memory for little time.
	maxWorkers = 8
)

// rec is one (term, document) pair as a worker records it: the worker's
// term id, and the body frequency with recTitle set if the term is in the
// title.
type rec struct {
	id int32
	v  uint32
}

const recTitle = 1 << 31

// invChunk is the analysis of consecutive documents.
type invChunk struct {
	worker int // the worker whose dictionary the ids refer to
	// recs holds, for each document, varint n and n records (appendRec)
	// of the worker's term ids.
	recs []byte
}

// appendRec appends the record of a term with id id, tf occurrences in the
// body and in the title or not: varint id<<1 | 1 if the term occurs once
// in the body and not in the title (most do), else varint id<<1 and varint
// tf<<1 | 1 if in the title.
func appendRec(b []byte, id, tf int, title bool) []byte {
	if tf == 1 && !title {
		return binary.AppendUvarint(b, uint64(id)<<1|1)
	}
	v := uint64(tf) << 1
	if title {
		v |= 1
	}
	return binary.AppendUvarint(binary.AppendUvarint(b, uint64(id)<<1), v)
}

// nextRec decodes the record of b at *off (appendRec).
func nextRec(b []byte, off *int) (id, tf int, title bool) {
	x, n := uvarint(b[*off:])
	*off += n
	if x&1 != 0 {
		return int(x >> 1), 1, false
	}
	v, m := uvarint(b[*off:])
	*off += m
	return int(x >> 1), int(v >> 1), v&1 != 0
}

// uvarint decodes a varint that the package itself wrote.
func uvarint(b []byte) (uint64, int) {
	var x uint64
	for i, c := range b {
		if c < 0x80 {
			return x | uint64(c)<<(7*i), i + 1
		}
		x |= uint64(c&0x7f) << (7 * i)
	}
	return x, len(b)
}

// invWorker analyses chunks of documents. Its term ids index keys; an
// ideographic unit also has an id of its own (ideo), and the terms made of
// ideographic units are found by those ids, without building their keys.
type invWorker struct {
	ix    *Index
	ids   map[string]int32 // term key → term id: m terms, and t terms with invalid bytes (see newTerm)
	keys  []string         // term id → term key
	slot  []int32          // term id → 1 + index of its record in cur, or 0
	df    []int32          // term id → number of documents with the term
	order []int32          // term ids in key order (compareKeys), once finished
	cur   []rec            // the records of the current document

	bmp   []int32          // rune → 1 + ideo id, for valid runes below 0x10000
	other map[rune]int32   // ideo ids of other runes, and of invalid bytes b as -1-b
	ideo  []ideoUnit       // ideo id → unit
	big   map[uint64]int32 // ideo ids a, b → term id of m+a+b
	tri   map[uint64]int32 // ideo ids a, b, c → term id of t+a+b+c

	text []byte             // scratch copy of the text being analysed
	norm norm.Iter          // normalises text
	buf  []byte             // scratch term of the current token
	tok  analysis.Token     // the current token, for bleve's filters
	one  [1]*analysis.Token // a stream of tok alone
	key  []byte             // scratch term key
	recs []byte             // scratch records of a chunk
}

// ideoUnit is an ideographic unit a worker has seen.
type ideoUnit struct {
	term      string
	valid     bool  // term is a rune (not an invalid byte)
	uni, lone int32 // term ids of u+term and m+term, or -1
}

// tagKind maps a term key's tag byte to its field kind.
func tagKind(tag byte) uint8 {
	switch tag {
	case tagUnigram:
		return 1
	case tagTrigram:
		return 2
	}
	return 0
}

// invert analyses every document and builds ix.inv, ix.chunks,
// ix.titleL, ix.bodyLen and ix.avgLen; it drops ix.docs.
func (ix *Index) invert() error {
	n, cd := len(ix.docs), ix.opt.ChunkDocs
	per := cd * max(1, invertChunkDocs/cd) // documents per chunk: whole result chunks
	nChunks := (n + per - 1) / per
	chunks := make([]invChunk, nChunks)
	if n > 0 {
		ix.chunks = make([][]byte, (n+cd-1)/cd)
	}
	workers := make([]*invWorker, max(1, min(runtime.GOMAXPROCS(0), maxWorkers, nChunks)))
	errs := make([]error, len(workers))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		iw := &invWorker{ix: ix, ids: map[string]int32{}, other: map[rune]int32{}, big: map[uint64]int32{}, tri: map[uint64]int32{}}
		iw.one[0] = &iw.tok
		workers[w] = iw
		wg.Go(func() {
			for {
				c := int(next.Add(1) - 1)
				if c >= nChunks {
					break
				}
				lo, hi := c*per, min(n, (c+1)*per)
				chunks[c].worker = w
				iw.analyse(&chunks[c], lo, hi)
				if err := ix.encodeChunks(ix.chunks[lo/cd:(hi+cd-1)/cd], lo/cd); err != nil && errs[w] == nil {
					errs[w] = err
				}
				clear(ix.docs[lo:hi]) // let the texts go
			}
			iw.finish()
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	ix.docs = nil
	ix.setAvgLen()

	// Merge the workers' sorted dictionaries, dropping lone ideographs
	// (cjk_bigram emits them into m; queries use u terms).
	inv := &ix.inv
	toFinal := make([][]int32, len(workers))
	heads := make([]int, len(workers))
	var df []int
	for w, iw := range workers {
		toFinal[w] = make([]int32, len(iw.keys))
	}
	for {
		best, key := -1, ""
		for w, iw := range workers {
			if heads[w] < len(iw.order) {
				if k := iw.keys[iw.order[heads[w]]]; best < 0 || compareKeys(k, key) < 0 {
					best, key = w, k
				}
			}
		}
		if best < 0 {
			break
		}
		f := int32(-1)
		if key[0] != tagMain || !isLoneIdeograph(key[1:]) {
			f = int32(len(inv.keys))
			inv.keys = append(inv.keys, key)
			inv.kind = append(inv.kind, tagKind(key[0]))
			df = append(df, 0)
		}
		for w, iw := range workers {
			if heads[w] < len(iw.order) {
				if id := iw.order[heads[w]]; iw.keys[id] == key {
					toFinal[w][id] = f
					if f >= 0 {
						df[f] += int(iw.df[id])
					}
					heads[w]++
				}
			}
		}
	}
	for _, iw := range workers {
		iw.keys, iw.order, iw.df = nil, nil, nil
	}
	inv.off = make([]int, len(inv.keys)+1)
	for f, n := range df {
		inv.off[f+1] = inv.off[f] + n
	}
	inv.bounds = splitTerms(len(inv.keys), func(t int) int { return inv.off[t] + 8*t })
	nParts := len(inv.bounds) - 1
	partOf := make([]uint16, len(inv.keys))
	for p := range nParts {
		for t := inv.bounds[p]; t < inv.bounds[p+1]; t++ {
			partOf[t] = uint16(p)
		}
	}

	// Rewrite the records by part, a batch of chunks at a time, releasing
	// the chunks' records.
	nBatches := (nChunks + invertBatchChunks - 1) / invertBatchChunks
	inv.batchDocs = per * invertBatchChunks
	inv.recs = make([][][]byte, nParts)
	for p := range inv.recs {
		inv.recs[p] = make([][]byte, nBatches)
	}
	next.Store(0)
	for range min(len(workers), nBatches) {
		wg.Go(func() {
			out := make([][]byte, nParts) // the batch's records of each part
			doc := make([][]byte, nParts) // the document's
			cnt := make([]int, nParts)
			for {
				b := int(next.Add(1) - 1)
				if b >= nBatches {
					break
				}
				for p := range out {
					out[p] = out[p][:0]
				}
				for ci := b * invertBatchChunks; ci < min(nChunks, (b+1)*invertBatchChunks); ci++ {
					c := &chunks[ci]
					m := toFinal[c.worker]
					for off := 0; off < len(c.recs); {
						x, k := uvarint(c.recs[off:])
						off += k
						for p := range doc {
							doc[p], cnt[p] = doc[p][:0], 0
						}
						for range x {
							id, tf, title := nextRec(c.recs, &off)
							f := m[id]
							if f < 0 {
								continue // a lone ideograph
							}
							p := partOf[f]
							doc[p] = appendRec(doc[p], int(f)-inv.bounds[p], tf, title)
							cnt[p]++
						}
						for p := range out {
							out[p] = append(binary.AppendUvarint(out[p], uint64(cnt[p])), doc[p]...)
						}
					}
					c.recs = nil
				}
				for p := range out {
					inv.recs[p][b] = slices.Clone(out[p])
				}
			}
		})
	}
	wg.Wait()
	return nil
}

// compareKeys orders term keys as the index lists them: m, u, t, then by
// bytes.
func compareKeys(a, b string) int {
	if a[0] != b[0] {
		return int(tagKind(a[0])) - int(tagKind(b[0]))
	}
	return strings.Compare(a, b)
}

// finish sorts the worker's dictionary and drops what only analysis
// needs.
func (w *invWorker) finish() {
	w.order = make([]int32, len(w.keys))
	for id := range w.order {
		w.order[id] = int32(id)
	}
	slices.SortFunc(w.order, func(a, b int32) int { return compareKeys(w.keys[a], w.keys[b]) })
	w.ids, w.slot, w.cur, w.recs, w.bmp, w.other, w.ideo, w.big, w.tri = nil, nil, nil, nil, nil, nil, nil, nil, nil
}

// analyse records the terms of documents [lo, hi) in c and sets their
// lengths.
func (w *invWorker) analyse(c *invChunk, lo, hi int) {
	ix := w.ix
	recs := w.recs[:0]
	for i := lo; i < hi; i++ {
		d := &ix.docs[i]
		w.cur = w.cur[:0]
		n, _, _, _ := w.field(d.Title, true)
		ix.titleL[i] = max(1, n)
		_, ix.bodyLen[0][i], ix.bodyLen[1][i], ix.bodyLen[2][i] = w.field(d.Body, false)
		recs = binary.AppendUvarint(recs, uint64(len(w.cur)))
		for _, r := range w.cur {
			w.slot[r.id] = 0
			recs = appendRec(recs, int(r.id), int(r.v&^recTitle), r.v&recTitle != 0)
		}
	}
	c.recs = slices.Clone(recs)
	w.recs = recs
}

// field records the terms of text, one field of the current document. It
// returns the number of units and the field's lengths (see fieldLengths).
// It walks the units as units(Normalize(text)) lists them, and the
// adjacency of ideographic units is that of aligned.
//
// It runs bleve's chain one token at a time, as the unicode tokenizer
// segments the text, into the worker's buffers: the tokenizer and the
// width filter would allocate a token stream and every term anew.
func (w *invWorker) field(text string, title bool) (units, main, uni, tri int) {
	w.text = appendNormalized(w.text[:0], &w.norm, text)
	seg := segment.NewWordSegmenterDirect(w.text)
	// The previous two ideographic units (ids), the length of the run of
	// adjacent ideographic units they end (0 after any other unit) and the
	// end offset of the last.
	var a, b int32
	run, end := 0, 0
	endRun := func() {
		if run == 1 { // a lone ideograph, which cjk_bigram emits as it is
			u := &w.ideo[b]
			if u.lone < 0 {
				u.lone = w.term(tagMain, u.term)
			}
			w.hit(u.lone, title)
			main++
		}
		run = 0
	}
	for pos := 0; seg.Segment(); {
		// As the unicode tokenizer: every segment but spaces and
		// punctuation is a token, starting at pos.
		sb, typ, start := seg.Bytes(), seg.Type(), pos
		pos += len(sb)
		if typ == segment.None {
			continue
		}
		term := w.fold(sb)
		if typ != segment.Ideo && typ != segment.Kana { // not analysis.Ideographic
			endRun()
			units++
			main++
			w.key = append(append(w.key[:0], tagMain), term...)
			w.hit(w.termKey(), title)
			continue
		}
		for off := 0; off < len(term); {
			r, n := utf8.DecodeRune(term[off:])
			id := w.ideoID(r, term[off:off+n])
			s := start + off
			off += n
			units++
			uni++
			if run > 0 && s != end {
				endRun()
			}
			u := &w.ideo[id]
			if u.uni < 0 {
				u.uni = w.newTerm(tagUnigram, u.term) // unique: one id per unit
			}
			w.hit(u.uni, title)
			if run > 0 {
				k := uint64(b)<<32 | uint64(id)
				bt, ok := w.big[k]
				if !ok {
					bt = w.term(tagMain, w.ideo[b].term, w.ideo[id].term)
					w.big[k] = bt
				}
				w.hit(bt, title)
				main++
			}
			if run > 1 {
				k := uint64(a)<<42 | uint64(b)<<21 | uint64(id)
				tt, ok := w.tri[k]
				if !ok {
					ua, ub, uc := &w.ideo[a], &w.ideo[b], &w.ideo[id]
					if ua.valid && ub.valid && uc.valid {
						// Three runes: no other units make these bytes.
						tt = w.newTerm(tagTrigram, ua.term, ub.term, uc.term)
					} else {
						tt = w.term(tagTrigram, ua.term, ub.term, uc.term)
					}
					w.tri[k] = tt
				}
				w.hit(tt, title)
				tri++
			}
			a, b = b, id
			run++
			end = s + n
		}
	}
	endRun()
	return units, main, uni, tri
}

// fold returns the term of a token whose bytes are b after cjk_width and
// to_lower, in the worker's buffer. Width folding changes only invalid
// bytes and fullwidth or halfwidth forms (which NFKC leaves few of); other
// tokens keep their bytes without the filter's copies.
func (w *invWorker) fold(b []byte) []byte {
	if !widthInvariant(b) {
		w.tok.Term = b
		widthFilter.Filter(w.one[:])
		b = w.tok.Term
	}
	w.buf = append(w.buf[:0], b...)
	w.tok.Term = w.buf
	lowerFilter.Filter(w.one[:]) // in place, unless a lower case rune is longer
	return w.tok.Term
}

// widthInvariant reports whether cjk_width leaves b as it is: b is valid
// UTF-8 without runes in U+FF00–U+FFBF (bytes EF BC–BE).
func widthInvariant(b []byte) bool {
	ascii := true
	for i, c := range b {
		if c >= utf8.RuneSelf {
			ascii = false
			if c == 0xEF && i+1 < len(b) && b[i+1] >= 0xBC && b[i+1] <= 0xBE {
				return false
			}
		}
	}
	return ascii || utf8.Valid(b)
}

// ideoID returns the ideo id of the unit with the given bytes, which
// decode to r.
func (w *invWorker) ideoID(r rune, bytes []byte) int32 {
	if r < 0x10000 && (r != utf8.RuneError || len(bytes) == 3) {
		if w.bmp == nil {
			w.bmp = make([]int32, 0x10000)
		}
		if id := w.bmp[r]; id > 0 {
			return id - 1
		}
		id := w.newIdeo(bytes, true)
		w.bmp[r] = id + 1
		return id
	}
	k, valid := r, true
	if r == utf8.RuneError && len(bytes) == 1 {
		k, valid = -1-rune(bytes[0]), false
	}
	id, ok := w.other[k]
	if !ok {
		id = w.newIdeo(bytes, valid)
		w.other[k] = id
	}
	return id
}

func (w *invWorker) newIdeo(bytes []byte, valid bool) int32 {
	w.ideo = append(w.ideo, ideoUnit{term: string(bytes), valid: valid, uni: -1, lone: -1})
	return int32(len(w.ideo) - 1)
}

// term returns the id of the term tag+parts.
func (w *invWorker) term(tag byte, parts ...string) int32 {
	w.key = append(w.key[:0], tag)
	for _, p := range parts {
		w.key = append(w.key, p...)
	}
	return w.termKey()
}

// termKey returns the id of the term whose key is in w.key.
func (w *invWorker) termKey() int32 {
	id, ok := w.ids[string(w.key)]
	if !ok {
		id = w.addKey()
		w.ids[w.keys[id]] = id
	}
	return id
}

// newTerm returns a new id for the term tag+parts, which the caller knows
// no other id has: the term is left out of ids.
func (w *invWorker) newTerm(tag byte, parts ...string) int32 {
	w.key = append(w.key[:0], tag)
	for _, p := range parts {
		w.key = append(w.key, p...)
	}
	return w.addKey()
}

// addKey adds the term whose key is in w.key and returns its id.
func (w *invWorker) addKey() int32 {
	id := int32(len(w.keys))
	w.keys = append(w.keys, string(w.key))
	w.slot = append(w.slot, 0)
	w.df = append(w.df, 0)
	return id
}

// hit records one occurrence of term id in the current document.
func (w *invWorker) hit(id int32, title bool) {
	s := w.slot[id]
	if s == 0 {
		w.cur = append(w.cur, rec{id: id})
		w.df[id]++
		s = int32(len(w.cur))
		w.slot[id] = s
	}
	r := &w.cur[s-1]
	if title {
		r.v |= recTitle
	} else {
		r.v++
	}
}

// layout is walkPart's scratch space, reused from part to part.
type layout struct {
	post []uint32
	at   []int
	ps   []posting
}

// scratch returns a layout that no other walkPart uses.
func (inv *inverted) scratch() *layout {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	if n := len(inv.free); n > 0 {
		sc := inv.free[n-1]
		inv.free = inv.free[:n-1]
		return sc
	}
	return &layout{}
}

func (inv *inverted) release(sc *layout) {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	inv.free = append(inv.free, sc)
}

func (ix *Index) numTerms() int { return len(ix.inv.keys) }

func (ix *Index) parts() []int { return ix.inv.bounds }

// walkPart lays out the postings of part p from its records, which it
// releases, and calls f for each of its terms, in the order m, u, t and
// byte order within each, with their postings in posting order: title
// matches first (shorter titles first), then by body impact descending,
// then by document number. The records give each term's postings in
// document order, so those outside the title only need a stable counting
// sort by impact.
func (ix *Index) walkPart(p int, f termPostingsFunc) error {
	inv := &ix.inv
	lo, hi := inv.bounds[p], inv.bounds[p+1]
	base := inv.off[lo]
	sc := inv.scratch()
	defer inv.release(sc)
	if sc.post == nil {
		// Room for the largest part, so that the buffers are allocated once.
		var most [3]int // postings, terms, postings of a term
		for q := range len(inv.bounds) - 1 {
			lo, hi := inv.bounds[q], inv.bounds[q+1]
			most[0], most[1] = max(most[0], inv.off[hi]-inv.off[lo]), max(most[1], hi-lo)
			for t := lo; t < hi; t++ {
				most[2] = max(most[2], inv.off[t+1]-inv.off[t])
			}
		}
		sc.post, sc.at, sc.ps = make([]uint32, most[0]), make([]int, most[1]), make([]posting, most[2])
	}
	post, at, ps := sc.post[:inv.off[hi]-base], sc.at[:hi-lo], sc.ps
	for t := range at {
		at[t] = inv.off[lo+t] - base
	}
	for b, recs := range inv.recs[p] {
		for d, off := b*inv.batchDocs, 0; off < len(recs); d++ {
			x, k := uvarint(recs[off:])
			off += k
			for range x {
				t, tf, title := nextRec(recs, &off)
				q := uint32(d) << postDocShift
				if title {
					q |= postTitle
				}
				if tf > 0 {
					k := inv.kind[lo+t]
					q |= uint32(bodyImpact(tf, ix.bodyLen[k][d], ix.avgLen[k]))
				}
				post[at[t]] = q
				at[t]++
			}
		}
		inv.recs[p][b] = nil
	}
	inv.recs[p] = nil

	for t := lo; t < hi; t++ {
		key := inv.keys[t]
		src := post[inv.off[t]-base : inv.off[t+1]-base]
		var at [postImpact + 1]int // postings of each impact outside the title, then their next place
		nt := 0
		for _, p := range src {
			if p&postTitle != 0 {
				nt++
			} else {
				at[p&postImpact]++
			}
		}
		for bi, n := len(at)-1, nt; bi >= 0; bi-- {
			at[bi], n = n, n+at[bi]
		}
		ps := ps[:len(src)]
		k := 0
		for _, p := range src {
			doc, bi := int(p>>postDocShift), int(p&postImpact)
			q := posting{doc: doc, bi: bi, combo: ix.combo[doc]}
			if p&postTitle != 0 {
				q.title = ix.titleL[doc]
				ps[k] = q
				k++
			} else {
				ps[at[bi]] = q
				at[bi]++
			}
		}
		if nt > 1 {
			slices.SortFunc(ps[:nt], comparePostings)
		}
		if err := f(key, ps); err != nil {
			return err
		}
	}
	return nil
}
