package analyzer

import (
	"bytes"
	"encoding/binary"
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
// lists each string of its steps once and refers to it by number. (A
// function fact is small: a table of its own, in a gob stream of its own,
// cost more CPU under go vet than its smaller size saved.)

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

// Under go vet a package's facts file holds the facts of every package
// below it, and each is decoded, and encoded again into the importer's,
// though an importer reads the lock graph facts of its direct imports
// only, and of those only the ones no other covers (see importedGraphs).
// A decoded fact keeps its encoding, with only its module read (the
// module comes first, outside the gob stream), and is expanded when it is
// read (see load); encoding it again copies it.

// GobEncode implements gob.GobEncoder.
func (f *graphFact) GobEncode() ([]byte, error) {
	if f.encoded != nil {
		return f.encoded, nil
	}
	var t stringTable
	fact := graphFactData(f.mapStrings(t.ref))
	fact.Module = ""
	return encodeWire(f.Module, graphFactWire{Strings: t.strings, Fact: fact})
}

// encodeWire encodes a module path, then the wire form of a fact.
func encodeWire(module string, w graphFactWire) ([]byte, error) {
	buf := bytes.NewBuffer(binary.AppendUvarint(nil, uint64(len(module))))
	buf.WriteString(module)
	if err := gob.NewEncoder(buf).Encode(w); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// GobDecode implements gob.GobDecoder: it reads the module and keeps the
// encoding, for load.
func (f *graphFact) GobDecode(data []byte) error {
	n, k := binary.Uvarint(data)
	if k <= 0 || uint64(len(data)-k) < n {
		return fmt.Errorf("lockorder fact: bad module length")
	}
	*f = graphFact{Module: string(data[k : k+int(n)]), encoded: bytes.Clone(data)}
	return nil
}

// load expands a decoded fact, once.
func (f *graphFact) load() error {
	if f.encoded == nil {
		return nil
	}
	n, k := binary.Uvarint(f.encoded)
	var w graphFactWire
	if err := gob.NewDecoder(bytes.NewReader(f.encoded[k+int(n):])).Decode(&w); err != nil {
		return fmt.Errorf("lockorder fact: %v", err)
	}
	t := stringTable{strings: w.Strings}
	fact := graphFact(w.Fact)
	fact.Module = f.Module
	*f = fact.mapStrings(t.deref)
	return t.err
}

// A stringTable numbers the strings of a fact's steps.
type stringTable struct {
	strings []string
	index   map[string]int
	err     error // the first bad reference deref met
}

// ref returns the reference to s, adding s to the table.
func (t *stringTable) ref(s string) string {
	i, ok := t.index[s]
	if !ok {
		if t.index == nil {
			t.index = make(map[string]int)
		}
		i = len(t.strings)
		t.index[s] = i
		t.strings = append(t.strings, s)
	}
	return refPrefix + strconv.Itoa(i)
}

// deref returns the string a reference refers to; other strings are
// returned as they are.
func (t *stringTable) deref(s string) string {
	ref, ok := strings.CutPrefix(s, refPrefix)
	if !ok {
		return s
	}
	i, err := strconv.Atoi(ref)
	if err != nil || i < 0 || i >= len(t.strings) {
		if t.err == nil {
			t.err = fmt.Errorf("lockorder fact: bad string reference %q", ref)
		}
		return ""
	}
	return t.strings[i]
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
