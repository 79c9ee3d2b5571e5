package bounds // want package:`lock graph, 0 cycles`

// A call chain deeper than the witnesses lockorder keeps (32 steps): the
// edge a -> b at its end is dropped, so the cycle with Reverse is missed,
// and the report says where the bound cut.

import "sync"

var a, b sync.Mutex

// Forward holds a and, 40 calls down, takes b.
func Forward() { // want Forward:`acquires bounds.a$`
	a.Lock()
	defer a.Unlock()
	f1()
}

// Reverse takes a while holding b.
func Reverse() { // want Reverse:`acquires bounds.a; acquires bounds.b`
	b.Lock()
	defer b.Unlock()
	a.Lock()
	a.Unlock()
}

func f1()  { f2() }
func f2()  { f3() }
func f3()  { f4() }
func f4()  { f5() }
func f5()  { f6() }
func f6()  { f7() }
func f7()  { f8() }
func f8()  { f9() } // want `analysis bounded: 1 witnesses longer than 32 steps dropped in bounds.f8; cycles through them may be missed`
func f9()  { f10() }
func f10() { f11() }
func f11() { f12() }
func f12() { f13() }
func f13() { f14() }
func f14() { f15() }
func f15() { f16() }
func f16() { f17() }
func f17() { f18() }
func f18() { f19() }
func f19() { f20() }
func f20() { f21() }
func f21() { f22() }
func f22() { f23() }
func f23() { f24() }
func f24() { f25() }
func f25() { f26() }
func f26() { f27() }
func f27() { f28() }
func f28() { f29() }
func f29() { f30() }
func f30() { f31() }
func f31() { f32() }
func f32() { f33() }
func f33() { f34() }
func f34() { f35() }
func f35() { f36() }
func f36() { f37() }
func f37() { f38() }
func f38() { f39() }
func f39() { f40() }
func f40() { b.Lock(); b.Unlock() }
