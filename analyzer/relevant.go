package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"runtime"
	"slices"
	"sync"
	"weak"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// Most functions of a program never touch a lock: building their SSA form
// would cost more than everything else lockorder does. relevantFuncs decides
// from the syntax and the types which declared functions can matter to the
// lock graph; the others are built without a body, which gives them the
// empty summary that walking them would have given. The initial values of
// package variables are decided the same way, each on its own: the package
// initializer evaluates only those that matter.
//
// A function matters when its body (closures included) does any of:
//   - mentions a value of a sync type (a lock, an alias of one, a Cond);
//   - operates on a channel (an event for the blocking checks);
//   - calls anything but a function known to be irrelevant: a function of
//     this package that does not matter, a function of another package with
//     no summary fact (or one that only calls through slots this package
//     does not follow), an interface method outside the slots the analysis
//     follows, a builtin other than close; a function literal called at
//     once, or through a local variable declared with it, counts by its
//     body alone, and a call of a function of another package whose fact
//     only calls its parameters counts by what it is passed (see
//     plainArguments);
//   - uses a func-typed variable or field, or a function that matters as a
//     value (a callback stored, passed or called);
//   - uses a value of a type with a method that matters and that
//     implements an interface of the module, where the value may be
//     converted to an interface (a conversion registers the method as a
//     callee of the interface's slots; see mayConvert).
//
// A function that matters only through a function of this package matters
// once that one does; the decision is a least fixpoint over the package.

// relevance computes which functions of a package matter.
type relevance struct {
	pass   *analysis.Pass
	module string // see followed
	// ifaces are the named interfaces whose slots the analysis follows for
	// this package: those of its module, declared here or in a package it
	// imports, directly or not.
	ifaces []*types.Named
	// generic are the method names of the generic interfaces among them:
	// whether a type implements an instance is not decided here, so a
	// method of that name counts.
	generic map[string]bool
	facts   map[*types.Func]calleeFact
	convert map[types.Type][]*types.Func // see convertible
	// literals are the local variables declared with a function literal
	// as their value (see callMatters).
	literals map[*types.Var]bool
	// deps[f] are the functions of this package that make f matter if they
	// do; relevant is the fixpoint.
	deps     map[*types.Func][]*types.Func
	relevant map[*types.Func]bool
}

// relevantFuncs returns the declared functions of the package that matter
// and, in initialization order, the initial values of package variables
// that do (the package initializer evaluates only those): both are empty
// when nothing in the package matters.
func relevantFuncs(pass *analysis.Pass) (map[*types.Func]bool, []*types.Initializer) {
	r := &relevance{
		pass:     pass,
		module:   moduleOf(pass),
		facts:    make(map[*types.Func]calleeFact),
		convert:  make(map[types.Type][]*types.Func),
		literals: make(map[*types.Var]bool),
		deps:     make(map[*types.Func][]*types.Func),
		relevant: make(map[*types.Func]bool),
	}
	r.ifaces, r.generic = moduleInterfaces(pass)
	var work []*types.Func
	visit := func(fn *types.Func, body ast.Node, stack []ast.Node) {
		if r.inspect(fn, body, stack) && !r.relevant[fn] {
			r.relevant[fn] = true
			work = append(work, fn)
		}
	}
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			if decl, ok := decl.(*ast.FuncDecl); ok && decl.Body != nil {
				visit(pass.TypesInfo.Defs[decl.Name].(*types.Func), decl.Body, nil)
			}
		}
	}
	// Each initial value stands for a function of its own, not declared,
	// whose body is seen under its declaration.
	specs := valueSpecs(pass.Files)
	inits := make([]*types.Func, len(pass.TypesInfo.InitOrder))
	for i, init := range pass.TypesInfo.InitOrder {
		inits[i] = types.NewFunc(init.Rhs.Pos(), pass.Pkg, "init", new(types.Signature))
		var stack []ast.Node
		if spec, ok := specs[init.Rhs]; ok {
			stack = []ast.Node{spec}
		}
		visit(inits[i], init.Rhs, stack)
	}
	dependents := make(map[*types.Func][]*types.Func)
	for fn, deps := range r.deps {
		for _, d := range deps {
			dependents[d] = append(dependents[d], fn)
		}
	}
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		for _, d := range dependents[fn] {
			if !r.relevant[d] {
				r.relevant[d] = true
				work = append(work, d)
			}
		}
	}
	// ssa names the function literals of the initializer in the order it
	// builds them (init$1, init$2...): an initial value that does not
	// matter is left out unless it has a literal and a literal is built
	// after it, so that witnesses name the literals as they would without
	// pruning.
	// Whether a value has a literal is looked for only when it decides:
	// initial values can be large tables.
	var initOrder []*types.Initializer
	literalAfter := false
	for i := len(inits) - 1; i >= 0; i-- {
		init, matters := pass.TypesInfo.InitOrder[i], r.relevant[inits[i]]
		delete(r.relevant, inits[i])
		literal := matters != literalAfter && hasFuncLit(init.Rhs)
		if matters || literal {
			initOrder = append(initOrder, init)
		}
		literalAfter = literalAfter || literal
	}
	slices.Reverse(initOrder)
	return r.relevant, initOrder
}

