package controller // want package:`lock graph, 1 cycles`

// The controller's handler takes the controller's lock; the controller
// lists the informer while holding it: informer.mu and controller.mu in
// opposite orders.

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
	inf.AddEventHandler(informer.ResourceEventHandlerFuncs{
		AddFunc: func(obj string) {
			c.mu.Lock()
			c.queue = append(c.queue, obj)
			c.mu.Unlock()
		},
	})
	return c
}

func (c *Controller) Resync() { // want Resync:`acquires controller.Controller.mu; acquires informer.Informer.mu`
	c.mu.Lock()
	defer c.mu.Unlock()
	c.queue = c.informer.List() // want `lock order cycle controller.Controller.mu -> informer.Informer.mu -> controller.Controller.mu: \(\*controller.Controller\).Resync acquires informer.Informer.mu while holding controller.Controller.mu; \(\*informer.Informer\).Add acquires controller.Controller.mu while holding informer.Informer.mu`
}
