package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// buildSSA builds the SSA form of the package, with a body only for the
// functions that matter to the lock graph and an initializer that evaluates
// only the initial values that do (see relevantFuncs), and returns
// it with its source functions (the built declared functions and their
// closures, in source order). Building it here rather than requiring
// buildssa skips most bodies, and lets the SSA form go when the pass ends
// instead of living as long as the driver keeps results. When nothing in
// the package matters, it builds nothing and returns nil.
//
// The functions walked elsewhere (see pkgAnalysis.walkedElsewhere) get no
// body.
func buildSSA(pa *pkgAnalysis, elsewhere map[*types.Func]bool) (*ssa.Package, []*ssa.Function) {
	pass := pa.pass
	files, info := pass.Files, pass.TypesInfo
	mode := ssa.BuilderMode(0)
	pruned := pruneBodies
	var imports map[*types.Package][]types.Object
	if pruned {
		relevant, initOrder := relevantFuncs(pa, elsewhere)
		if len(relevant) == 0 && len(initOrder) == 0 {
			return nil, nil
		}
		// Only the functions and variables of other packages that the
		// built code names need SSA members (a method is created when it
		// is needed); the initializer then must not call every import's.
		files, imports = prune(pass, relevant, initOrder)
		mode = ssa.BareInits
		pruneInfo := *info
		pruneInfo.InitOrder = initOrder
		info = &pruneInfo
	}
	prog := ssa.NewProgram(pass.Fset, mode)
	prog.SetNoReturn(noReturn)
	if pruned {
		for _, imp := range slices.SortedFunc(maps.Keys(imports), byPath) {
			createMembers(prog, imp, imports[imp])
		}
	} else {
		for _, imp := range pass.Pkg.Imports() {
			prog.CreatePackage(imp, nil, nil, true)
		}
	}
	pkg := prog.CreatePackage(pass.Pkg, files, info, false)
	pkg.Build()

	var funcs []*ssa.Function
	for _, file := range files {
		for _, decl := range file.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Body != nil {
				funcs = appendWithClosures(funcs, prog.FuncValue(pass.TypesInfo.Defs[fd.Name].(*types.Func)))
			}
		}
	}
	return pkg, funcs
}

// appendWithClosures appends fn and its closures, theirs too, to funcs.
func appendWithClosures(funcs []*ssa.Function, fn *ssa.Function) []*ssa.Function {
	funcs = append(funcs, fn)
	for _, anon := range fn.AnonFuncs {
		funcs = appendWithClosures(funcs, anon)
	}
	return funcs
}

// pruneBodies is turned off by a test that checks pruning changes nothing.
var pruneBodies = true

// prune returns shallow copies of the package's files in which the
// functions that do not matter have no body, or are left out when the code
// that is built (their bodies and the initial values in initOrder) does not
// name them (a method it needs after all, through a conversion, is created
// on demand, also without a body); and, for each other package, the
// package-level functions and variables of it that the built code names.
func prune(pass *analysis.Pass, relevant map[*types.Func]bool, initOrder []*types.Initializer) ([]*ast.File, map[*types.Package][]types.Object) {
	named := make(map[*types.Func]bool)
	imports := make(map[*types.Package][]types.Object)
	seen := make(map[types.Object]bool)
	useImported := func(obj types.Object) {
		if !seen[obj] {
			seen[obj] = true
			imports[obj.Pkg()] = append(imports[obj.Pkg()], obj)
		}
	}
	collect := func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			switch obj := pass.TypesInfo.Uses[id].(type) {
			case *types.Func:
				if obj.Pkg() == pass.Pkg {
					named[obj.Origin()] = true
					return true
				}
				if obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope() {
					useImported(obj.Origin())
				}
			case *types.Var:
				if pkg := obj.Pkg(); pkg != nil && pkg != pass.Pkg && obj.Parent() == pkg.Scope() {
					useImported(obj)
				}
			}
			return true
		})
	}
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Body != nil && relevant[pass.TypesInfo.Defs[fd.Name].(*types.Func)] {
				collect(decl)
			}
		}
	}
	for _, init := range initOrder {
		collect(init.Rhs)
	}
	files := make([]*ast.File, len(pass.Files))
	for i, file := range pass.Files {
		pruned := *file
		pruned.Decls = make([]ast.Decl, 0, len(file.Decls))
		for _, decl := range file.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Body != nil {
				switch fn := pass.TypesInfo.Defs[fd.Name].(*types.Func); {
				case relevant[fn]:
				case named[fn], fd.Recv == nil && fd.Name.Name == "init": // the initializer calls init
					bodiless := *fd
					bodiless.Body = nil
					decl = &bodiless
				default:
					continue
				}
			}
			pruned.Decls = append(pruned.Decls, decl)
		}
		files[i] = &pruned
	}
	return files, imports
}

