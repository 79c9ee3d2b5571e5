package lockers // want package:`lock graph, 8 cycles`

// A Cond's L made with sync.NewCond(&q.mu) is q.mu.

import "sync"

type Queue struct {
	mu    sync.Mutex
	cond  *sync.Cond
	stats *Stats
}

type Stats struct {
	mu    sync.Mutex
	queue *Queue
}

func NewQueue() *Queue {
	q := &Queue{}
	q.cond = sync.NewCond(&q.mu)
	return q
}

func (q *Queue) Record() { // want Record:`acquires lockers.Queue.mu; acquires lockers.Stats.mu`
	q.cond.L.Lock()
	defer q.cond.L.Unlock()
	q.stats.mu.Lock() // want `lock order cycle lockers.Queue.mu -> lockers.Stats.mu -> lockers.Queue.mu`
	q.stats.mu.Unlock()
}

func (s *Stats) Report() { // want Report:`acquires lockers.Queue.mu; acquires lockers.Stats.mu`
	s.mu.Lock()
	defer s.mu.Unlock()
	s.queue.mu.Lock()
	s.queue.mu.Unlock()
}
