package consistent // want package:"lock graph, 0 cycles"

// One order, outer before inner, everywhere: no cycle.

import "sync"

type Outer struct {
	mu    sync.Mutex
	inner *Inner
}

type Inner struct {
	mu sync.Mutex
	n  int
}

func (o *Outer) A() { // want A:"acquires consistent.Inner.mu; acquires consistent.Outer.mu"
	o.mu.Lock()
	defer o.mu.Unlock()
	o.inner.bump()
}

func (o *Outer) B() { // want B:"acquires consistent.Inner.mu; acquires consistent.Outer.mu"
	o.mu.Lock()
	o.inner.mu.Lock()
	o.inner.n = 0
	o.inner.mu.Unlock()
	o.mu.Unlock()
}

func (i *Inner) bump() { // want bump:"acquires consistent.Inner.mu"
	i.mu.Lock()
	i.n++
	i.mu.Unlock()
}
