package guarded

// A lock taken under two conditions and released under the same two
// (nats-server's Sublist.match: `if doLock { if cacheEnabled { s.Lock() }
// }` … `if doLock { if cacheEnabled { s.Unlock() } }`, with cacheEnabled a
// local set once): on every path either both happen or neither. Silent.

type cache struct {
	T
	m map[string]int
}

func (c *cache) match(key string, doLock bool) int { // want match:"acquires guarded.T.mu"
	enabled := c.m != nil
	if doLock {
		if enabled {
			c.mu.Lock()
		}
	}
	n := c.n
	if enabled {
		c.m[key] = n
	}
	if doLock {
		if enabled {
			c.mu.Unlock()
		}
	}
	return n
}
