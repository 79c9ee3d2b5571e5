package lockers

// An embedded mutex is the class T.Mutex.

import "sync"

type Book struct {
	sync.Mutex
	shelf *Shelf
}

type Shelf struct {
	sync.RWMutex
	book *Book
}

func (b *Book) Move() { // want Move:`acquires lockers.Book.Mutex; acquires lockers.Shelf.RWMutex`
	b.Lock()
	defer b.Unlock()
	b.shelf.Lock() // want `lock order cycle lockers.Book.Mutex -> lockers.Shelf.RWMutex -> lockers.Book.Mutex`
	b.shelf.Unlock()
}

func (s *Shelf) Count() { // want Count:`acquires lockers.Book.Mutex; acquires lockers.Shelf.RWMutex \(read\)`
	s.RLock()
	defer s.RUnlock()
	s.book.Lock()
	s.book.Unlock()
}
