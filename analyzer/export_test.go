package analyzer

// SetPruneBodies turns the pruning of function bodies that cannot matter
// on or off, for the test that checks it changes nothing.
func SetPruneBodies(on bool) { pruneBodies = on }

// Recovered is recovered, for the test of a panicking analysis.
var Recovered = recovered

// SetShareVariants turns the reuse of results between a package and its
// test variant on or off, for the test that checks it changes nothing.
func SetShareVariants(on bool) { shareVariants = on }

// Reused reports, and forgets, whether a variant of the package with the
// given path reused the other variant's results.
func Reused(path string) bool {
	_, ok := reused.LoadAndDelete(path)
	return ok
}

// SetFactsForAllMethods gives every unexported method with a summary a
// fact, or only those named as a method of an interface of their package
// (see wantsFact), for the fixtures whose expectations show the summaries
// of unexported methods.
func SetFactsForAllMethods(on bool) { factsForAllMethods = on }
