package search

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"slices"
	"strconv"
	"strings"
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
	// Written in place, with room for the next posting: at most 20 bytes
	// (documents and combos are below maxDocs, impacts below 128).
	const most = 20
	b := slices.Grow(e.b, 3*len(ps)+most)
	n := len(b)
	b = b[:cap(b)]
	for i, p := range ps {
		if len(b)-n < most {
			b = slices.Grow(b[:n], len(b)/2+most)
			b = b[:cap(b)]
		}
		if i > 0 && p.title == ps[i-1].title && p.bi == ps[i-1].bi {
			n = putUvarint(b, n, p.doc-ps[i-1].doc)
		} else {
			b[n] = 0
			n = putUvarint(b, n+1, p.title)
			n = putUvarint(b, n, p.bi)
			n = putUvarint(b, n, p.doc)
		}
		n = putUvarint(b, n, p.combo)
	}
	e.b = b[:n]
}

// putUvarint writes varint v at b[n:], which has room for it, and returns
// the end.
func putUvarint(b []byte, n, v int) int {
	if v < 0 {
		panic("negative varint")
	}
	if v < 0x80 {
		b[n] = byte(v)
		return n + 1
	}
	return n + binary.PutUvarint(b[n:], uint64(v))
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

// Paths of the index files, relative to the index directory:
// t/<i>.<g>.bin, r/<i>.<g>.json and <kind>/<i>.<x>.bin (see doc.go).
func shardPath(i int, groupHash string) string {
	return string(appendIndexPath(nil, "", 't', i, groupHash, ".bin"))
}

func chunkPath(i int, groupHash string) string {
	return string(appendIndexPath(nil, "", 'r', i, groupHash, ".json"))
}

func packPath(kind byte, i int, h uint32) string {
	x := packHash(h)
	return string(appendIndexPath(nil, "", kind, i, string(x[:]), ".bin"))
}

const hexDigits = "0123456789abcdef"

// packHash is the name of a pack's hash, in 8 hex digits.
func packHash(h uint32) (x [8]byte) {
	for k := range x {
		x[k] = hexDigits[h>>(28-4*k)&0xF]
	}
	return x
}

// appendIndexPath appends dir, then the path of an index file.
func appendIndexPath(b []byte, dir string, kind byte, i int, hash, ext string) []byte {
	b = append(b, dir...)
	b = append(b, kind, '/')
	b = strconv.AppendInt(b, int64(i), 10)
	b = append(b, '.')
	b = append(b, hash...)
	return append(b, ext...)
}

// pathMaker makes the paths of the exported files, Dir/ then an index
// path; they lie one after the other in blocks (one allocation each): a
// strings.Builder never changes the bytes its String has returned.
type pathMaker struct {
	block strings.Builder
	buf   []byte
}

func (m *pathMaker) path(kind byte, i int, hash, ext string) string {
	m.buf = appendIndexPath(m.buf[:0], Dir+"/", kind, i, hash, ext)
	if m.block.Cap()-m.block.Len() < len(m.buf) {
		m.block = strings.Builder{}
		m.block.Grow(max(16<<10, len(m.buf)))
	}
	start := m.block.Len()
	m.block.Write(m.buf)
	return m.block.String()[start:]
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
