package driver

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/lockorder/lockorder/analyzer"
	"github.com/lockorder/lockorder/internal/sarif"
	"github.com/lockorder/lockorder/lockgraph"
)

// homepage is lockorder's home, the SARIF log's informationUri; its README
// sections are the rules' help pages.
const homepage = "https://github.com/lockorder/lockorder"

// outputs are where the reports go besides the text or JSON report:
// the -sarif and -graph files, "-" for standard output.
type outputs struct {
	json         bool
	sarif, graph string
}

// svg reports whether the lock graph is to be rendered as SVG.
func (o outputs) svg() bool { return strings.EqualFold(filepath.Ext(o.graph), ".svg") }

// check rejects flags that cannot go together: two outputs on standard
// output or in one file, a lock graph of an unknown format, or one asked
// of an analyzer that builds none.
func (o outputs) check(a *analysis.Analyzer) error {
	if o.graph != "" {
		if a.ResultType != reflect.TypeFor[*analyzer.Result]() {
			return fmt.Errorf("-graph: the %s analyzer builds no lock graph", a.Name)
		}
		switch strings.ToLower(filepath.Ext(o.graph)) {
		case ".dot", ".gv", ".svg":
		default:
			if o.graph != "-" {
				return fmt.Errorf("-graph %s: unknown format: name a .dot, .gv or .svg file, or - for DOT on standard output", o.graph)
			}
		}
	}
	var onStdout []string
	if o.json {
		onStdout = append(onStdout, "-json")
	}
	if o.sarif == "-" {
		onStdout = append(onStdout, "-sarif -")
	}
	if o.graph == "-" {
		onStdout = append(onStdout, "-graph -")
	}
	if len(onStdout) > 1 {
		return fmt.Errorf("%s both write to standard output: send one of them to a file", strings.Join(onStdout, " and "))
	}
	if o.sarif != "" && o.sarif != "-" && filepath.Clean(o.sarif) == filepath.Clean(o.graph) {
		return fmt.Errorf("-sarif and -graph both write to %s", o.sarif)
	}
	return nil
}

// write writes the SARIF log and the lock graph of the root packages, as
// the flags ask. root is the directory the files' names are relative to.
func (o outputs) write(a *analysis.Analyzer, g *checker.Graph, root string, stdout io.Writer) error {
	if o.sarif != "" {
		tool := sarif.Tool{Name: a.Name, Version: toolVersion(), InformationURI: homepage}
		var buf bytes.Buffer
		if err := sarif.Convert(tool, root, reports(a, g)).Write(&buf); err != nil {
			return fmt.Errorf("-sarif: %v", err)
		}
		if err := writeTo(o.sarif, buf.Bytes(), stdout); err != nil {
			return fmt.Errorf("-sarif: %v", err)
		}
	}
	if o.graph != "" {
		locks, cycles := lockGraph(a, g)
		var buf bytes.Buffer
		if err := locks.DOT(&buf, cycles, lockgraph.DOTOptions{Dir: root, GOROOT: goroot(root)}); err != nil {
			return fmt.Errorf("-graph: %v", err)
		}
		data := buf.Bytes()
		if o.svg() {
			var err error
			if data, err = renderSVG(data); err != nil {
				return fmt.Errorf("-graph %s: %v", o.graph, err)
			}
		}
		if err := writeTo(o.graph, data, stdout); err != nil {
			return fmt.Errorf("-graph: %v", err)
		}
	}
	return nil
}

// writeTo writes data to the named file, or to stdout for "-".
func writeTo(name string, data []byte, stdout io.Writer) error {
	if name == "-" {
		_, err := stdout.Write(data)
		return err
	}
	return os.WriteFile(name, data, 0o666)
}

// toolVersion is the command's module version without its "v", so that
// it starts with a number as SARIF consumers expect; "0.0.0-devel" when
// the command was built inside its own module without a version.
func toolVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return strings.TrimPrefix(bi.Main.Version, "v")
	}
	return "0.0.0-devel"
}

// reports are the diagnostics of a on the root packages, for SARIF.
func reports(a *analysis.Analyzer, g *checker.Graph) []sarif.Report {
	var out []sarif.Report
	for act := range g.All() {
		if !act.IsRoot || act.Analyzer != a || act.Err != nil {
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			r := sarif.Report{Category: d.Category, Message: d.Message, Pos: fset.Position(d.Pos)}
			for _, rel := range d.Related {
				r.Related = append(r.Related, sarif.Step{Pos: fset.Position(rel.Pos), Message: rel.Message})
			}
			out = append(out, r)
		}
	}
	return out
}

// lockGraph is the lock graph of the root packages: the union of the
// graphs a built for them, less the edges their code takes no part in
// (edges inside dependencies, such as the standard library's), and the
// union of their cycles, whose edges are all kept.
func lockGraph(a *analysis.Analyzer, g *checker.Graph) (*lockgraph.Graph, []lockgraph.Cycle) {
	rootFiles := make(map[string]bool)
	var edges []lockgraph.Edge
	var cycles []lockgraph.Cycle
	for act := range g.All() {
		res, ok := act.Result.(*analyzer.Result)
		if !act.IsRoot || act.Analyzer != a || !ok {
			continue
		}
		for _, f := range act.Package.CompiledGoFiles {
			rootFiles[f] = true
		}
		edges = append(edges, res.Edges...)
		cycles = append(cycles, res.Cycles...)
	}
	locks := new(lockgraph.Graph)
	for _, e := range edges {
		if slices.ContainsFunc(e.Witness, func(s lockgraph.Step) bool { return rootFiles[s.Pos.Filename] }) {
			locks.Add(e)
		}
	}
	for _, c := range cycles {
		for _, e := range c.Edges {
			locks.Add(e)
		}
	}
	return locks, cycles
}

// goroot is the Go root of the go command that loads packages in dir, or
// "" when it cannot be found.
func goroot(dir string) string {
	cmd := exec.Command("go", "env", "GOROOT")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// renderSVG runs Graphviz dot on a DOT graph and returns the SVG.
func renderSVG(dot []byte) ([]byte, error) {
	cmd := exec.Command("dot", "-Tsvg")
	cmd.Stdin = bytes.NewReader(dot)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		if msg, _, _ := strings.Cut(strings.TrimSpace(errb.String()), "\n"); msg != "" {
			return nil, fmt.Errorf("dot: %s", msg)
		}
		return nil, fmt.Errorf("dot: %v", err)
	}
	return out.Bytes(), nil
}
