package fanout // want package:`lock graph, 0 cycles`

// An interface with nine implementations, called while holding a lock
// that one implementation's caller takes after it: more possible callees
// than lockorder follows (maxCallees), so it stays silent in both modes
// rather than reporting an order no single call has.

import "sync"

type Handler interface{ Handle() }

type Router struct {
	mu       sync.Mutex
	handlers []Handler
	h        Handler
}

func NewRouter() *Router {
	r := &Router{}
	r.handlers = append(r.handlers, &impl0{})
	r.handlers = append(r.handlers, &impl1{})
	r.handlers = append(r.handlers, &impl2{})
	r.handlers = append(r.handlers, &impl3{})
	r.handlers = append(r.handlers, &impl4{})
	r.handlers = append(r.handlers, &impl5{})
	r.handlers = append(r.handlers, &impl6{})
	r.handlers = append(r.handlers, &impl7{})
	r.handlers = append(r.handlers, &impl8{})
	return r
}

func (r *Router) Dispatch() { // want Dispatch:`acquires fanout.Router.mu; calls fanout.Handler.Handle\(\)`
	r.mu.Lock()
	defer r.mu.Unlock()
	r.h.Handle()
}

type impl0 struct{ mu sync.Mutex }

func (x *impl0) Handle() { // want Handle:`acquires fanout.impl0.mu`
	x.mu.Lock()
	x.mu.Unlock()
}

type impl1 struct{ mu sync.Mutex }

func (x *impl1) Handle() { // want Handle:`acquires fanout.impl1.mu`
	x.mu.Lock()
	x.mu.Unlock()
}

type impl2 struct{ mu sync.Mutex }

func (x *impl2) Handle() { // want Handle:`acquires fanout.impl2.mu`
	x.mu.Lock()
	x.mu.Unlock()
}

type impl3 struct{ mu sync.Mutex }

func (x *impl3) Handle() { // want Handle:`acquires fanout.impl3.mu`
	x.mu.Lock()
	x.mu.Unlock()
}

type impl4 struct{ mu sync.Mutex }

func (x *impl4) Handle() { // want Handle:`acquires fanout.impl4.mu`
	x.mu.Lock()
	x.mu.Unlock()
}

type impl5 struct{ mu sync.Mutex }

func (x *impl5) Handle() { // want Handle:`acquires fanout.impl5.mu`
	x.mu.Lock()
	x.mu.Unlock()
}

type impl6 struct{ mu sync.Mutex }

func (x *impl6) Handle() { // want Handle:`acquires fanout.impl6.mu`
	x.mu.Lock()
	x.mu.Unlock()
}

type impl7 struct{ mu sync.Mutex }

func (x *impl7) Handle() { // want Handle:`acquires fanout.impl7.mu`
	x.mu.Lock()
	x.mu.Unlock()
}

type impl8 struct{ mu sync.Mutex }

func (x *impl8) Handle() { // want Handle:`acquires fanout.impl8.mu`
	x.mu.Lock()
	x.mu.Unlock()
}

func (x *impl0) Route(r *Router) { // want Route:`acquires fanout.Router.mu; acquires fanout.impl0.mu`
	x.mu.Lock()
	defer x.mu.Unlock()
	r.mu.Lock()
	r.mu.Unlock()
}
