package rwlocks // want package:`lock graph, 1 cycles`

// A cycle between a read lock and a write lock keeps the modes in its
// report.

import "sync"

type Config struct {
	mu    sync.RWMutex
	cache *Cache
}

type Cache struct {
	mu     sync.Mutex
	config *Config
}

func (c *Config) Reload() { // want Reload:`acquires rwlocks.Cache.mu; acquires rwlocks.Config.mu \(read\)`
	c.mu.RLock()
	defer c.mu.RUnlock()
	c.cache.mu.Lock()
	c.cache.mu.Unlock()
}

func (c *Cache) Fill() { // want Fill:`acquires rwlocks.Cache.mu; acquires rwlocks.Config.mu`
	c.mu.Lock()
	defer c.mu.Unlock()
	c.config.mu.Lock() // want `lock order cycle rwlocks.Cache.mu -> rwlocks.Config.mu -> rwlocks.Cache.mu: \(\*rwlocks.Cache\).Fill acquires rwlocks.Config.mu while holding rwlocks.Cache.mu; \(\*rwlocks.Config\).Reload acquires rwlocks.Cache.mu while holding rwlocks.Config.mu \(read\)`
	c.config.mu.Unlock()
}
