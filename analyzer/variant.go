package analyzer

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"weak"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/lockorder/lockorder/lockgraph"
)

// A package and its test variant (the package compiled with its _test.go
// files, for go test) have the non-test files in common, and a driver that
// loads both in one go/packages load (lockorder's own, analysistest) shares
// their syntax trees. Whichever of the two is analysed second reuses what
// the first found for the functions of those files, their results and
// summaries: the test variant then walks only the functions of its
// _test.go files, the package nothing but its initializer. In nats-server,
// whose tests are larger than the server, that is a sixth of all the work.
//
// The reuse is exact. What a function's walk finds depends on its body, the
// summaries of its callees and the package's lock aliases. A non-test
// function cannot call a test function, its imports are the same packages
// in both variants, and nothing is reused when the test files add an alias
// or change what a name of the other files denotes (a method hiding a
// promoted one, a function close). Both variants keep the summaries of the
// unexported functions they do not call, which the tests may call (see
// uncalled). A test compares every diagnostic, edge and fact with and
// without the reuse.
//
// The first of the two registers when its analysis starts, and the second
// waits for it to end; a package registers when its directory has test
// files of the same package. A driver that does not share syntax trees
// (go vet runs one package per process) never reuses anything.

// variants holds, by a weak pointer to the first file of a package, the
// variants of the package that have registered and wait for their other
// variant. A key goes when its file does.
var variants = struct {
	sync.Mutex
	waiting map[weak.Pointer[ast.File]][]*variantBase
}{waiting: make(map[weak.Pointer[ast.File]][]*variantBase)}

// reused records the paths of the packages that reused their other
// variant's results, for a test.
var reused sync.Map

// shareVariants is turned off by the test that checks the reuse changes
// nothing.
var shareVariants = true

// A variantBase is what a package or its test variant shares with the
// other.
type variantBase struct {
	done chan struct{} // closed when the analysis ends
	path string
	// files are the files the two variants have in common, by position
	// (a reference to a file would keep it, and the entry, alive); tests
	// is whether the test variant shares; imports are the sharer's.
	files   map[token.Pos]bool
	tests   bool
	imports []*types.Package
	// The rest is set when the analysis succeeds and its results are the
	// other variant's too: the results of the functions of the common
	// files (not those of the package initializer's closures, which each
	// variant walks), with their callees resolved and without references
	// to the SSA form; the summaries of their declared functions, and
	// whether each kept one (see walkedElsewhere; false too for one that
	// nothing calls and that was not walked, see decideRoots), by
	// position; the lock aliases.
	ok        bool
	results   []*funcResult
	summaries map[token.Pos]summary
	kept      map[token.Pos]bool
	aliases   map[string]lockgraph.Class
}

// pairVariants registers a package or test variant with the other variant:
// the first to come returns what it will share, the second waits for the
// first's analysis and returns its results when they are its own. Only the
// packages of the main modules (or of no known module, in GOPATH mode)
// take part: a driver loads the tests of the packages it is asked for, not
// those of their dependencies, and what is shared stays in memory until
// the other variant takes it. A variant of the package compiled for
// another package's tests has the same files and other imports: it pairs
// with nothing.
func pairVariants(pass *analysis.Pass) (base, share *variantBase) {
	if !shareVariants || !pruneBodies || len(pass.Files) == 0 || pass.Module != nil && pass.Module.Path != "" && !pass.Module.Main ||
		isStd(pass.Pkg.Path()) {
		return nil, nil
	}
	own := &variantBase{done: make(chan struct{}), path: pass.Pkg.Path(), files: make(map[token.Pos]bool), imports: pass.Pkg.Imports()}
	for _, f := range pass.Files {
		if isTestFile(pass)(f) {
			own.tests = true
		} else {
			own.files[f.FileStart] = true
		}
	}
	if len(own.files) == 0 || !own.tests && !hasTestFiles(pass) {
		return nil, nil // package x_test, or a package without tests
	}
	first := pass.Files[0]
	key := weak.Make(first)
	variants.Lock()
	waiting := variants.waiting[key]
	i := slices.IndexFunc(waiting, own.pairs)
	if i < 0 {
		if len(waiting) == 0 {
			runtime.AddCleanup(first, func(key weak.Pointer[ast.File]) {
				variants.Lock()
				delete(variants.waiting, key)
				variants.Unlock()
			}, key)
		}
		variants.waiting[key] = append(waiting, own)
		variants.Unlock()
		return nil, own
	}
	other := waiting[i]
	variants.waiting[key] = slices.Delete(waiting, i, i+1)
	variants.Unlock()
	<-other.done
	if !other.ok {
		return nil, nil
	}
	return other, nil
}

