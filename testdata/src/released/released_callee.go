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

// unlock releases s.mu.
func (s *Server) unlock() { // want unlock:"^releases released.Server.mu$"
	s.mu.Unlock()
}

// configureVia must be called with s.mu held; it releases it through a
// helper around the resolver's Store and takes it back.
func (s *Server) configureVia() { // want configureVia:"^acquires released.Resolver.mu; acquires released.Server.mu; returns holding released.Server.mu; releases released.Server.mu$"
	s.unlock()
	s.res.Store("k", "v")
	s.mu.Lock()
}

func (s *Server) ReloadVia() { // want ReloadVia:"^acquires released.Resolver.mu; acquires released.Server.mu$"
	s.mu.Lock()
	defer s.mu.Unlock()
	s.configureVia()
}

// handOver must be called with s.mu held; it returns without it, after
// taking it back once.
func (s *Server) handOver() { // want handOver:"^acquires released.Server.mu; releases released.Server.mu$"
	s.mu.Unlock()
	s.mu.Lock()
	s.unlock()
}

// ReloadIf holds s.mu on some paths only when it calls configure: it takes
// the lock and releases it itself, and releases nothing of its caller's.
func (s *Server) ReloadIf(lock bool) { // want ReloadIf:"^acquires released.Resolver.mu; acquires released.Server.mu$"
	if lock {
		s.mu.Lock()
	}
	s.configure()
	if lock {
		s.mu.Unlock()
	}
}

// handOverIf must be called with s.mu held; it returns without it when
// asked to, after taking it back once.
func (s *Server) handOverIf(drop bool) { // want handOverIf:"^acquires released.Server.mu; releases released.Server.mu$"
	s.mu.Unlock()
	s.mu.Lock()
	if drop {
		s.unlock()
	}
}
