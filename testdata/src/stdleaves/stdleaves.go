package stdleaves // want package:"lock graph, 0 cycles"

// The testing package takes only its own locks while it holds
// testing.common.mu: it is one of testing's leaves (see leafLocks), left out
// of the summaries of t.Errorf and t.Fatal, and of this package's.

import (
	"sync"
	"testing"
)

var mu sync.Mutex

func Check(t *testing.T) { // want Check:`^acquires stdleaves.mu$`
	mu.Lock()
	t.Errorf("checked")
	mu.Unlock()
}

func Report(t *testing.T) {
	t.Fatal("reported")
}
