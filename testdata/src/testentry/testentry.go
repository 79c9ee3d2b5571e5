package testentry // want package:"lock graph, 0 cycles"

// The tests of testentry_test.go are run by go test, never called: their
// walks record what they do under the locks they take, and no summary.

import "sync"

// Mu and Other are taken in opposite orders by OtherThenMu and by a test.
var Mu, Other sync.Mutex

func LockMu() { // want LockMu:"acquires testentry.Mu"
	Mu.Lock()
	Mu.Unlock()
}

func LockOther() { // want LockOther:"acquires testentry.Other"
	Other.Lock()
	Other.Unlock()
}

func OtherThenMu() { // want OtherThenMu:"acquires testentry.Mu; acquires testentry.Other"
	Other.Lock()
	Mu.Lock()
	Mu.Unlock()
	Other.Unlock()
}

// Registry calls its callback with its own lock held.
type Registry struct {
	mu       sync.Mutex
	Callback func()
}

func (r *Registry) Fire() { // want Fire:"acquires testentry.Registry.mu; calls testentry.Registry.Callback"
	r.mu.Lock()
	defer r.mu.Unlock()
	r.Callback()
}
