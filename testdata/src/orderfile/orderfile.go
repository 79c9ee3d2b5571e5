package orderfile // want package:`lock graph, 0 cycles`

// The order comes from the file given with -order.

import "sync"

type Outer struct {
	mu    sync.Mutex
	inner *Inner
}

type Inner struct {
	mu    sync.Mutex
	outer *Outer
}

func (i *Inner) Escalate() { // want Escalate:`acquires orderfile.Inner.mu; acquires orderfile.Outer.mu`
	i.mu.Lock()
	defer i.mu.Unlock()
	i.outer.mu.Lock() // want `lock order violation: \(\*orderfile.Inner\).Escalate acquires orderfile.Outer.mu while holding orderfile.Inner.mu, against the declared order orderfile.Outer.mu < orderfile.Inner.mu`
	i.outer.mu.Unlock()
}
