package search

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/maphash"
	"math/bits"
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

// impactTF is the largest term frequency whose body impact in each
// document is computed ahead (inverted.impact).
const impactTF = 8

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
	// impact[k][d*impactTF+tf-1] is the body impact of a term of field
	// kind k that occurs tf <= impactTF times in the body of document d.
	impact [3][]uint8

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
	// document number in 32 − postDocShift bits (and titleKey in 25).
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

// invWorker analyses chunks of documents. Its term ids index its keys;
// an ideographic unit also has an id of its own (ideo), and the terms made
// of ideographic units are found by those ids, without building their
// keys. The keys lie one after the other in kbuf (keyBytes), until finish
// makes them strings of one allocation.
type invWorker struct {
	ix    *Index
	ids   keyTable    // term key → term id: m terms, and t terms with invalid bytes (see newTerm)
	kbuf  []byte      // the keys' bytes
	koff  []int       // term id → start of its key in kbuf, then len(kbuf)
	keys  []string    // term id → term key, once finished
	terms []termCount // term id → its counts
	order []int32     // term ids in key order (compareKeys), once finished
	cur   []rec       // the records of the current document

	bmp   []int32        // rune → 1 + ideo id, for valid runes below 0x10000
	other map[rune]int32 // ideo ids of other runes, and of invalid bytes b as -1-b
	ideo  []ideoUnit     // ideo id → unit
	big   idTable        // ideo ids a, b → term id of m+a+b
	tri   idTable        // ideo ids a, b, c → term id of t+a+b+c

	text []byte             // scratch copy of the text being analysed
	norm norm.Iter          // normalises text
	buf  []byte             // scratch term of the current token
	tok  analysis.Token     // the current token, for bleve's filters
	one  [1]*analysis.Token // a stream of tok alone
	key  []byte             // scratch term key
	recs []byte             // scratch records of a chunk
	rec  []byte             // scratch result chunks

	noHan bool // field does not take the Han fast path (tests)

	// Lines of bodies: content repeats itself (the same responsibility,
	// risk and measure texts in thousands of items), and a line's terms
	// do not depend on the lines around it (see body).
	seen     map[string]struct{}   // lines analysed once
	lines    map[string]*lineTerms // lines analysed more than once
	capture  bool                  // hit appends to captured, for a line's terms
	captured []int32
	firstHit map[int32]int32 // scratch: term id → its index in a lineTerms
}

// lineTerms is what analysing one line of a body records: its terms, each
// with its number of hits, in the order of their first hit, and its
// lengths; stopped if segmentation stopped in it.
type lineTerms struct {
	terms                 []termHits
	units, main, uni, tri int
	stopped               bool
}

type termHits struct{ id, n int32 }

// termCount is what a worker counts of a term.
type termCount struct {
	slot int32 // 1 + index of the term's record in cur, or 0
	df   int32 // number of documents with the term
}

// ideoUnit is an ideographic unit a worker has seen.
type ideoUnit struct {
	b         [utf8.UTFMax]byte // the unit's bytes (term)
	n         uint8
	valid     bool  // the unit is a rune (not an invalid byte)
	uni, lone int32 // term ids of u+term and m+term, or -1
}

