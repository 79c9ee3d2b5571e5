package other // want package:"lock graph, 0 cycles"

// The package is local with dep.Hook, another module's interface, in
// place of its own: the call through it is not followed, and there is no
// cycle to report.

import (
	"sync"

	"example.com/dep"
)

type T struct {
	mu sync.Mutex
	h  dep.Hook
}

type U struct {
	mu sync.Mutex
	t  *T
}

// New converts *U to dep.Hook, which registers nothing here.
func New(u *U) *T { return &T{h: u} }

func (t *T) Run() { // want Run:"acquires other.T.mu"
	t.mu.Lock()
	t.h.Fire()
	t.mu.Unlock()
}

func (u *U) Fire() { // want Fire:"acquires other.U.mu"
	u.mu.Lock()
	u.mu.Unlock()
}

func (u *U) Other() { // want Other:"acquires other.T.mu; acquires other.U.mu"
	u.mu.Lock()
	u.t.mu.Lock()
	u.t.mu.Unlock()
	u.mu.Unlock()
}

// Call and Relay call through dep.Hook only, directly or through dep.Call,
// whose fact says it does: they get no fact.
func Call(h dep.Hook) { h.Fire() }

func Relay(h dep.Hook) { dep.Call(h) }
