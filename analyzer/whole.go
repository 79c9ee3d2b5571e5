package analyzer

import (
	"cmp"
	"github.com/lockorder/lockorder/lockgraph"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/callgraph"
	"golang.org/x/tools/go/callgraph/cha"
	"golang.org/x/tools/go/callgraph/vta"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

// WholeProgram analyses the packages and all their dependencies as one
// program: SSA for every package with generics instantiated, and every
// dynamic call (interface methods, func values) resolved with the VTA call
// graph, seeded by CHA. A call of a func parameter is still resolved at
// each call site, which is more precise than a call graph. It returns the
// diagnostics positioned in the named packages, in the same form as the
// per-package analyzer's, sorted by position.
func WholeProgram(pkgs []*packages.Package) []analysis.Diagnostic {
	if len(pkgs) == 0 {
		return nil
	}
	prog, _ := ssautil.AllPackages(pkgs, ssa.InstantiateGenerics)
	prog.Build()
	funcs := allFunctions(prog)
	cg := vta.CallGraph(funcs, cha.CallGraph(prog))

	var diags []analysis.Diagnostic
	var files []*ast.File
	roots := make(map[string]bool)
	for _, p := range pkgs {
		files = append(files, p.Syntax...)
		for _, f := range p.Syntax {
			roots[prog.Fset.File(f.Pos()).Name()] = true
		}
	}
	pass := &analysis.Pass{
		Analyzer:          Analyzer,
		Fset:              prog.Fset,
		Files:             files,
		Pkg:               types.NewPackage("lockorder/whole-program", "main"),
		TypesInfo:         &types.Info{},
		ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
		ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
		Report: func(d analysis.Diagnostic) {
			if roots[prog.Fset.Position(d.Pos).Filename] {
				diags = append(diags, d)
			}
		},
	}
	pa := &pkgAnalysis{
		pass:      pass,
		results:   make(map[*ssa.Function]*funcResult),
		callers:   make(map[*ssa.Function]map[*ssa.Function]bool),
		callees:   calleeIndex(cg),
		callgraph: cg,
	}
	for _, p := range prog.AllPackages() {
		pa.visible = append(pa.visible, p.Pkg) // directives may name any package's locks
	}
	slices.SortFunc(pa.visible, func(a, b *types.Package) int { return strings.Compare(a.Path(), b.Path()) })
	var all []*ssa.Function
	for fn := range funcs {
		if fn.Blocks != nil && pa.wholeWalks(fn) {
			all = append(all, fn)
		}
	}
	sortFuncs(all)
	pa.collectAliases(all)
	pa.summarize(all)
	pa.report()
	slices.SortStableFunc(diags, func(a, b analysis.Diagnostic) int {
		return cmp.Or(comparePos(prog.Fset, a.Pos, b.Pos), strings.Compare(a.Message, b.Message))
	})
	// A file of a package and of its test variant is walked twice.
	return slices.CompactFunc(diags, func(a, b analysis.Diagnostic) bool {
		return prog.Fset.Position(a.Pos) == prog.Fset.Position(b.Pos) && a.Message == b.Message
	})
}

// maxCallees bounds the callees of a dynamic call that lockorder follows,
// through a slot in the per-package mode (merger.resolve) or through the
// call graph in the whole-program mode. A call with more (an io.Writer, a
// handler interface) is not followed: every lock behind every implementation would become an
// edge from every lock held at the call, flooding the report with orders
// that no single execution has.
const maxCallees = 8

// calleeIndex lists the callees of every dynamic call site in the graph.
func calleeIndex(cg *callgraph.Graph) map[ssa.CallInstruction][]*ssa.Function {
	index := make(map[ssa.CallInstruction][]*ssa.Function)
	for fn, node := range cg.Nodes {
		if fn == nil {
			continue
		}
		for _, e := range node.Out {
			if e.Site != nil && e.Site.Common().StaticCallee() == nil {
				index[e.Site] = append(index[e.Site], e.Callee.Func)
			}
		}
	}
	for site, fns := range index {
		sortFuncs(fns)
		index[site] = slices.Compact(fns)
	}
	return index
}

// dynamicCall applies a dynamic call resolved by the whole-program call
// graph: each possible callee is folded in as a static call would be, the
// receiver of an interface method call first among its arguments. It
// reports false for the calls it leaves to call: static calls, sync
// operations, calls of a func parameter of the function (which its callers
// resolve), and all calls in the per-package mode. A closure's call of
// a free variable is resolved here: its callers map it back only when it
// is bound to their parameter.
func (w *walker) dynamicCall(site ssa.CallInstruction, pos token.Pos, s state) (state, bool) {
	common := site.Common()
	if w.pa.callees == nil || common.StaticCallee() != nil {
		return s, false
	}
	if i := paramIndexOf(common.Value); i >= 0 && i < len(w.fn.Params) {
		return s, false
	}
	if kind, _ := syncOp(common); kind != notSyncOp {
		return s, false // Lock and Unlock through sync.Locker
	}
	fns, ok := w.pa.callees[site]
	if !ok {
		return s, false
	}
	if len(fns) > maxCallees {
		return s, true // too imprecise to follow: see maxCallees
	}
	args := common.Args
	if common.IsInvoke() {
		args = append([]ssa.Value{common.Value}, common.Args...)
	}
	out := s
	for i, fn := range fns {
		next := w.staticCall(fn, args, pos, s)
		if i == 0 {
			out = next
		} else {
			out = join(out, next)
		}
	}
	return out, true
}

// allFunctions returns every function of the program: those a linker
// would keep (ssautil.AllFunctions) and every method of every named type
// even when nothing reaches it, with their closures, since a method that
// takes locks in the wrong order is a report whoever calls it.
func allFunctions(prog *ssa.Program) map[*ssa.Function]bool {
	all := ssautil.AllFunctions(prog)
	var add func(fn *ssa.Function)
	seen := make(map[*ssa.Function]bool)
	add = func(fn *ssa.Function) {
		if fn == nil || seen[fn] {
			return
		}
		seen[fn] = true
		all[fn] = true
		for _, anon := range fn.AnonFuncs {
			add(anon)
		}
	}
	for _, pkg := range prog.AllPackages() {
		for _, mem := range pkg.Members {
			switch mem := mem.(type) {
			case *ssa.Function:
				add(mem)
			case *ssa.Type:
				named, ok := mem.Type().(*types.Named)
				if !ok || named.TypeParams().Len() > 0 {
					continue
				}
				for _, t := range []types.Type{named, types.NewPointer(named)} {
					mset := prog.MethodSets.MethodSet(t)
					for i := range mset.Len() {
						add(prog.MethodValue(mset.At(i)))
					}
				}
			}
		}
	}
	return all
}

// wholeWalks reports whether the whole-program mode walks a function: not
// the standard library's. Following every implementation of io.Writer or
// context.Context through the standard library multiplies the work by the
// size of the library for orders among its internal locks, which user code
// cannot change. (The per-package mode keeps them, from facts.)
func (pa *pkgAnalysis) wholeWalks(fn *ssa.Function) bool {
	pkg := fn.Pkg
	if pkg == nil && fn.Origin() != nil {
		pkg = fn.Origin().Pkg
	}
	return pkg == nil || !isStd(pkg.Pkg.Path())
}

// maxEntryDepth bounds the search for the path from a goroutine's start to
// the function that takes the first lock of a witness.
const maxEntryDepth = 16

// entryPath returns, in the whole-program mode, how a goroutine reaches
// the function named fn: the go statement that starts the goroutine (or
// the root function it starts from, such as main) and the calls from
// there, shortest first. The per-package mode does not know the callers.
func (pa *pkgAnalysis) entryPath(fn string) []lockgraph.Step {
	if pa.callgraph == nil {
		return nil
	}
	if pa.byName == nil {
		pa.byName = make(map[string][]*ssa.Function)
		for _, f := range pa.order() {
			pa.byName[funcName(f)] = append(pa.byName[funcName(f)], f)
		}
	}
	// A path from the program itself reads better than one from a test;
	// a function of a package and of its test variant has one name.
	for _, tests := range []bool{false, true} {
		for _, f := range pa.byName[fn] {
			if target := pa.callgraph.Nodes[f]; target != nil {
				if path := pa.searchEntry(target, tests); path != nil {
					return path
				}
			}
		}
	}
	return nil
}

// searchEntry searches breadth-first over the callers of target for a go
// statement, leaving out calls made in _test.go files unless tests is set.
func (pa *pkgAnalysis) searchEntry(target *callgraph.Node, tests bool) []lockgraph.Step {
	// next[n] is the edge from n towards the target.
	next := map[*callgraph.Node]*callgraph.Edge{target: nil}
	queue := []*callgraph.Node{target}
	for depth := 0; len(queue) > 0 && depth < maxEntryDepth; depth++ {
		var level []*callgraph.Node
		for _, n := range queue {
			in := slices.Clone(n.In)
			slices.SortFunc(in, func(a, b *callgraph.Edge) int {
				return cmp.Or(comparePos(pa.pass.Fset, a.Pos(), b.Pos()), strings.Compare(nodeName(a.Caller), nodeName(b.Caller)))
			})
			for _, e := range in {
				if _, seen := next[e.Caller]; seen || e.Caller.Func == nil || e.Site == nil {
					continue
				}
				if !tests && strings.HasSuffix(pa.pass.Fset.Position(e.Pos()).Filename, "_test.go") {
					continue
				}
				next[e.Caller] = e
				if _, isGo := e.Site.(*ssa.Go); isGo {
					return pa.pathFrom(e, next)
				}
				level = append(level, e.Caller)
			}
		}
		queue = level
	}
	return nil
}

// pathFrom lists the steps from the go statement e to the target.
func (pa *pkgAnalysis) pathFrom(e *callgraph.Edge, next map[*callgraph.Node]*callgraph.Edge) []lockgraph.Step {
	step := func(kind lockgraph.StepKind, e *callgraph.Edge) lockgraph.Step {
		return lockgraph.Step{Kind: kind, Func: funcName(e.Caller.Func), Target: funcName(e.Callee.Func),
			Pos: pa.pass.Fset.Position(e.Pos())}
	}
	path := []lockgraph.Step{step(lockgraph.Starts, e)}
	for n := e.Callee; next[n] != nil; n = next[n].Callee {
		path = append(path, step(lockgraph.Calls, next[n]))
	}
	return path
}

// nodeName names a call graph node by its function ("" for the root).
func nodeName(n *callgraph.Node) string {
	if n.Func == nil {
		return ""
	}
	return n.Func.String()
}
