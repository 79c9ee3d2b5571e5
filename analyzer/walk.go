package analyzer

import (
	"go/token"
	"go/types"
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

// funcResult is what walking one function found.
type funcResult struct {
	sum           summary
	edges         []lockgraph.Edge
	pending       []pendingCall
	registrations []registration
	doubles       []doubleLock
	// incomplete is set when a callee's summary was still being computed
	// (recursion): the walk must be repeated once summaries settle.
	incomplete bool
}

// walker runs the held-lock dataflow over one function's blocks and, in its
// recording pass, collects the function's summary and events.
type walker struct {
	pa     *pkgAnalysis
	fn     *ssa.Function
	name   string
	res    *funcResult
	sum    summaryBuilder
	record bool
}

// walk computes the held locks at every block entry (intersection over
// predecessors, iterated to a fixpoint), then walks each block once more
// to record what the function does.
func (pa *pkgAnalysis) walk(fn *ssa.Function) *funcResult {
	w := &walker{pa: pa, fn: fn, name: funcName(fn), res: &funcResult{}}
	entry := make([]lockset, len(fn.Blocks))
	seen := make([]bool, len(fn.Blocks))
	if len(fn.Blocks) > 0 {
		seen[0] = true
		for work := []int{0}; len(work) > 0; {
			b := fn.Blocks[work[len(work)-1]]
			work = work[:len(work)-1]
			out := w.block(b, entry[b.Index])
			for _, s := range b.Succs {
				next := out
				if seen[s.Index] {
					next = intersect(entry[s.Index], out)
					if next.equal(entry[s.Index]) {
						continue
					}
				}
				seen[s.Index] = true
				entry[s.Index] = next
				work = append(work, s.Index)
			}
		}
	}
	w.record = true
	for _, b := range fn.Blocks {
		if seen[b.Index] {
			w.block(b, entry[b.Index])
		}
	}
	w.res.sum = w.sum.build()
	return w.res
}

// block applies a block's instructions to the held set.
func (w *walker) block(b *ssa.BasicBlock, locks lockset) lockset {
	for _, instr := range b.Instrs {
		switch instr := instr.(type) {
		case *ssa.Call:
			locks = w.call(instr.Common(), instr.Pos(), locks)
		case *ssa.RunDefers:
			locks = w.runDefers(locks)
		case *ssa.Store:
			if w.record {
				w.store(instr)
			}
		}
	}
	return locks
}

// runDefers applies the function's deferred calls, last deferred first:
// a deferred Unlock releases its lock, other deferred calls run with the
// locks still held at that point.
func (w *walker) runDefers(locks lockset) lockset {
	var defers []*ssa.Defer
	for _, b := range w.fn.Blocks {
		for _, instr := range b.Instrs {
			if d, ok := instr.(*ssa.Defer); ok {
				defers = append(defers, d)
			}
		}
	}
	for _, d := range slices.Backward(defers) {
		locks = w.call(d.Common(), d.Pos(), locks)
	}
	return locks
}

// call applies one call: a lock operation changes the held set; any other
// call adds to the summary and, with locks held, to the graph.
func (w *walker) call(common *ssa.CallCommon, pos token.Pos, locks lockset) lockset {
	kind, mu := lockOp(common)
	switch kind {
	case opLock, opRLock:
		return w.lock(mu, kind, pos, locks)
	case opUnlock, opRUnlock:
		return w.unlock(mu, locks)
	}
	if !w.record {
		return locks
	}
	if callee := common.StaticCallee(); callee != nil {
		w.staticCall(callee, common.Args, pos, locks)
	} else if field, ok := calledField(common.Value); ok && !common.IsInvoke() {
		w.fieldCall(field, []lockgraph.Step{w.step(lockgraph.Calls, field.Name, 0, pos)}, locks)
	}
	return locks
}

func (w *walker) lock(mu ssa.Value, kind lockOpKind, pos token.Pos, locks lockset) lockset {
	class, ok := classOf(mu)
	if !ok {
		return locks
	}
	mode := lockgraph.Write
	if kind == opRLock {
		mode = lockgraph.Read
	}
	h := held{class: class, mode: mode, inst: instanceOf(mu), pos: pos}
	if w.record {
		acq := w.step(lockgraph.Acquires, class.Name, mode, pos)
		if i := locks.find(h.inst); i >= 0 {
			w.res.doubles = append(w.res.doubles, doubleLock{pos: pos, first: locks[i], class: class, mode: mode, chain: []lockgraph.Step{acq}})
		}
		for _, l := range locks {
			if l.inst != h.inst {
				w.edge(l, []lockgraph.Step{acq}, class)
			}
		}
		w.sum.addAcquire(acquire{Class: class, Mode: mode, Param: h.inst.paramIndex(), Path: h.inst.path, Chain: []lockgraph.Step{acq}})
	}
	if locks.find(h.inst) >= 0 {
		return locks
	}
	return locks.with(h)
}

func (w *walker) unlock(mu ssa.Value, locks lockset) lockset {
	if i := locks.find(instanceOf(mu)); i >= 0 {
		return locks.without(i)
	}
	// The same mutex reached another way: release the only held lock of
	// its class, if there is one.
	if class, ok := classOf(mu); ok {
		if i := locks.findClass(class); i >= 0 {
			return locks.without(i)
		}
	}
	return locks
}

// staticCall folds a callee's summary into the caller's.
func (w *walker) staticCall(callee *ssa.Function, args []ssa.Value, pos token.Pos, locks lockset) {
	sum, complete := w.pa.summaryOf(callee)
	if !complete {
		w.res.incomplete = true
	}
	call := w.step(lockgraph.Calls, funcName(callee), 0, pos)
	for _, a := range sum.Acquires {
		chain := w.via(call, a.Chain)
		if chain == nil {
			continue
		}
		in := instance{root: "callee"}
		if a.Param >= 0 && a.Param < len(args) {
			in = instanceOf(args[a.Param])
			in.path += a.Path
		}
		for _, l := range locks {
			if l.class.ID != a.Class.ID {
				w.edge(l, chain, a.Class)
			} else if l.inst == in {
				w.res.doubles = append(w.res.doubles, doubleLock{pos: pos, first: l, class: a.Class, mode: a.Mode, chain: chain})
			}
		}
		w.sum.addAcquire(acquire{Class: a.Class, Mode: a.Mode, Param: in.paramIndex(), Path: in.path, Chain: chain})
	}
	for _, fc := range sum.FieldCalls {
		if chain := w.via(call, fc.Chain); chain != nil {
			w.fieldCall(fc.Field, chain, locks)
		}
	}
	for _, ps := range sum.ParamStores {
		if ps.Param < len(args) {
			w.storeFunc(ps.Field, args[ps.Param])
		}
	}
}

// fieldCall records a call through a func-typed field.
func (w *walker) fieldCall(field lockgraph.Class, chain []lockgraph.Step, locks lockset) {
	w.sum.addFieldCall(fieldCall{Field: field, Chain: chain})
	for _, l := range locks {
		w.res.pending = append(w.res.pending, pendingCall{From: l.class, Field: field, Prefix: prepend(w.holds(l), chain)})
	}
}

// store records a function value stored into a func-typed field.
func (w *walker) store(s *ssa.Store) {
	fa, ok := s.Addr.(*ssa.FieldAddr)
	if !ok {
		return
	}
	if _, isFunc := s.Val.Type().Underlying().(*types.Signature); !isFunc {
		return
	}
	if field, ok := fieldClass(fa); ok {
		w.storeFunc(field, s.Val)
	}
}

func (w *walker) storeFunc(field lockgraph.Class, v ssa.Value) {
	if fn := funcValue(v); fn != nil {
		w.res.registrations = append(w.res.registrations, registration{field: field, fn: fn})
	} else if p, ok := v.(*ssa.Parameter); ok {
		if i := instanceOf(p).paramIndex(); i >= 0 {
			w.sum.addParamStore(paramStore{Param: i, Field: field})
		}
	}
}

// edge records that the locks of chain's last step are taken while l is held.
func (w *walker) edge(l held, chain []lockgraph.Step, to lockgraph.Class) {
	if witness := prepend(w.holds(l), chain); witness != nil {
		w.res.edges = append(w.res.edges, lockgraph.Edge{From: l.class, To: to, Witness: witness})
	}
}

func (w *walker) holds(l held) lockgraph.Step {
	return w.step(lockgraph.Holds, l.class.Name, l.mode, l.pos)
}

func (w *walker) step(kind lockgraph.StepKind, target string, mode lockgraph.Mode, pos token.Pos) lockgraph.Step {
	return lockgraph.Step{Kind: kind, Func: w.name, Target: target, Mode: mode, Pos: w.pa.pass.Fset.Position(pos)}
}

// via returns the chain of a callee as seen from the caller: after the call
// step, unless the caller is a synthetic wrapper (a bound method value, a
// promoted method), which has no source position of its own.
func (w *walker) via(call lockgraph.Step, chain []lockgraph.Step) []lockgraph.Step {
	if w.fn.Synthetic != "" {
		return chain
	}
	return prepend(call, chain)
}

// prepend returns step followed by chain, or nil when that is longer than
// maxChain.
func prepend(step lockgraph.Step, chain []lockgraph.Step) []lockgraph.Step {
	if len(chain) >= maxChain {
		return nil
	}
	return append([]lockgraph.Step{step}, chain...)
}
