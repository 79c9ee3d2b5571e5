package variantinit // want package:"lock graph, 0 cycles"

// A closure of the package initializer is walked again by the test
// variant, which walks the initializer: its leak is reported once.

import "sync"

var outer, inner sync.Mutex

func Nested() { // want Nested:"acquires variantinit.inner; acquires variantinit.outer"
	outer.Lock()
	inner.Lock()
	inner.Unlock()
	outer.Unlock()
}

var mu sync.Mutex

var ready = func() bool {
	mu.Lock()
	if len(names) > 0 {
		return true // want `leaked lock: variantinit.mu is still held here on some paths and released on others`
	}
	mu.Unlock()
	return false
}()

var names []string
