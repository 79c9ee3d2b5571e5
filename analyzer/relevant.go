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
//   - operates on a channel that may have a class (an event for the
//     blocking checks; see mayHaveClass);
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
//     converted to a named interface of the module (a conversion registers
//     the method as a callee of the interface's slots; see mayConvert).
//
// A function that matters only through a function of this package matters
// once that one does; the decision is a least fixpoint over the package. A
// function of this package that the other variant walked (see
// walkedElsewhere) is not looked at: its summary there decides, as a fact
// does for a function of another package.
//
// A function whose summary nothing reads (see uncalled), most of them
// tests, matters only for what it does itself, with no lock held when it
// starts: see decideRoots.

// relevance computes which functions of a package matter.
type relevance struct {
	pa     *pkgAnalysis
	pass   *analysis.Pass
	module string // see followed
	// elsewhere are the functions of this package the other variant
	// walked: their summaries there are known (see factOf).
	elsewhere map[*types.Func]bool
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
	// given caches givenEvent by declaration, paired pairedLocks.
	given  map[ast.Node]map[*types.Var]bool
	paired map[ast.Node]map[*ast.CallExpr]heldRegion
	// deps[f] are the functions of this package that make f matter if they
	// do; relevant is the fixpoint.
	deps     map[*types.Func][]*types.Func
	relevant map[*types.Func]bool
}

// A scope is the code that inspect looks at.
type scope struct {
	// deps collects the functions of this package the code depends on,
	// freeDeps those that free code calls (see decideRoots), which matter
	// to it only if they matter to a caller that holds no lock.
	deps, freeDeps *[]*types.Func
	// free is set for code that runs with no lock held and whose summary
	// only such code reads (see decideRoots); params are then those of the
	// declared function it is in, which its callers check for it. called is
	// set too for free code of a function that such code calls: only its
	// summary can matter there, not what the function records itself.
	free, called bool
	params       *types.Tuple
	// elems are the value variables of ranges over a parameter (a variadic
	// parameter of func values, say), which count as parameters.
	elems map[*types.Var]bool
}

// depend records that the code depends on a function of this package,
// in freeDeps where free is set.
func (s scope) depend(f *types.Func, free bool) {
	if free {
		*s.freeDeps = append(*s.freeDeps, f)
	} else {
		*s.deps = append(*s.deps, f)
	}
}

// usesFunc reports whether a function literal uses a parameter of the
// declared function free code is in that holds func values: a func, or a
// slice of them (a variadic parameter).
func (s scope) usesFunc(info *types.Info, lit *ast.FuncLit) bool {
	found := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			v, _ := info.Uses[id].(*types.Var)
			found = v != nil && s.isParam(v) && (mayBeFunc(v.Type()) || funcSlice(v.Type()))
		}
		return !found
	})
	return found
}

// funcSlice reports whether t is a slice of func values.
func funcSlice(t types.Type) bool {
	slice, ok := t.Underlying().(*types.Slice)
	return ok && mayBeFunc(slice.Elem())
}

// isParam reports whether v is a parameter of the declared function free
// code is in, or one of its elements (never in code that is not free,
// which has no params).
func (s scope) isParam(v *types.Var) bool {
	if s.params == nil {
		return false
	}
	for p := range s.params.Variables() {
		if p == v {
			return true
		}
	}
	return s.elems[v]
}

// rangeElems records the value variable of a range over a parameter of the
// declared function free code is in as one of its elements.
func (s scope) rangeElems(info *types.Info, n *ast.RangeStmt) {
	x, _ := ast.Unparen(n.X).(*ast.Ident)
	value, _ := n.Value.(*ast.Ident)
	p, _ := info.Uses[x].(*types.Var)
	if elem, ok := info.Defs[value].(*types.Var); ok && p != nil && s.isParam(p) && n.Tok == token.DEFINE {
		s.elems[elem] = true
	}
}

