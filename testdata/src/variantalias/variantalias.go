package variantalias // want package:"lock graph, [01] cycles"

// The test file makes lock a pointer to mu: the test variant cannot reuse
// what the package found, which did not know it (see analyzer/variant.go).
// So the package's fact and OtherThenLock's name lock, the test variant's
// name mu, and only the test variant has a cycle.

import "sync"

type Conn struct {
	mu, other sync.Mutex
	lock      *sync.Mutex
}

func (c *Conn) OtherThenLock() { // want OtherThenLock:"acquires variantalias.Conn.(lock|mu); acquires variantalias.Conn.other"
	c.other.Lock()
	c.lock.Lock()
	c.lock.Unlock()
	c.other.Unlock()
}
