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
	name := field.ID[strings.LastIndex(field.ID, ".")+1:]
	owner := pa.ownerPackage(field.ID)
	if owner == nil || owner == pa.pass.Pkg || token.IsExported(name) {
		return false
	}
	live, ok := pa.liveSlots[owner]
	if !ok {
		live = pa.calledSlots(owner)
		if pa.liveSlots == nil {
			pa.liveSlots = make(map[*types.Package]map[string]bool)
		}
		pa.liveSlots[owner] = live
	}
	return live != nil && !live[field.ID]
}

// ownerPackage returns the package a field class is declared in, among
// the package and those it imports, directly or not: the longest prefix of
// its ID that is one's path (a path may have dots in it), or nil.
func (pa *pkgAnalysis) ownerPackage(id string) *types.Package {
	if pa.packages == nil {
		pa.packages = map[string]*types.Package{pa.pass.Pkg.Path(): pa.pass.Pkg}
		var add func(pkg *types.Package)
		add = func(pkg *types.Package) {
			for _, imp := range pkg.Imports() {
				if pa.packages[imp.Path()] == nil {
					pa.packages[imp.Path()] = imp
					add(imp)
				}
			}
		}
		add(pa.pass.Pkg)
	}
	for i := strings.LastIndex(id, "."); i > 0; i = strings.LastIndex(id[:i], ".") {
		if pkg := pa.packages[id[:i]]; pkg != nil {
			return pkg
		}
	}
	return nil
}

// calledSlots returns the slots that the functions of a package call
// through, as their facts and its lock graph tell; nil when its lock graph
// cannot be read.
func (pa *pkgAnalysis) calledSlots(pkg *types.Package) map[string]bool {
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
			return nil // every slot is live
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