// relevantFuncs returns the declared functions of the package that matter
// and, in initialization order, the initial values of package variables
// that do (the package initializer evaluates only those): both are empty
// when nothing in the package matters. The functions walked elsewhere are
// left out.
func relevantFuncs(pa *pkgAnalysis, elsewhere map[*types.Func]bool) (map[*types.Func]bool, []*types.Initializer) {
	pass := pa.pass
	r := &relevance{
		pa:        pa,
		pass:      pass,
		module:    moduleOf(pass),
		elsewhere: elsewhere,
		facts:     make(map[*types.Func]calleeFact),
		convert:   make(map[types.Type][]*types.Func),
		literals:  make(map[*types.Var]bool),
		given:     make(map[ast.Node]map[*types.Var]bool),
		paired:    make(map[ast.Node]map[*ast.CallExpr]heldRegion),
		deps:      make(map[*types.Func][]*types.Func),
		relevant:  make(map[*types.Func]bool),
	}
	r.ifaces, r.generic = moduleInterfaces(pass)
	var work []*types.Func
	visit := func(fn *types.Func, body ast.Node, stack []ast.Node) {
		var deps []*types.Func
		if r.inspect(scope{deps: &deps}, body, stack) && !r.relevant[fn] {
			r.relevant[fn] = true
			work = append(work, fn)
		}
		r.deps[fn] = deps
	}
	decls := make(map[*types.Func]*ast.FuncDecl)
	var roots []*types.Func
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			decl, ok := decl.(*ast.FuncDecl)
			if !ok || decl.Body == nil {
				continue
			}
			fn := pass.TypesInfo.Defs[decl.Name].(*types.Func)
			decls[fn] = decl
			switch {
			case elsewhere[fn]:
			case pa.uncalledFunc(fn):
				roots = append(roots, fn)
			default:
				visit(fn, decl.Body, []ast.Node{decl})
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
	propagate(r.deps, r.relevant, work)
	r.decideRoots(roots, decls)
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

// propagate completes a least fixpoint: a function matters when one it
// depends on through deps does. It starts from work, the functions of
// matters found so far.
func propagate(deps map[*types.Func][]*types.Func, matters map[*types.Func]bool, work []*types.Func) {
	dependents := make(map[*types.Func][]*types.Func)
	for fn, deps := range deps {
		for _, d := range deps {
			dependents[d] = append(dependents[d], fn)
		}
	}
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		for _, d := range dependents[fn] {
			if !matters[d] {
				matters[d] = true
				work = append(work, d)
			}
		}
	}
}

// decideRoots decides which of the functions whose summaries nothing reads
// (see uncalled) matter, and adds them to relevant. Such a root starts
// with no lock held, and its walk records only what happens under the
// locks it takes and the callbacks it stores (see walker.foldCallee): a
// call of a function that takes locks and releases them all, waits for
// events or releases its caller's locks records nothing in it.
//
// Code of a root that runs with no lock held and whose summary only such
// code reads is free. It matters where it calls a sync method, uses a
// channel that may have a class, ranges over a function (whose calls run
// the body), calls a func value other than a parameter of its declared
// function (or an element of one), a field or a package-level variable (a
// call through a slot records nothing with no lock held, nor does one
// through an interface but Lock and Unlock), or calls a function that
// returns holding a lock or stores or calls with a lock held an argument
// that does not matter where it is written (see freeCallMatters); and
// where it uses a function, a
// func value or a value of a sync type, or converts a value to an
// interface, as code that is not free would. A function literal in free
// code is free when it is called where it is written (go and defer too),
// or passed free (see passedFree); the other literals of a root are code
// that is not free.
//
// A function of this package called from free code matters to it only
// through its summary, when the summary can hold something for the caller:
// as its own body looked at as free code, except that what it records
// itself (an event, a callback stored, registered or converted) does not
// matter, nor a sync method that takes no lock, nor a lock it releases
// before it can return while it has no func parameter (see pairedLock);
// a function it uses as a
// value matters as a call of it would, unless it is passed to a function
// that does not call it; a literal of it that is not free matters for a
// lock it takes and for a func parameter of the function it uses. Then
// it takes no lock or releases each before it can return, so it returns
// holding none and calls no parameter with a lock held, and it stores none
// of its parameters.
func (r *relevance) decideRoots(roots []*types.Func, decls map[*types.Func]*ast.FuncDecl) {
	freeDeps := make(map[*types.Func][]*types.Func)
	free := make(map[*types.Func]bool)
	var work []*types.Func
	queue := slices.Clone(roots)
	queued := make(map[*types.Func]bool)
	for _, fn := range roots {
		queued[fn] = true
	}
	for len(queue) > 0 {
		fn := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		var deps, calls []*types.Func
		matters := false
		if decl := decls[fn]; decl != nil {
			s := scope{deps: &deps, freeDeps: &calls, free: true, called: !r.pa.uncalledFunc(fn), params: fn.Signature().Params(), elems: make(map[*types.Var]bool)}
			matters = r.inspect(s, decl.Body, []ast.Node{decl})
		}
		matters = matters || slices.ContainsFunc(deps, func(d *types.Func) bool { return r.relevant[d] })
		freeDeps[fn] = calls
		for _, d := range calls {
			if !queued[d] {
				queued[d] = true
				queue = append(queue, d)
			}
		}
		if matters {
			free[fn] = true
			work = append(work, fn)
		}
	}
	propagate(freeDeps, free, work)
	for _, fn := range roots {
		if free[fn] {
			r.relevant[fn] = true
		} else {
			r.pa.prunedRoots = append(r.pa.prunedRoots, fn.Pos())
		}
	}
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
func (r *relevance) inspect(s scope, body ast.Node, stack []ast.Node) bool {
	info := r.pass.TypesInfo
	matters := false
	ast.PreorderStack(body, stack, func(n ast.Node, stack []ast.Node) bool {
		if matters {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			switch {
			case !s.free || r.runsFree(n, stack):
			case s.called:
				// It may run here, through a variable, or be stored: in
				// either case what it records itself does not matter.
				inner := scope{deps: s.deps, freeDeps: s.freeDeps, free: true, called: true}
				matters = s.usesFunc(info, n) || r.inspect(inner, n.Body, append(slices.Clip(stack), n))
				return false
			default:
				matters = r.inspect(scope{deps: s.deps}, n.Body, append(slices.Clip(stack), n))
				return false
			}
		case *ast.SendStmt:
			matters = !s.called && r.mayHaveClass(n.Chan, stack)
		case *ast.UnaryExpr:
			matters = n.Op == token.ARROW && !s.called && r.mayHaveClass(n.X, stack)
		case *ast.RangeStmt:
			switch types.Unalias(info.TypeOf(n.X)).Underlying().(type) {
			case *types.Chan:
				matters = !s.called && r.mayHaveClass(n.X, stack)
			case *types.Signature:
				matters = s.free // the body runs in the iterator's calls
			}
			if s.free {
				s.rangeElems(info, n)
			}
		case *ast.CallExpr:
			matters = r.callMatters(s, n, stack)
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				declareLiterals(info, r.literals, n.Lhs, n.Rhs)
			}
		case *ast.ValueSpec:
			declareLiterals(info, r.literals, n.Names, n.Values)
		case *ast.Ident:
			if sel, ok := parent(stack).(*ast.SelectorExpr); !ok || sel.Sel != n { // else seen with its selector
				matters = r.valueMatters(s, n, stack)
			}
		case *ast.SelectorExpr:
			matters = r.valueMatters(s, n, stack)
		}
		if e, ok := n.(ast.Expr); ok && !matters && !s.called {
			matters = r.typeMatters(s, e, stack)
		}
		return !matters
	})
	return matters
}

// mayHaveClass reports whether a channel or a WaitGroup (or its
// address), with the traversal stack above it, may have a class, without
// which the walker records no event on it (see pkgAnalysis.eventClass): a
// field, a package-level variable, an element of one, or a local variable
// that may have been given one. A value that a call returns, made by a
// composite literal or received has none, nor has a local variable, or a
// parameter, only ever given such values.
func (r *relevance) mayHaveClass(ch ast.Expr, stack []ast.Node) bool {
	info := r.pass.TypesInfo
	switch ch := ast.Unparen(ch).(type) {
	case *ast.UnaryExpr:
		if ch.Op == token.AND {
			return r.mayHaveClass(ch.X, stack)
		}
		return ch.Op != token.ARROW
	case *ast.Ident:
		v, ok := info.ObjectOf(ch).(*types.Var)
		if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || len(stack) == 0 {
			return true
		}
		return r.givenEvent(stack[0])[v]
	case *ast.CallExpr, *ast.TypeAssertExpr, *ast.CompositeLit:
		return !valueless(info, ch)
	}
	return true
}

// valueless reports whether an expression gives a value no class: it is
// a call (not a conversion), a receive, a type assertion or a composite
// literal (or its address).
func valueless(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		tv, ok := info.Types[e.Fun]
		return !ok || !tv.IsType()
	case *ast.UnaryExpr:
		_, lit := ast.Unparen(e.X).(*ast.CompositeLit)
		return e.Op == token.ARROW || e.Op == token.AND && lit
	case *ast.TypeAssertExpr, *ast.CompositeLit:
		return true
	case *ast.Ident:
		return e.Name == "nil" && info.Uses[e] == types.Universe.Lookup("nil")
	}
	return false
}

