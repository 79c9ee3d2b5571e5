package blocking

// The receiver never needs the lock: sending while holding it is slow but
// not a deadlock.

import "sync"

type Emitter struct {
	mu     sync.Mutex
	events chan string
	last   string
}

func (e *Emitter) Emit(s string) { // want Emit:`waits for receive on blocking.Emitter.events; acquires blocking.Emitter.mu; provides send on blocking.Emitter.events`
	e.mu.Lock()
	defer e.mu.Unlock()
	e.last = s
	e.events <- s
}

func (e *Emitter) Drain() { // want Drain:`waits for send on blocking.Emitter.events; provides receive on blocking.Emitter.events`
	for s := range e.events {
		_ = s
	}
}
