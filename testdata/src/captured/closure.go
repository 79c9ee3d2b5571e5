package captured

import "sync"

// A closure that calls or stores a func parameter of the function it is
// in loads it from the parameter's cell through a free variable: the call
// or the store is the function's, made with the locks it holds.

type Hub struct {
	mu   sync.Mutex
	once sync.Once
	cb   func()
}

// OnChange registers f once, from a closure.
func (h *Hub) OnChange(f func()) { // want OnChange:"stores param 1 in captured.Hub.cb"
	h.once.Do(func() { h.cb = f })
}

func (h *Hub) fire() { // want fire:"acquires captured.Hub.mu; calls captured.Hub.cb"
	h.mu.Lock()
	defer h.mu.Unlock()
	h.cb()
}

// Each calls f with h.mu held, from a closure it calls at once.
func (h *Hub) Each(f func()) { // want Each:"acquires captured.Hub.mu; calls param 1"
	h.mu.Lock()
	defer h.mu.Unlock()
	func() { f() }()
}

type Member struct {
	mu  sync.Mutex
	hub *Hub
}

func (m *Member) Start() {
	m.hub.OnChange(func() {
		m.mu.Lock() // want `lock order cycle captured.Hub.mu -> captured.Member.mu -> captured.Hub.mu`
		m.mu.Unlock()
	})
}

func (m *Member) Stop() { // want Stop:"acquires captured.Hub.mu; acquires captured.Member.mu; calls captured.Hub.cb"
	m.mu.Lock()
	defer m.mu.Unlock()
	m.hub.fire()
}

type Visitor struct {
	mu  sync.Mutex
	hub *Hub
}

func (v *Visitor) Poke() { // want Poke:"acquires captured.Hub.mu; acquires captured.Visitor.mu"
	v.hub.Each(func() {
		v.mu.Lock() // want `lock order cycle captured.Hub.mu -> captured.Visitor.mu -> captured.Hub.mu`
		v.mu.Unlock()
	})
}

func (v *Visitor) Stop() { // want Stop:"acquires captured.Hub.mu; acquires captured.Visitor.mu; calls captured.Hub.cb"
	v.mu.Lock()
	defer v.mu.Unlock()
	v.hub.fire()
}
