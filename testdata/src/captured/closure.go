package captured

import "sync"

// A closure that calls or stores a func parameter of the function it is
// in loads it from the parameter's cell through a free variable: the call
// or the store is the function's, made with the locks it holds.

type Hub struct {
	mu    sync.Mutex
	seen  sync.Mutex
	once  sync.Once
	cb    func()
	next  func()
	watch func()
}

// OnChange registers f once, from a closure.
func (h *Hub) OnChange(f func()) { // want OnChange:"stores param 1 in captured.Hub.cb"
	h.once.Do(func() { h.cb = f })
}

func (h *Hub) fire() { // want fire:"acquires captured.Hub.mu; calls captured.Hub.cb"
	h.mu.Lock() // want `lock order cycle captured.Guest.mu -> captured.Hub.mu -> captured.Guest.mu`
	defer h.mu.Unlock()
	h.cb()
}

// Each calls f with h.mu held, from a closure it calls at once.
func (h *Hub) Each(f func()) { // want Each:"acquires captured.Hub.mu; calls param 1"
	h.mu.Lock()
	defer h.mu.Unlock()
	func() { f() }()
}

// Visit calls f with h.mu and h.seen held, from the closure it gives
// forEach.
func (h *Hub) Visit(f func()) { // want Visit:"acquires captured.Hub.mu; acquires captured.Hub.seen; calls param 1"
	h.forEach(func() {
		h.seen.Lock()
		defer h.seen.Unlock()
		f()
	})
}

// Replace stores f, from the closure it gives forEach.
func (h *Hub) Replace(f func()) { // want Replace:"acquires captured.Hub.mu; stores param 1 in captured.Hub.next"
	h.forEach(func() { h.next = f })
}

func (h *Hub) fireNext() { // want fireNext:"acquires captured.Hub.mu; calls captured.Hub.next"
	h.mu.Lock()
	defer h.mu.Unlock()
	h.next()
}

func (h *Hub) forEach(g func()) { // want forEach:"acquires captured.Hub.mu; calls param 1"
	h.mu.Lock()
	defer h.mu.Unlock()
	g()
}

func (h *Hub) mark() { // want mark:"acquires captured.Hub.seen"
	h.seen.Lock() // want `lock order cycle captured.Guest.mu -> captured.Hub.seen -> captured.Guest.mu`
	h.seen.Unlock()
}

type Member struct {
	mu  sync.Mutex
	hub *Hub
}

func (m *Member) Start() {
	m.hub.OnChange(func() {
		m.mu.Lock() // want `lock order cycle captured.Hub.mu -> captured.Member.mu -> captured.Hub.mu`
		m.mu.Unlock()
	})
}

func (m *Member) Stop() { // want Stop:"acquires captured.Hub.mu; acquires captured.Member.mu; calls captured.Hub.cb"
	m.mu.Lock()
	defer m.mu.Unlock()
	m.hub.fire()
}

type Visitor struct {
	mu  sync.Mutex
	hub *Hub
}

func (v *Visitor) Poke() { // want Poke:"acquires captured.Hub.mu; acquires captured.Visitor.mu"
	v.hub.Each(func() {
		v.mu.Lock() // want `lock order cycle captured.Hub.mu -> captured.Visitor.mu -> captured.Hub.mu`
		v.mu.Unlock()
	})
}

func (v *Visitor) Stop() { // want Stop:"acquires captured.Hub.mu; acquires captured.Visitor.mu; calls captured.Hub.cb"
	v.mu.Lock()
	defer v.mu.Unlock()
	v.hub.fire()
}

type Guest struct {
	mu  sync.Mutex
	hub *Hub
}

func (g *Guest) Poke() { // want Poke:"acquires captured.Guest.mu; acquires captured.Hub.mu; acquires captured.Hub.seen"
	g.hub.Visit(func() {
		g.mu.Lock()
		g.mu.Unlock()
	})
}

func (g *Guest) Stop() { // want Stop:"acquires captured.Guest.mu; acquires captured.Hub.mu; acquires captured.Hub.seen; calls captured.Hub.cb"
	g.mu.Lock()
	defer g.mu.Unlock()
	g.hub.mark()
	g.hub.fire()
}

type Lodger struct {
	mu  sync.Mutex
	hub *Hub
}

func (l *Lodger) Start() { // want Start:"acquires captured.Hub.mu"
	l.hub.Replace(func() {
		l.mu.Lock() // want `lock order cycle captured.Hub.mu -> captured.Lodger.mu -> captured.Hub.mu`
		l.mu.Unlock()
	})
}

func (l *Lodger) Stop() { // want Stop:"acquires captured.Hub.mu; acquires captured.Lodger.mu; calls captured.Hub.next"
	l.mu.Lock()
	defer l.mu.Unlock()
	l.hub.fireNext()
}

// Watch wraps f in a closure and stores the closure: whoever calls the
// slot calls f.
func (h *Hub) Watch(f func()) { // want Watch:"stores param 1 in captured.Hub.watch"
	h.watch = func() { f() }
}

// WatchCopy does the same through a local copy of f.
func (h *Hub) WatchCopy(f func()) { // want WatchCopy:"stores param 1 in captured.Hub.watch"
	g := f
	h.watch = func() { g() }
}

func (h *Hub) notify() { // want notify:"acquires captured.Hub.mu; calls captured.Hub.watch"
	h.mu.Lock()
	defer h.mu.Unlock()
	h.watch()
}

type Tenant struct {
	mu  sync.Mutex
	hub *Hub
}

func (t *Tenant) Start() {
	t.hub.Watch(func() {
		t.mu.Lock() // want `lock order cycle captured.Hub.mu -> captured.Tenant.mu -> captured.Hub.mu`
		t.mu.Unlock()
	})
}

func (t *Tenant) Stop() { // want Stop:"acquires captured.Hub.mu; acquires captured.Tenant.mu; calls captured.Hub.watch"
	t.mu.Lock()
	defer t.mu.Unlock()
	t.hub.notify()
}
