package analyzer

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/lockorder/lockorder/lockgraph"
)

// A slot is where a dynamic call finds its callee: a func-typed struct
// field ("store.Alerts.cb"), the elements of a map or slice of funcs
// ("pkg.T.handlers[]"), or an interface method ("provider.Alerts.Subscribe").
// Functions stored into a slot, or concrete methods converted to the
// interface, are its callees; a call through the slot while a lock is held
// is pending until they are known (see merger.resolve).

// calledSlot returns the slot a dynamic call goes through, if it has one.
func calledSlot(common *ssa.CallCommon) (lockgraph.Class, bool) {
	if common.IsInvoke() {
		return methodSlot(common.Value.Type(), common.Method.Name())
	}
	switch v := common.Value.(type) {
	case *ssa.UnOp:
		switch x := v.X.(type) {
		case *ssa.FieldAddr:
			return fieldClass(x)
		case *ssa.IndexAddr:
			return elementClass(x.X)
		}
	case *ssa.Lookup:
		return elementClass(v.X)
	}
	return lockgraph.Class{}, false
}

// methodSlot is the slot of a method of a named interface type declared
// outside the standard library, as in "provider.Alerts.Subscribe()". The
// standard interfaces (io.Writer, context.Context, error, hash.Hash) have
// so many implementations that following them per package would put most
// of a program behind every call, and so do the big interfaces of other
// modules: the per-package mode follows interface calls within the
// analysed package's module only (see merger.keep); the whole-program
// mode resolves them all, precisely.
func methodSlot(iface types.Type, method string) (lockgraph.Class, bool) {
	named, ok := types.Unalias(iface).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || !types.IsInterface(named) || isStd(named.Obj().Pkg().Path()) {
		return lockgraph.Class{}, false
	}
	obj := named.Origin().Obj()
	return lockgraph.Class{
		ID:   obj.Pkg().Path() + "." + obj.Name() + "." + method + "()",
		Name: obj.Pkg().Name() + "." + obj.Name() + "." + method + "()",
	}, true
}

// isMethodSlot reports whether a slot is an interface method.
func isMethodSlot(id string) bool { return strings.HasSuffix(id, "()") }

// followed reports whether the analysis of a package of the module follows
// calls through a slot: a field's always, an interface method's when the
// interface is of that module or the module is unknown (""). A call
// through another module's interface adds nothing to the summary: only a
// package of that module would follow it, and no such package can import
// this one unless the two modules import each other.
func followed(slot, module string) bool {
	return module == "" || !isMethodSlot(slot) || inModule(slot, module)
}

// moduleOf returns the path of the pass's module, or "" when unknown.
func moduleOf(pass *analysis.Pass) string {
	if pass.Module != nil {
		return pass.Module.Path
	}
	return ""
}

// inModule reports whether a class or slot ID belongs to a package of the
// module with the given path.
func inModule(id, module string) bool {
	rest, ok := strings.CutPrefix(id, module)
	return ok && rest != "" && (rest[0] == '.' || rest[0] == '/')
}

// storedSlot returns the slot a store writes a func value into: a field,
// or an element of a slice or array.
func storedSlot(addr ssa.Value) (lockgraph.Class, bool) {
	switch a := addr.(type) {
	case *ssa.FieldAddr:
		return fieldClass(a)
	case *ssa.IndexAddr:
		return elementClass(a.X)
	}
	return lockgraph.Class{}, false
}

// conversion records the methods of a concrete type converted to a named
// interface as callees of the interface's methods.
func (w *walker) conversion(mi *ssa.MakeInterface) {
	t := mi.X.Type()
	iface, ok := types.Unalias(mi.Type()).(*types.Named)
	if !ok || types.IsInterface(t) || hasTypeParams(t) {
		return
	}
	it, ok := iface.Underlying().(*types.Interface)
	if !ok {
		return
	}
	prog := w.fn.Prog
	mset := prog.MethodSets.MethodSet(t)
	for i := range it.NumMethods() {
		m := it.Method(i)
		sel := mset.Lookup(m.Pkg(), m.Name())
		if sel == nil {
			continue
		}
		slot, ok := methodSlot(iface, m.Name())
		if !ok || !followed(slot.ID, w.pa.module) {
			continue
		}
		if fn := prog.MethodValue(sel); fn != nil {
			w.res.registrations = append(w.res.registrations, registration{field: slot, fn: fn})
		}
	}
}

