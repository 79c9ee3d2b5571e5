package order // want package:`lock graph, 0 cycles`

// A declared order is enforced even when no cycle exists yet.

//lockorder:order order.Store.mu < order.Provider.mu

import "sync"

type Store struct {
	mu       sync.Mutex
	provider *Provider
}

type Provider struct {
	mu    sync.Mutex
	store *Store
}

// GC takes only the store's lock.
func (s *Store) GC() { // want GC:`acquires order.Store.mu`
	s.mu.Lock()
	defer s.mu.Unlock()
}

// Subscribe takes the store's lock while holding the provider's.
func (p *Provider) Subscribe() { // want Subscribe:`acquires order.Provider.mu; acquires order.Store.mu`
	p.mu.Lock()
	defer p.mu.Unlock()
	p.store.list()
}

func (s *Store) list() { // want list:`acquires order.Store.mu`
	s.mu.Lock() // want `lock order violation: \(\*order.Provider\).Subscribe acquires order.Store.mu while holding order.Provider.mu, against the declared order order.Store.mu < order.Provider.mu`
	s.mu.Unlock()
}
