package trylock

// A lock taken with TryLock is held on the success branch: taking another
// lock there creates an order.

import "sync"

type Left struct {
	mu    sync.Mutex
	right *Right
}

type Right struct {
	mu   sync.Mutex
	left *Left
}

func (l *Left) Poll() { // want Poll:`^acquires trylock.Right.mu$`
	if !l.mu.TryLock() {
		return
	}
	defer l.mu.Unlock()
	l.right.mu.Lock() // want `lock order cycle trylock.Left.mu -> trylock.Right.mu -> trylock.Left.mu`
	l.right.mu.Unlock()
}

func (r *Right) Push() { // want Push:`acquires trylock.Left.mu; acquires trylock.Right.mu`
	r.mu.Lock()
	defer r.mu.Unlock()
	r.left.mu.Lock()
	r.left.mu.Unlock()
}
