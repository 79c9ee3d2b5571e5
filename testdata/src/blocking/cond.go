package blocking // want package:`lock graph, 4 cycles`

// Waiting on a Cond while holding another lock that the signaller needs.

import "sync"

type Gate struct {
	outer sync.Mutex
	mu    sync.Mutex
	cond  *sync.Cond
	open  bool
}

func NewGate() *Gate {
	g := &Gate{}
	g.cond = sync.NewCond(&g.mu)
	return g
}

func (g *Gate) Pass() { // want Pass:`waits for blocking.Gate.cond.Signal; acquires blocking.Gate.mu; acquires blocking.Gate.outer`
	g.outer.Lock()
	defer g.outer.Unlock()
	g.mu.Lock()
	for !g.open {
		g.cond.Wait()
	}
	g.mu.Unlock()
}

func (g *Gate) Open() { // want Open:`acquires blocking.Gate.mu; acquires blocking.Gate.outer; provides blocking.Gate.cond.Signal`
	g.outer.Lock()
	defer g.outer.Unlock()
	g.mu.Lock()
	g.open = true
	g.cond.Signal() // want `lock held while blocking blocking.Gate.cond.Signal -> blocking.Gate.outer -> blocking.Gate.cond.Signal`
	g.mu.Unlock()
}
