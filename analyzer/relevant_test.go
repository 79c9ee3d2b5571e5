package analyzer

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/lockorder/lockorder/lockgraph"
)

// TestRelevantFuncs checks which functions and initial values of the
// conversions fixture matter: every one that converts a value to an
// interface, or calls one that does, and not those that use the same
// types at their own types (declared, stored, passed, selected, indexed,
// dereferenced or addressed).
func TestRelevantFuncs(t *testing.T) {
	pass := fixturePass(t, "conversions", func(types.Object, analysis.Fact) bool { return false })
	file, info := pass.Files[0], pass.TypesInfo
	relevant, initOrder := relevantFuncs(&pkgAnalysis{pass: pass}, nil)

	unconverted := map[string]bool{"use": true, "Unconverted": true, "Own": true, "keepAny": true, "Unnamed": true, "Error": true}
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

// TestRelevantCalls checks which functions of the relevantcalls fixture
// matter when paramlib.Map, paramlib.Apply, (*strings.Builder).WriteString
// and strings.NewReplacer have a summary that only calls their parameter 0
// (WriteString's receiver, NewReplacer's variadic parameter): a
// call of one matters by what it passes alone, unless that is the receiver
// or a variadic parameter, or not a literal, an identifier or a selector;
// a call of a local variable declared with a literal matters by the
// literal alone, unless the variable is given another value.
func TestRelevantCalls(t *testing.T) {
	calls := map[string]bool{"paramlib.Map": true, "paramlib.Apply": true, "(*strings.Builder).WriteString": true, "strings.NewReplacer": true}
	pass := fixturePass(t, "relevantcalls", func(obj types.Object, fact analysis.Fact) bool {
		if !calls[obj.(*types.Func).FullName()] {
			return false
		}
		fact.(*funcFact).Summary.ParamCalls = []paramCall{{Param: 0}}
		return true
	})
	got := relevantNames(pass)
	want := []string{"Back", "Builder", "Element", "Given", "Hook", "Locking", "Named", "PassField", "PassParam", "Reassigned", "Replacer", "Run", "lockedRune"}
	if !slices.Equal(got, want) {
		t.Errorf("functions that matter: %v, want %v", got, want)
	}
}

// TestRelevantRoots checks which functions of the freeroots fixture
// matter, with the summaries rootlib's functions have: of the roots
// (unexported functions nothing calls), only those that hold a lock
// through a callee, store a callback, or pass one to a function that
// calls it with a lock held (or pass on their own parameter there); a
// helper of this package they call makes them matter only if it takes a
// lock, calls a function value that may, or stores or passes on its
// parameter that way, not for what it records itself (a callback it
// stores, an event). A root also matters where it calls a func value, and
// where a range over a function runs its body under the iterator's locks.
func TestRelevantRoots(t *testing.T) {
	lock := acquire{Class: lockgraph.Class{ID: "rootlib.A"}, Param: globalParam}
	summaries := map[string]summary{
		"rootlib.LockA":           {Acquires: []acquire{lock}},
		"rootlib.LockB":           {Acquires: []acquire{lock}},
		"rootlib.AcquireA":        {Acquires: []acquire{lock}, Returns: []acquire{lock}},
		"rootlib.ReleaseA":        {Releases: []acquire{lock}},
		"rootlib.Each":            {ParamCalls: []paramCall{{Param: 0}}},
		"(*rootlib.Hooks).Set":    {ParamStores: []paramStore{{Param: 1, Field: lockgraph.Class{ID: "rootlib.Hooks.cb"}}}},
		"(*rootlib.Keeper).Keep":  {ParamStores: []paramStore{{Param: 1, Field: lockgraph.Class{ID: "rootlib.Keeper.cb"}}}},
		"(*rootlib.Keeper).Run":   {FieldCalls: []fieldCall{{Field: lockgraph.Class{ID: "rootlib.Keeper.cb"}}}},
		"(*rootlib.Sink).Put":     {ParamStores: []paramStore{{Param: 1, Field: lockgraph.Class{ID: "rootlib.Sink.cb"}}}},
		"(*rootlib.Pump).Start":   {ParamStores: []paramStore{{Param: 1, Field: lockgraph.Class{ID: "rootlib.Pump.cb"}}}},
		"(*rootlib.Relay).SetOut": {ParamStores: []paramStore{{Param: 1, Field: lockgraph.Class{ID: "rootlib.Relay.out"}}}},
		"(*rootlib.Board).Watch":  {ParamStores: []paramStore{{Param: 1, Field: lockgraph.Class{ID: "rootlib.Board.OnChange"}}}},
		"(*rootlib.Hooks).Fire":   {Acquires: []acquire{lock}, FieldCalls: []fieldCall{{Field: lockgraph.Class{ID: "rootlib.Hooks.cb"}}}},
		"(*rootlib.Hooks).Under":  {Acquires: []acquire{lock}, ParamCalls: []paramCall{{Param: 1, Held: []heldPrefix{{From: lock.Class}}}}},
		"rootlib.Order":           {Acquires: []acquire{lock}},
	}
	pass := fixturePass(t, "freeroots", func(obj types.Object, fact analysis.Fact) bool {
		sum, ok := summaries[obj.(*types.Func).FullName()]
		fact.(*funcFact).Summary = sum
		return ok
	})
	// rootlib's lock graph: the pump calls its callback with its lock held.
	pump := pendingCall{From: lockgraph.Class{ID: "rootlib.Pump.mu"}, Field: lockgraph.Class{ID: "rootlib.Pump.cb"}}
	pass.ImportPackageFact = func(pkg *types.Package, fact analysis.Fact) bool {
		if pkg.Path() != "rootlib" {
			return false
		}
		relay := fieldCallee{Field: lockgraph.Class{ID: "rootlib.Relay.hook"}, Summary: summary{FieldCalls: []fieldCall{{Field: lockgraph.Class{ID: "rootlib.Relay.out"}}}}}
		*fact.(*graphFact) = graphFact{Pending: []pendingCall{pump}, Callees: []fieldCallee{relay}}
		return true
	}
	got := relevantNames(pass)
	want := []string{"C", "CallbacksUnder", "Changed", "LockBoth", "LockE", "RelayUnder", "StopUnder", "callsLocalLater", "callsValue", "connect", "holds", "iterate", "keep", "keepAll", "keepsAll", "keepsLiteral", "lockAround", "lockAroundCall", "lockDeferred", "lockEarly", "lockLater", "lockLoop", "lockM1", "lockM2", "lockOnce", "lockVia", "lockedAroundCall", "lockedCall", "lockedDeferred", "lockedEarly", "lockedFatal", "lockedLater", "lockedLoop", "onceRoot", "passesLocal", "pumps", "rangeDirect", "rangeRoot", "reassign", "reassignRoot", "register", "relayTo", "relays", "relaysTo", "retry", "signal", "signalsDone", "signalsFree", "stores", "storesNamed", "under", "underHelper", "watches"}
	if !slices.Equal(got, want) {
		t.Errorf("functions that matter: %v, want %v", got, want)
	}
}

// relevantNames returns the sorted names of the functions that matter in
// a pass's package.
func relevantNames(pass *analysis.Pass) []string {
	relevant, _ := relevantFuncs(&pkgAnalysis{pass: pass}, nil)
	var names []string
	for fn := range relevant {
		names = append(names, fn.Name())
	}
	slices.Sort(names)
	return names
}

// fixturePass type-checks the file of a one-file fixture package and
// returns a pass over it that imports facts with importFact.
func fixturePass(t *testing.T, name string, importFact func(types.Object, analysis.Fact) bool) *analysis.Pass {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, filepath.Join("..", "testdata", "src", name, name+".go"), nil, 0)
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
	conf := types.Config{Importer: fixtureImporter{fset, importer.ForCompiler(fset, "source", nil)}}
	pkg, err := conf.Check(name, fset, []*ast.File{file}, info)
	if err != nil {
		t.Fatal(err)
	}
	return &analysis.Pass{
		Fset:              fset,
		Files:             []*ast.File{file},
		Pkg:               pkg,
		TypesInfo:         info,
		ImportObjectFact:  importFact,
		ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
	}
}

