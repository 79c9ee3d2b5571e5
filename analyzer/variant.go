package analyzer

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"

	"github.com/lockorder/lockorder/lockgraph"
)

// A package and its test variant (the package compiled with its _test.go
// files, for go test) have the non-test files in common, and a driver that
// loads both in one go/packages load (lockorder's own, analysistest) shares
// their syntax trees. The test variant then reuses what the package found
// for the functions of those files, their results and summaries, and walks
// only the functions of its _test.go files: in nats-server, whose tests
// are larger than the server, that is a sixth of all the work.
//
// The reuse is exact. What a function's walk finds depends on its body, the
// summaries of its callees and the package's lock aliases. A non-test
// function cannot call a test function, its imports are the same packages
// in both variants, and the test variant walks everything when its test
// files add an alias. A test compares every diagnostic, edge and fact with
// and without the reuse.
//
// The package shares its results when its directory has test files of the
// same package; its test variant waits for them if the package's analysis
// has started, and walks everything if not (in a sequential run, the test
// variant may come first). A driver that does not share syntax trees (go
// vet runs one package per process) never reuses anything.

// variants holds, by the first file of a package, what it shares with its
// test variant: a *variantBase, or testVariantFirst.
var variants sync.Map

// testVariantFirst marks a package whose test variant was analysed first:
// the package has no one to share its results with.
var testVariantFirst = new(int)

// reused counts the test variants that reused their package's results,
// for a test.
var reused atomic.Int64

// shareVariants is turned off by the test that checks the reuse changes
// nothing.
var shareVariants = true

// A variantBase is what a package shares with its test variant.
type variantBase struct {
	done    chan struct{} // closed when the package's analysis ends
	path    string
	files   map[*ast.File]bool
	imports []*types.Package
	// The rest is set when the analysis succeeds: the results of the
	// functions of the files (not the synthetic wrappers, whose results
	// are empty but for their summaries), with their callees resolved and
	// without references to the package's SSA form; the summaries of its
	// declared functions, by position; the lock aliases.
	ok        bool
	results   []*funcResult
	summaries map[token.Pos]summary
	aliases   map[string]lockgraph.Class
}

// shareWithTestVariant registers a package that has a test variant, and
// returns what it will share, or nil. Only the packages of the main
// modules (or of no known module, in GOPATH mode) are candidates: a driver loads the tests of the
// packages it is asked for, not those of their dependencies, and what a
// package shares stays in memory until its test variant takes it.
func shareWithTestVariant(pass *analysis.Pass) *variantBase {
	if !shareVariants || !pruneBodies || len(pass.Files) == 0 || pass.Module != nil && pass.Module.Path != "" && !pass.Module.Main ||
		isStd(pass.Pkg.Path()) || !hasTestFiles(pass) {
		return nil
	}
	base := &variantBase{done: make(chan struct{}), path: pass.Pkg.Path(), files: make(map[*ast.File]bool), imports: pass.Pkg.Imports()}
	for _, f := range pass.Files {
		base.files[f] = true
	}
	if prev, loaded := variants.LoadOrStore(pass.Files[0], base); loaded {
		if prev == testVariantFirst {
			variants.Delete(pass.Files[0])
		}
		return nil
	}
	return base
}

// hasTestFiles reports whether a package without test files among its
// files has _test.go files of its own package (not package x_test) in its
// directory.
func hasTestFiles(pass *analysis.Pass) bool {
	if slices.ContainsFunc(pass.Files, isTestFile(pass)) {
		return false
	}
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

// publish shares the results of a package's analysis, once it has
// reported (which resolves the callees of its registrations).
func (base *variantBase) publish(pa *pkgAnalysis) {
	if base == nil {
		return
	}
	base.summaries = make(map[token.Pos]summary)
	for fn, r := range pa.results {
		if fn.Synthetic != "" {
			continue
		}
		if fn.Parent() == nil {
			base.summaries[fn.Pos()] = r.sum
		}
		c := *r
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

// close ends the package's analysis: its test variant may go on.
func (base *variantBase) close() {
	if base != nil {
		close(base.done)
	}
}

// reusable returns what the package whose test variant this is shares, or
// nil: when this is no test variant, the package's analysis has not started
// or failed, or the files are not the package's files and _test.go files.
func reusable(pass *analysis.Pass) *variantBase {
	if !shareVariants || !pruneBodies || !slices.ContainsFunc(pass.Files, isTestFile(pass)) {
		return nil
	}
	v, loaded := variants.LoadOrStore(pass.Files[0], testVariantFirst)
	base, ok := v.(*variantBase)
	if !loaded || !ok {
		return nil
	}
	variants.Delete(pass.Files[0])
	<-base.done
	if !base.ok || base.path != pass.Pkg.Path() {
		return nil
	}
	n := 0
	for _, f := range pass.Files {
		switch {
		case base.files[f]:
			n++
		case !isTestFile(pass)(f):
			return nil
		}
	}
	imports := pass.Pkg.Imports()
	if n != len(base.files) || slices.ContainsFunc(base.imports, func(p *types.Package) bool { return !slices.Contains(imports, p) }) {
		return nil // not the package's files, or a variant that imports another variant
	}
	return base
}

// isTestFile returns whether a file of the package is a _test.go file.
func isTestFile(pass *analysis.Pass) func(*ast.File) bool {
	return func(f *ast.File) bool { return strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "_test.go") }
}

// leaveOut removes from the relevant functions those of the base's files.
func (base *variantBase) leaveOut(pass *analysis.Pass, relevant map[*types.Func]bool) {
	for _, fd := range base.funcDecls(pass) {
		delete(relevant, pass.TypesInfo.Defs[fd.Name].(*types.Func))
	}
}

// exportFacts gives the methods and exported functions of the base's files
// the facts the package gave them, on this package's objects.
func (base *variantBase) exportFacts(pass *analysis.Pass) {
	for _, fd := range base.funcDecls(pass) {
		obj := pass.TypesInfo.Defs[fd.Name].(*types.Func)
		if !obj.Exported() && fd.Recv == nil {
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
		if !base.files[f] {
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
