package guarded

// A helper that takes a lock only when its caller asks for it, by a
// parameter or by a variable the helper's closure captures that is set
// once (nats-server's removeMsg: `fsLock := func() { if needFSLock {
// fs.mu.Lock() } }`, and the accLock closure over `isq := len(sub.queue) >
// 0`), returns holding the lock on the paths its caller chose and
// releases it nowhere: not a leak. Silent.

// lockIf takes the lock when asked, and unlockIf releases it.
func (t *T) lockIf(lock bool) { // want lockIf:"acquires guarded.T.mu"
	if lock {
		t.mu.Lock()
	}
}

func (t *T) unlockIf(lock bool) { // want unlockIf:"releases guarded.T.mu"
	if lock {
		t.mu.Unlock()
	}
}

func (t *T) Bump(lock bool) { // want Bump:"acquires guarded.T.mu; releases guarded.T.mu"
	t.lockIf(lock)
	t.n++
	t.unlockIf(lock)
}

// erase has the two helpers as closures over its parameter.
func (t *T) erase(needLock bool) { // want erase:"acquires guarded.T.mu; releases guarded.T.mu"
	lock := func() {
		if needLock {
			t.mu.Lock()
		}
	}
	unlock := func() {
		if needLock {
			t.mu.Unlock()
		}
	}
	lock()
	t.n--
	unlock()
}

// add has them as closures over a local set once.
func (t *T) add(q []int) { // want add:"acquires guarded.T.mu; releases guarded.T.mu"
	queued := len(q) > 0
	lock := func() {
		if queued {
			t.mu.Lock()
		}
	}
	unlock := func() {
		if queued {
			t.mu.Unlock()
		}
	}
	lock()
	t.n += len(q)
	unlock()
}

// swap's closure tests the captured parameter twice: both tests read the
// one value.
func (t *T) swap(lock bool, n int) { // want swap:"acquires guarded.T.mu"
	func() {
		if lock {
			t.mu.Lock()
		}
		t.n = n
		if lock {
			t.mu.Unlock()
		}
	}()
}
