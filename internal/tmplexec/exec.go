package tmplexec

import (
	"bytes"
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"sync/atomic"
)

// bail stops a compiled execution; html/template then runs the template
// again and produces the output, or the error, itself.
type bail struct{ reason string }

func fail(reason string) { panic(bail{reason}) }

// maxDepth is text/template's limit on nested template calls.
const maxDepth = 100000

var (
	errorType        = reflect.TypeFor[error]()
	fmtStringerType  = reflect.TypeFor[fmt.Stringer]()
	reflectValueType = reflect.TypeFor[reflect.Value]()
	stringType       = reflect.TypeFor[string]()
	anyType          = reflect.TypeFor[any]()
)

// state is one execution of a compiled template.
type state struct {
	w     *bytes.Buffer
	vars  []variable
	base  int // the variables of the template being run start here
	depth int
}

type variable struct {
	name  string
	value reflect.Value
}

func (s *state) push(name string, v reflect.Value) { s.vars = append(s.vars, variable{name, v}) }

func (s *state) pop(mark int) { s.vars = s.vars[:mark] }

// setVar assigns to the innermost variable called name ($x = …).
func (s *state) setVar(name string, v reflect.Value) {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = v
			return
		}
	}
	fail("undefined variable " + name)
}

// setTopVar sets the n'th variable from the top (a range's variables).
func (s *state) setTopVar(n int, v reflect.Value) { s.vars[len(s.vars)-n].value = v }

func (s *state) varValue(name string) reflect.Value {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value
		}
	}
	fail("undefined variable " + name)
	return reflect.Value{}
}

// print writes v as text/template's printValue does.
func (s *state) print(v reflect.Value) {
	if v.Kind() == reflect.String && v.Type() == stringType {
		s.w.WriteString(v.String())
		return
	}
	iface, ok := printableValue(v)
	if !ok {
		fail("unprintable value")
	}
	fmt.Fprint(s.w, iface)
}

// field is one step of a field chain (.A.B.C): a struct field, a method
// without arguments, or a map key. How the step resolves for a receiver
// type is worked out once and kept; text/template looks it up by name
// every time.
type field struct {
	name    string
	key     reflect.Value // name, for maps
	methods methodTable   // the methods called directly
	plan    atomic.Pointer[fieldPlan]
}

type fieldPlan struct {
	ptrType reflect.Type // the receiver's type, after text/template's indirection and address-taking
	method  int          // index of the method on ptrType, or -1
	direct  methodCall   // the method, called directly, if registered
	index   []int        // the struct field, when not a method
	isMap   bool
}

func (c *compiler) newField(name string) *field {
	return &field{name: name, key: reflect.ValueOf(name), methods: c.methods}
}

// eval is text/template's evalField for a step without arguments.
func (f *field) eval(recv reflect.Value) reflect.Value {
	if !recv.IsValid() {
		return reflect.Value{} // missing data gives the zero value (missingkey=default)
	}
	recv, ptr, p := f.locate(recv)
	switch {
	case p.method >= 0:
		if p.direct != nil {
			if v, ok := p.direct(ptr); ok {
				return v
			}
		}
		return callMethod(ptr.Method(p.method))
	case p.isMap:
		return recv.MapIndex(f.key)
	}
	v, err := recv.FieldByIndexErr(p.index)
	if err != nil {
		fail(err.Error())
	}
	return v
}

// method is the method a step with arguments names, bound to recv.
func (f *field) method(recv reflect.Value) reflect.Value {
	if !recv.IsValid() {
		fail("method call on a missing value")
	}
	_, ptr, p := f.locate(recv)
	if p.method < 0 {
		fail(f.name + " has arguments but is not a method")
	}
	return ptr.Method(p.method)
}

// locate dereferences recv as text/template does, takes its address when
// that shows more methods (ptr), and returns how the step resolves for it.
func (f *field) locate(recv reflect.Value) (reflect.Value, reflect.Value, *fieldPlan) {
	recv, isNil := indirect(recv)
	if isNil {
		fail("nil pointer evaluating ." + f.name)
	}
	ptr := recv
	if ptr.Kind() != reflect.Interface && ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
	}
	p := f.plan.Load()
	if p == nil || p.ptrType != ptr.Type() {
		p = f.resolve(recv, ptr.Type())
		f.plan.Store(p)
	}
	return recv, ptr, p
}

