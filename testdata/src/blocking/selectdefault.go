package blocking

// A select with a default never blocks.

import "sync"

type Notifier struct {
	mu      sync.Mutex
	pending chan struct{}
}

func (n *Notifier) Notify() { // want Notify:`acquires blocking.Notifier.mu; provides send on blocking.Notifier.pending`
	n.mu.Lock()
	defer n.mu.Unlock()
	select {
	case n.pending <- struct{}{}:
	default:
	}
}

func (n *Notifier) Wait() { // want Wait:`acquires blocking.Notifier.mu; provides receive on blocking.Notifier.pending`
	n.mu.Lock()
	defer n.mu.Unlock()
	select {
	case <-n.pending:
	default:
	}
}
