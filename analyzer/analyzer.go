package analyzer

import (
	"cmp"
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/lockorder/lockorder/lockgraph"
)

//go:embed doc.go
var doc string

// Analyzer reports lock order cycles and double locks.
var Analyzer = &analysis.Analyzer{
	Name:       "lockorder",
	Doc:        analyzerDoc(doc),
	URL:        "https://pkg.go.dev/github.com/lockorder/lockorder/analyzer",
	Run:        run,
	FactTypes:  []analysis.Fact{new(funcFact), new(graphFact)},
	ResultType: reflect.TypeFor[*Result](),
}

// Result is the lock graph of a package as the analyzer built it: its
// edges include those imported from dependencies and those resolved here.
type Result struct {
	// Edges are sorted by class IDs.
	Edges []lockgraph.Edge
	// Cycles are a shortest cycle through every edge that lies on one
	// (see lockgraph.ShortestCycles), including those reported by imported
	// packages.
	Cycles []lockgraph.Cycle
}

func run(pass *analysis.Pass) (any, error) {
	return recovered(func() (any, error) { return analyze(pass) })
}

// recovered calls f and turns a panic into an error: a bug in lockorder
// must not crash the whole vet run; the package gets an error, the others
// are still analysed.
func recovered(f func() (any, error)) (result any, err error) {
	defer func() {
		if r := recover(); r != nil {
			result, err = nil, fmt.Errorf("internal error: %v (please report it)", r)
		}
	}()
	return f()
}

func analyze(pass *analysis.Pass) (any, error) {
	if runtimeInternal(pass.Pkg.Path()) || testMain(pass) {
		return &Result{}, nil
	}
	base, share := pairVariants(pass)
	defer share.close()
	var pa *pkgAnalysis
	if base != nil {
		pa = walkPackage(pass, base, nil)
	}
	if pa == nil {
		pa = walkPackage(pass, nil, share)
	}
	fact, cycles := pa.report()
	share.publish(pa)
	if !fact.empty() {
		pass.ExportPackageFact(fact)
	}
	return &Result{Edges: fact.Edges, Cycles: cycles}, nil
}

// walkPackage builds the SSA form of the functions that matter, walks
// them, and exports their facts. With a base, the results of the other
// variant of the package (see variant.go): only the functions of the
// files it does not have are walked, and the others' summaries are the
// base's; it returns nil when the test files make that reuse inexact.
// With a share, the package will share its results with its other variant.
func walkPackage(pass *analysis.Pass, base, share *variantBase) *pkgAnalysis {
	if base != nil && base.shadowed(pass) {
		return nil
	}
	pa := &pkgAnalysis{
		pass:    pass,
		module:  moduleOf(pass),
		results: make(map[*ssa.Function]*funcResult),
		callers: make(map[*ssa.Function]map[*ssa.Function]bool),
		base:    base,
		share:   share,
	}
	pkg, srcFuncs := buildSSA(pa, pa.walkedElsewhere())
	pa.pkg = pkg
	funcs := slices.Clone(srcFuncs)
	if pkg != nil {
		// The initial values of package variables register callbacks too,
		// and a literal function among them may be called later.
		funcs = appendWithClosures(funcs, pkg.Func("init"))
	}
	if base != nil {
		pa.aliases = maps.Clone(base.aliases)
	}
	pa.collectAliases(funcs)
	if base != nil {
		if !maps.Equal(pa.aliases, base.aliases) {
			return nil
		}
		reused.Store(pass.Pkg.Path(), true)
	}
	pa.summarize(funcs)
	pa.leaves = pa.leafLocks()
	pa.exportFuncFacts(srcFuncs)
	if base != nil {
		pa.exportBaseFacts()
	}
	return pa
}

// exportFuncFacts gives the declared functions that want one (see
// wantsFact) a fact with their summary, when it is not empty, for the
// packages that call them.
func (pa *pkgAnalysis) exportFuncFacts(funcs []*ssa.Function) {
	for _, fn := range funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || !pa.wantsFact(obj) {
			continue
		}
		if r := pa.results[fn]; r != nil {
			if sum := withoutLeaves(r.sum, pa.leaves); !sum.empty() {
				pa.pass.ExportObjectFact(obj, &funcFact{Summary: sum})
			}
		}
	}
}

