package lockgraph

import (
	"encoding/binary"
	"errors"
	"fmt"
	"go/token"
)

// A Path is a witness kept as an immutable list of steps that shares its
// tail with the paths it was made from: a caller's path to a lock is one
// call step in front of its callee's path, so a summary that holds the
// paths to dozens of locks through dozens of calls costs one step per call
// and lock, not a copy of every witness. The nil *Path is the empty path.
type Path struct {
	step Step
	next *Path
	n    int
}

// PathOf returns the path of the given steps.
func PathOf(steps ...Step) *Path {
	var p *Path
	for i := len(steps) - 1; i >= 0; i-- {
		p = p.Prepend(steps[i])
	}
	return p
}

// Prepend returns the path of s followed by p.
func (p *Path) Prepend(s Step) *Path {
	return &Path{step: s, next: p, n: p.Len() + 1}
}

// Join returns the path of p's steps followed by q's. It copies p's steps
// and shares q.
func Join(p, q *Path) *Path {
	if p == nil {
		return q
	}
	return Join(p.next, q).Prepend(p.step)
}

// Len returns the number of steps.
func (p *Path) Len() int {
	if p == nil {
		return 0
	}
	return p.n
}

// Steps returns the steps in order, in a new slice.
func (p *Path) Steps() []Step {
	out := make([]Step, 0, p.Len())
	for ; p != nil; p = p.next {
		out = append(out, p.step)
	}
	return out
}

// MapStrings returns the path with f applied to the strings of every step
// (see Step.MapStrings).
func (p *Path) MapStrings(f func(string) string) *Path {
	steps := p.Steps()
	for i := range steps {
		steps[i] = steps[i].MapStrings(f)
	}
	return PathOf(steps...)
}

// String lists the steps, as fmt prints a slice of them.
func (p *Path) String() string { return fmt.Sprint(p.Steps()) }

// GoString lists the steps, as fmt's %#v prints a slice of them.
func (p *Path) GoString() string { return fmt.Sprintf("%#v", p.Steps()) }

// PathLess orders paths as WitnessLess orders their steps.
func PathLess(a, b *Path) bool {
	if n, m := a.Len(), b.Len(); n != m {
		return n < m
	}
	for ; a != b; a, b = a.next, b.next {
		if c := compareSteps(a.step, b.step); c != 0 {
			return c < 0
		}
	}
	return false
}

// PrependLess reports whether p.Prepend(s) is less than q (see PathLess),
// without making it.
func PrependLess(s Step, p, q *Path) bool {
	if n, m := p.Len()+1, q.Len(); n != m {
		return n < m
	}
	if c := compareSteps(s, q.step); c != 0 {
		return c < 0
	}
	return PathLess(p, q.next)
}

// PathEqual reports whether two paths have the same steps.
func PathEqual(a, b *Path) bool {
	return a.Len() == b.Len() && !PathLess(a, b) && !PathLess(b, a)
}

// pathLessSteps is PathLess for a second path given as steps.
func pathLessSteps(a *Path, b []Step) bool {
	if a.Len() != len(b) {
		return a.Len() < len(b)
	}
	for i := 0; a != nil; a, i = a.next, i+1 {
		if c := compareSteps(a.step, b[i]); c != 0 {
			return c < 0
		}
	}
	return false
}

// GobEncode implements gob.GobEncoder: a fact carrying paths encodes their
// steps, each shared tail once per path.
func (p *Path) GobEncode() ([]byte, error) {
	buf := binary.AppendUvarint(nil, uint64(p.Len()))
	for ; p != nil; p = p.next {
		s := p.step
		buf = append(buf, byte(s.Kind), byte(s.Mode))
		for _, str := range []string{s.Func, s.Target, s.Pos.Filename} {
			buf = binary.AppendUvarint(buf, uint64(len(str)))
			buf = append(buf, str...)
		}
		for _, n := range []int{s.Pos.Offset, s.Pos.Line, s.Pos.Column} {
			buf = binary.AppendVarint(buf, int64(n))
		}
	}
	return buf, nil
}

// GobDecode implements gob.GobDecoder.
func (p *Path) GobDecode(data []byte) error {
	r := pathReader{data: data}
	n := r.uvarint()
	if n == 0 || n > uint64(len(data)) {
		return errBadPath
	}
	steps := make([]Step, n)
	for i := range steps {
		kind, mode := r.byte(), r.byte()
		steps[i] = Step{Kind: StepKind(kind), Mode: Mode(mode), Func: r.string(), Target: r.string()}
		steps[i].Pos = token.Position{Filename: r.string(), Offset: r.int(), Line: r.int(), Column: r.int()}
	}
	if r.err != nil || len(r.data) != 0 {
		return errBadPath
	}
	*p = *PathOf(steps...)
	return nil
}

var errBadPath = errors.New("lockgraph: malformed encoded path")

// pathReader decodes what GobEncode wrote, remembering the first error.
type pathReader struct {
	data []byte
	err  error
}

func (r *pathReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.data)
	if n <= 0 {
		r.err, r.data = errBadPath, nil
		return 0
	}
	r.data = r.data[n:]
	return v
}

// int decodes what binary.AppendVarint wrote: a uvarint of the value
// zig-zag encoded.
func (r *pathReader) int() int {
	u := r.uvarint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return int(v)
}

func (r *pathReader) byte() byte {
	if len(r.data) == 0 {
		r.err = errBadPath
		return 0
	}
	b := r.data[0]
	r.data = r.data[1:]
	return b
}

func (r *pathReader) string() string {
	n := r.uvarint()
	if n > uint64(len(r.data)) {
		r.err, r.data = errBadPath, nil
		return ""
	}
	s := string(r.data[:n])
	r.data = r.data[n:]
	return s
}
