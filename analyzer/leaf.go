package analyzer

import (
	"slices"
	"strings"
	"unicode"
)

// The standard library takes many locks that no other package can reach:
// sync.Pool's allPoolsMu behind every fmt.Sprintf, caches in mime, reflect
// and encoding packages. Such a lock is a leaf: it lives in an unexported
// variable or field that only its own package locks, no function returns
// holding it, no callback is called under it, and nothing is acquired while
// it is held but other leaves (testing.common.mu, under which the testing
// package takes only its own locks, is one). No cycle goes from a leaf to a
// lock of another package, nor back, and no other package can hold it to
// lock it twice, so a standard library package leaves its leaf locks out of
// what it exports: the summaries of its functions and its lock graph (a
// cycle among its own leaves it reports itself). Without them most calls
// into the standard library have an empty summary, and most functions that
// make them need no SSA form (see relevantFuncs).

// leafLocks returns the leaf locks of a standard library package, by class
// ID, or nil for any other package: the greatest set of its own locks that
// are acquired, not returned held nor held at a callback, and under which
// only locks of the set are acquired.
func (pa *pkgAnalysis) leafLocks() map[string]bool {
	path := pa.pass.Pkg.Path()
	if !isStd(path) {
		return nil
	}
	leaves := make(map[string]bool)
	notLeaf := make(map[string]bool)
	under := make(map[string][]string) // the locks acquired under each
	for _, r := range pa.results {
		for _, a := range r.sum.Acquires {
			if own(a.Class.ID, path) {
				leaves[a.Class.ID] = true
			}
		}
		for key := range r.edges {
			under[key[0]] = append(under[key[0]], key[1])
		}
		for _, p := range r.pending {
			notLeaf[p.From.ID] = true
		}
		for _, a := range r.sum.Returns {
			notLeaf[a.Class.ID] = true
		}
		for _, pc := range r.sum.ParamCalls {
			for _, h := range pc.Held {
				notLeaf[h.From.ID] = true
			}
		}
	}
	for id := range notLeaf {
		delete(leaves, id)
	}
	for changed := true; changed; {
		changed = false
		for id := range leaves {
			if slices.ContainsFunc(under[id], func(to string) bool { return !leaves[to] }) {
				delete(leaves, id)
				changed = true
			}
		}
	}
	return leaves
}

// own reports whether a lock class is an unexported variable or field of
// the package with the given path (not an event, not an element class).
func own(id, path string) bool {
	rest, ok := strings.CutPrefix(id, path+".")
	if !ok || strings.ContainsAny(rest, "/#[") {
		return false
	}
	name := rest[strings.LastIndex(rest, ".")+1:]
	return name != "" && !unicode.IsUpper([]rune(name)[0])
}

// withoutLeaves returns a summary without its acquisitions of leaf locks.
func withoutLeaves(s summary, leaves map[string]bool) summary {
	if len(leaves) == 0 {
		return s
	}
	s.Acquires = slices.DeleteFunc(slices.Clone(s.Acquires), func(a acquire) bool { return leaves[a.Class.ID] })
	if len(s.Acquires) == 0 {
		s.Acquires = nil
	}
	return s
}
