package search

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// The inverted index is built directly from the units of every title and
// body (see doc.go): the main (m) terms of a field are the bigrams of its
// adjacent ideographic units, its lone ideographic units and its other
// tokens, exactly the tokens bleve's cjk_bigram filter emits after the
// unicode tokenizer, cjk_width and to_lower; the unigram (u) terms are its
// ideographic units; the trigram (t) terms its runs of three adjacent
// ideographic units. Documents are analysed in parallel, in chunks, each
// worker interning term keys in its own dictionary; the dictionaries are
// then merged and sorted, and the postings laid out term by term.

// invertChunkDocs is the number of documents a worker analyses at a time.
const invertChunkDocs = 64

// inverted is the inverted index: every exported term key and its
// postings.
type inverted struct {
	keys []string // m terms, then u terms, then t terms, each in byte order
	kind []uint8  // field kind of each key: 0 main, 1 unigram, 2 trigram
	off  []int    // the postings of keys[i] are post[off[i]:off[i+1]]
	post []ipost  // per term, in document order
}

// ipost is a posting as the index stores it.
type ipost struct {
	doc int32
	tb  uint8 // titleFlag if the term is in the title, | body impact (0 if not in the body)
}

const titleFlag = 0x80

// rec is one (term, document) pair as a worker records it: the worker's
// term id, and the body frequency with recTitle set if the term is in the
// title.
type rec struct {
	id int32
	v  uint32
}

const recTitle = 1 << 31

// invChunk is the analysis of invertChunkDocs consecutive documents.
type invChunk struct {
	worker int     // the worker whose dictionary the ids refer to
	recs   []rec   // the records of each document, in document order
	ends   []int32 // end of each document's records in recs
}

// invWorker analyses chunks of documents.
type invWorker struct {
	ix   *Index
	ids  map[string]int32 // term key → id
	keys []string         // id → term key
	slot []int32          // id → 1 + index of its record in the current document, or 0
	key  []byte           // scratch term key
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

// invert analyses every document and builds ix.inv, ix.titleL, ix.bodyLen
// and ix.avgLen.
func (ix *Index) invert() {
	nChunks := (len(ix.docs) + invertChunkDocs - 1) / invertChunkDocs
	chunks := make([]invChunk, nChunks)
	workers := make([]*invWorker, max(1, min(runtime.GOMAXPROCS(0), nChunks)))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		iw := &invWorker{ix: ix, ids: map[string]int32{}}
		workers[w] = iw
		wg.Go(func() {
			for {
				c := int(next.Add(1) - 1)
				if c >= nChunks {
					return
				}
				chunks[c].worker = w
				iw.analyse(&chunks[c], c*invertChunkDocs, min(len(ix.docs), (c+1)*invertChunkDocs))
			}
		})
	}
	wg.Wait()
	ix.setAvgLen()

	// Merge the dictionaries: global ids in first-seen order, then the
	// exported order.
	global := workers[0].ids
	gkeys := workers[0].keys
	toGlobal := make([][]int32, len(workers))
	for w, iw := range workers {
		m := make([]int32, len(iw.keys))
		for id, k := range iw.keys {
			if w == 0 {
				m[id] = int32(id)
				continue
			}
			g, ok := global[k]
			if !ok {
				g = int32(len(gkeys))
				global[k] = g
				gkeys = append(gkeys, k)
			}
			m[id] = g
		}
		toGlobal[w] = m
		iw.ids, iw.slot = nil, nil
	}
	global = nil
	order := make([]int32, 0, len(gkeys))
	for g, k := range gkeys {
		// cjk_bigram emits lone ideographs into m; queries use u terms.
		if k[0] == tagMain && isLoneIdeograph(k[1:]) {
			continue
		}
		order = append(order, int32(g))
	}
	slices.SortFunc(order, func(a, b int32) int {
		ka, kb := gkeys[a], gkeys[b]
		if c := int(tagKind(ka[0])) - int(tagKind(kb[0])); c != 0 {
			return c
		}
		return strings.Compare(ka, kb)
	})
	final := make([]int32, len(gkeys))
	for g := range final {
		final[g] = -1
	}
	inv := &ix.inv
	inv.keys = make([]string, len(order))
	inv.kind = make([]uint8, len(order))
	for f, g := range order {
		final[g] = int32(f)
		inv.keys[f] = gkeys[g]
		inv.kind[f] = tagKind(gkeys[g][0])
	}
	for _, m := range toGlobal {
		for id, g := range m {
			m[id] = final[g]
		}
	}

	// Count, then fill the postings in document order.
	inv.off = make([]int, len(order)+1)
	for _, c := range chunks {
		m := toGlobal[c.worker]
		for _, r := range c.recs {
			if f := m[r.id]; f >= 0 {
				inv.off[f+1]++
			}
		}
	}
	for f := range order {
		inv.off[f+1] += inv.off[f]
	}
	inv.post = make([]ipost, inv.off[len(order)])
	at := slices.Clone(inv.off[:len(order)])
	for ci := range chunks {
		c := &chunks[ci]
		m := toGlobal[c.worker]
		start := 0
		for j, end := range c.ends {
			doc := ci*invertChunkDocs + j
			for _, r := range c.recs[start:end] {
				f := m[r.id]
				if f < 0 {
					continue
				}
				var tb uint8
				if r.v&recTitle != 0 {
					tb = titleFlag
				}
				if tf := int(r.v &^ recTitle); tf > 0 {
					k := inv.kind[f]
					tb |= uint8(bodyImpact(tf, ix.bodyLen[k][doc], ix.avgLen[k]))
				}
				inv.post[at[f]] = ipost{doc: int32(doc), tb: tb}
				at[f]++
			}
			start = int(end)
		}
		c.recs, c.ends = nil, nil
	}
}

