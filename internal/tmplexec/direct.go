package tmplexec

import (
	"fmt"
	"html/template"
	"reflect"
)

// FuncMap is the functions of a template set, as in html/template, except
// that a value may also be a [Func]: a function wrapped so that compiled
// templates call it without reflect.Value.Call. Pass [FuncMap.Template]
// to html/template and the FuncMap itself to [New].
type FuncMap map[string]any

// Template returns the functions as html/template takes them.
func (m FuncMap) Template() template.FuncMap {
	out := make(template.FuncMap, len(m))
	for name, v := range m {
		if f, ok := v.(Func); ok {
			v = f.fn
		}
		out[name] = v
	}
	return out
}

// Func is a template function that compiled templates call directly:
// reflect.Value.Call sets up a frame from the function's type on every
// call, which cost a fifth of a page's execution where pages call small
// functions hundreds of times. Make one with [Func0], [Func1], [Func2] or
// [Func2E]. Its result must not be an interface (html/template's value
// would keep the interface type); such a Func, and any call whose
// arguments are not exactly of the parameter types, is called through
// reflection as before.
type Func struct {
	fn    any
	call0 func() reflect.Value
	call1 func(a reflect.Value) (reflect.Value, bool)
	call2 func(a, b reflect.Value) (v reflect.Value, ok bool, err error)
}

// Func0 wraps a function without parameters.
func Func0[R any](f func() R) Func {
	if isInterface[R]() {
		return Func{fn: f}
	}
	return Func{fn: f, call0: func() reflect.Value { return reflect.ValueOf(f()) }}
}

// Func1 wraps a function of one parameter.
func Func1[A, R any](f func(A) R) Func {
	if isInterface[R]() {
		return Func{fn: f}
	}
	return Func{fn: f, call1: func(a reflect.Value) (reflect.Value, bool) {
		x, ok := typed[A](a)
		if !ok {
			return reflect.Value{}, false
		}
		return reflect.ValueOf(f(x)), true
	}}
}

// Func2 wraps a function of two parameters.
func Func2[A, B, R any](f func(A, B) R) Func {
	d := Func2E(func(a A, b B) (R, error) { return f(a, b), nil })
	d.fn = f // html/template calls the function itself
	return d
}

// Func2E wraps a function of two parameters that may fail.
func Func2E[A, B, R any](f func(A, B) (R, error)) Func {
	if isInterface[R]() {
		return Func{fn: f}
	}
	return Func{fn: f, call2: func(a, b reflect.Value) (reflect.Value, bool, error) {
		x, okA := typed[A](a)
		y, okB := typed[B](b)
		if !okA || !okB {
			return reflect.Value{}, false, nil
		}
		r, err := f(x, y)
		return reflect.ValueOf(r), true, err
	}}
}

// asFunc is a FuncMap value as a Func: a plain func(string) string, the
// commonest shape, is called directly too.
func asFunc(fn any) Func {
	switch f := fn.(type) {
	case Func:
		return f
	case func(string) string:
		return Func1(f)
	}
	return Func{fn: fn}
}

// typed is v as an A, when it holds exactly one. (reflect.TypeAssert
// panics on the zero Value; reflect.Value.Call words that error.)
func typed[A any](v reflect.Value) (A, bool) {
	if !v.IsValid() {
		var zero A
		return zero, false
	}
	return reflect.TypeAssert[A](v)
}

func isInterface[T any]() bool { return reflect.TypeFor[T]().Kind() == reflect.Interface }

// Method is a method of the site's data that compiled templates call
// directly, as they call a [Func], where a field step (.FullName) names
// it: reflect.Value.Call would set up a frame and allocate its results on
// every call. Make one with [Method0] and pass it to [New].
type Method struct {
	recv reflect.Type
	name string
	fn   any
	call methodCall
}

// methodCall calls a method on recv; false when recv is not of its type.
type methodCall func(recv reflect.Value) (reflect.Value, bool)

// Method0 wraps the method name of T, which takes no arguments and
// returns one value, given as its method expression:
//
//	tmplexec.Method0("FullName", (*model.Power).FullName)
//
// A method whose result is an interface is left to reflection, as a Func
// would be.
func Method0[T, R any](name string, f func(T) R) Method {
	m := Method{recv: reflect.TypeFor[T](), name: name, fn: f}
	if !isInterface[R]() {
		m.call = func(v reflect.Value) (reflect.Value, bool) {
			x, ok := typed[T](v)
			if !ok {
				return reflect.Value{}, false
			}
			return reflect.ValueOf(f(x)), true
		}
	}
	return m
}

type methodKey struct {
	recv reflect.Type
	name string
}

// methodTable finds the direct call of a method by receiver type and name.
type methodTable map[methodKey]methodCall

// newMethodTable checks that each method is the method of its receiver
// type it names (the same code, not just the same signature) and indexes
// them.
func newMethodTable(ms []Method) methodTable {
	t := methodTable{}
	for _, m := range ms {
		rm, ok := m.recv.MethodByName(m.name)
		if !ok || rm.Func.Pointer() != reflect.ValueOf(m.fn).Pointer() {
			panic(fmt.Sprintf("tmplexec: Method0(%q, …) is not the method %s.%s", m.name, m.recv, m.name))
		}
		if m.call != nil {
			t[methodKey{m.recv, m.name}] = m.call
		}
	}
	return t
}
