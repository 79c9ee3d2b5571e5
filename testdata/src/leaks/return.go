package leaks

// An early return leaves the lock held.

import (
	"errors"
	"sync"
)

type Conn struct {
	mu  sync.Mutex
	buf []byte
}

func (c *Conn) Read(n int) ([]byte, error) { // want Read:`acquires leaks.Conn.mu`
	c.mu.Lock()
	if n > len(c.buf) {
		return nil, errors.New("short buffer") // want `leaked lock: leaks.Conn.mu is still held here on some paths and released on others`
	}
	out := c.buf[:n]
	c.mu.Unlock()
	return out, nil
}
