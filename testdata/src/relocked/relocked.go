package relocked // want package:"lock graph, 1 cycles"

import "sync"

// A callee "called with the lock held" that releases it around a call and
// takes it back returns with the caller's lock held again: a caller that
// goes on to take another lock takes it under its own, a cycle with the
// reverse order elsewhere.

type Server struct {
	mu  sync.Mutex
	res *Resolver
}

type Resolver struct {
	mu    sync.Mutex
	store map[string]string
}

func (r *Resolver) Store(k, v string) { // want Store:"acquires relocked.Resolver.mu"
	r.mu.Lock()
	defer r.mu.Unlock()
	r.store[k] = v
}

func (r *Resolver) Fetch(s *Server) { // want Fetch:"acquires relocked.Resolver.mu; acquires relocked.Server.mu"
	r.mu.Lock()
	defer r.mu.Unlock()
	s.mu.Lock() // want `lock order cycle relocked.Resolver.mu -> relocked.Server.mu -> relocked.Resolver.mu: \(\*relocked.Resolver\).Fetch acquires relocked.Server.mu while holding relocked.Resolver.mu; \(\*relocked.Server\).ReloadAndStore acquires relocked.Resolver.mu while holding relocked.Server.mu`
	s.mu.Unlock()
}

// configure must be called with s.mu held.
func (s *Server) configure() { // want configure:"acquires relocked.Resolver.mu; acquires relocked.Server.mu; returns holding relocked.Server.mu; releases relocked.Server.mu"
	s.mu.Unlock()
	s.res.Store("k", "v")
	s.mu.Lock()
}

func (s *Server) ReloadAndStore() { // want ReloadAndStore:"^acquires relocked.Resolver.mu; acquires relocked.Server.mu$"
	s.mu.Lock()
	defer s.mu.Unlock()
	s.configure()
	s.res.Store("a", "b")
}