// analyse records the terms of documents [lo, hi) in c and sets their
// lengths.
func (w *invWorker) analyse(c *invChunk, lo, hi int) {
	ix := w.ix
	c.ends = make([]int32, 0, hi-lo)
	for i := lo; i < hi; i++ {
		d := &ix.docs[i]
		start := len(c.recs)
		ut := units(Normalize(d.Title))
		ix.titleL[i] = max(1, len(ut))
		w.field(c, start, ut, true)
		ub := units(Normalize(d.Body))
		ix.bodyLen[0][i], ix.bodyLen[1][i], ix.bodyLen[2][i] = fieldLengths(ub)
		w.field(c, start, ub, false)
		for _, r := range c.recs[start:] {
			w.slot[r.id] = 0
		}
		c.ends = append(c.ends, int32(len(c.recs)))
	}
}

// field records the terms of one field (units us) of the document whose
// records start at c.recs[start].
func (w *invWorker) field(c *invChunk, start int, us []unit, title bool) {
	for i := range us {
		u := us[i].term
		if !us[i].ideo {
			w.add(c, start, title, tagMain, u, "", "")
			continue
		}
		w.add(c, start, title, tagUnigram, u, "", "")
		joinsPrev := i > 0 && aligned(us, i-1)
		if aligned(us, i) {
			w.add(c, start, title, tagMain, u, us[i+1].term, "")
		} else if !joinsPrev {
			w.add(c, start, title, tagMain, u, "", "") // a lone ideograph
		}
		if joinsPrev && i > 1 && aligned(us, i-2) {
			w.add(c, start, title, tagTrigram, us[i-2].term, us[i-1].term, u)
		}
	}
}

// add records one occurrence of the term tag+a+b+c.
func (w *invWorker) add(ch *invChunk, start int, title bool, tag byte, a, b, c string) {
	w.key = append(append(append(append(w.key[:0], tag), a...), b...), c...)
	id, ok := w.ids[string(w.key)]
	if !ok {
		id = int32(len(w.keys))
		k := string(w.key)
		w.ids[k] = id
		w.keys = append(w.keys, k)
		w.slot = append(w.slot, 0)
	}
	s := w.slot[id]
	if s == 0 {
		ch.recs = append(ch.recs, rec{id: id})
		s = int32(len(ch.recs) - start)
		w.slot[id] = s
	}
	r := &ch.recs[start+int(s)-1]
	if title {
		r.v |= recTitle
	} else {
		r.v++
	}
}

// walkTerms calls f for every exported term, in the order m, u, t and
// byte order within each, with its postings in posting order: title
// matches first (shorter titles first), then by body impact descending,
// then by document number. The postings are stored in document order, so
// those outside the title only need a stable counting sort by impact.
func (ix *Index) walkTerms(f termPostingsFunc) error {
	inv := &ix.inv
	var ps []posting
	for t, key := range inv.keys {
		src := inv.post[inv.off[t]:inv.off[t+1]]
		ps = slices.Grow(ps[:0], len(src))[:len(src)]
		var at [titleFlag]int // next place of each impact
		nt := 0
		for _, p := range src {
			if p.tb&titleFlag != 0 {
				nt++
			} else {
				at[p.tb]++
			}
		}
		for bi, n := len(at)-1, nt; bi >= 0; bi-- {
			at[bi], n = n, n+at[bi]
		}
		k := 0
		for _, p := range src {
			bi := p.tb &^ titleFlag
			q := posting{doc: int(p.doc), bi: int(bi), combo: ix.combo[p.doc]}
			if p.tb&titleFlag != 0 {
				q.title = ix.titleL[p.doc]
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
