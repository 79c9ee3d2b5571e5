package guarded

// Locks taken and released under the same condition (nats-server's
// pubAllowedFullCheck(…, hasLock bool), removeSession(…, lock bool)): a
// caller that holds the lock passes true, so the callee does not take it
// again, and within the callee the lock and the unlock are guarded by the
// same value, so nothing leaks. Silent.

import "sync"

type T struct {
	mu sync.Mutex
	n  int
}

func (t *T) get(hasLock bool) int { // want get:"acquires guarded.T.mu"
	if !hasLock {
		t.mu.Lock()
		defer t.mu.Unlock()
	}
	return t.n
}

// locked is a wrapper that passes the constant.
func (t *T) locked() int { return t.get(true) }

func (t *T) Sum() int { // want Sum:"acquires guarded.T.mu"
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.get(true) + t.locked()
}

func (t *T) Read() int { return t.get(false) } // want Read:"acquires guarded.T.mu"

// remove takes and releases the lock in two separate branches on lock.
func (t *T) remove(lock bool) { // want remove:"acquires guarded.T.mu"
	if lock {
		t.mu.Lock()
	}
	t.n--
	if lock {
		t.mu.Unlock()
	}
}

func (t *T) Clear() { // want Clear:"acquires guarded.T.mu"
	t.mu.Lock()
	defer t.mu.Unlock()
	t.remove(false)
}

// reset computes its condition once, outside any loop.
func (t *T) reset(other *T) { // want reset:"acquires guarded.T.mu"
	needLock := other != t
	if needLock {
		other.mu.Lock()
	}
	other.n = 0
	if needLock {
		other.mu.Unlock()
	}
}
