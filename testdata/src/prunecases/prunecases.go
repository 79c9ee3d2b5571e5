// Package prunecases holds code that a past rule of relevance wrongly
// left unbuilt (see TestPruningChangesNothing): each function here must be
// built as it would be without pruning.
package prunecases

import "sync"

var mu, m1, m2, m3 sync.Mutex

// Group and Sig embed a WaitGroup and a Cond: a call of their methods is
// an event on the embedded field, which has a class.
type Group struct{ sync.WaitGroup }

type Sig struct{ sync.Cond }

// WaitG waits on an embedded WaitGroup reached from a parameter.
func WaitG(g *Group) { g.Wait() }

// DoneG provides the event.
func DoneG(g *Group) { g.Done() }

// SignalS signals an embedded Cond.
func SignalS(s *Sig) { s.Signal() }

// Locked waits with mu held.
func Locked(g *Group) {
	mu.Lock()
	WaitG(g)
	mu.Unlock()
}

// ranged unlocks a p that a range assigned in between: it returns holding
// m1.
func ranged() {
	p := &m1
	p.Lock()
	for _, p = range []*sync.Mutex{&m2} {
	}
	p.Unlock()
}

// shadowed locks m1 and unlocks m2 under the same name: it returns holding
// m1.
func shadowed() {
	m1.Lock()
	m1 := &m2
	m1.Unlock()
}

func lockM3() {
	m3.Lock()
	m3.Unlock()
}

// rangedRoot and shadowedRoot are called by nothing: they hold m1 when
// they take m3.
func rangedRoot() {
	ranged()
	lockM3()
}

func shadowedRoot() {
	shadowed()
	lockM3()
}

// T embeds a mutex.
type T struct{ sync.Mutex }

// shadowedHere unlocks another mutex of the same name as the one it holds.
func shadowedHere() {
	mu.Lock()
	mu := &T{}
	mu.Unlock()
	lockM3()
}

// again takes mu a second time through a goto.
func again() {
	i := 0
L:
	i++
	mu.Lock()
	defer mu.Unlock()
	if i < 2 {
		goto L
	}
}
