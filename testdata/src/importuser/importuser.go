package importuser // want package:"lock graph, 1 cycles"

// An importer names only a variable and a generic function of the library
// (the SSA package of an import holds only the members the built code
// names): it registers a callback on the library's shared notifier, and
// stores into that notifier while holding the lock the callback takes.

import (
	"sync"

	"fieldlib"
)

type Store struct {
	mu sync.Mutex
	n  int
}

func NewStore() *Store {
	s := &Store{}
	fieldlib.Default.OnChange = s.changed
	return s
}

func (s *Store) changed(v int) { // want changed:"acquires importuser.Store.mu"
	s.mu.Lock() // want `lock order cycle fieldlib.Notifier.mu -> importuser.Store.mu -> fieldlib.Notifier.mu: \(\*fieldlib.Notifier\).Set acquires importuser.Store.mu while holding fieldlib.Notifier.mu; \(\*importuser.Store\).Publish acquires fieldlib.Notifier.mu while holding importuser.Store.mu`
	s.n = v
	s.mu.Unlock()
}

func (s *Store) Publish() { // want Publish:"acquires fieldlib.Notifier.mu; acquires importuser.Store.mu"
	s.mu.Lock()
	defer s.mu.Unlock()
	fieldlib.Swap(&fieldlib.Default, s.n)
}
