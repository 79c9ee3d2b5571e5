// Package driver is lockorder's standalone driver: it loads packages and
// their dependencies from source with go/packages, runs an analyzer over
// all of them with go/analysis/checker, prints what it reports on the named
// packages (as text or JSON, and as SARIF with -sarif), draws their lock
// graph with -graph, and returns the exit status. The lockorder command and
// the benchmark's floor analyzers share it, so they are timed alike.
package driver

import (
	"bytes"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Exit codes.
const (
	exitClean    = 0
	exitError    = 1
	exitUsage    = 2
	exitReported = 3
)

// usage is the help text; %[1]s is the analyzer's name.
const usage = `usage: %[1]s [flags] packages...

%[2]s
As a vet tool: go vet -vettool=$(which %[1]s) packages...

Exit status: 0 clean, 1 error, 2 usage error, 3 reports found.

Flags:
`

// Run parses the command line args, loads the packages they name, runs a
// over them and their dependencies and prints its reports: as text on
// stderr, or as JSON on stdout. It also writes the SARIF log and the lock
// graph the flags ask for. It returns the exit status.
func Run(a *analysis.Analyzer, args []string, stdout, stderr io.Writer, opts ...Option) int {
	var cfgOpts options
	for _, o := range opts {
		o(&cfgOpts)
	}
	name := a.Name
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	jsonOut := fs.Bool("json", false, "print the reports as JSON on standard output")
	context := fs.Int("c", -1, "print each reported line with this many lines of context")
	tests := fs.Bool("test", true, "analyse the packages' test files too")
	tags := fs.String("tags", "", "comma-separated list of build tags")
	dir := fs.String("C", "", "load the packages from this directory, as go -C does")
	sarifOut := fs.String("sarif", "", "also write the reports as a SARIF 2.1.0 log to this file (- for standard output)")
	graphOut := fs.String("graph", "", "also write the lock graph to this file: Graphviz DOT (.dot, .gv, - for standard output) or SVG (.svg, needs Graphviz dot)")
	a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) }) // the analyzer's own flags, such as -order
	var whole *bool
	if cfgOpts.whole != nil {
		whole = fs.Bool("whole", false, "analyse the packages and their dependencies as one program, resolving dynamic calls with the VTA call graph")
	}
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile to this file")
	memProfile := fs.String("memprofile", "", "write a heap profile, taken after the analysis, to this file")
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			fs.SetOutput(stdout)
			fmt.Fprintf(stdout, usage, name, strings.SplitN(a.Doc, "\n", 2)[0])
			fs.PrintDefaults()
			return exitClean
		}
		fmt.Fprintf(stderr, "%s: %v (%[1]s -h lists the flags)\n", name, err)
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintf(stderr, "%s: no packages named (usage: %[1]s [flags] packages...)\n", name)
		return exitUsage
	}
	if whole != nil && *whole && (*jsonOut || *sarifOut != "" || *graphOut != "") {
		fmt.Fprintf(stderr, "%s: -whole prints a text report only; it cannot be combined with -json, -sarif or -graph\n", name)
		return exitUsage
	}
	out := outputs{json: *jsonOut, sarif: *sarifOut, graph: *graphOut}
	if err := out.check(a); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return exitUsage
	}
	if out.svg() {
		if _, err := exec.LookPath("dot"); err != nil {
			fmt.Fprintf(stderr, "%s: -graph %s: Graphviz dot is not installed (Debian package graphviz); write .dot instead\n", name, out.graph)
			return exitError
		}
	}
	root, err := filepath.Abs(*dir)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return exitError
	}

	// NeedModule gives each pass its package's module, as go vet does: the
	// analyzer follows calls through the interfaces of that module only.
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Tests: *tests, Dir: *dir}
	if *tags != "" {
		cfg.BuildFlags = []string{"-tags=" + *tags}
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			return exitError
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			return exitError
		}
		defer pprof.StopCPUProfile()
	}
	if *memProfile != "" {
		defer func() {
			f, err := os.Create(*memProfile)
			if err == nil {
				runtime.GC() // the profile shows the heap as of the last collection
				err = pprof.Lookup("heap").WriteTo(f, 0)
				f.Close()
			}
			if err != nil {
				fmt.Fprintf(stderr, "%s: %v\n", name, err)
			}
		}()
	}
	pkgs, err := packages.Load(cfg, fs.Args()...)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return exitError
	}
	if errs := loadErrors(name, pkgs); len(errs) > 0 {
		for _, e := range errs {
			fmt.Fprintln(stderr, e)
		}
		return exitError
	}
	if len(pkgs) == 0 {
		fmt.Fprintf(stderr, "%s: no packages match %s\n", name, strings.Join(fs.Args(), " "))
		return exitError
	}

	if whole != nil && *whole {
		return printWhole(stderr, pkgs, cfgOpts.whole(pkgs), *context)
	}

	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return exitError
	}
	status := exitClean
	seenErr := make(map[string]bool)
	for act := range graph.All() {
		if act.Err != nil {
			// One line per distinct error: an error every package meets
			// (an unreadable -order file) and the failed prerequisites it
			// causes downstream are printed once.
			msg := act.Err.Error()
			if !seenErr[msg] && !strings.HasPrefix(msg, "failed prerequisites") {
				seenErr[msg] = true
				fmt.Fprintf(stderr, "%s: %s: %s\n", name, act.Package.PkgPath, firstLine(msg))
			}
			status = exitError
		} else if act.IsRoot && act.Analyzer == a && len(act.Diagnostics) > 0 && status == exitClean {
			status = exitReported
		}
	}
	if *jsonOut {
		err = graph.PrintJSON(stdout)
	} else {
		err = printText(stderr, a, graph, *context)
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return exitError
	}
	if err := out.write(a, graph, root, stdout); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return exitError
	}
	return status
}

