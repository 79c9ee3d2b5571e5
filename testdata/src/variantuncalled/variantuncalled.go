package variantuncalled // want package:"lock graph, [01] cycles"

// audited is called by the tests only: the package, which shares its
// results with its test variant, keeps its summary for them.

import "sync"

var audit, events, outer, inner sync.Mutex

func audited() {
	audit.Lock()
	audit.Unlock()
}

func Nested() { // want Nested:"acquires variantuncalled.inner; acquires variantuncalled.outer"
	outer.Lock()
	inner.Lock()
	inner.Unlock()
	outer.Unlock()
}
