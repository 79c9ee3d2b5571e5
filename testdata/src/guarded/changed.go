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
