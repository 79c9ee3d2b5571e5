package lockall

// Helpers that lock for their caller (nats-server's
// fileStore.lockAllMsgBlocks and readLockAllMsgBlocks): lockAll locks every
// block in a loop and returns, unlockAll unlocks them all. With no block
// the loop takes no lock, but lockAll never releases one: it is a lock
// wrapper, not a leak. Silent.

import "sync"

type Block struct {
	mu sync.RWMutex
	n  int
}

type Store struct {
	mu   sync.Mutex
	blks []*Block
}

func (s *Store) lockAll() { // want lockAll:`^acquires lockall.Block.mu; returns holding lockall.Block.mu$`
	for _, b := range s.blks {
		b.mu.Lock()
	}
}

func (s *Store) unlockAll() { // want unlockAll:`^releases lockall.Block.mu$`
	for _, b := range s.blks {
		b.mu.Unlock()
	}
}

// readLockAll goes over the blocks otherwise than readUnlockAll does: the
// block it returns holding is named by another index than the one
// readUnlockAll releases, and Count, which holds the only block lock,
// releases that one (it is not an unlock wrapper).
func (s *Store) readLockAll() { // want readLockAll:`^acquires lockall.Block.mu \(read\); returns holding lockall.Block.mu \(read\)$`
	for i := len(s.blks); i > 0; i-- {
		s.blks[i-1].mu.RLock()
	}
}

func (s *Store) readUnlockAll() { // want readUnlockAll:`^releases lockall.Block.mu$`
	for _, b := range s.blks {
		b.mu.RUnlock()
	}
}

func (s *Store) Snapshot() int { // want Snapshot:`^acquires lockall.Block.mu$`
	s.lockAll()
	defer s.unlockAll()
	n := 0
	for _, b := range s.blks {
		n += b.n
	}
	return n
}

func (s *Store) Reset() { // want Reset:`^acquires lockall.Block.mu$`
	s.lockAll()
	for _, b := range s.blks {
		b.n = 0
	}
	s.unlockAll()
}

func (s *Store) Count() int { // want Count:`^acquires lockall.Block.mu \(read\)$`
	s.readLockAll()
	defer s.readUnlockAll()
	return len(s.blks)
}
