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

// Order takes B then A.
func Order() { // want Order:"acquires rootlib.A; acquires rootlib.B"
	B.Lock()
	LockA()
	B.Unlock()
}