// givenEvent returns the local variables of a declaration that may be
// given a value with a class (see mayHaveClass): assigned anything but
// what valueless accepts or nil, or declared by a range.
func (r *relevance) givenEvent(decl ast.Node) map[*types.Var]bool {
	if given, ok := r.given[decl]; ok {
		return given
	}
	info := r.pass.TypesInfo
	given := make(map[*types.Var]bool)
	give := func(lhs ast.Expr, rhs ast.Expr) {
		if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
			if v, ok := info.ObjectOf(id).(*types.Var); ok && (rhs == nil || !valueless(info, rhs)) {
				given[v] = true
			}
		}
	}
	ast.Inspect(decl, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				rhs := n.Rhs[0]
				if len(n.Rhs) == len(n.Lhs) {
					rhs = n.Rhs[i]
				}
				give(lhs, rhs)
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if i < len(n.Values) {
					give(name, n.Values[i])
				} else if len(n.Values) == 1 {
					give(name, n.Values[0])
				}
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if e != nil {
					give(e, nil)
				}
			}
		}
		return true
	})
	r.given[decl] = given
	return given
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

// compared reports whether e, with the traversal stack above it, is an
// operand of == or != (a func value can only be compared with nil).
func compared(e ast.Expr, stack []ast.Node) bool {
	e, i := usedBy(e, stack)
	if i < 0 {
		return false
	}
	bin, ok := stack[i].(*ast.BinaryExpr)
	return ok && (bin.Op == token.EQL || bin.Op == token.NEQ)
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

// runsFree reports whether a function literal in free code is free too
// (see decideRoots): called where it is written, passed free, or the
// value of a local variable that is only called, in the function it is
// declared in.
func (r *relevance) runsFree(lit *ast.FuncLit, stack []ast.Node) bool {
	return isCallee(lit, stack) || r.passedFree(lit, stack) || r.calledHere(lit, stack)
}

// calledHere reports whether a function literal, with the traversal stack
// above it, declares a local variable that every use of which calls,
// outside the literals of the function the variable is declared in.
func (r *relevance) calledHere(lit *ast.FuncLit, stack []ast.Node) bool {
	info := r.pass.TypesInfo
	var name *ast.Ident
	switch p := parent(stack).(type) {
	case *ast.AssignStmt:
		if i := slices.Index(p.Rhs, ast.Expr(lit)); p.Tok == token.DEFINE && i >= 0 && len(p.Lhs) == len(p.Rhs) {
			name, _ = p.Lhs[i].(*ast.Ident)
		}
	case *ast.ValueSpec:
		if i := slices.Index(p.Values, ast.Expr(lit)); i >= 0 && len(p.Names) == len(p.Values) {
			name = p.Names[i]
		}
	}
	v, ok := info.Defs[name].(*types.Var)
	if !ok || len(stack) == 0 {
		return false
	}
	home := innermostFunc(stack)
	called := true
	ast.PreorderStack(stack[0], nil, func(n ast.Node, above []ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
			called = isCallee(id, above) && innermostFunc(above) == home
		}
		return called
	})
	return called
}

// innermostFunc returns the innermost function declaration or literal of
// a traversal stack, or nil.
func innermostFunc(stack []ast.Node) ast.Node {
	for _, n := range slices.Backward(stack) {
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return n
		}
	}
	return nil
}

// passedFree reports whether a func value in free code, with the traversal
// stack above it, is an argument of a static call that did not make the
// code matter, whose callee calls it with no lock held and stores it
// nowhere (see decideRoots).
func (r *relevance) passedFree(e ast.Expr, stack []ast.Node) bool {
	call, f, j := r.staticArgument(e, stack)
	switch {
	case f == nil:
		return false
	case r.walkedHere(f):
		return true // see decideRoots
	}
	info := r.pass.TypesInfo
	return !slices.ContainsFunc(r.factOf(f).bound, func(p int) bool { return argumentIndex(info, call, f, p) == j })
}

