package analyzer

import (
	"go/constant"
	"go/token"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A fact is the value of a boolean branch condition on a path.
type fact struct {
	cond cond
	val  bool
}

// A cond names a branch condition that has one value for the whole call.
// A comparison of such operands is named by its operator and operands,
// not by its SSA value, so that the same comparison written twice (`c !=
// nil && c != t` before a lock and again before its unlock) is one
// condition; any other condition is named by its value (op is
// token.ILLEGAL, x.v the value).
type cond struct {
	op   token.Token
	x, y operand
}

// An operand of a cond: a value that has one value for the whole call, or
// a constant, named by its value (each use of a constant is another
// *ssa.Const; its type is the other operand's).
type operand struct {
	v ssa.Value
	c string
}

// A branchCond is what a block's `if` tests: the condition, its value
// when the `if` takes its first edge, and whether the walk remembers it
// (see usedAgain).
type branchCond struct {
	cond     cond
	val      bool
	remember bool
}

// branchConds returns the condition each block's `if` tests, indexed by
// block, computed once per walk: a condition is remembered when it has one
// value for the whole call and is used again (see usedAgain).
func (w *walker) branchConds() []branchCond {
	if w.conds != nil {
		return w.conds
	}
	w.conds = make([]branchCond, len(w.fn.Blocks))
	count := make(map[cond]int)
	for _, b := range w.fn.Blocks {
		if ifInstr, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok {
			if c, val, ok := w.condOf(ifInstr.Cond); ok {
				w.conds[b.Index] = branchCond{c, val, true}
				count[c]++
			}
		}
	}
	for _, b := range w.fn.Blocks {
		if bc := &w.conds[b.Index]; bc.remember {
			bc.remember = count[bc.cond] > 1 || usedAgain(b.Instrs[len(b.Instrs)-1].(*ssa.If))
		}
	}
	return w.conds
}

// condOf returns the condition v tests and its value when v is true: `!c`
// is c false, `a != b` is `a == b` false, `a > b` is `b < a`. It reports
// false when v may have another value later in the call.
func (w *walker) condOf(v ssa.Value) (cond, bool, bool) {
	val := true
	if not, ok := v.(*ssa.UnOp); ok && not.Op == token.NOT {
		v, val = not.X, false
	}
	v = condValue(v)
	if bin, ok := v.(*ssa.BinOp); ok {
		x, okX := w.operandOf(bin.X)
		y, okY := w.operandOf(bin.Y)
		if okX && okY {
			switch bin.Op {
			case token.NEQ:
				val = !val
				fallthrough
			case token.EQL:
				if x.c != "" {
					x, y = y, x // `nil == c` is `c == nil`
				}
				return cond{token.EQL, x, y}, val, true
			case token.LSS, token.LEQ:
				return cond{bin.Op, x, y}, val, true
			case token.GTR:
				return cond{token.LSS, y, x}, val, true
			case token.GEQ:
				return cond{token.LEQ, y, x}, val, true
			}
		}
	}
	return cond{op: token.ILLEGAL, x: operand{v: v}}, val, w.stable(v)
}

// operandOf returns a comparison's operand as a cond's, and whether it has
// one value for the whole call.
func (w *walker) operandOf(v ssa.Value) (operand, bool) {
	v = condValue(v)
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value == nil {
			return operand{c: "nil"}, true
		}
		return operand{c: v.Value.ExactString()}, true
	case *ssa.Global, *ssa.Function:
		return operand{v: v}, true
	}
	return operand{v: v}, w.stable(v)
}

// condValue returns what a condition or its operand reads, the same for
// every read in the call: the parameter for a load from its cell (see
// loadedParam), the free variable for a closure's load from a captured
// variable that holds one value for the closure's life (see
// fixedFreeVar), or v itself.
func condValue(v ssa.Value) ssa.Value {
	v = loadedParam(v)
	if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
		if fv, ok := load.X.(*ssa.FreeVar); ok && fixedFreeVar(fv) {
			return fv
		}
	}
	return v
}

// decided reports whether a condition has one value that the function's
// caller decides: it tests a parameter or a free variable that holds one
// value (see condValue), or compares such values and constants.
func (c cond) decided() bool {
	decides := func(o operand) bool {
		switch o.v.(type) {
		case nil:
			return o.c != ""
		case *ssa.Parameter, *ssa.FreeVar:
			return true
		}
		return false
	}
	return decides(c.x) && (c.op == token.ILLEGAL || decides(c.y))
}

// usedAgain reports whether the value a branch tests is used again past
// the branch: a parameter (or a load from its cell) or a captured variable
// (a summary's guards and callers' constants name them), or a value used
// by another instruction (another branch on it, a call it is passed to).
// (A condition written again is another value: branchConds counts those.)
// The condition of a single `if err != nil` is neither: remembering it
// would only make a test with a hundred of them carry a hundred facts.
func usedAgain(branch *ssa.If) bool {
	cond := branch.Cond
	if not, ok := cond.(*ssa.UnOp); ok && not.Op == token.NOT {
		cond = not.X
	}
	switch condValue(cond).(type) {
	case *ssa.Parameter, *ssa.FreeVar:
		return true
	}
	not, _ := branch.Cond.(ssa.Instruction)
	for _, v := range []ssa.Value{cond, branch.Cond} { // `if !c`: both
		if refs := v.Referrers(); refs != nil {
			for _, r := range *refs {
				if r != branch && r != not {
					return true
				}
			}
		}
	}
	return false
}

// common returns the elements of a that are in b too, in a's order, or
// nil: the facts known on both of two paths, the caller's locks released
// on both (acquire.Without).
func common[T comparable](a, b []T) []T {
	switch {
	case len(a) == 0:
		return nil
	case slices.Equal(a, b):
		return a
	}
	out := slices.DeleteFunc(slices.Clone(a), func(x T) bool { return !slices.Contains(b, x) })
	if len(out) == 0 {
		return nil
	}
	return out
}

// knows reports whether the facts known include every one of facts.
func knows(known, facts []fact) bool {
	for _, f := range facts {
		if !slices.Contains(known, f) {
			return false
		}
	}
	return true
}

// boolConst returns the value of a bool constant.
func boolConst(v ssa.Value) (bool, bool) {
	if c, ok := v.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.Bool {
		return constant.BoolVal(c.Value), true
	}
	return false, false
}
