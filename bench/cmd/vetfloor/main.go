// Command vetfloor is the SSA floor (see bench/internal/floor) as a vet
// tool, for timing lockorder under go vet:
//
//	go vet -vettool=$(which vetfloor) packages...
package main

import (
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/lockorder/lockorder/bench/internal/floor"
)

func main() { unitchecker.Main(floor.SSA) }
