package analyzer

import (
	"cmp"
	"go/token"
	"go/types"
	"maps"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/lockorder/lockorder/lockgraph"
)

// maxChain bounds the length of a witness chain; longer chains are
// dropped, which also makes summaries of recursive functions converge.
const maxChain = 32

// A registration is a function stored into a func-typed field.
type registration struct {
	field lockgraph.Class
	fn    *ssa.Function
}

// A doubleLock is a lock taken on an instance that is already held.
type doubleLock struct {
	pos   token.Pos // the second acquisition, or the call that leads to it
	first held
	class lockgraph.Class
	mode  lockgraph.Mode
	chain []lockgraph.Step // from pos to the second acquisition
}

// A leak is a lock held on some paths to a function's exit but not on
// others.
type leak struct {
	exit token.Pos
	lock held
}

// funcResult is what walking one function found.
type funcResult struct {
	sum           summary
	edges         edgeSet
	pending       pendingSet
	registrations []registration
	doubles       []doubleLock
	leaks         []leak
	// free are the events this function provides with no lock held.
	free []string
	// incomplete is set when a callee's summary was still being computed
	// (recursion): the walk must be repeated once summaries settle.
	incomplete bool
	// waits are the callees whose summaries were not settled.
	waits []*ssa.Function
	// cut counts the witnesses dropped for being longer than maxChain;
	// unsettled is set when the walks stopped at maxRewalks.
	cut       int
	unsettled bool
	// keptSummary is false when nothing read the summary (see uncalled).
	keptSummary bool
	// site and callees are set by the report: where the function is
	// declared, and its registrations with the callees' summaries.
	site    funcSite
	callees []fieldCallee
}

// funcSite is where a walked function is declared, with its names: the
// report takes results in this order (see sortFuncs) and names them.
type funcSite struct {
	file   string
	offset int
	id     string // ssa's name, which breaks ties
	name   string // funcName's
	pos    token.Pos
	root   token.Pos // the position of the outermost enclosing function
}

// siteOf returns a function's site.
func siteOf(fn *ssa.Function) funcSite {
	posn := fn.Prog.Fset.Position(fn.Pos())
	root := fn
	for root.Parent() != nil {
		root = root.Parent()
	}
	return funcSite{file: posn.Filename, offset: posn.Offset, id: fn.String(), name: funcName(fn), pos: fn.Pos(), root: root.Pos()}
}

// compareSites orders sites by file name, offset and ssa's name.
func compareSites(a, b funcSite) int {
	return cmp.Or(cmp.Compare(a.file, b.file), cmp.Compare(a.offset, b.offset), cmp.Compare(a.id, b.id))
}

// state is the dataflow state at a program point: the locks held on every
// path (must) and on some path (may). Edges come from must; leaks are
// locks in may that are not in must at an exit.
type state struct {
	must, may lockset
	// owed are the locks of the caller (reached from a parameter or a
	// global) this function released on some path and has not taken back:
	// taking one again where its guard is known restores the caller's lock
	// (held.restored; see unlock).
	owed lockset
	// known are the branch conditions known on every path, innermost last
	// (see walker.branch).
	known []fact
	// deferred are the defer statements run on some path, in order: only
	// they run at a return or a panic.
	deferred []*ssa.Defer
}

// with returns the state with h held, taken where the facts known now
// hold (its guard).
func (s state) with(h held) state {
	h.guard = s.known
	s.must, s.may = s.must.add(h), union(s.may, lockset{h})
	return s
}
func (s state) equal(t state) bool {
	return s.must.equal(t.must) && s.may.equal(t.may) && s.owed.equal(t.owed) &&
		slices.Equal(s.known, t.known) && slices.Equal(s.deferred, t.deferred)
}
func join(a, b state) state {
	known := common(a.known, b.known)
	deferred := a.deferred
	for _, d := range b.deferred {
		if !slices.Contains(deferred, d) {
			deferred = append(slices.Clone(deferred), d)
		}
	}
	return state{intersect(a.must, b.must), union(a.may, b.may), union(a.owed, b.owed), known, deferred}
}
func (s state) release(in instance, class lockgraph.Class) state {
	s.must, s.may = s.must.release(in, class), s.may.release(in, class)
	return s
}

// exit is the state at a return or a panic, after deferred calls ran.
type exit struct {
	pos   token.Pos
	ret   *ssa.Return // nil at a panic
	locks state
	block int // the index of its block
}

// walker runs the held-lock dataflow over one function's blocks and, in its
// recording pass, collects the function's summary and events.
type walker struct {
	pa   *pkgAnalysis
	fn   *ssa.Function
	name string
	res  *funcResult
	// sum collects the summary, unless nothing reads it (see uncalled).
	sum         summaryBuilder
	keepSummary bool
	record      bool
	exits       []exit
	// released holds the locks the function unlocks without having
	// locked them: it is an unlock wrapper for them.
	released   map[instance]lockgraph.Class
	holdsSteps map[holdsKey]lockgraph.Step // see holds
	deferRuns  []deferRun                  // see runDefers
	inLoop     []bool                      // see loops
	conds      []branchCond                // see branchConds
	// at is the block the recording pass walks. loopOnly tells, for each
	// lock the function takes, whether it takes it only in blocks on a
	// loop, and unlocks holds every lock it releases: see returned.
	at       *ssa.BasicBlock
	loopOnly map[instance]bool
	unlocks  map[instance]lockgraph.Class
}

// walk computes the held locks at every block entry, then walks each block
// once more to record what the function does. In a function without loops
// the blocks are walked once, in reverse postorder, each after all its
// predecessors; with loops, the entry states are iterated to a fixpoint
// first.
func (pa *pkgAnalysis) walk(fn *ssa.Function) *funcResult {
	w := &walker{pa: pa, fn: fn, name: funcName(fn), res: &funcResult{}, keepSummary: !pa.uncalled(fn),
		released: make(map[instance]lockgraph.Class), holdsSteps: make(map[holdsKey]lockgraph.Step),
		loopOnly: make(map[instance]bool), unlocks: make(map[instance]lockgraph.Class)}
	entry := make([]state, len(fn.Blocks))
	seen := make([]bool, len(fn.Blocks))
	if len(fn.Blocks) > 0 {
		seen[0] = true
		if slices.Contains(w.loops(), true) {
			w.fixpoint(entry, seen)
			w.record = true
			for _, b := range fn.Blocks {
				if seen[b.Index] {
					w.at = b
					w.block(b, entry[b.Index])
				}
			}
		} else {
			w.record = true
			for _, b := range reversePostorder(fn) {
				if seen[b.Index] {
					w.at = b
					w.flow(b, w.block(b, entry[b.Index]), entry, seen)
				}
			}
		}
	}
	w.finishExits()
	w.res.keptSummary = w.keepSummary
	if w.keepSummary {
		w.res.sum = w.sum.build()
	}
	return w.res
}