// staticArgument returns, when e (with the traversal stack above it) is an
// argument of a call of a function or a method that is not an interface's,
// the call, the function (its origin) and the index of e in the call's
// arguments; a nil function otherwise.
func (r *relevance) staticArgument(e ast.Expr, stack []ast.Node) (*ast.CallExpr, *types.Func, int) {
	e, i := usedBy(e, stack)
	if i < 0 {
		return nil, nil, -1
	}
	call, ok := stack[i].(*ast.CallExpr)
	if !ok {
		return nil, nil, -1
	}
	info := r.pass.TypesInfo
	if sel, ok := info.Selections[selector(call.Fun)]; ok && types.IsInterface(sel.Recv()) {
		return nil, nil, -1
	}
	f, ok := typeutil.Callee(info, call).(*types.Func)
	j := slices.Index(call.Args, e)
	if !ok || j < 0 {
		return nil, nil, -1
	}
	return call, f.Origin(), j
}

// callMatters reports whether a call matters by itself; a call of a
// function of this package adds a dependency instead.
func (r *relevance) callMatters(s scope, call *ast.CallExpr, stack []ast.Node) bool {
	info := r.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return false // a conversion
	}
	if _, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		return false // its body is inspected with the caller's
	}
	switch callee := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		return callee.Name() == "close" && !s.called && len(call.Args) == 1 && r.mayHaveClass(call.Args[0], stack)
	case *types.Func:
		if sel, ok := info.Selections[selector(call.Fun)]; ok && types.IsInterface(sel.Recv()) {
			return r.interfaceCallMatters(sel.Recv(), callee, s.free)
		}
		if recv, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isSyncEvent(callee) && direct(info, recv) && !r.mayHaveClass(recv.X, stack) {
			return false // an event with no class, which records nothing
		}
		if s.free {
			return r.freeCallMatters(s, call, callee, stack)
		}
		if !r.funcMatters(s, callee) {
			return false
		}
		cf := r.factOf(callee) // a function of known summary
		return !cf.onlyCalls || !plainArguments(info, call, callee, cf.called)
	case *types.Var:
		switch {
		case r.literals[callee] || s.isParam(callee):
			return false
		case callee.IsField() || callee.Pkg() != nil && callee.Parent() == callee.Pkg().Scope():
			// A call through a field (a slot) or a package-level variable
			// (which the walker does not follow) records nothing with no
			// lock held.
			return !s.free
		}
		return true
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
// an identifier, a selector or a call's result. The first three matter by
// themselves where they are written (see valueMatters and mayBeFunc), and
// what the callee holds when it calls them makes edges only to what they
// take: the call adds nothing. The walker does not follow a func value
// that a call returns. A receiver or a variadic parameter among them, or
// any other expression (an element of a slice of funcs, a conversion),
// makes it matter.
func plainArguments(info *types.Info, call *ast.CallExpr, callee *types.Func, params []int) bool {
	for _, p := range params {
		i := argumentIndex(info, call, callee, p)
		if i < 0 {
			return false
		}
		switch arg := ast.Unparen(call.Args[i]).(type) {
		case *ast.FuncLit, *ast.Ident, *ast.SelectorExpr:
		case *ast.CallExpr:
			if tv, ok := info.Types[arg.Fun]; ok && tv.IsType() {
				return false // a conversion is its operand
			}
		default:
			return false
		}
	}
	return true
}

// argumentIndex returns the index in call.Args of what a call passes to
// parameter p of its callee (a method's receiver is its parameter 0), or
// -1 for the receiver of a method call (not an argument) and a variadic
// parameter.
func argumentIndex(info *types.Info, call *ast.CallExpr, callee *types.Func, p int) int {
	sig := callee.Signature()
	i := p
	if sig.Recv() != nil {
		if p == 0 {
			return -1
		}
		p--
		if sel, ok := info.Selections[selector(call.Fun)]; !ok || sel.Kind() != types.MethodExpr {
			i-- // not T.M(x, ...), whose x is an argument
		}
	}
	if sig.Variadic() && p == sig.Params().Len()-1 || i >= len(call.Args) {
		return -1
	}
	return i
}

// interfaceCallMatters reports whether a call through an interface can
// matter: Lock and Unlock through a Locker, or, outside free code (where
// a slot call with no lock held records nothing), a method of an
// interface whose slots are followed (see followed).
func (r *relevance) interfaceCallMatters(recv types.Type, m *types.Func, free bool) bool {
	if _, ok := lockerMethods[m.Name()]; ok {
		return true
	}
	if _, ok := types.Unalias(recv).(*types.TypeParam); ok {
		return true
	}
	if free {
		return false
	}
	slot, ok := methodSlot(recv, m.Name())
	return ok && followed(slot.ID, r.module)
}

// funcMatters reports whether a static callee, or a function used as a
// value, matters: a sync function or one with a summary that is not empty
// does; one of this package not walked elsewhere adds a dependency.
func (r *relevance) funcMatters(s scope, f *types.Func) bool {
	if matters, ok := r.decided(s, f, false); ok {
		return matters
	}
	return r.factOf(f).matters
}

