package callbacklit // want package:"lock graph, 1 cycles"

// A callback set by a composite literal and called while its owner's lock
// is held; the callback takes the registering type's lock, which is held
// while calling back into the watcher.

import "sync"

type watcher struct {
	mu      sync.Mutex
	onEvent func()
}

func (w *watcher) fire() { // want fire:"acquires callbacklit.watcher.mu; calls callbacklit.watcher.onEvent"
	w.mu.Lock()
	defer w.mu.Unlock()
	w.onEvent()
}

func (w *watcher) add() { // want add:"acquires callbacklit.watcher.mu"
	w.mu.Lock() // want `lock order cycle callbacklit.Controller.mu -> callbacklit.watcher.mu -> callbacklit.Controller.mu`
	w.mu.Unlock()
}

type Controller struct {
	mu sync.Mutex
	w  *watcher
}

func NewController() *Controller {
	c := &Controller{}
	c.w = &watcher{onEvent: func() {
		c.mu.Lock()
		c.mu.Unlock()
	}}
	return c
}

func (c *Controller) Watch() { // want Watch:"acquires callbacklit.Controller.mu; acquires callbacklit.watcher.mu"
	c.mu.Lock()
	defer c.mu.Unlock()
	c.w.add()
}
