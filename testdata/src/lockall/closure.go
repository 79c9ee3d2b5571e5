package lockall // want package:`lock graph, 1 cycles`

// The same helpers as closures over a local (nats-server's accLock and
// accUnlock in route.go). Silent.

import "sync"

type Account struct {
	mu   sync.Mutex
	subs map[string]int
}

func (a *Account) Update(key string, delta int) bool { // want Update:`^acquires lockall.Account.mu$`
	lock := func() { a.mu.Lock() }
	unlock := func() { a.mu.Unlock() }
	lock()
	if a.subs == nil {
		unlock()
		return false
	}
	a.subs[key] += delta
	unlock()
	return true
}

// Total locks every block with a closure, as lockAll does.
func Total(s *Store) int { // want Total:`^acquires lockall.Block.mu$`
	lockEach := func() {
		for _, b := range s.blks {
			b.mu.Lock()
		}
	}
	unlockEach := func() {
		for _, b := range s.blks {
			b.mu.Unlock()
		}
	}
	lockEach()
	defer unlockEach()
	n := 0
	for _, b := range s.blks {
		n += b.n
	}
	return n
}