// freeCallMatters is callMatters for a static call in free code (see
// decideRoots): a callee called with no lock held by a caller that keeps
// no summary adds to the caller's walk (see walker.foldCallee and
// walker.staticCall) only the locks it returns holding and what it does
// with the arguments it stores or calls with a lock held (see bound),
// which matter where they are written when they are plain (see
// plainArguments); a lock it releases is not the caller's, which holds
// none. In a function called from free code, a lock that the function
// releases before it can return (see pairedLock) makes no difference to
// the caller either.
func (r *relevance) freeCallMatters(s scope, call *ast.CallExpr, f *types.Func, stack []ast.Node) bool {
	if s.called && r.pairedLock(call, stack) || !s.called && r.quietLock(call, stack) {
		return false
	}
	if recv := f.Origin().Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
		return r.interfaceCallMatters(recv.Type(), f.Origin(), true) // promoted from an embedded interface
	}
	if matters, ok := r.decided(s, f, true); ok {
		return matters
	}
	cf := r.factOf(f)
	return cf.returns || cf.bound != nil && !plainArguments(r.pass.TypesInfo, call, f, cf.bound)
}

// decided reports whether a function matters whatever its summary, and ok
// if that decides: a method promoted from an embedded interface matters as
// an interface call does, a sync function does, and one of this package
// not walked elsewhere adds a dependency (see dep for free) instead.
func (r *relevance) decided(s scope, f *types.Func, free bool) (matters, ok bool) {
	f = f.Origin()
	if recv := f.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
		return r.interfaceCallMatters(recv.Type(), f, false), true
	}
	switch {
	case f.Pkg() == nil:
		return false, true
	case isSyncOp(f):
		return !s.called || takesLock(f), true
	case r.walkedHere(f):
		s.depend(f, free)
		return false, true
	}
	return false, false
}

// walkedHere reports whether a function is of this package and not walked
// elsewhere: its summary is not known yet.
func (r *relevance) walkedHere(f *types.Func) bool {
	return f.Pkg() == r.pass.Pkg && !r.elsewhere[f]
}

// calledValueMatters is valueMatters for a function in the free code of a
// function called from free code, which may call it (see valueMatters): it
// matters as a call of it would, whatever it is passed.
func (r *relevance) calledValueMatters(s scope, f *types.Func) bool {
	if matters, ok := r.decided(s, f, true); ok {
		return matters
	}
	cf := r.factOf(f)
	return cf.returns || cf.bound != nil
}

// notCalled reports whether a value, with the traversal stack above it, is
// an argument of a static call whose callee, of known summary, does not
// call it (it may store it).
func (r *relevance) notCalled(e ast.Expr, stack []ast.Node) bool {
	call, f, j := r.staticArgument(e, stack)
	if f == nil || isSyncOp(f) || r.walkedHere(f) {
		return false
	}
	info := r.pass.TypesInfo
	return !slices.ContainsFunc(r.factOf(f).called, func(p int) bool {
		k := argumentIndex(info, call, f, p)
		return k == j || k < 0
	})
}

// bound returns the parameters a summary stores (but into a dead slot)
// or calls with a lock held: the function values passed there are not
// free.
func (r *relevance) bound(sum summary) []int {
	var params []int
	for _, ps := range sum.ParamStores {
		if !r.pa.deadSlot(ps.Field) {
			params = append(params, ps.Param)
		}
	}
	for _, pc := range sum.ParamCalls {
		if len(pc.Held) > 0 {
			params = append(params, pc.Param)
		}
	}
	return params
}

// A calleeFact is what relevance needs of a function of known summary: of
// another package (its fact), or walked elsewhere.
type calleeFact struct {
	// matters is whether its summary is not empty for a caller of this
	// module.
	matters bool
	// called are the parameters it calls; onlyCalls is set when those
	// calls are all its summary has (with the locks it holds at them, which
	// make edges only to what the function passed takes).
	called    []int
	onlyCalls bool
	// returns is whether it returns holding a lock; bound are the
	// parameters it stores or calls with a lock held (see
	// freeCallMatters).
	returns bool
	bound   []int
}

// factOf returns the calleeFact of a function of known summary.
func (r *relevance) factOf(f *types.Func) calleeFact {
	f = f.Origin()
	cf, ok := r.facts[f]
	if !ok {
		var sum summary
		if r.elsewhere[f] {
			sum = r.pa.base.summaries[f.Pos()]
		} else {
			var fact funcFact
			r.pass.ImportObjectFact(f, &fact)
			sum = fact.Summary
		}
		if !sum.emptyFor(r.module) {
			cf.matters = true
			cf.returns, cf.bound = len(sum.Returns) > 0, r.bound(sum)
			for _, pc := range sum.ParamCalls {
				cf.called = append(cf.called, pc.Param)
			}
			rest := sum
			rest.ParamCalls = nil
			cf.onlyCalls = rest.emptyFor(r.module)
		}
		r.facts[f] = cf
	}
	return cf
}

