package analyzer

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"strconv"
	"strings"

	"github.com/lockorder/lockorder/lockgraph"
)

// A package's lock graph fact holds the graph of everything below it, with
// a witness for every edge, pending call and callee: thousands of steps
// that name the same functions and files. Under go vet every fact is
// encoded and every importer decodes its imports' facts, and encoded step
// by step Alertmanager's largest facts took 14 MB each. The fact's encoding
// lists each string of its steps once and refers to it by number.

// graphFactData is a graphFact without its encoding methods.
type graphFactData graphFact

// graphFactWire is what a graphFact encodes as: its strings, then the fact
// with every step string replaced by a reference to them.
type graphFactWire struct {
	Strings []string
	Fact    graphFactData
}

// refPrefix starts a reference to the table; no function name, lock class
// or file name starts with it.
const refPrefix = "\x00"

// GobEncode implements gob.GobEncoder.
func (f *graphFact) GobEncode() ([]byte, error) {
	index := make(map[string]int)
	var table []string
	ref := func(s string) string {
		i, ok := index[s]
		if !ok {
			i = len(table)
			index[s] = i
			table = append(table, s)
		}
		return refPrefix + strconv.Itoa(i)
	}
	fact := graphFactData(f.mapStrings(ref))
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(graphFactWire{Strings: table, Fact: fact}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// GobDecode implements gob.GobDecoder.
func (f *graphFact) GobDecode(data []byte) error {
	var w graphFactWire
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&w); err != nil {
		return err
	}
	table := w.Strings
	var bad error
	deref := func(s string) string {
		ref, ok := strings.CutPrefix(s, refPrefix)
		if !ok {
			return s
		}
		i, err := strconv.Atoi(ref)
		if err != nil || i < 0 || i >= len(table) {
			bad = fmt.Errorf("lock graph fact: bad string reference %q", ref)
			return ""
		}
		return table[i]
	}
	fact := graphFact(w.Fact)
	*f = fact.mapStrings(deref)
	return bad
}

// mapStrings returns a copy of the fact with f applied to the strings of
// every step it holds.
func (f *graphFact) mapStrings(fn func(string) string) graphFact {
	out := *f
	out.Edges = mapSlice(f.Edges, func(e lockgraph.Edge) lockgraph.Edge {
		e.Witness = mapSlice(e.Witness, func(s lockgraph.Step) lockgraph.Step { return s.MapStrings(fn) })
		return e
	})
	out.Pending = mapSlice(f.Pending, func(p pendingCall) pendingCall {
		p.Prefix = p.Prefix.MapStrings(fn)
		return p
	})
	out.Callees = mapSlice(f.Callees, func(c fieldCallee) fieldCallee {
		c.Summary = c.Summary.mapStrings(fn)
		return c
	})
	return out
}

// mapStrings returns a copy of the summary with f applied to the strings
// of every step of its witnesses.
func (s summary) mapStrings(fn func(string) string) summary {
	chain := func(a acquire) acquire {
		a.Chain = a.Chain.MapStrings(fn)
		return a
	}
	s.Acquires, s.Provides = mapSlice(s.Acquires, chain), mapSlice(s.Provides, chain)
	s.Returns, s.Releases = mapSlice(s.Returns, chain), mapSlice(s.Releases, chain)
	s.FieldCalls = mapSlice(s.FieldCalls, func(c fieldCall) fieldCall {
		c.Chain = c.Chain.MapStrings(fn)
		return c
	})
	s.ParamCalls = mapSlice(s.ParamCalls, func(c paramCall) paramCall {
		c.Chain = c.Chain.MapStrings(fn)
		c.Held = mapSlice(c.Held, func(h heldPrefix) heldPrefix {
			h.Prefix = h.Prefix.MapStrings(fn)
			return h
		})
		return c
	})
	return s
}

// mapSlice returns a new slice of f applied to every element of s, or nil
// when s is nil.
func mapSlice[T any](s []T, f func(T) T) []T {
	if s == nil {
		return nil
	}
	out := make([]T, len(s))
	for i, v := range s {
		out[i] = f(v)
	}
	return out
}
