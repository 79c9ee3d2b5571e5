package analyzer

import (
	"cmp"
	"go/token"
	"slices"

	"github.com/lockorder/lockorder/lockgraph"
)

// A held lock: its class, mode and instance, and where it was taken.
type held struct {
	class lockgraph.Class
	mode  lockgraph.Mode
	inst  instance
	pos   token.Pos
	// restored is set when the function took back a lock of its caller
	// that it had released (see state.owed).
	restored bool
	// guard are the branch conditions known where it was taken, which hold
	// wherever it is held (see walker.branch).
	guard []fact
}

func (h held) equal(g held) bool {
	return h.class == g.class && h.mode == g.mode && h.inst == g.inst && h.pos == g.pos &&
		h.restored == g.restored && slices.Equal(h.guard, g.guard)
}

// A lockset is the set of locks surely held at a program point, sorted by
// instance. It is never modified in place: with and without return copies,
// so the states of different blocks can share one.
type lockset []held

func (s lockset) find(in instance) int {
	for i, h := range s {
		if h.inst == in {
			return i
		}
	}
	return -1
}

// findClass returns the index of the only held lock of a class, or -1 when
// there is none or more than one.
func (s lockset) findClass(c lockgraph.Class) int {
	found := -1
	for i, h := range s {
		if h.class.ID == c.ID {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

func (s lockset) with(h held) lockset {
	out := append(slices.Clone(s), h)
	slices.SortFunc(out, func(a, b held) int { return compareInstances(a.inst, b.inst) })
	return out
}

// add returns the set with h, unless its instance is already held.
func (s lockset) add(h held) lockset {
	if s.find(h.inst) >= 0 {
		return s
	}
	return s.with(h)
}

// release returns the set without the lock of an instance or, when the
// instance is not held, without the only held lock of its class: the same
// mutex reached another way.
func (s lockset) release(in instance, class lockgraph.Class) lockset {
	i := s.find(in)
	if i < 0 && class.ID != "" {
		i = s.findClass(class)
	}
	if i < 0 {
		return s
	}
	return s.without(i)
}

// union returns the locks held in either set. A lock taken under
// different conditions on the two sides keeps those common to both.
func union(a, b lockset) lockset {
	out := a
	for _, h := range b {
		if i := out.find(h.inst); i >= 0 {
			if !slices.Equal(out[i].guard, h.guard) {
				out = slices.Clone(out)
				out[i].guard = common(out[i].guard, h.guard)
			}
			continue
		}
		out = out.with(h)
	}
	return out
}

func (s lockset) without(i int) lockset {
	return slices.Delete(slices.Clone(s), i, i+1)
}

// intersect returns the locks held in both sets (same instance, class and
// mode): a lock held on only one incoming path is not surely held.
func intersect(a, b lockset) lockset {
	var out lockset
	for _, h := range a {
		if i := b.find(h.inst); i >= 0 && b[i].class == h.class && b[i].mode == h.mode {
			h.pos = min(h.pos, b[i].pos)
			h.guard = common(h.guard, b[i].guard)
			out = append(out, h)
		}
	}
	return out
}

func (s lockset) equal(t lockset) bool { return slices.EqualFunc(s, t, held.equal) }

// instances returns the instances of the locks in the set.
func (s lockset) instances() []instance {
	out := make([]instance, len(s))
	for i, h := range s {
		out[i] = h.inst
	}
	return out
}

func compareInstances(a, b instance) int {
	return cmp.Or(cmp.Compare(a.root, b.root), cmp.Compare(a.path, b.path))
}
