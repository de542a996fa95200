package tmplexec

import (
	"fmt"
	"html/template"
	"reflect"
	"text/template/parse"
)

// call compiles a function call: html/template's escapers and
// text/template's builtins run without reflection, the site's functions
// through reflect.Value.Call as in text/template (the escaping function
// first, then the site's, then the builtins, as text/template looks
// them up).
func (c *compiler) call(name string, args []parse.Node, hasFinal bool) cmdFn {
	if e, ok := escaperNamed(name); ok {
		return c.escaperCall(e, args, hasFinal)
	}
	if fn, ok := c.funcs[name]; ok {
		return c.funcCall(name, asFunc(fn), args, hasFinal)
	}
	return c.builtinCall(name, args, hasFinal)
}

func (c *compiler) escaperCall(e escaper, args []parse.Node, hasFinal bool) cmdFn {
	vals := make([]valueFn, len(args))
	for i, a := range args {
		vals[i] = c.arg(a, anyType)
	}
	if len(vals) == 0 && hasFinal {
		return func(_ *state, _, final reflect.Value) reflect.Value {
			return reflect.ValueOf(e.apply(final))
		}
	}
	return func(s *state, dot, final reflect.Value) reflect.Value {
		in := make([]any, 0, len(vals)+1)
		for _, v := range vals {
			in = append(in, anyArg(v(s, dot)))
		}
		if hasFinal {
			in = append(in, anyArg(validateType(final, anyType)))
		}
		out, ok := e.typed(in)
		if !ok {
			fail("typed content this package does not escape")
		}
		return reflect.ValueOf(out)
	}
}

// funcCall compiles a call of one of the site's functions, directly when
// d can call it (see [Func]), else through reflection.
func (c *compiler) funcCall(name string, d Func, args []parse.Node, hasFinal bool) cmdFn {
	fn := reflect.ValueOf(d.fn)
	typ := fn.Type()
	numIn, paramType, err := signature(typ, len(args), hasFinal)
	if err != "" {
		refuse("%s: %s", name, err)
	}
	vals := make([]valueFn, len(args))
	for i, a := range args {
		vals[i] = c.arg(a, paramType(i))
	}
	var finalType reflect.Type
	if hasFinal {
		finalType = paramType(numIn - 1)
	}
	call := func(argv []reflect.Value) reflect.Value {
		out := fn.Call(argv)
		if len(out) == 2 && !out[1].IsNil() {
			fail("error calling " + name)
		}
		return unwrapValue(out[0])
	}
	// arg evaluates argument i as the reflective call passes it.
	arg := func(i int, s *state, dot, final reflect.Value) reflect.Value {
		if hasFinal && i == numIn-1 {
			return validateType(final, finalType) // wraps a reflect.Value itself
		}
		v := vals[i](s, dot)
		if paramType(i) == reflectValueType { // the function wants the reflect.Value itself
			v = reflect.ValueOf(v)
		}
		return v
	}
	switch {
	case d.call0 != nil && numIn == 0:
		return func(*state, reflect.Value, reflect.Value) reflect.Value { return d.call0() }
	case d.call1 != nil && numIn == 1:
		return func(s *state, dot, final reflect.Value) reflect.Value {
			a := arg(0, s, dot, final)
			if v, ok := d.call1(a); ok {
				return v
			}
			return call([]reflect.Value{a})
		}
	case d.call2 != nil && numIn == 2:
		return func(s *state, dot, final reflect.Value) reflect.Value {
			a, b := arg(0, s, dot, final), arg(1, s, dot, final)
			v, ok, err := d.call2(a, b)
			if !ok {
				return call([]reflect.Value{a, b})
			}
			if err != nil {
				fail("error calling " + name)
			}
			return v
		}
	}
	return func(s *state, dot, final reflect.Value) reflect.Value {
		var small [4]reflect.Value // most calls: the arguments stay on the stack
		argv := small[:0]
		if numIn > len(small) {
			argv = make([]reflect.Value, 0, numIn)
		}
		for i := range numIn {
			argv = append(argv, arg(i, s, dot, final))
		}
		return call(argv)
	}
}