// pairs reports whether two variants of a package are the package and its
// test variant: the same path, the same common files, and the package's
// imports among the test variant's (not those of a variant compiled for
// another package's tests).
func (base *variantBase) pairs(other *variantBase) bool {
	if base.tests == other.tests || base.path != other.path || !maps.Equal(base.files, other.files) {
		return false
	}
	pkg, test := base, other
	if base.tests {
		pkg, test = other, base
	}
	return !slices.ContainsFunc(pkg.imports, func(p *types.Package) bool { return !slices.Contains(test.imports, p) })
}

// hasTestFiles reports whether a package has _test.go files of its own
// package (not package x_test) in its directory.
func hasTestFiles(pass *analysis.Pass) bool {
	first := pass.Fset.File(pass.Files[0].Pos())
	names, _ := filepath.Glob(filepath.Join(filepath.Dir(first.Name()), "*_test.go"))
	for _, name := range names {
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.PackageClauseOnly)
		if err == nil && f.Name.Name == pass.Pkg.Name() {
			return true
		}
	}
	return false
}

// publish shares the results of an analysis, once it has reported (which
// resolves the callees of its registrations). A test variant shares only
// when its test files changed nothing for the common files.
func (base *variantBase) publish(pa *pkgAnalysis) {
	if base == nil {
		return
	}
	common := make(map[*token.File]bool)
	for pos := range base.files {
		common[pa.pass.Fset.File(pos)] = true
	}
	var funcs []*ssa.Function // those of the common files
	for fn := range pa.results {
		outermost := fn
		for outermost.Parent() != nil {
			outermost = outermost.Parent()
		}
		if outermost.Synthetic == "" && common[pa.pass.Fset.File(outermost.Pos())] {
			funcs = append(funcs, fn)
		}
	}
	if base.tests {
		alone := &pkgAnalysis{} // the aliases of the common files alone
		alone.collectAliases(funcs)
		if !maps.Equal(alone.aliases, pa.aliases) || base.shadowed(pa.pass) {
			return
		}
	}
	base.summaries, base.kept = make(map[token.Pos]summary), make(map[token.Pos]bool)
	for _, pos := range pa.prunedRoots {
		if common[pa.pass.Fset.File(pos)] {
			base.kept[pos] = false // not walked for keeping no summary
		}
	}
	for _, fn := range funcs {
		r := pa.results[fn]
		if fn.Parent() == nil {
			base.summaries[fn.Pos()] = r.sum
			base.kept[fn.Pos()] = r.keptSummary
		}
		c := *r // its site set by the report
		c.registrations, c.waits = nil, nil
		c.doubles = make([]doubleLock, len(r.doubles))
		for i, d := range r.doubles {
			d.first.guard = nil // it refers to SSA values
			c.doubles[i] = d
		}
		c.leaks = make([]leak, len(r.leaks))
		for i, l := range r.leaks {
			l.lock.guard = nil
			c.leaks[i] = l
		}
		base.results = append(base.results, &c)
	}
	base.aliases = pa.aliases
	base.ok = true
}

// close ends the analysis: the other variant may go on.
func (base *variantBase) close() {
	if base != nil {
		close(base.done)
	}
}

// isTestFile returns whether a file of the package is a _test.go file.
func isTestFile(pass *analysis.Pass) func(*ast.File) bool {
	return func(f *ast.File) bool { return strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "_test.go") }
}

// shadowed reports whether the test files change what a name in the
// base's files denotes, so that the base's results may not be this
// package's: a package-level declaration that hides a predeclared name (a
// function close), or a method declared on a type of those files that
// hides a promoted method or field (see hides). The base's files compile
// without the test files, so a name of theirs can denote a declaration of
// a test file only by being hidden that way.
func (base *variantBase) shadowed(pass *analysis.Pass) bool {
	embedders := make(map[*types.TypeName][]*types.Struct) // the structs of the base's files that embed a type
	names := make(map[*types.Struct][]*types.TypeName)     // the named types of those structs
	for _, f := range pass.Files {
		if !base.files[f.FileStart] {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.TypeSpec:
				if tn, ok := pass.TypesInfo.Defs[n.Name].(*types.TypeName); ok && !tn.IsAlias() {
					if st, ok := tn.Type().Underlying().(*types.Struct); ok {
						names[st] = append(names[st], tn)
					}
				}
			case *ast.StructType:
				for _, field := range n.Fields.List {
					if named := namedOf(pass.TypesInfo.TypeOf(field.Type)); len(field.Names) == 0 && named != nil {
						embedders[named.Obj()] = append(embedders[named.Obj()], pass.TypesInfo.TypeOf(n).(*types.Struct))
					}
				}
			}
			return true
		})
	}
	for _, f := range pass.Files {
		if base.files[f.FileStart] {
			continue
		}
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				if decl.Recv == nil {
					if types.Universe.Lookup(decl.Name.Name) != nil {
						return true
					}
					continue
				}
				recv := namedOf(pass.TypesInfo.Defs[decl.Name].(*types.Func).Signature().Recv().Type())
				if recv != nil && base.files[fileStart(pass, recv.Obj().Pos())] && hides(pass, recv, decl.Name.Name, embedders, names) {
					return true
				}
			case *ast.GenDecl:
				for _, spec := range decl.Specs {
					var ids []*ast.Ident
					switch spec := spec.(type) {
					case *ast.ValueSpec:
						ids = spec.Names
					case *ast.TypeSpec:
						ids = []*ast.Ident{spec.Name}
					}
					if slices.ContainsFunc(ids, func(id *ast.Ident) bool { return types.Universe.Lookup(id.Name) != nil }) {
						return true
					}
				}
			}
		}
	}
	return false
}

