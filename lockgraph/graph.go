// Package lockgraph holds the lock acquisition graph: lock classes, the
// "acquired B while holding A" edges between them with a witness for each,
// and the search for cycles in it.
//
// It is plain data and algorithms with no dependency on an analysis driver:
// every value is made of strings, integers and token.Position so that it
// can be gob-encoded into an analysis fact, and every result is sorted so
// that the same graph always gives byte-identical output.
package lockgraph

import (
	"cmp"
	"fmt"
	"go/token"
	"slices"
	"strings"
)

// A Class is a lock class: the place where a mutex lives, independent of
// the instance. Two mutexes in the same field of two values of one type are
// one class. A class can also stand for an event that a blocked goroutine
// waits for, such as a receive on a channel field (see IsEvent).
type Class struct {
	// ID is the stable, fully qualified name: the package path followed by
	// the type and field path ("example.com/store.Alerts.mtx"), or by the
	// variable name for a package-level mutex ("example.com/pkg.mu").
	ID string
	// Name is the short display name ("store.Alerts.mtx").
	Name string
}

// IsEvent reports whether the class is an event (a send or receive on a
// channel, WaitGroup.Done, Cond.Signal) rather than a lock.
func (c Class) IsEvent() bool { return strings.Contains(c.ID, "#") }

// Mode says whether a lock is taken for writing (Lock) or reading (RLock).
type Mode uint8

// The lock modes.
const (
	Write Mode = iota
	Read
)

// A StepKind says what a witness step does.
type StepKind uint8

// The kinds of witness step.
const (
	// Holds is the first step of a witness: the lock already held.
	Holds StepKind = iota
	// Calls is a call on the way from the held lock to the acquisition.
	Calls
	// Acquires is the last step of a witness: the lock taken.
	Acquires
	// Waits is the last step of a witness that blocks (on a channel, a
	// WaitGroup, a Cond) instead of taking a lock.
	Waits
	// Provides is the last step of a witness that unblocks others (a send
	// or receive, WaitGroup.Done, Cond.Signal) while locks are held.
	Provides
	// Starts is a go statement on the path from a goroutine's start to a
	// witness (the whole-program mode shows that path).
	Starts
)

// A Step is one position on a witness path.
type Step struct {
	Kind StepKind
	// Func is the display name of the function the step happens in.
	Func string
	// Target is the lock class name (Holds, Acquires) or the callee's
	// display name (Calls).
	Target string
	// Mode is the lock mode of a Holds or Acquires step.
	Mode Mode
	// Pos is where the step happens.
	Pos token.Position
}

// MapStrings returns the step with f applied to its function name, its
// target and its file name: an encoding can refer to the strings it repeats
// through a table.
func (s Step) MapStrings(f func(string) string) Step {
	s.Func, s.Target, s.Pos.Filename = f(s.Func), f(s.Target), f(s.Pos.Filename)
	return s
}

// String describes the step without its position, as in
// "holds store.Alerts.mtx in (*store.Alerts).gc".
func (s Step) String() string {
	switch s.Kind {
	case Holds:
		return fmt.Sprintf("holds %s%s in %s", s.Target, s.Mode.suffix(), s.Func)
	case Calls:
		return fmt.Sprintf("calls %s from %s", s.Target, s.Func)
	case Waits:
		return fmt.Sprintf("waits for %s in %s", s.Target, s.Func)
	case Provides:
		return fmt.Sprintf("provides %s in %s", s.Target, s.Func)
	case Starts:
		return fmt.Sprintf("go %s in %s", s.Target, s.Func)
	default:
		return fmt.Sprintf("acquires %s%s in %s", s.Target, s.Mode.suffix(), s.Func)
	}
}

func (m Mode) suffix() string {
	if m == Read {
		return " (read)"
	}
	return ""
}

// An Edge records that To was acquired while From was held, with one
// witness path: a Holds step, the calls in between and an Acquires step.
type Edge struct {
	From, To Class
	Witness  []Step
}

// Graph is a lock acquisition graph. The zero value is empty and ready to
// use. For each ordered pair of classes it keeps the shortest witness.
type Graph struct {
	edges map[[2]string]Edge
}

// Add records an edge. It keeps the shorter witness (fewer steps, then the
// smaller text) when the pair of classes is already present, and reports
// whether the graph changed. Edges from a class to itself are ignored:
// they are about instances, not about order.
func (g *Graph) Add(e Edge) bool {
	if e.From.ID == e.To.ID {
		return false
	}
	if g.edges == nil {
		g.edges = make(map[[2]string]Edge)
	}
	key := [2]string{e.From.ID, e.To.ID}
	if old, ok := g.edges[key]; ok && !WitnessLess(e.Witness, old.Witness) {
		return false
	}
	g.edges[key] = e
	return true
}

// AddPath records an edge whose witness is a path, as Add does, but makes
// the witness's steps only when the edge is new or its witness shorter: a
// caller adding many paths for one pair does not pay for those the graph
// drops.
func (g *Graph) AddPath(from, to Class, p *Path) bool {
	if from.ID == to.ID {
		return false
	}
	if old, ok := g.edges[[2]string{from.ID, to.ID}]; ok && !pathLessSteps(p, old.Witness) {
		return false
	}
	return g.Add(Edge{From: from, To: to, Witness: p.Steps()})
}

// Len returns the number of edges.
func (g *Graph) Len() int { return len(g.edges) }

// Edge returns the edge from one class to another, if present.
func (g *Graph) Edge(from, to string) (Edge, bool) {
	e, ok := g.edges[[2]string{from, to}]
	return e, ok
}

// Edges returns every edge sorted by source and then target class ID.
func (g *Graph) Edges() []Edge {
	out := make([]Edge, 0, len(g.edges))
	for _, e := range g.edges {
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b Edge) int {
		return cmp.Or(cmp.Compare(a.From.ID, b.From.ID), cmp.Compare(a.To.ID, b.To.ID))
	})
	return out
}

// WitnessLess orders witnesses: fewer steps first, then step by step by
// kind, function, target, mode and position, so that the choice among
// equally short witnesses is stable.
func WitnessLess(a, b []Step) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	for i := range a {
		if c := compareSteps(a[i], b[i]); c != 0 {
			return c < 0
		}
	}
	return false
}

func compareSteps(x, y Step) int {
	return cmp.Or(
		cmp.Compare(x.Kind, y.Kind),
		strings.Compare(x.Func, y.Func),
		strings.Compare(x.Target, y.Target),
		cmp.Compare(x.Mode, y.Mode),
		strings.Compare(x.Pos.Filename, y.Pos.Filename),
		cmp.Compare(x.Pos.Line, y.Pos.Line),
		cmp.Compare(x.Pos.Column, y.Pos.Column),
	)
}
