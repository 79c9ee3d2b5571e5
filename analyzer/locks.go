package analyzer

import (
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/lockorder/lockorder/lockgraph"
)

// syncOpKind is what a call does to a sync primitive.
type syncOpKind uint8

const (
	notSyncOp syncOpKind = iota
	opLock
	opRLock
	opTryLock
	opTryRLock
	opUnlock
	opRUnlock
	opCondWait // (*sync.Cond).Wait: releases L, waits for a signal, retakes L
	opSignal   // Cond.Signal, Cond.Broadcast
	opWGWait   // (*sync.WaitGroup).Wait
	opWGDone   // (*sync.WaitGroup).Done
)

var syncMethods = map[string]map[string]syncOpKind{
	"Mutex":     {"Lock": opLock, "Unlock": opUnlock, "TryLock": opTryLock},
	"RWMutex":   {"Lock": opLock, "Unlock": opUnlock, "TryLock": opTryLock, "RLock": opRLock, "RUnlock": opRUnlock, "TryRLock": opTryRLock},
	"Cond":      {"Wait": opCondWait, "Signal": opSignal, "Broadcast": opSignal},
	"WaitGroup": {"Wait": opWGWait, "Done": opWGDone},
}

var lockerMethods = map[string]syncOpKind{"Lock": opLock, "Unlock": opUnlock, "RLock": opRLock, "RUnlock": opRUnlock}

// syncOp reports what a call does to a sync primitive and returns the
// value it operates on: a method of sync.Mutex, RWMutex, Cond or
// WaitGroup, or Lock and Unlock through an interface such as sync.Locker.
func syncOp(common *ssa.CallCommon) (syncOpKind, ssa.Value) {
	if common.IsInvoke() {
		sig := common.Signature()
		if kind, ok := lockerMethods[common.Method.Name()]; ok && sig.Params().Len() == 0 && sig.Results().Len() == 0 {
			return kind, common.Value
		}
		return notSyncOp, nil
	}
	callee := common.StaticCallee()
	if callee == nil || len(common.Args) == 0 {
		return notSyncOp, nil
	}
	recv := callee.Signature.Recv()
	if recv == nil {
		return notSyncOp, nil
	}
	if name, ok := syncType(recv.Type()); ok {
		if kind, ok := syncMethods[name][callee.Name()]; ok {
			return kind, common.Args[0]
		}
	}
	return notSyncOp, nil
}

// syncType returns the name of the sync type t points to.
func syncType(t types.Type) (string, bool) {
	ptr, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return "", false
	}
	named, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok {
		return "", false
	}
	obj := named.Obj()
	if obj.Pkg() == nil || obj.Pkg().Path() != "sync" {
		return "", false
	}
	return obj.Name(), true
}

// classOf names the lock class of a mutex pointer: the field of a named
// type it lives in, the package-level variable, or the slice, array or map
// field it is an element of. It reports false for a mutex whose home it
// cannot name (a local variable, a parameter).
func classOf(v ssa.Value) (lockgraph.Class, bool) {
	switch v := v.(type) {
	case *ssa.FieldAddr:
		return fieldClass(v)
	case *ssa.UnOp:
		// A mutex reached through a pointer or interface field: the
		// class is the field (or what it aliases, see aliases).
		if v.Op != token.MUL {
			break
		}
		if fa, ok := v.X.(*ssa.FieldAddr); ok {
			return fieldClass(fa)
		}
		if g, ok := v.X.(*ssa.Global); ok {
			return globalClass(g), true
		}
	case *ssa.Global:
		return globalClass(v), true
	case *ssa.MakeInterface:
		return classOf(v.X)
	case *ssa.IndexAddr:
		return elementClass(v.X)
	case *ssa.Lookup:
		return elementClass(v.X)
	}
	return lockgraph.Class{}, false
}

// elementClass is the class of the mutexes held in a slice, array or map
// field or variable: one class for all its elements.
func elementClass(container ssa.Value) (lockgraph.Class, bool) {
	c, ok := classOf(container)
	if !ok {
		return c, false
	}
	return lockgraph.Class{ID: c.ID + "[]", Name: c.Name + "[]"}, true
}

func globalClass(g *ssa.Global) lockgraph.Class {
	pkg := g.Pkg.Pkg
	return lockgraph.Class{ID: pkg.Path() + "." + g.Name(), Name: pkg.Name() + "." + g.Name()}
}

// eventOf returns the class of an event on the channel, WaitGroup or Cond
// of class c: c's ID with the event appended ("#recv", "#send", "#done",
// "#signal"), displayed as "receive on s.T.ch".
func eventOf(c lockgraph.Class, event string) lockgraph.Class {
	var name string
	switch event {
	case "recv":
		name = "receive on " + c.Name
	case "send":
		name = "send on " + c.Name
	case "done":
		name = c.Name + ".Done"
	default:
		name = c.Name + ".Signal"
	}
	return lockgraph.Class{ID: c.ID + "#" + event, Name: name}
}

