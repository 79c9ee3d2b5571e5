package variantmethod

import "testing"

func (c *Conn) closeTwice() { // want closeTwice:"acquires variantmethod.Conn.mu"
	c.mu.Lock()
	c.Close() // want `double lock of variantmethod.Conn.mu: \(\*variantmethod.Conn\).closeTwice calls \(\*variantmethod.Conn\).Close, which acquires it again`
	c.mu.Unlock()
}

func TestClose(t *testing.T) {
	(&Conn{}).closeTwice()
}
