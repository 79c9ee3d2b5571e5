package lockgraph

import (
	"bytes"
	"encoding/gob"
	"go/token"
	"slices"
	"strings"
	"testing"
)

func class(name string) Class { return Class{ID: "example.com/" + name, Name: name} }

// edge builds an edge from a to b with a witness of n steps.
func edge(a, b string, n int) Edge {
	w := []Step{{Kind: Holds, Func: "f", Target: a, Pos: token.Position{Filename: "f.go", Line: 1}}}
	for i := 2; i < n; i++ {
		w = append(w, Step{Kind: Calls, Func: "f", Target: "g", Pos: token.Position{Filename: "f.go", Line: i}})
	}
	w = append(w, Step{Kind: Acquires, Func: "g", Target: b, Pos: token.Position{Filename: "g.go", Line: n}})
	return Edge{From: class(a), To: class(b), Witness: w}
}

func TestAddKeepsShortestWitness(t *testing.T) {
	var g Graph
	if !g.Add(edge("a", "b", 4)) {
		t.Fatal("first edge not added")
	}
	if g.Add(edge("a", "b", 5)) {
		t.Error("longer witness replaced a shorter one")
	}
	if !g.Add(edge("a", "b", 2)) {
		t.Error("shorter witness not kept")
	}
	if e, _ := g.Edge("example.com/a", "example.com/b"); len(e.Witness) != 2 {
		t.Errorf("witness has %d steps, want 2", len(e.Witness))
	}
	if g.Add(edge("a", "a", 2)) || g.Len() != 1 {
		t.Error("self edge added")
	}
}

// TestAddPathAgreesWithAdd checks that adding a witness as a path keeps
// the same witness as adding its steps.
func TestAddPathAgreesWithAdd(t *testing.T) {
	witnesses := [][]Step{edge("a", "b", 4).Witness, edge("a", "b", 3).Witness,
		edge("a", "b", 5).Witness, edge("a", "c", 3).Witness, edge("a", "b", 3).Witness}
	witnesses[4][1].Pos.Line = 0 // as short as the second, smaller text
	var whole, paths Graph
	for _, w := range witnesses {
		e := Edge{From: class("a"), To: class("b"), Witness: w}
		if got, want := paths.AddPath(e.From, e.To, PathOf(w...)), whole.Add(e); got != want {
			t.Errorf("AddPath(%v) = %v, Add = %v", w, got, want)
		}
	}
	a, _ := whole.Edge("example.com/a", "example.com/b")
	b, _ := paths.Edge("example.com/a", "example.com/b")
	if !slices.Equal(a.Witness, b.Witness) {
		t.Errorf("kept %v, want %v", b.Witness, a.Witness)
	}
	var g Graph
	if g.AddPath(class("a"), class("a"), PathOf(edge("a", "a", 2).Witness...)) {
		t.Error("self edge added")
	}
}

// TestPathLessAgreesWithWitnessLess compares witnesses as paths, also
// paths that share a tail, paths joined at any step and a path not yet
// made (PrependLess).
func TestPathLessAgreesWithWitnessLess(t *testing.T) {
	witnesses := [][]Step{edge("a", "b", 4).Witness, edge("a", "b", 3).Witness, edge("a", "c", 3).Witness, edge("a", "b", 3).Witness, nil}
	witnesses[3][1].Pos.Line = 0
	split := func(w []Step, cut int) *Path {
		cut = min(cut, len(w))
		return Join(PathOf(w[:cut]...), PathOf(w[cut:]...))
	}
	for _, a := range witnesses {
		for _, b := range witnesses {
			for i := range 5 {
				for j := range 5 {
					p, q := split(a, i), split(b, j)
					if got, want := PathLess(p, q), WitnessLess(a, b); got != want {
						t.Errorf("PathLess(%v at %d, %v at %d) = %v, want %v", a, i, b, j, got, want)
					}
					if len(a) > 0 {
						if got, want := PrependLess(a[0], PathOf(a[1:]...), q), WitnessLess(a, b); got != want {
							t.Errorf("PrependLess(%v, %v) = %v, want %v", a, b, got, want)
						}
					}
					if got, want := PathEqual(p, q), slices.Equal(a, b); got != want {
						t.Errorf("PathEqual(%v, %v) = %v, want %v", a, b, got, want)
					}
					if got := q.Steps(); !slices.Equal(got, b) && len(b) > 0 {
						t.Errorf("Steps of %v split at %d = %v", b, j, got)
					}
				}
			}
		}
	}
}