// builtinCall compiles a call of one of text/template's builtins. Their
// parameters are reflect.Values, so every argument is passed as it is.
func (c *compiler) builtinCall(name string, args []parse.Node, hasFinal bool) cmdFn {
	// Each argument is a cmdFn; the pipeline's previous value, when there
	// is one, is the last.
	vals := make([]cmdFn, len(args))
	for i, a := range args {
		v := c.arg(a, reflectValueType)
		vals[i] = func(s *state, dot, _ reflect.Value) reflect.Value { return v(s, dot) }
	}
	if hasFinal {
		vals = append(vals, func(_ *state, _, final reflect.Value) reflect.Value { return final })
	}
	n := len(vals)
	arity := func(min, max int) {
		if n < min || max >= 0 && n > max {
			refuse("wrong number of args for %s", name)
		}
	}
	switch name {
	case "and", "or":
		arity(1, -1)
		or := name == "or"
		return func(s *state, dot, final reflect.Value) reflect.Value {
			var v reflect.Value
			for _, a := range vals {
				v = a(s, dot, final)
				if truth(v) == or {
					return v
				}
			}
			return v
		}
	case "not":
		arity(1, 1)
		a := vals[0]
		return func(s *state, dot, final reflect.Value) reflect.Value {
			return reflect.ValueOf(!truth(a(s, dot, final)))
		}
	case "eq":
		arity(1, -1)
		return func(s *state, dot, final reflect.Value) reflect.Value {
			a := vals[0](s, dot, final)
			if n == 2 {
				return boolResult(eq(a, vals[1](s, dot, final)))
			}
			rest := make([]reflect.Value, n-1)
			for i, v := range vals[1:] {
				rest[i] = v(s, dot, final)
			}
			return boolResult(eq(a, rest...))
		}
	case "ne", "lt", "le", "gt", "ge":
		arity(2, 2)
		cmp := map[string]func(a, b reflect.Value) (bool, error){"ne": ne, "lt": lt, "le": le, "gt": gt, "ge": ge}[name]
		a, b := vals[0], vals[1]
		return func(s *state, dot, final reflect.Value) reflect.Value {
			return boolResult(cmp(a(s, dot, final), b(s, dot, final)))
		}
	case "len":
		arity(1, 1)
		a := vals[0]
		return func(s *state, dot, final reflect.Value) reflect.Value {
			l, err := length(a(s, dot, final))
			if err != nil {
				fail(err.Error())
			}
			return reflect.ValueOf(l)
		}
	case "index":
		arity(1, -1)
		return func(s *state, dot, final reflect.Value) reflect.Value {
			item := vals[0](s, dot, final) // in text/template's order: the item, then the indexes
			idx := make([]reflect.Value, n-1)
			for i, v := range vals[1:] {
				idx[i] = v(s, dot, final)
			}
			v, err := index(item, idx...)
			if err != nil {
				fail(err.Error())
			}
			return v
		}
	case "print", "printf", "println", "html", "js", "urlquery":
		fn := map[string]any{"print": fmt.Sprint, "printf": fmt.Sprintf, "println": fmt.Sprintln,
			"html": template.HTMLEscaper, "js": template.JSEscaper, "urlquery": template.URLQueryEscaper}[name]
		return c.funcCall(name, Func{fn: fn}, args, hasFinal)
	}
	refuse("function %q", name)
	return nil
}

// signature checks a call of a function of type typ with nargs arguments
// (and the pipeline's final value) as evalCall does, and returns how many
// it gets and the type of each parameter; err says what is wrong.
func signature(typ reflect.Type, nargs int, hasFinal bool) (numIn int, param func(i int) reflect.Type, err string) {
	numIn = nargs
	if hasFinal {
		numIn++
	}
	numFixed := nargs
	if typ.IsVariadic() {
		numFixed = typ.NumIn() - 1
		if numIn < numFixed {
			return 0, nil, "wrong number of args"
		}
	} else if numIn != typ.NumIn() {
		return 0, nil, "wrong number of args"
	}
	if !goodFunc(typ) {
		return 0, nil, "can't be called from a template"
	}
	return numIn, func(i int) reflect.Type {
		if typ.IsVariadic() && i >= numFixed {
			return typ.In(typ.NumIn() - 1).Elem()
		}
		return typ.In(i)
	}, ""
}

func boolResult(b bool, err error) reflect.Value {
	if err != nil {
		fail(err.Error())
	}
	return reflect.ValueOf(b)
}
