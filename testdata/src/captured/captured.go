package captured // want package:"lock graph, 11 cycles"

import "sync"

// A func parameter that a closure captures lives in a cell, and the
// function calls or stores what it loads from there: still the parameter,
// so the callbacks of Notify and Watch run under Bus.mu, against Publish's
// Peer.mu -> Bus.mu.

type Bus struct {
	mu      sync.Mutex
	last    func()
	watcher func()
}

// each calls f with b.mu held.
func (b *Bus) each(f func()) { // want each:"acquires captured.Bus.mu; calls param 1"
	b.mu.Lock()
	defer b.mu.Unlock()
	defer func() { b.last = f }()
	f()
}

// Watch registers f, which fire calls with b.mu held.
func (b *Bus) Watch(f func()) { // want Watch:"stores param 1 in captured.Bus.watcher"
	b.watcher = f
	defer func() { _ = f }()
}

// Reset stores the callback its closure will call, which is nil: the
// local captured by the closure is not cb, though it is assigned cb once.
func (b *Bus) Reset(cb func()) { // want Reset:"^acquires captured.Bus.mu$"
	b.mu.Lock()
	defer b.mu.Unlock()
	var f func()
	b.watcher = f
	f = cb
	defer func() { b.last = f }()
}

func (b *Bus) fire() { // want fire:"acquires captured.Bus.mu; calls captured.Bus.watcher"
	b.mu.Lock()
	defer b.mu.Unlock()
	b.watcher()
}

type Peer struct {
	mu  sync.Mutex
	bus *Bus
}

type Watcher struct {
	mu  sync.Mutex
	bus *Bus
}

func (p *Peer) Notify() { // want Notify:"acquires captured.Bus.mu; acquires captured.Peer.mu"
	p.bus.each(func() {
		p.mu.Lock() // want `lock order cycle captured.Bus.mu -> captured.Peer.mu -> captured.Bus.mu`
		p.mu.Unlock()
	})
}

func (p *Peer) Publish() { // want Publish:"acquires captured.Bus.mu; acquires captured.Peer.mu"
	p.mu.Lock()
	defer p.mu.Unlock()
	p.bus.each(func() {})
}

func (w *Watcher) Start() {
	w.bus.Watch(func() {
		w.mu.Lock() // want `lock order cycle captured.Bus.mu -> captured.Watcher.mu -> captured.Bus.mu`
		w.mu.Unlock()
	})
}

func (w *Watcher) Stop() { // want Stop:"acquires captured.Bus.mu; acquires captured.Watcher.mu; calls captured.Bus.watcher"
	w.mu.Lock()
	defer w.mu.Unlock()
	w.bus.fire()
}
