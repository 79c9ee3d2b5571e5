package lockall

// Compact holds every block (through lockAll) while it takes the store's
// lock; Append holds the store's lock while it takes a block's: the locks
// lockAll returns holding are held by its caller, so that is a cycle.

func (s *Store) Compact() { // want Compact:`^acquires lockall.Block.mu; acquires lockall.Store.mu$`
	s.lockAll()
	defer s.unlockAll()
	s.mu.Lock() // want `lock order cycle lockall.Block.mu -> lockall.Store.mu -> lockall.Block.mu`
	s.blks = s.blks[:0]
	s.mu.Unlock()
}

func (s *Store) Append(n int) { // want Append:`^acquires lockall.Block.mu; acquires lockall.Store.mu$`
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.blks[len(s.blks)-1]
	b.mu.Lock()
	b.n += n
	b.mu.Unlock()
}