// fixpoint computes the state at every block entry, marking the blocks
// reached, without recording.
func (w *walker) fixpoint(entry []state, seen []bool) {
	for work := []*ssa.BasicBlock{w.fn.Blocks[0]}; len(work) > 0; {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		work = append(work, w.flow(b, w.block(b, entry[b.Index]), entry, seen)...)
	}
	w.deferRuns = nil // see runDefers: once per pass
}

// flow joins the state at the end of a block into its successors' entry
// states, on the edges that can be taken, and returns the successors whose
// entry state changed.
func (w *walker) flow(b *ssa.BasicBlock, out state, entry []state, seen []bool) []*ssa.BasicBlock {
	var changed []*ssa.BasicBlock
	for i, s := range b.Succs {
		next, feasible := w.branch(b, i, out)
		if !feasible {
			continue
		}
		if seen[s.Index] {
			next = join(entry[s.Index], next)
			if next.equal(entry[s.Index]) {
				continue
			}
		}
		seen[s.Index] = true
		entry[s.Index] = next
		changed = append(changed, s)
	}
	return changed
}

// reversePostorder returns a function's blocks reachable from its entry,
// each after its predecessors when the function has no loops.
func reversePostorder(fn *ssa.Function) []*ssa.BasicBlock {
	visited := make([]bool, len(fn.Blocks))
	var post []*ssa.BasicBlock
	var visit func(b *ssa.BasicBlock)
	visit = func(b *ssa.BasicBlock) {
		visited[b.Index] = true
		for _, s := range b.Succs {
			if !visited[s.Index] {
				visit(s)
			}
		}
		post = append(post, b)
	}
	visit(fn.Blocks[0])
	slices.Reverse(post)
	return post
}

// branch returns the state on the i-th successor edge of b, and whether
// the edge can be taken. On the true edge of `if mu.TryLock()` the lock
// is held. On an edge of `if c` (or `if !c`), c's value is known (see
// branchConds): an edge that contradicts what is known already cannot be
// taken, and a lock taken where the opposite was known is not held there
// (`if !hasLock { mu.Lock() }` … `if !hasLock { mu.Unlock() }` leaks
// nothing, nor `if a { if b { mu.Lock() } }` … `if a { if b {
// mu.Unlock() } }`): all the facts known where a lock was taken hold
// wherever it is held, as their values never change.
func (w *walker) branch(b *ssa.BasicBlock, i int, out state) (state, bool) {
	ifInstr, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
	if !ok {
		return out, true
	}
	cond, taken := ifInstr.Cond, 0
	if not, ok := cond.(*ssa.UnOp); ok && not.Op == token.NOT {
		cond, taken = not.X, 1
	}
	if bc := w.branchConds()[b.Index]; bc.remember {
		f := fact{bc.cond, bc.val == (i == 0)}
		if slices.Contains(out.known, fact{f.cond, !f.val}) {
			return out, false
		}
		if !slices.Contains(out.known, f) {
			out.known = append(slices.Clone(out.known), f)
		}
		opposite := func(h held) bool { return slices.Contains(h.guard, fact{f.cond, !f.val}) }
		if slices.ContainsFunc(out.may, opposite) {
			out.must = slices.DeleteFunc(slices.Clone(out.must), opposite)
			out.may = slices.DeleteFunc(slices.Clone(out.may), opposite)
		}
	}
	call, ok := cond.(*ssa.Call)
	if !ok || i != taken {
		return out, true
	}
	kind, mu := syncOp(call.Common())
	if kind != opTryLock && kind != opTryRLock {
		return out, true
	}
	class, in, ok := w.lockRef(mu)
	if !ok {
		return out, true
	}
	mode := lockgraph.Write
	if kind == opTryRLock {
		mode = lockgraph.Read
	}
	return out.with(held{class: class, mode: mode, inst: in, pos: call.Pos()}), true
}

// stable reports whether a condition has one value for the whole call: a
// parameter, a captured variable, or a value computed outside every loop.
// (A value computed in a loop is another value on the next turn.)
func (w *walker) stable(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Parameter, *ssa.FreeVar:
		return true
	case ssa.Instruction:
		return !w.loops()[v.Block().Index]
	}
	return false
}

// loops returns which blocks of the function lie on a loop (loopBlocks),
// computed once per walk.
func (w *walker) loops() []bool {
	if w.inLoop == nil {
		w.inLoop = loopBlocks(w.fn)
	}
	return w.inLoop
}

// loopBlocks returns which blocks of a function lie on a cycle of its
// control flow graph: those in a strongly connected component of more than
// one block, or with an edge to themselves (Tarjan's algorithm, linear).
func loopBlocks(fn *ssa.Function) []bool {
	n := len(fn.Blocks)
	in := make([]bool, n)
	index, low := make([]int, n), make([]int, n)
	onStack := make([]bool, n)
	var stack []int
	next := 1 // 0 is "not visited"
	var strong func(v *ssa.BasicBlock)
	strong = func(v *ssa.BasicBlock) {
		index[v.Index], low[v.Index] = next, next
		next++
		stack = append(stack, v.Index)
		onStack[v.Index] = true
		for _, w := range v.Succs {
			switch {
			case w == v:
				in[v.Index] = true
			case index[w.Index] == 0:
				strong(w)
				low[v.Index] = min(low[v.Index], low[w.Index])
			case onStack[w.Index]:
				low[v.Index] = min(low[v.Index], index[w.Index])
			}
		}
		if low[v.Index] == index[v.Index] {
			top := len(stack) - 1
			for stack[top] != v.Index {
				top--
			}
			for _, b := range stack[top:] {
				onStack[b] = false
				in[b] = in[b] || len(stack)-top > 1
			}
			stack = stack[:top]
		}
	}
	for _, b := range fn.Blocks {
		if index[b.Index] == 0 {
			strong(b)
		}
	}
	return in
}

