package rwlocks

// A read lock taken again deeper in the call chain deadlocks once a writer
// waits between the two RLocks.

import "sync"

type Index struct {
	mu   sync.RWMutex
	keys []string
}

func (x *Index) Keys() []string { // want Keys:`acquires rwlocks.Index.mu \(read\)`
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.sorted() // want `recursive read lock of rwlocks.Index.mu: \(\*rwlocks.Index\).Keys calls \(\*rwlocks.Index\).sorted, which acquires it again`
}

func (x *Index) sorted() []string { // want sorted:`acquires rwlocks.Index.mu \(read\)`
	if x.size() == 0 {
		return nil
	}
	return x.keys
}

func (x *Index) size() int { // want size:`acquires rwlocks.Index.mu \(read\)`
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.keys)
}