// hasTypeParams reports whether t mentions a type parameter: its methods
// have no single body to summarise.
func hasTypeParams(t types.Type) bool {
	switch t := types.Unalias(t).(type) {
	case *types.TypeParam:
		return true
	case *types.Pointer:
		return hasTypeParams(t.Elem())
	case *types.Named:
		for i := range t.TypeArgs().Len() {
			if hasTypeParams(t.TypeArgs().At(i)) {
				return true
			}
		}
	}
	return false
}

// A paramCall is a call of a func-typed parameter, made directly or by a
// callee: the caller knows the function passed and folds in what it does.
type paramCall struct {
	Param int
	// Chain is the witness from the function's entry, ending with the call
	// of the parameter.
	Chain *lockgraph.Path
	// Held are the locks the function holds at that call, each with the
	// witness prefix from the Holds step to the call.
	Held []heldPrefix
}

// A heldPrefix is a lock held at a pending call, with its witness so far.
type heldPrefix struct {
	From   lockgraph.Class
	Prefix *lockgraph.Path
}

// paramIndexOf returns the index of v among the function's parameters, or
// -1. A load from a parameter's cell (see spilledParam) is the parameter,
// and so is the cell itself where it is bound to a closure (its only other
// use). In a closure, a free variable, or a load from one, is numbered as
// instanceOf numbers it: what the caller binds there, which the caller
// maps in turn when it folds the closure's summary (see callArgs).
func paramIndexOf(v ssa.Value) int {
	v = loadedParam(v)
	if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
		fv, ok := load.X.(*ssa.FreeVar)
		if !ok {
			return -1 // a load through a pointer parameter is not the parameter
		}
		v = fv
	}
	switch x := v.(type) {
	case *ssa.Alloc:
		if p := spilledParam(x); p != nil {
			return instanceOf(p).paramIndex()
		}
	case *ssa.Parameter, *ssa.FreeVar:
		return instanceOf(x).paramIndex()
	}
	return -1
}

// paramName names the parameter or free variable that paramIndexOf
// numbers i in fn.
func paramName(fn *ssa.Function, i int) string {
	if i < len(fn.Params) {
		return fn.Params[i].Name()
	}
	return fn.FreeVars[i-len(fn.Params)].Name()
}

// callParam records the call of a func-typed parameter with the locks held.
func (w *walker) callParam(param int, chain *lockgraph.Path, held []heldPrefix, locks lockset) {
	for _, l := range locks {
		if chain.Len() < maxChain && l.class.ID != "" {
			held = append(held, heldPrefix{From: l.class, Prefix: chain.Prepend(w.holds(l))})
		}
	}
	w.sum.addParamCall(paramCall{Param: param, Chain: chain, Held: held})
}

// foldParamCalls resolves a callee's calls of its func parameters against
// the arguments: a function passed in runs with the callee's and the
// caller's locks held; a parameter of the caller passed on makes a
// parameter call of the caller; a func loaded from a slot makes a slot call.
func (w *walker) foldParamCalls(sum summary, call lockgraph.Step, args []ssa.Value, locks lockset) {
	for _, pc := range sum.ParamCalls {
		if pc.Param >= len(args) {
			continue
		}
		arg := heldValue(args[pc.Param])
		fn, param := funcValue(arg), paramIndexOf(arg)
		chain := w.via(call, pc.Chain)
		if chain.Len() > maxChain {
			if w.records(locks, pc.Held) && w.contributes(fn, param, arg) {
				w.res.cut++
			}
			continue
		}
		var held []heldPrefix
		for _, h := range pc.Held {
			if p := w.via(call, h.Prefix); p.Len() <= maxChain {
				held = append(held, heldPrefix{From: h.From, Prefix: p})
			}
		}
		switch {
		case fn != nil:
			w.runArgument(fn, callArgs(arg, nil), chain, held, locks)
		case param >= 0:
			w.callParam(param, chain, held, locks)
		default:
			if slot, ok := slotOfValue(arg); ok {
				w.fieldCall(slot, chain, locks, nil)
				for _, h := range held {
					w.res.pending.add(h.From, slot, h.Prefix)
				}
			}
		}
	}
}

// records reports whether a chain through a call of a function value, made
// with the caller's locks and those held by the callee, would be recorded:
// some lock is held, or the summary is kept. A witness too long is counted
// as dropped only then.
func (w *walker) records(locks lockset, held []heldPrefix) bool {
	return len(locks) > 0 || len(held) > 0 || w.keepSummary
}

// contributes reports whether an argument that a callee calls adds to the
// caller's walk (see foldParamCalls): a function with a summary, a
// parameter of the caller, a func field.
func (w *walker) contributes(fn *ssa.Function, param int, arg ssa.Value) bool {
	if fn != nil {
		sum := w.calleeSummary(fn)
		return !sum.empty()
	}
	_, slot := slotOfValue(arg)
	return param >= 0 || slot
}

