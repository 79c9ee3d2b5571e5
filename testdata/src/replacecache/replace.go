package replacecache // want package:`lock graph, 1 cycles`

// A cache reached through an interface: its Replace locks the cache and
// fires onReplace, which takes the owner's lock; the owner calls Replace
// through the interface while holding its lock.

import "sync"

type Store interface {
	Replace(items []string)
}

type cache struct {
	mu        sync.Mutex
	items     []string
	onReplace func()
}

func (c *cache) Replace(items []string) { // want Replace:`acquires replacecache.cache.mu; calls replacecache.cache.onReplace`
	c.mu.Lock() // want `lock order cycle replacecache.Reflector.mu -> replacecache.cache.mu -> replacecache.Reflector.mu: \(\*replacecache.Reflector\).Relist acquires replacecache.cache.mu while holding replacecache.Reflector.mu; \(\*replacecache.cache\).Replace acquires replacecache.Reflector.mu while holding replacecache.cache.mu`
	defer c.mu.Unlock()
	c.items = items
	c.onReplace()
}

type Reflector struct {
	mu    sync.Mutex
	store Store
	syncs int
}

func NewReflector() *Reflector {
	r := &Reflector{}
	c := &cache{onReplace: func() {
		r.mu.Lock()
		r.syncs++
		r.mu.Unlock()
	}}
	r.store = c
	return r
}

func (r *Reflector) Relist(items []string) { // want Relist:`acquires replacecache.Reflector.mu; calls replacecache.Store.Replace`
	r.mu.Lock()
	defer r.mu.Unlock()
	r.store.Replace(items)
}
