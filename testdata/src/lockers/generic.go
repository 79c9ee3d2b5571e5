package lockers

// Generic types: the class is the generic type's field, for every
// instantiation.

import "sync"

type Guarded[T any] struct {
	mu    sync.Mutex
	value T
	peer  *Peer
}

type Peer struct {
	mu sync.Mutex
	g  *Guarded[int]
}

func (g *Guarded[T]) Set(v T) { // want Set:`acquires lockers.Guarded.mu; acquires lockers.Peer.mu`
	g.mu.Lock()
	defer g.mu.Unlock()
	g.value = v
	g.peer.ping()
}

func (p *Peer) ping() { // want ping:`acquires lockers.Peer.mu`
	p.mu.Lock() // want `lock order cycle lockers.Guarded.mu -> lockers.Peer.mu -> lockers.Guarded.mu`
	p.mu.Unlock()
}

func (p *Peer) Sync() { // want Sync:`acquires lockers.Guarded.mu; acquires lockers.Peer.mu; acquires lockers.Peer.mu`
	p.mu.Lock()
	defer p.mu.Unlock()
	p.g.Set(1)
}
