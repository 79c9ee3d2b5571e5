package analyzer

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

// TestLoopBlocks checks loopBlocks on a function with a for loop, a branch
// inside it, a branch before it and a goto loop whose block jumps to itself.
func TestLoopBlocks(t *testing.T) {
	const src = `package p

func f(n int, c bool) int {
	s := 0
	if c {
		s++
	}
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			s += i
		}
	}
again:
	s--
	if s > 10 {
		goto again
	}
	return s
}
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _, err := ssautil.BuildPackage(&types.Config{}, fset, types.NewPackage("p", ""), []*ast.File{file}, ssa.SanityCheckFunctions)
	if err != nil {
		t.Fatal(err)
	}
	fn := pkg.Func("f")
	in := loopBlocks(fn)
	// entry, if.then, if.done: no; for.loop, for.body, if.then, if.done (in
	// the loop), again (its own successor): yes; the last if.done: no.
	want := []bool{false, false, false, true, true, true, true, true, false}
	if len(fn.Blocks) != len(want) {
		t.Fatalf("%d blocks, want %d", len(fn.Blocks), len(want))
	}
	for _, b := range fn.Blocks {
		if in[b.Index] != want[b.Index] {
			t.Errorf("block %d (%s): in a loop = %v, want %v", b.Index, b.Comment, in[b.Index], want[b.Index])
		}
	}
}