// valueMatters reports whether an identifier or selector, with the
// traversal stack above it, used as a value (not called) matters: a
// func-typed variable or field, unless compared, or a function. In free
// code, a parameter of its declared function passed free does not: the
// callers look at what they pass. In the free code of a function called
// from free code (see decideRoots), a value it may store or register
// itself does not either: only a function that could hold a lock for it
// where it calls the function (through sync.Once.Do, or through a variable
// it is assigned to).
func (r *relevance) valueMatters(s scope, e ast.Expr, stack []ast.Node) bool {
	info := r.pass.TypesInfo
	called := isCallee(e, stack)
	var obj types.Object
	switch e := e.(type) {
	case *ast.Ident:
		obj = info.Uses[e]
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok {
			if sel.Kind() == types.MethodVal && types.IsInterface(sel.Recv()) {
				if called || s.called {
					return false // see callMatters; else recorded by the function
				}
				return r.interfaceCallMatters(sel.Recv(), sel.Obj().(*types.Func), false)
			}
			obj = sel.Obj()
		} else {
			obj = info.Uses[e.Sel] // a qualified identifier
		}
	}
	switch obj := obj.(type) {
	case *types.Var:
		if !mayBeFunc(obj.Type()) || called || compared(e, stack) {
			return false
		}
		if !s.isParam(obj) {
			return !s.called
		}
		return !r.passedFree(e, stack)
	case *types.Func:
		switch {
		case called:
			return false // see callMatters
		case s.called:
			return !r.notCalled(e, stack) && r.calledValueMatters(s, obj)
		}
		return r.funcMatters(s, obj)
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
func (r *relevance) typeMatters(s scope, e ast.Expr, stack []ast.Node) bool {
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
		switch name := named.Obj().Name(); name {
		case "WaitGroup":
			return !isType(r.pass.TypesInfo, e) && r.mayHaveClass(e, stack) // its operations are events only
		case "Mutex", "RWMutex":
			return !r.inQuietLock(stack)
		default:
			return syncMethods[name] != nil || name == "Locker"
		}
	}
	if tv.IsType() || types.IsInterface(named) {
		return false // a type is not a value to convert
	}
	methods, ok := r.convert[named]
	if !ok {
		methods = r.convertible(named)
		r.convert[named] = methods
	}
	if len(methods) == 0 || !r.mayConvert(e, stack) {
		return false
	}
	for _, m := range methods {
		if r.funcMatters(s, m) {
			return true
		}
	}
	return false
}

// mayConvert reports whether the value of e, with the traversal stack
// above it, may be converted to an interface where it appears, which
// registers its methods (see walker.conversion): it is not where it is the
// operand of a selector, an index, a slice, a dereference, &, a range or a
// statement, is assigned to or declared as a parameter, or is stored,
// passed or declared at a type other than an interface. Where it does not
// know, it may be.
func (r *relevance) mayConvert(e ast.Expr, stack []ast.Node) bool {
	info := r.pass.TypesInfo
	e, i := usedBy(e, stack)
	if i < 0 {
		return true
	}
	switch p := stack[i].(type) {
	case *ast.SelectorExpr, *ast.StarExpr, *ast.SliceExpr, *ast.RangeStmt, *ast.ExprStmt, *ast.IncDecStmt, *ast.Field:
		return false // *ast.Field: a parameter or result declared
	case *ast.IndexExpr:
		return e != p.X
	case *ast.UnaryExpr:
		return p.Op != token.AND
	case *ast.SendStmt:
		ch, ok := types.Unalias(info.TypeOf(p.Chan)).Underlying().(*types.Chan)
		return e != p.Chan && (!ok || r.mayConvertTo(ch.Elem()))
	case *ast.AssignStmt:
		if slices.Contains(p.Lhs, e) {
			return false
		}
		if j := slices.Index(p.Rhs, e); j >= 0 && len(p.Lhs) == len(p.Rhs) && (p.Tok == token.ASSIGN || p.Tok == token.DEFINE) {
			return r.mayConvertTo(info.TypeOf(p.Lhs[j]))
		}
	case *ast.ValueSpec:
		j := slices.Index(p.Values, e)
		if j < 0 {
			return false // a name
		}
		if len(p.Names) == len(p.Values) {
			return r.mayConvertTo(info.TypeOf(p.Names[j]))
		}
	case *ast.CompositeLit:
		return e != p.Type && r.mayConvertTo(elementType(info, p, nil, slices.Index(p.Elts, e)))
	case *ast.KeyValueExpr:
		lit, ok := stack[max(i-1, 0)].(*ast.CompositeLit)
		if !ok {
			return true
		}
		if e == p.Key {
			m, ok := literalType(info, lit).(*types.Map)
			return ok && r.mayConvertTo(m.Key()) // else a field name or an index
		}
		return r.mayConvertTo(elementType(info, lit, p.Key, -1))
	case *ast.CallExpr:
		return e != p.Fun && r.mayConvertTo(argumentType(info, p, slices.Index(p.Args, e)))
	case *ast.BinaryExpr:
		other := p.X
		if other == e {
			other = p.Y
		}
		return (p.Op == token.EQL || p.Op == token.NEQ) && r.mayConvertTo(info.TypeOf(other))
	case *ast.ReturnStmt:
		sig := enclosingSignature(info, stack[:i])
		j := slices.Index(p.Results, e)
		if sig == nil || j < 0 || len(p.Results) != sig.Results().Len() {
			return true
		}
		return r.mayConvertTo(sig.Results().At(j).Type())
	}
	return true
}

// enclosingSignature returns the signature of the innermost function in a
// traversal stack, nil if there is none.
func enclosingSignature(info *types.Info, stack []ast.Node) *types.Signature {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncLit:
			sig, _ := info.TypeOf(n).(*types.Signature)
			return sig
		case *ast.FuncDecl:
			if fn, ok := info.Defs[n.Name].(*types.Func); ok {
				return fn.Signature()
			}
			return nil
		}
	}
	return nil
}

