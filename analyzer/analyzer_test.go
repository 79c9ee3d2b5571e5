package analyzer_test

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/lockorder/lockorder/analyzer"
)

// testdata returns the absolute path of the repository's testdata
// directory, joined with elem.
func testdata(t *testing.T, elem ...string) string {
	dir, err := filepath.Abs(filepath.Join(append([]string{"..", "testdata"}, elem...)...))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestFixtures runs the analyzer over every case in testdata/src, both
// those that must report and those that must stay silent. Every method
// gets a fact, for the expectations that show the summaries of unexported
// methods (see TestUnexportedMethodFacts for which get one otherwise).
func TestFixtures(t *testing.T) {
	analyzer.SetFactsForAllMethods(true)
	defer analyzer.SetFactsForAllMethods(false)
	analysistest.Run(t, testdata(t), analyzer.Analyzer,
		"abba", "callbacklit", "fieldlib", "fielduser", "importuser", "double",
		"consistent", "released", "relocked", "captured", "afterunlock", "goroutine", "instances",
		"rwlocks", "leaks", "trylock", "lockers", "blocking",
		"suppress", "order", "orderbad",
		"informer", "controller", "controllerok", "replacecache", "until", "oncedo", "fanout", "bounds", "cover", "guarded", "lockall", "testentry", "variant", "variantalias", "variantuncalled", "variantinit", "variantmethod", "variantshadow", "variantbuiltin", "variantconvert", "initvalues", "stdleaves", "conversions", "recursive", "paramlib", "relevantcalls", "rootlib", "freeroots", "deeplib", "deepcalls")
}

// TestUnexportedMethodFacts checks which unexported methods get a fact:
// one named as a method of an interface of its package, which another
// package converts to it; not one that no interface has.
func TestUnexportedMethodFacts(t *testing.T) {
	analysistest.Run(t, testdata(t), analyzer.Analyzer, "slotlib", "slotuser")
}

// TestModel runs the analyzer over the bundled model of Alertmanager
// v0.27.0, which must report the mem/store cycle, and over its two fixed
// variants, which must stay silent. Every method gets a fact, as in
// TestFixtures.
func TestModel(t *testing.T) {
	analyzer.SetFactsForAllMethods(true)
	defer analyzer.SetFactsForAllMethods(false)
	for _, model := range []string{"alertmanager", "alertmanager-fixed", "alertmanager-ordered"} {
		t.Run(model, func(t *testing.T) {
			analysistest.Run(t, testdata(t, model), analyzer.Analyzer, "./...")
		})
	}
}

// TestOtherModuleInterfaces runs the analyzer over a module that requires
// another: a call through the other module's interface is not followed,
// and adds nothing to a summary or to a fact (see followed); the same call
// through an interface of the module is, and closes a cycle.
func TestOtherModuleInterfaces(t *testing.T) {
	analysistest.Run(t, testdata(t, "othermodule"), analyzer.Analyzer, "./...")
}

// TestModelWitness checks the related information of the model's cycle:
// every step of both goroutines' paths, with positions in both packages.
// (analysistest does not look at Related.)
func TestModelWitness(t *testing.T) {
	results := analysistest.Run(t, testdata(t, "alertmanager"), analyzer.Analyzer, "./provider/mem")
	checkRelated(t, results, "", []string{
		"mem.go:103: goroutine 1: holds mem.Alerts.mtx in (*mem.Alerts).Subscribe",
		"mem.go:108: goroutine 1: calls (*store.Alerts).List from (*mem.Alerts).Subscribe",
		"store.go:109: goroutine 1: acquires store.Alerts.mtx in (*store.Alerts).List",
		"store.go:63: goroutine 2: holds store.Alerts.mtx in (*store.Alerts).gc",
		"store.go:73: goroutine 2: calls store.Alerts.cb from (*store.Alerts).gc",
		"mem.go:75: goroutine 2: acquires mem.Alerts.mtx in mem.NewAlerts.func1",
	})
}

// TestRelockedWitness checks that a lock a callee releases and takes back
// is held, after the call, where the caller took it and in the mode the
// callee took it back in.
func TestRelockedWitness(t *testing.T) {
	analyzer.SetFactsForAllMethods(true)
	defer analyzer.SetFactsForAllMethods(false)
	results := analysistest.Run(t, testdata(t), analyzer.Analyzer, "relocked")
	checkRelated(t, results, "", []string{
		"relocked.go:29: goroutine 1: holds relocked.Resolver.mu in (*relocked.Resolver).Fetch",
		"relocked.go:31: goroutine 1: acquires relocked.Server.mu in (*relocked.Resolver).Fetch",
		"relocked.go:43: goroutine 2: holds relocked.Server.mu in (*relocked.Server).ReloadAndStore",
		"relocked.go:46: goroutine 2: calls (*relocked.Resolver).Store from (*relocked.Server).ReloadAndStore",
		"relocked.go:23: goroutine 2: acquires relocked.Resolver.mu in (*relocked.Resolver).Store",
		"relocked.go:55: goroutine 1: holds relocked.Index.mu in (*relocked.Index).Lookup",
		"relocked.go:57: goroutine 1: acquires relocked.Server.mu in (*relocked.Index).Lookup",
		"relocked.go:72: goroutine 2: holds relocked.Server.mu in (*relocked.Server).ReloadAndIndex",
		"relocked.go:75: goroutine 2: acquires relocked.Index.mu in (*relocked.Server).ReloadAndIndex",
		"relocked.go:83: relocked.Server.mu first acquired here",
		"relocked.go:84: calls (*relocked.Server).Twice.func1 from (*relocked.Server).Twice",
		"relocked.go:82: acquires relocked.Server.mu in (*relocked.Server).Twice.func1",
		"relocked.go:110: goroutine 1: holds relocked.Index.mu in (*relocked.Index).Scan",
		"relocked.go:112: goroutine 1: acquires relocked.Table.rw (read) in (*relocked.Index).Scan",
		"relocked.go:101: goroutine 2: holds relocked.Table.rw in (*relocked.Table).Grow",
		"relocked.go:103: goroutine 2: acquires relocked.Index.mu in (*relocked.Table).Grow",
		"relocked.go:120: relocked.Server.mu acquired here",
	})
}

// TestCapturedWitness checks the witness of a cycle through a closure
// given to a callee, which holds a lock and calls the caller's captured
// callback: the steps into the callee, the closure's lock, and the call
// named by the free variable.
func TestCapturedWitness(t *testing.T) {
	analyzer.SetFactsForAllMethods(true)
	defer analyzer.SetFactsForAllMethods(false)
	results := analysistest.Run(t, testdata(t), analyzer.Analyzer, "captured")
	checkRelated(t, results, "captured.Guest.mu -> captured.Hub.seen", []string{
		"closure.go:117: goroutine 1: holds captured.Guest.mu in (*captured.Guest).Stop",
		"closure.go:119: goroutine 1: calls (*captured.Hub).mark from (*captured.Guest).Stop",
		"closure.go:64: goroutine 1: acquires captured.Hub.seen in (*captured.Hub).mark",
		"closure.go:110: goroutine 2: calls (*captured.Hub).Visit from (*captured.Guest).Poke",
		"closure.go:39: goroutine 2: calls (*captured.Hub).forEach from (*captured.Hub).Visit",
		"closure.go:60: goroutine 2: calls g from (*captured.Hub).forEach",
		"closure.go:40: goroutine 2: holds captured.Hub.seen in (*captured.Hub).Visit.func1",
		"closure.go:42: goroutine 2: calls f from (*captured.Hub).Visit.func1",
		"closure.go:111: goroutine 2: acquires captured.Guest.mu in (*captured.Guest).Poke.func1",
	})
}

// checkRelated compares the related information of the diagnostics whose
// message has match in it with want, as file:line: message.
func checkRelated(t *testing.T, results []*analysistest.Result, match string, want []string) {
	t.Helper()
	var got []string
	for _, r := range results {
		for _, d := range r.Action.Diagnostics {
			if !strings.Contains(d.Message, match) {
				continue
			}
			for _, rel := range d.Related {
				posn := r.Action.Package.Fset.Position(rel.Pos)
				got = append(got, fmt.Sprintf("%s:%d: %s", filepath.Base(posn.Filename), posn.Line, rel.Message))
			}
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("related information:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestOrderFile checks the orders declared in the file given with -order.
func TestOrderFile(t *testing.T) {
	flag := analyzer.Analyzer.Flags.Lookup("order")
	if err := flag.Value.Set(testdata(t, "orders.txt")); err != nil {
		t.Fatal(err)
	}
	defer flag.Value.Set("")
	analysistest.Run(t, testdata(t), analyzer.Analyzer, "orderfile")
}

// TestWholeProgramSuperset checks, for every fixture, that the facts encode
// deterministically and that the whole-program mode reports everything the
// per-package mode reports (compared by message: the two modes may anchor a
// cycle at different steps of its witness; a cycle by its locks alone, as
// the whole-program mode names the function where a closure calls a
// captured callback, which the per-package mode names the closure's
// caller for when it maps the call back).
func TestWholeProgramSuperset(t *testing.T) {
	cases := []struct{ dir, pattern string }{
		{testdata(t), "./..."},
		{testdata(t, "alertmanager"), "./..."},
		{testdata(t, "alertmanager-fixed"), "./..."},
		{testdata(t, "alertmanager-ordered"), "./..."},
		{testdata(t, "othermodule"), "./..."},
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.dir), func(t *testing.T) {
			pkgs := load(t, c.dir, c.pattern)
			// SanityCheck encodes every fact twice, compares the bytes
			// and decodes it again: facts must gob-encode deterministically.
			graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.Analyzer}, pkgs, &checker.Options{SanityCheck: true})
			if err != nil {
				t.Fatal(err)
			}
			perPackage := make(map[string]bool)
			for act := range graph.All() {
				if act.IsRoot && act.Analyzer == analyzer.Analyzer {
					for _, d := range act.Diagnostics {
						perPackage[cycleLocks(d.Message)] = true
					}
				}
			}
			whole := make(map[string]bool)
			for _, d := range analyzer.WholeProgram(pkgs) {
				whole[cycleLocks(d.Message)] = true
			}
			if len(perPackage) == 0 && c.pattern == "./..." && filepath.Base(c.dir) == "alertmanager" {
				t.Fatal("the model reports nothing per package")
			}
			for msg := range perPackage {
				// A bound is reported once per package, and once for the
				// whole program: with more than one package cut, the
				// messages differ.
				if bound := "analysis bounded: "; strings.HasPrefix(msg, bound) {
					if !slices.ContainsFunc(slices.Collect(maps.Keys(whole)), func(w string) bool { return strings.HasPrefix(w, bound) }) {
						t.Errorf("per-package mode reports a bound, whole-program mode does not: %s", msg)
					}
					continue
				}
				if !whole[msg] {
					t.Errorf("per-package mode reports, whole-program mode does not: %s", msg)
				}
			}
		})
	}
}

// TestWholeProgramClosureCalls checks that the whole-program mode resolves
// the calls a closure makes of the func values it captures, which its
// callers cannot map back to a parameter of theirs.
func TestWholeProgramClosureCalls(t *testing.T) {
	whole := make(map[string]bool)
	for _, d := range analyzer.WholeProgram(load(t, testdata(t), "closurecalls")) {
		whole[strings.SplitN(d.Message, ":", 2)[0]] = true
	}
	for _, want := range []string{
		"lock order cycle closurecalls.A.mu -> closurecalls.B.mu -> closurecalls.A.mu",
		"lock order cycle closurecalls.A.mu -> closurecalls.C.mu -> closurecalls.A.mu",
		"lock order cycle closurecalls.Hub.mu -> closurecalls.Member.mu -> closurecalls.Hub.mu",
	} {
		if !whole[want] {
			t.Errorf("whole-program mode does not report %q; it reports %v", want, slices.Sorted(maps.Keys(whole)))
		}
	}
}

// cycleLocks returns the message of a diagnostic, cut after the locks for
// a cycle.
func cycleLocks(msg string) string {
	if strings.HasPrefix(msg, "lock order cycle ") {
		msg, _, _ = strings.Cut(msg, ":")
	}
	return msg
}

// TestPruningChangesNothing checks that building SSA only for the
// functions that can matter gives the same diagnostics, lock graphs and
// facts, in every package analysed (the standard library's included), as
// building it for every function.
func TestPruningChangesNothing(t *testing.T) {
	for _, dir := range []string{testdata(t), testdata(t, "alertmanager"), testdata(t, "othermodule")} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			pkgs := load(t, dir, "./...")
			pruned := analyzeAll(t, pkgs, false)
			analyzer.SetPruneBodies(false)
			defer analyzer.SetPruneBodies(true)
			compareOutputs(t, pruned, analyzeAll(t, pkgs, false), "with pruning", "without")
		})
	}
}

