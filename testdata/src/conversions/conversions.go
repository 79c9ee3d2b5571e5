package conversions // want package:"lock graph, 13 cycles"

// A value converted to an interface registers its type's methods as
// callees of the interface's methods, wherever the conversion happens:
// each type below is converted in one way only, and its Run (or Stop)
// takes a lock of its own, which Exec (or Halt) takes while holding outer.
// Reverse takes them the other way round: a cycle for every way of
// converting. At the end, the same types used without a conversion.

import "sync"

var outer sync.Mutex

// Two interfaces, for lockorder follows at most 8 callees of a method.
type (
	Runner  interface{ Run() }
	Stopper interface{ Stop() }
)

// Exec runs r while holding outer.
func Exec(r Runner) { // want Exec:"acquires conversions.outer; calls conversions.Runner.Run\\(\\)"
	outer.Lock()
	defer outer.Unlock()
	r.Run()
}

// Halt stops s while holding outer.
func Halt(s Stopper) { // want Halt:"acquires conversions.outer; calls conversions.Stopper.Stop\\(\\)"
	outer.Lock()
	defer outer.Unlock()
	s.Stop()
}

var assignMu, declMu, argMu, variadicMu, returnMu, fieldMu, elemMu, mapMu, sendMu, appendMu, convMu, initMu, compareMu sync.Mutex

type assigned struct{}

func (*assigned) Run() { assignMu.Lock(); assignMu.Unlock() } // want Run:"acquires conversions.assignMu"

type declared struct{}

func (declared) Run() { declMu.Lock(); declMu.Unlock() } // want Run:"acquires conversions.declMu"

type argument struct{}

func (*argument) Run() { argMu.Lock(); argMu.Unlock() } // want Run:"acquires conversions.argMu"

type variadic struct{}

func (*variadic) Run() { variadicMu.Lock(); variadicMu.Unlock() } // want `lock order cycle conversions.outer -> conversions.variadicMu -> conversions.outer: conversions.Exec acquires conversions.variadicMu while holding conversions.outer; conversions.Reverse acquires conversions.outer while holding conversions.variadicMu` Run:"acquires conversions.variadicMu"

type returned struct{}

func (*returned) Run() { returnMu.Lock(); returnMu.Unlock() } // want `lock order cycle conversions.outer -> conversions.returnMu -> conversions.outer: conversions.Exec acquires conversions.returnMu while holding conversions.outer; conversions.Reverse acquires conversions.outer while holding conversions.returnMu` Run:"acquires conversions.returnMu"

type field struct{}

func (*field) Run() { fieldMu.Lock(); fieldMu.Unlock() } // want Run:"acquires conversions.fieldMu"

type element struct{}

func (*element) Run() { elemMu.Lock(); elemMu.Unlock() } // want Run:"acquires conversions.elemMu"

type mapped struct{}

func (*mapped) Stop() { mapMu.Lock(); mapMu.Unlock() } // want Stop:"acquires conversions.mapMu"

type sent struct{}

func (*sent) Stop() { sendMu.Lock(); sendMu.Unlock() } // want `lock order cycle conversions.outer -> conversions.sendMu -> conversions.outer: conversions.Halt acquires conversions.sendMu while holding conversions.outer; conversions.Reverse acquires conversions.outer while holding conversions.sendMu` Stop:"acquires conversions.sendMu"

type appended struct{}

func (*appended) Stop() { appendMu.Lock(); appendMu.Unlock() } // want Stop:"acquires conversions.appendMu"

type converted struct{}

func (*converted) Stop() { convMu.Lock(); convMu.Unlock() } // want Stop:"acquires conversions.convMu"

type initial struct{}

func (*initial) Stop() { initMu.Lock(); initMu.Unlock() } // want Stop:"acquires conversions.initMu"

type compared struct{}

func (*compared) Stop() { compareMu.Lock(); compareMu.Unlock() } // want Stop:"acquires conversions.compareMu"

// holder is a struct with a field of each kind: one of the interface, one
// of a type with a Run.
type holder struct {
	r Runner
	f *field
}

