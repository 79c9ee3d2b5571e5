package lockgraph

import (
	"slices"
	"strings"
)

// A Cycle is an elementary cycle of the graph: Edges[i].To is
// Edges[i+1].From, and the last edge returns to Edges[0].From. The first
// edge starts at the class with the smallest ID, so each cycle has exactly
// one representation.
type Cycle struct {
	Edges []Edge
}

// Key identifies the cycle by its classes, as in "a.mu -> b.mu".
func (c Cycle) Key() string {
	ids := make([]string, len(c.Edges))
	for i, e := range c.Edges {
		ids[i] = e.From.ID
	}
	return strings.Join(ids, " -> ")
}

// MaxCycles bounds the number of cycles Cycles returns: a graph with more
// elementary cycles than this is reported as truncated.
const MaxCycles = 1000

// maxSearchSteps bounds the work of the cycle search, which is exponential
// in the worst case.
const maxSearchSteps = 1_000_000

// Cycles returns every elementary cycle of the graph once, each with the
// shortest witness recorded for its edges, sorted by length and then by
// Key. The result is truncated, and truncated is true, when the graph has
// more than MaxCycles cycles or the search exceeds its step budget.
func (g *Graph) Cycles() (cycles []Cycle, truncated bool) {
	all := make(map[string][]string)
	for _, e := range g.Edges() { // sorted: successor lists are sorted too
		all[e.From.ID] = append(all[e.From.ID], e.To.ID)
	}
	// A cycle stays inside one strongly connected component: drop the
	// edges between components so the search never explores dead ends.
	comp := components(all)
	succ := make(map[string][]string)
	for from, tos := range all {
		for _, to := range tos {
			if comp[from] == comp[to] {
				succ[from] = append(succ[from], to)
			}
		}
	}
	roots := make([]string, 0, len(succ))
	for id := range succ {
		roots = append(roots, id)
	}
	slices.Sort(roots)

	s := &cycleSearch{g: g, succ: succ, onPath: make(map[string]bool)}
	for _, root := range roots {
		s.root = root
		s.visit(root)
		if s.truncated {
			break
		}
	}
	slices.SortFunc(s.found, func(a, b Cycle) int {
		if len(a.Edges) != len(b.Edges) {
			return len(a.Edges) - len(b.Edges)
		}
		return strings.Compare(a.Key(), b.Key())
	})
	return s.found, s.truncated
}

// cycleSearch enumerates the elementary cycles through root whose other
// classes all sort after root, so that each cycle is found once, from its
// smallest class.
type cycleSearch struct {
	g         *Graph
	succ      map[string][]string
	root      string
	path      []string
	onPath    map[string]bool
	found     []Cycle
	steps     int
	truncated bool
}

func (s *cycleSearch) visit(id string) {
	s.steps++
	if s.steps > maxSearchSteps || len(s.found) >= MaxCycles {
		s.truncated = true
		return
	}
	s.path = append(s.path, id)
	s.onPath[id] = true
	for _, next := range s.succ[id] {
		switch {
		case next == s.root:
			s.record()
		case next > s.root && !s.onPath[next]:
			s.visit(next)
		}
		if s.truncated {
			break
		}
	}
	s.onPath[id] = false
	s.path = s.path[:len(s.path)-1]
}

func (s *cycleSearch) record() {
	if len(s.found) >= MaxCycles {
		s.truncated = true
		return
	}
	c := Cycle{Edges: make([]Edge, len(s.path))}
	for i, from := range s.path {
		to := s.root
		if i+1 < len(s.path) {
			to = s.path[i+1]
		}
		c.Edges[i], _ = s.g.Edge(from, to)
	}
	s.found = append(s.found, c)
}

// ShortestCycles returns, for every edge that lies on a cycle, a shortest
// cycle through it (among equally short ones, the first by class IDs),
// each cycle once, starting from its smallest class, shortest first. It
// shows every edge of every cycle with at most one breadth-first search
// per edge, where Cycles enumerates elementary cycles, whose number grows
// exponentially with the size of a strongly connected component.
func (g *Graph) ShortestCycles() []Cycle {
	succ := make(map[string][]string)
	edges := g.Edges() // sorted: successor lists are sorted too
	for _, e := range edges {
		succ[e.From.ID] = append(succ[e.From.ID], e.To.ID)
	}
	comp := components(succ)
	seen := make(map[string]bool)
	var out []Cycle
	for _, e := range edges {
		cf, ok1 := comp[e.From.ID]
		ct, ok2 := comp[e.To.ID]
		if !ok1 || !ok2 || cf != ct {
			continue
		}
		path := shortestPath(succ, comp, e.To.ID, e.From.ID) // e.To ... e.From
		ids := append([]string{e.From.ID}, path[:len(path)-1]...)
		start := slices.Index(ids, slices.Min(ids))
		ids = slices.Concat(ids[start:], ids[:start])
		c := Cycle{Edges: make([]Edge, len(ids))}
		for i, from := range ids {
			c.Edges[i], _ = g.Edge(from, ids[(i+1)%len(ids)])
		}
		if key := c.Key(); !seen[key] {
			seen[key] = true
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b Cycle) int {
		if len(a.Edges) != len(b.Edges) {
			return len(a.Edges) - len(b.Edges)
		}
		return strings.Compare(a.Key(), b.Key())
	})
	return out
}

// shortestPath returns the nodes of a shortest path from one node to
// another of the same component (both included), trying successors in
// order so that the result does not depend on map order.
func shortestPath(succ map[string][]string, comp map[string]int, from, to string) []string {
	parent := map[string]string{from: ""}
	for queue := []string{from}; len(queue) > 0; queue = queue[1:] {
		v := queue[0]
		if v == to {
			break
		}
		for _, w := range succ[v] {
			if _, ok := parent[w]; !ok && comp[w] == comp[from] {
				parent[w] = v
				queue = append(queue, w)
			}
		}
	}
	var path []string
	for v := to; v != from; v = parent[v] {
		path = append(path, v)
	}
	path = append(path, from)
	slices.Reverse(path)
	return path
}

// components numbers the strongly connected components of the graph given
// by its successor lists (Tarjan's algorithm) and returns each node's
// component number.
func components(succ map[string][]string) map[string]int {
	nodes := make([]string, 0, len(succ))
	for id := range succ {
		nodes = append(nodes, id)
	}
	slices.Sort(nodes)

	index := make(map[string]int)
	low := make(map[string]int)
	onStack := make(map[string]bool)
	comp := make(map[string]int)
	var stack []string
	next, ncomp := 0, 0
	var strong func(v string)
	strong = func(v string) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		for _, w := range succ[v] {
			if _, seen := index[w]; !seen {
				strong(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] == index[v] {
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				comp[w] = ncomp
				if w == v {
					break
				}
			}
			ncomp++
		}
	}
	for _, v := range nodes {
		if _, seen := index[v]; !seen {
			strong(v)
		}
	}
	return comp
}