// block applies a block's instructions to the state.
func (w *walker) block(b *ssa.BasicBlock, s state) state {
	for _, instr := range b.Instrs {
		switch instr := instr.(type) {
		case *ssa.Call:
			if next, ok := w.dynamicCall(instr, instr.Pos(), s); ok {
				s = next
				continue
			}
			s = w.call(instr.Common(), instr.Pos(), s)
		case *ssa.Go:
			s = w.handOff(instr.Common(), s)
		case *ssa.Defer:
			if !slices.Contains(s.deferred, instr) {
				s.deferred = append(slices.Clone(s.deferred), instr)
			}
		case *ssa.RunDefers:
			s = w.runDefers(s)
		case *ssa.Store:
			if w.record {
				w.store(instr)
			}
		case *ssa.MakeInterface:
			if w.record {
				w.conversion(instr)
			}
		case *ssa.MapUpdate:
			if slot, ok := elementClass(instr.Map); ok && w.record && isFunc(instr.Value.Type()) {
				w.storeFunc(slot, instr.Value)
			}
		case *ssa.Send:
			w.event(instr.Chan, "recv", instr.Pos(), s, true)
			w.event(instr.Chan, "send", instr.Pos(), s, false)
		case *ssa.UnOp:
			if instr.Op == token.ARROW {
				w.event(instr.X, "send", instr.Pos(), s, true)
				w.event(instr.X, "recv", instr.Pos(), s, false)
			}
		case *ssa.Select:
			w.selectEvents(instr, s)
		case *ssa.Return:
			w.exit(instr.Pos(), instr, s)
		case *ssa.Panic:
			// Not the builder's unreachable panic after a select, nor the
			// one after a call that ends the process.
			if instr.Pos().IsValid() && !afterProcessEnd(instr) {
				w.exit(instr.Pos(), nil, w.runDefers(s))
			}
		}
	}
	return s
}

// afterProcessEnd reports whether a panic is the one the SSA builder puts
// after a call of a function that ends the process (see noReturn): the
// call, the conversion of the panic's value, the panic.
func afterProcessEnd(p *ssa.Panic) bool {
	instrs := p.Block().Instrs
	i := slices.Index(instrs, ssa.Instruction(p))
	if conv, ok := p.X.(ssa.Instruction); i < 2 || !ok || instrs[i-1] != conv {
		return false
	}
	call, ok := instrs[i-2].(*ssa.Call)
	if !ok {
		return false
	}
	callee := call.Call.StaticCallee()
	if callee == nil {
		return false
	}
	obj, ok := callee.Object().(*types.Func)
	return ok && endsProcess(obj)
}

// runDefers applies the function's deferred calls, last deferred first:
// a deferred Unlock releases its lock, other deferred calls run with the
// locks still held at that point. Many exits of a function share their
// locks and most of their deferred calls (every `return err`, every
// t.Fatal of a test after `defer s.Shutdown()`): each deferred call is
// applied once per state and pass.
func (w *walker) runDefers(s state) state {
	deferred := s.deferred
	s.deferred = nil
	for _, d := range slices.Backward(deferred) {
		s = w.deferredCall(d, s)
	}
	s.deferred = deferred
	return s
}

// deferredCall applies a deferred call to a state, or reuses what it did to
// an equal state in this pass.
func (w *walker) deferredCall(d *ssa.Defer, s state) state {
	for _, r := range w.deferRuns {
		if r.call == d && r.from.equal(s) {
			w.res.cut += r.cut
			return r.to
		}
	}
	cut := w.res.cut
	to := w.call(d.Common(), d.Pos(), s)
	w.deferRuns = append(w.deferRuns, deferRun{d, s, to, w.res.cut - cut})
	return to
}

// A deferRun is the state before and after a deferred call, and the
// witnesses it cut (see walker.tooLong).
type deferRun struct {
	call     *ssa.Defer
	from, to state
	cut      int
}

// call applies one call: a sync operation changes the state; any other
// call adds to the summary and, with locks held, to the graph.
func (w *walker) call(common *ssa.CallCommon, pos token.Pos, s state) state {
	kind, v := syncOp(common)
	switch kind {
	case opLock, opRLock:
		return w.lock(v, kind, pos, s)
	case opUnlock, opRUnlock:
		return w.unlock(v, s)
	case opTryLock, opTryRLock:
		return s // held on the success branch only: see branch
	case opCondWait:
		return w.condWait(v, pos, s)
	case opSignal:
		w.event(v, "signal", pos, s, false)
		return s
	case opWGWait:
		w.event(v, "done", pos, s, true)
		return s
	case opWGDone:
		w.event(v, "done", pos, s, false)
		return s
	}
	if b, ok := common.Value.(*ssa.Builtin); ok && b.Name() == "close" && len(common.Args) == 1 {
		w.event(common.Args[0], "send", pos, s, false)
		return s
	}
	if callee := common.StaticCallee(); callee != nil {
		if isOnceDo(callee) && len(common.Args) == 2 {
			return w.callValue(common.Args[1], nil, pos, s)
		}
		return w.staticCall(callee, callArgs(common.Value, common.Args), pos, s)
	}
	if common.IsInvoke() {
		if slot, ok := calledSlot(common); ok && w.record {
			w.fieldCall(slot, lockgraph.PathOf(w.step(lockgraph.Calls, slot.Name, 0, pos)), s.must, s.owed.instances())
		}
		return s
	}
	return w.callValue(common.Value, common.Args, pos, s)
}

// handOff applies a go statement. The goroutine runs with no locks held,
// so what it takes makes no edge from the locks held here; but a lock it
// releases without taking it (its summary's Releases, mapped to this
// function's instances, or a `go mu.Unlock()`) is handed to it: from here
// on this function no longer holds it, as if it had called an unlock
// wrapper. A function value the goroutine's function calls (a closure
// passed to a recover wrapper, say) runs in the goroutine too: its releases
// are handed over as well (see releases).
func (w *walker) handOff(common *ssa.CallCommon, s state) state {
	if kind, mu := syncOp(common); kind == opUnlock || kind == opRUnlock {
		return w.unlock(mu, s)
	}
	callee := common.StaticCallee()
	if callee == nil {
		return s
	}
	sum := w.calleeSummary(callee)
	return w.releases(sum, callArgs(common.Value, common.Args), s)
}

// argumentReleases applies the releases of a function value that a callee
// calls: fn, with the bindings of the closure that makes it. A lock reached
// from a free variable is reached from its binding, the caller's value; one
// reached from fn's own parameters, which the callee passes, is not known
// here and stays held.
func (w *walker) argumentReleases(fn *ssa.Function, bindings []ssa.Value, s state) state {
	for _, r := range w.calleeSummary(fn).Releases {
		if r.Param >= 0 {
			if r.Param < len(fn.Params) {
				continue
			}
			r.Param -= len(fn.Params)
		}
		if class, in, ok := w.mapRef(r, bindings); ok {
			s = w.release(class, in, s)
		}
	}
	return s
}

// callArgs returns the arguments of a call of the func value v, followed by
// the bindings of the closure v makes, which its free variables map to (see
// instanceOf).
func callArgs(v ssa.Value, args []ssa.Value) []ssa.Value {
	switch v := v.(type) {
	case *ssa.MakeClosure:
		return append(slices.Clip(args), v.Bindings...)
	case *ssa.ChangeType:
		return callArgs(v.X, args)
	}
	return args
}