func Assign() { // want Assign:"acquires conversions.outer; calls conversions.Runner.Run\\(\\)"
	var r Runner
	r = &assigned{}
	Exec(r)
}

func Declare() { // want Declare:"acquires conversions.outer; calls conversions.Runner.Run\\(\\)"
	var r Runner = declared{}
	Exec(r)
}

func Argument() { Exec(&argument{}) } // want Argument:"acquires conversions.outer; calls conversions.Runner.Run\\(\\)"

func execAll(rs ...Runner) {
	for _, r := range rs {
		Exec(r)
	}
}

func Variadic() { execAll(nil, &variadic{}) } // want Variadic:"acquires conversions.outer; calls conversions.Runner.Run\\(\\)"

func newRunner() Runner { return &returned{} }

func Return() { Exec(newRunner()) } // want Return:"acquires conversions.outer; calls conversions.Runner.Run\\(\\)"

func Field() { Exec(holder{r: &field{}}.r) } // want Field:"acquires conversions.outer; calls conversions.Runner.Run\\(\\)"

func Element() { Exec([]Runner{&element{}}[0]) } // want Element:"acquires conversions.outer; calls conversions.Runner.Run\\(\\)"

func Map() { Halt(map[string]Stopper{"m": &mapped{}}["m"]) } // want Map:"acquires conversions.outer; calls conversions.Stopper.Stop\\(\\)"

func Send() { // want Send:"acquires conversions.outer; calls conversions.Stopper.Stop\\(\\)"
	ch := make(chan Stopper, 1)
	ch <- &sent{}
	Halt(<-ch)
}

func Append() { Halt(append([]Stopper(nil), &appended{})[0]) } // want Append:"acquires conversions.outer; calls conversions.Stopper.Stop\\(\\)"

func Convert() { Halt(Stopper(&converted{})) } // want Convert:"acquires conversions.outer; calls conversions.Stopper.Stop\\(\\)"

var global Stopper = &initial{}

func Initial() { Halt(global) } // want Initial:"acquires conversions.outer; calls conversions.Stopper.Stop\\(\\)"

// Compare converts c to compare it with s, which it stops: s may be c.
func Compare(s Stopper, c *compared) { // want Compare:"acquires conversions.outer; calls conversions.Stopper.Stop\\(\\)"
	if s == c {
		Halt(s)
	}
}

