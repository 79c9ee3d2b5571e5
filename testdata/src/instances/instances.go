package instances

// Two instances of one type locked one after the other (parent, then
// child) are two mutexes of one class: no double lock, no cycle.

import "sync"

type Node struct {
	mu       sync.Mutex
	parent   *Node
	children []*Node
	value    int
}

func (n *Node) Set(v int) { // want Set:"acquires instances.Node.mu"
	n.mu.Lock()
	defer n.mu.Unlock()
	n.value = v
}

func (n *Node) Propagate() { // want Propagate:"acquires instances.Node.mu"
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.parent != nil {
		n.parent.Set(n.value)
	}
}

func Swap(a, b *Node) { // want Swap:"acquires instances.Node.mu"
	a.mu.Lock()
	b.mu.Lock()
	a.value, b.value = b.value, a.value
	b.mu.Unlock()
	a.mu.Unlock()
}
