package lockers

// Lock and unlock helpers that take a *sync.Mutex parameter: the caller's
// argument names the lock.

import "sync"

func acquire(mu *sync.Mutex) { mu.Lock() }
func release(mu *sync.Mutex) { mu.Unlock() }

type Alpha struct {
	mu   sync.Mutex
	beta *Beta
}

type Beta struct {
	mu    sync.Mutex
	alpha *Alpha
}

func (a *Alpha) Run() { // want Run:`acquires lockers.Alpha.mu; acquires lockers.Beta.mu`
	acquire(&a.mu)
	defer release(&a.mu)
	a.beta.mu.Lock() // want `lock order cycle lockers.Alpha.mu -> lockers.Beta.mu -> lockers.Alpha.mu: \(\*lockers.Alpha\).Run acquires lockers.Beta.mu while holding lockers.Alpha.mu; \(\*lockers.Beta\).Run acquires lockers.Alpha.mu while holding lockers.Beta.mu`
	a.beta.mu.Unlock()
}

func (b *Beta) Run() { // want Run:`acquires lockers.Alpha.mu; acquires lockers.Beta.mu`
	b.mu.Lock()
	defer b.mu.Unlock()
	acquire(&b.alpha.mu)
	release(&b.alpha.mu)
}