// TestMethodFactsChangeNothing checks that giving a fact only to the
// unexported methods another package may reach through an interface gives
// the same diagnostics, lock graphs and package facts, in every package
// analysed, as giving one to every method (as TestFixtures does, for the
// expectations that show their summaries).
func TestMethodFactsChangeNothing(t *testing.T) {
	for _, dir := range []string{testdata(t), testdata(t, "alertmanager"), testdata(t, "othermodule")} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			pkgs := load(t, dir, "./...")
			some := withoutFuncFacts(analyzeAll(t, pkgs, false))
			analyzer.SetFactsForAllMethods(true)
			defer analyzer.SetFactsForAllMethods(false)
			compareOutputs(t, some, withoutFuncFacts(analyzeAll(t, pkgs, false)), "with facts on some unexported methods", "on all")
		})
	}
}

// withoutFuncFacts returns analyzeAll's outputs without the functions'
// facts.
func withoutFuncFacts(outputs map[string]string) map[string]string {
	out := make(map[string]string, len(outputs))
	for id, lines := range outputs {
		var kept []string
		for line := range strings.SplitSeq(lines, "\n") {
			if !strings.Contains(line, "&analyzer.funcFact{") {
				kept = append(kept, line)
			}
		}
		out[id] = strings.Join(kept, "\n")
	}
	return out
}