// lockRef returns the class and instance of a mutex pointer or Locker. A
// mutex reached from a parameter whose class is unknown here gets an empty
// class: the caller names it.
func (w *walker) lockRef(v ssa.Value) (lockgraph.Class, instance, bool) {
	in := instanceOf(v)
	if class, ok := w.pa.classOf(v); ok {
		return class, in, true
	}
	if in.paramIndex() >= 0 && in.path == "" {
		return lockgraph.Class{}, in, true
	}
	return lockgraph.Class{}, in, false
}

func (w *walker) lock(mu ssa.Value, kind syncOpKind, pos token.Pos, s state) state {
	class, in, ok := w.lockRef(mu)
	if !ok {
		return s
	}
	mode := lockgraph.Write
	if kind == opRLock {
		mode = lockgraph.Read
	}
	h := held{class: class, mode: mode, inst: in, pos: pos, guard: s.known}
	owed := s.owed // a lock taken back is taken without the caller's
	if i := s.owed.find(in); i >= 0 && knows(s.known, s.owed[i].guard) {
		h.restored = true
		s.owed = s.owed.without(i)
	}
	if w.record {
		acq := lockgraph.PathOf(w.step(lockgraph.Acquires, class.Name, mode, pos))
		if i := s.must.find(in); i >= 0 {
			w.res.doubles = append(w.res.doubles, doubleLock{pos: pos, first: s.must[i], class: class, mode: mode, chain: acq.Steps()})
		}
		for _, l := range s.must {
			if l.inst != in {
				w.edge(l, acq, class)
			}
		}
		r := ref(class, mode, in, acq)
		r.Without = instRefs(owed.instances())
		r.Guard = w.paramGuard(h.guard)
		w.sum.addAcquire(r)
		w.taken(in)
	}
	if s.must.find(in) >= 0 {
		return s
	}
	return s.with(h)
}

// unlock releases a lock. A lock of the caller this function does not hold
// becomes owed. So does one it holds on some paths only, under a guard:
// where the innermost fact of the guard is false, the function does not
// hold it and releases the caller's, which it restores by taking it again
// under that fact (`if needLock { mu.Lock() }` … `mu.Unlock(); cb(); if
// !needLock { mu.Lock() }`).
func (w *walker) unlock(mu ssa.Value, s state) state {
	class, in, ok := w.lockRef(mu)
	if !ok {
		return s
	}
	return w.release(class, in, s)
}

// release releases a lock, by an Unlock or by a callee that releases it
// without taking it (see unlock): a lock of the caller becomes owed.
func (w *walker) release(class lockgraph.Class, in instance, s state) state {
	callers := s.may.find(in) < 0 && s.may.findClass(class) < 0 && (in.paramIndex() >= 0 || in.isGlobal())
	var owed []fact
	if i := s.may.find(in); i >= 0 && s.may[i].restored {
		callers = true // the caller's lock, released again (in a loop)
	} else if i >= 0 && s.must.find(in) < 0 && len(s.may[i].guard) > 0 && (in.paramIndex() >= 0 || in.isGlobal()) {
		f := s.may[i].guard[len(s.may[i].guard)-1]
		owed = []fact{{f.cond, !f.val}}
	}
	if w.record {
		w.unlocks[in] = class
		if callers {
			w.released[in] = class
		}
	}
	s = s.release(in, class)
	if callers || owed != nil {
		s.owed = s.owed.add(held{class: class, inst: in, guard: owed})
	}
	return s
}

// condWait applies Cond.Wait: it releases the Cond's L, blocks until a
// Signal or Broadcast, and takes L again.
func (w *walker) condWait(cond ssa.Value, pos token.Pos, s state) state {
	l, ok := w.pa.condLocker(cond)
	if !ok {
		w.event(cond, "signal", pos, s, true)
		return s
	}
	i := s.must.findClass(l)
	if i < 0 {
		w.event(cond, "signal", pos, s, true)
		return s
	}
	h := s.must[i]
	s = s.release(h.inst, h.class)
	w.event(cond, "signal", pos, s, true)
	if w.record {
		acq := lockgraph.PathOf(w.step(lockgraph.Acquires, h.class.Name, h.mode, pos))
		for _, l := range s.must {
			w.edge(l, acq, h.class)
		}
	}
	return s.with(h)
}

// event records a blocking wait for an event (wait is true: a receive
// waits for a send) or the providing of one, with the locks held.
func (w *walker) event(v ssa.Value, ev string, pos token.Pos, s state, wait bool) {
	if !w.record {
		return
	}
	class, ok := w.pa.eventClass(v, ev)
	if !ok {
		return
	}
	if wait {
		wait := lockgraph.PathOf(w.step(lockgraph.Waits, class.Name, 0, pos))
		for _, l := range s.must {
			w.edge(l, wait, class)
		}
		w.sum.addAcquire(acquire{Class: class, Mode: lockgraph.Write, Param: -1, Chain: wait})
		return
	}
	if len(s.must) == 0 {
		w.res.free = append(w.res.free, class.ID)
	}
	provide := lockgraph.PathOf(w.step(lockgraph.Provides, class.Name, 0, pos))
	for _, l := range s.must {
		w.provide(l, provide, class)
	}
	w.sum.addProvide(acquire{Class: class, Param: -1, Chain: provide})
}

// selectEvents applies a select: a blocking select whose cases all wait
// for one event waits for it; every case provides its event.
func (w *walker) selectEvents(sel *ssa.Select, s state) {
	var waits []lockgraph.Class
	for _, st := range sel.States {
		waitEv, provEv := "send", "recv"
		if st.Dir == types.SendOnly {
			waitEv, provEv = "recv", "send"
		}
		w.event(st.Chan, provEv, st.Pos, s, false)
		if c, ok := w.pa.eventClass(st.Chan, waitEv); ok {
			waits = append(waits, c)
		}
	}
	if !sel.Blocking || len(waits) != len(sel.States) || len(waits) == 0 {
		return
	}
	for _, c := range waits[1:] {
		if c != waits[0] {
			return
		}
	}
	st := sel.States[0]
	ev := "send"
	if st.Dir == types.SendOnly {
		ev = "recv"
	}
	w.event(st.Chan, ev, sel.Pos(), s, true)
}

// exit records the state at a return or panic.
func (w *walker) exit(pos token.Pos, ret *ssa.Return, s state) {
	if w.record {
		w.exits = append(w.exits, exit{pos: pos, ret: ret, locks: s, block: w.at.Index})
	}
}

