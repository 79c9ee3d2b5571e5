package variantalias

import "testing"

func TestMuThenOther(t *testing.T) {
	c := &Conn{}
	c.lock = &c.mu
	c.mu.Lock()
	c.other.Lock() // want `lock order cycle variantalias.Conn.mu -> variantalias.Conn.other -> variantalias.Conn.mu: variantalias.TestMuThenOther acquires variantalias.Conn.other while holding variantalias.Conn.mu; \(\*variantalias.Conn\).OtherThenLock acquires variantalias.Conn.mu while holding variantalias.Conn.other`
	c.other.Unlock()
	c.mu.Unlock()
}
