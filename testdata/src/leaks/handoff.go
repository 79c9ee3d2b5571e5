package leaks

// A function that takes a lock for the handle it returns on success
// (go.etcd.io/bbolt's DB.beginTx, badger's getFileRLocked) holds it at
// every return of a nil error and releases it at every return of another:
// the caller releases it with the handle. Not a leak, also when deferred
// calls run at the returns. A function that keeps the lock when it fails
// and releases it when it succeeds, or keeps it on some paths of a
// success, or whose error a deferred closure may change, still leaks.

import "errors"

type DB struct {
	rw, meta Conn
	open     bool
	errp     *error
}

type Tx struct{ db *DB }

var errClosed = errors.New("closed")

func (db *DB) begin() (*Tx, error) { // want begin:`acquires leaks.Conn.mu`
	db.rw.mu.Lock()
	if !db.open {
		db.rw.mu.Unlock()
		return nil, errClosed
	}
	return &Tx{db}, nil
}

func (db *DB) beginRW(readOnly bool) (*Tx, error) { // want beginRW:`acquires leaks.Conn.mu`
	if readOnly {
		return nil, errClosed
	}
	db.rw.mu.Lock()
	db.meta.mu.Lock()
	defer db.meta.mu.Unlock()
	if !db.open {
		db.rw.mu.Unlock()
		return nil, errClosed
	}
	return &Tx{db}, nil
}

func (tx *Tx) Rollback() { tx.db.rw.mu.Unlock() } // want Rollback:`releases leaks.Conn.mu`

// peek keeps the lock when it fails, and releases it when it succeeds.
func (db *DB) peek() (*Tx, error) { // want peek:`acquires leaks.Conn.mu`
	db.rw.mu.Lock()
	if !db.open {
		return nil, errClosed // want `leaked lock: leaks.Conn.mu is still held here on some paths and released on others`
	}
	db.rw.mu.Unlock()
	return &Tx{db}, nil
}

// beginMaybe takes the lock on some paths of a success only.
func (db *DB) beginMaybe() (*Tx, error) { // want beginMaybe:`acquires leaks.Conn.mu`
	if !db.open {
		return nil, errClosed
	}
	if db.meta.buf != nil {
		db.rw.mu.Lock()
	}
	return &Tx{db}, nil // want `leaked lock: leaks.Conn.mu is still held here on some paths and released on others`
}

// beginChecked's deferred closure may turn the success into an error.
func (db *DB) beginChecked() (tx *Tx, err error) { // want beginChecked:`acquires leaks.Conn.mu`
	defer func() {
		if !db.open {
			err = errClosed
		}
	}()
	db.rw.mu.Lock()
	if db.meta.buf == nil {
		db.rw.mu.Unlock()
		return nil, errClosed
	}
	return &Tx{db}, nil // want `leaked lock: leaks.Conn.mu is still held here on some paths and released on others`
}

// saveOnce panics with the lock held, and never returns a nil error.
func (db *DB) saveOnce() (*Tx, error) { // want saveOnce:`acquires leaks.Conn.mu`
	db.rw.mu.Lock()
	if db.open {
		panic("open") // want `leaked lock: leaks.Conn.mu is still held here on some paths and released on others`
	}
	db.rw.mu.Unlock()
	return nil, db.save()
}

func (db *DB) save() error {
	if db.meta.buf == nil {
		return errClosed
	}
	return nil
}

// beginWatched hands out the address of its error: whoever holds it may
// turn the success into an error, as beginChecked's deferred closure may.
func (db *DB) beginWatched() (tx *Tx, err error) { // want beginWatched:`acquires leaks.Conn.mu`
	db.errp = &err
	defer db.check()
	db.rw.mu.Lock()
	if db.meta.buf == nil {
		db.rw.mu.Unlock()
		return nil, errClosed
	}
	return &Tx{db}, nil // want `leaked lock: leaks.Conn.mu is still held here on some paths and released on others`
}

func (db *DB) check() {
	if !db.open {
		*db.errp = errClosed
	}
}