// Reverse takes outer while holding each of the others.
func Reverse() { // want Reverse:"acquires conversions.appendMu; acquires conversions.argMu; acquires conversions.assignMu; acquires conversions.compareMu; acquires conversions.convMu; acquires conversions.declMu; acquires conversions.elemMu; acquires conversions.fieldMu; acquires conversions.initMu; acquires conversions.mapMu; acquires conversions.outer; acquires conversions.returnMu; acquires conversions.sendMu; acquires conversions.variadicMu"
	assignMu.Lock()
	outer.Lock() // want `lock order cycle conversions.assignMu -> conversions.outer -> conversions.assignMu: conversions.Reverse acquires conversions.outer while holding conversions.assignMu; conversions.Exec acquires conversions.assignMu while holding conversions.outer`
	outer.Unlock()
	assignMu.Unlock()
	declMu.Lock()
	outer.Lock() // want `lock order cycle conversions.declMu -> conversions.outer -> conversions.declMu: conversions.Reverse acquires conversions.outer while holding conversions.declMu; conversions.Exec acquires conversions.declMu while holding conversions.outer`
	outer.Unlock()
	declMu.Unlock()
	argMu.Lock()
	outer.Lock() // want `lock order cycle conversions.argMu -> conversions.outer -> conversions.argMu: conversions.Reverse acquires conversions.outer while holding conversions.argMu; conversions.Exec acquires conversions.argMu while holding conversions.outer`
	outer.Unlock()
	argMu.Unlock()
	variadicMu.Lock()
	outer.Lock()
	outer.Unlock()
	variadicMu.Unlock()
	returnMu.Lock()
	outer.Lock()
	outer.Unlock()
	returnMu.Unlock()
	fieldMu.Lock()
	outer.Lock() // want `lock order cycle conversions.fieldMu -> conversions.outer -> conversions.fieldMu: conversions.Reverse acquires conversions.outer while holding conversions.fieldMu; conversions.Exec acquires conversions.fieldMu while holding conversions.outer`
	outer.Unlock()
	fieldMu.Unlock()
	elemMu.Lock()
	outer.Lock() // want `lock order cycle conversions.elemMu -> conversions.outer -> conversions.elemMu: conversions.Reverse acquires conversions.outer while holding conversions.elemMu; conversions.Exec acquires conversions.elemMu while holding conversions.outer`
	outer.Unlock()
	elemMu.Unlock()
	mapMu.Lock()
	outer.Lock() // want `lock order cycle conversions.mapMu -> conversions.outer -> conversions.mapMu: conversions.Reverse acquires conversions.outer while holding conversions.mapMu; conversions.Halt acquires conversions.mapMu while holding conversions.outer`
	outer.Unlock()
	mapMu.Unlock()
	sendMu.Lock()
	outer.Lock()
	outer.Unlock()
	sendMu.Unlock()
	appendMu.Lock()
	outer.Lock() // want `lock order cycle conversions.appendMu -> conversions.outer -> conversions.appendMu: conversions.Reverse acquires conversions.outer while holding conversions.appendMu; conversions.Halt acquires conversions.appendMu while holding conversions.outer`
	outer.Unlock()
	appendMu.Unlock()
	convMu.Lock()
	outer.Lock() // want `lock order cycle conversions.convMu -> conversions.outer -> conversions.convMu: conversions.Reverse acquires conversions.outer while holding conversions.convMu; conversions.Halt acquires conversions.convMu while holding conversions.outer`
	outer.Unlock()
	convMu.Unlock()
	initMu.Lock()
	outer.Lock() // want `lock order cycle conversions.initMu -> conversions.outer -> conversions.initMu: conversions.Reverse acquires conversions.outer while holding conversions.initMu; conversions.Halt acquires conversions.initMu while holding conversions.outer`
	outer.Unlock()
	initMu.Unlock()
	compareMu.Lock()
	outer.Lock() // want `lock order cycle conversions.compareMu -> conversions.outer -> conversions.compareMu: conversions.Reverse acquires conversions.outer while holding conversions.compareMu; conversions.Halt acquires conversions.compareMu while holding conversions.outer`
	outer.Unlock()
	compareMu.Unlock()
}

// The functions and the initial value below use the same types without
// converting them to an interface: they register nothing, and lockorder
// does not walk them (see TestRelevantFuncs).

// use takes the values at their own types, as named parameters.
func use(a *assigned, d declared, f *field, e *element, m map[*mapped]int, p *appended, b assigned, q *declared) {
}

func Unconverted() int {
	a := &assigned{}
	var d declared = declared{}
	h := holder{f: &field{}}
	es := []*element{{}}
	m := map[*mapped]int{&mapped{}: 1}
	b := *a // dereferenced
	p := &d // its address taken
	use(a, d, h.f, es[0], m, (*appended)(nil), b, p)
	return len(es) + len(m)
}

// keepAny takes values as any.
func keepAny(...any) {}

// failing is a Runner that is also an error.
type failing struct{}

func (*failing) Run() { assignMu.Lock(); assignMu.Unlock() } // want Run:"acquires conversions.assignMu"

func (*failing) Error() string { return "failing" }

// Unnamed stores and passes values as any and error, interfaces with no
// slots: only a named interface of the module has them.
func Unnamed() any {
	var x any = &assigned{}
	var err error = &failing{}
	keepAny(&declared{}, x, err)
	return &field{}
}

// Own compares and returns a value at its own type.
func Own(a *assigned) *assigned {
	if a == nil || a != a {
		return &assigned{}
	}
	return a
}

var (
	spare = &initial{}
	table = []*initial{{}, {}}
)
