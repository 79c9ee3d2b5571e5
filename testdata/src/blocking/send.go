package blocking

// The worker holds its lock while sending; the consumer takes the same
// lock before it receives, so neither proceeds.

import "sync"

type Worker struct {
	mu      sync.Mutex
	results chan int
	n       int
}

func (w *Worker) Produce() { // want Produce:`acquires blocking.Worker.mu; waits for receive on blocking.Worker.results; provides send on blocking.Worker.results`
	w.mu.Lock()
	defer w.mu.Unlock()
	w.n++
	w.results <- w.n // want `lock held while blocking blocking.Worker.mu -> receive on blocking.Worker.results -> blocking.Worker.mu`
}

func (w *Worker) Consume() int { // want Consume:`acquires blocking.Worker.mu; waits for send on blocking.Worker.results; provides receive on blocking.Worker.results`
	w.mu.Lock()
	defer w.mu.Unlock()
	return <-w.results
}
