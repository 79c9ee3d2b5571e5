package testentry_test // want package:"lock graph, 1 cycles"

import (
	"testing"

	"testentry"
)

func TestMuThenOther(t *testing.T) {
	testentry.Mu.Lock()
	testentry.LockOther() // want `lock order cycle testentry.Mu -> testentry.Other -> testentry.Mu: testentry_test.TestMuThenOther acquires testentry.Other while holding testentry.Mu; testentry.OtherThenMu acquires testentry.Mu while holding testentry.Other`
	testentry.Mu.Unlock()
}

func TestDoubleLock(t *testing.T) {
	testentry.Mu.Lock()
	defer testentry.Mu.Unlock()
	testentry.LockMu() // want `double lock of testentry.Mu: testentry_test.TestDoubleLock calls testentry.LockMu, which acquires it again`
}

// TestCallbackStored stores a callback that takes Mu: Fire calls it with
// Registry.mu held, an edge of the package's graph.
func TestCallbackStored(t *testing.T) {
	r := &testentry.Registry{Callback: testentry.LockMu}
	r.Fire()
}

func BenchmarkLeak(b *testing.B) {
	testentry.Mu.Lock()
	if b.N > 1 {
		testentry.Mu.Unlock()
	}
	return // want `leaked lock: testentry.Mu is still held here on some paths and released on others`
}

// Testify is not a test (a lower-case letter follows Test): an exported
// function, it keeps its summary.
func Testify() { // want Testify:"acquires testentry.Mu"
	testentry.LockMu()
}

// TestCalled is called by another test: it keeps its summary.
func TestCalled(t *testing.T) { // want TestCalled:"acquires testentry.Mu"
	testentry.LockMu()
}

func TestCaller(t *testing.T) {
	TestCalled(t)
}
