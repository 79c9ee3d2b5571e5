package rootlib // want package:"lock graph, 0 cycles"

// Functions of every summary a caller that holds no lock can meet, for the
// freeroots fixture.

import "sync"

// A and B are taken in both orders by freeroots' roots and Order; C by
// freeroots only.
var A, B, C sync.Mutex

// LockA takes A and releases it.
func LockA() { A.Lock(); A.Unlock() } // want LockA:"acquires rootlib.A"

// LockB takes B and releases it.
func LockB() { B.Lock(); B.Unlock() } // want LockB:"acquires rootlib.B"

// LockC takes C and releases it.
func LockC() { C.Lock(); C.Unlock() } // want LockC:"acquires rootlib.C"

// Locked yields with A held.
func Locked(yield func(int) bool) { // want Locked:"acquires rootlib.A; calls param 0"
	A.Lock()
	defer A.Unlock()
	yield(1)
}

// AcquireA returns holding A.
func AcquireA() { A.Lock() } // want AcquireA:"acquires rootlib.A; returns holding rootlib.A"

// ReleaseA releases A, which its caller holds.
func ReleaseA() { A.Unlock() } // want ReleaseA:"releases rootlib.A"

// Callback returns a callback that takes A.
func Callback() func() { return LockA }

// Each calls f with no lock held.
func Each(f func()) { f() } // want Each:"calls param 0"

// Hooks stores a callback and calls it, and calls a function, with its
// lock held.
type Hooks struct {
	mu sync.Mutex
	cb func()
}

// Set stores f.
func (h *Hooks) Set(f func()) { h.cb = f } // want Set:"stores param 1 in rootlib.Hooks.cb"

// Fire calls the stored callback with h.mu held.
func (h *Hooks) Fire() { // want Fire:"acquires rootlib.Hooks.mu; calls rootlib.Hooks.cb"
	h.mu.Lock()
	defer h.mu.Unlock()
	h.cb()
}

// Under calls f with h.mu held.
func (h *Hooks) Under(f func()) { // want Under:"acquires rootlib.Hooks.mu; calls param 1"
	h.mu.Lock()
	defer h.mu.Unlock()
	f()
}

// Keeper stores a callback and never calls it.
type Keeper struct{ cb func() }

// Keep stores f.
func (k *Keeper) Keep(f func()) { k.cb = f } // want Keep:"stores param 1 in rootlib.Keeper.cb"

// Run calls the stored callback with no lock held; a caller may hold one.
func (k *Keeper) Run() { k.cb() } // want Run:"calls rootlib.Keeper.cb"

// Pump calls its callback with its lock held, in a goroutine only: its
// lock graph, not a summary, has the call.
type Pump struct {
	mu sync.Mutex
	cb func()
}

// Start stores f and calls it with p.mu held in a goroutine.
func (p *Pump) Start(f func()) { // want Start:"stores param 1 in rootlib.Pump.cb"
	p.cb = f
	go func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.cb()
	}()
}

// Stop takes p.mu.
func (p *Pump) Stop() { p.mu.Lock(); p.mu.Unlock() } // want Stop:"acquires rootlib.Pump.mu"

// Relay calls its hook with its lock held, and the hook it makes calls
// out: only the hook's summary, in the lock graph, calls out.
type Relay struct {
	mu   sync.Mutex
	hook func()
	out  func()
}

// NewRelay returns a relay whose hook calls out.
func NewRelay() *Relay {
	r := &Relay{}
	r.hook = func() { r.out() }
	return r
}

// Fire calls the hook with r.mu held.
func (r *Relay) Fire() { // want Fire:"acquires rootlib.Relay.mu; calls rootlib.Relay.hook"
	r.mu.Lock()
	defer r.mu.Unlock()
	r.hook()
}

// SetOut stores f.
func (r *Relay) SetOut(f func()) { r.out = f } // want SetOut:"stores param 1 in rootlib.Relay.out"

// Board stores a callback in an exported field, which its importers may
// call.
type Board struct{ OnChange func() }

// Watch stores f.
func (b *Board) Watch(f func()) { b.OnChange = f } // want Watch:"stores param 1 in rootlib.Board.OnChange"

// Sink stores a callback that nothing calls: a callback stored there runs
// nowhere.
type Sink struct{ cb func() }

// Put stores f.
func (s *Sink) Put(f func()) { s.cb = f } // want Put:"stores param 1 in rootlib.Sink.cb"

// Order takes B then A.
func Order() { // want Order:"acquires rootlib.A; acquires rootlib.B"
	B.Lock()
	LockA()
	B.Unlock()
}
