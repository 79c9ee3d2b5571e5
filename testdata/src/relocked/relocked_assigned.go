package relocked

import "sync"

// A parameter that closures capture lives in a cell; when the function
// assigns it, a load from the cell is not the parameter: the lock taken
// after the assignment is not the caller's taken back, and moveTo neither
// releases the caller's lock nor returns holding it, as far as lockorder
// can tell.

type Account struct {
	mu   sync.Mutex
	next *Account
}

// moveTo must be called with a.mu held; it returns holding b.mu instead.
func (a *Account) moveTo(b *Account) { // want moveTo:"^acquires relocked.Account.mu$"
	a.mu.Unlock()
	a = b
	func() { a.next = nil }()
	a.mu.Lock()
}
