package lockers

// A child that shares its parent's mutex through a pointer field: c.mu and
// p.mu are one lock, so locking the child under the parent is a double lock
// and an AB-BA against another type is one cycle.

import "sync"

type Parent struct {
	mu    sync.Mutex
	child *Child
	audit *Audit
}

type Child struct {
	mu *sync.Mutex
}

type Audit struct {
	mu     sync.Mutex
	parent *Parent
}

func NewParent() *Parent {
	p := &Parent{child: &Child{}}
	p.child.mu = &p.mu
	return p
}

func (c *Child) Touch(a *Audit) { // want Touch:`acquires lockers.Audit.mu; acquires lockers.Parent.mu`
	c.mu.Lock()
	defer c.mu.Unlock()
	a.mu.Lock()
	a.mu.Unlock()
}

func (a *Audit) Check() { // want Check:`acquires lockers.Audit.mu; acquires lockers.Parent.mu`
	a.mu.Lock()
	defer a.mu.Unlock()
	a.parent.mu.Lock() // want `lock order cycle lockers.Audit.mu -> lockers.Parent.mu -> lockers.Audit.mu: \(\*lockers.Audit\).Check acquires lockers.Parent.mu while holding lockers.Audit.mu; \(\*lockers.Child\).Touch acquires lockers.Audit.mu while holding lockers.Parent.mu`
	a.parent.mu.Unlock()
}
