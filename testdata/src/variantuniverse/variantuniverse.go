package variantuniverse

// The test file declares a package variable len, which hides the builtin
// in this file too: in the test variant, Size calls the variable. The test
// variant walks everything.

import "sync"

var other sync.Mutex

type Queue struct {
	mu    sync.Mutex
	items []int
}

func (q *Queue) Size() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items)
}
