// Package closurecalls has calls that a closure makes of a func value it
// captures, which the whole-program mode resolves with its call graph (see
// TestWholeProgramClosureCalls): a local the function reassigns and a func
// behind a pointer parameter, which the per-package mode does not resolve,
// and a callback wrapped in a closure and stored, which it does.
package closurecalls

import "sync"

type A struct{ mu sync.Mutex }
type B struct{ mu sync.Mutex }
type C struct{ mu sync.Mutex }

var (
	a A
	b B
	c C
)

func lockB() {
	b.mu.Lock()
	b.mu.Unlock()
}

func lockC() {
	c.mu.Lock()
	c.mu.Unlock()
}

func lockAll() {
	b.mu.Lock()
	c.mu.Lock()
	a.mu.Lock()
	a.mu.Unlock()
	c.mu.Unlock()
	b.mu.Unlock()
}

// Reassigned calls g, a local it may reassign, from a closure.
func Reassigned(again bool) {
	g := lockB
	if again {
		g = lockB
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	func() { g() }()
}

func run(p *func()) { (*p)() }

// Pointer calls lockC through a pointer parameter.
func Pointer() {
	g := lockC
	a.mu.Lock()
	defer a.mu.Unlock()
	run(&g)
}

type Hub struct {
	mu sync.Mutex
	cb func()
}

// OnChange wraps f in a closure and stores the closure.
func (h *Hub) OnChange(f func()) { h.cb = func() { f() } }

func (h *Hub) fire() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.cb()
}

type Member struct {
	mu  sync.Mutex
	hub *Hub
}

func (m *Member) Start() {
	m.hub.OnChange(func() {
		m.mu.Lock()
		m.mu.Unlock()
	})
}

func (m *Member) Stop() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.hub.fire()
}