// TestTestVariantsReuseExactly checks that a package and its test variant
// that reuse each other's results (see analyzer/variant.go) report and
// export what they do when they walk every function: analysed one at a
// time, the package first or its test variant first (the second always
// finds what the first shares), and all at once (the second may wait for
// the first). The fixtures exercise the reuse and the cases where the test
// files forbid it.
func TestTestVariantsReuseExactly(t *testing.T) {
	pkgs := load(t, testdata(t), "./...")
	analyzer.SetShareVariants(false)
	all := analyzeAll(t, pkgs, true)
	analyzer.SetShareVariants(true)
	for _, order := range []string{"package first", "test variant first"} {
		t.Run(order, func(t *testing.T) {
			ordered := pkgs
			if order == "test variant first" {
				ordered = slices.Clone(pkgs)
				slices.Reverse(ordered) // the test main first, and its imports before it
			}
			shared := analyzeAll(t, ordered, true)
			for path, reuses := range map[string]bool{
				"variant": true, "variantuncalled": true, "variantinit": true, "variantmethod": true, "variantcut": true, "variantinitfunc": true,
				"variantalias": false, "variantshadow": false, "variantbuiltin": false, "variantuniverse": false, "variantconvert": false,
			} {
				if analyzer.Reused(path) != reuses {
					t.Errorf("a variant of %s reused the other's results: %v, want %v", path, !reuses, reuses)
				}
			}
			compareOutputs(t, shared, all, "reusing", "walking all")
		})
	}
	// Loaded again: no variant finds what one of the runs above shared.
	compareOutputs(t, analyzeAll(t, load(t, testdata(t), "./..."), false), all, "reusing in parallel", "walking all")
}