// fileStart returns the start of the file of the package that holds a
// position, or token.NoPos.
func fileStart(pass *analysis.Pass, pos token.Pos) token.Pos {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f.FileStart
		}
	}
	return token.NoPos
}

// hides reports whether a method that a test file declares on a type of
// the base's files may hide a promoted method or field of the same name:
// one that the type, or a struct of those files that embeds it (directly
// or not), reaches through another embedded field.
func hides(pass *analysis.Pass, recv *types.Named, name string, embedders map[*types.TypeName][]*types.Struct, names map[*types.Struct][]*types.TypeName) bool {
	chain := map[*types.TypeName]bool{recv.Obj(): true}
	var structs []*types.Struct
	if st, ok := recv.Underlying().(*types.Struct); ok {
		structs = append(structs, st)
	}
	for work := []*types.TypeName{recv.Obj()}; len(work) > 0; {
		tn := work[len(work)-1]
		work = work[:len(work)-1]
		for _, st := range embedders[tn] {
			structs = append(structs, st)
			for _, outer := range names[st] {
				if !chain[outer] {
					chain[outer] = true
					work = append(work, outer)
				}
			}
		}
	}
	for _, st := range structs {
		for i := range st.NumFields() {
			field := st.Field(i)
			if named := namedOf(field.Type()); !field.Embedded() || named != nil && chain[named.Obj()] {
				continue
			}
			if obj, _, _ := types.LookupFieldOrMethod(field.Type(), true, pass.Pkg, name); obj != nil {
				return true
			}
		}
	}
	return false
}

// namedOf returns the named type t is, or points to, or nil.
func namedOf(t types.Type) *types.Named {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, _ := types.Unalias(t).(*types.Named)
	return named
}

// walkedElsewhere returns the declared functions of the base's files,
// whose results are the base's, but those it leaves out: the
// functions whose summary the base did not keep and this package reads,
// or the other way round (an unexported function that only the tests
// call; see uncalled), set in walkAgain. The package walks them again.
func (pa *pkgAnalysis) walkedElsewhere() map[*types.Func]bool {
	if pa.base == nil {
		return nil
	}
	elsewhere := make(map[*types.Func]bool)
	pa.walkAgain = make(map[token.Pos]bool)
	for _, fd := range pa.base.funcDecls(pa.pass) {
		obj := pa.pass.TypesInfo.Defs[fd.Name].(*types.Func)
		if kept, ok := pa.base.kept[obj.Pos()]; ok && kept == pa.uncalledFunc(obj) {
			pa.walkAgain[obj.Pos()] = true
		} else {
			elsewhere[obj] = true
		}
	}
	return elsewhere
}

// exportBaseFacts gives the methods and exported functions of the base's files
// that the package does not walk again the facts the other variant gave
// them, on this package's objects.
func (pa *pkgAnalysis) exportBaseFacts() {
	pass, base := pa.pass, pa.base
	for _, fd := range base.funcDecls(pass) {
		obj := pass.TypesInfo.Defs[fd.Name].(*types.Func)
		if !pa.wantsFact(obj) || pa.walkAgain[obj.Pos()] {
			continue
		}
		if sum := base.summaries[obj.Pos()]; !sum.empty() {
			pass.ExportObjectFact(obj, &funcFact{Summary: sum})
		}
	}
}

// funcDecls returns the declared functions with a body of the base's files.
func (base *variantBase) funcDecls(pass *analysis.Pass) []*ast.FuncDecl {
	var decls []*ast.FuncDecl
	for _, f := range pass.Files {
		if !base.files[f.FileStart] {
			continue
		}
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Body != nil {
				decls = append(decls, fd)
			}
		}
	}
	return decls
}