// hasFuncLit reports whether an expression has a function literal in it.
func hasFuncLit(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			found = true
		}
		return !found
	})
	return found
}

// valueSpecs returns the declaration of each initial value of the package
// variables declared in files.
func valueSpecs(files []*ast.File) map[ast.Expr]*ast.ValueSpec {
	specs := make(map[ast.Expr]*ast.ValueSpec)
	for _, file := range files {
		for _, decl := range file.Decls {
			if decl, ok := decl.(*ast.GenDecl); ok && decl.Tok == token.VAR {
				for _, spec := range decl.Specs {
					spec := spec.(*ast.ValueSpec)
					for _, v := range spec.Values {
						specs[v] = spec
					}
				}
			}
		}
	}
	return specs
}

// inspect reports whether a function's body (or the initial value of
// package variables) matters by itself, and records the functions of this
// package it depends on. The stack holds the nodes above the body.
func (r *relevance) inspect(fn *types.Func, body ast.Node, stack []ast.Node) bool {
	info := r.pass.TypesInfo
	matters := false
	ast.PreorderStack(body, stack, func(n ast.Node, stack []ast.Node) bool {
		if matters {
			return false
		}
		switch n := n.(type) {
		case *ast.SendStmt, *ast.SelectStmt:
			matters = true
		case *ast.UnaryExpr:
			matters = n.Op == token.ARROW
		case *ast.RangeStmt:
			_, matters = types.Unalias(info.TypeOf(n.X)).Underlying().(*types.Chan)
		case *ast.CallExpr:
			matters = r.callMatters(fn, n)
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				declareLiterals(info, r.literals, n.Lhs, n.Rhs)
			}
		case *ast.ValueSpec:
			declareLiterals(info, r.literals, n.Names, n.Values)
		case *ast.Ident:
			if sel, ok := parent(stack).(*ast.SelectorExpr); !ok || sel.Sel != n { // else seen with its selector
				matters = r.valueMatters(fn, n, isCallee(n, stack))
			}
		case *ast.SelectorExpr:
			matters = r.valueMatters(fn, n, isCallee(n, stack))
		}
		if e, ok := n.(ast.Expr); ok && !matters {
			matters = r.typeMatters(fn, e, stack)
		}
		return !matters
	})
	return matters
}

// parent returns the innermost node of a traversal stack, or nil.
func parent(stack []ast.Node) ast.Node {
	if len(stack) == 0 {
		return nil
	}
	return stack[len(stack)-1]
}

// usedBy returns e with the parentheses around it, from the traversal
// stack above it, and the index in stack of the node that uses it (-1 if
// none does).
func usedBy(e ast.Expr, stack []ast.Node) (ast.Expr, int) {
	i := len(stack) - 1
	for ; i >= 0; i-- {
		p, ok := stack[i].(*ast.ParenExpr)
		if !ok {
			break
		}
		e = p
	}
	return e, i
}

// isCallee reports whether e, with the traversal stack above it, is the
// function of a call (then it is not a func value).
func isCallee(e ast.Expr, stack []ast.Node) bool {
	e, i := usedBy(e, stack)
	if i < 0 {
		return false
	}
	call, ok := stack[i].(*ast.CallExpr)
	return ok && call.Fun == e
}

