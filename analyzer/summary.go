package analyzer

import (
	"go/token"
	"go/types"
	"maps"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/callgraph"
	"golang.org/x/tools/go/ssa"

	"github.com/lockorder/lockorder/lockgraph"
)

// summaryBuilder collects a summary, keeping the shortest chain for each
// acquisition and field call.
type summaryBuilder struct {
	acquires, provides, returns, releases refSet
	fieldCalls                            map[string]int // index in calls
	calls                                 []fieldCall
	stores                                map[paramStore]bool
	paramCalls                            map[int]paramCall
}

// refSet holds lock references by class, mode and instance, each with its
// shortest chain, in the order first added.
type refSet struct {
	index map[refKey]int
	refs  []acquire
}

type refKey struct {
	class      string
	mode       lockgraph.Mode
	param      int
	root, path string
}

// add records a reference, or merges it into the one recorded for its lock
// and instance, keeping the shorter chain.
func (rs *refSet) add(a acquire) { rs.addVia(a, nil, a.Chain) }

// addVia is add for a reference whose chain is head followed by rest, or
// rest when head is nil: the chain is made only when it is kept.
func (rs *refSet) addVia(a acquire, head *lockgraph.Step, rest *lockgraph.Path) {
	key := refKey{a.Class.ID, a.Mode, a.Param, a.Root, a.Path}
	i, ok := rs.index[key]
	if ok {
		old := &rs.refs[i]
		// A caller's lock is released where this one is taken only if it
		// is on every path that takes it.
		old.Without = common(a.Without, old.Without)
		if !slices.Equal(a.Guard, old.Guard) {
			old.Guard = nil // taken under different conditions
		}
		if !viaLess(head, rest, old.Chain) {
			return
		}
		a.Without, a.Guard = old.Without, old.Guard
	} else {
		if rs.index == nil {
			rs.index = make(map[refKey]int)
		}
		i = len(rs.refs)
		rs.index[key] = i
		rs.refs = append(rs.refs, acquire{})
	}
	a.Chain = via(head, rest)
	rs.refs[i] = a
}

// via returns the chain of head followed by rest, or rest when head is nil.
func via(head *lockgraph.Step, rest *lockgraph.Path) *lockgraph.Path {
	if head == nil {
		return rest
	}
	return rest.Prepend(*head)
}

// viaLess reports whether via(head, rest) is less than p, without making
// it.
func viaLess(head *lockgraph.Step, rest, p *lockgraph.Path) bool {
	if head == nil {
		return lockgraph.PathLess(rest, p)
	}
	return lockgraph.PrependLess(*head, rest, p)
}

func (b *summaryBuilder) addAcquire(a acquire) { b.acquires.add(a) }
func (b *summaryBuilder) addProvide(a acquire) { b.provides.add(a) }
func (b *summaryBuilder) addReturn(a acquire)  { b.returns.add(a) }
func (b *summaryBuilder) addRelease(a acquire) { b.releases.add(a) }

// addFieldCall records a call through a field, made with the caller's
// locks without released, whose chain is head followed by rest (see
// refSet.addVia).
func (b *summaryBuilder) addFieldCall(field lockgraph.Class, without []instRef, head *lockgraph.Step, rest *lockgraph.Path) {
	i, ok := b.fieldCalls[field.ID]
	if ok {
		old := &b.calls[i]
		old.Without = common(without, old.Without)
		if viaLess(head, rest, old.Chain) {
			old.Chain = via(head, rest)
		}
		return
	}
	if b.fieldCalls == nil {
		b.fieldCalls = make(map[string]int)
	}
	b.fieldCalls[field.ID] = len(b.calls)
	b.calls = append(b.calls, fieldCall{Field: field, Chain: via(head, rest), Without: without})
}

// addParamCall keeps, for each parameter, the shortest chain and the
// shortest prefix for each lock held at the call.
func (b *summaryBuilder) addParamCall(p paramCall) {
	if b.paramCalls == nil {
		b.paramCalls = make(map[int]paramCall)
	}
	old, ok := b.paramCalls[p.Param]
	if !ok {
		old = paramCall{Param: p.Param, Chain: p.Chain}
	} else if lockgraph.PathLess(p.Chain, old.Chain) {
		old.Chain = p.Chain
	}
	for _, h := range p.Held {
		i := slices.IndexFunc(old.Held, func(o heldPrefix) bool { return o.From.ID == h.From.ID })
		switch {
		case i < 0:
			old.Held = append(old.Held, h)
		case lockgraph.PathLess(h.Prefix, old.Held[i].Prefix):
			old.Held[i] = h
		}
	}
	slices.SortFunc(old.Held, func(a, b heldPrefix) int { return strings.Compare(a.From.ID, b.From.ID) })
	b.paramCalls[p.Param] = old
}

