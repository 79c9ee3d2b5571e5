package analyzer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/lockorder/lockorder/lockgraph"
)

// An acquire is a lock a function may take, directly or through calls.
type acquire struct {
	Class lockgraph.Class
	Mode  lockgraph.Mode
	// Param is the index of the parameter the mutex is reached from (the
	// receiver is 0; a closure's free variables follow its parameters),
	// globalParam for a mutex reached from the package variable Root, or
	// -1; Path is the field path from it. A caller maps
	// them to its own values to tell one instance from another.
	Param int
	Root  string
	Path  string
	// Chain is the witness from the function's entry: the calls made,
	// then the Acquires step.
	Chain *lockgraph.Path
	// Without are the locks of the caller (reached from a parameter or a
	// package variable) that the function has released wherever it takes
	// this one, as a callee documented "lock held on entry" that unlocks
	// around a call does: the caller's hold of them makes no edge.
	Without []instRef
	// Guard, when set (one element), is a bool parameter's value on every
	// path that takes the lock, as in `if !hasLock { mu.Lock() }`: a caller
	// passing the other constant does not take it.
	Guard []paramFact
}

// A paramFact is the value of a bool parameter.
type paramFact struct {
	Param int
	Val   bool
}

// An instRef names a lock instance as a summary does: by parameter index
// and field path, or by package variable (Param globalParam, Root) and path.
type instRef struct {
	Param      int
	Root, Path string
}

// globalParam is the Param of a lock reached from a package variable.
const globalParam = -2

// A fieldCall is a call through a func-typed struct field, made directly
// or by a callee: its target is whatever was stored in the field.
type fieldCall struct {
	Field lockgraph.Class
	// Chain is the witness from the function's entry, ending with the call
	// through the field.
	Chain *lockgraph.Path
	// Without are the caller's locks released at the call, as for an
	// acquire.
	Without []instRef
}

// A paramStore records that a function stores its parameter Param into the
// func-typed field Field, as a setter like SetGCCallback(cb) does.
type paramStore struct {
	Param int
	Field lockgraph.Class
}

// summary is what callers need to know about a function.
type summary struct {
	// Acquires are the locks taken and the events waited for (Class.IsEvent).
	Acquires []acquire
	// Provides are the events provided: sends, receives, Done, Signal.
	Provides    []acquire
	FieldCalls  []fieldCall
	ParamStores []paramStore
	ParamCalls  []paramCall
	// Returns are the locks held at every return (a lock wrapper; a lock
	// taken in a loop only and released nowhere counts as held, see
	// walker.returned); Releases the locks released without being taken
	// (an unlock wrapper).
	Returns  []acquire
	Releases []acquire
}

func (s *summary) empty() bool { return s.emptyFor("") }

// emptyFor reports whether the summary is empty for a caller in a package of
// the module: every field call in it, if any, is through a slot that the
// caller does not follow (see followed).
func (s *summary) emptyFor(module string) bool {
	return len(s.Acquires) == 0 && len(s.Provides) == 0 && len(s.ParamStores) == 0 &&
		len(s.ParamCalls) == 0 && len(s.Returns) == 0 && len(s.Releases) == 0 &&
		!slices.ContainsFunc(s.FieldCalls, func(fc fieldCall) bool { return followed(fc.Field.ID, module) })
}

// funcFact carries the summary of an exported function or a method to the
// packages that call it.
type funcFact struct {
	Summary summary
}

// AFact implements analysis.Fact.
func (*funcFact) AFact() {}