// callMatters reports whether a call matters by itself; a call of a
// function of this package adds a dependency instead.
func (r *relevance) callMatters(fn *types.Func, call *ast.CallExpr) bool {
	info := r.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return false // a conversion
	}
	if _, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		return false // its body is inspected with the caller's
	}
	switch callee := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		return callee.Name() == "close"
	case *types.Func:
		if sel, ok := info.Selections[selector(call.Fun)]; ok && types.IsInterface(sel.Recv()) {
			return r.interfaceCallMatters(sel.Recv(), callee)
		}
		if !r.funcMatters(fn, callee) {
			return false
		}
		params := r.factOf(callee).params // a function of another package
		return params == nil || !plainArguments(info, call, callee, params)
	case *types.Var:
		return !r.literals[callee]
	}
	return true // a func value or a type parameter's method
}

// declareLiterals records in literals the variables among names (local
// ones: only bodies are inspected) that are declared with a function
// literal as their value. A call of one matters by the literal's body
// alone, which is inspected where it is written: any other value the
// variable gets is assigned to it, and the variable on the left of that
// assignment is a value that may be a func used, which matters (see
// mayBeFunc).
func declareLiterals[E ast.Expr](info *types.Info, literals map[*types.Var]bool, names []E, values []ast.Expr) {
	if len(names) != len(values) {
		return
	}
	for i, name := range names {
		id, _ := ast.Expr(name).(*ast.Ident)
		v, ok := info.Defs[id].(*types.Var)
		if _, lit := ast.Unparen(values[i]).(*ast.FuncLit); ok && lit {
			literals[v] = true
		}
	}
}

// plainArguments reports whether the arguments that a call passes to the
// parameters its callee calls (see paramCall) are each a function literal,
// an identifier or a selector. Those matter by themselves where they are
// written (see valueMatters and mayBeFunc), and what the callee holds when
// it calls them makes edges only to what they take: the call adds nothing.
// A receiver or a variadic parameter among them, or any other expression
// (an element of a slice of funcs, a call's result), makes it matter.
func plainArguments(info *types.Info, call *ast.CallExpr, callee *types.Func, params []int) bool {
	sig := callee.Signature()
	methodExpr := false
	if sel, ok := info.Selections[selector(call.Fun)]; ok {
		methodExpr = sel.Kind() == types.MethodExpr // T.M(x, ...): x is an argument
	}
	for _, p := range params {
		i := p // the index in call.Args
		if sig.Recv() != nil {
			if p == 0 {
				return false // the receiver
			}
			p--
			if !methodExpr {
				i--
			}
		}
		if sig.Variadic() && p == sig.Params().Len()-1 || i >= len(call.Args) {
			return false
		}
		switch ast.Unparen(call.Args[i]).(type) {
		case *ast.FuncLit, *ast.Ident, *ast.SelectorExpr:
		default:
			return false
		}
	}
	return true
}

// interfaceCallMatters reports whether a call through an interface can
// matter: Lock and Unlock through a Locker, or a method of an interface
// whose slots are followed (see followed).
func (r *relevance) interfaceCallMatters(recv types.Type, m *types.Func) bool {
	if _, ok := lockerMethods[m.Name()]; ok {
		return true
	}
	if _, ok := types.Unalias(recv).(*types.TypeParam); ok {
		return true
	}
	slot, ok := methodSlot(recv, m.Name())
	return ok && followed(slot.ID, r.module)
}

// funcMatters reports whether a static callee, or a function used as a
// value, matters: a sync function or one with a summary fact does; one of
// this package adds a dependency.
func (r *relevance) funcMatters(fn, f *types.Func) bool {
	f = f.Origin()
	if recv := f.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
		return r.interfaceCallMatters(recv.Type(), f) // promoted from an embedded interface
	}
	switch pkg := f.Pkg(); {
	case pkg == nil:
		return false
	case isSyncOp(f):
		return true
	case pkg == r.pass.Pkg:
		r.deps[fn] = append(r.deps[fn], f)
		return false
	}
	return r.factOf(f).matters
}

// A calleeFact is what relevance needs of a function of another package.
type calleeFact struct {
	// matters is whether it has a summary fact that is not empty for a
	// caller of this module.
	matters bool
	// params, when set, are the parameters it calls, the only thing its
	// summary has (with the locks it holds at those calls, which make edges
	// only to what the function passed takes).
	params []int
}

