// Command lockorder reports lock order cycles (possible deadlocks) and
// double locks in Go packages.
//
// Run it on packages directly:
//
//	lockorder [-C dir] [-json] [-c N] [-test=false] [-tags list] packages...
//
// or as a vet tool, which go vet drives one package at a time:
//
//	go vet -vettool=$(which lockorder) ./...
//
// The exit status is 0 when nothing is reported, 3 when something is, 1
// when packages cannot be loaded or analysed, and 2 for a usage error.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/unitchecker"
	"golang.org/x/tools/go/packages"

	"github.com/lockorder/lockorder/analyzer"
)

// Exit codes.
const (
	exitClean    = 0
	exitError    = 1
	exitUsage    = 2
	exitReported = 3
)

func main() {
	if vetMode(os.Args[1:]) {
		unitchecker.Main(analyzer.Analyzer)
		return
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
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

const usage = `usage: lockorder [flags] packages...

lockorder reports lock order cycles (possible deadlocks) and double locks.
As a vet tool: go vet -vettool=$(which lockorder) packages...

Exit status: 0 clean, 1 error, 2 usage error, 3 reports found.

Flags:
`

// run is the standalone command: it loads the packages and their
// dependencies from source, analyses them all, prints what the analyzer
// reports on the named packages and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lockorder", flag.ContinueOnError)
	jsonOut := fs.Bool("json", false, "print the reports as JSON on standard output")
	context := fs.Int("c", -1, "print each reported line with this many lines of context")
	tests := fs.Bool("test", true, "analyse the packages' test files too")
	tags := fs.String("tags", "", "comma-separated list of build tags")
	dir := fs.String("C", "", "load the packages from this directory, as go -C does")
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			fs.SetOutput(stdout)
			fmt.Fprint(stdout, usage)
			fs.PrintDefaults()
			return exitClean
		}
		fmt.Fprintf(stderr, "lockorder: %v (lockorder -h lists the flags)\n", err)
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "lockorder: no packages named (usage: lockorder [flags] packages...)")
		return exitUsage
	}

	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Tests: *tests, Dir: *dir}
	if *tags != "" {
		cfg.BuildFlags = []string{"-tags=" + *tags}
	}
	pkgs, err := packages.Load(cfg, fs.Args()...)
	if err != nil {
		fmt.Fprintf(stderr, "lockorder: %v\n", err)
		return exitError
	}
	if errs := loadErrors(pkgs); len(errs) > 0 {
		for _, e := range errs {
			fmt.Fprintln(stderr, e)
		}
		return exitError
	}
	if len(pkgs) == 0 {
		fmt.Fprintf(stderr, "lockorder: no packages match %s\n", strings.Join(fs.Args(), " "))
		return exitError
	}

	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.Analyzer}, pkgs, nil)
	if err != nil {
		fmt.Fprintf(stderr, "lockorder: %v\n", err)
		return exitError
	}
	status := exitClean
	for act := range graph.All() {
		if act.Err != nil {
			fmt.Fprintf(stderr, "lockorder: %s: %v\n", act.Package.PkgPath, act.Err)
			status = exitError
		} else if act.IsRoot && act.Analyzer == analyzer.Analyzer && len(act.Diagnostics) > 0 && status == exitClean {
			status = exitReported
		}
	}
	if *jsonOut {
		err = graph.PrintJSON(stdout)
	} else {
		err = graph.PrintText(stderr, *context)
	}
	if err != nil {
		fmt.Fprintf(stderr, "lockorder: %v\n", err)
		return exitError
	}
	return status
}

// loadErrors returns one line for each error met loading the packages or
// their dependencies, in the order go/packages reports them.
func loadErrors(pkgs []*packages.Package) []string {
	var errs []string
	seen := make(map[string]bool)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			line := e.Error()
			if e.Pos == "" || e.Pos == "-" {
				line = "lockorder: " + p.PkgPath + ": " + e.Msg
			}
			line = strings.Join(strings.Fields(line), " ")
			if !seen[line] {
				seen[line] = true
				errs = append(errs, line)
			}
		}
	})
	return errs
}
