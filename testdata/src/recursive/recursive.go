package recursive // want package:`lock graph, 1 cycles`

// A recursive method that walks a tree through its parent and child
// pointers (go.etcd.io/bbolt's node.spill) takes a lock reached from the
// node it is on: on each walk of the recursion, that lock is reached by
// a longer path from the receiver (n.parent.parent.tree.db.mu …). The
// recursion's acquisitions are of the lock's class, so the summaries
// settle, nothing is reported as bounded, and the cycle through the
// recursion is found.

import "sync"

type DB struct {
	mu   sync.Mutex
	meta sync.Mutex
}

type Tree struct{ db *DB }

type Node struct {
	tree     *Tree
	parent   *Node
	children []*Node
}

func (n *Node) spill() { // want spill:`acquires recursive.DB.mu`
	for i := 0; i < len(n.children); i++ {
		n.children[i].spill()
	}
	n.tree.db.mu.Lock() // want `lock order cycle recursive.DB.meta -> recursive.DB.mu -> recursive.DB.meta`
	n.tree.db.mu.Unlock()
	if n.parent != nil {
		n.parent.spill()
	}
}

// Commit spills the tree holding meta.
func (d *DB) Commit(root *Node) { // want Commit:`acquires recursive.DB.meta; acquires recursive.DB.mu`
	d.meta.Lock()
	defer d.meta.Unlock()
	root.spill()
}

// Remap takes meta holding mu.
func (d *DB) Remap() { // want Remap:`acquires recursive.DB.meta; acquires recursive.DB.mu`
	d.mu.Lock()
	defer d.mu.Unlock()
	d.meta.Lock()
	d.meta.Unlock()
}
