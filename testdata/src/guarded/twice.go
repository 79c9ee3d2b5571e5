package guarded

// A condition written twice is one condition: two comparisons of the same
// operands, which never change during the call, have the same value
// (nats-server's `sub.client != nil && sub.client != c`). Silent.

func (t *T) maybe(c *T) { // want maybe:"acquires guarded.T.mu"
	if c != nil && c != t {
		c.mu.Lock()
	}
	c.n++
	if c != nil && c != t {
		c.mu.Unlock()
	}
}

// unless writes the comparison the other way round the second time.
func (t *T) unless(c *T) { // want unless:"acquires guarded.T.mu"
	if c == nil {
		t.mu.Lock()
	}
	t.n++
	if nil != c {
		return
	}
	t.mu.Unlock()
}
