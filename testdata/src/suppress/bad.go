package suppress // want package:`lock graph, 1 cycles`

// A directive without a reason, and one that suppresses nothing, are
// reported.

import "sync"

type Leaf struct {
	mu sync.Mutex
}

func (l *Leaf) Twice() { // want Twice:`acquires suppress.Leaf.mu`
	l.mu.Lock()
	l.mu.Lock() //lockorder:ignore // want `lockorder:ignore needs a reason`
	l.mu.Unlock()
}

func (l *Leaf) Once() { // want Once:`acquires suppress.Leaf.mu`
	l.mu.Lock() //lockorder:ignore nothing to see here // want `unused lockorder:ignore: nothing is reported here`
	l.mu.Unlock()
}
