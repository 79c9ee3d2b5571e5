package deepcalls

// Each of these passes deeplib.Each or deeplib.Near a literal whose
// witness would be too long, where nothing would record it: no lock is
// held, and either no summary is kept (root and rootNear, functions
// nothing calls) or the literal takes no lock (Called). None reports a
// dropped witness, built or not.

import "deeplib"

func root() {
	deeplib.Each(func() { deeplib.LockA() })
}

func rootNear() {
	deeplib.Near(func() { deeplib.LockA() })
}

// Called keeps a summary.
func Called() {
	deeplib.Each(func() {})
}
