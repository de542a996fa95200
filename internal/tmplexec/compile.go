package tmplexec

import (
	"fmt"
	"html/template"
	"reflect"
	"slices"
	"strings"
	"text/template/parse"
)

// The compiler turns the escaped parse trees into closures. Anything it
// does not handle (break and continue, the call and slice builtins,
// escapers for JavaScript, CSS or unquoted attributes, templates that
// html/template derived for another context, …) panics with unsupported,
// and the template then always runs in html/template.

type unsupported struct{ reason string }

func refuse(format string, args ...any) {
	panic(unsupported{fmt.Sprintf(format, args...)})
}

type (
	// nodeFn runs a node of a template.
	nodeFn func(s *state, dot reflect.Value)
	// valueFn evaluates a pipeline or an argument.
	valueFn func(s *state, dot reflect.Value) reflect.Value
	// cmdFn evaluates a command of a pipeline; final is the value of the
	// command before it (meaningless for the first command).
	cmdFn func(s *state, dot, final reflect.Value) reflect.Value
)

// code is a compiled template; run is set once its body is compiled, so
// recursive templates can refer to it earlier.
type code struct{ run nodeFn }

type compiler struct {
	set     *template.Template
	funcs   FuncMap
	methods methodTable
	tmpls   map[string]*code
}

func (c *compiler) template(name string) *code {
	if k, ok := c.tmpls[name]; ok {
		return k
	}
	t := c.set.Lookup(name)
	if t == nil || t.Tree == nil || t.Tree.Root == nil {
		refuse("template %q is not in the set (it may be one html/template derived for another context)", name)
	}
	k := &code{}
	c.tmpls[name] = k
	k.run = c.list(t.Tree.Root)
	return k
}

func (c *compiler) list(l *parse.ListNode) nodeFn {
	if l == nil {
		return func(*state, reflect.Value) {}
	}
	var fns []nodeFn
	for _, n := range l.Nodes {
		if f := c.node(n); f != nil {
			fns = append(fns, f)
		}
	}
	switch len(fns) {
	case 0:
		return func(*state, reflect.Value) {}
	case 1:
		return fns[0]
	}
	return func(s *state, dot reflect.Value) {
		for _, f := range fns {
			f(s, dot)
		}
	}
}

func (c *compiler) node(n parse.Node) nodeFn {
	switch n := n.(type) {
	case *parse.TextNode:
		text := n.Text
		return func(s *state, _ reflect.Value) { s.w.Write(text) }
	case *parse.CommentNode:
		return nil
	case *parse.ActionNode:
		return c.action(n)
	case *parse.IfNode:
		return c.ifOrWith(n.Pipe, n.List, n.ElseList, false)
	case *parse.WithNode:
		return c.ifOrWith(n.Pipe, n.List, n.ElseList, true)
	case *parse.RangeNode:
		return c.rangeNode(n)
	case *parse.TemplateNode:
		return c.templateCall(n)
	case *parse.ListNode:
		return c.list(n)
	}
	refuse("%T", n)
	return nil
}

// action prints its pipeline's value, unless the pipeline declares
// variables. An escaped action ends in an escaper, which then writes
// straight into the output.
func (c *compiler) action(n *parse.ActionNode) nodeFn {
	p := n.Pipe
	if len(p.Decl) == 0 {
		// The escapers html/template appends to the pipeline run as one
		// function from the value to the string written. After the first,
		// each gets the string the one before returned: a plain string, so
		// its typed path would do what its plain one does, but box the
		// string into an argument list and its result into a value.
		k := len(p.Cmds)
		var chain []escaper
		for ; k > 1; k-- {
			last := p.Cmds[k-1]
			id, ok := last.Args[0].(*parse.IdentifierNode)
			if !ok || len(last.Args) != 1 {
				break
			}
			e, ok := escaperNamed(id.Ident)
			if !ok {
				break
			}
			chain = append(chain, e)
		}
		if len(chain) > 0 {
			slices.Reverse(chain)
			value := c.commands(p.Cmds[:k])
			first, rest := chain[0], chain[1:]
			return func(s *state, dot reflect.Value) {
				out := first.apply(value(s, dot))
				for _, e := range rest {
					out = e.plain(out)
				}
				s.w.WriteString(out)
			}
		}
	}
	value := c.pipe(p)
	if len(p.Decl) > 0 {
		return func(s *state, dot reflect.Value) { value(s, dot) }
	}
	return func(s *state, dot reflect.Value) { s.print(value(s, dot)) }
}

