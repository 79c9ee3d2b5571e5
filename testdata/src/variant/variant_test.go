package variant

import "testing"

func TestGetHoldingTheLock(t *testing.T) {
	c := NewCache(&Store{})
	c.mu.Lock()
	defer c.mu.Unlock()
	c.Get() // want `double lock of variant.Cache.mu: variant.TestGetHoldingTheLock calls \(\*variant.Cache\).Get, which acquires it again`
}

// EvictUnderStore is a test helper: it keeps its summary.
func EvictUnderStore(c *Cache) { // want EvictUnderStore:"acquires variant.Cache.mu; acquires variant.Store.mu; calls variant.Cache.onEvict"
	c.store.mu.Lock()
	defer c.store.mu.Unlock()
	c.Evict()
}

func TestLeaky(t *testing.T) {
	c := NewCache(&Store{})
	c.leaky(true)
	EvictUnderStore(c)
}
