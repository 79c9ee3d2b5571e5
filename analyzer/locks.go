package analyzer

import (
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/lockorder/lockorder/lockgraph"
)

// lockOpKind is what a call does to a mutex.
type lockOpKind uint8

const (
	notLockOp lockOpKind = iota
	opLock
	opRLock
	opUnlock
	opRUnlock
)

// lockOp reports what a call does to a sync.Mutex or sync.RWMutex and
// returns the mutex pointer it operates on.
func lockOp(common *ssa.CallCommon) (lockOpKind, ssa.Value) {
	callee := common.StaticCallee()
	if callee == nil || len(common.Args) == 0 {
		return notLockOp, nil
	}
	recv := callee.Signature.Recv()
	if recv == nil || !isSyncMutex(recv.Type()) {
		return notLockOp, nil
	}
	var kind lockOpKind
	switch callee.Name() {
	case "Lock":
		kind = opLock
	case "RLock":
		kind = opRLock
	case "Unlock":
		kind = opUnlock
	case "RUnlock":
		kind = opRUnlock
	default:
		return notLockOp, nil
	}
	return kind, common.Args[0]
}

// isSyncMutex reports whether t is *sync.Mutex or *sync.RWMutex.
func isSyncMutex(t types.Type) bool {
	ptr, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok {
		return false
	}
	obj := named.Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == "sync" &&
		(obj.Name() == "Mutex" || obj.Name() == "RWMutex")
}

// classOf names the lock class of a mutex pointer: the field of a named
// type it lives in, or the package-level variable. It reports false for a
// mutex whose home it cannot name (a local variable, a parameter).
func classOf(v ssa.Value) (lockgraph.Class, bool) {
	switch v := v.(type) {
	case *ssa.FieldAddr:
		return fieldClass(v)
	case *ssa.UnOp:
		// A mutex reached through a pointer field: the class is the field.
		if fa, ok := v.X.(*ssa.FieldAddr); ok {
			return fieldClass(fa)
		}
	case *ssa.Global:
		pkg := v.Pkg.Pkg
		return lockgraph.Class{ID: pkg.Path() + "." + v.Name(), Name: pkg.Name() + "." + v.Name()}, true
	}
	return lockgraph.Class{}, false
}

// fieldClass names the struct field a FieldAddr selects: the named type
// that holds it, then the field path ("store.Alerts.mtx"). A field of an
// unnamed struct is named after the field or variable that holds the struct.
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
		return lockgraph.Class{
			ID:   obj.Pkg().Path() + "." + obj.Name() + "." + field,
			Name: obj.Pkg().Name() + "." + obj.Name() + "." + field,
		}, true
	}
	owner, ok := classOf(fa.X)
	if !ok {
		return lockgraph.Class{}, false
	}
	return lockgraph.Class{ID: owner.ID + "." + field, Name: owner.Name + "." + field}, true
}

// calledField returns the class of the func-typed struct field a dynamic
// call goes through (a.cb(…)), if it does.
func calledField(v ssa.Value) (lockgraph.Class, bool) {
	load, ok := v.(*ssa.UnOp)
	if !ok {
		return lockgraph.Class{}, false
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok {
		return lockgraph.Class{}, false
	}
	return fieldClass(fa)
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

func (i instance) String() string { return i.root + i.path }

// instanceOf returns the instance of a mutex pointer.
func instanceOf(v ssa.Value) instance {
	switch v := v.(type) {
	case *ssa.FieldAddr:
		in := instanceOf(v.X)
		in.path += "." + strconv.Itoa(v.Field)
		return in
	case *ssa.UnOp:
		if v.Op.String() == "*" {
			in := instanceOf(v.X)
			in.path += "*"
			return in
		}
	case *ssa.Parameter:
		for i, p := range v.Parent().Params {
			if p == v {
				return instance{root: "p" + strconv.Itoa(i)}
			}
		}
	case *ssa.FreeVar:
		return instance{root: "free:" + v.Name()}
	case *ssa.Global:
		return instance{root: "global:" + v.Pkg.Pkg.Path() + "." + v.Name()}
	}
	return instance{root: "reg:" + v.Name()}
}

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
