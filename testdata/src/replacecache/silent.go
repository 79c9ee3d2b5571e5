package replacecache

// The same shape, but the owner calls Replace after releasing its lock.

import "sync"

type Sink interface {
	Fill(items []string)
}

type buffer struct {
	mu     sync.Mutex
	items  []string
	onFill func()
}

func (b *buffer) Fill(items []string) { // want Fill:`acquires replacecache.buffer.mu; calls replacecache.buffer.onFill`
	b.mu.Lock()
	defer b.mu.Unlock()
	b.items = items
	b.onFill()
}

type Loader struct {
	mu    sync.Mutex
	sink  Sink
	loads int
}

func NewLoader() *Loader {
	l := &Loader{}
	b := &buffer{onFill: func() {
		l.mu.Lock()
		l.loads++
		l.mu.Unlock()
	}}
	l.sink = b
	return l
}

func (l *Loader) Reload(items []string) { // want Reload:`acquires replacecache.Loader.mu; calls replacecache.Sink.Fill`
	l.mu.Lock()
	n := l.loads
	l.mu.Unlock()
	if n >= 0 {
		l.sink.Fill(items)
	}
}