// finishExits turns the exit states into the function's wrapper summary
// (locks returned at every return) and its leaks (locks held at some exit
// but not returned at every return).
func (w *walker) finishExits() {
	slices.SortStableFunc(w.exits, func(a, b exit) int { return cmp.Compare(a.block, b.block) })
	var always lockset
	first := true
	for _, e := range w.exits {
		if e.ret != nil {
			if first {
				always, first = w.returned(e.locks), false
			} else {
				always = intersect(always, w.returned(e.locks))
			}
		}
	}
	always = union(always, w.retaken(always))
	for _, h := range always {
		if h.inst.paramIndex() >= 0 || h.inst.isGlobal() {
			w.sum.addReturn(ref(h.class, h.mode, h.inst, lockgraph.PathOf(w.step(lockgraph.Acquires, h.class.Name, h.mode, h.pos))))
		}
	}
	// A lock the function returns holding at every return, a restored lock
	// (the caller's: held before and after) and one the function hands to
	// its caller is not a leak.
	reported := make(map[instance]bool)
	handed := make(map[instance]bool)
	handsOver := func(h held) bool {
		v, ok := handed[h.inst]
		if !ok {
			v = w.conditional(h) || w.handedOver(h) || w.returnsMutex(h)
			handed[h.inst] = v
		}
		return v
	}
	for _, e := range w.exits {
		for _, h := range e.locks.may {
			if always.find(h.inst) >= 0 || reported[h.inst] || h.class.ID == "" || h.restored || handsOver(h) {
				continue
			}
			reported[h.inst] = true
			pos := e.pos
			if !pos.IsValid() {
				pos = w.endPos()
			}
			w.res.leaks = append(w.res.leaks, leak{exit: pos, lock: h})
		}
	}
	for in, class := range w.released {
		w.sum.addRelease(ref(class, lockgraph.Write, in, nil))
	}
}

// conditional reports whether the function takes a lock for its caller
// when the caller asks for it (`if needLock { mu.Lock() }` in a helper): it
// releases the lock nowhere, and at every return it holds the lock only
// under conditions its caller decides (see cond.decided), or does not
// hold it where one of them is known false. Whether the lock is held
// after the call is then the caller's choice, as it is for a lock
// wrapper: not a leak.
func (w *walker) conditional(h held) bool {
	if w.unlocked(h) {
		return false
	}
	var guards []fact
	for _, e := range w.exits {
		if i := e.locks.may.find(h.inst); e.ret != nil && i >= 0 {
			g := e.locks.may[i].guard
			if len(g) == 0 || slices.ContainsFunc(g, func(f fact) bool { return !f.cond.decided() }) {
				return false
			}
			guards = append(guards, g...)
		}
	}
	if len(guards) == 0 {
		return false // no return holds it: a panic or a loop that never ends does
	}
	for _, e := range w.exits {
		if e.ret != nil && e.locks.may.find(h.inst) < 0 && !slices.ContainsFunc(guards, func(f fact) bool {
			return slices.Contains(e.locks.known, fact{f.cond, !f.val})
		}) {
			return false
		}
	}
	return true
}

// handedOver reports whether the function hands a lock to its caller
// with what it returns on success (`beginTx() (*Tx, error)` takes the lock
// for the transaction it returns): the lock is surely held at every return
// of a nil error, of which there is one at least, not held at every return
// of another error, and not held where the function panics. The caller
// releases it with the handle, as it would a lock wrapper's lock: not a
// leak.
func (w *walker) handedOver(h held) bool {
	results := w.fn.Signature.Results()
	n := results.Len()
	if n < 2 || !types.Identical(results.At(n-1).Type(), errorType) {
		return false
	}
	succeeds := false
	for _, e := range w.exits {
		if e.ret == nil {
			if e.locks.may.find(h.inst) >= 0 {
				return false
			}
			continue
		}
		c, isConst := resultValue(e.ret, n-1).(*ssa.Const)
		success := isConst && c.IsNil()
		if success != (e.locks.must.find(h.inst) >= 0) || !success && e.locks.may.find(h.inst) >= 0 {
			return false
		}
		succeeds = succeeds || success
	}
	return succeeds
}

// returnsMutex reports whether the function hands a lock to its caller
// with the mutex itself: at every return where the lock may be held, a
// result may be its mutex (kafka-go's Conn.waitResponse keeps the read
// lock and returns `&c.rlock` when the response is its own, for the caller
// to unlock). Not a leak. Paths are not told apart: a return that merges a
// path yielding the mutex with one that keeps the lock and yields nil
// counts as yielding it.
func (w *walker) returnsMutex(h held) bool {
	yields := false
	for _, e := range w.exits {
		if e.ret == nil || e.locks.may.find(h.inst) < 0 {
			continue
		}
		if !yieldsMutex(e.ret, h.inst) {
			return false
		}
		yields = true
	}
	return yields
}

// yieldsMutex reports whether a result of a return may be the mutex of
// instance in.
func yieldsMutex(ret *ssa.Return, in instance) bool {
	for i := range ret.Results {
		if mayBeMutex(resultValue(ret, i), in, nil) {
			return true
		}
	}
	return false
}

// mayBeMutex reports whether v may be the mutex of instance in: a pointer
// to it, converted to a Locker or not, or a phi with one among its edges.
func mayBeMutex(v ssa.Value, in instance, seen map[*ssa.Phi]bool) bool {
	switch v := v.(type) {
	case *ssa.Phi:
		if seen[v] {
			return false
		}
		if seen == nil {
			seen = make(map[*ssa.Phi]bool)
		}
		seen[v] = true
		return slices.ContainsFunc(v.Edges, func(e ssa.Value) bool { return mayBeMutex(e, in, seen) })
	case *ssa.MakeInterface:
		return mayBeMutex(v.X, in, seen)
	case *ssa.ChangeType:
		return mayBeMutex(v.X, in, seen)
	case *ssa.Const:
		return false
	}
	return instanceOf(v) == in
}

// resultValue returns the i-th value a return returns: in a function with
// defer statements, the value stored, in the return's block, into the
// result's cell that the return loads, when nothing else (a deferred
// closure) can store into the cell.
func resultValue(ret *ssa.Return, i int) ssa.Value {
	v := ret.Results[i]
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return v
	}
	cell, ok := load.X.(*ssa.Alloc)
	if !ok || slices.ContainsFunc(*cell.Referrers(), func(r ssa.Instruction) bool {
		st, store := r.(*ssa.Store)
		_, load := r.(*ssa.UnOp)
		return !(store && st.Addr == cell) && !load
	}) {
		return v
	}
	for _, instr := range slices.Backward(ret.Block().Instrs) {
		if st, ok := instr.(*ssa.Store); ok && st.Addr == cell {
			return st.Val
		}
	}
	return v
}

// errorType is the predeclared error interface.
var errorType = types.Universe.Lookup("error").Type()

