package variantinitfunc

// The package initializer takes mu (held is set by a function that returns
// holding it) and then runs init, which takes other and releases mu: the
// edge mu -> other goes through the initializer's call of init, in both
// variants (see analyzer/variant.go).

import "sync"

var mu, other sync.Mutex

var held = lockMu()

func lockMu() bool {
	mu.Lock()
	return true
}

func init() {
	other.Lock()
	other.Unlock()
	mu.Unlock()
}
