package released

import "sync"

// A callee "called with s.mu held" that releases it around a call and takes
// it back, as nats-server's configureResolver does around the resolver's
// Store: the resolver's lock is taken without the server's, so Reload makes
// no order Server.mu -> Resolver.mu, and Fetch's Resolver.mu -> Server.mu
// closes no cycle.

type Server struct {
	mu  sync.Mutex
	res *Resolver
}

type Resolver struct {
	mu    sync.Mutex
	store map[string]string
}

func (r *Resolver) Store(k, v string) { // want Store:"acquires released.Resolver.mu"
	r.mu.Lock()
	defer r.mu.Unlock()
	r.store[k] = v
}

func (r *Resolver) Fetch(s *Server) { // want Fetch:"acquires released.Resolver.mu; acquires released.Server.mu"
	r.mu.Lock()
	defer r.mu.Unlock()
	s.mu.Lock()
	s.mu.Unlock()
}

// configure must be called with s.mu held.
func (s *Server) configure() { // want configure:"acquires released.Resolver.mu; acquires released.Server.mu; returns holding released.Server.mu; releases released.Server.mu"
	s.mu.Unlock()
	s.res.Store("k", "v")
	s.mu.Lock()
}

func (s *Server) Reload() { // want Reload:"^acquires released.Resolver.mu; acquires released.Server.mu$"
	s.mu.Lock()
	defer s.mu.Unlock()
	s.configure()
}
