package fieldlib // want package:"lock graph, 0 cycles"

// A library type whose exported callback field is called with its lock
// held; the callbacks are assigned by importers.

import "sync"

type Notifier struct {
	mu       sync.Mutex
	OnChange func(n int)
	n        int
}

func (n *Notifier) Set(v int) { // want Set:"acquires fieldlib.Notifier.mu; calls fieldlib.Notifier.OnChange"
	n.mu.Lock()
	defer n.mu.Unlock()
	n.n = v
	n.OnChange(v)
}

func (n *Notifier) Get() int { // want Get:"acquires fieldlib.Notifier.mu"
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.n
}