// retaken returns the caller's locks that the function releases on some
// paths and takes back on each of them, held at the returns where it took
// them back: owed at no return, the caller holds them again at every
// return, where they are not already among the locks returned.
func (w *walker) retaken(returned lockset) lockset {
	var out lockset
	for _, in := range slices.SortedFunc(maps.Keys(w.released), compareInstances) {
		if returned.find(in) >= 0 {
			continue
		}
		var h *held
		for _, e := range w.exits {
			if e.ret == nil {
				continue
			}
			if e.locks.owed.find(in) >= 0 {
				h = nil
				break
			}
			if i := e.locks.may.find(in); i >= 0 && h == nil {
				h = &e.locks.may[i]
			}
		}
		if h != nil {
			out = out.add(*h)
		}
	}
	return out
}

// returned returns the locks a return hands to the caller: those held on
// every path to it, and those of an acquiring helper, held on some path
// only, that the function takes in loop bodies only and releases nowhere,
// as `for _, b := range s.blocks { b.mu.Lock() }` does. A path to the
// return without such a lock is one on which the loop took it on no turn
// (with no block, there is none to hand over), not one that released it:
// the function is a lock wrapper for it, not a leak.
func (w *walker) returned(s state) lockset {
	locks := s.must
	for _, h := range s.may {
		if w.loopOnly[h.inst] && !w.unlocked(h) {
			locks = locks.add(h)
		}
	}
	return locks
}

// taken records, in the recording pass, that the function takes a lock in
// the block it walks (see returned).
func (w *walker) taken(in instance) {
	seen, loopOnly := w.loopOnly[in]
	w.loopOnly[in] = w.loops()[w.at.Index] && (loopOnly || !seen)
}

// unlocked reports whether the function releases a lock anywhere: its
// instance or, reached another way, a lock of its class.
func (w *walker) unlocked(h held) bool {
	for in, class := range w.unlocks {
		if in == h.inst || class.ID != "" && class.ID == h.class.ID {
			return true
		}
	}
	return false
}

// endPos is the position of the closing brace of the function's body, for
// an implicit return.
func (w *walker) endPos() token.Pos {
	if syn := w.fn.Syntax(); syn != nil {
		return syn.End() - 1
	}
	return w.fn.Pos()
}

// staticCall folds a callee's summary into the caller's and applies its
// effect on the held locks: a lock wrapper returns holding a lock, an
// unlock wrapper releases one.
func (w *walker) staticCall(callee *ssa.Function, args []ssa.Value, pos token.Pos, s state) state {
	sum := w.calleeSummary(callee)
	var call lockgraph.Step // only the recording pass makes witnesses
	if w.record {
		call = w.step(lockgraph.Calls, funcName(callee), 0, pos)
		w.foldCallee(sum, call, args, pos, s, w.recursive(callee))
	}
	before := s
	s = w.releases(sum, args, s)
	for _, r := range sum.Returns {
		class, in, ok := w.mapRef(r, args)
		if !ok || s.must.find(in) >= 0 {
			continue
		}
		if w.record {
			for _, l := range s.must {
				if l.class.ID != class.ID {
					w.edge(l, w.via(call, named(r, class)), class)
				}
			}
			w.taken(in)
		}
		if !retakes(sum, r) {
			s = s.with(held{class: class, mode: r.Mode, inst: in, pos: pos})
			continue
		}
		// The callee released the lock and took it back: not owed, and held
		// as before the call (on the same paths, where it was taken), in the
		// callee's mode. One not held here was held by a caller further up,
		// as the callee needs it: held after the call, but not taken here.
		if i := s.owed.find(in); i >= 0 {
			s.owed = s.owed.without(i)
		}
		i := before.may.find(in)
		if i < 0 {
			s = s.with(held{class: class, mode: r.Mode, inst: in, pos: pos, restored: true})
			continue
		}
		h := before.may[i]
		h.mode = r.Mode
		if before.must.find(in) >= 0 {
			s.must = s.must.add(h)
		}
		s.may = union(s.may, lockset{h})
	}
	return s
}

// retakes reports whether a lock a callee returns holding is one it
// releases too: it needs the lock held when called, releases it and takes
// it back.
func retakes(sum summary, r acquire) bool {
	return slices.ContainsFunc(sum.Releases, func(rel acquire) bool {
		return rel.Class.ID == r.Class.ID && rel.Param == r.Param && rel.Root == r.Root && rel.Path == r.Path
	})
}

// releases applies the locks a callee releases without taking them, as
// Unlocks here (see release), and those that the function values passed to
// it and called by it release (see argumentReleases).
func (w *walker) releases(sum summary, args []ssa.Value, s state) state {
	for _, r := range sum.Releases {
		if class, in, ok := w.mapRef(r, args); ok {
			s = w.release(class, in, s)
		}
	}
	for _, pc := range sum.ParamCalls {
		if pc.Param >= len(args) {
			continue
		}
		arg := heldValue(args[pc.Param])
		if fn := funcValue(arg); fn != nil {
			s = w.argumentReleases(fn, callArgs(arg, nil), s)
		}
	}
	return s
}

// foldCallee adds a callee's acquisitions, waits, provides, field calls and
// parameter stores to the caller, with edges from the locks held.
// Recursive is set when the callee's summary is being computed, in a cycle
// of calls that includes the caller (see foldChains).
func (w *walker) foldCallee(sum summary, call lockgraph.Step, args []ssa.Value, pos token.Pos, s state, recursive bool) {
	locks := s.must
	var released map[instance]bool // most callees release nothing
	for _, r := range sum.Releases {
		if _, in, ok := w.mapRef(r, args); ok {
			if released == nil {
				released = make(map[instance]bool)
			}
			released[in] = true
		}
	}
	// A chain through the call is the call step (head) followed by the
	// callee's chain; it is made only where locks are held or the summary
	// keeps it. With no lock held and no summary kept, only the callee's
	// stores and calls of arguments remain, and no witness is counted as
	// dropped (see records).
	if len(locks) > 0 || w.keepSummary {
		w.foldChains(sum, call, args, pos, s, released, recursive)
	}
	for _, ps := range sum.ParamStores {
		if ps.Param < len(args) {
			w.storeFunc(ps.Field, args[ps.Param])
		}
	}
	w.foldParamCalls(sum, call, args, locks)
}

