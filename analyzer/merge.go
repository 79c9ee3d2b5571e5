package analyzer

import (
	"cmp"
	"maps"
	"slices"

	"github.com/lockorder/lockorder/lockgraph"
)

// merger combines lock graph facts: edges, pending field calls and field
// callees, keeping the shortest witness for each key.
type merger struct {
	graph    lockgraph.Graph
	pending  map[[2]string]pendingCall // by From and Field
	callees  map[[2]string]fieldCallee // by Field and FuncID
	reported map[string]bool
	free     map[string]bool
	orders   map[[2]string]orderPair
	// module is the analysed package's module path, or "" when unknown;
	// calls through interfaces of other modules are not followed.
	module string
	// facts counts the facts added; pendingIn and calleeIn record which
	// of them carried each pending call (with its prefix) and callee, so
	// that resolve skips the pairs an imported package already resolved.
	facts     int
	pendingIn map[[2]string][]pendingSource
	calleeIn  map[[2]string][]int
	// calleeList is sortedCallees' result, until a callee is added.
	calleeList []fieldCallee
	// local is whether the analysed package has pending calls or callees
	// of its own.
	local bool
}

// A pendingSource is an imported fact that carried a pending call, with the
// prefix it had there.
type pendingSource struct {
	fact   int
	prefix *lockgraph.Path
}

// keep reports whether the merger follows a slot.
func (m *merger) keep(slot string) bool {
	return followed(slot, m.module)
}

func newMerger(module string) *merger {
	return &merger{
		module:    module,
		pending:   make(map[[2]string]pendingCall),
		callees:   make(map[[2]string]fieldCallee),
		reported:  make(map[string]bool),
		free:      make(map[string]bool),
		orders:    make(map[[2]string]orderPair),
		pendingIn: make(map[[2]string][]pendingSource),
		calleeIn:  make(map[[2]string][]int),
	}
}

// addFact merges an imported package's fact.
func (m *merger) addFact(f *graphFact) {
	m.facts++
	for _, e := range f.Edges {
		m.graph.Add(e)
	}
	for _, p := range f.Pending {
		m.addPending(p)
		key := [2]string{p.From.ID, p.Field.ID}
		m.pendingIn[key] = append(m.pendingIn[key], pendingSource{m.facts, p.Prefix})
	}
	for _, c := range f.Callees {
		m.addCallee(c)
		key := [2]string{c.Field.ID, c.FuncID}
		m.calleeIn[key] = append(m.calleeIn[key], m.facts)
	}
	for _, k := range f.Reported {
		m.reported[k] = true
	}
	for _, k := range f.Free {
		m.free[k] = true
	}
	for _, o := range f.Orders {
		m.addOrder(o)
	}
}

// addPending records a pending call and reports whether it is new or
// shorter than the one recorded.
func (m *merger) addPending(p pendingCall) bool {
	if p.Prefix == nil || !m.keep(p.Field.ID) {
		return false
	}
	key := [2]string{p.From.ID, p.Field.ID}
	if old, ok := m.pending[key]; ok && !lockgraph.PathLess(p.Prefix, old.Prefix) {
		return false
	}
	m.pending[key] = p
	return true
}

// mayAddPending reports whether a pending call from a lock through a field,
// with a prefix of n steps, could be new, or not longer than the one
// recorded (addPending then compares the steps), without making the prefix.
func (m *merger) mayAddPending(from, field string, n int) bool {
	old, ok := m.pending[[2]string{from, field}]
	return (!ok || n <= old.Prefix.Len()) && m.keep(field)
}

// addCallee records a function stored into a slot, with the parts of its
// summary that a call through the slot needs.
func (m *merger) addCallee(c fieldCallee) {
	c.Summary = summary{Acquires: c.Summary.Acquires, Provides: c.Summary.Provides, FieldCalls: c.Summary.FieldCalls}
	if !c.Summary.empty() && m.keep(c.Field.ID) {
		m.callees[[2]string{c.Field.ID, c.FuncID}] = c
		m.calleeList = nil
	}
}

