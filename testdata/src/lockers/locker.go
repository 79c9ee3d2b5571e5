package lockers

// A sync.Locker holding &s.mu is s.mu: an AB-BA through it is a cycle.

import "sync"

type Session struct {
	mu     sync.Mutex
	locker sync.Locker
	user   *User
}

type User struct {
	mu      sync.Mutex
	session *Session
}

func NewSession() *Session {
	s := &Session{}
	s.locker = &s.mu
	return s
}

func (s *Session) Touch() { // want Touch:`acquires lockers.Session.mu; acquires lockers.User.mu`
	s.locker.Lock()
	defer s.locker.Unlock()
	s.user.mu.Lock() // want `lock order cycle lockers.Session.mu -> lockers.User.mu -> lockers.Session.mu`
	s.user.mu.Unlock()
}

func (u *User) Logout() { // want Logout:`acquires lockers.Session.mu; acquires lockers.User.mu`
	u.mu.Lock()
	defer u.mu.Unlock()
	u.session.mu.Lock()
	u.session.mu.Unlock()
}
