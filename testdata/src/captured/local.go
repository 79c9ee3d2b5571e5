package captured

import "sync"

// A closure's call of a local func it captures, which the local holds for
// its whole life, is a call of that func; so is a method value's call of
// the func it is bound to. Both run with the locks held where the closure
// or the method value runs.

type Pin struct{ mu sync.Mutex }
type Tag struct{ mu sync.Mutex }
type Mark struct{ mu sync.Mutex }

var (
	pin  Pin
	tag  Tag
	mark Mark
)

func lockPin() {
	pin.mu.Lock() // want `lock order cycle captured.Hub.mu -> captured.Pin.mu -> captured.Hub.mu`
	pin.mu.Unlock()
}

func lockTag() {
	tag.mu.Lock() // want `lock order cycle captured.Hub.mu -> captured.Tag.mu -> captured.Hub.mu`
	tag.mu.Unlock()
}

func lockMark() {
	mark.mu.Lock() // want `lock order cycle captured.Hub.mu -> captured.Mark.mu -> captured.Hub.mu`
	mark.mu.Unlock()
}

type Run func()

func (r Run) Do() { r() } // want Do:"calls param 0"

// Kept gives forEach a closure that calls a captured local.
func Kept(h *Hub) { // want Kept:"acquires captured.Hub.mu; acquires captured.Pin.mu"
	g := lockPin
	h.forEach(func() { g() })
}

// Now calls a captured local from a closure it calls at once, holding
// h.mu.
func Now(h *Hub) { // want Now:"acquires captured.Hub.mu; acquires captured.Tag.mu"
	g := lockTag
	h.mu.Lock()
	defer h.mu.Unlock()
	func() { g() }()
}

// Bound gives forEach a method value bound to a func.
func Bound(h *Hub) { // want Bound:"acquires captured.Hub.mu; acquires captured.Mark.mu"
	h.forEach(Run(lockMark).Do)
}

// Reverse takes h.mu under the three.
func Reverse(h *Hub) { // want Reverse:"acquires captured.Hub.mu; acquires captured.Mark.mu; acquires captured.Pin.mu; acquires captured.Tag.mu"
	pin.mu.Lock()
	defer pin.mu.Unlock()
	tag.mu.Lock()
	defer tag.mu.Unlock()
	mark.mu.Lock()
	defer mark.mu.Unlock()
	h.mu.Lock()
	h.mu.Unlock()
}

// Forward gives forEach a closure that calls a local copy of its
// parameter: the call is the parameter's.
func (h *Hub) Forward(f func()) { // want Forward:"acquires captured.Hub.mu; calls param 1"
	g := f
	h.forEach(func() { g() })
}