// mayConvertTo reports whether a value stored at type t may be converted
// to an interface whose slots the analysis follows (see
// walker.conversion): t is a named one, not of the standard library, of
// this module (see followed), or a type parameter, or unknown. A value
// stored as any or error registers nothing.
func (r *relevance) mayConvertTo(t types.Type) bool {
	if t == nil {
		return true
	}
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return true
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || !types.IsInterface(named) {
		return false
	}
	slot, ok := methodSlot(named, "")
	return ok && followed(slot.ID, r.module)
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

// isType reports whether an expression denotes a type.
func isType(info *types.Info, e ast.Expr) bool {
	if id, ok := e.(*ast.Ident); ok {
		_, typeName := info.ObjectOf(id).(*types.TypeName)
		return typeName
	}
	tv, ok := info.Types[e]
	return ok && tv.IsType()
}

// direct reports whether a method selection is of the receiver itself,
// not of a field embedded in it (which has a class of its own).
func direct(info *types.Info, sel *ast.SelectorExpr) bool {
	s, ok := info.Selections[sel]
	return ok && len(s.Index()) == 1
}

// isSyncEvent reports whether a function is a sync method that only
// waits for or provides an event: WaitGroup's Wait and Done, Cond's Signal
// and Broadcast.
func isSyncEvent(f *types.Func) bool {
	switch syncKind(f) {
	case opSignal, opWGWait, opWGDone:
		return true
	}
	return false
}

// syncKind returns what a method of a sync type does (see syncMethods),
// or notSyncOp.
func syncKind(f *types.Func) syncOpKind {
	recv := f.Signature().Recv()
	if recv == nil {
		return notSyncOp
	}
	name, _ := syncType(recv.Type()) // every one of them has a pointer receiver
	return syncMethods[name][f.Name()]
}

// pairedLock reports whether a call, with the traversal stack above it,
// is a Lock or RLock statement of a declared function (not of a literal in
// it) that releases the lock before it can return (see pairedLocks), and
// that has no parameter that may hold a func value, which it could call
// with the lock held.
func (r *relevance) pairedLock(call *ast.CallExpr, stack []ast.Node) bool {
	if len(stack) == 0 {
		return false
	}
	decl, ok := innermostFunc(stack).(*ast.FuncDecl)
	if !ok {
		return false
	}
	sig := r.pass.TypesInfo.Defs[decl.Name].(*types.Func).Signature()
	params := []*types.Var{}
	if sig.Recv() != nil {
		params = append(params, sig.Recv())
	}
	for v := range sig.Params().Variables() {
		params = append(params, v)
	}
	if slices.ContainsFunc(params, func(v *types.Var) bool { return mayBeFunc(v.Type()) || funcSlice(v.Type()) }) {
		return false
	}
	_, paired := r.pairedLocks(decl)[call]
	return paired
}

// quietLock reports whether a call in free code that is not called from
// free code, with the traversal stack above it, is a Lock or RLock
// statement that the function (declared or literal) releases before it
// can return, after statements that record nothing under the lock (see
// quietRegion), or the call that releases it: the lock makes no edge, and
// being released it leaks nowhere.
func (r *relevance) quietLock(call *ast.CallExpr, stack []ast.Node) bool {
	fn := innermostFunc(stack)
	if fn == nil {
		return false
	}
	held, ok := r.pairedLocks(fn)[call]
	return ok && held.known && r.quietRegion(held.stmts)
}

// inQuietLock reports whether an expression, with the traversal stack
// above it, is (part of) the mutex of a call that quietLock accepts.
func (r *relevance) inQuietLock(stack []ast.Node) bool {
	i := len(stack) - 1
	for i >= 0 {
		if _, ok := stack[i].(*ast.SelectorExpr); !ok {
			break
		}
		i--
	}
	if i < 0 || i == len(stack)-1 {
		return false
	}
	call, ok := stack[i].(*ast.CallExpr)
	return ok && call.Fun == stack[i+1] && r.quietLock(call, stack[:i])
}

// quietRegion reports whether statements run with a lock held record
// nothing under it: they call only conversions, builtins other than close
// and panic and functions of other packages whose summaries are empty and
// that return (not t.Fatal, which leaves with the lock held), and neither
// use a channel, range over a function, start a goroutine, defer a call
// nor have a literal.
func (r *relevance) quietRegion(stmts []ast.Stmt) bool {
	info := r.pass.TypesInfo
	quiet := true
	for _, st := range stmts {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt, *ast.SendStmt, *ast.SelectStmt, *ast.LabeledStmt:
				quiet = false
			case *ast.BranchStmt:
				quiet = n.Tok != token.GOTO
			case *ast.UnaryExpr:
				quiet = n.Op != token.ARROW
			case *ast.RangeStmt:
				switch types.Unalias(info.TypeOf(n.X)).Underlying().(type) {
				case *types.Chan, *types.Signature:
					quiet = false
				}
			case *ast.CallExpr:
				quiet = r.quietCall(n)
			}
			return quiet
		})
		if !quiet {
			return false
		}
	}
	return true
}

// quietCall reports whether a call records nothing whatever locks are
// held (see quietRegion).
func (r *relevance) quietCall(call *ast.CallExpr) bool {
	info := r.pass.TypesInfo
	if isType(info, call.Fun) {
		return true // a conversion
	}
	switch f := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		return f.Name() != "close" && f.Name() != "panic"
	case *types.Func:
		if sel, ok := info.Selections[selector(call.Fun)]; ok && types.IsInterface(sel.Recv()) {
			return false
		}
		if noReturn(f) {
			return false // it leaves with the lock held
		}
		f = f.Origin()
		if recv := f.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
			return false
		}
		return f.Pkg() != nil && f.Pkg() != r.pass.Pkg && !isSyncOp(f) && !r.factOf(f).matters
	}
	return false
}

// A heldRegion is the statements that run with a lock held, from its
// Lock to its Unlock, when they are known: not for a deferred Unlock in a
// nested statement list, which runs at the function's end.
type heldRegion struct {
	stmts []ast.Stmt
	known bool
}

// pairedLocks returns the Lock and RLock statements of a function's body
// (outside its literals) that are released before the function can
// return, and the calls that release them, with the statements run
// between: followed at once by a deferred Unlock (RUnlock) of
// the same mutex, or by one later in the same statement list with no
// return, goto, labeled branch or branch out of the list in between, and
// no assignment to the variable the mutex is reached from. The mutex must
// be named by identifiers and field selections only, so that both name it.
func (r *relevance) pairedLocks(fn ast.Node) map[*ast.CallExpr]heldRegion {
	if paired, ok := r.paired[fn]; ok {
		return paired
	}
	var body *ast.BlockStmt
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		body = fn.Body
	case *ast.FuncLit:
		body = fn.Body
	}
	paired := make(map[*ast.CallExpr]heldRegion)
	ast.Inspect(body, func(n ast.Node) bool {
		var list []ast.Stmt
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		}
		for i, st := range list {
			call, mutex, unlock := r.lockStatement(st)
			if call == nil {
				continue
			}
			if held, release, ok := r.releasedIn(list[i+1:], mutex, unlock); ok {
				held.known = held.known || n == body
				paired[call], paired[release] = held, held
			}
		}
		return true
	})
	r.paired[fn] = paired
	return paired
}

