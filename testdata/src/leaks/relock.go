package leaks

import "sync"

// A store whose lock its callers hold: scan releases it while it works on
// each block and takes it back before the next block and before every
// return, as nats-server's fileStore.firstSeqForSubj does. Its callers
// hold the lock before and after: no leak, no double lock.

type Block struct {
	mu    sync.Mutex
	first uint64
}

type FileStore struct {
	mu     sync.Mutex
	blocks []*Block
}

// scan must be called with s.mu held.
func (s *FileStore) scan(load func(*Block) error) (uint64, error) { // want scan:`acquires leaks.Block.mu; acquires leaks.FileStore.mu; returns holding leaks.FileStore.mu; releases leaks.FileStore.mu`
	for _, b := range s.blocks {
		s.mu.Unlock()
		b.mu.Lock()
		if err := load(b); err != nil {
			b.mu.Unlock()
			s.mu.Lock()
			return 0, err
		}
		if b.first != 0 {
			b.mu.Unlock()
			s.mu.Lock()
			return b.first, nil
		}
		b.mu.Unlock()
		s.mu.Lock()
	}
	return 0, nil
}

func (s *FileStore) First() (uint64, error) { // want First:`acquires leaks.Block.mu; acquires leaks.FileStore.mu`
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.scan(func(*Block) error { return nil })
}
