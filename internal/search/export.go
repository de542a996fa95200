package search

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"runtime"
	"slices"

	"sunlight/internal/par"
)

// File is one exported file: Path is relative to the site root and uses /.
type File struct {
	Path string
	Data []byte
}

// Stats describes an export.
type Stats struct {
	Entry       string // path of the entry file, for the search page's <meta name="sunlight-search">
	Files       int
	Bytes       int // total size of all files
	Terms       int
	Shards      int
	ShardBytes  int // total size of the shards
	Chunks      int
	ChunkBytes  int
	Packs       int // overflow and facet packs
	PackBytes   int
	EntryBytes  int
	MetaBytes   int
	BrowseBytes int
}

// packer gathers blobs into packs of about target bytes.
type packer struct {
	kind   byte
	target int
	packs  [][]byte
	// owned tells whether the last pack was allocated by the packer; if
	// not, it is a view of blobs that lie one after the other in memory
	// (in a part's pages), which it copies only when the next blob is
	// elsewhere.
	owned bool
}

// add appends blob b to the last pack, or to a new one if it would make
// the last pack larger than target, and returns where it is. A pack may
// refer to b's memory, which must not change.
func (p *packer) add(b []byte) ref {
	n := len(p.packs)
	if n == 0 || len(p.packs[n-1])+len(b) > p.target && len(p.packs[n-1]) > 0 {
		p.packs = append(p.packs, b)
		p.owned = false
		return ref{pack: n, n: len(b)}
	}
	i := n - 1
	last := p.packs[i]
	r := ref{pack: i, off: len(last), n: len(b)}
	switch {
	case len(b) == 0:
	case p.owned:
		p.packs[i] = append(last, b...)
	case follows(last, b):
		p.packs[i] = last[:len(last)+len(b)]
	default:
		pk := make([]byte, len(last), max(p.target, len(last)+len(b)))
		copy(pk, last)
		p.packs[i], p.owned = append(pk, b...), true
	}
	return r
}

// follows reports whether b starts where a ends, in the same array.
func follows(a, b []byte) bool {
	return len(b) > 0 && cap(a) > len(a) && &a[:len(a)+1][len(a)] == &b[0]
}

// hashes returns the hash of every pack.
func (p *packer) hashes() []uint32 {
	out := make([]uint32, len(p.packs))
	parallel(len(p.packs), func(i int) { out[i] = hash32(p.packs[i]) })
	return out
}

// files returns the packs as files, given their hashes.
func (p *packer) files(paths *pathMaker, hashes []uint32) []File {
	out := make([]File, len(p.packs))
	for i, b := range p.packs {
		x := packHash(hashes[i])
		out[i] = File{Path: paths.path(p.kind, i, string(x[:]), ".bin"), Data: b[:len(b):len(b)]}
	}
	return out
}

// parallel calls fn(i) for every i in [0, n), on up to exportWorkers
// goroutines.
func parallel(n int, fn func(i int)) { par.Do(n, exportWorkers(), fn) }

// groupHashes returns the content hash of each group of group files.
func groupHashes(files [][]byte, group int) []string {
	out := make([]string, (len(files)+group-1)/group)
	parallel(len(out), func(g int) { out[g] = contentHash(files[g*group : min(len(files), (g+1)*group)]...) })
	return out
}

// termEntry is a term's dictionary entry: head, then its refs if any.
type termEntry struct {
	key  string
	head []byte
	refs int // index of its overflow and facet refs, or -1
}

// Export writes the static index: see doc.go for the format. The returned
// files are in a deterministic order; the caller writes them. Export
// releases the index as it encodes it, so it can be called only once.
func (ix *Index) Export() ([]File, Stats, error) {
	if ix.exported {
		return nil, Stats{}, errors.New("search: index already exported")
	}
	if ix.closed {
		return nil, Stats{}, errors.New("search: export of a closed index")
	}
	ix.exported = true
	defer ix.Close()
	return ix.export(ix)
}

// termSource lists the terms of an index and their postings, in parts.
type termSource interface {
	// numTerms is the number of terms.
	numTerms() int
	// parts returns the bounds of the parts: part p is terms
	// [parts[p], parts[p+1]).
	parts() []int
	// walkPart calls f for the terms of part p in the index's term order,
	// with postings in posting order (see posting); ps is valid during the
	// call. A part may be walked only once.
	walkPart(p int, f termPostingsFunc) error
}

// splitTerms returns the bounds of parts of nTerms terms of about equal
// work, given cost(t), the work of terms [0, t).
func splitTerms(nTerms int, cost func(t int) int) []int {
	nParts := 1
	if nTerms > 1000 {
		nParts = 8 * exportWorkers()
	}
	bounds := make([]int, nParts+1)
	total := cost(nTerms)
	for i, t := 1, 0; i < nParts; i++ {
		for t < nTerms && cost(t) < total*i/nParts {
			t++
		}
		bounds[i] = t
	}
	bounds[nParts] = nTerms
	return bounds
}