// lockStatement returns, for a statement that calls Lock or RLock of a
// sync mutex named by identifiers and field selections, the call, the
// mutex expression and the name of the method that releases it.
func (r *relevance) lockStatement(st ast.Stmt) (*ast.CallExpr, ast.Expr, string) {
	es, ok := st.(*ast.ExprStmt)
	if !ok {
		return nil, nil, ""
	}
	call, mutex, name := r.mutexCall(es.X)
	switch name {
	case "Lock":
		return call, mutex, "Unlock"
	case "RLock":
		return call, mutex, "RUnlock"
	}
	return nil, nil, ""
}

// mutexCall returns, for a call of a method of sync.Mutex or RWMutex on a
// mutex named by identifiers and field selections, the call, the mutex
// expression and the method's name.
func (r *relevance) mutexCall(e ast.Expr) (*ast.CallExpr, ast.Expr, string) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil, nil, ""
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	f, isFunc := typeutil.Callee(r.pass.TypesInfo, call).(*types.Func)
	if !ok || !isFunc || f.Signature().Recv() == nil || !namesVariable(sel.X) {
		return nil, nil, ""
	}
	switch name, _ := syncType(f.Signature().Recv().Type()); name {
	case "Mutex", "RWMutex":
		return call, sel.X, f.Name()
	}
	return nil, nil, ""
}

// namesVariable reports whether an expression is identifiers and field
// selections only: evaluated twice, it names the same variable unless the
// first identifier is assigned in between.
func namesVariable(e ast.Expr) bool {
	return rootIdent(e) != nil
}

// releasedIn reports whether statements release a mutex taken just before
// them (see pairedLocks), and returns the statements run before the
// release and the call that releases it.
func (r *relevance) releasedIn(rest []ast.Stmt, mutex ast.Expr, unlock string) (heldRegion, *ast.CallExpr, bool) {
	info := r.pass.TypesInfo
	root := info.ObjectOf(rootIdent(mutex))
	release := func(e ast.Expr) *ast.CallExpr {
		call, m, name := r.mutexCall(e)
		if name == unlock && types.ExprString(m) == types.ExprString(mutex) && info.ObjectOf(rootIdent(m)) == root {
			return call // the same variable, not one that shadows it
		}
		return nil
	}
	if len(rest) > 0 {
		if d, ok := rest[0].(*ast.DeferStmt); ok && release(d.Call) != nil {
			return heldRegion{stmts: rest[1:]}, d.Call, true // known in the function's body only
		}
	}
	for i, st := range rest {
		if es, ok := st.(*ast.ExprStmt); ok {
			if call := release(es.X); call != nil {
				return heldRegion{stmts: rest[:i], known: true}, call, true
			}
		}
		if r.mayLeave(st, root) {
			return heldRegion{}, nil, false
		}
	}
	return heldRegion{}, nil, false
}

// rootIdent returns the first identifier of identifiers and field
// selections.
func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// mayLeave reports whether a statement may return or jump out of it (a
// goto, a labeled branch, a break or continue of an enclosing statement),
// outside the literals in it, or assign root (by =, a range or through its
// address), in them too.
func (r *relevance) mayLeave(st ast.Stmt, root types.Object) bool {
	info := r.pass.TypesInfo
	writes := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.ObjectOf(id) == root
	}
	leaves := false
	ast.PreorderStack(st, nil, func(n ast.Node, stack []ast.Node) bool {
		inLiteral := slices.ContainsFunc(stack, func(n ast.Node) bool { _, lit := n.(*ast.FuncLit); return lit })
		switch n := n.(type) {
		case *ast.ReturnStmt:
			leaves = !inLiteral
		case *ast.BranchStmt:
			leaves = !inLiteral && (n.Label != nil || n.Tok == token.GOTO || !inside(n.Tok, stack))
		case *ast.AssignStmt:
			leaves = slices.ContainsFunc(n.Lhs, writes)
		case *ast.IncDecStmt:
			leaves = writes(n.X)
		case *ast.RangeStmt:
			leaves = n.Tok == token.ASSIGN && (writes(n.Key) || writes(n.Value))
		case *ast.UnaryExpr:
			leaves = n.Op == token.AND && writes(n.X)
		}
		return !leaves
	})
	return leaves
}

// inside reports whether an unlabeled break or continue (or a
// fallthrough), with the traversal stack above it, targets a statement in
// the stack: a loop, or for a break a switch or select too.
func inside(tok token.Token, stack []ast.Node) bool {
	if tok == token.FALLTHROUGH {
		return true
	}
	for _, n := range stack {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			if tok == token.BREAK {
				return true
			}
		}
	}
	return false
}

// takesLock reports whether a sync method takes a lock: Lock, RLock,
// TryLock or TryRLock.
func takesLock(f *types.Func) bool {
	switch syncKind(f) {
	case opLock, opRLock, opTryLock, opTryRLock:
		return true
	}
	return false
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
	if syncKind(f) != notSyncOp {
		return true
	}
	recv := f.Signature().Recv()
	if recv == nil {
		return false
	}
	name, _ := syncType(recv.Type())
	return name == "Once" && f.Name() == "Do"
}