// apply escapes the pipeline value v, as html/template's escaper does when
// v is its only argument.
func (e escaper) apply(v reflect.Value) string {
	if v.Kind() == reflect.String && v.Type() == stringType {
		return e.plain(v.String())
	}
	out, ok := e.typed([]any{anyArg(validateType(v, anyType))})
	if !ok {
		fail("typed content this package does not escape")
	}
	return out
}

// anyArg is the interface value reflect.Call would pass for v.
func anyArg(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	return v.Interface()
}

func (c *compiler) ifOrWith(pipe *parse.PipeNode, list, elseList *parse.ListNode, with bool) nodeFn {
	value := c.pipe(pipe)
	then := c.list(list)
	var els nodeFn
	if elseList != nil {
		els = c.list(elseList)
	}
	return func(s *state, dot reflect.Value) {
		mark := len(s.vars)
		val := value(s, dot)
		truth, ok := isTrue(indirectInterface(val))
		if !ok {
			fail("if/with can't use the value")
		}
		switch {
		case truth && with:
			then(s, val)
		case truth:
			then(s, dot)
		case els != nil:
			els(s, dot)
		}
		s.pop(mark)
	}
}

func (c *compiler) rangeNode(r *parse.RangeNode) nodeFn {
	value := c.pipe(r.Pipe)
	body := c.list(r.List)
	var els nodeFn
	if r.ElseList != nil {
		els = c.list(r.ElseList)
	}
	var decl []string
	for _, v := range r.Pipe.Decl {
		decl = append(decl, v.Ident[0])
	}
	assign := r.Pipe.IsAssign
	return func(s *state, dot reflect.Value) {
		mark0 := len(s.vars)
		val, _ := indirect(value(s, dot))
		mark := len(s.vars)
		one := func(index, elem reflect.Value) {
			if len(decl) > 0 {
				switch {
				case assign && len(decl) > 1:
					s.setVar(decl[0], index)
				case assign:
					s.setVar(decl[0], elem)
				default:
					s.setTopVar(1, elem)
				}
			}
			if len(decl) > 1 {
				if assign {
					s.setVar(decl[1], elem)
				} else {
					s.setTopVar(2, index)
				}
			}
			body(s, elem)
			s.pop(mark)
		}
		ran := false
		switch val.Kind() {
		case reflect.Array, reflect.Slice:
			for i := range val.Len() {
				one(reflect.ValueOf(i), val.Index(i))
				ran = true
			}
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			if len(decl) > 1 {
				fail("two variables ranging over an integer")
			}
			// Collected first: a range over the iterator itself would make
			// its body a closure that escapes, and one with it (allocated
			// on every range of every page).
			for _, v := range slices.Collect(val.Seq()) {
				one(reflect.Value{}, v)
				ran = true
			}
		case reflect.Map:
			for _, k := range sortedMapKeys(val) {
				one(k, val.MapIndex(k))
				ran = true
			}
		case reflect.Invalid:
			// a nil map or the like: like an empty one
		default:
			fail("range over " + val.Kind().String())
		}
		if !ran && els != nil {
			els(s, dot)
		}
		s.pop(mark0)
	}
}

