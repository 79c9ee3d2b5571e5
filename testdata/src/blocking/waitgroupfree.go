package blocking

// The workers call Done without the lock.

import "sync"

type Group struct {
	mu    sync.Mutex
	wg    sync.WaitGroup
	count int
}

func (g *Group) Run(n int) { // want Run:`acquires blocking.Group.mu; waits for blocking.Group.wg.Done`
	g.mu.Lock()
	defer g.mu.Unlock()
	for i := 0; i < n; i++ {
		g.wg.Add(1)
		go g.work()
	}
	g.wg.Wait()
}

func (g *Group) work() { // want work:`provides blocking.Group.wg.Done`
	defer g.wg.Done()
	g.count++
}