// loadErrors returns one line for each error met loading the packages or
// their dependencies, in the order go/packages reports them.
func loadErrors(name string, pkgs []*packages.Package) []string {
	var errs []string
	seen := make(map[string]bool)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			line := e.Pos + ": " + firstLine(e.Msg)
			if e.Pos == "" || e.Pos == "-" {
				line = name + ": " + p.PkgPath + ": " + firstLine(e.Msg)
			}
			if !seen[line] {
				seen[line] = true
				errs = append(errs, line)
			}
		}
	})
	return errs
}

// firstLine turns an error message into one line: its first line, without
// a "# package" header such as the compiler's and cgo's, and how many lines
// were left out (a C compiler's report runs to dozens).
func firstLine(msg string) string {
	var lines []string
	for _, line := range strings.Split(msg, "\n") {
		if line = strings.Join(strings.Fields(line), " "); line != "" && !strings.HasPrefix(line, "# ") {
			lines = append(lines, line)
		}
	}
	switch len(lines) {
	case 0:
		return strings.TrimSpace(msg)
	case 1:
		return lines[0]
	}
	return fmt.Sprintf("%s (and %d more lines)", lines[0], len(lines)-1)
}

// printText prints the root packages' diagnostics as go vet does: the
// position and message, then each related step indented, with context
// lines when asked. Unlike checker's PrintText it leaves out the errors,
// which Run has printed once each.
func printText(w io.Writer, a *analysis.Analyzer, g *checker.Graph, contextLines int) error {
	type key struct {
		posn token.Position
		msg  string
	}
	seen := make(map[key]bool)
	var buf bytes.Buffer
	for act := range g.All() {
		if !act.IsRoot || act.Analyzer != a || act.Err != nil {
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			k := key{fset.Position(d.Pos), d.Message}
			if seen[k] { // a file in both a package and its test variant
				continue
			}
			seen[k] = true
			printDiagnostic(&buf, fset, d, contextLines)
		}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// printDiagnostic prints one diagnostic and its related steps.
func printDiagnostic(buf *bytes.Buffer, fset *token.FileSet, d analysis.Diagnostic, contextLines int) {
	line := func(pos token.Pos, msg string) {
		posn := fset.Position(pos)
		fmt.Fprintf(buf, "%s: %s\n", posn, msg)
		if contextLines < 0 || !posn.IsValid() {
			return
		}
		data, _ := os.ReadFile(posn.Filename)
		lines := strings.Split(string(data), "\n")
		for i := posn.Line - contextLines; i <= posn.Line+contextLines; i++ {
			if 1 <= i && i <= len(lines) {
				fmt.Fprintf(buf, "%d\t%s\n", i, lines[i-1])
			}
		}
	}
	line(d.Pos, d.Message)
	for _, r := range d.Related {
		line(r.Pos, "\t"+r.Message)
	}
}

// An Option adds to what Run offers.
type Option func(*options)

type options struct {
	whole WholeProgram
}

// WholeProgram analyses loaded packages and their dependencies as one
// program and returns its diagnostics, positioned in the packages' file set.
type WholeProgram func(pkgs []*packages.Package) []analysis.Diagnostic

// WithWholeProgram offers the -whole flag, which runs f instead of the
// per-package analysis.
func WithWholeProgram(f WholeProgram) Option {
	return func(o *options) { o.whole = f }
}

// printWhole prints the whole-program diagnostics as printText does and
// returns the exit status.
func printWhole(w io.Writer, pkgs []*packages.Package, diags []analysis.Diagnostic, contextLines int) int {
	var buf bytes.Buffer
	fset := pkgs[0].Fset
	for _, d := range diags {
		printDiagnostic(&buf, fset, d, contextLines)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return exitError
	}
	if len(diags) > 0 {
		return exitReported
	}
	return exitClean
}
