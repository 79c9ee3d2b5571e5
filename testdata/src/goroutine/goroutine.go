package goroutine // want package:"lock graph, 1 cycles"

// A goroutine started while a lock is held runs without it.

import "sync"

type Server struct {
	mu   sync.Mutex
	conn *Conn
}

type Conn struct {
	mu     sync.Mutex
	server *Server
}

func (s *Server) Start() { // want Start:"acquires goroutine.Server.mu"
	s.mu.Lock()
	defer s.mu.Unlock()
	go s.conn.serve()
	go func() {
		s.conn.mu.Lock()
		s.conn.mu.Unlock()
	}()
}

func (c *Conn) serve() { // want serve:"acquires goroutine.Conn.mu; acquires goroutine.Server.mu"
	c.mu.Lock()
	defer c.mu.Unlock()
	c.server.mu.Lock()
	c.server.mu.Unlock()
}
