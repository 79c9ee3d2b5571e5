package leaks

// A continue skips the unlock of the lock taken in the loop body.

import "sync"

type Item struct {
	mu    sync.Mutex
	dirty bool
}

func Flush(items []*Item) int { // want Flush:`acquires leaks.Item.mu`
	n := 0
	for _, it := range items {
		it.mu.Lock()
		if !it.dirty {
			continue
		}
		it.dirty = false
		n++
		it.mu.Unlock()
	}
	return n // want `leaked lock: leaks.Item.mu is still held here on some paths and released on others`
}