func (b *summaryBuilder) addParamStore(p paramStore) {
	if b.stores == nil {
		b.stores = make(map[paramStore]bool)
	}
	b.stores[p] = true
}

func (b *summaryBuilder) build() summary {
	s := summary{
		Acquires:   b.acquires.refs,
		Provides:   b.provides.refs,
		Returns:    b.returns.refs,
		Releases:   b.releases.refs,
		FieldCalls: b.calls,
	}
	for p := range b.stores {
		s.ParamStores = append(s.ParamStores, p)
	}
	for _, p := range b.paramCalls {
		s.ParamCalls = append(s.ParamCalls, p)
	}
	sortSummary(&s)
	return s
}

// pkgAnalysis holds the per-package state of one run: the result of walking
// each function of the package.
type pkgAnalysis struct {
	pass    *analysis.Pass
	module  string // the package's module: see followed
	pkg     *ssa.Package
	results map[*ssa.Function]*funcResult
	// open, index, low and stack are Tarjan's search state (see
	// summaryOf); rewalks counts each function's walks after its first.
	open       map[*ssa.Function]bool
	index, low map[*ssa.Function]int
	stack      []*ssa.Function
	rewalks    map[*ssa.Function]int
	callers    map[*ssa.Function]map[*ssa.Function]bool // see calleeSummary
	aliases    map[string]lockgraph.Class               // see collectAliases
	diags      []analysis.Diagnostic                    // see add and flush
	leaves     map[string]bool                          // see leafLocks
	visible    []*types.Package                         // see visiblePackages
	slotNames  map[string]bool                          // see wantsFact
	// referencedFuncs are the functions the package names (see
	// referenced); base is what this package reuses of its other variant,
	// share what it shares with it, and walkAgain the positions of the
	// functions of base's files it walks again (see walkedElsewhere);
	// prunedRoots are the positions of the functions nothing calls that
	// have no body here (see decideRoots).
	referencedFuncs map[*types.Func]bool
	base, share     *variantBase
	walkAgain       map[token.Pos]bool
	prunedRoots     []token.Pos
	// packages are the package and those it imports, directly or not, by
	// path, and liveSlots caches calledSlots (see deadSlot).
	packages  map[string]*types.Package
	liveSlots map[*types.Package]map[string]bool
	// callees resolves dynamic calls in the whole-program mode (nil in
	// the per-package mode, where slots stand in for them).
	callees   map[ssa.CallInstruction][]*ssa.Function
	callgraph *callgraph.Graph           // the whole program's, for entryPath
	byName    map[string][]*ssa.Function // functions by display name, for entryPath
}

// summarize walks every function, callees first: each group of mutually
// recursive functions is walked again until its summaries settle before any
// caller outside it is walked (see summaryOf), so that most functions are
// walked once. A function whose walk still met a summary that was not
// settled is walked again at the end, with the callers of every function
// whose summary changes.
func (pa *pkgAnalysis) summarize(funcs []*ssa.Function) {
	for _, fn := range funcs {
		pa.summaryOf(fn)
	}
	var work []*ssa.Function
	for _, fn := range pa.order() {
		if pa.results[fn].incomplete {
			work = append(work, fn)
		}
	}
	pa.rewalk(work, nil)
}

// rewalk walks the functions of work again, and the callers of every
// function whose summary changes, until no summary changes; with members
// set, only the callers among them.
func (pa *pkgAnalysis) rewalk(work []*ssa.Function, members map[*ssa.Function]bool) {
	queued := make(map[*ssa.Function]bool)
	for _, fn := range work {
		queued[fn] = true
	}
	for len(work) > 0 {
		fn := work[0]
		work = work[1:]
		delete(queued, fn)
		if pa.rewalks[fn]++; pa.rewalks[fn] > maxRewalks {
			pa.results[fn].unsettled = true // see maxRewalks
			continue
		}
		r := pa.walk(fn)
		changed := !reflect.DeepEqual(r.sum, pa.results[fn].sum)
		pa.results[fn] = r
		if !changed {
			continue
		}
		callers := slices.Collect(maps.Keys(pa.callers[fn]))
		sortFuncs(callers)
		for _, c := range callers {
			if !queued[c] && (members == nil || members[c]) {
				queued[c] = true
				work = append(work, c)
			}
		}
	}
}

// settle walks the functions of one strongly connected component of the
// call graph again until their summaries no longer change. A member whose
// walks met no unsettled summary but the component's is complete.
func (pa *pkgAnalysis) settle(scc []*ssa.Function) {
	if len(scc) == 1 && !pa.results[scc[0]].incomplete {
		return
	}
	members := make(map[*ssa.Function]bool, len(scc))
	for _, fn := range scc {
		members[fn] = true
	}
	sortFuncs(scc)
	pa.rewalk(slices.Clone(scc), members)
	for _, fn := range scc {
		r := pa.results[fn]
		r.incomplete = slices.ContainsFunc(r.waits, func(c *ssa.Function) bool { return !members[c] })
	}
}

