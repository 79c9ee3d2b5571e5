package cover // want package:`lock graph, 4 cycles`

// Three locks taken in every order: three cycles of two locks, each
// reported, and two of three (a -> b -> c -> a, a -> c -> b -> a) that take
// no lock the first three do not: they are not reported (fixing the first
// three changes them). A fourth lock taken between c and a makes a cycle
// of three that takes a new lock: reported.

import "sync"

var a, b, c, d sync.Mutex

func AB() { // want AB:`acquires cover.a; acquires cover.b`
	a.Lock()
	b.Lock() // want `lock order cycle cover.a -> cover.b -> cover.a: cover.AB acquires cover.b while holding cover.a; cover.BA acquires cover.a while holding cover.b`
	b.Unlock()
	a.Unlock()
}

func BA() { // want BA:`acquires cover.a; acquires cover.b`
	b.Lock()
	a.Lock()
	a.Unlock()
	b.Unlock()
}

func BC() { // want BC:`acquires cover.b; acquires cover.c`
	b.Lock()
	c.Lock() // want `lock order cycle cover.b -> cover.c -> cover.b: cover.BC acquires cover.c while holding cover.b; cover.CB acquires cover.b while holding cover.c`
	c.Unlock()
	b.Unlock()
}

func CB() { // want CB:`acquires cover.b; acquires cover.c`
	c.Lock()
	b.Lock()
	b.Unlock()
	c.Unlock()
}

func AC() { // want AC:`acquires cover.a; acquires cover.c`
	a.Lock()
	c.Lock() // want `lock order cycle cover.a -> cover.c -> cover.a: cover.AC acquires cover.c while holding cover.a; cover.CA acquires cover.a while holding cover.c` `lock order cycle cover.a -> cover.c -> cover.d -> cover.a: cover.AC acquires cover.c while holding cover.a; cover.CD acquires cover.d while holding cover.c; cover.DA acquires cover.a while holding cover.d`
	c.Unlock()
	a.Unlock()
}

func CA() { // want CA:`acquires cover.a; acquires cover.c`
	c.Lock()
	a.Lock()
	a.Unlock()
	c.Unlock()
}

func CD() { // want CD:`acquires cover.c; acquires cover.d`
	c.Lock()
	d.Lock()
	d.Unlock()
	c.Unlock()
}

func DA() { // want DA:`acquires cover.a; acquires cover.d`
	d.Lock()
	a.Lock()
	a.Unlock()
	d.Unlock()
}
