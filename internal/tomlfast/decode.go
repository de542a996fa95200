package tomlfast

import (
	"reflect"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Decoder decodes documents. It keeps the plans it makes for the types it
// meets, and is safe for concurrent use.
type Decoder struct {
	mu        sync.RWMutex
	plans     map[reflect.Type]*plan
	localDate *time.Location // the zone BurntSushi gives local dates; nil: hand dates back
	states    sync.Pool      // *state
}

// New returns a Decoder.
func New() *Decoder {
	d := &Decoder{plans: map[reflect.Type]*plan{}}
	// BurntSushi gives a local date the zone of a private variable; ask it.
	var m map[string]any
	if _, err := toml.Decode("d = 2000-01-01", &m); err == nil {
		if t, ok := m["d"].(time.Time); ok {
			d.localDate = t.Location()
		}
	}
	return d
}

// Decode decodes src into the zero struct v points to and returns true, or
// returns false with *v left zero when src is outside what the package
// decodes or is wrong in any way (see the package documentation); the
// caller then decodes it with toml.Decode.
func (d *Decoder) Decode(src string, v any) bool {
	return utf8.ValidString(src) && d.DecodeValid(src, v)
}

// DecodeValid is [Decoder.Decode] for a src the caller knows to be valid
// UTF-8 (as textenc.Decode returns it): it skips that check, a pass over
// the whole text. Given invalid UTF-8 it may decode what toml.Decode
// rejects.
func (d *Decoder) DecodeValid(src string, v any) (ok bool) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return false
	}
	root := d.planOf(rv.Type().Elem())
	rv = rv.Elem()
	if root.kind != structKind || !rv.IsZero() || strings.IndexByte(src, '\r') >= 0 {
		return false
	}
	s, _ := d.states.Get().(*state)
	if s == nil {
		s = &state{defs: map[defKey]def{}}
	}
	s.d, s.src, s.pos, s.ids, s.scal = d, src, 0, 0, s.scal[:0]
	defer func() {
		if recover() != nil { // an Unmarshaler's panic, say: the reference decides
			ok = false
		}
		if !ok {
			rv.SetZero()
		}
		clear(s.defs)
		s.keys = s.keys[:0]
		s.src, s.d = "", nil
		d.states.Put(s)
	}()
	return s.document(root, rv)
}