// TestPathGob checks that a path survives gob encoding (as in a vet
// fact), and that a malformed encoding is an error.
func TestPathGob(t *testing.T) {
	type fact struct{ P, Empty *Path }
	want := edge("a", "b", 4).Witness
	want[2].Mode, want[2].Pos.Offset = Read, -3
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(fact{P: PathOf(want...)}); err != nil {
		t.Fatal(err)
	}
	var got fact
	if err := gob.NewDecoder(&buf).Decode(&got); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.P.Steps(), want) || got.Empty != nil {
		t.Errorf("decoded %v, %v; want %v, nil", got.P, got.Empty, want)
	}
	data, _ := PathOf(want...).GobEncode()
	for _, bad := range [][]byte{nil, data[:len(data)-1], append(slices.Clone(data), 0)} {
		if err := new(Path).GobDecode(bad); err == nil {
			t.Errorf("GobDecode(%d bytes) = nil error", len(bad))
		}
	}
}

// TestShortestCycles checks that every edge on a cycle gets a shortest
// cycle through it, each once, shortest first, and edges off cycles none.
func TestShortestCycles(t *testing.T) {
	var g Graph
	for _, pair := range []string{"ab", "ba", "bc", "cd", "da", "ce", "ef"} {
		g.Add(edge(pair[:1], pair[1:], 2))
	}
	var got []string
	for _, c := range g.ShortestCycles() {
		got = append(got, strings.ReplaceAll(c.Key(), "example.com/", ""))
	}
	// b -> c, c -> d and d -> a are on a -> b -> c -> d -> a only;
	// c -> e and e -> f are on no cycle.
	want := []string{"a -> b", "a -> b -> c -> d"}
	if !slices.Equal(got, want) {
		t.Errorf("ShortestCycles = %q, want %q", got, want)
	}
}

func TestCyclesEachOnceFromSmallestClass(t *testing.T) {
	var g Graph
	for _, e := range []Edge{
		edge("c", "a", 2), edge("a", "b", 2), edge("b", "c", 2), // a -> b -> c -> a
		edge("b", "a", 3),                    // a -> b -> a
		edge("d", "e", 2), edge("e", "f", 2), // acyclic tail
		edge("x", "y", 2), edge("y", "x", 2), // separate component
	} {
		g.Add(e)
	}
	cycles, truncated := g.Cycles()
	if truncated {
		t.Fatal("truncated")
	}
	var keys []string
	for _, c := range cycles {
		keys = append(keys, c.Key())
		for i, e := range c.Edges {
			if next := c.Edges[(i+1)%len(c.Edges)]; e.To != next.From {
				t.Errorf("cycle %s: edge %d does not join the next", c.Key(), i)
			}
		}
	}
	want := []string{
		"example.com/a -> example.com/b",
		"example.com/x -> example.com/y",
		"example.com/a -> example.com/b -> example.com/c",
	}
	if !slices.Equal(keys, want) {
		t.Errorf("cycles = %q, want %q", keys, want)
	}
}

func TestCyclesDeterministic(t *testing.T) {
	build := func(order []Edge) []Cycle {
		var g Graph
		for _, e := range order {
			g.Add(e)
		}
		c, _ := g.Cycles()
		return c
	}
	edges := []Edge{edge("a", "b", 2), edge("b", "c", 2), edge("c", "a", 2), edge("c", "b", 2), edge("b", "a", 2)}
	first := build(edges)
	reversed := slices.Clone(edges)
	slices.Reverse(reversed)
	second := build(reversed)
	if len(first) != len(second) {
		t.Fatalf("%d cycles, then %d", len(first), len(second))
	}
	for i := range first {
		if first[i].Key() != second[i].Key() {
			t.Errorf("cycle %d: %s, then %s", i, first[i].Key(), second[i].Key())
		}
	}
}

func TestCyclesTruncated(t *testing.T) {
	// A complete graph on 8 classes has far more than MaxCycles cycles.
	var g Graph
	names := []string{"a", "b", "c", "d", "e", "f", "g", "h"}
	for _, a := range names {
		for _, b := range names {
			g.Add(edge(a, b, 2))
		}
	}
	cycles, truncated := g.Cycles()
	if !truncated || len(cycles) != MaxCycles {
		t.Errorf("got %d cycles, truncated=%v; want %d, true", len(cycles), truncated, MaxCycles)
	}
}

func TestStepString(t *testing.T) {
	for _, tc := range []struct {
		step Step
		want string
	}{
		{Step{Kind: Holds, Func: "(*store.Alerts).gc", Target: "store.Alerts.mtx"}, "holds store.Alerts.mtx in (*store.Alerts).gc"},
		{Step{Kind: Calls, Func: "(*store.Alerts).gc", Target: "store.Alerts.cb"}, "calls store.Alerts.cb from (*store.Alerts).gc"},
		{Step{Kind: Acquires, Func: "f", Target: "m.mu", Mode: Read}, "acquires m.mu (read) in f"},
	} {
		if got := tc.step.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
}
