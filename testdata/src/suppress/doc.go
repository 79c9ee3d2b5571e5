package suppress

// A directive in a function's doc comment covers the whole function; one
// on its own line covers the line below.

import "sync"

type Tree struct {
	mu sync.Mutex
}

// Rebuild runs single-threaded at start-up.
//
//lockorder:ignore the second lock is on a fresh tree no one else can see
func (t *Tree) Rebuild() { // want Rebuild:`acquires suppress.Tree.mu; releases suppress.Tree.mu`
	t.mu.Lock()
	t.mu.Lock()
	t.mu.Unlock()
	t.mu.Unlock()
}

func (t *Tree) Reset() { // want Reset:`acquires suppress.Tree.mu`
	t.mu.Lock()
	//lockorder:ignore a test helper that never holds the lock twice in practice
	t.mu.Lock()
	t.mu.Unlock()
}