// String lists the lock classes, callback fields and stores of the
// summary, as in "acquires store.Alerts.mtx; calls store.Alerts.cb".
func (f *funcFact) String() string {
	var parts []string
	name := func(a acquire) string {
		if a.Class.ID == "" {
			return fmt.Sprintf("param %d", a.Param)
		}
		if a.Mode == lockgraph.Read {
			return a.Class.Name + " (read)"
		}
		return a.Class.Name
	}
	for _, a := range f.Summary.Acquires {
		verb := "acquires "
		if a.Class.IsEvent() {
			verb = "waits for "
		}
		parts = append(parts, verb+name(a))
	}
	for _, a := range f.Summary.Provides {
		parts = append(parts, "provides "+name(a))
	}
	for _, a := range f.Summary.Returns {
		parts = append(parts, "returns holding "+name(a))
	}
	for _, a := range f.Summary.Releases {
		parts = append(parts, "releases "+name(a))
	}
	for _, c := range f.Summary.FieldCalls {
		parts = append(parts, "calls "+c.Field.Name)
	}
	for _, p := range f.Summary.ParamCalls {
		parts = append(parts, fmt.Sprintf("calls param %d", p.Param))
	}
	for _, p := range f.Summary.ParamStores {
		parts = append(parts, fmt.Sprintf("stores param %d in %s", p.Param, p.Field.Name))
	}
	return strings.Join(parts, "; ")
}

// A pendingCall is a call through a func-typed field made while a lock is
// held. It becomes an edge wherever a function stored in that field is
// known: in this package or in an importer.
type pendingCall struct {
	From   lockgraph.Class
	Field  lockgraph.Class
	Prefix *lockgraph.Path // Holds, calls, ending with the call through Field
}

// A fieldCallee is a function stored into a func-typed field, with what
// calling it does.
type fieldCallee struct {
	Field   lockgraph.Class
	FuncID  string // package-qualified, unique
	Summary summary
}

// graphFact is a package's part of the lock graph, including what it
// imported: the edges, the calls through fields still waiting for their
// callees, the callees stored into fields, and the cycles already reported.
// Every slice is sorted, so the fact encodes deterministically.
type graphFact struct {
	Edges    []lockgraph.Edge
	Pending  []pendingCall
	Callees  []fieldCallee
	Reported []string
	// Free are the events provided somewhere with no lock held: nobody
	// waiting for them waits for a lock.
	Free []string
	// Orders are the declared orders (//lockorder:order).
	Orders []orderPair
	// Module is the module path the graph was merged for: the calls
	// through interfaces of other modules are left out (see merger.keep).
	Module string
	// encoded is the encoding of a decoded fact not yet expanded (see
	// load); the other fields are then empty.
	encoded []byte
}

// AFact implements analysis.Fact.
func (*graphFact) AFact() {}

// String counts the cycles reported in the package and below it. (The
// edges, pending calls and callbacks include the standard library's, whose
// number changes with the Go version.)
func (f *graphFact) String() string {
	g := *f
	if err := g.load(); err != nil {
		return err.Error()
	}
	return fmt.Sprintf("lock graph, %d cycles", len(g.Reported))
}

func (f *graphFact) empty() bool {
	return len(f.Edges) == 0 && len(f.Pending) == 0 && len(f.Callees) == 0 && len(f.Orders) == 0
}

// sortSummary puts a summary in its canonical order.
func sortSummary(s *summary) {
	for _, refs := range [][]acquire{s.Acquires, s.Provides, s.Returns, s.Releases} {
		slices.SortFunc(refs, compareRefs)
	}
	slices.SortFunc(s.FieldCalls, func(a, b fieldCall) int { return cmp.Compare(a.Field.ID, b.Field.ID) })
	slices.SortFunc(s.ParamCalls, func(a, b paramCall) int { return cmp.Compare(a.Param, b.Param) })
	slices.SortFunc(s.ParamStores, func(a, b paramStore) int {
		return cmp.Or(cmp.Compare(a.Param, b.Param), cmp.Compare(a.Field.ID, b.Field.ID))
	})
}

func compareRefs(a, b acquire) int {
	return cmp.Or(cmp.Compare(a.Class.ID, b.Class.ID), cmp.Compare(a.Mode, b.Mode),
		cmp.Compare(a.Param, b.Param), cmp.Compare(a.Root, b.Root), cmp.Compare(a.Path, b.Path))
}
