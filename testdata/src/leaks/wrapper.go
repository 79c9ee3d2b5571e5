package leaks

// A lock wrapper always returns holding the lock: it is not a leak, and
// its callers hold the lock until the unlock wrapper, so an AB-BA through
// the wrappers is a cycle.

import "sync"

type Cache struct {
	mu    sync.Mutex
	store *Store
}

type Store struct {
	mu    sync.Mutex
	cache *Cache
}

func (c *Cache) lock()   { c.mu.Lock() }   // want lock:`acquires leaks.Cache.mu; returns holding leaks.Cache.mu`
func (c *Cache) unlock() { c.mu.Unlock() } // want unlock:`releases leaks.Cache.mu`

func (c *Cache) Refresh() { // want Refresh:`acquires leaks.Cache.mu; acquires leaks.Store.mu`
	c.lock()
	defer c.unlock()
	c.store.mu.Lock() // want `lock order cycle leaks.Cache.mu -> leaks.Store.mu -> leaks.Cache.mu`
	c.store.mu.Unlock()
}

func (s *Store) Invalidate() { // want Invalidate:`acquires leaks.Cache.mu; acquires leaks.Store.mu`
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cache.lock()
	s.cache.unlock()
}

func (c *Cache) Peek() { // want Peek:`acquires leaks.Cache.mu; acquires leaks.Store.mu`
	c.lock()
	c.unlock()
	c.store.mu.Lock()
	c.store.mu.Unlock()
}
