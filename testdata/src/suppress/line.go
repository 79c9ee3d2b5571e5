package suppress

// A reviewed cycle silenced on the line where it is reported.

import "sync"

type Front struct {
	mu   sync.Mutex
	back *Back
}

type Back struct {
	mu    sync.Mutex
	front *Front
}

func (f *Front) Push() { // want Push:`acquires suppress.Back.mu; acquires suppress.Front.mu`
	f.mu.Lock()
	defer f.mu.Unlock()
	f.back.mu.Lock() //lockorder:ignore Push only runs before the Back goroutine starts
	f.back.mu.Unlock()
}

func (b *Back) Pull() { // want Pull:`acquires suppress.Back.mu; acquires suppress.Front.mu`
	b.mu.Lock()
	defer b.mu.Unlock()
	b.front.mu.Lock()
	b.front.mu.Unlock()
}
