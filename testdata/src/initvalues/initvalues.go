package initvalues // want package:"lock graph, 3 cycles"

// The initial values of package variables: the package initializer
// evaluates only those that matter to the lock graph. A literal function
// called at once is evaluated with its caller; one that takes both locks,
// in the order Drain inverts, makes a cycle, and one that registers a
// callback makes another with Flush; a literal stored in a variable, to be
// called later, makes a third with Idle.

import "sync"

var mu, other, third sync.Mutex

type hooks struct{ onClose func() }

// sizes does not matter: the initializer leaves it out.
var sizes = map[string]int{"small": 1, "large": 2}

// name calls a literal function that does not matter either; the
// initializer evaluates it all the same, since the literals after it are
// named by their rank among the initializer's literals (init.func2).
var name = func() string { return "initvalues" }()

var ready = func() bool {
	mu.Lock()
	defer mu.Unlock()
	other.Lock() // want `lock order cycle initvalues.mu -> initvalues.other -> initvalues.mu: initvalues.init.func2 acquires initvalues.other while holding initvalues.mu; initvalues.Drain acquires initvalues.mu while holding initvalues.other`
	other.Unlock()
	return true
}()

var closing = hooks{onClose: func() {
	third.Lock() // want `lock order cycle initvalues.mu -> initvalues.third -> initvalues.mu: initvalues.Close acquires initvalues.third while holding initvalues.mu; initvalues.Flush acquires initvalues.mu while holding initvalues.third`
	third.Unlock()
}}

func Drain() { // want Drain:"acquires initvalues.mu; acquires initvalues.other"
	other.Lock()
	defer other.Unlock()
	mu.Lock()
	mu.Unlock()
}

func Close() { // want Close:"acquires initvalues.mu; calls initvalues.hooks.onClose"
	mu.Lock()
	defer mu.Unlock()
	closing.onClose()
}

func Flush() { // want Flush:"acquires initvalues.mu; acquires initvalues.third"
	third.Lock()
	defer third.Unlock()
	mu.Lock()
	mu.Unlock()
}

var fourth sync.Mutex

// onIdle is a literal function stored, not called, by the initializer:
// it is walked all the same.
var onIdle = func() {
	fourth.Lock()
	defer fourth.Unlock()
	mu.Lock() // want `lock order cycle initvalues.fourth -> initvalues.mu -> initvalues.fourth: initvalues.init.func4 acquires initvalues.mu while holding initvalues.fourth; initvalues.Idle acquires initvalues.fourth while holding initvalues.mu`
	mu.Unlock()
}

func Idle() { // want Idle:"acquires initvalues.fourth; acquires initvalues.mu"
	mu.Lock()
	defer mu.Unlock()
	fourth.Lock()
	fourth.Unlock()
}