func (c *compiler) templateCall(n *parse.TemplateNode) nodeFn {
	target := c.template(n.Name)
	value := c.pipe(n.Pipe)
	return func(s *state, dot reflect.Value) {
		if s.depth == maxDepth {
			fail("exceeded maximum template depth")
		}
		dot = value(s, dot) // variables declared here persist in the caller
		base, mark := s.base, len(s.vars)
		s.push("$", dot)
		s.base = mark
		s.depth++
		target.run(s, dot)
		s.depth--
		s.base = base
		s.pop(mark)
	}
}

// pipe compiles text/template's evalPipeline.
func (c *compiler) pipe(p *parse.PipeNode) valueFn {
	if p == nil {
		return func(*state, reflect.Value) reflect.Value { return reflect.Value{} }
	}
	value := c.commands(p.Cmds)
	if len(p.Decl) == 0 {
		return value
	}
	var names []string
	for _, v := range p.Decl {
		names = append(names, v.Ident[0])
	}
	assign := p.IsAssign
	return func(s *state, dot reflect.Value) reflect.Value {
		v := value(s, dot)
		for _, name := range names {
			if assign {
				s.setVar(name, v)
			} else {
				s.push(name, v)
			}
		}
		return v
	}
}

// commands evaluates a pipeline's commands, each getting the value of the
// one before as its final argument.
func (c *compiler) commands(cmds []*parse.CommandNode) valueFn {
	fns := make([]cmdFn, len(cmds))
	for i, cmd := range cmds {
		fns[i] = c.command(cmd, i > 0)
	}
	if len(fns) == 1 {
		f := fns[0]
		return func(s *state, dot reflect.Value) reflect.Value {
			return digEmptyInterface(f(s, dot, reflect.Value{}))
		}
	}
	return func(s *state, dot reflect.Value) reflect.Value {
		var v reflect.Value
		for _, f := range fns {
			v = digEmptyInterface(f(s, dot, v))
		}
		return v
	}
}

func (c *compiler) command(cmd *parse.CommandNode, hasFinal bool) cmdFn {
	first := cmd.Args[0]
	if id, ok := first.(*parse.IdentifierNode); ok {
		return c.call(id.Ident, cmd.Args[1:], hasFinal)
	}
	if len(cmd.Args) > 1 || hasFinal {
		return c.methodCall(first, cmd.Args[1:], hasFinal)
	}
	v := c.operand(first)
	return func(s *state, dot, _ reflect.Value) reflect.Value { return v(s, dot) }
}

// operand compiles a value without arguments: a field chain, variable,
// parenthesized pipeline or constant (text/template's evalCommand with no
// arguments, and evalEmptyInterface).
func (c *compiler) operand(n parse.Node) valueFn {
	switch n := n.(type) {
	case *parse.DotNode:
		return func(_ *state, dot reflect.Value) reflect.Value { return dot }
	case *parse.FieldNode:
		chain := c.fields(n.Ident)
		return func(s *state, dot reflect.Value) reflect.Value { return chain(dot) }
	case *parse.VariableNode:
		name := n.Ident[0]
		if len(n.Ident) == 1 {
			return func(s *state, _ reflect.Value) reflect.Value { return s.varValue(name) }
		}
		chain := c.fields(n.Ident[1:])
		return func(s *state, _ reflect.Value) reflect.Value { return chain(s.varValue(name)) }
	case *parse.ChainNode:
		if len(n.Field) == 0 {
			refuse("empty chain")
		}
		switch n.Node.(type) {
		case *parse.PipeNode, *parse.FieldNode, *parse.VariableNode, *parse.IdentifierNode, *parse.ChainNode, *parse.DotNode:
		default:
			refuse("field of a constant")
		}
		recv := c.arg(n.Node, nil)
		chain := c.fields(n.Field)
		return func(s *state, dot reflect.Value) reflect.Value { return chain(recv(s, dot)) }
	case *parse.PipeNode:
		return c.pipe(n)
	case *parse.IdentifierNode:
		call := c.call(n.Ident, nil, false)
		return func(s *state, dot reflect.Value) reflect.Value { return call(s, dot, reflect.Value{}) }
	case *parse.BoolNode:
		v := reflect.ValueOf(n.True)
		return func(*state, reflect.Value) reflect.Value { return v }
	case *parse.StringNode:
		v := reflect.ValueOf(n.Text)
		return func(*state, reflect.Value) reflect.Value { return v }
	case *parse.NumberNode:
		v := idealConstant(n)
		return func(*state, reflect.Value) reflect.Value { return v }
	}
	refuse("operand %s", n)
	return nil
}

