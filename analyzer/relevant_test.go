package analyzer

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestRelevantFuncs checks which functions and initial values of the
// conversions fixture matter: every one that converts a value to an
// interface, or calls one that does, and not those that use the same
// types at their own types (declared, stored, passed, selected, indexed,
// dereferenced or addressed).
func TestRelevantFuncs(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, filepath.Join("..", "testdata", "src", "conversions", "conversions.go"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:      make(map[ast.Expr]types.TypeAndValue),
		Defs:       make(map[*ast.Ident]types.Object),
		Uses:       make(map[*ast.Ident]types.Object),
		Selections: make(map[*ast.SelectorExpr]*types.Selection),
		Instances:  make(map[*ast.Ident]types.Instance),
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("conversions", fset, []*ast.File{file}, info)
	if err != nil {
		t.Fatal(err)
	}
	pass := &analysis.Pass{
		Fset:             fset,
		Files:            []*ast.File{file},
		Pkg:              pkg,
		TypesInfo:        info,
		ImportObjectFact: func(types.Object, analysis.Fact) bool { return false },
	}
	relevant, initOrder := relevantFuncs(pass)

	unconverted := map[string]bool{"use": true, "Unconverted": true}
	for _, decl := range file.Decls {
		fd, ok := decl.(*ast.FuncDecl)
		if !ok {
			continue
		}
		fn := info.Defs[fd.Name].(*types.Func)
		if got, want := relevant[fn], !unconverted[fd.Name.Name]; got != want {
			t.Errorf("%s matters = %v, want %v", fn.FullName(), got, want)
		}
	}
	var inits []string
	for _, init := range initOrder {
		for _, v := range init.Lhs {
			inits = append(inits, v.Name())
		}
	}
	if len(inits) != 1 || inits[0] != "global" {
		t.Errorf("initial values evaluated: %v, want [global]", inits)
	}
}
