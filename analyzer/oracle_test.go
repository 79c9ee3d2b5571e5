package analyzer

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
)

// The differential oracle: random small packages (package-level mutexes,
// functions calling each other, callbacks stored in a struct field,
// branches, defers, goroutines) analysed by lockorder and by a brute-force
// reference that enumerates every path and records which lock is taken
// while which is held. The two sets of edges must be equal.

// oprog is a generated program: functions f0..fN-1 over mutexes mu0..muK-1
// and callback fields cb0..cbC-1 of one struct value s.
type oprog struct {
	funcs [][]ostmt
	// targets[c] are the functions stored into s.cb<c> (in init).
	targets [][]int
}

// ostmt is one statement: lock (a balanced Lock/Unlock around body, or a
// Lock with a deferred Unlock at the top of a function), a call, a call
// through a callback field, a go statement, or an if/else.
type ostmt struct {
	kind        string // "lock", "defer", "call", "cb", "go", "if"
	n           int    // mutex, function or callback index
	body, else_ []ostmt
}

// genProgram makes a program whose calls only go to higher-numbered
// functions (no recursion) and never locks a mutex already held on the
// way, so every path is a real execution and no lock is taken twice.
func genProgram(r *rand.Rand) oprog {
	nfuncs, nmu, ncb := 3+r.IntN(4), 2+r.IntN(3), 1+r.IntN(2)
	p := oprog{funcs: make([][]ostmt, nfuncs), targets: make([][]int, ncb)}
	for c := range ncb {
		for f := 1; f < nfuncs; f++ {
			if r.IntN(3) == 0 {
				p.targets[c] = append(p.targets[c], f)
			}
		}
	}
	// acquires[f] is every mutex f may take, directly or not.
	acquires := make([]map[int]bool, nfuncs)
	for f := nfuncs - 1; f >= 0; f-- {
		acquires[f] = make(map[int]bool)
		held := make(map[int]bool)
		p.funcs[f] = genBlock(r, &p, f, nmu, held, acquires, 2, true)
	}
	return p
}

func genBlock(r *rand.Rand, p *oprog, f, nmu int, held map[int]bool, acquires []map[int]bool, depth int, top bool) []ostmt {
	var out []ostmt
	for range 1 + r.IntN(3) {
		switch k := r.IntN(6); {
		case k <= 1 && depth > 0: // lock
			mu := r.IntN(nmu)
			if held[mu] {
				continue
			}
			held[mu] = true
			acquires[f][mu] = true
			kind := "lock"
			if top && len(out) == 0 && r.IntN(2) == 0 {
				kind = "defer"
			}
			body := genBlock(r, p, f, nmu, held, acquires, depth-1, false)
			if kind == "defer" {
				out = append(out, ostmt{kind: kind, n: mu})
				out = append(out, body...)
				return out // held to the end of the function
			}
			delete(held, mu)
			out = append(out, ostmt{kind: kind, n: mu, body: body})
		case k == 2 || k == 3: // call or go
			if f+1 >= len(p.funcs) {
				continue
			}
			g := f + 1 + r.IntN(len(p.funcs)-f-1)
			if k == 3 {
				out = append(out, ostmt{kind: "go", n: g})
				continue
			}
			if overlaps(acquires[g], held) {
				continue
			}
			addAll(acquires[f], acquires[g])
			out = append(out, ostmt{kind: "call", n: g})
		case k == 4: // call through a callback field
			c := r.IntN(len(p.targets))
			ok := true
			for _, g := range p.targets[c] {
				ok = ok && g > f && !overlaps(acquires[g], held)
			}
			if !ok {
				continue
			}
			for _, g := range p.targets[c] {
				addAll(acquires[f], acquires[g])
			}
			out = append(out, ostmt{kind: "cb", n: c})
		case k == 5 && depth > 0:
			out = append(out, ostmt{kind: "if",
				body:  genBlock(r, p, f, nmu, held, acquires, depth-1, false),
				else_: genBlock(r, p, f, nmu, held, acquires, depth-1, false)})
		}
	}
	return out
}

func overlaps(a, held map[int]bool) bool {
	for mu := range a {
		if held[mu] {
			return true
		}
	}
	return false
}

func addAll(dst, src map[int]bool) {
	for k := range src {
		dst[k] = true
	}
}

// source renders the program as a Go package.
func (p oprog) source(nmu int) string {
	var b strings.Builder
	b.WriteString("package p\n\nimport \"sync\"\n\nvar (\n")
	for i := range nmu {
		fmt.Fprintf(&b, "\tmu%d sync.Mutex\n", i)
	}
	b.WriteString("\tcond bool\n)\n\ntype S struct {\n")
	for c := range p.targets {
		fmt.Fprintf(&b, "\tcb%d func()\n", c)
	}
	b.WriteString("}\n\nvar s S\n\nfunc init() {\n")
	for c, ts := range p.targets {
		for _, t := range ts {
			fmt.Fprintf(&b, "\ts.cb%d = f%d\n", c, t)
		}
	}
	b.WriteString("}\n")
	for f, body := range p.funcs {
		fmt.Fprintf(&b, "\nfunc f%d() {\n", f)
		writeBlock(&b, body, "\t")
		b.WriteString("}\n")
	}
	return b.String()
}

