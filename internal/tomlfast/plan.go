package tomlfast

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// kind is how a Go type is decoded.
type kind uint8

const (
	unsupported kind = iota // hand the document back if a value lands here
	stringKind
	intKind
	uintKind
	floatKind
	boolKind
	pointerKind
	structKind
	sliceKind
	unmarshalerKind // *T implements toml.Unmarshaler
)

// plan says how to decode into one Go type. Plans of a type graph point to
// each other (a recursive type has a cycle), and are read-only once made.
type plan struct {
	kind   kind
	typ    reflect.Type
	elem   *plan            // pointerKind, sliceKind
	fields map[string]field // structKind: by exact TOML name
}

type field struct {
	index int
	plan  *plan
}

var (
	unmarshalerType     = reflect.TypeFor[toml.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	durationType        = reflect.TypeFor[time.Duration]()
	jsonNumberType      = reflect.TypeFor[json.Number]()
)

// makePlan returns the plan of t, making the plans of the types it refers
// to on the way; made holds the plans made so far (for cycles).
func makePlan(t reflect.Type, made map[reflect.Type]*plan) *plan {
	if p, ok := made[t]; ok {
		return p
	}
	p := &plan{typ: t}
	made[t] = p
	pt := reflect.PointerTo(t)
	switch k := t.Kind(); {
	case k == reflect.Pointer:
		p.kind, p.elem = pointerKind, makePlan(t.Elem(), made)
	case pt.Implements(unmarshalerType):
		p.kind = unmarshalerKind
	case pt.Implements(textUnmarshalerType), t == durationType, t == jsonNumberType:
		// BurntSushi treats these specially; leave them to it.
	case k == reflect.String:
		p.kind = stringKind
	case k >= reflect.Int && k <= reflect.Int64:
		p.kind = intKind
	case k >= reflect.Uint && k <= reflect.Uint64:
		p.kind = uintKind
	case k == reflect.Float32 || k == reflect.Float64:
		p.kind = floatKind
	case k == reflect.Bool:
		p.kind = boolKind
	case k == reflect.Slice:
		p.kind, p.elem = sliceKind, makePlan(t.Elem(), made)
	case k == reflect.Struct:
		if fields, ok := structFields(t, made); ok {
			p.kind, p.fields = structKind, fields
		}
	}
	return p
}

// structFields maps the TOML names of t's fields to them, as BurntSushi
// names them: the toml tag's name, else the field's own name; unexported
// fields and `toml:"-"` are not decoded. A struct with an embedded field
// or with two names equal but for case is not supported: BurntSushi then
// applies Go's promotion rules, or picks a field in map order.
func structFields(t reflect.Type, made map[reflect.Type]*plan) (map[string]field, bool) {
	fields := make(map[string]field, t.NumField())
	var names []string
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if sf.Anonymous {
			return nil, false
		}
		if !sf.IsExported() {
			continue
		}
		tag := sf.Tag.Get("toml")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if name == "" {
			name = sf.Name
		}
		for _, n := range names {
			if strings.EqualFold(n, name) {
				return nil, false
			}
		}
		names = append(names, name)
		fields[name] = field{index: i, plan: makePlan(sf.Type, made)}
	}
	return fields, true
}

// table follows pointers from a plan and reports the struct plan at the
// end, if there is one: what a table header or an inline table decodes
// into.
func (p *plan) table() (*plan, bool) {
	for p.kind == pointerKind {
		p = p.elem
	}
	return p, p.kind == structKind
}

// deref allocates nil pointers along v (as BurntSushi does) and returns the
// value at the end with its plan.
func deref(p *plan, v reflect.Value) (*plan, reflect.Value) {
	for p.kind == pointerKind {
		if v.IsNil() {
			v.Set(reflect.New(p.typ.Elem()))
		}
		p, v = p.elem, v.Elem()
	}
	return p, v
}
