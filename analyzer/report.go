package analyzer

import (
	"cmp"
	"fmt"
	"go/token"
	"go/types"
	"maps"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/lockorder/lockorder/lockgraph"
)

// importedGraphs returns the lock graph facts of the package's imports,
// leaving out those that another one includes: an imported package's fact
// holds the graphs of everything it imports, directly or not, merged for
// its module (see merger.keep), so an import that another import of the
// same module (or of none) depends on adds nothing to it.
func (pa *pkgAnalysis) importedGraphs(module string) []*graphFact {
	imports := pa.pass.Pkg.Imports()
	facts := make([]*graphFact, len(imports))
	var covering []*types.Package
	for i, imp := range imports {
		var f graphFact
		if pa.pass.ImportPackageFact(imp, &f) {
			facts[i] = &f
			if f.Module == "" || f.Module == module {
				covering = append(covering, imp)
			}
		}
	}
	covered := make(map[*types.Package]bool)
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		for _, dep := range p.Imports() {
			if !covered[dep] {
				covered[dep] = true
				visit(dep)
			}
		}
	}
	for _, imp := range covering {
		visit(imp)
	}
	var out []*graphFact
	for i, imp := range imports {
		if facts[i] != nil && !covered[imp] {
			if err := facts[i].load(); err != nil {
				panic(fmt.Errorf("the fact of %s: %v", imp.Path(), err)) // see recovered
			}
			out = append(out, facts[i])
		}
	}
	return out
}

// report merges the imported lock graphs with this package's edges,
// resolves calls through fields against the callbacks now known, reports
// the cycles that no imported package has reported and the double locks,
// and returns the package's fact and every cycle of its graph.
func (pa *pkgAnalysis) report() (*graphFact, []lockgraph.Cycle) {
	module := moduleOf(pa.pass)
	m := newMerger(module)
	for _, f := range pa.importedGraphs(module) {
		m.addFact(f)
	}
	imported := maps.Clone(m.reported)
	importedEdges := make(map[[2]string]bool)
	for _, e := range m.graph.Edges() {
		importedEdges[[2]string{e.From.ID, e.To.ID}] = true
	}
	results := pa.walked()
	for _, r := range results {
		for _, e := range r.edges {
			m.graph.AddPath(e.from, e.to, e.witness)
		}
		for _, p := range r.pending {
			m.addPending(p)
		}
		for _, id := range r.free {
			m.free[id] = true
		}
		// The callees are kept with the result for the other variant that
		// reuses it (see variant.go), which has none of the functions.
		for _, reg := range r.registrations {
			if pa.deadSlot(reg.field) {
				continue // nothing calls it
			}
			sum, _ := pa.summaryOf(reg.fn)
			r.callees = append(r.callees, fieldCallee{Field: reg.field, FuncID: reg.fn.String(), Summary: withoutLeaves(sum, pa.leaves)})
		}
		for _, c := range r.callees {
			m.addCallee(c)
		}
		m.local = m.local || len(r.pending) > 0 || len(r.callees) > 0
	}
	m.resolve()

	pos := newPositions(pa.pass)
	orders := pa.declaredOrders(m, pos)
	for _, e := range m.graph.Edges() {
		if !importedEdges[[2]string{e.From.ID, e.To.ID}] {
			pa.checkOrder(e, orders, pos)
		}
	}
	cycles := m.cycleGraph().ShortestCycles()
	shown := make(map[string]bool) // the classes of the cycles reported
	for key := range m.reported {
		for _, id := range strings.Split(key, " -> ") {
			shown[id] = true
		}
	}
	for _, c := range cycles { // shortest first
		key := reportKey(c)
		if imported[key] || m.reported[key] {
			continue
		}
		if pa.callees != nil && !pos.hasLocal(c) {
			continue // whole program: a cycle among dependencies only
		}
		// Every inversion of two locks is reported; a longer cycle only
		// when it takes a lock no cycle reported before it takes.
		ids := strings.Split(key, " -> ")
		if len(ids) > 2 && !slices.ContainsFunc(ids, func(id string) bool { return !shown[id] }) {
			continue
		}
		for _, id := range ids {
			shown[id] = true
		}
		m.reported[key] = true
		pa.add(cycleDiagnostic(c, pos, pa.entryPath))
	}
	pa.reportDoubles(results, pos)
	pa.reportLeaks(results)
	pa.reportBounds(results)
	pa.flush()
	fact := m.fact()
	if len(pa.leaves) > 0 {
		// The edges into leaves were searched for the cycles among them,
		// which are the package's own; no importer can reach a leaf.
		fact.Edges = slices.DeleteFunc(slices.Clone(fact.Edges), func(e lockgraph.Edge) bool { return pa.leaves[e.To.ID] })
	}
	return fact, cycles
}

