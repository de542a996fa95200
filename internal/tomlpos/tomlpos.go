// Package tomlpos maps the keys of a TOML document to their positions.
//
// The TOML decoder reports syntax errors with positions but not where each
// key was written, which the loader needs for every later diagnostic
// ("unknown key", "missing value", "unknown flow"). Scan walks the document
// structurally (tables, arrays of tables, inline tables, arrays, strings
// and comments) without evaluating values and records, for each key path,
// the line and column where it was written:
//
//	code = "A"              → "code"
//	[time_limit]            → "time_limit"
//	statutory_days = 20     → "time_limit.statutory_days"
//	[[steps]]               → "steps[0]"
//	next = ["a", {to="b"}]  → "steps[0].next", "steps[0].next[0]",
//	                          "steps[0].next[1]", "steps[0].next[1].to"
//
// Array elements get [i] indices; arrays of tables count their headers.
// Columns count runes. Scan never fails: on malformed input it records what
// it could (the decoder reports the syntax error itself).
package tomlpos

import (
	"sort"
	"strconv"
	"strings"
)

// Pos is a 1-based line and rune column.
type Pos struct{ Line, Col int }

// Index holds the position of every key path in one document.
type Index struct {
	pos  map[string]Pos
	keys []string // in document order
}

// Lookup returns the position of path, or of its nearest recorded
// ancestor ("a[2].b.c" → "a[2].b" → "a[2]" → "a"), and whether path itself
// was found. The zero Pos means nothing matched.
func (ix *Index) Lookup(path string) (Pos, bool) {
	if p, ok := ix.pos[path]; ok {
		return p, true
	}
	for path != "" {
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
		if p, ok := ix.pos[path]; ok {
			return p, false
		}
	}
	return Pos{}, false
}

// Keys returns every recorded path in document order.
func (ix *Index) Keys() []string { return ix.keys }

// Has reports whether path was written in the document.
func (ix *Index) Has(path string) bool { _, ok := ix.pos[path]; return ok }