// termPart is the encoding of a range of terms, before packing: for each
// term its dictionary entry without refs, and for each term with more
// than Members postings its overflow and facet blobs.
type termPart struct {
	keys  []string
	heads [][]byte // the entries without refs, in heads
	big   []bigTerm
	// The entries and each kind of blob are kept in separate stores: the
	// packs take consecutive blobs of a kind as they lie, and the entries
	// go once the shards are made.
	headStore, overStore, facetStore pages
}

// bigTerm holds the blobs of a term with refs.
type bigTerm struct {
	term        int // index in the part
	over, facet []byte
}

// pages is an append-only store of byte strings, kept in pages rather
// than in one growing slice so that filling it copies nothing.
type pages struct{ p [][]byte }

const pageBytes = 256 << 10

// add stores a copy of b and returns it. Strings added one after the
// other lie one after the other in memory unless a new page starts, and
// the capacity of the returned slice extends to the end of its page: it
// must not be appended to.
func (s *pages) add(b []byte) []byte {
	if len(b) > pageBytes/4 {
		return slices.Clone(b)
	}
	n := len(s.p)
	if n == 0 || cap(s.p[n-1])-len(s.p[n-1]) < len(b) {
		s.p = append(s.p, make([]byte, 0, pageBytes))
		n++
	}
	pg := s.p[n-1]
	start := len(pg)
	pg = append(pg, b...)
	s.p[n-1] = pg
	return pg[start:]
}

// encodeTerms encodes part i of src into p.
func (ix *Index) encodeTerms(src termSource, i int, p *termPart) error {
	opt := ix.opt
	counts := make([]int, ix.facets.valueSpace()+len(ix.facets.combos))
	var docBuf []int
	var e, b encoder // scratch
	return src.walkPart(i, func(key string, ps []posting) error {
		e.b = e.b[:0]
		e.uvarint(len(key))
		e.b = append(e.b, key...)
		e.uvarint(len(ps))
		k := len(ps)
		if k > opt.Members {
			k = opt.TopK
		}
		encodePostings(&e, ps[:k])
		if k < len(ps) {
			titles := 0
			for titles < len(ps) && ps[titles].title > 0 {
				titles++
			}
			if titles <= k {
				e.uvarint(1) // every title posting is in the first tier
			} else if titles-k <= opt.Members {
				docBuf = encodeDocs(&e, ps[k:titles], docBuf)
			} else {
				e.uvarint(0) // unknown
			}
			b.b = b.b[:0]
			encodePostings(&b, ps[k:])
			over := p.overStore.add(b.b)
			b.b = ix.appendFacetVector(b.b[:0], ps, counts)
			p.big = append(p.big, bigTerm{term: len(p.heads), over: over, facet: p.facetStore.add(b.b)})
		}
		p.heads = append(p.heads, p.headStore.add(e.b))
		p.keys = append(p.keys, key)
		return nil
	})
}

// exportWorkers is the number of goroutines Export encodes with.
func exportWorkers() int { return max(1, min(runtime.GOMAXPROCS(0), maxWorkers)) }