// analyzeAll runs the analyzer over packages, one at a time in order or
// all at once, and returns, by package ID, its error, diagnostics, lock
// graph edges and facts, one per line.
func analyzeAll(t *testing.T, pkgs []*packages.Package, sequential bool) map[string]string {
	t.Helper()
	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.Analyzer}, pkgs, &checker.Options{Sequential: sequential})
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string]string)
	for act := range graph.All() {
		if act.Analyzer != analyzer.Analyzer {
			continue
		}
		lines := []string{fmt.Sprintf("error: %v", act.Err)}
		for _, d := range act.Diagnostics {
			lines = append(lines, fmt.Sprintf("%s: %s", act.Package.Fset.Position(d.Pos), d.Message))
		}
		if r, ok := act.Result.(*analyzer.Result); ok {
			for _, e := range r.Edges {
				lines = append(lines, fmt.Sprintf("edge %s -> %s: %v", e.From.ID, e.To.ID, e.Witness))
			}
		}
		for _, f := range act.AllObjectFacts() {
			lines = append(lines, fmt.Sprintf("fact %s: %#v", f.Object, f.Fact))
		}
		for _, f := range act.AllPackageFacts() {
			lines = append(lines, fmt.Sprintf("fact %s: %#v", f.Package.Path(), f.Fact))
		}
		slices.Sort(lines)
		out[act.Package.ID] = strings.Join(lines, "\n")
	}
	return out
}