func (c *compiler) fields(idents []string) func(reflect.Value) reflect.Value {
	fs := make([]*field, len(idents))
	for i, name := range idents {
		fs[i] = c.newField(name)
	}
	if len(fs) == 1 {
		return fs[0].eval
	}
	return func(v reflect.Value) reflect.Value {
		for _, f := range fs {
			v = f.eval(v)
		}
		return v
	}
}

// idealConstant is the value of a number whose type the context does not
// give.
func idealConstant(n *parse.NumberNode) reflect.Value {
	switch {
	case n.IsComplex:
		return reflect.ValueOf(n.Complex128)
	case n.IsFloat && !isHexInt(n.Text) && !isRuneInt(n.Text) && strings.ContainsAny(n.Text, ".eEpP"):
		return reflect.ValueOf(n.Float64)
	case n.IsInt:
		i := int(n.Int64)
		if int64(i) != n.Int64 {
			refuse("%s overflows int", n.Text)
		}
		return reflect.ValueOf(i)
	}
	refuse("%s overflows int", n.Text)
	return reflect.Value{}
}

func isRuneInt(s string) bool { return len(s) > 0 && s[0] == '\'' }

func isHexInt(s string) bool {
	return len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && !strings.ContainsAny(s, "pP")
}

// arg compiles text/template's evalArg: an argument converted to the
// parameter type typ (nil: any value).
func (c *compiler) arg(n parse.Node, typ reflect.Type) valueFn {
	switch n := n.(type) {
	case *parse.DotNode, *parse.FieldNode, *parse.VariableNode, *parse.PipeNode, *parse.IdentifierNode, *parse.ChainNode:
		v := c.operand(n)
		if typ == nil || typ == reflectValueType {
			return func(s *state, dot reflect.Value) reflect.Value { return v(s, dot) }
		}
		return func(s *state, dot reflect.Value) reflect.Value { return validateType(v(s, dot), typ) }
	case *parse.NilNode:
		if typ == nil || !canBeNil(typ) {
			refuse("nil argument")
		}
		if typ == reflectValueType {
			return func(*state, reflect.Value) reflect.Value { return reflect.Value{} }
		}
		z := reflect.Zero(typ)
		return func(*state, reflect.Value) reflect.Value { return z }
	}
	if typ == nil {
		refuse("constant without a type")
	}
	v, ok := constArg(n, typ)
	if !ok {
		refuse("can't handle %s for an argument of type %s", n, typ)
	}
	return func(*state, reflect.Value) reflect.Value { return v }
}

