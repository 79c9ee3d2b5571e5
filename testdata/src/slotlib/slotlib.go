package slotlib

// An interface with an unexported method: only this package's types
// implement it, yet another package may convert them to it, and the call
// through its slot then needs the method's fact. An unexported method that
// no interface of the package has gets no fact: no other package reaches
// it.

import "sync"

var mu sync.Mutex

type Closer interface{ close() }

type File struct{}

func (*File) close() { // want close:"acquires slotlib.mu"
	mu.Lock()
	mu.Unlock()
}

func (*File) flush() {
	mu.Lock()
	mu.Unlock()
}

// Sync flushes the file.
func (f *File) Sync() { // want Sync:"acquires slotlib.mu"
	f.flush()
}

// CloseAll closes every closer.
func CloseAll(cs []Closer) { // want CloseAll:"calls slotlib.Closer.close\\(\\)"
	for _, c := range cs {
		c.close()
	}
}

// Locked calls f with mu held.
func Locked(f func()) { // want Locked:"acquires slotlib.mu; calls param 0"
	mu.Lock()
	defer mu.Unlock()
	f()
}