// fieldClass names the struct field a FieldAddr selects: the named type
// that holds it, then the field path ("store.Alerts.mtx"). A field of an
// unnamed struct, or of a sync type such as the L of a sync.Cond, is named
// after the field or variable that holds the struct ("s.T.cond.L").
func fieldClass(fa *ssa.FieldAddr) (lockgraph.Class, bool) {
	ptr, ok := types.Unalias(fa.X.Type()).Underlying().(*types.Pointer)
	if !ok {
		return lockgraph.Class{}, false
	}
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	if !ok {
		return lockgraph.Class{}, false
	}
	field := st.Field(fa.Field).Name()
	if named, ok := types.Unalias(ptr.Elem()).(*types.Named); ok {
		obj := named.Origin().Obj()
		if obj.Pkg() == nil {
			return lockgraph.Class{}, false
		}
		if obj.Pkg().Path() != "sync" {
			return lockgraph.Class{
				ID:   obj.Pkg().Path() + "." + obj.Name() + "." + field,
				Name: obj.Pkg().Name() + "." + obj.Name() + "." + field,
			}, true
		}
	}
	owner, ok := classOf(fa.X)
	if !ok {
		return lockgraph.Class{}, false
	}
	return lockgraph.Class{ID: owner.ID + "." + field, Name: owner.Name + "." + field}, true
}

// funcValue returns the function a value denotes when it is a function or a
// closure, or nil.
func funcValue(v ssa.Value) *ssa.Function {
	switch v := v.(type) {
	case *ssa.Function:
		return v
	case *ssa.MakeClosure:
		return v.Fn.(*ssa.Function)
	case *ssa.ChangeType:
		return funcValue(v.X)
	}
	return nil
}

// An instance names the value a mutex was reached from inside one
// function: a root (parameter, free variable, global or register) and a
// field path. Two locks with one instance are the same mutex.
type instance struct {
	root string
	path string
}

// instanceOf returns the instance of a mutex pointer.
func instanceOf(v ssa.Value) instance {
	switch v := v.(type) {
	case *ssa.FieldAddr:
		in := instanceOf(v.X)
		in.path += "." + strconv.Itoa(v.Field)
		return in
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return instanceOf(v.X).extend("*")
		}
	case *ssa.Alloc:
		if p := spilledParam(v); p != nil {
			in := instanceOf(p)
			in.path += cell
			return in
		}
	case *ssa.IndexAddr:
		in := instanceOf(v.X)
		in.path += "[" + indexKey(v.Index) + "]"
		return in
	case *ssa.Lookup:
		in := instanceOf(v.X)
		in.path += "[" + indexKey(v.Index) + "]"
		return in
	case *ssa.MakeInterface:
		return instanceOf(v.X)
	case *ssa.Parameter:
		for i, p := range v.Parent().Params {
			if p == v {
				return instance{root: "p" + strconv.Itoa(i)}
			}
		}
	case *ssa.FreeVar:
		// A closure's free variables are numbered after its parameters,
		// as a caller passes the bindings after the arguments (see
		// callArgs): a lock reached from one is its caller's.
		fn := v.Parent()
		return instance{root: "p" + strconv.Itoa(len(fn.Params)+slices.Index(fn.FreeVars, v))}
	case *ssa.Global:
		return instance{root: "global:" + v.Pkg.Pkg.Path() + "." + v.Name()}
	}
	return instance{root: "reg:" + v.Name()}
}

// cell ends the path of a spilled parameter's cell (see spilledParam):
// loading from it gives the parameter's instance back.
const cell = "&"

// extend returns the instance reached from in by a path: a load from a
// parameter's cell is the parameter.
func (in instance) extend(path string) instance {
	if rest, ok := strings.CutPrefix(path, "*"); ok && strings.HasSuffix(in.path, cell) {
		in.path = strings.TrimSuffix(in.path, cell) + rest
		return in
	}
	in.path += path
	return in
}

// throughPointer reports whether the instance is reached through a pointer
// its path loads (`n.parent.mu`, not `n.mu`).
func (in instance) throughPointer() bool {
	return strings.Contains(in.path, "*")
}

// spilledParam returns the parameter a cell holds when the cell is where
// ssa keeps a parameter that closures capture (declared where the
// parameter is, and stored to once, with the parameter, before the body)
// and nothing else stores to it or takes it elsewhere: the function's
// loads from it, and its closures', are the parameter, so a lock reached
// from them is the caller's. It returns nil for any other cell.
func spilledParam(a *ssa.Alloc) *ssa.Parameter {
	if !a.Pos().IsValid() || a.Block().Index != 0 {
		return nil
	}
	if p, ok := onceStored(a).(*ssa.Parameter); ok && p.Pos() == a.Pos() {
		return p
	}
	return nil
}

