package analyzer

import (
	"bytes"
	"encoding/gob"
	"go/token"
	"reflect"
	"testing"

	"github.com/lockorder/lockorder/lockgraph"
)

// TestGraphFactEncoding checks that a lock graph fact decodes to what was
// encoded, every step string of its edges, pending calls and callees
// included, and that a string it repeats is encoded once.
func TestGraphFactEncoding(t *testing.T) {
	mu := lockgraph.Class{ID: "example.com/store.Alerts.mtx", Name: "store.Alerts.mtx"}
	cb := lockgraph.Class{ID: "example.com/store.Alerts.cb", Name: "store.Alerts.cb"}
	file := "/home/user/go/pkg/mod/example.com/store@v1.0.0/store.go"
	step := func(kind lockgraph.StepKind, fn, target string, line int) lockgraph.Step {
		return lockgraph.Step{Kind: kind, Func: fn, Target: target, Pos: token.Position{Filename: file, Offset: line * 10, Line: line, Column: 2}}
	}
	holds := step(lockgraph.Holds, "(*store.Alerts).gc", mu.Name, 63)
	calls := step(lockgraph.Calls, "(*store.Alerts).gc", cb.Name, 73)
	acquires := step(lockgraph.Acquires, "mem.NewAlerts.func1", "mem.Alerts.mtx", 75)
	chain := lockgraph.PathOf(acquires)
	want := &graphFact{
		Edges:   []lockgraph.Edge{{From: mu, To: lockgraph.Class{ID: "example.com/mem.Alerts.mtx", Name: "mem.Alerts.mtx"}, Witness: []lockgraph.Step{holds, calls, acquires}}},
		Pending: []pendingCall{{From: mu, Field: cb, Prefix: lockgraph.PathOf(holds, calls)}},
		Callees: []fieldCallee{{Field: cb, FuncID: "example.com/mem.NewAlerts$1", Summary: summary{
			Acquires:   []acquire{{Class: mu, Param: -1, Chain: chain}},
			FieldCalls: []fieldCall{{Field: cb, Chain: lockgraph.PathOf(calls)}},
			ParamCalls: []paramCall{{Param: 1, Chain: lockgraph.PathOf(calls), Held: []heldPrefix{{From: mu, Prefix: lockgraph.PathOf(holds)}}}},
		}}},
		Reported: []string{"a -> b"},
		Orders:   []orderPair{{Before: mu, After: cb, Pos: token.Position{Filename: file, Line: 3}}},
		Module:   "example.com",
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(want); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(buf.Bytes(), []byte(file)); n != 2 { // the table, and the order's position
		t.Errorf("the file name is encoded %d times, want 2", n)
	}
	got := new(graphFact)
	if err := gob.NewDecoder(bytes.NewReader(buf.Bytes())).Decode(got); err != nil {
		t.Fatal(err)
	}
	if got.Module != want.Module || got.Edges != nil {
		t.Errorf("a decoded fact has module %q and %d edges before it is expanded, want %q and none", got.Module, len(got.Edges), want.Module)
	}
	again, err := got.GobEncode()
	if err != nil || !bytes.Contains(buf.Bytes(), again) {
		t.Errorf("a decoded fact encodes as %d bytes (%v), not as the %d it was decoded from", len(again), err, len(buf.Bytes()))
	}
	if err := got.load(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded fact:\n%#v\nwant:\n%#v", got, want)
	}
}

// TestGraphFactBadReference checks that a fact whose step names a string
// missing from its table does not expand, and that one whose module is cut
// short does not decode.
func TestGraphFactBadReference(t *testing.T) {
	fact := graphFactWire{Fact: graphFactData{Pending: []pendingCall{{Prefix: lockgraph.PathOf(lockgraph.Step{Func: refPrefix + "7"})}}}}
	data, err := encodeWire("example.com", fact)
	if err != nil {
		t.Fatal(err)
	}
	f := new(graphFact)
	if err := f.GobDecode(data); err != nil {
		t.Fatal(err)
	}
	if err := f.load(); err == nil {
		t.Error("a reference past the table expanded")
	}
	if err := new(graphFact).GobDecode([]byte{5, 'a'}); err == nil {
		t.Error("a module longer than the encoding decoded")
	}
}