// factOf returns the calleeFact of a function of another package.
func (r *relevance) factOf(f *types.Func) calleeFact {
	f = f.Origin()
	cf, ok := r.facts[f]
	if !ok {
		var fact funcFact
		if r.pass.ImportObjectFact(f, &fact) && !fact.Summary.emptyFor(r.module) {
			cf.matters = true
			rest := fact.Summary
			rest.ParamCalls = nil
			if rest.emptyFor(r.module) {
				for _, pc := range fact.Summary.ParamCalls {
					cf.params = append(cf.params, pc.Param)
				}
			}
		}
		r.facts[f] = cf
	}
	return cf
}

// valueMatters reports whether an identifier or selector used as a value
// (not called) matters: a func-typed variable or field, or a function.
func (r *relevance) valueMatters(fn *types.Func, e ast.Expr, called bool) bool {
	info := r.pass.TypesInfo
	var obj types.Object
	switch e := e.(type) {
	case *ast.Ident:
		obj = info.Uses[e]
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok {
			if sel.Kind() == types.MethodVal && types.IsInterface(sel.Recv()) {
				if called {
					return false // see callMatters
				}
				return r.interfaceCallMatters(sel.Recv(), sel.Obj().(*types.Func))
			}
			obj = sel.Obj()
		} else {
			obj = info.Uses[e.Sel] // a qualified identifier
		}
	}
	switch obj := obj.(type) {
	case *types.Var:
		return mayBeFunc(obj.Type()) && !called
	case *types.Func:
		if called {
			return false // see callMatters
		}
		return r.funcMatters(fn, obj)
	}
	return false
}

