package relevantcalls // want package:"lock graph, 2 cycles"

// paramlib.Map's summary only calls its parameter 0, and a local variable
// declared with a function literal runs that literal: such calls matter by
// what they are passed or run alone. Those below that take no lock are
// not built (see TestRelevantCalls); the others still close a cycle
// through the function or literal they call.

import (
	"strings"
	"sync"

	"paramlib"
)

var outer, inner sync.Mutex

// Quiet passes a literal that takes no lock.
func Quiet(s string) string {
	return paramlib.Map(func(r rune) rune { return r + 1 }, s)
}

// Plain passes a function that takes no lock.
func Plain(s string) string { return paramlib.Map(plainRune, s) }

func plainRune(r rune) rune { return r }

// Local runs a local literal that takes no lock.
func Local() int {
	f := func() int { return 1 }
	return f()
}

// Declared runs one declared with var.
func Declared() int {
	var f = func() int { return 2 }
	return f()
}

// Reassigned runs a local variable that is given another function.
func Reassigned(b bool) int {
	f := func() int { return 1 }
	if b {
		f = two
	}
	return f()
}

func two() int { return 2 }

var hook = func() {}

// Hook runs a package variable, which any function may set.
func Hook() { hook() }

type bus struct{ handlers []func(rune) rune }

// Element passes a function loaded from a slice.
func (b *bus) Element(s string) string { // want Element:"calls relevantcalls.bus.handlers\\[\\]"
	return paramlib.Map(b.handlers[0], s)
}

// Locking passes a literal that takes inner, holding outer.
func Locking(s string) string { // want Locking:"acquires relevantcalls.inner; acquires relevantcalls.outer"
	outer.Lock()
	defer outer.Unlock()
	return paramlib.Map(func(r rune) rune {
		inner.Lock()
		defer inner.Unlock()
		return r
	}, s)
}

// Named passes a function that takes outer, holding inner.
func Named(s string) string { // want Named:"acquires relevantcalls.inner; acquires relevantcalls.outer"
	inner.Lock()
	defer inner.Unlock()
	return paramlib.Map(lockedRune, s)
}

func lockedRune(r rune) rune {
	outer.Lock() // want `lock order cycle relevantcalls.inner -> relevantcalls.outer -> relevantcalls.inner: relevantcalls.Named acquires relevantcalls.outer while holding relevantcalls.inner; relevantcalls.Locking acquires relevantcalls.inner while holding relevantcalls.outer`
	defer outer.Unlock()
	return r
}

// Builder calls a method on a receiver, and Replacer passes a variadic
// parameter: TestRelevantCalls gives both callees a summary that only calls
// that parameter, and then such a call matters.
func Builder(b *strings.Builder) { b.WriteString("x") }

func Replacer() *strings.Replacer { return strings.NewReplacer("a", "b") }

var first, second sync.Mutex

// Run runs a local literal that takes second, holding first.
func Run() { // want Run:"acquires relevantcalls.first; acquires relevantcalls.second"
	first.Lock()
	defer first.Unlock()
	f := func() {
		second.Lock() // want `lock order cycle relevantcalls.first -> relevantcalls.second -> relevantcalls.first: relevantcalls.Run acquires relevantcalls.second while holding relevantcalls.first; relevantcalls.Back acquires relevantcalls.first while holding relevantcalls.second`
		second.Unlock()
	}
	f()
}

// Back takes first, holding second.
func Back() { // want Back:"acquires relevantcalls.first; acquires relevantcalls.second"
	second.Lock()
	defer second.Unlock()
	first.Lock()
	first.Unlock()
}

// PassParam, PassField and Given run func values typed by a type
// parameter: such a value, used, matters as a func-typed one does.
func PassParam[F ~func()](f F) { paramlib.Apply(f) } // want PassParam:"calls param 0"

type holder[F ~func()] struct{ f F }

func (h *holder[F]) PassField() { paramlib.Apply(h.f) } // want PassField:"calls relevantcalls.holder.f"

func Given[F ~func()](g F) { // want Given:"calls param 0"
	var f F = func() {}
	f = g
	f()
}
