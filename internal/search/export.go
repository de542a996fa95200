package search

import (
	"encoding/json"
	"fmt"
	"path"
	"slices"
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

type termEntry struct {
	key      string
	df       int
	tier0    []byte
	overflow ref
	facets   ref
}

type packer struct {
	kind   byte
	target int
	packs  [][]byte
}

func (p *packer) add(b []byte) ref {
	if len(p.packs) == 0 || len(p.packs[len(p.packs)-1])+len(b) > p.target && len(p.packs[len(p.packs)-1]) > 0 {
		p.packs = append(p.packs, nil)
	}
	i := len(p.packs) - 1
	r := ref{pack: i, off: len(p.packs[i]), n: len(b)}
	p.packs[i] = append(p.packs[i], b...)
	return r
}

func (p *packer) finish(r *ref) { r.hash = hash32(p.packs[r.pack]) }

func (p *packer) files(dir string) []File {
	out := make([]File, len(p.packs))
	for i, b := range p.packs {
		out[i] = File{Path: path.Join(dir, packPath(p.kind, i, hash32(b))), Data: b}
	}
	return out
}

// Export writes the static index: see doc.go for the format. The returned
// files are in a deterministic order; the caller writes them.
func (ix *Index) Export() ([]File, Stats, error) { return ix.export(ix.walkTerms) }

// export is Export with the terms and their postings from walk.
func (ix *Index) export(walk func(termPostingsFunc) error) ([]File, Stats, error) {
	opt := ix.opt
	var st Stats
	var terms []termEntry
	over := &packer{kind: 'o', target: opt.PackBytes}
	facet := &packer{kind: 'f', target: opt.PackBytes / 8}
	err := walk(func(key string, ps []posting) error {
		te := termEntry{key: key, df: len(ps)}
		var e encoder
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
				encodeDocs(&e, ps[k:titles])
			} else {
				e.uvarint(0) // unknown
			}
			var o encoder
			encodePostings(&o, ps[k:])
			te.overflow = over.add(o.b)
			te.facets = facet.add(ix.facetVector(ps))
		}
		te.tier0 = e.b
		terms = append(terms, te)
		return nil
	})
	if err != nil {
		return nil, st, fmt.Errorf("search: export: %w", err)
	}
	var files []File

	// Dictionary shards.
	total := 0
	entries := make([][]byte, len(terms))
	for i := range terms {
		te := &terms[i]
		var e encoder
		e.uvarint(len(te.key))
		e.b = append(e.b, te.key...)
		e.uvarint(te.df)
		e.b = append(e.b, te.tier0...)
		if te.df > opt.Members {
			over.finish(&te.overflow)
			facet.finish(&te.facets)
			e.ref(te.overflow)
			e.ref(te.facets)
		}
		entries[i] = e.b
		total += len(e.b)
	}
	nShards := max(1, (total+opt.ShardBytes-1)/opt.ShardBytes)
	byShard := make([][]int, nShards)
	for i, te := range terms {
		s := int(fnv1a(te.key) % uint32(nShards))
		byShard[s] = append(byShard[s], i)
	}
	shards := make([][]byte, nShards)
	for s, idx := range byShard {
		slices.SortFunc(idx, func(a, b int) int {
			if terms[a].key < terms[b].key {
				return -1
			}
			return 1
		})
		var e encoder
		e.uvarint(len(idx))
		for _, i := range idx {
			e.b = append(e.b, entries[i]...)
		}
		shards[s] = e.b
	}
	shardGroup := (nShards + 63) / 64
	var shardHashes []string
	for g := 0; g*shardGroup < nShards; g++ {
		shardHashes = append(shardHashes, contentHash(shards[g*shardGroup:min(nShards, (g+1)*shardGroup)]...))
	}
	for s, b := range shards {
		files = append(files, File{Path: path.Join(Dir, shardPath(s, shardHashes[s/shardGroup])), Data: b})
		st.ShardBytes += len(b)
	}

	// Result chunks.
	nChunks := max(1, (len(ix.docs)+opt.ChunkDocs-1)/opt.ChunkDocs)
	chunks := make([][]byte, nChunks)
	for c := range chunks {
		recs := [][]any{}
		for i := c * opt.ChunkDocs; i < min(len(ix.docs), (c+1)*opt.ChunkDocs); i++ {
			d := ix.docs[i]
			url := d.URL
			if url == d.ID {
				url = "" // the common case: the ID is the URL
			}
			r := []any{d.ID, url, d.Title, d.Body}
			if d.HasFine {
				r = append(r, d.FineMin, d.FineMax)
			}
			recs = append(recs, r)
		}
		b, err := json.Marshal(recs)
		if err != nil {
			return nil, st, err
		}
		chunks[c] = b
	}
	chunkGroup := (nChunks + 63) / 64
	var chunkHashes []string
	for g := 0; g*chunkGroup < nChunks; g++ {
		chunkHashes = append(chunkHashes, contentHash(chunks[g*chunkGroup:min(nChunks, (g+1)*chunkGroup)]...))
	}
	for c, b := range chunks {
		files = append(files, File{Path: path.Join(Dir, chunkPath(c, chunkHashes[c/chunkGroup])), Data: b})
		st.ChunkBytes += len(b)
	}

	// Packs.
	for _, p := range []*packer{over, facet} {
		for _, f := range p.files(Dir) {
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
		Format: FormatVersion, Docs: len(ix.docs), PageSize: PageSize, TopK: opt.TopK, Members: opt.Members,
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
	st.Terms, st.Shards, st.Chunks = len(terms), nShards, nChunks
	st.EntryBytes, st.MetaBytes, st.BrowseBytes = len(eb), len(mb), len(be.b)
	return files, st, nil
}

// facetVector counts a term's postings per facet value: pairs of (value
// index delta, count) over the concatenated value index space of the
// dimensions unit, type, category, level, year.
func (ix *Index) facetVector(ps []posting) []byte {
	ft := &ix.facets
	var base [numDims]int
	n := 0
	for dim := range base {
		base[dim] = n
		n += ft.dimSize(dim)
	}
	counts := make([]int, n)
	for _, p := range ps {
		for dim, v := range ft.values(p.doc) {
			if v >= 0 {
				counts[base[dim]+v]++
			}
		}
	}
	var e encoder
	nz := 0
	for _, c := range counts {
		if c > 0 {
			nz++
		}
	}
	e.uvarint(nz)
	prev := 0
	for i, c := range counts {
		if c > 0 {
			e.uvarint(i - prev)
			e.uvarint(c)
			prev = i
		}
	}
	return e.b
}
