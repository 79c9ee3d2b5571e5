package lockgraph

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
)

// DOTOptions tunes Graph.DOT.
type DOTOptions struct {
	// Dir, when set, is the directory that witness file names are
	// written relative to.
	Dir string
	// GOROOT, when set, is the Go root: the names of files under it
	// start with "$GOROOT/". Files under neither keep their full names.
	GOROOT string
}

// DOT writes the graph in the Graphviz DOT language. Each lock class is a
// node labelled with its short name (its ID when two classes share a
// name); each edge is labelled with the function and the position
// (file:line) of the first step of its witness and has the whole witness
// as its tooltip. The edges and classes of the given cycles are drawn in
// bold red. The output depends only on the graph, the cycles and opts.
func (g *Graph) DOT(w io.Writer, cycles []Cycle, opts DOTOptions) error {
	edges := g.Edges()
	cycleEdge := make(map[[2]string]bool)
	cycleClass := make(map[string]bool)
	for _, c := range cycles {
		for _, e := range c.Edges {
			cycleEdge[[2]string{e.From.ID, e.To.ID}] = true
			cycleClass[e.From.ID] = true
		}
	}
	classes := make(map[string]Class)
	byName := make(map[string]int)
	for _, e := range edges {
		for _, c := range []Class{e.From, e.To} {
			if _, ok := classes[c.ID]; !ok {
				classes[c.ID] = c
				byName[c.Name]++
			}
		}
	}
	ids := make([]string, 0, len(classes))
	for id := range classes {
		ids = append(ids, id)
	}
	slices.Sort(ids)

	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "// Lock graph written by lockorder: an edge A -> B means that B was acquired while A was held.")
	fmt.Fprintln(bw, "digraph lockorder {")
	fmt.Fprintln(bw, "\trankdir=LR;")
	fmt.Fprintln(bw, `	graph [fontname="Helvetica", fontsize=11, labelloc=t, label="lock order: A -> B when B is acquired while A is held; cycles in red"];`)
	fmt.Fprintln(bw, `	node [shape=box, style=rounded, fontname="Helvetica", fontsize=12];`)
	fmt.Fprintln(bw, `	edge [fontname="Helvetica", fontsize=10];`)
	for _, id := range ids {
		c := classes[id]
		label := c.Name
		if byName[c.Name] > 1 {
			label = c.ID
		}
		attrs := fmt.Sprintf("label=%s, tooltip=%s", quote(label), quote(c.ID))
		if cycleClass[id] {
			attrs += ", color=red, fontcolor=red, penwidth=2"
		}
		fmt.Fprintf(bw, "\t%s [%s];\n", quote(id), attrs)
	}
	for _, e := range edges {
		var label string
		var tooltip []string
		if len(e.Witness) > 0 {
			first := e.Witness[0]
			label = fmt.Sprintf("%s\n%s:%d", first.Func, opts.relative(first.Pos.Filename), first.Pos.Line)
			for _, s := range e.Witness {
				tooltip = append(tooltip, fmt.Sprintf("%s (%s:%d)", s, opts.relative(s.Pos.Filename), s.Pos.Line))
			}
		}
		attrs := fmt.Sprintf("label=%s, tooltip=%s", quote(label), quote(strings.Join(tooltip, "\n")))
		if cycleEdge[[2]string{e.From.ID, e.To.ID}] {
			attrs += ", color=red, fontcolor=red, penwidth=2, style=bold"
		}
		fmt.Fprintf(bw, "\t%s -> %s [%s];\n", quote(e.From.ID), quote(e.To.ID), attrs)
	}
	fmt.Fprintln(bw, "}")
	return bw.Flush()
}

// relative is a file name with forward slashes, relative to opts.Dir or
// opts.GOROOT when the file is inside one of them.
func (opts DOTOptions) relative(filename string) string {
	if rel, ok := inside(opts.Dir, filename); ok {
		return rel
	}
	if rel, ok := inside(opts.GOROOT, filename); ok {
		return "$GOROOT/" + rel
	}
	return filepath.ToSlash(filename)
}

// inside returns the name of a file relative to dir, with forward
// slashes, when it is inside dir.
func inside(dir, filename string) (string, bool) {
	if dir == "" {
		return "", false
	}
	rel, err := filepath.Rel(dir, filename)
	if err != nil || !filepath.IsLocal(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// quote writes s as a DOT string: in double quotes, with quotes and
// backslashes escaped and newlines as \n.
func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}
