package analyzer

// SetPruneBodies turns the pruning of function bodies that cannot matter
// on or off, for the test that checks it changes nothing.
func SetPruneBodies(on bool) { pruneBodies = on }

// Recovered is recovered, for the test of a panicking analysis.
var Recovered = recovered
