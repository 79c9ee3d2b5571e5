package oncedo // want package:`lock graph, 1 cycles`

// sync.Once.Do runs f on the caller's goroutine, with the caller's locks.

import "sync"

type Client struct {
	mu     sync.Mutex
	once   sync.Once
	config *Config
}

type Config struct {
	mu     sync.Mutex
	client *Client
}

func (c *Client) Init() { // want Init:`acquires oncedo.Client.mu; acquires oncedo.Config.mu`
	c.mu.Lock()
	defer c.mu.Unlock()
	c.once.Do(func() {
		c.config.mu.Lock() // want `lock order cycle oncedo.Client.mu -> oncedo.Config.mu -> oncedo.Client.mu: \(\*oncedo.Client\).Init acquires oncedo.Config.mu while holding oncedo.Client.mu; \(\*oncedo.Config\).Reload acquires oncedo.Client.mu while holding oncedo.Config.mu`
		c.config.mu.Unlock()
	})
}

func (cfg *Config) Reload() { // want Reload:`acquires oncedo.Client.mu; acquires oncedo.Config.mu`
	cfg.mu.Lock()
	defer cfg.mu.Unlock()
	cfg.client.mu.Lock()
	cfg.client.mu.Unlock()
}
