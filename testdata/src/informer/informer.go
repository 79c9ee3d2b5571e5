package informer // want package:`lock graph, 0 cycles`

// A shared informer that calls its handlers, registered as a struct of
// funcs, while holding its lock.

import "sync"

type ResourceEventHandlerFuncs struct {
	AddFunc    func(obj string)
	DeleteFunc func(obj string)
}

type Informer struct {
	mu       sync.Mutex
	handlers []ResourceEventHandlerFuncs
	items    []string
	handler  ResourceEventHandlerFuncs
}

func (i *Informer) AddEventHandler(h ResourceEventHandlerFuncs) { // want AddEventHandler:`acquires informer.Informer.mu`
	i.mu.Lock()
	defer i.mu.Unlock()
	i.handler = h
}

func (i *Informer) Add(obj string) { // want Add:`acquires informer.Informer.mu; calls informer.ResourceEventHandlerFuncs.AddFunc`
	i.mu.Lock()
	defer i.mu.Unlock()
	i.items = append(i.items, obj)
	i.handler.AddFunc(obj)
}

func (i *Informer) List() []string { // want List:`acquires informer.Informer.mu`
	i.mu.Lock()
	defer i.mu.Unlock()
	return append([]string(nil), i.items...)
}