// Children returns the direct child key names of path (not array indices),
// sorted.
func (ix *Index) Children(path string) []string {
	prefix := path + "."
	if path == "" {
		prefix = ""
	}
	seen := map[string]bool{}
	for _, k := range ix.keys {
		if !strings.HasPrefix(k, prefix) {
			continue
		}
		rest := k[len(prefix):]
		if i := strings.IndexAny(rest, ".["); i >= 0 {
			rest = rest[:i]
		}
		if rest != "" {
			seen[rest] = true
		}
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Scan indexes src.
func Scan(src string) *Index {
	s := &scanner{src: []rune(src), line: 1, col: 1, ix: &Index{pos: map[string]Pos{}}, arr: map[string]int{}}
	s.document()
	return s.ix
}

type scanner struct {
	src       []rune
	i         int
	line, col int
	ix        *Index
	arr       map[string]int // array-of-tables path → current index
}

func (s *scanner) record(path string, p Pos) {
	if _, dup := s.ix.pos[path]; !dup {
		s.ix.keys = append(s.ix.keys, path)
	}
	s.ix.pos[path] = p
}

func (s *scanner) eof() bool { return s.i >= len(s.src) }

func (s *scanner) peek() rune {
	if s.eof() {
		return 0
	}
	return s.src[s.i]
}

func (s *scanner) next() rune {
	r := s.src[s.i]
	s.i++
	if r == '\n' {
		s.line++
		s.col = 1
	} else {
		s.col++
	}
	return r
}

func (s *scanner) here() Pos { return Pos{s.line, s.col} }

// skipSpace skips blanks; with nl also newlines and comments.
func (s *scanner) skipSpace(nl bool) {
	for !s.eof() {
		switch r := s.peek(); {
		case r == ' ' || r == '\t' || r == '\r' || r == '\ufeff':
			s.next()
		case r == '#':
			for !s.eof() && s.peek() != '\n' {
				s.next()
			}
		case r == '\n' && nl:
			s.next()
		default:
			return
		}
	}
}

func (s *scanner) skipLine() {
	for !s.eof() && s.next() != '\n' {
	}
}

func (s *scanner) document() {
	prefix := ""
	for {
		s.skipSpace(true)
		if s.eof() {
			return
		}
		switch s.peek() {
		case '[':
			p := s.here()
			s.next()
			array := false
			if s.peek() == '[' {
				s.next()
				array = true
			}
			s.skipSpace(false)
			segs := s.key()
			prefix = s.resolve(segs, array)
			if array { // the array itself sits where its first element starts
				if i := strings.LastIndexByte(prefix, '['); i > 0 && !s.ix.Has(prefix[:i]) {
					s.record(prefix[:i], p)
				}
			}
			s.record(prefix, p)
			s.skipLine()
		default:
			s.keyValue(prefix)
			s.skipLine()
		}
	}
}

// resolve turns header segments into a path with array indices.
func (s *scanner) resolve(segs []string, array bool) string {
	cur := ""
	for i, seg := range segs {
		p := join(cur, seg)
		if i == len(segs)-1 && array {
			idx, ok := s.arr[p]
			if ok {
				idx++
			}
			s.arr[p] = idx
			return p + "[" + strconv.Itoa(idx) + "]"
		}
		if idx, ok := s.arr[p]; ok {
			p += "[" + strconv.Itoa(idx) + "]"
		}
		cur = p
	}
	return cur
}

func join(prefix, k string) string {
	if prefix == "" {
		return k
	}
	return prefix + "." + k
}

// key reads a dotted key and returns its segments.
func (s *scanner) key() []string {
	var segs []string
	for !s.eof() {
		s.skipSpace(false)
		var seg string
		switch s.peek() {
		case '"':
			seg = s.basicString()
		case '\'':
			seg = s.literalString()
		default:
			var b strings.Builder
			for !s.eof() {
				r := s.peek()
				if r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f && r != '\ufeff' && r != '\u3000' {
					b.WriteRune(s.next())
					continue
				}
				break
			}
			seg = b.String()
			if seg == "" {
				return segs
			}
		}
		segs = append(segs, seg)
		s.skipSpace(false)
		if s.peek() != '.' {
			return segs
		}
		s.next()
	}
	return segs
}

func (s *scanner) keyValue(prefix string) {
	p := s.here()
	segs := s.key()
	if len(segs) == 0 {
		return
	}
	path := prefix
	for _, seg := range segs {
		path = join(path, seg)
		s.record(path, p)
	}
	s.skipSpace(false)
	if s.peek() != '=' {
		return
	}
	s.next()
	s.skipSpace(false)
	s.value(path)
}

func (s *scanner) value(path string) {
	switch s.peek() {
	case '"':
		s.basicString()
	case '\'':
		s.literalString()
	case '[':
		s.next()
		for n := 0; ; n++ {
			s.skipSpace(true)
			if s.eof() || s.peek() == ']' {
				if !s.eof() {
					s.next()
				}
				return
			}
			el := path + "[" + strconv.Itoa(n) + "]"
			s.record(el, s.here())
			start := s.i
			s.value(el)
			s.skipSpace(true)
			if s.peek() == ',' {
				s.next()
			} else if s.i == start && !s.eof() && s.peek() != ']' {
				s.next() // malformed: make progress
			}
		}
	case '{':
		s.next()
		for {
			s.skipSpace(false)
			if s.eof() || s.peek() == '}' || s.peek() == '\n' {
				if !s.eof() && s.peek() == '}' {
					s.next()
				}
				return
			}
			start := s.i
			s.keyValue(path)
			s.skipSpace(false)
			if s.peek() == ',' {
				s.next()
			} else if s.i == start {
				s.next()
			}
		}
	default:
		for !s.eof() {
			r := s.peek()
			if r == ',' || r == ']' || r == '}' || r == '\n' || r == '#' {
				return
			}
			s.next()
		}
	}
}

func (s *scanner) basicString() string {
	if s.hasPrefix(`"""`) {
		s.advance(3)
		var b strings.Builder
		for !s.eof() && !s.hasPrefix(`"""`) {
			if s.peek() == '\\' {
				s.next()
				if !s.eof() {
					s.next()
				}
				continue
			}
			b.WriteRune(s.next())
		}
		s.advance(3)
		for s.peek() == '"' { // up to two extra quotes belong to the content
			s.next()
		}
		return b.String()
	}
	s.next()
	var b strings.Builder
	for !s.eof() && s.peek() != '"' && s.peek() != '\n' {
		if s.peek() == '\\' {
			s.next()
			if !s.eof() {
				b.WriteRune(unescape(s.next()))
			}
			continue
		}
		b.WriteRune(s.next())
	}
	if s.peek() == '"' {
		s.next()
	}
	return b.String()
}

func unescape(r rune) rune {
	switch r {
	case 'n':
		return '\n'
	case 't':
		return '\t'
	}
	return r
}

func (s *scanner) literalString() string {
	if s.hasPrefix(`'''`) {
		s.advance(3)
		var b strings.Builder
		for !s.eof() && !s.hasPrefix(`'''`) {
			b.WriteRune(s.next())
		}
		s.advance(3)
		for s.peek() == '\'' {
			s.next()
		}
		return b.String()
	}
	s.next()
	var b strings.Builder
	for !s.eof() && s.peek() != '\'' && s.peek() != '\n' {
		b.WriteRune(s.next())
	}
	if s.peek() == '\'' {
		s.next()
	}
	return b.String()
}

func (s *scanner) hasPrefix(p string) bool {
	rs := []rune(p)
	if s.i+len(rs) > len(s.src) {
		return false
	}
	for j, r := range rs {
		if s.src[s.i+j] != r {
			return false
		}
	}
	return true
}

func (s *scanner) advance(n int) {
	for ; n > 0 && !s.eof(); n-- {
		s.next()
	}
}