// constArg is a constant argument converted to the parameter type typ, as
// evalArg converts it; for typ reflect.Value, the constant's own value.
func constArg(n parse.Node, typ reflect.Type) (v reflect.Value, ok bool) {
	switch typ.Kind() {
	case reflect.Bool:
		if b, ok := n.(*parse.BoolNode); ok {
			v = reflect.New(typ).Elem()
			v.SetBool(b.True)
		}
	case reflect.String:
		if str, ok := n.(*parse.StringNode); ok {
			v = reflect.New(typ).Elem()
			v.SetString(str.Text)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if num, ok := n.(*parse.NumberNode); ok && num.IsInt {
			v = reflect.New(typ).Elem()
			v.SetInt(num.Int64)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if num, ok := n.(*parse.NumberNode); ok && num.IsUint {
			v = reflect.New(typ).Elem()
			v.SetUint(num.Uint64)
		}
	case reflect.Float32, reflect.Float64:
		if num, ok := n.(*parse.NumberNode); ok && num.IsFloat {
			v = reflect.New(typ).Elem()
			v.SetFloat(num.Float64)
		}
	case reflect.Interface, reflect.Struct:
		if typ.Kind() == reflect.Interface && typ.NumMethod() != 0 || typ.Kind() == reflect.Struct && typ != reflectValueType {
			break
		}
		switch n := n.(type) {
		case *parse.BoolNode:
			v = reflect.ValueOf(n.True)
		case *parse.StringNode:
			v = reflect.ValueOf(n.Text)
		case *parse.NumberNode:
			v = idealConstant(n)
		}
	}
	return v, v.IsValid()
}

// methodCall compiles a command whose first word is a field chain ending
// in a method that gets arguments ({{.Date.Format "2006-01-02"}}, or
// {{x | .Method}}). The method's parameter types are known only when it is
// found, at run time, so the arguments are converted then.
func (c *compiler) methodCall(first parse.Node, args []parse.Node, hasFinal bool) cmdFn {
	var recv valueFn
	var name string
	switch n := first.(type) {
	case *parse.FieldNode:
		name = n.Ident[len(n.Ident)-1]
		if len(n.Ident) == 1 {
			recv = func(_ *state, dot reflect.Value) reflect.Value { return dot }
		} else {
			recv = c.operand(&parse.FieldNode{NodeType: parse.NodeField, Pos: n.Pos, Ident: n.Ident[:len(n.Ident)-1]})
		}
	case *parse.VariableNode:
		if len(n.Ident) == 1 {
			refuse("arguments to the variable %s", n)
		}
		name = n.Ident[len(n.Ident)-1]
		recv = c.operand(&parse.VariableNode{NodeType: parse.NodeVariable, Pos: n.Pos, Ident: n.Ident[:len(n.Ident)-1]})
	case *parse.ChainNode:
		name = n.Field[len(n.Field)-1]
		if len(n.Field) == 1 {
			recv = c.arg(n.Node, nil)
		} else {
			recv = c.operand(&parse.ChainNode{NodeType: parse.NodeChain, Pos: n.Pos, Node: n.Node, Field: n.Field[:len(n.Field)-1]})
		}
	default:
		refuse("arguments to %s", first)
	}
	method := c.newField(name)
	argv := make([]func(s *state, dot reflect.Value, typ reflect.Type) reflect.Value, len(args))
	for i, a := range args {
		switch a.(type) {
		case *parse.DotNode, *parse.FieldNode, *parse.VariableNode, *parse.PipeNode, *parse.IdentifierNode, *parse.ChainNode:
			v := c.operand(a)
			argv[i] = func(s *state, dot reflect.Value, typ reflect.Type) reflect.Value { return validateType(v(s, dot), typ) }
		case *parse.NilNode:
			argv[i] = func(_ *state, _ reflect.Value, typ reflect.Type) reflect.Value {
				if !canBeNil(typ) {
					fail("nil argument")
				}
				return reflect.Zero(typ)
			}
		default:
			argv[i] = func(_ *state, _ reflect.Value, typ reflect.Type) reflect.Value {
				v, ok := constArg(a, typ)
				if !ok {
					fail("constant argument of the wrong type")
				}
				if typ == reflectValueType {
					return reflect.ValueOf(v)
				}
				return v
			}
		}
	}
	return func(s *state, dot, final reflect.Value) reflect.Value {
		m := method.method(recv(s, dot))
		numIn, param, err := signature(m.Type(), len(argv), hasFinal)
		if err != "" {
			fail(name + ": " + err)
		}
		in := make([]reflect.Value, numIn)
		for i, a := range argv {
			in[i] = a(s, dot, param(i))
		}
		if hasFinal {
			in[numIn-1] = validateType(final, param(numIn-1))
		}
		out := m.Call(in)
		if len(out) == 2 && !out[1].IsNil() {
			fail("error calling " + name)
		}
		return unwrapValue(out[0])
	}
}
