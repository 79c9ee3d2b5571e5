package released

import "sync"

// A function that needs a package lock held when called releases it and
// takes it back, as testing's B.Run does with benchmarkLock: a caller that
// did not take the lock itself (its own caller did) holds it after the
// call, but has not leaked it, even when it calls on some paths only.

var benchMu sync.Mutex

// run must be called with benchMu held.
func run(f func()) {
	benchMu.Unlock()
	defer benchMu.Lock()
	f()
}

func BenchSome(n int) { // want BenchSome:"acquires released.benchMu; returns holding released.benchMu; releases released.benchMu"
	if n > 0 {
		run(func() {})
	}
}
