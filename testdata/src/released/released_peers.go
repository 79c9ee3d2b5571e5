package released

import "sync"

// A callee "called with c.mu held" that may take a peer's lock of the same
// class, under a condition on memory it tests twice, and then calls a
// function that releases c.mu and takes it back: that lock is taken back
// without the caller's, so Update, holding c.mu, makes no double lock.

type Conn struct {
	mu    sync.Mutex
	peers []*Conn
	owner *Conn
	n     int
}

// flush must be called with c.mu held.
func (c *Conn) flush(yield bool) { // want flush:"acquires released.Conn.mu; returns holding released.Conn.mu; releases released.Conn.mu"
	if yield {
		c.mu.Unlock()
		c.mu.Lock()
	}
}

// send must be called with c.mu held.
func (c *Conn) send() { // want send:"acquires released.Conn.mu"
	for _, p := range c.peers {
		if p.owner != nil && p.owner != c {
			p.owner.mu.Lock()
		}
		c.n++
		if p.owner != nil && p.owner != c {
			p.owner.mu.Unlock()
		}
	}
	c.flush(true)
}

func (c *Conn) Update() { // want Update:"acquires released.Conn.mu"
	c.mu.Lock()
	defer c.mu.Unlock()
	c.send()
}