// runArgument folds in a function value that a callee calls: its locks are
// taken under the callee's held locks and the caller's. A closure's
// bindings are the caller's values its free variables map to: the calls
// and stores it makes of the caller's func parameters through them are the
// caller's, and a call of a function value a binding holds runs that
// function here too (those of its own parameters, the callee's arguments,
// are not known here).
func (w *walker) runArgument(fn *ssa.Function, bindings []ssa.Value, chain *lockgraph.Path, held []heldPrefix, locks lockset) {
	sum := w.calleeSummary(fn)
	for _, a := range sum.Acquires {
		if a.Class.ID == "" {
			continue
		}
		full, ok := joined(chain, a.Chain)
		if !ok {
			if w.records(locks, held) {
				w.res.cut++
			}
			continue
		}
		for _, l := range locks {
			if l.class.ID != a.Class.ID {
				w.edge(l, full, a.Class)
			}
		}
		for _, h := range held {
			if h.From.ID != a.Class.ID {
				if witness, ok := joined(h.Prefix, a.Chain); ok {
					w.res.edges.add(h.From, a.Class, witness)
				}
			}
		}
		w.sum.addAcquire(acquire{Class: a.Class, Mode: a.Mode, Param: -1, Chain: full})
	}
	for _, fc := range sum.FieldCalls {
		if !followed(fc.Field.ID, w.pa.module) {
			continue
		}
		if full, ok := joined(chain, fc.Chain); ok {
			w.fieldCall(fc.Field, full, locks, nil)
			for _, h := range held {
				if p, ok := joined(h.Prefix, fc.Chain); ok {
					w.res.pending.add(h.From, fc.Field, p)
				}
			}
		}
	}
	bound := func(param int) ssa.Value {
		if i := param - len(fn.Params); i >= 0 && i < len(bindings) {
			return bindings[i]
		}
		return nil
	}
	for _, pc := range sum.ParamCalls {
		v := heldValue(bound(pc.Param))
		i, called := paramIndexOf(v), funcValue(v)
		if i < 0 && called == nil {
			continue
		}
		full, ok := joined(chain, pc.Chain)
		if !ok {
			if w.records(locks, append(held, pc.Held...)) {
				w.res.cut++
			}
			continue
		}
		var all []heldPrefix
		for _, h := range held {
			if p, ok := joined(h.Prefix, pc.Chain); ok {
				all = append(all, heldPrefix{From: h.From, Prefix: p})
			}
		}
		for _, h := range pc.Held {
			if p, ok := joined(chain, h.Prefix); ok {
				all = append(all, heldPrefix{From: h.From, Prefix: p})
			}
		}
		if called != nil {
			w.runArgument(called, callArgs(v, nil), full, all, locks)
			continue
		}
		w.callParam(i, full, all, locks)
	}
	for _, ps := range sum.ParamStores {
		if v := bound(ps.Param); v != nil {
			w.storeFunc(ps.Field, v)
		}
	}
}

// slotOfValue returns the slot a func value was loaded from.
func slotOfValue(v ssa.Value) (lockgraph.Class, bool) {
	return calledSlot(&ssa.CallCommon{Value: v})
}

// isOnceDo reports whether fn is (*sync.Once).Do, which runs its argument
// on the caller's goroutine: the Once's own mutex is an implementation
// detail shared by every Once, so the call is followed as a call of f.
func isOnceDo(fn *ssa.Function) bool {
	recv := fn.Signature.Recv()
	if recv == nil || fn.Name() != "Do" {
		return false
	}
	name, ok := syncType(recv.Type())
	return ok && name == "Once"
}

// callValue applies a call of a func value with args: a function or
// closure is a static call, a parameter is a parameter call, a func loaded
// from a slot is a slot call.
func (w *walker) callValue(v ssa.Value, args []ssa.Value, pos token.Pos, s state) state {
	if fn := funcValue(v); fn != nil {
		return w.staticCall(fn, callArgs(v, args), pos, s)
	}
	if !w.record {
		return s
	}
	if i := paramIndexOf(v); i >= 0 {
		w.callParam(i, lockgraph.PathOf(w.step(lockgraph.Calls, paramName(w.fn, i), 0, pos)), nil, s.must)
	} else if slot, ok := slotOfValue(v); ok {
		w.fieldCall(slot, lockgraph.PathOf(w.step(lockgraph.Calls, slot.Name, 0, pos)), s.must, s.owed.instances())
	}
	return s
}
