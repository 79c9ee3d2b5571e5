package freeroots // want package:"lock graph, 7 cycles"

// The unexported functions of this file that nothing calls, and the tests
// of freeroots_test.go, are roots: nothing reads their summaries (see
// uncalled), and they start with no lock held. Those that only call
// functions which release every lock they take, or pass them literals
// that do, record nothing and are not built (see TestRelevantRoots). The
// others hold a lock through a callee that returns holding it, store a
// callback, or pass one to a function that calls it with its lock held:
// each records an edge of a cycle that pruning it would lose.

import (
	"sync"
	"testing"

	"rootlib"
)

var (
	hooks  rootlib.Hooks
	keeper rootlib.Keeper
	e      sync.Mutex
	m1, m2 sync.Mutex
	once   sync.Once
	events = make(chan int, 1)
	done   sync.WaitGroup
	hs     handlers
	sink   rootlib.Sink
	board  rootlib.Board
	pump   rootlib.Pump
	relay  = rootlib.NewRelay()
)

// handlers holds a callback, called by quietSlots with no lock held.
type handlers struct{ on func() }

// ticker is an interface of the module, whose calls the analysis follows.
type ticker interface{ C() chan int }

// clock is a ticker whose C takes a lock.
type clock struct{}

func (clock) C() chan int { rootlib.LockA(); return events } // want C:"acquires rootlib.A"

// CallbacksUnder takes rootlib.A, e and rootlib.B, each around a call of
// the callbacks that the roots store or pass, which rootlib.Hooks calls
// with its lock held.
func CallbacksUnder() { // want CallbacksUnder:"acquires freeroots.e; acquires rootlib.A; acquires rootlib.B; acquires rootlib.Hooks.mu; calls rootlib.Hooks.cb"
	rootlib.AcquireA()
	hooks.Fire() // want `lock order cycle rootlib.A -> rootlib.Hooks.mu -> rootlib.A`
	rootlib.ReleaseA()
	e.Lock()
	hooks.Fire() // want `lock order cycle freeroots.e -> rootlib.Hooks.mu -> freeroots.e`
	e.Unlock()
	rootlib.B.Lock()
	hooks.Under(func() {}) // want `lock order cycle rootlib.B -> rootlib.Hooks.mu -> rootlib.B`
	rootlib.B.Unlock()
}

// LockBoth takes the two locks of rootlib and releases them, called by
// the tests.
func LockBoth() { // want LockBoth:"acquires rootlib.A; acquires rootlib.B"
	rootlib.LockB()
	rootlib.LockA()
}

// LockE is stored as a callback by storesNamed.
func LockE() { e.Lock(); e.Unlock() } // want LockE:"acquires freeroots.e"

// retry calls g with no lock held, through rootlib.Each.
func retry(g func()) { rootlib.Each(g) }

func quiet() {
	rootlib.LockB()
	rootlib.LockA()
}

func quietLiteral() {
	rootlib.Each(func() { rootlib.LockA() })
}

func quietHelper() {
	retry(func() { rootlib.LockB() })
}

func quietGo() {
	go func() { rootlib.LockA() }()
	defer rootlib.LockB()
}

func quietRelease() {
	rootlib.ReleaseA()
}

func quietCompared(g func()) bool {
	return g != nil
}

// register stores a callback itself, which its walk records: a root that
// calls it needs no walk for that.
func register() { hooks.Set(LockE) }

// signal provides an event with no lock held.
func signal() { events <- 1 }

// signalParam sends on a channel it is passed, which has no class: the
// walker records no event on it.
func signalParam(ch chan int) { ch <- 1 }

// lockAround takes a lock and releases it before it can return, as its
// syntax shows: a root that calls it records nothing.
func lockAround() {
	rootlib.A.Lock()
	rootlib.A.Unlock()
}

// lockDeferred releases its lock in a deferred call.
func lockDeferred() {
	rootlib.A.Lock()
	defer rootlib.A.Unlock()
}