// export is Export with the terms and their postings from src.
func (ix *Index) export(src termSource) ([]File, Stats, error) {
	opt := ix.opt
	var st Stats

	// Encode the terms in parts, and the result chunks unless Build has,
	// in parallel.
	nTerms := src.numTerms()
	nParts := len(src.parts()) - 1
	parts := make([]termPart, nParts)
	nChunks := max(1, (ix.nDocs+opt.ChunkDocs-1)/opt.ChunkDocs)
	chunks := ix.chunks
	const chunkTask = 512 // chunks per task
	nTasks := nParts
	if chunks == nil {
		chunks = make([][]byte, nChunks)
		nTasks += (nChunks + chunkTask - 1) / chunkTask
	}
	ix.chunks = nil // the files hold them
	errs := make([]error, nTasks)
	parallel(nTasks, func(i int) {
		if i < nParts {
			errs[i] = ix.encodeTerms(src, i, &parts[i])
		} else {
			c := (i - nParts) * chunkTask
			_, errs[i] = ix.encodeChunks(chunks[c:min(nChunks, c+chunkTask)], c, nil)
		}
	})
	for i, err := range errs {
		if err != nil && i < nParts {
			return nil, st, fmt.Errorf("search: export: %w", err)
		} else if err != nil {
			return nil, st, err
		}
	}

	// Pack the blobs, in term order.
	terms := make([]termEntry, 0, nTerms)
	var refs [][2]ref
	over := &packer{kind: 'o', target: opt.PackBytes}
	facet := &packer{kind: 'f', target: opt.PackBytes / 8}
	for i := range parts {
		p := &parts[i]
		big := p.big
		for t, head := range p.heads {
			te := termEntry{key: p.keys[t], head: head, refs: -1}
			if len(big) > 0 && big[0].term == t {
				te.refs = len(refs)
				refs = append(refs, [2]ref{over.add(big[0].over), facet.add(big[0].facet)})
				big = big[1:]
			}
			terms = append(terms, te)
		}
		*p = termPart{} // the packs hold the blobs, and terms the entries
	}
	overHashes, facetHashes := over.hashes(), facet.hashes()
	entryLen := func(te termEntry) int {
		n := len(te.head)
		if te.refs >= 0 {
			for _, r := range refs[te.refs] {
				n += uvarintLen(r.pack) + 4 + uvarintLen(r.off) + uvarintLen(r.n)
			}
		}
		return n
	}
	for i := range refs {
		refs[i][0].hash = overHashes[refs[i][0].pack]
		refs[i][1].hash = facetHashes[refs[i][1].pack]
	}
	var files []File
	var paths pathMaker

	// Dictionary shards: each holds its terms' entries in key order.
	dictBytes := 0
	for _, te := range terms {
		dictBytes += entryLen(te)
	}
	nShards := max(1, (dictBytes+opt.ShardBytes-1)/opt.ShardBytes)
	order := keyOrder(terms)
	shardOf := make([]int32, len(terms))
	size := make([]int, nShards)
	count := make([]int, nShards+1)
	for i, te := range terms {
		s := int(fnv1a(te.key) % uint32(nShards))
		shardOf[i] = int32(s)
		size[s] += entryLen(te)
		count[s+1]++
	}
	byShard := make([]int32, len(terms))
	for s := range nShards {
		count[s+1] += count[s]
	}
	at := slices.Clone(count[:nShards])
	for _, i := range order {
		s := shardOf[i]
		byShard[at[s]] = i
		at[s]++
	}
	shards := make([][]byte, nShards)
	parallel(nShards, func(s int) {
		idx := byShard[count[s]:count[s+1]]
		e := encoder{b: make([]byte, 0, binary.MaxVarintLen64+size[s])}
		e.uvarint(len(idx))
		for _, i := range idx {
			te := &terms[i]
			e.b = append(e.b, te.head...)
			if te.refs >= 0 {
				e.ref(refs[te.refs][0])
				e.ref(refs[te.refs][1])
			}
		}
		shards[s] = e.b
	})
	terms, refs = nil, nil
	shardGroup := (nShards + 63) / 64
	shardHashes := groupHashes(shards, shardGroup)
	for s, b := range shards {
		files = append(files, File{Path: paths.path('t', s, shardHashes[s/shardGroup], ".bin"), Data: b})
		st.ShardBytes += len(b)
	}

	// Result chunks.
	chunkGroup := (nChunks + 63) / 64
	chunkHashes := groupHashes(chunks, chunkGroup)
	for c, b := range chunks {
		files = append(files, File{Path: paths.path('r', c, chunkHashes[c/chunkGroup], ".json"), Data: b})
		st.ChunkBytes += len(b)
	}

	// Packs.
	for _, p := range []struct {
		*packer
		hashes []uint32
	}{{over, overHashes}, {facet, facetHashes}} {
		for _, f := range p.files(&paths, p.hashes) {
			files = append(files, f)
			st.PackBytes += len(f.Data)
			st.Packs++
		}
	}

	// Browse list: runs of equal combos in document order.
	var be encoder
	var runs [][2]int
	for i, c := range ix.combo {
		if i > 0 && c == ix.combo[i-1] {
			runs[len(runs)-1][0]++
		} else {
			runs = append(runs, [2]int{1, c})
		}
	}
	be.uvarint(len(runs))
	for _, r := range runs {
		be.uvarint(r[0])
		be.uvarint(r[1])
	}
	browse := "browse." + contentHash(be.b) + ".bin"
	files = append(files, File{Path: path.Join(Dir, browse), Data: be.b})

	// Metadata.
	ft := &ix.facets
	meta := metaJSON{Types: ft.types, Categories: ft.cats, Levels: ft.levels, Years: ft.years}
	for _, u := range ft.units {
		meta.Units = append(meta.Units, [4]any{u.ID, u.Name, u.Start, u.End})
	}
	for _, c := range ft.combos {
		f := 0
		if c.hasFine {
			f = 1
		}
		meta.Combos = append(meta.Combos, [5]int{c.typ, c.cat, c.level, c.year, f})
	}
	for dim := range ft.globalFreq {
		meta.Counts = append(meta.Counts, ft.globalFreq[dim])
	}
	mb, err := json.Marshal(meta)
	if err != nil {
		return nil, st, err
	}
	metaName := "meta." + contentHash(mb) + ".json"
	files = append(files, File{Path: path.Join(Dir, metaName), Data: mb})

	entry := entryJSON{
		Format: FormatVersion, Docs: ix.nDocs, PageSize: PageSize, TopK: opt.TopK, Members: opt.Members,
		Shards: nShards, ShardGroup: shardGroup, ShardHashes: shardHashes,
		ChunkDocs: opt.ChunkDocs, ChunkGroup: chunkGroup, ChunkHashes: chunkHashes,
		Meta: metaName, Browse: browse,
	}
	eb, err := json.Marshal(entry)
	if err != nil {
		return nil, st, err
	}
	entryName := "index." + contentHash(eb) + ".json"
	files = append(files, File{Path: path.Join(Dir, entryName), Data: eb})
	pointer, _ := json.Marshal(map[string]string{"entry": entryName})
	files = append(files, File{Path: path.Join(Dir, "index.json"), Data: pointer})

	st.Entry = path.Join(Dir, entryName)
	st.Files = len(files)
	for _, f := range files {
		st.Bytes += len(f.Data)
	}
	st.Terms, st.Shards, st.Chunks = nTerms, nShards, nChunks
	st.EntryBytes, st.MetaBytes, st.BrowseBytes = len(eb), len(mb), len(be.b)
	return files, st, nil
}

