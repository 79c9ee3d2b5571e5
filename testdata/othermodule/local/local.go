package local // want package:"lock graph, 1 cycles"

// The package makes a cycle through an interface of its own module,
// which is reported.

import "sync"

// Hook is an interface of the analysed module.
type Hook interface{ Fire() }

type T struct {
	mu sync.Mutex
	h  Hook
}

type U struct {
	mu sync.Mutex
	t  *T
}

// New registers (*U).Fire as a callee of Hook.Fire.
func New(u *U) *T { return &T{h: u} }

func (t *T) Run() { // want Run:`acquires local.T.mu; calls local.Hook.Fire\(\)`
	t.mu.Lock()
	t.h.Fire()
	t.mu.Unlock()
}

func (u *U) Fire() { // want Fire:"acquires local.U.mu"
	u.mu.Lock() // want "lock order cycle local.T.mu -> local.U.mu -> local.T.mu"
	u.mu.Unlock()
}

func (u *U) Other() { // want Other:"acquires local.T.mu; acquires local.U.mu"
	u.mu.Lock()
	u.t.mu.Lock()
	u.t.mu.Unlock()
	u.mu.Unlock()
}

// Call calls through Hook: its fact says so.
func Call(h Hook) { h.Fire() } // want Call:`calls local.Hook.Fire\(\)`
