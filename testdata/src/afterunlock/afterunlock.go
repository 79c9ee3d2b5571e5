package afterunlock // want package:"lock graph, 0 cycles"

// The store calls its callback only after releasing its lock (the
// Alertmanager v0.28.0 fix), so the callback's lock is never taken under it.

import "sync"

type Store struct {
	mu   sync.Mutex
	cb   func()
	data map[int]int
}

func (s *Store) SetCallback(cb func()) { // want SetCallback:"acquires afterunlock.Store.mu; stores param 1 in afterunlock.Store.cb"
	s.mu.Lock()
	defer s.mu.Unlock()
	s.cb = cb
}

func (s *Store) GC() { // want GC:"acquires afterunlock.Store.mu; calls afterunlock.Store.cb"
	s.mu.Lock()
	clear(s.data)
	s.mu.Unlock()
	s.cb()
}

func (s *Store) Len() int { // want Len:"acquires afterunlock.Store.mu"
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.data)
}

type Provider struct {
	mu    sync.Mutex
	store *Store
	n     int
}

func NewProvider() *Provider { // want NewProvider:"acquires afterunlock.Store.mu"
	p := &Provider{store: &Store{}}
	p.store.SetCallback(func() {
		p.mu.Lock()
		p.n = 0
		p.mu.Unlock()
	})
	return p
}

func (p *Provider) Count() int { // want Count:"acquires afterunlock.Provider.mu; acquires afterunlock.Store.mu"
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.store.Len()
}
