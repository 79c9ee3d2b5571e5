package analyzer

import (
	"testing"

	"github.com/lockorder/lockorder/lockgraph"
)

// TestResolveKeepsLeastPrefix checks that a pending call that resolving
// makes replaces the one recorded when its prefix is as long and less, as
// when it is shorter: the witness does not depend on which came first.
func TestResolveKeepsLeastPrefix(t *testing.T) {
	mu := lockgraph.Class{ID: "p.mu", Name: "p.mu"}
	first := lockgraph.Class{ID: "p.T.first", Name: "p.T.first"}
	second := lockgraph.Class{ID: "p.T.second", Name: "p.T.second"}
	calls := func(fn string, field lockgraph.Class) lockgraph.Step {
		return lockgraph.Step{Kind: lockgraph.Calls, Func: fn, Target: field.Name}
	}
	for _, tc := range []struct {
		name     string
		recorded *lockgraph.Path
	}{
		{"longer", lockgraph.PathOf(calls("z", second), calls("z", second), calls("z", second))},
		{"as long and greater", lockgraph.PathOf(calls("z", second), calls("z", second))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMerger("")
			m.local = true
			m.addPending(pendingCall{From: mu, Field: first, Prefix: lockgraph.PathOf(calls("a", first))})
			m.addPending(pendingCall{From: mu, Field: second, Prefix: tc.recorded})
			m.addCallee(fieldCallee{Field: first, FuncID: "p.f", Summary: summary{
				FieldCalls: []fieldCall{{Field: second, Chain: lockgraph.PathOf(calls("p.f", second))}},
			}})
			m.resolve()
			want := lockgraph.PathOf(calls("a", first), calls("p.f", second))
			if got := m.pending[[2]string{mu.ID, second.ID}].Prefix; !lockgraph.PathEqual(got, want) {
				t.Errorf("pending call through %s has prefix %v, want %v", second.Name, got.Steps(), want.Steps())
			}
		})
	}
}