// reportKey identifies the deadlock a cycle stands for: its key with the
// events on a channel merged, since a send and a receive waiting for each
// other under one lock make two cycles (through "send on ch" and "receive
// on ch") for one deadlock.
func reportKey(c lockgraph.Cycle) string {
	key := c.Key()
	for _, ev := range []string{"#recv", "#send"} {
		key = strings.ReplaceAll(key, ev, "#chan")
	}
	return key
}

// cycleDiagnostic describes a cycle: one line naming the locks and the
// functions, and every step of every edge as related information, one
// goroutine per edge. A cycle through an event (a channel operation,
// WaitGroup.Done, Cond.Signal) is a lock held while blocking.
func cycleDiagnostic(c lockgraph.Cycle, pos *positions, entry func(fn string) []lockgraph.Step) analysis.Diagnostic {
	names := make([]string, 0, len(c.Edges)+1)
	var edges []string
	var related []analysis.RelatedInformation
	kind, category := "lock order cycle", "cycle"
	for i, e := range c.Edges {
		names = append(names, e.From.Name)
		edges = append(edges, describeEdge(e))
		if e.From.IsEvent() {
			kind, category = "lock held while blocking", "blocking"
		}
		for _, s := range slices.Concat(entry(e.Witness[0].Func), e.Witness) {
			related = append(related, pos.related(s, fmt.Sprintf("goroutine %d: %s", i+1, s)))
		}
	}
	names = append(names, c.Edges[0].From.Name)
	return analysis.Diagnostic{
		Pos:      pos.anchor(c),
		Message:  fmt.Sprintf("%s %s: %s", kind, strings.Join(names, " -> "), strings.Join(edges, "; ")),
		Related:  related,
		Category: category,
	}
}

// describeEdge says what an edge's witness does, with the lock modes. The
// lock held is the target of the witness's holds step, which every witness
// has, not always first: a witness that begins in a function that passes a
// callback to one holding a lock starts with the call.
func describeEdge(e lockgraph.Edge) string {
	first, last := e.Witness[0], e.Witness[len(e.Witness)-1]
	hold := e.Witness[slices.IndexFunc(e.Witness, func(s lockgraph.Step) bool { return s.Kind == lockgraph.Holds })]
	held := withMode(hold.Target, hold.Mode)
	switch last.Kind {
	case lockgraph.Waits:
		return fmt.Sprintf("%s waits for %s while holding %s", first.Func, e.To.Name, held)
	case lockgraph.Provides:
		return fmt.Sprintf("%s provides %s only while holding %s", first.Func, e.From.Name, held)
	default:
		return fmt.Sprintf("%s acquires %s while holding %s", first.Func, withMode(last.Target, last.Mode), held)
	}
}

func withMode(name string, m lockgraph.Mode) string {
	if m == lockgraph.Read {
		return name + " (read)"
	}
	return name
}

// reportDoubles reports each lock taken on an instance already held, once
// per position.
func (pa *pkgAnalysis) reportDoubles(results []*funcResult, pos *positions) {
	var all []doubleLock
	for _, r := range results {
		all = append(all, r.doubles...)
	}
	slices.SortFunc(all, func(a, b doubleLock) int {
		return cmp.Or(cmp.Compare(a.pos, b.pos), cmp.Compare(a.class.ID, b.class.ID))
	})
	all = slices.CompactFunc(all, func(a, b doubleLock) bool { return a.pos == b.pos && a.class.ID == b.class.ID })
	for _, d := range all {
		kind, what := "double lock", "already held"
		switch {
		case d.mode == lockgraph.Read && d.first.mode == lockgraph.Read:
			kind, what = "recursive read lock", "already read-locked; a writer waiting in between deadlocks"
		case d.first.mode == lockgraph.Read:
			kind, what = "lock upgrade", "write lock requested while holding the read lock"
		}
		fn := d.chain[0].Func
		msg := fmt.Sprintf("%s of %s in %s: %s", kind, d.class.Name, fn, what)
		if len(d.chain) > 1 {
			msg = fmt.Sprintf("%s of %s: %s calls %s, which acquires it again", kind, d.class.Name, fn, d.chain[0].Target)
		}
		related := []analysis.RelatedInformation{{Pos: d.first.pos, Message: d.class.Name + " first acquired here"}}
		for _, s := range d.chain {
			related = append(related, pos.related(s, s.String()))
		}
		pa.add(analysis.Diagnostic{Pos: d.pos, Message: msg, Related: related, Category: "double-lock"})
	}
}