func (d *Decoder) planOf(t reflect.Type) *plan {
	d.mu.RLock()
	p, ok := d.plans[t]
	d.mu.RUnlock()
	if ok {
		return p
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if p, ok := d.plans[t]; ok {
		return p
	}
	made := map[reflect.Type]*plan{}
	p = makePlan(t, made)
	d.plans[t] = p
	return p
}

// state is one document being decoded.
type state struct {
	d    *Decoder
	src  string
	pos  int
	defs map[defKey]def // the keys defined as tables, and values past keys' reach
	keys []uint64       // by table id: bit i is set once field i (< 64) is defined
	ids  int32          // the last table id given out; the root table is 0
	buf  []byte         // for strings with escapes
	scal []scalar       // for arrays of scalars
}

// defKey names a key of a table: the table's id and the key.
type defKey struct {
	table int32
	key   string
}

// def is what a key was defined as.
type def struct {
	kind defKind
	id   int32 // the table's id; for an array of tables, its last element's
}

type defKind uint8

const (
	valueDef    defKind = iota // key = value (inline tables and arrays included)
	implicitDef                // a table named on the way to another: [a] in [a.b]
	explicitDef                // a table with its own header
	arrayDef                   // an array of tables, [[a]]
)

func (s *state) newID() int32 {
	s.ids++
	return s.ids
}

// document decodes the whole text into the root struct v.
func (s *state) document(root *plan, v reflect.Value) bool {
	table, tp, tv := int32(0), root, v
	for {
		if !s.skipBlank() {
			return false
		}
		if s.pos >= len(s.src) {
			return true
		}
		if s.src[s.pos] == '[' {
			var ok bool
			if table, tp, tv, ok = s.header(root, v); !ok {
				return false
			}
		} else if !s.keyValue(table, tp, tv) {
			return false
		}
		if !s.lineEnd() {
			return false
		}
	}
}

// keyValue decodes key = value into the struct v of table.
func (s *state) keyValue(table int32, p *plan, v reflect.Value) bool {
	key, ok := s.key()
	return ok && s.field(table, p, v, key)
}

// key reads a bare key, the equals sign after it and the blanks around it.
func (s *state) key() (string, bool) {
	key, ok := s.bareKey()
	if !ok {
		return "", false
	}
	s.skipWS()
	if s.pos >= len(s.src) || s.src[s.pos] != '=' {
		return "", false // a dotted or quoted key, or no value
	}
	s.pos++
	s.skipWS()
	return key, true
}

// field decodes the value at the cursor into the field key of the struct v
// of table, which must not have been given a value yet.
func (s *state) field(table int32, p *plan, v reflect.Value, key string) bool {
	f, ok := p.fields[key]
	if !ok {
		return false
	}
	if _, dup := s.def(table, f.index, key); dup {
		return false
	}
	s.define(table, f.index, key, def{kind: valueDef})
	return s.value(f.plan, v.Field(f.index))
}

// def returns the definition of the field i, named key, of table. A
// field below 64 is looked up by a bit of s.keys; only a table has its
// definition in s.defs, a value none.
func (s *state) def(table int32, i int, key string) (def, bool) {
	if i < 64 {
		if int(table) >= len(s.keys) || s.keys[table]&(1<<i) == 0 {
			return def{}, false
		}
		if d, ok := s.defs[defKey{table, key}]; ok {
			return d, true
		}
		return def{kind: valueDef}, true
	}
	d, ok := s.defs[defKey{table, key}]
	return d, ok
}

// define records the definition of the field i, named key, of table.
func (s *state) define(table int32, i int, key string, d def) {
	if i < 64 {
		for int(table) >= len(s.keys) {
			s.keys = append(s.keys, 0)
		}
		s.keys[table] |= 1 << i
		if d.kind == valueDef {
			return
		}
	}
	s.defs[defKey{table, key}] = d
}

// header reads [a.b] or [[a.b]] and returns the table it opens.
func (s *state) header(root *plan, rv reflect.Value) (int32, *plan, reflect.Value, bool) {
	fail := func() (int32, *plan, reflect.Value, bool) { return 0, nil, reflect.Value{}, false }
	array := strings.HasPrefix(s.src[s.pos:], "[[")
	s.pos++
	if array {
		s.pos++
	}
	table, p, v := int32(0), root, rv
	for {
		key, ok := s.bareKey()
		if !ok {
			return fail()
		}
		last := s.pos >= len(s.src) || s.src[s.pos] != '.'
		f, ok := p.fields[key]
		if !ok {
			return fail()
		}
		fp, fv := deref(f.plan, v.Field(f.index))
		d, defined := s.def(table, f.index, key)
		switch {
		case last && array:
			if fp.kind != sliceKind || (defined && d.kind != arrayDef) {
				return fail()
			}
			if _, ok := fp.elem.table(); !ok {
				return fail()
			}
			p, v = deref(fp.elem, appendZero(fv))
			parent := table
			table = s.newID()
			s.define(parent, f.index, key, def{kind: arrayDef, id: table})
		case !defined:
			if fp.kind != structKind {
				return fail()
			}
			parent := table
			table, p, v = s.newID(), fp, fv
			d := def{kind: implicitDef, id: table}
			if last {
				d.kind = explicitDef
			}
			s.define(parent, f.index, key, d)
		case d.kind == implicitDef || d.kind == explicitDef && !last:
			if last {
				s.define(table, f.index, key, def{kind: explicitDef, id: d.id})
			}
			table, p, v = d.id, fp, fv
		case d.kind == arrayDef && !last:
			p, v = deref(fp.elem, fv.Index(fv.Len()-1))
			table = d.id
		default: // a table defined twice, or a value reopened as a table
			return fail()
		}
		if last {
			break
		}
		s.pos++ // the dot
	}
	closing := "]"
	if array {
		closing = "]]"
	}
	if !strings.HasPrefix(s.src[s.pos:], closing) {
		return fail()
	}
	s.pos += len(closing)
	return table, p, v, true
}

// appendZero appends a zero element to the slice v and returns it. A
// slice starts with room for 4 (reflect.Append grows it one element at a
// time and copies the slice header on every call).
func appendZero(v reflect.Value) reflect.Value {
	n := v.Len()
	if n == v.Cap() {
		v.Grow(max(n, 4))
	}
	v.SetLen(n + 1)
	e := v.Index(n)
	e.SetZero()
	return e
}

// value decodes the value at the cursor into v.
func (s *state) value(p *plan, v reflect.Value) bool {
	p, v = deref(p, v)
	switch p.kind {
	case structKind:
		return s.inlineTable(p, v)
	case sliceKind:
		return s.array(p, v)
	case unmarshalerKind:
		g, ok := s.generic()
		if !ok {
			return false
		}
		return v.Addr().Interface().(toml.Unmarshaler).UnmarshalTOML(g) == nil
	case unsupported:
		return false
	}
	sc, ok := s.scalar()
	return ok && sc.store(p, v)
}

// inlineTable decodes {k = v, …} into the struct v.
func (s *state) inlineTable(p *plan, v reflect.Value) bool {
	table := s.newID()
	return s.tableItems(func(key string) bool { return s.field(table, p, v, key) })
}

// array decodes [a, b, …] into the slice v.
func (s *state) array(p *plan, v reflect.Value) bool {
	scalars := p.elem.kind >= stringKind && p.elem.kind <= boolKind
	first := len(s.scal) // arrays of scalars collect into s.scal[first:]
	defer func() { s.scal = s.scal[:first] }()
	out := reflect.MakeSlice(p.typ, 0, 0)
	n := 0
	ok := s.arrayItems(func() bool {
		n++
		if scalars {
			sc, ok := s.scalar()
			s.scal = append(s.scal, sc)
			return ok
		}
		out = reflect.Append(out, reflect.Zero(p.elem.typ))
		return s.value(p.elem, out.Index(n-1))
	})
	if !ok {
		return false
	}
	if scalars {
		out = reflect.MakeSlice(p.typ, n, n)
		for i, sc := range s.scal[first:] {
			if !sc.store(p.elem, out.Index(i)) {
				return false
			}
		}
	}
	v.Set(out)
	return true
}

// generic reads the value at the cursor as BurntSushi gives it to an
// Unmarshaler.
func (s *state) generic() (any, bool) {
	if s.pos >= len(s.src) {
		return nil, false
	}
	switch s.src[s.pos] {
	case '[':
		out := make([]any, 0, 2)
		ok := s.arrayItems(func() bool {
			g, ok := s.generic()
			out = append(out, g)
			return ok
		})
		return out, ok
	case '{':
		out := map[string]any{}
		ok := s.tableItems(func(key string) bool {
			if _, dup := out[key]; dup {
				return false
			}
			g, ok := s.generic()
			out[key] = g
			return ok
		})
		return out, ok
	}
	sc, ok := s.scalar()
	if !ok {
		return nil, false
	}
	switch sc.typ {
	case stringScalar:
		return sc.s, true
	case intScalar:
		return sc.i, true
	case floatScalar:
		return sc.f, true
	case boolScalar:
		return sc.b, true
	}
	return sc.t, true
}

// arrayItems reads [item, item, …], over several lines with comments and
// a trailing comma if need be, calling item with the cursor at each item.
func (s *state) arrayItems(item func() bool) bool {
	if s.pos >= len(s.src) || s.src[s.pos] != '[' {
		return false
	}
	s.pos++
	for {
		if !s.skipBlank() {
			return false
		}
		if s.pos < len(s.src) && s.src[s.pos] == ']' {
			break
		}
		if !item() || !s.skipBlank() || s.pos >= len(s.src) {
			return false
		}
		if s.src[s.pos] == ',' {
			s.pos++
			continue
		}
		if s.src[s.pos] != ']' {
			return false
		}
		break
	}
	s.pos++ // ]
	return true
}

// tableItems reads {key = value, …} on one line, without a trailing
// comma, calling item with each key and the cursor at its value.
func (s *state) tableItems(item func(key string) bool) bool {
	if s.pos >= len(s.src) || s.src[s.pos] != '{' {
		return false
	}
	s.pos++
	s.skipWS()
	if s.pos < len(s.src) && s.src[s.pos] == '}' {
		s.pos++
		return true
	}
	for {
		key, ok := s.key()
		if !ok || !item(key) {
			return false
		}
		s.skipWS()
		if s.pos >= len(s.src) {
			return false
		}
		switch s.src[s.pos] {
		case '}':
			s.pos++
			return true
		case ',':
			s.pos++
			s.skipWS()
		default:
			return false
		}
	}
}

// bareKey reads a bare key.
func (s *state) bareKey() (string, bool) {
	i := s.pos
	for i < len(s.src) && isBare(s.src[i]) {
		i++
	}
	if i == s.pos {
		return "", false
	}
	key := s.src[s.pos:i]
	s.pos = i
	return key, true
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

func (s *state) skipWS() {
	for s.pos < len(s.src) && (s.src[s.pos] == ' ' || s.src[s.pos] == '\t') {
		s.pos++
	}
}

// skipBlank skips spaces, newlines and comments; it reports false on a
// comment with a control character.
func (s *state) skipBlank() bool {
	for s.pos < len(s.src) {
		switch s.src[s.pos] {
		case ' ', '\t', '\n':
			s.pos++
		case '#':
			if !s.comment() {
				return false
			}
		default:
			return true
		}
	}
	return true
}

// comment skips a comment up to its newline.
func (s *state) comment() bool {
	for s.pos++; s.pos < len(s.src) && s.src[s.pos] != '\n'; s.pos++ {
		if c := s.src[s.pos]; c < 0x20 && c != '\t' || c == 0x7f {
			return false
		}
	}
	return true
}

// lineEnd expects the rest of the line to be blank or a comment.
func (s *state) lineEnd() bool {
	s.skipWS()
	if s.pos < len(s.src) && s.src[s.pos] == '#' && !s.comment() {
		return false
	}
	if s.pos == len(s.src) {
		return true
	}
	if s.src[s.pos] != '\n' {
		return false
	}
	s.pos++
	return true
}
