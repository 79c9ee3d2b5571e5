package analyzer

import (
	"go/types"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/go/ssa"
)

// uncalled reports whether nothing can call a function, so that nothing
// reads its summary and its walk records only what it does under the locks
// it takes (edges, double locks, leaks, callbacks it stores; a witness it
// would only have kept in the summary is not counted as dropped): a test,
// benchmark, fuzz test or example, or an unexported function (main, or
// dead code), that its package never names. Tests hold most of the calls
// of a package's test variant, and their summaries, the union of all they
// call, would be the largest of the package.
//
// An exported function of a _test.go file can be called by the external
// test package (package x_test), but by convention tests are run, not
// called; a test called that way is analysed as if it took no lock.
// Methods can be called through interfaces, and in the whole-program mode
// the test main calls the tests: both are always summarised. A package and
// its test variant may disagree on an unexported function that only the
// tests call: see walkedElsewhere.
func (pa *pkgAnalysis) uncalled(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	return ok && pa.callees == nil && fn.Parent() == nil && pa.uncalledFunc(obj)
}

// uncalledFunc is uncalled for a declared function.
func (pa *pkgAnalysis) uncalledFunc(obj *types.Func) bool {
	if obj.Signature().Recv() != nil || obj.Name() == "init" {
		return false
	}
	if !obj.Exported() {
		return !pa.referenced(obj)
	}
	file := pa.pass.Fset.File(obj.Pos())
	return file != nil && strings.HasSuffix(file.Name(), "_test.go") && isTestName(obj.Name()) && !pa.referenced(obj)
}

// referenced reports whether the package's code names a function of the
// package: calls it or uses it as a value.
func (pa *pkgAnalysis) referenced(fn *types.Func) bool {
	if pa.referencedFuncs == nil {
		pa.referencedFuncs = make(map[*types.Func]bool)
		for _, obj := range pa.pass.TypesInfo.Uses {
			if f, ok := obj.(*types.Func); ok && f.Pkg() == pa.pass.Pkg {
				pa.referencedFuncs[f.Origin()] = true
			}
		}
	}
	return pa.referencedFuncs[fn]
}

// isTestName reports whether go test runs a function of this name: Test,
// Benchmark, Fuzz or Example, alone or followed by a character that is not
// a lower-case letter (as go test decides).
func isTestName(name string) bool {
	for _, prefix := range []string{"Test", "Benchmark", "Fuzz", "Example"} {
		if rest, ok := strings.CutPrefix(name, prefix); ok {
			r, _ := utf8.DecodeRuneInString(rest)
			return rest == "" || !unicode.IsLower(r)
		}
	}
	return false
}
