package controllerok // want package:`lock graph, 0 cycles`

// The handler only sends to a buffered queue; no lock is taken under the
// informer's.

import (
	"sync"

	"informer"
)

type Controller struct {
	mu       sync.Mutex
	informer *informer.Informer
	queue    []string
}

func New(inf *informer.Informer) *Controller { // want New:`acquires informer.Informer.mu`
	c := &Controller{informer: inf}
	events := make(chan string, 100)
	inf.AddEventHandler(informer.ResourceEventHandlerFuncs{
		AddFunc: func(obj string) { events <- obj },
	})
	return c
}

func (c *Controller) Resync() { // want Resync:`acquires controllerok.Controller.mu; acquires informer.Informer.mu`
	c.mu.Lock()
	defer c.mu.Unlock()
	c.queue = c.informer.List()
}
