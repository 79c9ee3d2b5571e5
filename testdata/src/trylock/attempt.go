package trylock // want package:`lock graph, 1 cycles`

// A TryLock attempt never blocks, so it makes no edge: trying Front's lock
// while holding Back's, against the order Front before Back, is safe.

import "sync"

type Front struct {
	mu   sync.Mutex
	back *Back
}

type Back struct {
	mu    sync.Mutex
	front *Front
}

func (f *Front) Sync() { // want Sync:`acquires trylock.Back.mu; acquires trylock.Front.mu`
	f.mu.Lock()
	defer f.mu.Unlock()
	f.back.mu.Lock()
	f.back.mu.Unlock()
}

func (b *Back) Nudge() { // want Nudge:`acquires trylock.Back.mu`
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.front.mu.TryLock() {
		b.front.mu.Unlock()
	}
}
