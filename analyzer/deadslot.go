package analyzer

import (
	"go/token"
	"go/types"
	"strings"

	"github.com/lockorder/lockorder/lockgraph"
)

// deadSlot reports whether nothing can call a function stored into a
// field with a lock held, so that a literal stored there runs as free
// code: the field is an unexported one of another package, which only
// that package's functions call, and neither their summaries (a call with
// no lock held, which their callers may make holding one) nor its lock
// graph (a call with a lock held, or a callee of another slot that makes
// one) call through it.
func (pa *pkgAnalysis) deadSlot(field lockgraph.Class) bool {
	if isMethodSlot(field.ID) {
		return false
	}
	path := classPackage(field.ID)
	name := field.ID[strings.LastIndex(field.ID, ".")+1:]
	if path == pa.pass.Pkg.Path() || token.IsExported(name) {
		return false
	}
	live, ok := pa.liveSlots[path]
	if !ok {
		live = pa.calledSlots(path)
		if pa.liveSlots == nil {
			pa.liveSlots = make(map[string]map[string]bool)
		}
		pa.liveSlots[path] = live
	}
	return live != nil && !live[field.ID]
}

// calledSlots returns the slots that the functions of a package the
// package imports, directly or not, call through, as their facts and its
// lock graph tell; nil when the package is not found.
func (pa *pkgAnalysis) calledSlots(path string) map[string]bool {
	pkg := importedPackage(pa.pass.Pkg, path, make(map[*types.Package]bool))
	if pkg == nil {
		return nil
	}
	called := make(map[string]bool)
	calls := func(sum summary) {
		for _, fc := range sum.FieldCalls {
			called[fc.Field.ID] = true
		}
	}
	imported := func(f *types.Func) {
		var fact funcFact
		if pa.pass.ImportObjectFact(f, &fact) {
			calls(fact.Summary)
		}
	}
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.Func:
			imported(obj)
		case *types.TypeName:
			if named, ok := types.Unalias(obj.Type()).(*types.Named); ok {
				for m := range named.Methods() {
					imported(m)
				}
			}
		}
	}
	var graph graphFact
	if pa.pass.ImportPackageFact(pkg, &graph) {
		if err := graph.load(); err != nil {
			return nil
		}
		for _, p := range graph.Pending {
			called[p.Field.ID] = true
		}
		for _, c := range graph.Callees {
			calls(c.Summary)
		}
	}
	return called
}

// importedPackage returns the package of a path that pkg imports,
// directly or not, or nil.
func importedPackage(pkg *types.Package, path string, seen map[*types.Package]bool) *types.Package {
	for _, imp := range pkg.Imports() {
		if imp.Path() == path {
			return imp
		}
		if !seen[imp] {
			seen[imp] = true
			if found := importedPackage(imp, path, seen); found != nil {
				return found
			}
		}
	}
	return nil
}
