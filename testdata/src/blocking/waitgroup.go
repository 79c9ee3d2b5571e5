package blocking

// Waiting for workers while holding the lock they take before Done.

import "sync"

type Batch struct {
	mu   sync.Mutex
	wg   sync.WaitGroup
	done int
}

func (b *Batch) Run(n int) { // want Run:`acquires blocking.Batch.mu; waits for blocking.Batch.wg.Done`
	b.mu.Lock()
	defer b.mu.Unlock()
	for i := 0; i < n; i++ {
		b.wg.Add(1)
		go b.work()
	}
	b.wg.Wait() // want `lock held while blocking blocking.Batch.mu -> blocking.Batch.wg.Done -> blocking.Batch.mu`
}

func (b *Batch) work() { // want work:`acquires blocking.Batch.mu; provides blocking.Batch.wg.Done`
	b.mu.Lock()
	b.done++
	b.wg.Done()
	b.mu.Unlock()
}
