package blocking

// A select without default on one channel blocks like a receive.

import "sync"

type Mailbox struct {
	mu    sync.Mutex
	inbox chan string
}

func (m *Mailbox) Deliver(s string) { // want Deliver:`waits for receive on blocking.Mailbox.inbox; acquires blocking.Mailbox.mu; provides send on blocking.Mailbox.inbox`
	m.mu.Lock()
	defer m.mu.Unlock()
	m.inbox <- s
}

func (m *Mailbox) Take() string { // want Take:`waits for send on blocking.Mailbox.inbox; acquires blocking.Mailbox.mu; provides receive on blocking.Mailbox.inbox`
	m.mu.Lock()
	defer m.mu.Unlock()
	select {
	case s := <-m.inbox: // want `lock held while blocking receive on blocking.Mailbox.inbox -> blocking.Mailbox.mu -> receive on blocking.Mailbox.inbox`
		return s
	}
}
