package deeplib

// Each calls f at the end of a chain of 32 calls: a witness through it is
// longer than lockorder keeps (see TestPruningChangesNothing and deepcalls).

import "sync"

var A sync.Mutex

func Each(f func()) { e1(f) } // want Each:"calls param 0"

// Near calls f at the end of a chain just short enough for its own
// witness, too long for one that goes on into f.
func Near(f func()) { e2(f) } // want Near:"calls param 0"

func e1(f func()) { e2(f) }

func e2(f func()) { e3(f) }

func e3(f func()) { e4(f) }

func e4(f func()) { e5(f) }

func e5(f func()) { e6(f) }

func e6(f func()) { e7(f) }

func e7(f func()) { e8(f) }

func e8(f func()) { e9(f) }

func e9(f func()) { e10(f) }

func e10(f func()) { e11(f) }

func e11(f func()) { e12(f) }

func e12(f func()) { e13(f) }

func e13(f func()) { e14(f) }

func e14(f func()) { e15(f) }

func e15(f func()) { e16(f) }

func e16(f func()) { e17(f) }

func e17(f func()) { e18(f) }

func e18(f func()) { e19(f) }

func e19(f func()) { e20(f) }

func e20(f func()) { e21(f) }

func e21(f func()) { e22(f) }

func e22(f func()) { e23(f) }

func e23(f func()) { e24(f) }

func e24(f func()) { e25(f) }

func e25(f func()) { e26(f) }

func e26(f func()) { e27(f) }

func e27(f func()) { e28(f) }

func e28(f func()) { e29(f) }

func e29(f func()) { e30(f) }

func e30(f func()) { e31(f) }

func e31(f func()) { f() }

// LockA takes A and releases it.
func LockA() { A.Lock(); A.Unlock() } // want LockA:"acquires deeplib.A"
