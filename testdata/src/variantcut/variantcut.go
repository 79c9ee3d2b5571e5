package variantcut

// dead keeps no summary: nothing calls it. The witnesses longer than
// maxChain that only its summary would have kept are not counted as
// dropped, whichever variant walks it (see analyzer/variant.go).

import "sync"

var b sync.Mutex

// dead is unexported and named nowhere: nothing reads its summary.
func dead() { f1() }

func f1()  { f2() }
func f2()  { f3() }
func f3()  { f4() }
func f4()  { f5() }
func f5()  { f6() }
func f6()  { f7() }
func f7()  { f8() }
func f8()  { f9() }
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
func f32() { b.Lock(); b.Unlock() }
