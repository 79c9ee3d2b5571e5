// Package analyzer defines the lockorder analyzer.
//
// # Analyzer lockorder
//
// lockorder: report lock order cycles and double locks
//
// The analyzer builds, for every function, a summary of the mutexes it
// acquires while holding others, following static calls, methods and
// closures in the package and, through facts, in imported packages. A
// function value stored into a struct field (a callback registered with a
// setter, an assignment or a composite literal) is a possible callee of
// every call through that field, so a lock taken by a callback counts
// wherever the callback is invoked.
//
// A lock class is the place a mutex lives: a field of a named type
// ("store.Alerts.mtx") or a package-level variable. The edges "acquired B
// while holding A" form the lock graph; a cycle in it is a possible
// deadlock. For every edge on a cycle, a shortest cycle through it is
// reported, shortest first (every inversion of two locks, and a longer
// cycle when it takes a lock no reported cycle takes), once, in the first
// package where all its edges are visible, with the witness path of every
// edge as related information:
//
//	lock order cycle: mem.Alerts.mtx -> store.Alerts.mtx -> mem.Alerts.mtx: ...
//
// Taking a lock that the same value already holds, directly or through
// calls, is reported as a double lock (or a recursive read lock for two
// RLocks, which deadlocks once a writer waits). A function started with go
// runs with no locks held; a lock it releases without taking it is handed
// to it, and the function that started it holds it no longer.
package analyzer