func (f *field) resolve(recv reflect.Value, pt reflect.Type) *fieldPlan {
	if m, ok := pt.MethodByName(f.name); ok {
		return &fieldPlan{ptrType: pt, method: m.Index, direct: f.methods[methodKey{pt, f.name}]}
	}
	switch recv.Kind() {
	case reflect.Struct:
		if sf, ok := recv.Type().FieldByName(f.name); ok && sf.IsExported() {
			return &fieldPlan{ptrType: pt, method: -1, index: sf.Index}
		}
	case reflect.Map:
		if stringType.AssignableTo(recv.Type().Key()) {
			return &fieldPlan{ptrType: pt, method: -1, isMap: true}
		}
	}
	fail("can't evaluate field " + f.name)
	return nil
}

// callMethod calls a method that takes no arguments, as evalCall does.
func callMethod(m reflect.Value) reflect.Value {
	t := m.Type()
	if t.NumIn() != 0 || !goodFunc(t) {
		fail("method with arguments")
	}
	out := m.Call(nil)
	if len(out) == 2 && !out[1].IsNil() {
		fail("method returned an error")
	}
	return unwrapValue(out[0])
}

// goodFunc reports whether a function or method can be called from a
// template: one result, or two with an error second.
func goodFunc(t reflect.Type) bool {
	switch {
	case t.NumOut() == 1:
		return true
	case t.NumOut() == 2 && t.Out(1) == errorType:
		return true
	}
	return false
}

// unwrapValue unwraps a function's result of type reflect.Value.
func unwrapValue(v reflect.Value) reflect.Value {
	if v.Type() == reflectValueType {
		v = v.Interface().(reflect.Value)
	}
	return v
}

// digEmptyInterface is what evalPipeline does after each command: a value
// of type interface{} becomes the value inside.
func digEmptyInterface(v reflect.Value) reflect.Value {
	if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
		return v.Elem()
	}
	return v
}

func isTrue(val reflect.Value) (truth, ok bool) {
	if !val.IsValid() {
		return false, true
	}
	switch val.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		truth = val.Len() > 0
	case reflect.Bool:
		truth = val.Bool()
	case reflect.Complex64, reflect.Complex128:
		truth = val.Complex() != 0
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		truth = !val.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		truth = val.Int() != 0
	case reflect.Float32, reflect.Float64:
		truth = val.Float() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		truth = val.Uint() != 0
	case reflect.Struct:
		truth = true
	default:
		return
	}
	return truth, true
}

func indirect(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	case reflect.Struct:
		return typ == reflectValueType
	}
	return false
}

// validateType is text/template's: value made assignable to typ (nil
// typ: anything), with one dereference or address-of if that works.
func validateType(value reflect.Value, typ reflect.Type) reflect.Value {
	if !value.IsValid() {
		if typ == nil {
			return reflect.ValueOf(nil)
		}
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		fail("invalid value")
	}
	if typ == nil || value.Type() == typ {
		return value
	}
	if typ == reflectValueType {
		return reflect.ValueOf(value)
	}
	if !value.Type().AssignableTo(typ) {
		if value.Kind() == reflect.Interface && !value.IsNil() {
			value = value.Elem()
			if value.Type().AssignableTo(typ) {
				return value
			}
		}
		switch {
		case value.Kind() == reflect.Pointer && value.Type().Elem().AssignableTo(typ):
			value = value.Elem()
			if !value.IsValid() {
				fail("dereference of nil pointer")
			}
		case reflect.PointerTo(value.Type()).AssignableTo(typ) && value.CanAddr():
			value = value.Addr()
		default:
			fail("wrong type for value")
		}
	}
	return value
}

func printableValue(v reflect.Value) (any, bool) {
	if v.Kind() == reflect.Pointer {
		v, _ = indirect(v)
	}
	if !v.IsValid() {
		return "<no value>", true
	}
	if !v.Type().Implements(errorType) && !v.Type().Implements(fmtStringerType) {
		if v.CanAddr() && (reflect.PointerTo(v.Type()).Implements(errorType) || reflect.PointerTo(v.Type()).Implements(fmtStringerType)) {
			v = v.Addr()
		} else {
			switch v.Kind() {
			case reflect.Chan, reflect.Func:
				return nil, false
			}
		}
	}
	return v.Interface(), true
}

// sortedMapKeys returns a map's keys in the order text/template ranges
// over them (internal/fmtsort), for the key kinds whose order is simple;
// other maps bail.
func sortedMapKeys(m reflect.Value) []reflect.Value {
	keys := m.MapKeys()
	switch m.Type().Key().Kind() {
	case reflect.String:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.String(), b.String()) })
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.Int(), b.Int()) })
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.Uint(), b.Uint()) })
	default:
		fail("range over a map with complex keys")
	}
	return keys
}
