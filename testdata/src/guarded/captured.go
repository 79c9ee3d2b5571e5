package guarded

// A bool parameter that a closure captures lives in a cell, and each
// `if lock` loads it again: every load is the parameter, so the lock and
// the unlock are under one condition (nothing leaks), and a caller that
// passes false, holding the lock, does not take it again. Silent.

// drop takes and releases the lock in two branches on lock, which its
// closure reads too.
func (t *T) drop(lock bool, each func(func())) { // want drop:"acquires guarded.T.mu; calls param 2"
	if lock {
		t.mu.Lock()
	}
	each(func() {
		if lock {
			t.n--
		}
	})
	if lock {
		t.mu.Unlock()
	}
}

func (t *T) Drop() { // want Drop:"acquires guarded.T.mu"
	t.mu.Lock()
	defer t.mu.Unlock()
	t.drop(false, func(f func()) { f() })
}

// count takes the lock unless its caller holds it, in one branch.
func (t *T) count(hasLock bool, each func(func())) int { // want count:"acquires guarded.T.mu; calls param 2"
	if !hasLock {
		t.mu.Lock()
		defer t.mu.Unlock()
	}
	n := 0
	each(func() {
		if hasLock {
			n++
		}
	})
	return n
}

func (t *T) Count() int { // want Count:"acquires guarded.T.mu"
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.count(true, func(f func()) { f() })
}

// trim compares its captured parameter, the same way twice.
func (t *T) trim(level int, each func(func())) { // want trim:"acquires guarded.T.mu; calls param 2"
	if level > 0 {
		t.mu.Lock()
	}
	each(func() { t.n -= level })
	if level > 0 {
		t.mu.Unlock()
	}
}