// reportLeaks reports each lock held on some paths to a function's exit
// but not on others, at the first such exit.
func (pa *pkgAnalysis) reportLeaks(results []*funcResult) {
	var all []leak
	for _, r := range results {
		all = append(all, r.leaks...)
	}
	slices.SortFunc(all, func(a, b leak) int {
		return cmp.Or(cmp.Compare(a.exit, b.exit), cmp.Compare(a.lock.class.ID, b.lock.class.ID))
	})
	for _, l := range all {
		pa.add(analysis.Diagnostic{
			Pos:      l.exit,
			Message:  fmt.Sprintf("leaked lock: %s is still held here on some paths and released on others", l.lock.class.Name),
			Related:  []analysis.RelatedInformation{{Pos: l.lock.pos, Message: l.lock.class.Name + " acquired here"}},
			Category: "leaked-lock",
		})
	}
}

// reportBounds says, once per package, where a bound cut the analysis:
// witnesses longer than maxChain were dropped, or the summaries of
// recursive functions did not settle within maxRewalks walks. An edge may
// be missing there, and with it a cycle.
func (pa *pkgAnalysis) reportBounds(results []*funcResult) {
	var cut, unsettled []string
	n, at := 0, token.NoPos
	for _, r := range results {
		if r.cut > 0 {
			cut = append(cut, r.site.name)
			n += r.cut
		}
		if r.unsettled {
			unsettled = append(unsettled, r.site.name)
		}
		if (r.cut > 0 || r.unsettled) && at == token.NoPos {
			at = r.site.pos
		}
	}
	var parts []string
	if len(cut) > 0 {
		parts = append(parts, fmt.Sprintf("%d witnesses longer than %d steps dropped in %s", n, maxChain, names(cut)))
	}
	if len(unsettled) > 0 {
		parts = append(parts, fmt.Sprintf("summaries not settled after %d walks in %s", maxRewalks, names(unsettled)))
	}
	if len(parts) == 0 {
		return
	}
	if !at.IsValid() {
		at = pa.pass.Files[0].Name.Pos()
	}
	pa.add(analysis.Diagnostic{Pos: at, Category: "bound",
		Message: "analysis bounded: " + strings.Join(parts, "; ") + "; cycles through them may be missed"})
}

// names lists up to three function names and how many more there are.
func names(fns []string) string {
	if len(fns) <= 3 {
		return strings.Join(fns, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(fns[:3], ", "), len(fns)-3)
}

// positions turns the token.Positions of witness steps back into token.Pos
// values of the pass's file set, adding the files of other packages to it
// when they can be read.
type positions struct {
	pass  *analysis.Pass
	files map[string]*token.File
	local map[string]bool
}

func newPositions(pass *analysis.Pass) *positions {
	p := &positions{pass: pass, files: make(map[string]*token.File), local: make(map[string]bool)}
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		p.files[tf.Name()] = tf
		p.local[tf.Name()] = true
		// A file cgo generated names its source with a line directive:
		// that source is local too, and read from disk when needed.
		p.local[pass.Fset.Position(f.Package).Filename] = true
	}
	return p
}

// pos returns the token.Pos of a position, or token.NoPos.
func (p *positions) pos(posn token.Position) token.Pos {
	tf, ok := p.files[posn.Filename]
	if !ok {
		if data, err := os.ReadFile(posn.Filename); err == nil {
			tf = p.pass.Fset.AddFile(posn.Filename, -1, len(data))
			tf.SetLinesForContent(data)
		}
		p.files[posn.Filename] = tf
	}
	if tf == nil || posn.Line < 1 || posn.Line > tf.LineCount() {
		return token.NoPos
	}
	start := tf.LineStart(posn.Line)
	if col := posn.Column - 1; col > 0 && tf.Offset(start)+col <= tf.Size() {
		return start + token.Pos(col)
	}
	return start
}

// related is a related-information entry for a witness step; a step whose
// file cannot be found keeps its position in the message.
func (p *positions) related(s lockgraph.Step, msg string) analysis.RelatedInformation {
	pos := p.pos(s.Pos)
	if !pos.IsValid() {
		msg = s.Pos.String() + ": " + msg
	}
	return analysis.RelatedInformation{Pos: pos, Message: msg}
}

// hasLocal reports whether a step of the cycle is in this package's files.
func (p *positions) hasLocal(c lockgraph.Cycle) bool {
	for _, e := range c.Edges {
		for _, s := range e.Witness {
			if p.local[s.Pos.Filename] {
				return true
			}
		}
	}
	return false
}

// anchor picks the stable position of a cycle's diagnostic: the last step
// in this package of the first edge that has one (for the cycle closed by
// a call, the call), or the package clause when no step is local.
func (p *positions) anchor(c lockgraph.Cycle) token.Pos {
	for _, e := range c.Edges {
		for _, s := range slices.Backward(e.Witness) {
			if p.local[s.Pos.Filename] {
				return p.pos(s.Pos)
			}
		}
	}
	return p.pass.Files[0].Name.Pos()
}
