package rwlocks

// Taking the write lock while holding the read lock of one RWMutex never
// returns.

import "sync"

type Table struct {
	mu   sync.RWMutex
	rows map[string]int
}

func (t *Table) GetOrCreate(k string) int { // want GetOrCreate:`acquires rwlocks.Table.mu; acquires rwlocks.Table.mu \(read\); releases rwlocks.Table.mu`
	t.mu.RLock()
	defer t.mu.RUnlock()
	if v, ok := t.rows[k]; ok {
		return v
	}
	t.mu.Lock() // want `lock upgrade of rwlocks.Table.mu in \(\*rwlocks.Table\).GetOrCreate: write lock requested while holding the read lock`
	defer t.mu.Unlock()
	t.rows[k] = len(t.rows)
	return t.rows[k]
}
