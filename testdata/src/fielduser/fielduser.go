package fielduser // want package:"lock graph, 1 cycles"

// An importer assigns a method value to the library's callback field; the
// method takes the importer's lock, and the importer calls the library
// while holding that lock.

import (
	"sync"

	"fieldlib"
)

type Cache struct {
	mu    sync.Mutex
	n     *fieldlib.Notifier
	value int
}

func NewCache() *Cache {
	c := &Cache{n: &fieldlib.Notifier{}}
	c.n.OnChange = c.changed
	return c
}

func (c *Cache) changed(v int) { // want changed:"acquires fielduser.Cache.mu"
	c.mu.Lock() // want `lock order cycle fieldlib.Notifier.mu -> fielduser.Cache.mu -> fieldlib.Notifier.mu: \(\*fieldlib.Notifier\).Set acquires fielduser.Cache.mu while holding fieldlib.Notifier.mu; \(\*fielduser.Cache\).Refresh acquires fieldlib.Notifier.mu while holding fielduser.Cache.mu`
	c.value = v
	c.mu.Unlock()
}

func (c *Cache) Refresh() { // want Refresh:"acquires fieldlib.Notifier.mu; acquires fielduser.Cache.mu"
	c.mu.Lock()
	defer c.mu.Unlock()
	c.value = c.n.Get()
}
