// Command lockorder reports lock order cycles (possible deadlocks) and
// double locks in Go packages.
//
// Run it on packages directly:
//
//	lockorder ./...
//
// or as a vet tool:
//
//	go vet -vettool=$(which lockorder) ./...
package main

import (
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/lockorder/lockorder/analyzer"
)

func main() { singlechecker.Main(analyzer.Analyzer) }
