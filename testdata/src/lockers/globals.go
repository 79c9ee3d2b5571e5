package lockers

// Package-level mutexes, and mutexes in a slice and a map field, one class
// for all elements.

import "sync"

var (
	registryMu sync.Mutex
	metricsMu  sync.Mutex
)

type Shards struct {
	locks [8]sync.Mutex
	byKey map[string]*sync.Mutex
}

func Register() { // want Register:`acquires lockers.metricsMu; acquires lockers.registryMu`
	registryMu.Lock()
	defer registryMu.Unlock()
	metricsMu.Lock()
	metricsMu.Unlock()
}

func Collect() { // want Collect:`acquires lockers.metricsMu; acquires lockers.registryMu`
	metricsMu.Lock()
	defer metricsMu.Unlock()
	registryMu.Lock() // want `lock order cycle lockers.metricsMu -> lockers.registryMu -> lockers.metricsMu`
	registryMu.Unlock()
}

func (s *Shards) Rebalance(i int, k string) { // want Rebalance:`acquires lockers.Shards.byKey\[\]; acquires lockers.Shards.locks\[\]`
	s.locks[i].Lock()
	defer s.locks[i].Unlock()
	s.byKey[k].Lock()
	s.byKey[k].Unlock()
}

func (s *Shards) Evict(i int, k string) { // want Evict:`acquires lockers.Shards.byKey\[\]; acquires lockers.Shards.locks\[\]`
	s.byKey[k].Lock()
	defer s.byKey[k].Unlock()
	s.locks[i].Lock() // want `lock order cycle lockers.Shards.byKey\[\] -> lockers.Shards.locks\[\] -> lockers.Shards.byKey\[\]`
	s.locks[i].Unlock()
}
