package until

// A periodic helper calls f on the caller's goroutine; the caller holds a
// lock while f takes another, in the opposite order of Drain.

import (
	"sync"
	"time"
)

// Until calls f until stop is closed.
func Until(f func(), period time.Duration, stop <-chan struct{}) { // want Until:`calls param 0`
	for {
		select {
		case <-stop:
			return
		case <-time.After(period):
		}
		f()
	}
}

type Syncer struct {
	mu    sync.Mutex
	queue *Queue
}

type Queue struct {
	mu     sync.Mutex
	syncer *Syncer
}

func (s *Syncer) Run(stop <-chan struct{}) { // want Run:`acquires until.Queue.mu; acquires until.Syncer.mu`
	s.mu.Lock()
	defer s.mu.Unlock()
	Until(func() {
		s.queue.mu.Lock()
		s.queue.mu.Unlock()
	}, time.Second, stop)
}

func (q *Queue) Drain() { // want Drain:`acquires until.Queue.mu; acquires until.Syncer.mu`
	q.mu.Lock()
	defer q.mu.Unlock()
	q.syncer.mu.Lock() // want `lock order cycle until.Queue.mu -> until.Syncer.mu -> until.Queue.mu: \(\*until.Queue\).Drain acquires until.Syncer.mu while holding until.Queue.mu; \(\*until.Syncer\).Run acquires until.Queue.mu while holding until.Syncer.mu`
	q.syncer.mu.Unlock()
}
