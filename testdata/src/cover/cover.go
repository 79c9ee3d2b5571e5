package cover // want package:`lock graph, 3 cycles`

// Three locks taken in every order: three cycles of two locks, and two of
// three (a -> b -> c -> a, a -> c -> b -> a) whose every edge is already in
// one of the first three. Those two are not reported: their edges are
// shown, and fixing the reported cycles changes them.

import "sync"

var a, b, c sync.Mutex

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
	c.Lock() // want `lock order cycle cover.a -> cover.c -> cover.a: cover.AC acquires cover.c while holding cover.a; cover.CA acquires cover.a while holding cover.c`
	c.Unlock()
	a.Unlock()
}

func CA() { // want CA:`acquires cover.a; acquires cover.c`
	c.Lock()
	a.Lock()
	a.Unlock()
	c.Unlock()
}
