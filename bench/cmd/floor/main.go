// Command floor runs one of two do-nothing analyzers through lockorder's
// standalone driver, to measure the cost every analysis of its kind pays
// before it does any work of its own:
//
//	floor -floor=typecheck [driver flags] packages...
//	floor -floor=ssa [driver flags] packages...
//
// Both export a trivial fact for every package, so that, as for lockorder,
// the driver analyses every dependency too. The typecheck floor does
// nothing else: it costs loading, parsing and type-checking. The ssa floor
// also requires buildssa, as lockorder does. Neither reports anything.
// The driver flags and exit codes are lockorder's.
package main

import (
	"fmt"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"

	"github.com/lockorder/lockorder/internal/driver"
)

// pkgFact is the trivial per-package fact that makes the driver run the
// floor analyzers on dependencies. gob needs an exported field.
type pkgFact struct{ Path string }

// AFact marks pkgFact as an analysis fact.
func (*pkgFact) AFact() {}

// exportFact exports the package's fact and returns no result.
func exportFact(pass *analysis.Pass) (any, error) {
	pass.ExportPackageFact(&pkgFact{Path: pass.Pkg.Path()})
	return nil, nil
}

// floors are the analyzers, by the name -floor selects them with.
var floors = map[string]*analysis.Analyzer{
	"typecheck": {
		Name:      "typecheck",
		Doc:       "type-check every package and export a trivial fact",
		Run:       exportFact,
		FactTypes: []analysis.Fact{new(pkgFact)},
	},
	"ssa": {
		Name:      "ssa",
		Doc:       "type-check and build SSA for every package and export a trivial fact",
		Run:       exportFact,
		Requires:  []*analysis.Analyzer{buildssa.Analyzer},
		FactTypes: []analysis.Fact{new(pkgFact)},
	},
}

func main() {
	name, rest, err := floorArg(os.Args[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "floor: %v\n", err)
		os.Exit(2)
	}
	os.Exit(driver.Run(floors[name], rest, os.Stdout, os.Stderr))
}

// floorArg takes the -floor=NAME argument, which must come first, out of
// args and returns the name and the driver's arguments.
func floorArg(args []string) (string, []string, error) {
	if len(args) > 0 {
		if name, ok := strings.CutPrefix(args[0], "-floor="); ok && floors[name] != nil {
			return name, args[1:], nil
		}
	}
	return "", nil, fmt.Errorf("usage: floor -floor=typecheck|ssa [lockorder driver flags] packages...")
}