// foldChains adds a callee's acquisitions, provides and field calls to the
// caller, with edges from the locks held except those the callee released.
//
// A recursive call on a value reached through a pointer from a parameter
// (`n.parent.spill()`, `n.children[i].spill()`) would add, on each walk of
// the cycle, the callee's locks on a longer path from the parameter
// (n.parent.parent.bucket.db.mu …), and the summaries would never settle:
// the acquisitions such a call maps are of their lock class only, not of
// an instance of the caller's parameter.
func (w *walker) foldChains(sum summary, call lockgraph.Step, args []ssa.Value, pos token.Pos, s state, released map[instance]bool, recursive bool) {
	locks := s.must
	head := w.viaHead(call)
	for _, a := range sum.Acquires {
		guard, possible := w.mapGuard(a.Guard, args, s)
		if !possible {
			continue // the argument rules the acquisition out
		}
		class, in, ok := w.mapRef(a, args)
		rest := named(a, class)
		if !ok || w.tooLong(viaLen(head, rest)) {
			continue
		}
		if recursive && class.ID != "" && in.paramIndex() >= 0 && instanceOf(args[a.Param]).throughPointer() {
			in = instance{root: "descent"}
		}
		without := w.mapWithout(a.Without, args)
		var chain *lockgraph.Path
		for _, l := range locks {
			if slices.Contains(without, l.inst) {
				continue // the callee released it before taking this one
			}
			if chain == nil {
				chain = via(head, rest)
			}
			if l.class.ID != class.ID {
				w.edge(l, chain, class)
			} else if l.inst == in && !class.IsEvent() && !released[in] {
				w.res.doubles = append(w.res.doubles, doubleLock{pos: pos, first: l, class: class, mode: a.Mode, chain: chain.Steps()})
			}
		}
		r := ref(class, a.Mode, in, nil)
		r.Without = instRefs(append(without, s.owed.instances()...))
		r.Guard = guard
		if chain != nil {
			w.sum.acquires.add(r.with(chain))
		} else {
			w.sum.acquires.addVia(r, head, rest)
		}
	}
	for _, p := range sum.Provides {
		if w.tooLong(viaLen(head, p.Chain)) {
			continue
		}
		r := acquire{Class: p.Class, Param: -1}
		if len(locks) == 0 {
			w.sum.provides.addVia(r, head, p.Chain)
			continue
		}
		chain := via(head, p.Chain)
		for _, l := range locks {
			w.provide(l, chain, p.Class)
		}
		w.sum.provides.add(r.with(chain))
	}
	for _, fc := range sum.FieldCalls {
		if !w.tooLong(viaLen(head, fc.Chain)) {
			w.fieldCallVia(fc.Field, head, fc.Chain, locks, append(w.mapWithout(fc.Without, args), s.owed.instances()...))
		}
	}
}

// recursive reports whether a callee's summary is still being computed: a
// call in a cycle of calls that includes the caller.
func (w *walker) recursive(callee *ssa.Function) bool {
	return w.pa.open[w.pa.summaryKey(callee)]
}

// mapRef maps a callee's lock reference to the caller: its instance is the
// argument's plus the path, and a lock whose class the callee could not
// name gets the class of the argument.
func (w *walker) mapRef(a acquire, args []ssa.Value) (lockgraph.Class, instance, bool) {
	class := a.Class
	in := instance{root: "callee"}
	if a.Param >= 0 && a.Param < len(args) {
		in = instanceOf(args[a.Param]).extend(a.Path)
		if class.ID == "" {
			c, argIn, ok := w.lockRef(args[a.Param])
			if !ok || a.Path != "" {
				return class, in, false
			}
			class, in = c, argIn
		}
	} else if a.Param == globalParam {
		in = instance{root: a.Root, path: a.Path}
	}
	return class, in, class.ID != "" || in.paramIndex() >= 0
}

// named returns a reference's chain with its last step naming class: the
// callee could not name a lock reached from its parameter, the caller can.
func named(a acquire, class lockgraph.Class) *lockgraph.Path {
	if a.Class.ID != "" || a.Chain == nil {
		return a.Chain
	}
	steps := a.Chain.Steps()
	steps[len(steps)-1].Target = class.Name
	return lockgraph.PathOf(steps...)
}

// with returns the reference with the given chain.
func (a acquire) with(chain *lockgraph.Path) acquire {
	a.Chain = chain
	return a
}

// ref describes a lock of a summary: by parameter and path when it is
// reached from a parameter, by root and path from a global, by class only
// otherwise.
func ref(class lockgraph.Class, mode lockgraph.Mode, in instance, chain *lockgraph.Path) acquire {
	a := acquire{Class: class, Mode: mode, Param: in.paramIndex(), Chain: chain}
	switch {
	case a.Param >= 0:
		a.Path = in.path
	case in.isGlobal():
		a.Param, a.Root, a.Path = globalParam, in.root, in.path
	}
	return a
}

// paramGuard returns a lock's guard as a summary's: the innermost of the
// facts that is a parameter's value, if any.
func (w *walker) paramGuard(facts []fact) []paramFact {
	for _, f := range slices.Backward(facts) {
		if p, ok := f.cond.x.v.(*ssa.Parameter); ok && f.cond.op == token.ILLEGAL {
			if i := slices.Index(w.fn.Params, p); i >= 0 {
				return []paramFact{{i, f.val}}
			}
		}
	}
	return nil
}

// mapGuard applies a callee's guard at a call: it reports false when the
// argument (a constant, or a value the caller knows on this path) rules the
// acquisition out, and otherwise returns the guard as the caller's: on the
// caller's parameter passed, or the caller's own innermost guard.
func (w *walker) mapGuard(guard []paramFact, args []ssa.Value, s state) ([]paramFact, bool) {
	own := w.paramGuard(s.known)
	if len(guard) == 0 || guard[0].Param >= len(args) {
		return own, true
	}
	g := guard[0]
	if c, ok := boolConst(args[g.Param]); ok {
		return own, c == g.Val
	}
	c, val, ok := w.condOf(args[g.Param])
	if !ok {
		return own, true
	}
	if slices.Contains(s.known, fact{c, val != g.Val}) {
		return nil, false
	}
	if mapped := w.paramGuard([]fact{{c, val == g.Val}}); mapped != nil {
		return mapped, true
	}
	return own, true
}

// mapWithout maps a callee's released locks to the caller's instances.
func (w *walker) mapWithout(refs []instRef, args []ssa.Value) []instance {
	var out []instance
	for _, r := range refs {
		switch {
		case r.Param >= 0 && r.Param < len(args):
			out = append(out, instanceOf(args[r.Param]).extend(r.Path))
		case r.Param == globalParam:
			out = append(out, instance{root: r.Root, path: r.Path})
		}
	}
	return out
}

// instRefs names the instances a caller can map (parameters' and package
// variables'), sorted and without duplicates, or nil.
func instRefs(ins []instance) []instRef {
	var out []instRef
	for _, in := range ins {
		if r := ref(lockgraph.Class{}, 0, in, nil); r.Param >= 0 || r.Param == globalParam {
			out = append(out, instRef{r.Param, r.Root, r.Path})
		}
	}
	slices.SortFunc(out, func(a, b instRef) int {
		return cmp.Or(cmp.Compare(a.Param, b.Param), cmp.Compare(a.Root, b.Root), cmp.Compare(a.Path, b.Path))
	})
	return slices.Compact(out)
}

