package leaks

// A function that returns the mutex it holds hands the lock over with it,
// as github.com/segmentio/kafka-go's Conn.waitResponse does when the
// response is its own ("don't unlock the read mutex to yield ownership to
// the caller"): the caller unlocks what it got. Not a leak. A function
// that returns another mutex than the one it holds still leaks.

import "sync"

type Wire struct {
	rlock, wlock sync.Mutex
	next         int
	closed       bool
}

func (w *Wire) waitTurn(id int) (lock *sync.Mutex, err error) { // want waitTurn:`acquires leaks.Wire.rlock`
	for {
		w.rlock.Lock()
		if w.closed {
			err = errClosed
			w.rlock.Unlock()
			break
		}
		if w.next == id {
			lock = &w.rlock
			break
		}
		w.rlock.Unlock()
	}
	return
}

// Receive releases the lock waitTurn yields.
func (w *Wire) Receive(id int) error { // want Receive:`acquires leaks.Wire.rlock`
	lock, err := w.waitTurn(id)
	if err != nil {
		return err
	}
	w.next++
	lock.Unlock()
	return nil
}

// turnLocker yields the lock as a sync.Locker.
func (w *Wire) turnLocker() sync.Locker { // want turnLocker:`acquires leaks.Wire.rlock`
	w.rlock.Lock()
	if w.closed {
		w.rlock.Unlock()
		return nil
	}
	return &w.rlock
}

// wrongTurn returns the write mutex while it holds the read one.
func (w *Wire) wrongTurn() *sync.Mutex { // want wrongTurn:`acquires leaks.Wire.rlock`
	w.rlock.Lock()
	if w.closed {
		w.rlock.Unlock()
		return nil
	}
	return &w.wlock // want `leaked lock: leaks.Wire.rlock is still held here on some paths and released on others`
}
