package lockers

// Cond.Wait releases L while it waits, so the signaller taking L is fine.

import "sync"

type Latch struct {
	mu   sync.Mutex
	cond sync.Cond
	open bool
}

func NewLatch() *Latch {
	l := &Latch{}
	l.cond.L = &l.mu
	return l
}

func (l *Latch) Wait() { // want Wait:`waits for lockers.Latch.cond.Signal; acquires lockers.Latch.mu`
	l.mu.Lock()
	for !l.open {
		l.cond.Wait()
	}
	l.mu.Unlock()
}

func (l *Latch) Open() { // want Open:`acquires lockers.Latch.mu; provides lockers.Latch.cond.Signal`
	l.mu.Lock()
	l.open = true
	l.cond.Broadcast()
	l.mu.Unlock()
}