// fixtureImporter imports the one-file fixture packages of testdata/src by
// their name, and the standard library from source.
type fixtureImporter struct {
	fset *token.FileSet
	std  types.Importer
}

func (imp fixtureImporter) Import(path string) (*types.Package, error) {
	name := filepath.Join("..", "testdata", "src", path, path+".go")
	if _, err := os.Stat(name); err != nil {
		return imp.std.Import(path)
	}
	file, err := parser.ParseFile(imp.fset, name, nil, 0)
	if err != nil {
		return nil, err
	}
	conf := types.Config{Importer: imp}
	return conf.Check(path, imp.fset, []*ast.File{file}, nil)
}

// TestOwnerPackage checks that a field class is found in its package when
// the package's path has a dot in its last element, as nats.go's has.
func TestOwnerPackage(t *testing.T) {
	lib := types.NewPackage("example.com/nats.go", "nats")
	short := types.NewPackage("example.com/nats", "nats")
	pkg := types.NewPackage("example.com/app", "app")
	pkg.SetImports([]*types.Package{short, lib})
	pa := &pkgAnalysis{pass: &analysis.Pass{Pkg: pkg}}
	for id, want := range map[string]*types.Package{
		"example.com/nats.go.Subscription.mcb": lib,
		"example.com/nats.Conn.cb":             short,
		"example.com/app.T.hooks.cb":           pkg,
		"example.com/gone.T.cb":                nil,
	} {
		if got := pa.ownerPackage(id); got != want {
			t.Errorf("ownerPackage(%q) = %v, want %v", id, got, want)
		}
	}
}
