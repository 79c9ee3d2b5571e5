package until // want package:`lock graph, 1 cycles`

// Run in a goroutine, the helper starts with no lock held.

import (
	"sync"
	"time"
)

type Poller struct {
	mu   sync.Mutex
	feed *Feed
}

type Feed struct {
	mu     sync.Mutex
	poller *Poller
}

func (p *Poller) Start(stop <-chan struct{}) { // want Start:`acquires until.Poller.mu`
	p.mu.Lock()
	defer p.mu.Unlock()
	go Until(func() {
		p.feed.mu.Lock()
		p.feed.mu.Unlock()
	}, time.Second, stop)
}

func (f *Feed) Close() { // want Close:`acquires until.Feed.mu; acquires until.Poller.mu`
	f.mu.Lock()
	defer f.mu.Unlock()
	f.poller.mu.Lock()
	f.poller.mu.Unlock()
}
