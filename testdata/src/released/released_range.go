package released

import "sync"

// A callee "called with r.mu held" that releases it around a call and takes
// it back, as nats-server's configureAccounts does around lookupAccount,
// and whose Range callback does the same. The callback captures r, so ssa
// keeps the receiver in a cell and the callee's r.mu is a load from it:
// still the caller's lock, so Reload makes no order Registry.mu -> Dir.mu,
// and Start's Dir.mu -> Registry.mu closes no cycle.

type Registry struct {
	mu       sync.Mutex
	accounts sync.Map
	dir      *Dir
}

type Dir struct {
	mu sync.Mutex
	n  int
}

func (d *Dir) Fetch() { // want Fetch:"acquires released.Dir.mu"
	d.mu.Lock()
	defer d.mu.Unlock()
	d.n++
}

func (d *Dir) Start(r *Registry) { // want Start:"acquires released.Dir.mu; acquires released.Registry.mu"
	d.mu.Lock()
	defer d.mu.Unlock()
	r.mu.Lock()
	r.mu.Unlock()
}

// configureAccounts must be called with r.mu held.
func (r *Registry) configureAccounts(reloading bool) { // want configureAccounts:"acquires released.Dir.mu; acquires released.Registry.mu; returns holding released.Registry.mu; releases released.Registry.mu"
	r.accounts.Range(func(k, v any) bool {
		if !reloading {
			r.mu.Unlock()
			_ = k
			r.mu.Lock()
		}
		return true
	})
	r.mu.Unlock()
	r.dir.Fetch()
	r.mu.Lock()
}

func (r *Registry) Reload() { // want Reload:"^acquires released.Dir.mu; acquires released.Registry.mu$"
	r.mu.Lock()
	defer r.mu.Unlock()
	r.configureAccounts(true)
}
