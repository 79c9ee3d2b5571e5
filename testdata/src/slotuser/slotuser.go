package slotuser // want package:"lock graph, 1 cycles"

// Converting a slotlib.File to slotlib.Closer registers its unexported
// close method, whose fact says it takes slotlib.mu, with other held: the
// inverse of what Locked's callback does. The witness of the callback's
// edge begins with the call of Locked, which holds slotlib.mu.

import (
	"sync"

	"slotlib"
)

var other sync.Mutex

func Shutdown() { // want Shutdown:"acquires slotuser.other; calls slotlib.Closer.close\\(\\)"
	other.Lock()
	defer other.Unlock()
	slotlib.CloseAll([]slotlib.Closer{&slotlib.File{}})
}

func Visit() { // want Visit:"acquires slotlib.mu; acquires slotuser.other"
	slotlib.Locked(func() {
		other.Lock() // want `lock order cycle slotlib.mu -> slotuser.other -> slotlib.mu: slotuser.Visit acquires slotuser.other while holding slotlib.mu; slotuser.Shutdown acquires slotlib.mu while holding slotuser.other`
		other.Unlock()
	})
}