// wantsFact reports whether a declared function of the package gets a fact:
// an exported function or method does, and an unexported method named as
// an unexported method of a named interface declared in the package. A
// call of an unexported method can only be written in its package; another
// package reaches one only through a slot of an interface that has it,
// which is the package's, and the analysis follows only the slots of named
// interfaces. The others would be dead weight: the driver hands an importer
// the facts of every method of every package it depends on, directly or
// not.
func (pa *pkgAnalysis) wantsFact(obj *types.Func) bool {
	switch {
	case obj.Exported():
		return true
	case obj.Signature().Recv() == nil:
		return false
	}
	if pa.slotNames == nil {
		pa.slotNames = unexportedSlotNames(pa.pass)
	}
	return pa.slotNames[obj.Name()] || factsForAllMethods
}

// factsForAllMethods gives every unexported method with a non-empty
// summary a fact, for the fixtures whose expectations show the summaries.
var factsForAllMethods = false

// unexportedSlotNames returns the names of the unexported methods of the
// package's named interfaces, local ones included, whose slots the analysis
// may follow (see methodSlot): none in the standard library.
func unexportedSlotNames(pass *analysis.Pass) map[string]bool {
	names := make(map[string]bool)
	if isStd(pass.Pkg.Path()) {
		return names
	}
	for _, obj := range pass.TypesInfo.Defs {
		tn, ok := obj.(*types.TypeName)
		if !ok || tn.IsAlias() || !types.IsInterface(tn.Type()) {
			continue
		}
		if _, ok := tn.Type().(*types.TypeParam); ok {
			continue // a constraint: no slot
		}
		it := tn.Type().Underlying().(*types.Interface)
		for i := range it.NumMethods() {
			if m := it.Method(i); !m.Exported() && m.Pkg() == pass.Pkg {
				names[m.Name()] = true
			}
		}
	}
	return names
}

// runtimeInternal reports whether a standard library package is the
// runtime or an internal package. They use the runtime's own locks, not
// sync's, and never call user code with a sync lock held; skipping them
// keeps the runtime's internal callbacks out of every package's fact.
func runtimeInternal(path string) bool {
	std := !strings.Contains(strings.Split(path, "/")[0], ".")
	return std && (path == "runtime" || strings.HasPrefix(path, "runtime/") ||
		strings.HasPrefix(path, "internal/") || strings.Contains(path, "/internal/"))
}

// testMain reports whether a package is the main package that go test
// generates to run a package's tests. It calls the tests, which nothing
// else calls (see uncalled), and go vet never analyses it.
func testMain(pass *analysis.Pass) bool {
	return pass.Pkg.Name() == "main" && strings.HasSuffix(pass.Pkg.Path(), ".test") &&
		!slices.ContainsFunc(pass.Files, func(f *ast.File) bool { return !ast.IsGenerated(f) })
}

// sortFuncs sorts functions by position (see comparePos), then by name.
func sortFuncs(fns []*ssa.Function) {
	sites := make(map[*ssa.Function]funcSite, len(fns))
	for _, fn := range fns {
		sites[fn] = siteOf(fn)
	}
	slices.SortFunc(fns, func(a, b *ssa.Function) int { return compareSites(sites[a], sites[b]) })
}

// comparePos orders two positions by file name and offset. (Not by Pos:
// files enter a file set in the order they were parsed, which varies from
// run to run, and so would the output.)
func comparePos(fset *token.FileSet, a, b token.Pos) int {
	x, y := fset.Position(a), fset.Position(b)
	return cmp.Or(cmp.Compare(x.Filename, y.Filename), cmp.Compare(x.Offset, y.Offset))
}

// analyzerDoc extracts the analyzer's documentation from the "# Analyzer"
// section of the package comment.
func analyzerDoc(src string) string {
	start := strings.Index(src, "# Analyzer lockorder")
	end := strings.Index(src, "package analyzer")
	if start < 0 || end < start {
		return "report lock order cycles and double locks"
	}
	var lines []string
	for _, line := range strings.Split(src[start:end], "\n")[1:] {
		line = strings.TrimPrefix(strings.TrimPrefix(line, "//"), " ")
		lines = append(lines, line)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
