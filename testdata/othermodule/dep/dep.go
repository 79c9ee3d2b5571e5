// Package dep is a module of its own, which example.com/app requires: the
// packages of example.com/app do not follow calls through its interface.
package dep

// Hook is an interface of another module than example.com/app.
type Hook interface{ Fire() }

// Call calls through Hook.
func Call(h Hook) { h.Fire() }
