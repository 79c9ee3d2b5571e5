// Package synth generates synthetic Go modules for lockorder's scaling
// benchmark: packages in layers, each importing packages of the layer
// below, whose structs hold sync.Mutex fields, call into the layer below
// while holding their lock, and call callbacks stored in func fields, some
// of them registered by other packages. The amount of code per package is
// fixed, so a module's size grows linearly with its number of packages.
//
// The locks follow one global order, so a generated module has no lock
// order cycle and no double lock, except the Cycles planted ones: each is
// a pair of types A and B in one package that take each other's lock in
// opposite orders, one lock order cycle A.mu -> B.mu -> A.mu.
package synth

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
)

// Module is the module path of generated modules.
const Module = "example.com/synth"

// Config says what to generate.
type Config struct {
	// Packages is the number of packages, p0 to pN-1.
	Packages int
	// Layers is the number of layers; each but the last holds
	// ceil(Packages/Layers) packages.
	Layers int
	// Fanin is the number of packages of the layer below that each
	// package imports: the one in its own column and the next ones; at
	// most the width of a layer.
	Fanin int
	// Classes is the number of lock classes (struct types T0 to TK-1 with
	// a mutex) in each package.
	Classes int
	// Cycles is the number of packages, the last ones, that also hold a
	// planted lock order cycle; at most Packages.
	Cycles int
}

// Validate reports whether c describes a module that can be generated.
func (c Config) Validate() error {
	if c.Packages < 1 || c.Layers < 1 || c.Layers > c.Packages || c.Fanin < 1 || c.Fanin > c.width() ||
		c.Classes < 1 || c.Cycles < 0 || c.Cycles > c.Packages {
		return fmt.Errorf("synth: need 1 <= Layers <= Packages, 1 <= Fanin <= Packages/Layers (rounded up), "+
			"Classes >= 1 and 0 <= Cycles <= Packages; have %+v", c)
	}
	return nil
}

// Generate writes the module that c describes into dir, which it creates
// if needed: a go.mod and one directory per package.
func Generate(dir string, c Config) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return err
	}
	gomod := fmt.Sprintf("module %s\n\ngo 1.26\n", Module)
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o666); err != nil {
		return err
	}
	for i := range c.Packages {
		src, err := c.pkgSource(i)
		if err != nil {
			return err
		}
		pdir := filepath.Join(dir, pkgName(i))
		if err := os.MkdirAll(pdir, 0o777); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(pdir, pkgName(i)+".go"), src, 0o666); err != nil {
			return err
		}
	}
	return nil
}

// pkgName is the name, and directory, of package i.
func pkgName(i int) string { return fmt.Sprintf("p%d", i) }

// width returns the number of packages in a full layer.
func (c Config) width() int { return (c.Packages + c.Layers - 1) / max(c.Layers, 1) }

// deps returns the packages that package i imports, from the layer below
// its own: first the one in its column, then the next columns, wrapping.
func (c Config) deps(i int) []int {
	w := c.width()
	layer, col := i/w, i%w
	if layer == 0 {
		return nil
	}
	var ds []int
	for k := range c.Fanin {
		ds = append(ds, (layer-1)*w+(col+k)%w)
	}
	return ds
}

// pkgSource returns the gofmt'ed source of package i.
//
// Each class Tj holds a pointer to the Tj of every imported package; Add
// adds, while holding its own lock, to the one of the package right below
// in the same column: locks go from a layer to the one below, along one
// call path per column. Its callback onAdd, called with its lock held, is set by Group
// (in the same package) and by the importing packages' NewTj to a function
// that adds to a T(j+1) of the same package: locks go up the classes of a
// package. So all locks follow the order (layer from top to bottom, then
// class), and there is no cycle.
func (c Config) pkgSource(i int) ([]byte, error) {
	var b bytes.Buffer
	deps := c.deps(i)
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	p("// Package %s is synthetic package %d, in layer %d.\n", pkgName(i), i, i/c.width())
	p("package %s\n\nimport (\n\t\"sync\"\n", pkgName(i))
	for _, d := range deps {
		p("\t%q\n", Module+"/"+pkgName(d))
	}
	p(")\n")

	for j := range c.Classes {
		p("\n// T%d is lock class %d of this package.\n", j, j)
		p("type T%d struct {\n\tmu sync.Mutex\n\tn int\n\tonAdd func(int)\n", j)
		for _, d := range deps {
			p("\tlow%d *%s.T%d\n", d, pkgName(d), j)
		}
		p("}\n")

		p("\n// NewT%d returns a T%d linked to the layer below.\n", j, j)
		p("func NewT%d() *T%d {\n\tt := &T%d{}\n", j, j, j)
		for _, d := range deps {
			p("\tt.low%d = %s.NewT%d()\n", d, pkgName(d), j)
			if j+1 < c.Classes {
				p("\tnext%d := %s.NewT%d()\n", d, pkgName(d), j+1)
				p("\tt.low%d.SetOnAdd(func(n int) { next%d.Add(n) })\n", d, d)
			}
		}
		p("\treturn t\n}\n")

		p("\n// SetOnAdd registers f, called by Add with t's lock held.\n")
		p("func (t *T%d) SetOnAdd(f func(int)) {\n\tt.mu.Lock()\n\tt.onAdd = f\n\tt.mu.Unlock()\n}\n", j)

		p("\n// Add adds n to t and to the value below it, and calls the callback.\n")
		p("func (t *T%d) Add(n int) int {\n\tt.mu.Lock()\n\tdefer t.mu.Unlock()\n\tt.n += n\n", j)
		if len(deps) > 0 {
			d := deps[0] // the package below in the same column
			p("\tif t.low%d != nil {\n\t\tt.n += t.low%d.Add(n)\n\t}\n", d, d)
		}
		p("\tif t.onAdd != nil {\n\t\tt.onAdd(n)\n\t}\n\treturn t.n\n}\n")

		p("\n// Value returns t's total.\n")
		p("func (t *T%d) Value() int {\n\tt.mu.Lock()\n\tdefer t.mu.Unlock()\n\treturn t.n\n}\n", j)
	}

	p("\n// Group holds one value of each class; class j's callback adds to\n// class j+1.\n")
	p("type Group struct {\n")
	for j := range c.Classes {
		p("\tt%d *T%d\n", j, j)
	}
	p("}\n\n// NewGroup returns a Group with its callbacks set.\n")
	p("func NewGroup() *Group {\n\tg := &Group{}\n")
	for j := range c.Classes {
		p("\tg.t%d = NewT%d()\n", j, j)
	}
	for j := 0; j+1 < c.Classes; j++ {
		p("\tg.t%d.SetOnAdd(func(n int) { g.t%d.Add(n) })\n", j, j+1)
	}
	p("\treturn g\n}\n\n// Add adds n through the first class.\n")
	p("func (g *Group) Add(n int) int { return g.t0.Add(n) }\n")

	if i >= c.Packages-c.Cycles {
		p(`
// A and B take each other's lock in opposite orders: a planted cycle.
type A struct {
	mu sync.Mutex
	b  *B
}

// B is A's partner.
type B struct {
	mu sync.Mutex
	a  *A
}

// Touch locks a, then b.
func (a *A) Touch() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.b.poke()
}

func (a *A) poke() {
	a.mu.Lock()
	a.mu.Unlock()
}

// Touch locks b, then a.
func (b *B) Touch() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.a.poke()
}

func (b *B) poke() {
	b.mu.Lock()
	b.mu.Unlock()
}
`)
	}
	return format.Source(b.Bytes())
}
