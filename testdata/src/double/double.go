package double

// Locking a mutex that the same value already holds.

import "sync"

type Store struct {
	mu    sync.RWMutex
	items map[string]int
}

func (s *Store) Put(k string, v int) { // want Put:"acquires double.Store.mu"
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mu.Lock() // want `double lock of double.Store.mu in \(\*double.Store\).Put: already held`
	s.items[k] = v
}

func (s *Store) Len() int { // want Len:`acquires double.Store.mu \(read\)`
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.items)
}

func (s *Store) Reset() { // want Reset:`acquires double.Store.mu; acquires double.Store.mu \(read\)`
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Len() > 0 { // want `double lock of double.Store.mu: \(\*double.Store\).Reset calls \(\*double.Store\).Len, which acquires it again`
		s.items = nil
	}
}

func (s *Store) Dump() []string { // want Dump:`acquires double.Store.mu \(read\)`
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.Len() == 0 { // want `recursive read lock of double.Store.mu: \(\*double.Store\).Dump calls \(\*double.Store\).Len, which acquires it again`
		return nil
	}
	return []string{"x"}
}
