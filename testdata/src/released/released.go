package released // want package:"lock graph, 0 cycles"

// The first lock is released before the call that takes the second, on
// every path, so no order exists between them.

import "sync"

type Queue struct {
	mu    sync.Mutex
	sink  *Sink
	items []int
}

type Sink struct {
	mu    sync.Mutex
	queue *Queue
	total int
}

func (q *Queue) Flush() { // want Flush:"acquires released.Queue.mu; acquires released.Sink.mu"
	q.mu.Lock()
	items := q.items
	q.items = nil
	q.mu.Unlock()
	q.sink.add(len(items))
}

func (q *Queue) Drain(early bool) { // want Drain:"acquires released.Queue.mu; acquires released.Sink.mu"
	q.mu.Lock()
	if early {
		q.mu.Unlock()
		q.sink.add(0)
		return
	}
	q.mu.Unlock()
	q.sink.add(1)
}

func (s *Sink) add(n int) { // want add:"acquires released.Sink.mu"
	s.mu.Lock()
	defer s.mu.Unlock()
	s.total += n
}

func (s *Sink) Requeue() { // want Requeue:"acquires released.Queue.mu; acquires released.Sink.mu"
	s.mu.Lock()
	defer s.mu.Unlock()
	s.queue.mu.Lock()
	s.queue.items = append(s.queue.items, s.total)
	s.queue.mu.Unlock()
}
