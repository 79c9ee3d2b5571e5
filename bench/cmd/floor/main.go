// Command floor runs one of the two do-nothing analyzers of
// bench/internal/floor through lockorder's standalone driver, to measure
// the cost every analysis of its kind pays before it does any work of its
// own:
//
//	floor -floor=typecheck [driver flags] packages...
//	floor -floor=ssa [driver flags] packages...
//
// The driver flags and exit codes are lockorder's.
package main

import (
	"fmt"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/lockorder/lockorder/bench/internal/floor"
	"github.com/lockorder/lockorder/internal/driver"
)

// floors are the analyzers, by the name -floor selects them with.
var floors = map[string]*analysis.Analyzer{"typecheck": floor.TypeCheck, "ssa": floor.SSA}

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
