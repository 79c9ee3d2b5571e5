package variantbuiltin

import "testing"

func close(chan struct{}) {
	other.Lock() // want `lock order cycle variantbuiltin.Queue.mu -> variantbuiltin.other -> variantbuiltin.Queue.mu: \(\*variantbuiltin.Queue\).Stop acquires variantbuiltin.other while holding variantbuiltin.Queue.mu; variantbuiltin.TestOtherThenQueue acquires variantbuiltin.Queue.mu while holding variantbuiltin.other`
	other.Unlock()
}

func TestOtherThenQueue(t *testing.T) {
	q := &Queue{}
	other.Lock()
	q.mu.Lock()
	q.mu.Unlock()
	other.Unlock()
}