// appendFacetVector appends the facet blob of a term: its postings
// counted per facet value, as pairs of (value index delta, count) over the
// concatenated value index space of the dimensions unit, type, category,
// level, year. counts is scratch space of ix.facets.valueSpace() +
// len(ix.facets.combos) zeros, and is left so.
//
// The postings are counted per unit and per combo, and the combos' counts
// then added to their values (unless there are more combos than postings).
func (ix *Index) appendFacetVector(dst []byte, ps []posting, counts []int) []byte {
	ft := &ix.facets
	var base [numDims]int
	n := 0
	for dim := range base {
		base[dim] = n
		n += ft.dimSize(dim)
	}
	counts, perCombo := counts[:n], counts[n:n+len(ft.combos)]
	if len(ft.combos) <= len(ps) {
		for _, p := range ps {
			counts[ft.docUnit[p.doc]]++
			perCombo[p.combo]++
		}
		for i, c := range perCombo {
			if c == 0 {
				continue
			}
			perCombo[i] = 0
			cb := &ft.combos[i]
			for dim, v := range [numDims]int{dimUnit: -1, dimType: cb.typ, dimCategory: cb.cat, dimLevel: cb.level, dimYear: cb.year} {
				if v >= 0 {
					counts[base[dim]+v] += c
				}
			}
		}
	} else {
		for _, p := range ps {
			for dim, v := range ft.values(p.doc) {
				if v >= 0 {
					counts[base[dim]+v]++
				}
			}
		}
	}
	nz := 0
	for _, c := range counts {
		if c > 0 {
			nz++
		}
	}
	e := encoder{b: dst}
	e.uvarint(nz)
	prev := 0
	for i, c := range counts {
		if c > 0 {
			e.uvarint(i - prev)
			e.uvarint(c)
			prev = i
			counts[i] = 0
		}
	}
	return e.b
}

// keyOrder returns the indexes of terms in key order. The terms come in a
// few ascending runs (m, u, t), which it merges.
func keyOrder(terms []termEntry) []int32 {
	order := make([]int32, len(terms))
	var runs []int // run starts, then len(terms)
	for i := range terms {
		order[i] = int32(i)
		if i == 0 || terms[i].key < terms[i-1].key {
			runs = append(runs, i)
		}
	}
	runs = append(runs, len(terms))
	buf := make([]int32, len(terms))
	for len(runs) > 2 {
		next := runs[:0:0]
		for r := 0; r+1 < len(runs); r += 2 {
			lo := runs[r]
			next = append(next, lo)
			if r+2 >= len(runs) { // an odd run out
				copy(buf[lo:], order[lo:])
				continue
			}
			mid, hi := runs[r+1], runs[r+2]
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				if terms[order[j]].key < terms[order[i]].key {
					buf[k] = order[j]
					j++
				} else {
					buf[k] = order[i]
					i++
				}
				k++
			}
			k += copy(buf[k:], order[i:mid])
			copy(buf[k:], order[j:hi])
		}
		next = append(next, len(terms))
		runs = next
		order, buf = buf, order
	}
	return order
}