// lockEarly may return holding rootlib.A: its syntax does not rule it
// out.
func lockEarly(b bool) {
	rootlib.A.Lock()
	if b {
		return // want `leaked lock: rootlib.A is still held here on some paths and released on others`
	}
	rootlib.A.Unlock()
}

// lockLoop may go round its loop again with rootlib.A held.
func lockLoop(n int) {
	for i := range n {
		rootlib.A.Lock()
		if i == 0 {
			continue
		}
		rootlib.A.Unlock()
	}
} // want `leaked lock: rootlib.A is still held here on some paths and released on others`

// lockAroundCall calls g with rootlib.A held.
func lockAroundCall(g func()) {
	rootlib.A.Lock()
	g()
	rootlib.A.Unlock()
}

// keep stores a literal that calls its parameter.
func keep(g func()) { keeper.Keep(func() { g() }) }

// connect calls each of its options with no lock held.
func connect(opts ...func()) {
	for _, o := range opts {
		o()
	}
}

// lockLater takes a lock through a literal it calls.
func lockLater() {
	f := func() { rootlib.A.Lock() }
	f()
}

func quietOptions() {
	connect(func() { rootlib.LockA() })
}

func lockedLater() {
	lockLater()
}

// keepAll stores a literal that passes on one of its parameters.
func keepAll(gs ...func()) { keeper.Keep(func() { rootlib.Each(gs[0]) }) }

func keepsAll() {
	keepAll(func() { rootlib.LockB() })
}

// lockM1 and lockM2 return holding their locks.
func lockM1() { m1.Lock() }

func lockM2() { m2.Lock() }

// lockOnce returns holding m1, the first time.
func lockOnce() { once.Do(lockM1) }

// reassign returns holding m2, through a variable declared with a literal.
func reassign() {
	f := func() {}
	f = lockM2
	f()
}

// iterate calls g with rootlib.A held.
func iterate(g func()) {
	for range rootlib.Locked {
		g()
	}
}

// onlyTests is called by a test only: here it is a root.
func onlyTests() { rootlib.LockC() }

func onceRoot() {
	lockOnce()
	rootlib.LockC()
}

func reassignRoot() {
	reassign()
	rootlib.LockC()
}

func rangeRoot() {
	iterate(func() { rootlib.LockC() })
}

func rangeDirect() {
	for range rootlib.Locked {
		rootlib.LockC()
	}
}

func quietRegister() {
	register()
}

func quietSignal() {
	signal()
}

// quietEvents uses only channels and WaitGroups that have no class: made
// here, passed on, received from a call.
func quietEvents(t ticker) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done() }()
	wg.Wait()
	made := &sync.WaitGroup{}
	made.Wait()
	ch := make(chan int, 1)
	ch <- 1
	<-ch
	signalParam(ch)
	select {
	case v := <-ch:
		_ = v
	case <-t.C():
	}
	close(ch)
	for range ch {
	}
}

// quietSlots calls a callback field and an interface method: with no lock
// held, such a call records nothing.
func quietSlots(t ticker) {
	hs.on()
	_ = t.C()
}

// signalsFree provides an event with no lock held, which tells the
// blocking checks that it is not provided only under a lock.
func signalsFree() { close(events) }

// signalsDone provides a WaitGroup's event with no lock held.
func signalsDone() { done.Done() }

// lockVia takes a lock through sync.Locker.
func lockVia(l sync.Locker) {
	l.Lock()
	l.Unlock()
}

func quietLockedAround() {
	lockAround()
	lockDeferred()
}

// quietLocked takes locks and releases them with nothing under them that
// records an edge.
func quietLocked() {
	rootlib.A.Lock()
	n := len(events)
	rootlib.A.Unlock()
	rootlib.B.Lock()
	defer rootlib.B.Unlock()
	_ = n
}

// lockedFatal may stop with a lock held, a leak.
func lockedFatal(t *testing.T, b bool) {
	rootlib.A.Lock()
	if b {
		t.Fatal("stop") // want `leaked lock: rootlib.A is still held here on some paths and released on others`
	}
	rootlib.A.Unlock()
}

