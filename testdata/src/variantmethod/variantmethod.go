package variantmethod // want package:"lock graph, 0 cycles"

// The test file declares a method on Conn, which embeds nothing and is
// embedded nowhere: it hides no promoted method, and the test variant
// reuses what the package found.

import "sync"

var outer, inner sync.Mutex

func Nested() { // want Nested:"acquires variantmethod.inner; acquires variantmethod.outer"
	outer.Lock()
	inner.Lock()
	inner.Unlock()
	outer.Unlock()
}

type Conn struct {
	mu sync.Mutex
}

func (c *Conn) Close() { // want Close:"acquires variantmethod.Conn.mu"
	c.mu.Lock()
	c.mu.Unlock()
}