func (u *ideoUnit) term() []byte { return u.b[:u.n] }

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
		iw := newInvWorker(ix)
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
				var err error
				if iw.rec, err = ix.encodeChunks(ix.chunks[lo/cd:(hi+cd-1)/cd], lo/cd, iw.rec); err != nil && errs[w] == nil {
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
	for k := range ix.inv.impact {
		ix.inv.impact[k] = make([]uint8, n*impactTF)
		for d, dl := range ix.bodyLen[k] {
			for tf := 1; tf <= impactTF; tf++ {
				ix.inv.impact[k][d*impactTF+tf-1] = uint8(bodyImpact(tf, dl, ix.avgLen[k]))
			}
		}
	}

	// Merge the workers' sorted dictionaries, dropping lone ideographs
	// (cjk_bigram emits them into m; queries use u terms).
	inv := &ix.inv
	// Where each worker's terms go: the final term, then (toPart below)
	// part<<32 | index in the part; -1 for none.
	toPart := make([][]int64, len(workers))
	heads := make([]int, len(workers))
	var df []int
	for w, iw := range workers {
		toPart[w] = make([]int64, len(iw.keys))
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
					toPart[w][id] = int64(f)
					if f >= 0 {
						df[f] += int(iw.terms[id].df)
					}
					heads[w]++
				}
			}
		}
	}
	for _, iw := range workers {
		iw.keys, iw.order, iw.terms = nil, nil, nil
	}
	inv.off = make([]int, len(inv.keys)+1)
	for f, n := range df {
		inv.off[f+1] = inv.off[f] + n
	}
	inv.bounds = splitTerms(len(inv.keys), func(t int) int { return inv.off[t] + 8*t })
	nParts := len(inv.bounds) - 1
	partOf := make([]int, len(inv.keys))
	for p := range nParts {
		for t := inv.bounds[p]; t < inv.bounds[p+1]; t++ {
			partOf[t] = p
		}
	}
	for _, m := range toPart {
		for id, f := range m {
			if f >= 0 {
				p := partOf[f]
				m[id] = int64(p)<<32 | (f - int64(inv.bounds[p]))
			}
		}
	}
	partOf = nil
	// The share of each part in the postings, in 1/1024, to size the
	// rewritten records.
	share := make([]int, nParts)
	for p := range share {
		share[p] = 1 + 1024*(inv.off[inv.bounds[p+1]]-inv.off[inv.bounds[p]])/max(1, inv.off[len(inv.keys)])
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
				total := 0
				for ci := b * invertBatchChunks; ci < min(nChunks, (b+1)*invertBatchChunks); ci++ {
					total += len(chunks[ci].recs)
				}
				for p := range out {
					if n := total * share[p] / 1024 * 9 / 8; cap(out[p]) < n {
						out[p] = make([]byte, 0, n)
					}
					out[p] = out[p][:0]
				}
				for ci := b * invertBatchChunks; ci < min(nChunks, (b+1)*invertBatchChunks); ci++ {
					c := &chunks[ci]
					m := toPart[c.worker]
					for off := 0; off < len(c.recs); {
						x, k := uvarint(c.recs[off:])
						off += k
						for p := range doc {
							doc[p], cnt[p] = doc[p][:0], 0
						}
						for range x {
							id, tf, title := nextRec(c.recs, &off)
							to := m[id]
							if to < 0 {
								continue // a lone ideograph
							}
							p := int(to >> 32)
							doc[p] = appendRec(doc[p], int(uint32(to)), tf, title)
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

func newInvWorker(ix *Index) *invWorker {
	w := &invWorker{ix: ix, ids: keyTable{seed: maphash.MakeSeed()}, koff: []int{0}, other: map[rune]int32{},
		seen: map[string]struct{}{}, lines: map[string]*lineTerms{}, firstHit: map[int32]int32{}}
	w.one[0] = &w.tok
	return w
}

// finish sorts the worker's dictionary and drops what only analysis
// needs.
func (w *invWorker) finish() {
	all := string(w.kbuf)
	w.keys = make([]string, len(w.koff)-1)
	for id := range w.keys {
		w.keys[id] = all[w.koff[id]:w.koff[id+1]]
	}
	w.kbuf, w.koff = nil, nil
	w.order = make([]int32, len(w.keys))
	for id := range w.order {
		w.order[id] = int32(id)
	}
	slices.SortFunc(w.order, func(a, b int32) int { return compareKeys(w.keys[a], w.keys[b]) })
	w.ids, w.cur, w.recs, w.rec, w.bmp, w.other, w.ideo, w.big, w.tri = keyTable{}, nil, nil, nil, nil, nil, nil, idTable{}, idTable{}
	w.seen, w.lines, w.captured, w.firstHit = nil, nil, nil, nil
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
		_, ix.bodyLen[0][i], ix.bodyLen[1][i], ix.bodyLen[2][i] = w.body(d.Body)
		recs = binary.AppendUvarint(recs, uint64(len(w.cur)))
		for _, r := range w.cur {
			w.terms[r.id].slot = 0
			recs = appendRec(recs, int(r.id), int(r.v&^recTitle), r.v&recTitle != 0)
		}
	}
	c.recs = slices.Clone(recs)
	w.recs = recs
}

// fieldState is the state of field between units.
type fieldState struct {
	title bool
	// The previous two ideographic units (ids), the length of the run of
	// adjacent ideographic units they end (0 after any other unit) and the
	// end offset of the last.
	a, b     int32
	run, end int
	// What field returns.
	units, main, uni, tri int
}

// field records the terms of text, one field of the current document. It
// returns the number of units and the field's lengths (see fieldLengths).
// It walks the units as units(Normalize(text)) lists them, and the
// adjacency of ideographic units is that of aligned.
//
// It runs bleve's chain one token at a time, as the unicode tokenizer
// segments the text, into the worker's buffers: the tokenizer and the
// width filter would allocate a token stream and every term anew. In
// valid UTF-8, the common CJK ideographs skip even that (see fieldHan).
func (w *invWorker) field(text string, title bool) (units, main, uni, tri int) {
	st := fieldState{title: title}
	if w.noHan || !utf8.ValidString(text) {
		w.segment(&st, w.normalize(text), 0)
	} else {
		w.fieldHan(&st, text)
	}
	w.endRun(&st)
	return st.units, st.main, st.uni, st.tri
}

// body is field(text, false) line by line: a line seen before has its
// terms and lengths replayed instead of analysed again. That is the same
// as analysing the whole text: a line feed breaks every token (UAX #29
// breaks before and after it, and NFKC joins nothing across it), and the
// offsets after it are never adjacent to a unit before it, so a run of
// ideographs ends at the end of each line, where field would end it at
// the first unit of the next, before that unit's terms. The terms are hit
// in the same order, so a document's records are the same, and lengths
// add up. A line in which segmentation stopped ends the field, as it
// would the whole text. TestBodySameAsField compares the two.
func (w *invWorker) body(text string) (units, main, uni, tri int) {
	if w.noHan || w.lines == nil || !utf8.ValidString(text) {
		return w.field(text, false)
	}
	for line := range strings.SplitSeq(text, "\n") {
		if line == "" {
			continue
		}
		lt := w.lines[line]
		if lt == nil {
			if _, again := w.seen[line]; !again {
				// Once only, maybe: its terms go into the document as
				// they are hit, and lt has none to replay.
				w.seen[line] = struct{}{}
				once := w.line(line)
				lt = &once
			} else {
				lt = w.analyseLine(line)
				w.lines[line] = lt
			}
		}
		for _, t := range lt.terms {
			w.hitN(t.id, t.n)
		}
		units, main, uni, tri = units+lt.units, main+lt.main, uni+lt.uni, tri+lt.tri
		if lt.stopped {
			break
		}
	}
	return units, main, uni, tri
}

// line analyses line on its own (its terms hit as any field's) and
// returns its lengths.
func (w *invWorker) line(line string) lineTerms {
	st := fieldState{}
	stopped := !w.fieldHan(&st, line)
	w.endRun(&st)
	return lineTerms{units: st.units, main: st.main, uni: st.uni, tri: st.tri, stopped: stopped}
}

// analyseLine analyses line on its own and returns what it records.
func (w *invWorker) analyseLine(line string) *lineTerms {
	w.capture, w.captured = true, w.captured[:0]
	lt := w.line(line)
	w.capture = false
	clear(w.firstHit)
	for _, id := range w.captured {
		if i, ok := w.firstHit[id]; ok {
			lt.terms[i].n++
			continue
		}
		w.firstHit[id] = int32(len(lt.terms))
		lt.terms = append(lt.terms, termHits{id: id, n: 1})
	}
	lt.terms = slices.Clip(lt.terms)
	return &lt
}

// fieldHan is field for valid UTF-8 text. It cuts the text into pieces
// that normalise and segment on their own into the units, at the same
// offsets, of the whole text, and analyses only the pieces that need it;
// TestFieldHan compares it with segment on many texts.
//
// A Han rune (isHan) is inert under NFKC, and the word segmenter breaks
// before it: no rule of segment's scanner takes it but at the start of a
// token, as HanEx, Han (Extend | Format)*. So the text is cut before every
// Han rune. A Han rune at a cut (cutAt: the end, an ASCII byte, a Han
// rune or a punctuation mark of punctLen) is a token of its own, since
// what follows does not start with Extend or Format: it is recorded as it
// is, without normalising, segmenting or folding it. A punctuation mark of
// punctLen at a cut has no tokens (segment makes only None tokens of its
// normal form, which cannot join what follows them but Extend or Format),
// and is skipped. A piece of ASCII is its own normal form, and has only
// None tokens without a letter, a digit or _ (asciiWord). It returns
// false if segmentation stopped before the end of text.
func (w *invWorker) fieldHan(st *fieldState, text string) bool {
	npos := 0 // offset in the normalised text
	for i := 0; i < len(text); {
		if text[i] >= utf8.RuneSelf {
			if r, ok := hanAt(text, i); ok {
				if cutAt(text, i+3) {
					w.ideoUnit(st, w.hanID(r), npos, 3)
					i, npos = i+3, npos+3
					continue
				}
			} else if r, size := utf8.DecodeRuneInString(text[i:]); punctLen(r) > 0 && cutAt(text, i+size) {
				i, npos = i+size, npos+punctLen(r)
				continue
			}
		}
		j, ascii, word := i, true, false
		for ; j < len(text) && (j == i || !isHanAt(text, j)); j++ {
			if c := text[j]; c >= utf8.RuneSelf {
				ascii = false
			} else if asciiWord[c] {
				word = true
			}
		}
		var n int
		var ok bool
		if ascii && !word {
			n, ok = j-i, true // only None tokens
		} else if ascii {
			w.text = append(w.text[:0], text[i:j]...)
			n, ok = w.segment(st, w.text, npos)
		} else {
			n, ok = w.segment(st, w.normalize(text[i:j]), npos)
		}
		if !ok {
			return false // segmentation stopped, as it would in the whole text
		}
		i, npos = j, npos+n
	}
	return true
}

// asciiWord tells the ASCII bytes without which segment makes only None
// tokens of ASCII text: the letters and digits, and _ (ExtendNumLet), one
// of which every rule of a word needs (TestASCIIWord).
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	return t
}()

// cutAt reports whether text can be cut at i after a Han rune or a
// punctuation mark of punctLen (see fieldHan): i is the end, or text[i:]
// starts with an ASCII byte, a Han rune or a punctuation mark of punctLen.
func cutAt(text string, i int) bool {
	if i == len(text) || text[i] < utf8.RuneSelf || isHanAt(text, i) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return punctLen(r) > 0
}

// isHan reports whether fieldHan takes r for a Han rune: the CJK Unified
// Ideographs of Unicode 8.0, which segment uses.
func isHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FD5 }

// hanAt returns the rune at s[i] and whether it is a Han rune; s is valid
// UTF-8.
func hanAt(s string, i int) (rune, bool) {
	if !isHanAt(s, i) {
		return 0, false
	}
	r := rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
	return r, isHan(r)
}

// isHanAt reports whether a Han rune might start at s[i] (its lead byte
// is that of U+4E00..U+9FFF); s is valid UTF-8.
func isHanAt(s string, i int) bool {
	if i+2 >= len(s) {
		return false
	}
	switch c := s[i]; {
	case c == 0xE4:
		return s[i+1] >= 0xB8
	case c == 0xE9:
		return s[i+1] < 0xBF || s[i+2] <= 0x95 // up to U+9FD5
	default:
		return c > 0xE4 && c < 0xE9
	}
}

// punctLen returns the length of the normal form of r if it is one of
// the common CJK and full-width punctuation marks that fieldHan skips,
// else 0. NFKC does not join such a mark to what precedes it, the first
// rune of its normal form is inert and neither Extend nor Format, and
// segment makes only None tokens of that form (TestPunctLen).
func punctLen(r rune) int {
	switch r {
	case '\uFF08', '\uFF09', '\uFF0C', '\uFF1A', '\uFF1B', '\uFF1F', '\uFF01', '\uFF05', '\u3000': // ASCII
		return 1
	case '\u00B7':
		return 2
	case '\u3001', '\u3002', '\u300A', '\u300B', '\u300C', '\u300D', '\u300E', '\u300F', '\u3010', '\u3011', '\u3014', '\u3015',
		'\u2014', '\u2018', '\u2019', '\u201C', '\u201D', '\u2026': // unchanged, or ... for U+2026
		return 3
	}
	return 0
}

// normalize returns the NFKC form of text, in the worker's buffer.
func (w *invWorker) normalize(text string) []byte {
	w.text = appendNormalized(w.text[:0], &w.norm, text)
	return w.text
}

// segment segments buf, normalised text at offset base in the normalised
// field, and records its units. It returns len(buf), and false if
// segmentation stopped before its end (as segment.Segmenter does when a
// call returns no token).
func (w *invWorker) segment(st *fieldState, buf []byte, base int) (int, bool) {
	for start, pos := 0, base; start < len(buf); {
		adv, sb, typ, err := segment.SegmentWords(buf[start:], true)
		if err != nil || adv < 0 || adv > len(buf)-start || sb == nil {
			return len(buf), false
		}
		start += adv
		// As the unicode tokenizer: every segment but spaces and
		// punctuation is a token, starting at pos.
		s := pos
		pos += len(sb)
		if typ == segment.None {
			continue
		}
		term := w.fold(sb)
		if typ != segment.Ideo && typ != segment.Kana { // not analysis.Ideographic
			w.endRun(st)
			st.units++
			st.main++
			w.key = append(append(w.key[:0], tagMain), term...)
			w.hit(w.termKey(), st.title)
			continue
		}
		for off := 0; off < len(term); {
			r, n := utf8.DecodeRune(term[off:])
			w.ideoUnit(st, w.ideoID(r, term[off:off+n]), s+off, n)
			off += n
		}
	}
	return len(buf), true
}

// endRun ends a run of adjacent ideographic units.
func (w *invWorker) endRun(st *fieldState) {
	if st.run == 1 { // a lone ideograph, which cjk_bigram emits as it is
		u := &w.ideo[st.b]
		if u.lone < 0 {
			u.lone = w.term(tagMain, u.term())
		}
		w.hit(u.lone, st.title)
		st.main++
	}
	st.run = 0
}

// ideoUnit records ideographic unit id, at offset s and n bytes long.
func (w *invWorker) ideoUnit(st *fieldState, id int32, s, n int) {
	st.units++
	st.uni++
	if st.run > 0 && s != st.end {
		w.endRun(st)
	}
	u := &w.ideo[id]
	if u.uni < 0 {
		u.uni = w.newTerm(tagUnigram, u.term()) // unique: one id per unit
	}
	w.hit(u.uni, st.title)
	if st.run > 0 {
		b := st.b
		k := uint64(b)<<32 | uint64(id)
		bt, ok := w.big.get(k)
		if !ok {
			bt = w.term(tagMain, w.ideo[b].term(), w.ideo[id].term())
			w.big.put(k, bt)
		}
		w.hit(bt, st.title)
		st.main++
	}
	if st.run > 1 {
		a, b := st.a, st.b
		k := uint64(a)<<42 | uint64(b)<<21 | uint64(id)
		tt, ok := w.tri.get(k)
		if !ok {
			ua, ub, uc := &w.ideo[a], &w.ideo[b], &w.ideo[id]
			if ua.valid && ub.valid && uc.valid {
				// Three runes: no other units make these bytes.
				tt = w.newTerm(tagTrigram, ua.term(), ub.term(), uc.term())
			} else {
				tt = w.term(tagTrigram, ua.term(), ub.term(), uc.term())
			}
			w.tri.put(k, tt)
		}
		w.hit(tt, st.title)
		st.tri++
	}
	st.a, st.b = st.b, id
	st.run++
	st.end = s + n
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

// hanID returns the ideo id of Han rune r.
func (w *invWorker) hanID(r rune) int32 {
	if w.bmp == nil {
		w.bmp = make([]int32, 0x10000)
	}
	if id := w.bmp[r]; id > 0 {
		return id - 1
	}
	var b [utf8.UTFMax]byte
	id := w.newIdeo(b[:utf8.EncodeRune(b[:], r)], true)
	w.bmp[r] = id + 1
	return id
}

func (w *invWorker) newIdeo(term []byte, valid bool) int32 {
	u := ideoUnit{valid: valid, uni: -1, lone: -1}
	u.n = uint8(copy(u.b[:], term))
	w.ideo = append(w.ideo, u)
	return int32(len(w.ideo) - 1)
}

// term returns the id of the term tag+parts.
func (w *invWorker) term(tag byte, parts ...[]byte) int32 {
	w.key = append(w.key[:0], tag)
	for _, p := range parts {
		w.key = append(w.key, p...)
	}
	return w.termKey()
}

// termKey returns the id of the term whose key is in w.key.
func (w *invWorker) termKey() int32 {
	h := maphash.Bytes(w.ids.seed, w.key)
	id, ok := w.ids.get(h, w.key, w)
	if !ok {
		id = w.addKey()
		w.ids.put(h, id, w)
	}
	return id
}

// keyBytes returns the key of term id, before finish.
func (w *invWorker) keyBytes(id int32) []byte { return w.kbuf[w.koff[id]:w.koff[id+1]] }

// newTerm returns a new id for the term tag+parts, which the caller knows
// no other id has: the term is left out of ids.
func (w *invWorker) newTerm(tag byte, parts ...[]byte) int32 {
	w.key = append(w.key[:0], tag)
	for _, p := range parts {
		w.key = append(w.key, p...)
	}
	return w.addKey()
}

// addKey adds the term whose key is in w.key and returns its id.
func (w *invWorker) addKey() int32 {
	id := int32(len(w.koff) - 1)
	w.kbuf = append(w.kbuf, w.key...)
	w.koff = append(w.koff, len(w.kbuf))
	w.terms = append(w.terms, termCount{})
	return id
}

// hit records one occurrence of term id in the current document (or,
// while a line is analysed on its own, in captured).
func (w *invWorker) hit(id int32, title bool) {
	if w.capture {
		w.captured = append(w.captured, id)
		return
	}
	r := w.record(id)
	if title {
		r.v |= recTitle
	} else {
		r.v++
	}
}

// hitN records n occurrences of term id in the body of the current
// document.
func (w *invWorker) hitN(id, n int32) { w.record(id).v += uint32(n) }

// record returns the current document's record of term id, adding it
// (and counting the document in the term's df) on the term's first hit.
func (w *invWorker) record(id int32) *rec {
	tc := &w.terms[id]
	if tc.slot == 0 {
		w.cur = append(w.cur, rec{id: id})
		tc.df++
		tc.slot = int32(len(w.cur))
	}
	return &w.cur[tc.slot-1]
}

// keyTable maps the keys of a worker's terms to their ids, as a
// map[string]int32 would, but for keys that lie in the worker's kbuf:
// open addressing by the keys' maphash, linear probing.
type keyTable struct {
	seed  maphash.Seed
	slots []keySlot // a power of two of them, at most 3/4 in use
	n     int
}

type keySlot struct {
	hash uint32 // the high bits of the key's hash
	id   int32  // id + 1, 0 if the slot is empty
}

// get returns the id of key, whose hash is h, and whether it has one.
func (t *keyTable) get(h uint64, key []byte, w *invWorker) (int32, bool) {
	if t.n == 0 {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s.id == 0 {
			return 0, false
		}
		if s.hash == uint32(h>>32) && bytes.Equal(w.keyBytes(s.id-1), key) {
			return s.id - 1, true
		}
	}
}

// put adds id for a key whose hash is h, which has none; w holds the keys.
func (t *keyTable) put(h uint64, id int32, w *invWorker) {
	if 4*(t.n+1) > 3*len(t.slots) {
		old := t.slots
		t.slots = make([]keySlot, max(64, 2*len(old)))
		for _, s := range old {
			if s.id != 0 {
				t.insert(maphash.Bytes(t.seed, w.keyBytes(s.id-1)), s.id)
			}
		}
	}
	t.insert(h, id+1)
	t.n++
}

func (t *keyTable) insert(h uint64, id int32) {
	mask := uint64(len(t.slots) - 1)
	i := h & mask
	for t.slots[i].id != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = keySlot{uint32(h >> 32), id}
}

// idTable maps uint64 keys to int32 values, as a map would, with open
// addressing and linear probing: a lookup is a multiplication and mostly
// one probe of two arrays.
type idTable struct {
	keys  []uint64 // a power of two of them, at most 3/4 in use
	vals  []int32  // value + 1, 0 if the slot is empty
	n     int
	shift uint8 // 64 − log2(len(keys))
}

// get returns the value of key and whether it has one.
func (t *idTable) get(key uint64) (int32, bool) {
	if t.n == 0 {
		return 0, false
	}
	mask := len(t.keys) - 1
	for i := int((key * 0x9E3779B97F4A7C15) >> t.shift); ; i = (i + 1) & mask {
		v := t.vals[i]
		if v == 0 {
			return 0, false
		}
		if t.keys[i] == key {
			return v - 1, true
		}
	}
}

// put sets the value of key, which has none.
func (t *idTable) put(key uint64, val int32) {
	if 4*(t.n+1) > 3*len(t.keys) {
		keys, vals := t.keys, t.vals
		size := max(64, 2*len(keys))
		t.keys, t.vals, t.shift = make([]uint64, size), make([]int32, size), uint8(64-bits.TrailingZeros(uint(size)))
		for i, v := range vals {
			if v != 0 {
				t.insert(keys[i], v)
			}
		}
	}
	t.insert(key, val+1)
	t.n++
}

func (t *idTable) insert(key uint64, v int32) {
	mask := len(t.keys) - 1
	i := int((key * 0x9E3779B97F4A7C15) >> t.shift)
	for t.vals[i] != 0 {
		i = (i + 1) & mask
	}
	t.keys[i], t.vals[i] = key, v
}

// layout is walkPart's scratch space, reused from part to part.
type layout struct {
	post []uint32
	at   []int
	ps   []posting
	keys []uint64
}

// titleKey packs a posting in the title (title > 0) into an integer that
// orders as comparePostings: title ascending, impact descending, document
// ascending. The title takes the high 33 bits (no string has as many
// units).
func titleKey(title, bi, doc int) uint64 {
	return uint64(title)<<31 | uint64(postImpact-bi)<<25 | uint64(doc)
}

// fromTitleKey returns the posting of titleKey, without its combo.
func fromTitleKey(k uint64) posting {
	return posting{doc: int(k & (maxDocs - 1)), title: int(k >> 31), bi: postImpact - int(k>>25&postImpact)}
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
				if tf > 0 && tf <= impactTF {
					q |= uint32(inv.impact[inv.kind[lo+t]][d*impactTF+tf-1])
				} else if tf > 0 {
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
		// The title postings are sorted as titleKey, the others placed by
		// impact.
		keys := sc.keys[:0]
		for _, p := range src {
			doc, bi := int(p>>postDocShift), int(p&postImpact)
			if p&postTitle != 0 {
				keys = append(keys, titleKey(ix.titleL[doc], bi, doc))
			} else {
				ps[at[bi]] = posting{doc: doc, bi: bi, combo: ix.combo[doc]}
				at[bi]++
			}
		}
		if len(keys) > 1 {
			slices.Sort(keys)
		}
		for i, k := range keys {
			ps[i] = fromTitleKey(k)
			ps[i].combo = ix.combo[ps[i].doc]
		}
		sc.keys = keys
		if err := f(key, ps); err != nil {
			return err
		}
	}
	return nil
}