func writeBlock(b *strings.Builder, body []ostmt, indent string) {
	for _, st := range body {
		switch st.kind {
		case "lock":
			fmt.Fprintf(b, "%smu%d.Lock()\n", indent, st.n)
			writeBlock(b, st.body, indent)
			fmt.Fprintf(b, "%smu%d.Unlock()\n", indent, st.n)
		case "defer":
			fmt.Fprintf(b, "%smu%d.Lock()\n%sdefer mu%d.Unlock()\n", indent, st.n, indent, st.n)
		case "call":
			fmt.Fprintf(b, "%sf%d()\n", indent, st.n)
		case "go":
			fmt.Fprintf(b, "%sgo f%d()\n", indent, st.n)
		case "cb":
			fmt.Fprintf(b, "%ss.cb%d()\n", indent, st.n)
		case "if":
			fmt.Fprintf(b, "%sif cond {\n", indent)
			writeBlock(b, st.body, indent+"\t")
			fmt.Fprintf(b, "%s} else {\n", indent)
			writeBlock(b, st.else_, indent+"\t")
			fmt.Fprintf(b, "%s}\n", indent)
		}
	}
}

// reference enumerates every path of every function, as the start of a
// goroutine, and returns the "held -> acquired" pairs, as "muA->muB". A go
// statement adds nothing: the function it starts is enumerated from no
// locks anyway, and no generated function releases a lock it did not take,
// so none is handed to a goroutine (see walker.handOff).
func (p oprog) reference() []string {
	pairs := make(map[string]bool)
	var run func(body []ostmt, held []int)
	call := func(f int, held []int) { run(p.funcs[f], held) }
	run = func(body []ostmt, held []int) {
		for i, st := range body {
			switch st.kind {
			case "lock", "defer":
				for _, h := range held {
					pairs[fmt.Sprintf("mu%d->mu%d", h, st.n)] = true
				}
				inner := append(slices.Clone(held), st.n)
				if st.kind == "defer" {
					run(body[i+1:], inner)
					return
				}
				run(st.body, inner)
			case "call":
				call(st.n, held)
			case "cb":
				for _, t := range p.targets[st.n] {
					call(t, held)
				}
			case "if":
				run(st.body, held)
				run(st.else_, held)
			}
		}
	}
	for f := range p.funcs {
		call(f, nil)
	}
	return slices.Sorted(func(yield func(string) bool) {
		for k := range pairs {
			if !yield(k) {
				return
			}
		}
	})
}

var (
	syncOnce sync.Once
	syncPkg  *types.Package
)

// analyse type-checks the source, builds its SSA and runs lockorder's
// per-package analysis on it, returning the edges of its lock graph.
func analyse(t testing.TB, src string) []string {
	syncOnce.Do(func() {
		pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedTypes | packages.NeedName}, "sync")
		if err != nil || len(pkgs) != 1 {
			t.Fatalf("loading sync: %v", err)
		}
		syncPkg = pkgs[0].Types
	})
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatalf("generated program does not parse: %v\n%s", err, src)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Implicits: map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{}, Scopes: map[ast.Node]*types.Scope{}, Instances: map[*ast.Ident]types.Instance{}}
	conf := types.Config{Importer: importerFunc(func(string) (*types.Package, error) { return syncPkg, nil })}
	pkg, err := conf.Check("p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatalf("generated program does not type-check: %v\n%s", err, src)
	}
	prog := ssa.NewProgram(fset, 0)
	prog.CreatePackage(syncPkg, nil, nil, true)
	ssaPkg := prog.CreatePackage(pkg, []*ast.File{f}, info, false)
	ssaPkg.Build()

	pass := &analysis.Pass{
		Analyzer: Analyzer, Fset: fset, Files: []*ast.File{f}, Pkg: pkg, TypesInfo: info,
		ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
		ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
		ExportObjectFact:  func(types.Object, analysis.Fact) {},
		Report:            func(analysis.Diagnostic) {},
	}
	pa := &pkgAnalysis{pass: pass, pkg: ssaPkg, results: make(map[*ssa.Function]*funcResult),
		callers: make(map[*ssa.Function]map[*ssa.Function]bool)}
	var funcs []*ssa.Function
	for _, mem := range ssaPkg.Members {
		if fn, ok := mem.(*ssa.Function); ok {
			funcs = append(funcs, fn)
		}
	}
	sortFuncs(funcs)
	pa.collectAliases(funcs)
	pa.summarize(funcs)
	fact, _ := pa.report()
	var edges []string
	for _, e := range fact.Edges {
		edges = append(edges, strings.TrimPrefix(e.From.ID, "p.")+"->"+strings.TrimPrefix(e.To.ID, "p."))
	}
	return edges
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// checkSeed generates the program of one seed and compares the analyzer's
// edges with the reference's.
func checkSeed(t testing.TB, seed uint64) {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	p := genProgram(r)
	nmu := 0
	for _, body := range p.funcs {
		nmu = max(nmu, maxMutex(body)+1)
	}
	src := p.source(max(nmu, 1))
	got, want := analyse(t, src), p.reference()
	if !slices.Equal(got, want) {
		t.Fatalf("seed %d: lockorder edges %v, reference %v\n%s", seed, got, want, src)
	}
}

func maxMutex(body []ostmt) int {
	m := -1
	for _, st := range body {
		if st.kind == "lock" || st.kind == "defer" {
			m = max(m, st.n)
		}
		m = max(m, maxMutex(st.body), maxMutex(st.else_))
	}
	return m
}

// TestOracle compares lockorder with the reference on a fixed set of
// generated programs.
func TestOracle(t *testing.T) {
	for seed := range uint64(600) {
		checkSeed(t, seed)
	}
}

// FuzzOracle runs the same comparison on seeds chosen by the fuzzer:
// go test ./analyzer -run '^$' -fuzz FuzzOracle -fuzztime 10m
func FuzzOracle(f *testing.F) {
	f.Add(uint64(1))
	f.Fuzz(func(t *testing.T, seed uint64) { checkSeed(t, seed) })
}
