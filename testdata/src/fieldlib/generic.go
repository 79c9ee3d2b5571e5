package fieldlib

// Default is a notifier every importer shares.
var Default Notifier

// Swap stores v in a notifier under its lock and returns the value it
// replaced.
func Swap[T ~int](n *Notifier, v T) T { // want Swap:"acquires fieldlib.Notifier.mu"
	n.mu.Lock()
	defer n.mu.Unlock()
	old := n.n
	n.n = int(v)
	return T(old)
}
