package rwlocks

// Releasing the read lock before taking the write lock is fine.

import "sync"

type Counter struct {
	mu sync.RWMutex
	n  map[string]int
}

func (c *Counter) Incr(k string) { // want Incr:`acquires rwlocks.Counter.mu; acquires rwlocks.Counter.mu \(read\)`
	c.mu.RLock()
	_, ok := c.n[k]
	c.mu.RUnlock()
	if !ok {
		c.mu.Lock()
		c.n[k] = 0
		c.mu.Unlock()
	}
}
