package guarded

// A lock taken under a condition, released on every path while a callback
// runs, and taken back where the caller held it (nats-server's
// fileStore.removeMsg: `fs.mu.Unlock(); cb(…); if !needFSLock {
// fs.mu.Lock() }` … `else if needFSLock { fs.mu.Unlock() }`): where
// needLock is false the unlock released the caller's lock, which the
// function restores. Silent.

func (t *T) update(needLock bool, cb func()) { // want update:"acquires guarded.T.mu; calls param 2"
	if needLock {
		t.mu.Lock()
	}
	t.n++
	if cb != nil {
		t.mu.Unlock()
		cb()
		if !needLock {
			t.mu.Lock()
		}
	} else if needLock {
		t.mu.Unlock()
	}
}

// unlock releases t.mu.
func (t *T) unlock() { // want unlock:"releases guarded.T.mu"
	t.mu.Unlock()
}

// updateVia is update with the unlocks made by a helper: a callee's
// release is an Unlock here, so it restores the caller's lock the same way.
// Silent.
func (t *T) updateVia(needLock bool, cb func()) { // want updateVia:"acquires guarded.T.mu; calls param 2"
	if needLock {
		t.mu.Lock()
	}
	t.n++
	if cb != nil {
		t.unlock()
		cb()
		if !needLock {
			t.mu.Lock()
		}
	} else if needLock {
		t.unlock()
	}
}
