package variant // want package:"lock graph, 1 cycles"

// The package's test variant reuses what the package found for the
// functions of this file and walks only its tests (see analyzer/variant.go):
// every report here is made in both variants.

import "sync"

var evictions sync.Mutex

type Cache struct {
	mu      sync.Mutex
	store   *Store
	onEvict func()
}

type Store struct {
	mu    sync.Mutex
	cache *Cache
}

func NewCache(s *Store) *Cache {
	c := &Cache{store: s}
	c.onEvict = func() {
		evictions.Lock()
		evictions.Unlock()
	}
	return c
}

func (c *Cache) Get() { // want Get:"acquires variant.Cache.mu; acquires variant.Store.mu"
	c.mu.Lock()
	defer c.mu.Unlock()
	c.store.read()
}

func (s *Store) read() { // want read:"acquires variant.Store.mu"
	s.mu.Lock() // want `lock order cycle variant.Cache.mu -> variant.Store.mu -> variant.Cache.mu: \(\*variant.Cache\).Get acquires variant.Store.mu while holding variant.Cache.mu; \(\*variant.Store\).Flush acquires variant.Cache.mu while holding variant.Store.mu`
	s.mu.Unlock()
}

func (s *Store) Flush() { // want Flush:"acquires variant.Cache.mu; acquires variant.Store.mu"
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cache.mu.Lock()
	s.cache.mu.Unlock()
}

func (c *Cache) Evict() { // want Evict:"acquires variant.Cache.mu; calls variant.Cache.onEvict"
	c.mu.Lock()
	defer c.mu.Unlock()
	c.onEvict()
}

func (c *Cache) leaky(fast bool) { // want leaky:"acquires variant.Cache.mu"
	c.mu.Lock()
	if fast {
		return // want `leaked lock: variant.Cache.mu is still held here on some paths and released on others`
	}
	c.mu.Unlock()
}