// fixedFreeVar reports whether a closure's free variable is bound,
// wherever the closure is made, to a cell that holds one value for the
// closure's whole life (a spilled parameter's, a local's stored to once
// before it is read: see onceStored), or to an enclosing closure's free
// variable that is so bound.
func fixedFreeVar(fv *ssa.FreeVar) bool {
	fn := fv.Parent()
	i := slices.Index(fn.FreeVars, fv)
	refs := fn.Referrers()
	if i < 0 || refs == nil || len(*refs) == 0 {
		return false
	}
	for _, r := range *refs {
		mc, ok := r.(*ssa.MakeClosure)
		if !ok || mc.Fn != fn {
			return false
		}
		switch b := mc.Bindings[i].(type) {
		case *ssa.Alloc:
			if onceStored(b) == nil {
				return false
			}
		case *ssa.FreeVar:
			if !fixedFreeVar(b) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// onceStored returns the value a cell holds for its whole life, or nil:
// the cell is stored to once, in the block that declares it, before
// anything else uses it, and is otherwise only read, by loads and by
// closures that only load from it (a spilled parameter's cell, or `isq :=
// len(q) > 0` captured by closures).
func onceStored(a *ssa.Alloc) ssa.Value {
	refs := *a.Referrers()
	i := slices.IndexFunc(refs, func(r ssa.Instruction) bool {
		st, ok := r.(*ssa.Store)
		return ok && st.Addr == a && st.Block() == a.Block()
	})
	if i < 0 {
		return nil
	}
	instrs := a.Block().Instrs
	at := slices.Index(instrs, refs[i])
	for j, r := range refs {
		if j != i && (!reads(r, a) || r.Block() == a.Block() && slices.Index(instrs, r) < at) {
			return nil // stored to again, taken elsewhere, or read before the store
		}
	}
	return refs[i].(*ssa.Store).Val
}

// heldValue returns the value that a closure's binding or a callee's
// argument stands for: what a local's cell holds for its whole life (`g
// := lockB` captured by a closure; see onceStored), or the value itself.
func heldValue(v ssa.Value) ssa.Value {
	if a, ok := v.(*ssa.Alloc); ok {
		if held := onceStored(a); held != nil {
			return held
		}
	}
	return v
}

// loadedParam returns v, or the parameter when v is a load from a
// spilled parameter's cell (see spilledParam): each load is another value,
// and they are all the parameter.
func loadedParam(v ssa.Value) ssa.Value {
	if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
		if a, ok := load.X.(*ssa.Alloc); ok {
			if p := spilledParam(a); p != nil {
				return p
			}
		}
	}
	return v
}

// onlyLoaded reports whether the closure a MakeClosure makes, and the
// closures it makes in turn, only load from the cell v that it binds.
func onlyLoaded(mc *ssa.MakeClosure, v ssa.Value) bool {
	fn := mc.Fn.(*ssa.Function)
	for i, b := range mc.Bindings {
		if b != v {
			continue
		}
		for _, r := range *fn.FreeVars[i].Referrers() {
			if !reads(r, fn.FreeVars[i]) {
				return false
			}
		}
	}
	return true
}

// reads reports whether an instruction only reads the cell v points to: a
// load from it, or a closure that only loads from it.
func reads(r ssa.Instruction, v ssa.Value) bool {
	switch r := r.(type) {
	case *ssa.UnOp:
		return r.Op == token.MUL
	case *ssa.MakeClosure:
		return onlyLoaded(r, v)
	}
	return false
}

// indexKey names an index: a constant by its value, anything else by its
// register, so a[i] twice is one instance and a[i], a[j] are two.
func indexKey(v ssa.Value) string {
	if c, ok := v.(*ssa.Const); ok && c.Value != nil {
		return c.Value.ExactString()
	}
	return v.Name()
}

// isGlobal reports whether the instance is reached from a package variable.
func (i instance) isGlobal() bool { return strings.HasPrefix(i.root, "global:") }

// paramIndex returns the parameter index of an instance rooted at a
// parameter, or -1.
func (i instance) paramIndex() int {
	n, ok := strings.CutPrefix(i.root, "p")
	if !ok {
		return -1
	}
	idx, err := strconv.Atoi(n)
	if err != nil {
		return -1
	}
	return idx
}

// funcName is the display name of a function: "store.NewAlerts",
// "(*store.Alerts).gc", "mem.NewAlerts.func1" for a closure.
func funcName(fn *ssa.Function) string {
	if parent := fn.Parent(); parent != nil {
		name := fn.Name()
		return funcName(parent) + ".func" + name[strings.LastIndex(name, "$")+1:]
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok || obj.Pkg() == nil {
		return fn.String()
	}
	obj = obj.Origin()
	recv := obj.Signature().Recv()
	if recv == nil {
		return obj.Pkg().Name() + "." + obj.Name()
	}
	t := types.Unalias(recv.Type())
	star := ""
	if ptr, ok := t.(*types.Pointer); ok {
		t, star = types.Unalias(ptr.Elem()), "*"
	}
	if named, ok := t.(*types.Named); ok {
		return "(" + star + obj.Pkg().Name() + "." + named.Origin().Obj().Name() + ")." + obj.Name()
	}
	return obj.Pkg().Name() + "." + obj.Name()
}
