package lockgraph_test

import (
	"bytes"
	"go/token"
	"path/filepath"
	"testing"

	"github.com/lockorder/lockorder/lockgraph"
)

// dotEdge is an edge from one class to another, held in fn at file:line
// and acquired in g at the next line.
func dotEdge(from, to lockgraph.Class, fn, file string, line int) lockgraph.Edge {
	return lockgraph.Edge{From: from, To: to, Witness: []lockgraph.Step{
		{Kind: lockgraph.Holds, Func: fn, Target: from.Name, Pos: token.Position{Filename: file, Line: line, Column: 2}},
		{Kind: lockgraph.Acquires, Func: "g", Target: to.Name, Mode: lockgraph.Read, Pos: token.Position{Filename: file, Line: line + 1, Column: 2}},
	}}
}

func TestDOT(t *testing.T) {
	dir := filepath.FromSlash("/src/project")
	goroot := filepath.FromSlash("/usr/lib/go")
	a := lockgraph.Class{ID: "example.com/a.T.mu", Name: "a.T.mu"}
	b := lockgraph.Class{ID: "example.com/b.T.mu", Name: "b.T.mu"}
	x1 := lockgraph.Class{ID: "example.com/x.S.mu", Name: "x.S.mu"}
	x2 := lockgraph.Class{ID: "example.org/x.S.mu", Name: "x.S.mu"}
	var g lockgraph.Graph
	// Added out of order: the output is sorted.
	g.Add(dotEdge(b, a, `(*b.T).g`, filepath.Join(dir, "b", "b.go"), 7))
	g.Add(dotEdge(x1, x2, `x.h "quoted"`, filepath.Join(goroot, "src", "x", "x.go"), 3))
	g.Add(dotEdge(a, b, "(*a.T).f", filepath.Join(dir, "a", "a.go"), 10))
	g.Add(dotEdge(x2, b, "x.k", filepath.FromSlash("/other/x.go"), 5))
	cycles, _ := g.Cycles()

	var buf bytes.Buffer
	if err := g.DOT(&buf, cycles, lockgraph.DOTOptions{Dir: dir, GOROOT: goroot}); err != nil {
		t.Fatal(err)
	}
	want := `// Lock graph written by lockorder: an edge A -> B means that B was acquired while A was held.
digraph lockorder {
	rankdir=LR;
	graph [fontname="Helvetica", fontsize=11, labelloc=t, label="lock order: A -> B when B is acquired while A is held; cycles in red"];
	node [shape=box, style=rounded, fontname="Helvetica", fontsize=12];
	edge [fontname="Helvetica", fontsize=10];
	"example.com/a.T.mu" [label="a.T.mu", tooltip="example.com/a.T.mu", color=red, fontcolor=red, penwidth=2];
	"example.com/b.T.mu" [label="b.T.mu", tooltip="example.com/b.T.mu", color=red, fontcolor=red, penwidth=2];
	"example.com/x.S.mu" [label="example.com/x.S.mu", tooltip="example.com/x.S.mu"];
	"example.org/x.S.mu" [label="example.org/x.S.mu", tooltip="example.org/x.S.mu"];
	"example.com/a.T.mu" -> "example.com/b.T.mu" [label="(*a.T).f\na/a.go:10", tooltip="holds a.T.mu in (*a.T).f (a/a.go:10)\nacquires b.T.mu (read) in g (a/a.go:11)", color=red, fontcolor=red, penwidth=2, style=bold];
	"example.com/b.T.mu" -> "example.com/a.T.mu" [label="(*b.T).g\nb/b.go:7", tooltip="holds b.T.mu in (*b.T).g (b/b.go:7)\nacquires a.T.mu (read) in g (b/b.go:8)", color=red, fontcolor=red, penwidth=2, style=bold];
	"example.com/x.S.mu" -> "example.org/x.S.mu" [label="x.h \"quoted\"\n$GOROOT/src/x/x.go:3", tooltip="holds x.S.mu in x.h \"quoted\" ($GOROOT/src/x/x.go:3)\nacquires x.S.mu (read) in g ($GOROOT/src/x/x.go:4)"];
	"example.org/x.S.mu" -> "example.com/b.T.mu" [label="x.k\n/other/x.go:5", tooltip="holds x.S.mu in x.k (/other/x.go:5)\nacquires b.T.mu (read) in g (/other/x.go:6)"];
}
`
	if got := buf.String(); got != want {
		t.Errorf("DOT:\n%s\nwant:\n%s", got, want)
	}

	// Without cycles nothing is red.
	buf.Reset()
	if err := g.DOT(&buf, nil, lockgraph.DOTOptions{Dir: dir, GOROOT: goroot}); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(buf.Bytes(), []byte("color=red")) {
		t.Errorf("DOT without cycles has red:\n%s", buf.String())
	}
}

func TestDOTEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := new(lockgraph.Graph).DOT(&buf, nil, lockgraph.DOTOptions{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(buf.Bytes(), []byte("\tedge [fontname=\"Helvetica\", fontsize=10];\n}\n")) {
		t.Errorf("empty graph:\n%s", buf.String())
	}
}
