// Package tmplexec runs html/template templates several times faster than
// html/template does, with byte-for-byte the same output.
//
// html/template escapes a template once, by rewriting its parse tree
// (every action gets an escaping function appended), and then hands every
// execution to text/template, which walks the tree and finds each field,
// method and function by name and calls them through reflection, every
// time. A Set compiles the escaped tree into Go closures instead: field
// steps remember how they resolved for the last receiver type, the
// escaping functions and the builtins (eq, not, len, …) are called
// directly, and an escaped value is written straight into the output.
// The site's own template functions are called through reflection, as in
// text/template, unless they are wrapped as a [Func] in the [FuncMap]:
// then a compiled template calls them directly. Methods of the data are
// likewise called through reflection unless given to [New] as a [Method].
//
// Same output, always: html/template escapes each template (and reports
// escaping errors) before its first execution; only then is the escaped
// tree compiled. A template using something the compiler
// does not handle (break and continue, the call and slice builtins,
// JavaScript, CSS and unquoted-attribute contexts, …) is left to
// html/template entirely; [Set.Compiled] says why. And whenever a
// compiled execution meets anything unusual at run time (an error, a
// panic in a function, typed HTML in an attribute) its output is
// discarded and html/template runs the template again, so errors read
// exactly as html/template words them.
package tmplexec

import (
	"bytes"
	"errors"
	"html/template"
	"io"
	"reflect"
	"sync"
	"sync/atomic"
	texttemplate "text/template"
)

// Set executes the templates of one html/template set.
type Set struct {
	t       *template.Template
	funcs   FuncMap
	methods methodTable

	mu       sync.Mutex
	compiled map[string]*entry // by template name

	reruns atomic.Int64
}

type entry struct {
	code *code  // nil: run by html/template
	why  string // why it is not compiled
}

// New returns a Set for t, whose templates were parsed with funcs. The set
// must keep text/template's default missingkey option (a missing map key
// gives the zero value): html/template does not tell which option a set
// has, and the compiled code assumes that one.
//
// The methods, made with [Method0], are called directly by compiled
// templates where a field step names them; New panics if one of them is
// not the method it names (a mistake in the caller's code).
func New(t *template.Template, funcs FuncMap, methods ...Method) *Set {
	return &Set{t: t, funcs: funcs, methods: newMethodTable(methods), compiled: map[string]*entry{}}
}

// Execute appends the output of template name applied to data to buf, as
// t.ExecuteTemplate(buf, name, data) does. On error buf may hold part of
// the output, as with html/template.
func (s *Set) Execute(buf *bytes.Buffer, name string, data any) error {
	s.mu.Lock()
	e := s.compiled[name]
	s.mu.Unlock()
	if e == nil {
		e = s.prepare(name)
	}
	if e.code == nil {
		return s.t.ExecuteTemplate(buf, name, data)
	}
	start := buf.Len()
	if run(e.code, buf, data) {
		return nil
	}
	s.reruns.Add(1)
	buf.Truncate(start)
	return s.t.ExecuteTemplate(buf, name, data)
}

// prepare escapes template name and compiles it, before its first
// execution. html/template escapes a template only when it executes it,
// so prepare executes it once on no data (nil) into a discarded writer:
// the escaping does not depend on the data, and the execution, which
// usually fails on the missing data, comes after it. A template that
// cannot be escaped stays uncompiled, with the error as the reason;
// html/template reports it on every execution.
func (s *Set) prepare(name string) *entry {
	err := s.t.ExecuteTemplate(io.Discard, name, nil)
	if err != nil && !errors.As(err, new(texttemplate.ExecError)) {
		s.mu.Lock()
		defer s.mu.Unlock()
		e := &entry{why: err.Error()}
		s.compiled[name] = e
		return e
	}
	return s.compile(name) // escaped: any error came from executing it
}

// compile compiles template name, which html/template has escaped.
func (s *Set) compile(name string) *entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e := s.compiled[name]; e != nil {
		return e
	}
	e := &entry{}
	func() {
		defer func() {
			if r := recover(); r != nil {
				u, ok := r.(unsupported)
				if !ok {
					panic(r)
				}
				e.code, e.why = nil, u.reason
			}
		}()
		c := &compiler{set: s.t, funcs: s.funcs, methods: s.methods, tmpls: map[string]*code{}}
		e.code = c.template(name)
	}()
	s.compiled[name] = e
	return e
}

// Compiled reports whether template name runs compiled, and if not why;
// a template is compiled on its first execution.
func (s *Set) Compiled(name string) (bool, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.compiled[name]
	switch {
	case e == nil:
		return false, "not executed yet"
	case e.code == nil:
		return false, e.why
	}
	return true, ""
}

// Reruns is how many compiled executions were handed back to
// html/template.
func (s *Set) Reruns() int64 { return s.reruns.Load() }

// run executes compiled code; false means it stopped (bail, or a panic in
// a template function) and its output must be discarded.
func run(k *code, buf *bytes.Buffer, data any) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			ok = false
		}
	}()
	value, isValue := data.(reflect.Value)
	if !isValue {
		value = reflect.ValueOf(data)
	}
	st := &state{w: buf, vars: make([]variable, 1, 16)}
	st.vars[0] = variable{"$", value}
	k.run(st, value)
	return true
}