// mayBeFunc reports whether a value of type t may be a func value: t is a
// func type, or a type parameter whose constraint allows one. The walker
// calls a value of either kind alike, and the rules that let a call matter
// by what it runs (see callMatters) count on such a value, used, mattering.
func mayBeFunc(t types.Type) bool {
	if tp, ok := types.Unalias(t).(*types.TypeParam); ok {
		return allowsFunc(tp.Constraint())
	}
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// allowsFunc reports whether a constraint has a func type among its terms.
func allowsFunc(constraint types.Type) bool {
	iface, ok := constraint.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for i := range iface.NumEmbeddeds() {
		switch e := iface.EmbeddedType(i).(type) {
		case *types.Union:
			for j := range e.Len() {
				if _, ok := e.Term(j).Type().Underlying().(*types.Signature); ok {
					return true
				}
			}
		default:
			if _, ok := e.Underlying().(*types.Signature); ok || allowsFunc(e) {
				return true
			}
		}
	}
	return false
}

// typeMatters reports whether the type of an expression (with the
// traversal stack above it) matters where it appears: a sync type, or, for
// a value that may be converted to an interface there, a type that can be
// converted to a followed interface and has methods that matter (added as
// dependencies).
func (r *relevance) typeMatters(fn *types.Func, e ast.Expr, stack []ast.Node) bool {
	tv, ok := r.pass.TypesInfo.Types[e]
	if !ok {
		tv.Type = r.pass.TypesInfo.TypeOf(e) // an identifier
	}
	t := tv.Type
	if t == nil {
		return false
	}
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	if pkg := named.Obj().Pkg(); pkg != nil && pkg.Path() == "sync" {
		name := named.Obj().Name()
		return syncMethods[name] != nil || name == "Locker"
	}
	if tv.IsType() || types.IsInterface(named) {
		return false // a type is not a value to convert
	}
	methods, ok := r.convert[named]
	if !ok {
		methods = r.convertible(named)
		r.convert[named] = methods
	}
	if len(methods) == 0 || !mayConvert(r.pass.TypesInfo, e, stack) {
		return false
	}
	for _, m := range methods {
		if r.funcMatters(fn, m) {
			return true
		}
	}
	return false
}

// mayConvert reports whether the value of e, with the traversal stack
// above it, may be converted to an interface where it appears, which
// registers its methods (see walker.conversion): it is not where it is the
// operand of a selector, an index, a slice, a dereference, &, a range or a
// statement, is assigned to, or is stored, passed or declared at a type
// other than an interface. Where it does not know, it may be.
func mayConvert(info *types.Info, e ast.Expr, stack []ast.Node) bool {
	e, i := usedBy(e, stack)
	if i < 0 {
		return true
	}
	switch p := stack[i].(type) {
	case *ast.SelectorExpr, *ast.StarExpr, *ast.SliceExpr, *ast.RangeStmt, *ast.ExprStmt, *ast.IncDecStmt:
		return false
	case *ast.IndexExpr:
		return e != p.X
	case *ast.UnaryExpr:
		return p.Op != token.AND
	case *ast.SendStmt:
		ch, ok := types.Unalias(info.TypeOf(p.Chan)).Underlying().(*types.Chan)
		return e != p.Chan && (!ok || mayConvertTo(ch.Elem()))
	case *ast.AssignStmt:
		if slices.Contains(p.Lhs, e) {
			return false
		}
		if j := slices.Index(p.Rhs, e); j >= 0 && len(p.Lhs) == len(p.Rhs) && (p.Tok == token.ASSIGN || p.Tok == token.DEFINE) {
			return mayConvertTo(info.TypeOf(p.Lhs[j]))
		}
	case *ast.ValueSpec:
		j := slices.Index(p.Values, e)
		if j < 0 {
			return false // a name
		}
		if len(p.Names) == len(p.Values) {
			return mayConvertTo(info.TypeOf(p.Names[j]))
		}
	case *ast.CompositeLit:
		return e != p.Type && mayConvertTo(elementType(info, p, nil, slices.Index(p.Elts, e)))
	case *ast.KeyValueExpr:
		lit, ok := stack[max(i-1, 0)].(*ast.CompositeLit)
		if !ok {
			return true
		}
		if e == p.Key {
			m, ok := literalType(info, lit).(*types.Map)
			return ok && mayConvertTo(m.Key()) // else a field name or an index
		}
		return mayConvertTo(elementType(info, lit, p.Key, -1))
	case *ast.CallExpr:
		return e != p.Fun && mayConvertTo(argumentType(info, p, slices.Index(p.Args, e)))
	}
	return true
}

// mayConvertTo reports whether a value stored at type t may be converted
// to an interface: t is one (a type parameter is one here), or unknown.
func mayConvertTo(t types.Type) bool {
	return t == nil || types.IsInterface(t)
}

// literalType returns the underlying type of a composite literal, through
// the pointer of a &T elided in an outer literal.
func literalType(info *types.Info, lit *ast.CompositeLit) types.Type {
	t := types.Unalias(info.TypeOf(lit))
	if ptr, ok := t.(*types.Pointer); ok {
		t = types.Unalias(ptr.Elem())
	}
	return t.Underlying()
}

// elementType returns the type at which a composite literal stores an
// element: the one with the given key, or without a key the i-th one; nil
// if it does not know.
func elementType(info *types.Info, lit *ast.CompositeLit, key ast.Expr, i int) types.Type {
	switch u := literalType(info, lit).(type) {
	case *types.Struct:
		if id, ok := key.(*ast.Ident); ok {
			if field, ok := info.Uses[id].(*types.Var); ok {
				return field.Type()
			}
		} else if key == nil && i >= 0 && i < u.NumFields() {
			return u.Field(i).Type()
		}
	case *types.Map:
		return u.Elem()
	case *types.Slice:
		return u.Elem()
	case *types.Array:
		return u.Elem()
	}
	return nil
}

// argumentType returns the type at which a call passes its i-th argument
// (or a conversion converts it), nil if it does not know.
func argumentType(info *types.Info, call *ast.CallExpr, i int) types.Type {
	tv := info.Types[ast.Unparen(call.Fun)]
	if tv.IsType() {
		return tv.Type
	}
	sig, ok := types.Unalias(tv.Type).Underlying().(*types.Signature)
	if !ok || i < 0 {
		return nil
	}
	params := sig.Params()
	switch last := params.Len() - 1; {
	case sig.Variadic() && i >= last && !call.Ellipsis.IsValid():
		if s, ok := params.At(last).Type().(*types.Slice); ok {
			return s.Elem()
		}
	case i <= last:
		return params.At(i).Type()
	}
	return nil
}

// convertible returns the methods of a named type (through a pointer too)
// that a conversion to a followed interface would register, or nil.
func (r *relevance) convertible(named *types.Named) []*types.Func {
	if len(r.ifaces) == 0 && len(r.generic) == 0 || hasTypeParams(named) {
		return nil // no interface to convert to
	}
	if named.NumMethods() == 0 && !embeds(named.Underlying()) {
		return nil // no method, declared or promoted
	}
	ptr := types.NewPointer(named)
	mset := types.NewMethodSet(ptr) // the pointer has the value's methods too
	if mset.Len() == 0 {
		return nil
	}
	var methods []*types.Func
	for i := range mset.Len() {
		if m := mset.At(i).Obj().(*types.Func); r.generic[m.Name()] {
			methods = append(methods, m)
		}
	}
	for _, iface := range r.ifaces {
		it := iface.Underlying().(*types.Interface)
		if n := it.NumMethods(); n == 0 || n > mset.Len() || mset.Lookup(it.Method(0).Pkg(), it.Method(0).Name()) == nil {
			continue // it registers nothing, or the type cannot implement it
		}
		if !types.Implements(ptr, it) {
			continue
		}
		for i := range it.NumMethods() {
			obj, _, _ := types.LookupFieldOrMethod(ptr, true, it.Method(i).Pkg(), it.Method(i).Name())
			if m, ok := obj.(*types.Func); ok {
				methods = append(methods, m)
			}
		}
	}
	return methods
}

// embeds reports whether t is a struct with an embedded field, whose
// methods it may promote.
func embeds(t types.Type) bool {
	if s, ok := t.(*types.Struct); ok {
		for i := range s.NumFields() {
			if s.Field(i).Embedded() {
				return true
			}
		}
	}
	return false
}

// moduleInterfaces lists the named interfaces with methods that the merger
// follows (see merger.keep): those declared outside the standard library,
// in the analysed module, in the package (locally too) and every package it
// imports. Generic interfaces are given by their method names.
func moduleInterfaces(pass *analysis.Pass) ([]*types.Named, map[string]bool) {
	module := moduleOf(pass)
	var out []*types.Named
	generic := make(map[string]bool)
	add := func(tn *types.TypeName) {
		named, ok := tn.Type().(*types.Named)
		if !ok || tn.IsAlias() || !types.IsInterface(named) {
			return
		}
		it := named.Underlying().(*types.Interface)
		if named.TypeParams().Len() == 0 {
			out = append(out, named)
			return
		}
		for i := range it.NumMethods() {
			generic[it.Method(i).Name()] = true
		}
	}
	seen := make(map[*types.Package]bool)
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if seen[p] || isStd(p.Path()) {
			return
		}
		seen[p] = true
		if module == "" || p.Path() == module || inModule(p.Path(), module) {
			for _, name := range interfaceNames(p) {
				add(p.Scope().Lookup(name).(*types.TypeName))
			}
		}
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	visit(pass.Pkg)
	if seen[pass.Pkg] {
		for _, obj := range pass.TypesInfo.Defs {
			if tn, ok := obj.(*types.TypeName); ok && tn.Parent() != pass.Pkg.Scope() {
				add(tn) // declared in a function
			}
		}
	}
	return out, generic
}

// interfaceNamesOf memoises interfaceNames across passes: listing a scope
// sorts its names, and every package of a module lists every package of the
// module it imports. A key is a weak pointer to the package, and the entry
// goes when the package does.
var interfaceNamesOf sync.Map // weak.Pointer[types.Package] -> []string

// interfaceNames returns the names of a package's package-level interface
// types (aliases left out).
func interfaceNames(p *types.Package) []string {
	key := weak.Make(p)
	if names, ok := interfaceNamesOf.Load(key); ok {
		return names.([]string)
	}
	var names []string
	scope := p.Scope()
	for _, name := range scope.Names() {
		if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() && types.IsInterface(tn.Type()) {
			names = append(names, name)
		}
	}
	if _, loaded := interfaceNamesOf.LoadOrStore(key, names); !loaded {
		runtime.AddCleanup(p, func(key weak.Pointer[types.Package]) { interfaceNamesOf.Delete(key) }, key)
	}
	return names
}

// selector returns e as a selector expression, or nil.
func selector(e ast.Expr) *ast.SelectorExpr {
	sel, _ := ast.Unparen(e).(*ast.SelectorExpr)
	return sel
}

// isSyncOp reports whether f is a method of a sync type that the walker
// interprets (see syncOp), sync.NewCond or (*sync.Once).Do: they have no
// summary fact and matter anyway.
func isSyncOp(f *types.Func) bool {
	if f.Pkg() == nil || f.Pkg().Path() != "sync" {
		return false
	}
	if f.Name() == "NewCond" {
		return true
	}
	recv := f.Signature().Recv()
	if recv == nil {
		return false
	}
	name, ok := syncType(recv.Type()) // every one of them has a pointer receiver
	return ok && (syncMethods[name][f.Name()] != notSyncOp || name == "Once" && f.Name() == "Do")
}
