package analyzer

import (
	"slices"
	"strings"
	"unicode"
)

// The standard library takes many locks that no other package can reach:
// sync.Pool's allPoolsMu behind every fmt.Sprintf, caches in mime, reflect
// and encoding packages. Such a lock is a leaf: nothing is acquired while
// it is held, no callback is called under it, and it lives in an
// unexported variable or field that only its own package locks and no
// function returns holding. No cycle goes through a leaf, and no other
// package can hold it to lock it twice, so a standard library package
// leaves its leaf locks out of what it exports: the summaries of its
// functions and its lock graph. Without them most calls into the standard
// library have an empty summary, and most functions that make them need no
// SSA form (see relevantFuncs).

// leafLocks returns the leaf locks of a standard library package, by class
// ID, or nil for any other package.
func (pa *pkgAnalysis) leafLocks() map[string]bool {
	path := pa.pass.Pkg.Path()
	if !isStd(path) {
		return nil
	}
	leaves := make(map[string]bool)
	notLeaf := make(map[string]bool)
	for _, r := range pa.results {
		for _, a := range r.sum.Acquires {
			if own(a.Class.ID, path) {
				leaves[a.Class.ID] = true
			}
		}
		for key := range r.edges {
			notLeaf[key[0]] = true
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
