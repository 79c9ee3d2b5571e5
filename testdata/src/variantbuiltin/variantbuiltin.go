package variantbuiltin // want package:"lock graph, [01] cycles"

// The test file declares a function close, which hides the builtin: in
// the test variant, Stop calls it. The test variant walks everything.

import "sync"

var other sync.Mutex

type Queue struct {
	mu   sync.Mutex
	done chan struct{}
}

func (q *Queue) Stop() { // want Stop:"acquires variantbuiltin.Queue.mu(; acquires variantbuiltin.other)?"
	q.mu.Lock()
	close(q.done)
	q.mu.Unlock()
}
