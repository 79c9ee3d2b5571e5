package leaks

import "sync"

// A callback run with its caller's lock held, that releases the captured
// lock around a call and takes it back before returning, as nats-server's
// Range callbacks in reloadAuthorization and configureAccounts do: the
// closure's free variable is its caller's, held on entry and on exit; no
// leak at the return that skips the release.

type Accounts struct {
	mu     sync.Mutex
	names  sync.Map
	loaded int
}

func (a *Accounts) Reload() { // want Reload:`acquires leaks.Accounts.mu`
	a.mu.Lock()
	defer a.mu.Unlock()
	a.names.Range(func(k, v any) bool {
		if v == nil {
			return true
		}
		a.mu.Unlock()
		load(k)
		a.mu.Lock()
		a.loaded++
		return true
	})
}

func load(any) {}