// resolve turns each pending call into edges to the locks its field's
// callees acquire. A callee that itself calls through a field makes a new
// pending call, resolved in turn.
func (m *merger) resolve() {
	if m.facts <= 1 && !m.local {
		return // the one imported fact's package resolved every pair
	}
	byField := make(map[string][]fieldCallee)
	sorted := m.sortedCallees() // by field first
	for i := 0; i < len(sorted); {
		j := i + 1
		for j < len(sorted) && sorted[j].Field.ID == sorted[i].Field.ID {
			j++
		}
		byField[sorted[i].Field.ID] = sorted[i:j:j]
		i = j
	}
	work := m.sortedPending()
	for len(work) > 0 {
		p := work[0]
		work = work[1:]
		callees := byField[p.Field.ID]
		if len(callees) > maxCallees {
			continue // see maxCallees: too imprecise to follow
		}
		for _, c := range callees {
			if m.resolvedBefore(p, c) {
				continue
			}
			for _, a := range c.Summary.Acquires {
				// A lock reached from the callee's parameter or free
				// variable (a method value such as mu.Lock) has no class.
				if witness, ok := joined(p.Prefix, a.Chain); ok && a.Class.ID != "" {
					m.graph.AddPath(p.From, a.Class, witness)
				}
			}
			for _, fc := range c.Summary.FieldCalls {
				if !m.mayAddPending(p.From.ID, fc.Field.ID, p.Prefix.Len()+fc.Chain.Len()) {
					continue
				}
				prefix, ok := joined(p.Prefix, fc.Chain)
				next := pendingCall{From: p.From, Field: fc.Field, Prefix: prefix}
				if ok && m.addPending(next) {
					work = append(work, next)
				}
			}
		}
	}
}

// resolvedBefore reports whether an imported fact carried both the pending
// call, with the same prefix, and the callee: that package resolved the
// pair already, and its edges and pending calls are in the merged graph.
func (m *merger) resolvedBefore(p pendingCall, c fieldCallee) bool {
	facts := m.calleeIn[[2]string{c.Field.ID, c.FuncID}]
	for _, src := range m.pendingIn[[2]string{p.From.ID, p.Field.ID}] {
		if slices.Contains(facts, src.fact) && lockgraph.PathEqual(src.prefix, p.Prefix) {
			return true
		}
	}
	return false
}

// cycleGraph is the graph searched for cycles: without the edges from an
// event that is also provided with no lock held.
func (m *merger) cycleGraph() *lockgraph.Graph {
	if len(m.free) == 0 {
		return &m.graph
	}
	g := new(lockgraph.Graph)
	for _, e := range m.graph.Edges() {
		if !m.free[e.From.ID] {
			g.Add(e)
		}
	}
	return g
}

// fact returns the merged graph as a fact, every slice sorted.
func (m *merger) fact() *graphFact {
	return &graphFact{
		Edges:    m.graph.Edges(),
		Pending:  m.sortedPending(),
		Callees:  m.sortedCallees(),
		Reported: slices.Sorted(maps.Keys(m.reported)),
		Free:     slices.Sorted(maps.Keys(m.free)),
		Orders:   m.sortedOrders(),
		Module:   m.module,
	}
}

// sortedPending returns the pending calls sorted by held lock and field.
func (m *merger) sortedPending() []pendingCall { return sortedValues(m.pending) }

// sortedCallees returns the callees sorted by field and function, made
// once after the last callee is added (see addCallee).
func (m *merger) sortedCallees() []fieldCallee {
	if m.calleeList == nil {
		m.calleeList = sortedValues(m.callees)
	}
	return m.calleeList
}

// sortedValues returns a map's values in the order of their keys: sorting
// the keys moves less than sorting the values.
func sortedValues[V any](values map[[2]string]V) []V {
	keys := slices.SortedFunc(maps.Keys(values), func(a, b [2]string) int {
		return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
	})
	out := make([]V, len(keys))
	for i, k := range keys {
		out[i] = values[k]
	}
	return out
}

// joined returns the path of a's steps followed by b's, or false when it
// would be longer than maxChain.
func joined(a, b *lockgraph.Path) (*lockgraph.Path, bool) {
	if a.Len()+b.Len() > maxChain {
		return nil, false
	}
	return lockgraph.Join(a, b), true
}

func (m *merger) addOrder(o orderPair) {
	key := [2]string{o.Before.ID, o.After.ID}
	if _, ok := m.orders[key]; !ok {
		m.orders[key] = o
	}
}

func (m *merger) sortedOrders() []orderPair {
	out := slices.Collect(maps.Values(m.orders))
	slices.SortFunc(out, func(a, b orderPair) int {
		return cmp.Or(cmp.Compare(a.Before.ID, b.Before.ID), cmp.Compare(a.After.ID, b.After.ID))
	})
	return out
}
