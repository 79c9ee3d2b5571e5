package leaks

// A panic with the lock held leaks it to whoever recovers.

import "sync"

type Registry struct {
	mu    sync.Mutex
	names map[string]bool
}

func (r *Registry) Register(name string) { // want Register:`acquires leaks.Registry.mu`
	r.mu.Lock()
	if r.names[name] {
		panic("duplicate " + name) // want `leaked lock: leaks.Registry.mu is still held here on some paths and released on others`
	}
	r.names[name] = true
	r.mu.Unlock()
}

// Fail takes the lock when its caller asks and then always panics: no
// return leaves the lock to the caller.
func (r *Registry) Fail(lock bool) { // want Fail:`acquires leaks.Registry.mu`
	if lock {
		r.mu.Lock()
	}
	panic("failed") // want `leaked lock: leaks.Registry.mu is still held here on some paths and released on others`
}
