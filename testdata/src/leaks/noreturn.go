package leaks

import (
	"log"
	"runtime"
	"sync"
)

// The code after log.Fatalf never runs: the return below it does not leak
// the lock (noReturn); and the process is gone, so nothing waits for it.
// runtime.Goexit only ends the goroutine: a lock it leaves held blocks the
// others, as a test's t.Fatal does with a lock held.

type Config struct {
	mu     sync.Mutex
	values map[string]int
}

func (c *Config) Must(key string) int { // want Must:`^acquires leaks.Config.mu$`
	c.mu.Lock()
	if v, ok := c.values[key]; ok {
		c.mu.Unlock()
		return v
	}
	log.Fatalf("no %s", key)
	return 0
}

func (c *Config) MustOrQuit(key string) int { // want MustOrQuit:`^acquires leaks.Config.mu$`
	c.mu.Lock()
	v, ok := c.values[key]
	if !ok {
		runtime.Goexit() // want `leaked lock: leaks.Config.mu is still held here on some paths and released on others`
	}
	c.mu.Unlock()
	return v
}
