package analyzer

// SetPruneBodies turns the pruning of function bodies that cannot matter
// on or off, for the test that checks it changes nothing.
func SetPruneBodies(on bool) { pruneBodies = on }

// Recovered is recovered, for the test of a panicking analysis.
var Recovered = recovered

// SetShareVariants turns the reuse of a package's results by its test
// variant on or off, for the test that checks it changes nothing.
func SetShareVariants(on bool) { shareVariants = on }

// Reused returns how many test variants reused their package's results.
func Reused() int64 { return reused.Load() }
