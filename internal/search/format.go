package search

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
)

// FormatVersion names the on-disk format described in doc.go.
const FormatVersion = "sunlight-search/1"

// Dir is the directory, relative to the site root, that holds the index.
const Dir = "search"

var errCorrupt = errors.New("corrupt index file")

type encoder struct{ b []byte }

func (e *encoder) uvarint(v int) {
	if v < 0 {
		panic("negative varint")
	}
	e.b = binary.AppendUvarint(e.b, uint64(v))
}

func (e *encoder) u32(v uint32) { e.b = binary.LittleEndian.AppendUint32(e.b, v) }

type decoder struct {
	b   []byte
	off int
	err error
}

func (d *decoder) uvarint() int {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.off:])
	if n <= 0 || v > 1<<40 {
		d.err = errCorrupt
		return 0
	}
	d.off += n
	return int(v)
}

func (d *decoder) u32() uint32 {
	if d.err != nil || d.off+4 > len(d.b) {
		d.err = errCorrupt
		return 0
	}
	v := binary.LittleEndian.Uint32(d.b[d.off:])
	d.off += 4
	return v
}

func (d *decoder) bytes(n int) []byte {
	if d.err != nil || n < 0 || d.off+n > len(d.b) {
		d.err = errCorrupt
		return nil
	}
	v := d.b[d.off : d.off+n]
	d.off += n
	return v
}

// encodePostings appends postings in the list encoding: per posting a
// varint x; x = 0 starts a group and is followed by varints title, bi, doc;
// otherwise doc = previous doc + x (same title and bi). Then varint combo.
func encodePostings(e *encoder, ps []posting) {
	for i, p := range ps {
		if i > 0 && p.title == ps[i-1].title && p.bi == ps[i-1].bi {
			e.uvarint(p.doc - ps[i-1].doc)
		} else {
			e.uvarint(0)
			e.uvarint(p.title)
			e.uvarint(p.bi)
			e.uvarint(p.doc)
		}
		e.uvarint(p.combo)
	}
}

func decodePostings(d *decoder, n int, out []posting) []posting {
	var prev posting
	for i := 0; i < n && d.err == nil; i++ {
		var p posting
		if x := d.uvarint(); x == 0 {
			p.title, p.bi, p.doc = d.uvarint(), d.uvarint(), d.uvarint()
		} else {
			p.title, p.bi, p.doc = prev.title, prev.bi, prev.doc+x
		}
		p.combo = d.uvarint()
		out = append(out, p)
		prev = p
	}
	return out
}

// encodeDocs appends the title set of a large term: varint count+1, then
// document deltas in increasing order. A count of 0 (written as 0) means
// unknown; see decodeTitleDocs. docs is scratch space, returned for reuse.
func encodeDocs(e *encoder, ps []posting, docs []int) []int {
	docs = docs[:0]
	for _, p := range ps {
		docs = append(docs, p.doc)
	}
	slices.Sort(docs)
	e.uvarint(len(docs) + 1)
	prev := 0
	for _, d := range docs {
		e.uvarint(d - prev)
		prev = d
	}
	return docs
}

// decodeTitleDocs returns the documents listed by encodeDocs and whether
// the list is known.
func decodeTitleDocs(d *decoder) ([]int, bool) {
	n := d.uvarint()
	if n == 0 {
		return nil, false
	}
	out := make([]int, 0, n-1)
	doc := 0
	for i := 0; i < n-1 && d.err == nil; i++ {
		doc += d.uvarint()
		out = append(out, doc)
	}
	return out, true
}

// fnv1a is the 32-bit FNV-1a hash of s; it assigns term keys to shards.
func fnv1a(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func contentHash(parts ...[]byte) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write(p)
	}
	return hex.EncodeToString(h.Sum(nil))[:8]
}

func hash32(b []byte) uint32 {
	s := sha256.Sum256(b)
	return binary.LittleEndian.Uint32(s[:])
}

// Paths of the index files, relative to the index directory.
func shardPath(i int, groupHash string) string { return fmt.Sprintf("t/%d.%s.bin", i, groupHash) }
func chunkPath(i int, groupHash string) string { return fmt.Sprintf("r/%d.%s.json", i, groupHash) }
func packPath(kind byte, i int, h uint32) string {
	return fmt.Sprintf("%c/%d.%08x.bin", kind, i, h)
}

// ref locates a blob inside a pack file.
type ref struct {
	pack   int
	hash   uint32
	off, n int
}

func (e *encoder) ref(r ref) {
	e.uvarint(r.pack)
	e.u32(r.hash)
	e.uvarint(r.off)
	e.uvarint(r.n)
}

// uvarintLen is the length of the varint of v.
func uvarintLen(v int) int {
	n := 1
	for ; v >= 0x80; v >>= 7 {
		n++
	}
	return n
}

func (d *decoder) ref() ref {
	return ref{pack: d.uvarint(), hash: d.u32(), off: d.uvarint(), n: d.uvarint()}
}

// entryJSON is the entry file.
type entryJSON struct {
	Format      string   `json:"format"`
	Docs        int      `json:"docs"`
	PageSize    int      `json:"pageSize"`
	TopK        int      `json:"topK"`
	Members     int      `json:"members"`
	Shards      int      `json:"shards"`
	ShardGroup  int      `json:"shardGroup"`
	ShardHashes []string `json:"shardHashes"`
	ChunkDocs   int      `json:"chunkDocs"`
	ChunkGroup  int      `json:"chunkGroup"`
	ChunkHashes []string `json:"chunkHashes"`
	Meta        string   `json:"meta"`
	Browse      string   `json:"browse"`
}

// metaJSON is the facet metadata file.
type metaJSON struct {
	Units      [][4]any `json:"units"` // id, name, first doc, end doc
	Types      []string `json:"types"`
	Categories []string `json:"categories"`
	Levels     []string `json:"levels"`
	Years      []int    `json:"years"`
	Combos     [][5]int `json:"combos"` // type, category, level, year (-1 none), hasFine 0/1
	Counts     [][]int  `json:"counts"` // per dimension, per value
}