// fieldCall records a call through a func-typed field, made with locks
// held and the caller's locks without released.
func (w *walker) fieldCall(field lockgraph.Class, chain *lockgraph.Path, locks lockset, without []instance) {
	w.fieldCallVia(field, nil, chain, locks, without)
}

// fieldCallVia is fieldCall for a chain head followed by rest (see
// refSet.addVia), made only where it is kept.
func (w *walker) fieldCallVia(field lockgraph.Class, head *lockgraph.Step, rest *lockgraph.Path, locks lockset, without []instance) {
	if !followed(field.ID, w.pa.module) {
		return
	}
	w.sum.addFieldCall(field, instRefs(without), head, rest)
	if len(locks) > 0 && w.tooLong(1+viaLen(head, rest)) {
		return
	}
	var chain *lockgraph.Path
	for _, l := range locks {
		if l.class.ID != "" && !slices.Contains(without, l.inst) {
			if chain == nil {
				chain = via(head, rest)
			}
			w.res.pending.add(l.class, field, chain.Prepend(w.holds(l)))
		}
	}
}

// edgeSet holds a function's edges by pair of classes, each with its
// shortest witness, kept as a path: most are not the shortest of the
// package's graph, and their steps are never made.
type edgeSet map[[2]string]pathEdge

type pathEdge struct {
	from, to lockgraph.Class
	witness  *lockgraph.Path
}

// add records an edge. Edges from a class to itself are left out, as the
// graph does.
func (es *edgeSet) add(from, to lockgraph.Class, witness *lockgraph.Path) {
	key := [2]string{from.ID, to.ID}
	if from.ID == to.ID {
		return
	}
	if old, ok := (*es)[key]; ok && !lockgraph.PathLess(witness, old.witness) {
		return
	}
	if *es == nil {
		*es = make(edgeSet)
	}
	(*es)[key] = pathEdge{from, to, witness}
}

// pendingSet holds pending calls by held lock and field, each with its
// shortest prefix.
type pendingSet map[[2]string]pendingCall

// add records a pending call if it is new or its prefix shorter than the
// one recorded.
func (ps *pendingSet) add(from, field lockgraph.Class, prefix *lockgraph.Path) {
	key := [2]string{from.ID, field.ID}
	if old, ok := (*ps)[key]; ok && !lockgraph.PathLess(prefix, old.Prefix) {
		return
	}
	if *ps == nil {
		*ps = make(pendingSet)
	}
	(*ps)[key] = pendingCall{From: from, Field: field, Prefix: prefix}
}

// store records a function value stored into a func-typed field or an
// element of a slice or array of funcs.
func (w *walker) store(s *ssa.Store) {
	if !isFunc(s.Val.Type()) {
		return
	}
	if slot, ok := storedSlot(s.Addr); ok {
		w.storeFunc(slot, s.Val)
	}
}

func isFunc(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// storeFunc records a func value stored into a slot: a function or
// closure becomes one of the slot's callees; a parameter, a store of the
// caller's argument. So does a parameter that a stored closure calls
// through its free variables (`h.cb = func() { f() }`): whoever calls the
// slot calls the argument too.
func (w *walker) storeFunc(field lockgraph.Class, v ssa.Value) {
	if fn := funcValue(v); fn != nil {
		w.res.registrations = append(w.res.registrations, registration{field: field, fn: fn})
		if mc, ok := v.(*ssa.MakeClosure); ok {
			for _, pc := range w.calleeSummary(fn).ParamCalls {
				if j := pc.Param - len(fn.Params); j >= 0 && j < len(mc.Bindings) {
					if i := paramIndexOf(heldValue(mc.Bindings[j])); i >= 0 {
						w.sum.addParamStore(paramStore{Param: i, Field: field})
					}
				}
			}
		}
	} else if i := paramIndexOf(v); i >= 0 {
		w.sum.addParamStore(paramStore{Param: i, Field: field})
	}
}

// edge records that the lock or event of chain's last step is taken or
// waited for while l is held.
func (w *walker) edge(l held, chain *lockgraph.Path, to lockgraph.Class) {
	if l.class.ID == "" || to.ID == "" || w.tooLong(1+chain.Len()) {
		return
	}
	w.res.edges.add(l.class, to, chain.Prepend(w.holds(l)))
}

// tooLong reports whether a witness of n steps is longer than maxChain, and
// counts it as cut.
func (w *walker) tooLong(n int) bool {
	if n > maxChain {
		w.res.cut++
		return true
	}
	return false
}

// provide records that an event is provided only while l is held: whoever
// waits for the event waits for l too.
func (w *walker) provide(l held, chain *lockgraph.Path, event lockgraph.Class) {
	if l.class.ID == "" || w.tooLong(1+chain.Len()) {
		return
	}
	w.res.edges.add(event, l.class, chain.Prepend(w.holds(l)))
}

// holds returns the Holds step of a held lock, made once per lock and walk.
func (w *walker) holds(l held) lockgraph.Step {
	key := holdsKey{l.pos, l.class.ID, l.mode}
	s, ok := w.holdsSteps[key]
	if !ok {
		s = w.step(lockgraph.Holds, l.class.Name, l.mode, l.pos)
		w.holdsSteps[key] = s
	}
	return s
}

type holdsKey struct {
	pos  token.Pos
	id   string
	mode lockgraph.Mode
}

func (w *walker) step(kind lockgraph.StepKind, target string, mode lockgraph.Mode, pos token.Pos) lockgraph.Step {
	return lockgraph.Step{Kind: kind, Func: w.name, Target: target, Mode: mode, Pos: w.pa.pass.Fset.Position(pos)}
}

// via returns the chain of a callee as seen from the caller: after the call
// step, unless the caller is a synthetic wrapper (a bound method value, a
// promoted method), which has no source position of its own.
func (w *walker) via(call lockgraph.Step, chain *lockgraph.Path) *lockgraph.Path {
	return via(w.viaHead(call), chain)
}

// viaHead returns the step a callee's chains get in front as seen from the
// caller (see via), or nil.
func (w *walker) viaHead(call lockgraph.Step) *lockgraph.Step {
	if w.fn.Synthetic != "" {
		return nil
	}
	return &call
}

// viaLen returns the length of via(head, rest).
func viaLen(head *lockgraph.Step, rest *lockgraph.Path) int {
	if head == nil {
		return rest.Len()
	}
	return rest.Len() + 1
}
