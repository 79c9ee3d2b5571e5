// Command lockorder reports lock order cycles (possible deadlocks) and
// double locks in Go packages.
//
// Run it on packages directly:
//
//	lockorder [-C dir] [-json] [-c N] [-test=false] [-tags list] [-sarif file] [-graph file] packages...
//
// -sarif writes the reports as a SARIF 2.1.0 log too, for code scanning;
// -graph writes the lock graph as Graphviz DOT (file.dot) or SVG
// (file.svg, rendered with Graphviz dot).
//
// or as a vet tool, which go vet drives one package at a time:
//
//	go vet -vettool=$(which lockorder) ./...
//
// The exit status is 0 when nothing is reported, 3 when something is, 1
// when packages cannot be loaded or analysed, and 2 for a usage error.
package main

import (
	"os"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/lockorder/lockorder/analyzer"
	"github.com/lockorder/lockorder/internal/driver"
)

func main() {
	if vetMode(os.Args[1:]) {
		unitchecker.Main(analyzer.Analyzer)
		return
	}
	os.Exit(driver.Run(analyzer.Analyzer, os.Args[1:], os.Stdout, os.Stderr, driver.WithWholeProgram(analyzer.WholeProgram)))
}

// vetMode reports whether go vet is driving the command: it asks for the
// version (-V=full) or the flags (-flags), or passes a unit's .cfg file.
func vetMode(args []string) bool {
	for _, a := range args {
		if strings.HasPrefix(a, "-V") || a == "-flags" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}
