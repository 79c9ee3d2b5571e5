// Package floor holds the two do-nothing analyzers that lockorder is
// measured against: what every analysis of its kind pays before it does any
// work of its own. Both export a trivial fact for every package, so that,
// as for lockorder, a driver analyses every dependency too. TypeCheck does
// nothing else: it costs loading, parsing and type-checking. SSA also
// requires buildssa, as lockorder does. Neither reports anything.
package floor

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
)

// pkgFact is the trivial per-package fact that makes a driver run the
// floor analyzers on dependencies. gob needs an exported field.
type pkgFact struct{ Path string }

// AFact marks pkgFact as an analysis fact.
func (*pkgFact) AFact() {}

// exportFact exports the package's fact and returns no result.
func exportFact(pass *analysis.Pass) (any, error) {
	pass.ExportPackageFact(&pkgFact{Path: pass.Pkg.Path()})
	return nil, nil
}

// TypeCheck type-checks every package and exports a trivial fact.
var TypeCheck = &analysis.Analyzer{
	Name:      "typecheck",
	Doc:       "type-check every package and export a trivial fact",
	Run:       exportFact,
	FactTypes: []analysis.Fact{new(pkgFact)},
}

// SSA type-checks and builds SSA for every package and exports a trivial
// fact.
var SSA = &analysis.Analyzer{
	Name:      "ssa",
	Doc:       "type-check and build SSA for every package and export a trivial fact",
	Run:       exportFact,
	Requires:  []*analysis.Analyzer{buildssa.Analyzer},
	FactTypes: []analysis.Fact{new(pkgFact)},
}
