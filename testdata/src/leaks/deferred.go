package leaks // want package:`lock graph, 1 cycles`

// With defer, every path releases the lock.

import (
	"errors"
	"sync"
)

type Pool struct {
	mu    sync.Mutex
	items []int
}

func (p *Pool) Get() (int, error) { // want Get:`acquires leaks.Pool.mu`
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.items) == 0 {
		return 0, errors.New("empty")
	}
	if len(p.items) > 100 {
		panic("pool overflow")
	}
	v := p.items[0]
	p.items = p.items[1:]
	return v, nil
}
