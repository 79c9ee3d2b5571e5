package guarded

// A condition whose operand changes between the lock and the unlock is
// not the same condition, and a lock taken back under the condition the
// function took it under is its own, not the caller's: these leak and are
// reported.

type node struct {
	mu   T
	next *node
}

// moved reassigns the operand: when c is nil the lock is taken and c
// becomes t, so the second test skips the unlock.
func (t *T) moved(c *T) { // want moved:"acquires guarded.T.mu"
	if c != t {
		t.mu.Lock()
	}
	if c == nil {
		c = t
	}
	if c != t {
		t.mu.Unlock()
	}
} // want `leaked lock: guarded.T.mu is still held here on some paths and released on others`

// walk tests a loop variable: n is nil after the loop.
func (t *T) walk(n *node) { // want walk:"acquires guarded.T.mu"
	if n != nil {
		t.mu.Lock()
	}
	for n != nil {
		n = n.next
	}
	if n != nil {
		t.mu.Unlock()
	}
} // want `leaked lock: guarded.T.mu is still held here on some paths and released on others`

// relock takes the lock under x, releases it, and takes it again under x:
// where x is true, it returns holding a lock its caller did not hold.
func (t *T) relock(x bool) { // want relock:"acquires guarded.T.mu"
	if x {
		t.mu.Lock()
	}
	t.n++
	t.mu.Unlock()
	if x {
		t.mu.Lock()
	}
} // want `leaked lock: guarded.T.mu is still held here on some paths and released on others`

// A helper that takes a lock under a condition its caller does not decide,
// or that also releases it, is not one that locks for its caller when
// asked: these leak and are reported.

// lockBusy decides by a local, which it tests again.
func (t *T) lockBusy() { // want lockBusy:"acquires guarded.T.mu"
	busy := t.n > 0
	if busy {
		t.mu.Lock()
	}
	if busy {
		t.n--
	}
} // want `leaked lock: guarded.T.mu is still held here on some paths and released on others`

// lockUnlessDone releases the lock on some of the paths that took it.
func (t *T) lockUnlessDone(lock, done bool) { // want lockUnlessDone:"acquires guarded.T.mu"
	if lock {
		t.mu.Lock()
		if done {
			t.mu.Unlock()
		}
	}
} // want `leaked lock: guarded.T.mu is still held here on some paths and released on others`

// lockIfBusy takes the lock when asked, but only when busy: where it is
// not busy, it returns without the lock its caller asked for.
func (t *T) lockIfBusy(lock bool) { // want lockIfBusy:"acquires guarded.T.mu"
	if t.n > 0 {
		if lock {
			t.mu.Lock()
		}
		return // want `leaked lock: guarded.T.mu is still held here on some paths and released on others`
	}
	t.n++
}

// flip's closure captures a variable assigned again after it is made: the
// closure may read either value.
func (t *T) flip(q []int) func() {
	queued := len(q) > 0
	lock := func() {
		if queued {
			t.mu.Lock()
		}
	} // want `leaked lock: guarded.T.mu is still held here on some paths and released on others`
	queued = !queued
	return lock
}