// compareOutputs reports every package whose output differs between two
// runs of analyzeAll.
func compareOutputs(t *testing.T, got, want map[string]string, gotName, wantName string) {
	t.Helper()
	if len(want) < 10 {
		t.Fatalf("only %d packages analysed", len(want))
	}
	for id, w := range want {
		if g := got[id]; g != w {
			t.Errorf("package %s: %s:\n%s\n%s:\n%s", id, gotName, g, wantName, w)
		}
	}
}

// TestPanicIsPackageError checks that a panic while analysing one package
// becomes that package's error and the other packages are still analysed.
func TestPanicIsPackageError(t *testing.T) {
	pkgs := load(t, testdata(t), "./abba")
	pkgs = append(pkgs, load(t, testdata(t), "./double")...)
	panicky := &analysis.Analyzer{
		Name: "panicky",
		Doc:  "panics on package double",
		Run: func(pass *analysis.Pass) (any, error) {
			return analyzer.Recovered(func() (any, error) {
				if pass.Pkg.Name() == "double" {
					var m map[string]int
					m["boom"]++ // a nil map: a runtime panic
				}
				pass.Reportf(pass.Files[0].Package, "analysed")
				return nil, nil
			})
		},
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{panicky}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(graph.Roots) != 2 {
		t.Fatalf("%d root actions, want 2", len(graph.Roots))
	}
	for _, act := range graph.Roots {
		switch name := act.Package.Name; {
		case name == "double" && (act.Err == nil || !strings.HasPrefix(act.Err.Error(), "internal error: assignment to entry in nil map (please report it)")):
			t.Errorf("double: error %v, want the panic as an internal error", act.Err)
		case name == "abba" && (act.Err != nil || len(act.Diagnostics) != 1):
			t.Errorf("abba: error %v, %d diagnostics; want it analysed", act.Err, len(act.Diagnostics))
		}
	}
}

// load loads the packages matching pattern in dir, a module or a GOPATH
// tree (testdata/src), with their dependencies from source.
func load(t *testing.T, dir, pattern string) []*packages.Package {
	t.Helper()
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Tests: true}
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		cfg.Dir = filepath.Join(dir, "src")
		cfg.Env = append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOWORK=off")
	} else {
		cfg.Env = append(os.Environ(), "GOWORK=off", "GOPROXY=off")
	}
	pkgs, err := packages.Load(cfg, pattern)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("packages have errors")
	}
	return pkgs
}