// maxRewalks bounds how often one function is walked again after its
// callees' summaries changed. Summaries grow monotonically for plain
// locking, but lock and unlock wrappers inside recursion can make two
// summaries alternate; the bound keeps the analysis finite (the summary of
// the last walk is kept).
const maxRewalks = 8

// calleeSummary returns a callee's summary and remembers the caller, whose
// walk must be repeated if the callee's summary changes. A summary not yet
// settled makes the walk incomplete.
func (w *walker) calleeSummary(callee *ssa.Function) summary {
	key := w.pa.summaryKey(callee)
	if w.pa.callers[key] == nil {
		w.pa.callers[key] = make(map[*ssa.Function]bool)
	}
	w.pa.callers[key][w.fn] = true
	sum, settled := w.pa.summaryOf(callee)
	if !settled {
		w.res.incomplete = true
		w.res.waits = append(w.res.waits, key)
		low, ok := w.pa.low[key]
		if own, walking := w.pa.low[w.fn]; ok && walking {
			w.pa.low[w.fn] = min(own, low)
		}
	}
	return sum
}

// summaryKey returns the function whose summary a callee's is: a
// generic function's instance has its origin's, except in the
// whole-program mode.
func (pa *pkgAnalysis) summaryKey(callee *ssa.Function) *ssa.Function {
	if origin := callee.Origin(); origin != nil && pa.callees == nil {
		return origin
	}
	return callee
}

// walked returns the results of the walked functions in the order of their
// sites (see sortFuncs), with their sites set, and those reused from the
// other variant of the package.
func (pa *pkgAnalysis) walked() []*funcResult {
	results := make([]*funcResult, 0, len(pa.results))
	for fn, r := range pa.results {
		r.site = siteOf(fn)
		results = append(results, r)
	}
	if pa.base != nil {
		for _, r := range pa.base.results {
			if !pa.walkAgain[r.site.root] {
				results = append(results, r)
			}
		}
	}
	slices.SortFunc(results, func(a, b *funcResult) int { return compareSites(a.site, b.site) })
	return results
}

// order lists the walked functions in a stable order.
func (pa *pkgAnalysis) order() []*ssa.Function {
	fns := make([]*ssa.Function, 0, len(pa.results))
	for fn := range pa.results {
		fns = append(fns, fn)
	}
	sortFuncs(fns)
	return fns
}

// summaryOf returns the summary of a function: walked here when its body is
// in this package, imported as a fact otherwise. It reports false when the
// summary is not settled: the function is being walked further up the
// stack, or is in a group of mutually recursive functions that is.
//
// The walks find the call graph's strongly connected components as they
// go (Tarjan's algorithm: a function's first walk visits its callees), and
// the component is settled when its first function's walk ends.
func (pa *pkgAnalysis) summaryOf(fn *ssa.Function) (summary, bool) {
	if pa.callees != nil { // whole program: every function is here
		if fn.Blocks == nil || !pa.wholeWalks(fn) {
			return summary{}, true
		}
	} else {
		fn = pa.summaryKey(fn)
		if fn.Blocks == nil || (fn.Pkg != nil && fn.Pkg != pa.pkg) {
			return pa.importedSummary(fn), true
		}
	}
	if r, ok := pa.results[fn]; ok {
		return r.sum, !pa.open[fn]
	}
	if pa.open[fn] {
		return summary{}, false
	}
	if pa.open == nil {
		pa.open, pa.index, pa.low = make(map[*ssa.Function]bool), make(map[*ssa.Function]int), make(map[*ssa.Function]int)
		pa.rewalks = make(map[*ssa.Function]int)
	}
	pa.index[fn], pa.low[fn] = len(pa.index), len(pa.index)
	pa.stack = append(pa.stack, fn)
	pa.open[fn] = true
	pa.results[fn] = pa.walk(fn)
	if pa.low[fn] == pa.index[fn] {
		i := slices.Index(pa.stack, fn)
		scc := slices.Clone(pa.stack[i:])
		pa.stack = pa.stack[:i]
		for _, m := range scc {
			delete(pa.low, m)
		}
		pa.settle(scc)
		for _, m := range scc {
			delete(pa.open, m)
		}
	}
	return pa.results[fn].sum, !pa.open[fn]
}

// importedSummary returns the summary of a function walked elsewhere: in
// another package (its fact), or in the other variant of the package (see
// variant.go).
func (pa *pkgAnalysis) importedSummary(fn *ssa.Function) summary {
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() == nil {
		return summary{}
	}
	if obj.Pkg() == pa.pass.Pkg {
		if pa.base != nil {
			return pa.base.summaries[obj.Origin().Pos()]
		}
		return summary{}
	}
	var fact funcFact
	if pa.pass.ImportObjectFact(obj.Origin(), &fact) {
		return fact.Summary
	}
	return summary{}
}
