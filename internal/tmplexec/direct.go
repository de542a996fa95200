package tmplexec

import (
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
		if !a.IsValid() { // TypeAssert would panic; Call words it
			return reflect.Value{}, false
		}
		x, ok := reflect.TypeAssert[A](a)
		if !ok {
			return reflect.Value{}, false
		}
		return reflect.ValueOf(f(x)), true
	}}
}

// Func2 wraps a function of two parameters.
func Func2[A, B, R any](f func(A, B) R) Func {
	if isInterface[R]() {
		return Func{fn: f}
	}
	return Func{fn: f, call2: func(a, b reflect.Value) (reflect.Value, bool, error) {
		x, y, ok := args2[A, B](a, b)
		if !ok {
			return reflect.Value{}, false, nil
		}
		return reflect.ValueOf(f(x, y)), true, nil
	}}
}

// Func2E wraps a function of two parameters that may fail.
func Func2E[A, B, R any](f func(A, B) (R, error)) Func {
	if isInterface[R]() {
		return Func{fn: f}
	}
	return Func{fn: f, call2: func(a, b reflect.Value) (reflect.Value, bool, error) {
		x, y, ok := args2[A, B](a, b)
		if !ok {
			return reflect.Value{}, false, nil
		}
		r, err := f(x, y)
		return reflect.ValueOf(r), true, err
	}}
}

func args2[A, B any](a, b reflect.Value) (A, B, bool) {
	if !a.IsValid() || !b.IsValid() { // TypeAssert would panic; Call words it
		var x A
		var y B
		return x, y, false
	}
	x, ok := reflect.TypeAssert[A](a)
	y, ok2 := reflect.TypeAssert[B](b)
	return x, y, ok && ok2
}

func isInterface[T any]() bool { return reflect.TypeFor[T]().Kind() == reflect.Interface }
