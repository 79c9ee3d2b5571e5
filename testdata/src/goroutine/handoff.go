package goroutine

// A lock handed to a goroutine that releases it is no longer held by the
// function that started the goroutine, from the go statement on, as in
// nats-server's TestReadloopWarning: the test locks a client's mu, starts
// a goroutine that unlocks it a little later, and its deferred Shutdown
// takes the server's locks. Registry.Close takes Registry.mu, then each
// Client.mu: had the starters kept Client.mu, Close after it would be a
// cycle. A goroutine that does not release the lock (Watch) leaves it held.

import (
	"sync"
	"time"
)

type Registry struct {
	mu      sync.Mutex
	clients []*Client
}

type Client struct {
	mu   sync.Mutex
	name string
}

func (r *Registry) Close() { // want Close:"acquires goroutine.Client.mu; acquires goroutine.Registry.mu"
	r.mu.Lock() // want `lock order cycle goroutine.Client.mu -> goroutine.Registry.mu -> goroutine.Client.mu: goroutine.Watch acquires`
	defer r.mu.Unlock()
	for _, c := range r.clients {
		c.mu.Lock()
		c.name = ""
		c.mu.Unlock()
	}
}

// Stall is TestReadloopWarning's shape: a closure captures c and unlocks
// c.mu; the deferred Close runs after the hand-off.
func Stall(r *Registry, c *Client) { // want Stall:"acquires goroutine.Client.mu; acquires goroutine.Registry.mu"
	defer r.Close()
	c.mu.Lock()
	go func() {
		time.Sleep(10 * time.Millisecond)
		c.mu.Unlock()
	}()
}

// StallFunc hands c.mu to a function that takes the mutex as an argument,
// then waits for it: no double lock.
func StallFunc(r *Registry, c *Client) { // want StallFunc:"acquires goroutine.Client.mu; acquires goroutine.Registry.mu"
	c.mu.Lock()
	go unlockLater(&c.mu)
	r.Close()
	c.mu.Lock()
	c.mu.Unlock()
}

func unlockLater(mu *sync.Mutex) {
	time.Sleep(10 * time.Millisecond)
	mu.Unlock()
}

// StallMethod hands c.mu to a method, StallMethodValue to a method value of
// the mutex, StallUnlock to the mutex's Unlock itself.
func StallMethod(r *Registry, c *Client) { // want StallMethod:"acquires goroutine.Client.mu; acquires goroutine.Registry.mu"
	c.mu.Lock()
	go c.release()
	r.Close()
}

func (c *Client) release() { c.mu.Unlock() } // want release:"releases goroutine.Client.mu"

func StallMethodValue(r *Registry, c *Client) { // want StallMethodValue:"acquires goroutine.Client.mu; acquires goroutine.Registry.mu"
	c.mu.Lock()
	unlock := c.mu.Unlock
	go unlock()
	r.Close()
}

func StallUnlock(r *Registry, c *Client) { // want StallUnlock:"acquires goroutine.Client.mu; acquires goroutine.Registry.mu"
	c.mu.Lock()
	go c.mu.Unlock()
	r.Close()
}

// Watch starts a goroutine that waits for c.mu: the lock stays with Watch.
func Watch(r *Registry, c *Client) { // want Watch:"acquires goroutine.Client.mu; acquires goroutine.Registry.mu"
	c.mu.Lock()
	defer c.mu.Unlock()
	go func() {
		c.mu.Lock()
		c.name = "watched"
		c.mu.Unlock()
	}()
	r.Close() // the cycle with Close, reported above
}

// StallRecover hands c.mu to a closure that a goroutine runs through a
// helper calling its func argument, as sarama's Broker.Open does with
// withRecover: the lock is the goroutine's from the go statement on, on
// every return: no leak, no cycle.
func StallRecover(r *Registry, c *Client) { // want StallRecover:"acquires goroutine.Client.mu; acquires goroutine.Registry.mu"
	if c.name == "" {
		return
	}
	c.mu.Lock()
	go safely(func() {
		defer c.mu.Unlock()
		c.name = "opened"
	})
	r.Close()
}

func safely(fn func()) {
	defer func() { _ = recover() }()
	fn()
}

// StallPair hands c.mu to a closure with a parameter of its own: the
// closure's captured c is c's binding, after its parameter, and r, captured
// next, stays the starter's to unlock.
func StallPair(r *Registry, c *Client) { // want StallPair:"acquires goroutine.Client.mu; acquires goroutine.Registry.mu"
	if !ready() {
		return
	}
	r.mu.Lock()
	c.mu.Lock()
	go safelyWith(func(n int) {
		defer c.mu.Unlock()
		c.name = r.clients[n].name
	})
	r.mu.Unlock()
}

func ready() bool { return time.Now().Unix()%2 == 0 }

func safelyWith(fn func(int)) {
	defer func() { _ = recover() }()
	fn(0)
}

// StallAt releases c.mu through a closure that a helper calls at once,
// with no goroutine: the helper's call of its argument releases it here.
func StallAt(r *Registry, c *Client) { // want StallAt:"acquires goroutine.Client.mu; acquires goroutine.Registry.mu"
	c.mu.Lock()
	safely(func() { c.mu.Unlock() })
	r.Close()
}
