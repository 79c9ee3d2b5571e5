package relocked // want package:"lock graph, 3 cycles"

import "sync"

// A callee "called with the lock held" that releases it around a call and
// takes it back returns with the caller's lock held again: a caller that
// goes on to take another lock takes it under its own, a cycle with the
// reverse order elsewhere, also when it does so on some paths only. And a
// closure that locks its caller's captured receiver is a double lock when
// the caller holds it.

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

type Index struct {
	mu    sync.Mutex
	names map[string]bool
}

func (x *Index) Lookup(s *Server) { // want Lookup:"acquires relocked.Index.mu; acquires relocked.Server.mu"
	x.mu.Lock()
	defer x.mu.Unlock()
	s.mu.Lock() // want `lock order cycle relocked.Index.mu -> relocked.Server.mu -> relocked.Index.mu`
	s.mu.Unlock()
}

// maybeConfigure must be called with s.mu held; it releases it and takes
// it back when asked to.
func (s *Server) maybeConfigure(configure bool) { // want maybeConfigure:"acquires relocked.Resolver.mu; acquires relocked.Server.mu; returns holding relocked.Server.mu; releases relocked.Server.mu"
	if configure {
		s.mu.Unlock()
		s.res.Store("k", "v")
		s.mu.Lock()
	}
}

func (s *Server) ReloadAndIndex(x *Index) { // want ReloadAndIndex:"^acquires relocked.Index.mu; acquires relocked.Resolver.mu; acquires relocked.Server.mu$"
	s.mu.Lock()
	defer s.mu.Unlock()
	s.maybeConfigure(true)
	x.mu.Lock()
	x.names["k"] = true
	x.mu.Unlock()
}

// Twice locks s.mu in a closure while holding it.
func (s *Server) Twice() { // want Twice:"acquires relocked.Server.mu"
	lock := func() { s.mu.Lock() }
	s.mu.Lock()
	lock() // want `double lock of relocked.Server.mu: \(\*relocked.Server\).Twice calls \(\*relocked.Server\).Twice.func1, which acquires it again`
	s.mu.Unlock()
}

type Table struct {
	rw sync.RWMutex
	n  int
}

// upgrade must be called with t.rw read-locked; it returns with it
// write-locked.
func (t *Table) upgrade() { // want upgrade:"acquires relocked.Table.rw; returns holding relocked.Table.rw; releases relocked.Table.rw"
	t.rw.RUnlock()
	t.rw.Lock()
}

func (t *Table) Grow(x *Index) { // want Grow:"acquires relocked.Index.mu; acquires relocked.Table.rw"
	t.rw.RLock()
	t.upgrade()
	x.mu.Lock()
	x.names["n"] = true
	x.mu.Unlock()
	t.rw.Unlock()
}

func (x *Index) Scan(t *Table) { // want Scan:"acquires relocked.Index.mu; acquires relocked.Table.rw"
	x.mu.Lock()
	defer x.mu.Unlock()
	t.rw.RLock() // want `lock order cycle relocked.Index.mu -> relocked.Table.rw -> relocked.Index.mu: \(\*relocked.Index\).Scan acquires relocked.Table.rw \(read\) while holding relocked.Index.mu; \(\*relocked.Table\).Grow acquires relocked.Index.mu while holding relocked.Table.rw$`
	t.n++
	t.rw.RUnlock()
}

// LockIf takes s.mu on some paths only; configure leaves it as it was.
func (s *Server) LockIf(lock bool) { // want LockIf:"acquires relocked.Resolver.mu; acquires relocked.Server.mu"
	if lock {
		s.mu.Lock()
	}
	s.configure()
} // want `leaked lock: relocked.Server.mu is still held here on some paths`