// lockedCall calls a function that takes a lock with another held.
func lockedCall() {
	rootlib.B.Lock()
	rootlib.LockA()
	rootlib.B.Unlock()
}

// lockedDeferred holds a lock until it returns, which it releases in a
// nested block.
func lockedDeferred(b bool) {
	if b {
		rootlib.A.Lock()
		defer rootlib.A.Unlock()
	}
	rootlib.LockC()
}

func lockedEarly() {
	lockEarly(false)
}

func lockedLoop() {
	lockLoop(2)
}

func lockedAroundCall() {
	lockAroundCall(func() { rootlib.LockC() })
}

func keepsLiteral() {
	keep(func() { rootlib.LockB() })
}

func holds() {
	rootlib.AcquireA()
	rootlib.LockB() // want `lock order cycle rootlib.A -> rootlib.B -> rootlib.A`
	rootlib.ReleaseA()
}

func stores() {
	hooks.Set(func() { rootlib.LockA() }) // want `lock order cycle freeroots.e -> rootlib.A -> freeroots.e`
}

func callsValue() {
	g := rootlib.Callback()
	g()
}

// Changed calls the callback stored in board with e held.
func Changed() { // want Changed:"acquires freeroots.e; calls rootlib.Board.OnChange"
	e.Lock()
	board.OnChange()
	e.Unlock()
}

// watches stores a literal in an exported field, which Changed calls.
func watches() {
	board.Watch(func() { rootlib.LockB() })
}

// StopUnder stops the pump with e held.
func StopUnder() { // want StopUnder:"acquires freeroots.e; acquires rootlib.Pump.mu"
	e.Lock()
	pump.Stop() // want `lock order cycle freeroots.e -> rootlib.Pump.mu -> freeroots.e`
	e.Unlock()
}

// pumps stores a literal that the pump calls with its lock held.
func pumps() {
	pump.Start(func() { LockE() })
}

// RelayUnder fires the relay with e held.
func RelayUnder() { // want RelayUnder:"acquires freeroots.e; acquires rootlib.Relay.mu; calls rootlib.Relay.hook"
	e.Lock()
	relay.Fire() // want `lock order cycle freeroots.e -> rootlib.Relay.mu -> freeroots.e`
	e.Unlock()
}

// relays stores a literal that the relay's hook calls.
func relays() {
	relay.SetOut(func() { LockE() })
}

// quietLocal calls a literal through a local variable, here only.
func quietLocal() {
	check := func() { rootlib.LockA() }
	check()
	check()
}

// passesLocal passes a literal, through a local variable, to a function
// that calls it with its lock held.
func passesLocal() {
	f := func() { rootlib.LockB() }
	hooks.Under(f)
}

// callsLocalLater calls a local literal in another literal, which may run
// anywhere.
func callsLocalLater() {
	g := func() { rootlib.LockB() }
	hooks.Under(func() { g() })
}

// relayTo passes a literal that calls g, through a local variable, to a
// function that calls it with its lock held.
func relayTo(g func()) {
	f := func() { g() }
	hooks.Under(f)
}

func relaysTo() {
	relayTo(func() { rootlib.LockB() })
}

// quietParam declares a clock parameter of a literal it calls: a
// declaration converts nothing.
func quietParam() {
	f := func(c clock) {}
	f(clock{})
}

// quietSink stores a literal where nothing calls it: it runs nowhere.
func quietSink() {
	sink.Put(func() { rootlib.LockB() })
}

// quietStoresMade stores a func value that a call returns, which the
// walker does not follow.
func quietStoresMade() {
	hooks.Set(rootlib.Callback())
}

func storesNamed() {
	hooks.Set(LockE)
}

func under() {
	hooks.Under(func() { rootlib.LockB() })
}

func underHelper(g func()) {
	hooks.Under(g)
}