// byPath orders packages by import path.
func byPath(a, b *types.Package) int { return strings.Compare(a.Path(), b.Path()) }

// createMembers creates the SSA package of an import with only the given
// package-level functions and variables as members, all without a body:
// creating every member of every import, as CreatePackage does for a
// package without syntax, cost more than building the bodies that matter.
// It hands CreatePackage one bodiless declaration per member.
func createMembers(prog *ssa.Program, pkg *types.Package, objs []types.Object) {
	info := &types.Info{Defs: make(map[*ast.Ident]types.Object, len(objs))}
	file := &ast.File{Name: ast.NewIdent(pkg.Name())}
	for _, obj := range objs {
		id := ast.NewIdent(obj.Name())
		info.Defs[id] = obj
		if _, ok := obj.(*types.Func); ok {
			file.Decls = append(file.Decls, &ast.FuncDecl{Name: id, Type: &ast.FuncType{}})
		} else {
			file.Decls = append(file.Decls, &ast.GenDecl{Tok: token.VAR, Specs: []ast.Spec{&ast.ValueSpec{Names: []*ast.Ident{id}}}})
		}
	}
	prog.CreatePackage(pkg, []*ast.File{file}, info, true)
}

// noReturn reports whether a standard library function never returns, so
// that the code after a call of it is unreachable: os.Exit, log.Fatal and
// friends, runtime.Goexit and the testing methods that stop a test.
func noReturn(fn *types.Func) bool {
	_, ok := noReturnFuncs[stdName(fn)]
	return ok
}

// endsProcess reports whether a function ends the whole process (os.Exit,
// log.Fatal): no lock it leaves held matters, unlike one left held by a
// goroutine that ends (runtime.Goexit, t.Fatal) or panics (log.Panic).
func endsProcess(fn *types.Func) bool { return noReturnFuncs[stdName(fn)] }

// stdName is a function's package path, receiver type name and name, as in
// "log.Logger.Fatal".
func stdName(fn *types.Func) string {
	if fn.Pkg() == nil {
		return ""
	}
	return fn.Pkg().Path() + "." + recvName(fn) + fn.Name()
}

// recvName returns the name of a method's receiver type followed by a dot,
// or "" for a function.
func recvName(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil {
		return ""
	}
	t := recv.Type()
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	if named, ok := types.Unalias(t).(*types.Named); ok {
		return named.Obj().Name() + "."
	}
	return ""
}

// noReturnFuncs are the functions that never return, each with whether it
// ends the process.
var noReturnFuncs = map[string]bool{
	"os.Exit": true, "syscall.Exit": true, "runtime.Goexit": false,
	"log.Fatal": true, "log.Fatalf": true, "log.Fatalln": true,
	"log.Panic": false, "log.Panicf": false, "log.Panicln": false,
	"log.Logger.Fatal": true, "log.Logger.Fatalf": true, "log.Logger.Fatalln": true,
	"log.Logger.Panic": false, "log.Logger.Panicf": false, "log.Logger.Panicln": false,
	"testing.common.FailNow": false, "testing.common.Fatal": false, "testing.common.Fatalf": false,
	"testing.common.SkipNow": false, "testing.common.Skip": false, "testing.common.Skipf": false,
}
