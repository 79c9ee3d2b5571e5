package variantuniverse

import "testing"

var len = func(items []int) int {
	other.Lock()
	defer other.Unlock()
	n := 0
	for range items {
		n++
	}
	return n
}

func TestOtherThenQueue(t *testing.T) {
	q := &Queue{}
	other.Lock()
	q.mu.Lock()
	q.mu.Unlock()
	other.Unlock()
}
